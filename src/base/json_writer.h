// JsonWriter: a small streaming JSON writer for records (JSON Lines).
//
// Appends to a caller-owned std::string; keys and values are escaped per
// RFC 8259. Invalid UTF-8 in strings is replaced by U+FFFD so the output is
// always valid JSON, whatever the page held. The writer tracks only whether a
// comma is due, so misuse (a key inside an array) produces bad JSON rather
// than an error: callers are simple and tested.
//
// Thread safety: one writer per thread.
#ifndef WARTA_BASE_JSON_WRITER_H_
#define WARTA_BASE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Separate(); out_->push_back('{'); first_.push_back(true); }
  void EndObject() { out_->push_back('}'); first_.pop_back(); }
  void BeginArray() { Separate(); out_->push_back('['); first_.push_back(true); }
  void EndArray() { out_->push_back(']'); first_.pop_back(); }

  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(int64_t value);
  void Bool(bool value);
  void Null();

  // Shorthands for "key": value members.
  void Member(std::string_view key, std::string_view value) { Key(key); String(value); }
  void Member(std::string_view key, int64_t value) { Key(key); Int(value); }
  void Member(std::string_view key, const std::vector<std::string>& values);

  // Appends `s` as a quoted JSON string.
  static void AppendEscaped(std::string_view s, std::string* out);

 private:
  void Separate();

  std::string* out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace warta

#endif  // WARTA_BASE_JSON_WRITER_H_
