#include "base/json_writer.h"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/utf8.h"

namespace warta {

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::Key(std::string_view key) {
  Separate();
  AppendEscaped(key, out_);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  Separate();
  AppendEscaped(value, out_);
}

void JsonWriter::Int(int64_t value) {
  Separate();
  out_->append(std::to_string(value));
}

void JsonWriter::Bool(bool value) {
  Separate();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  Separate();
  out_->append("null");
}

void JsonWriter::Member(std::string_view key, const std::vector<std::string>& values) {
  Key(key);
  BeginArray();
  for (const std::string& v : values) String(v);
  EndArray();
}

namespace {

// True for the bytes that go out as they are: printable ASCII but '"' and
// '\\'. Text is mostly such runs, copied whole.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// The first byte from `i` on that is not kPlain, or s.size(). Sixteen bytes
// at a time where SSE2 is there (every x86-64): record text is long runs.
size_t SkipPlain(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= s.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Signed: bytes from 0x80 are negative, so "< 0x20" also finds them.
    __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    int mask = _mm_movemask_epi8(special);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < s.size() && kPlain[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

void AppendEscapedByte(unsigned char c, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"': out->append("\\\""); break;
    case '\\': out->append("\\\\"); break;
    case '\n': out->append("\\n"); break;
    case '\r': out->append("\\r"); break;
    case '\t': out->append("\\t"); break;
    case '\b': out->append("\\b"); break;
    case '\f': out->append("\\f"); break;
    default:  // the other control characters
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
  }
}

}  // namespace

void JsonWriter::AppendEscaped(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  size_t pending = 0;  // s[pending, i) goes out as it is, in one append
  size_t i = 0;
  for (;;) {
    i = SkipPlain(s, i);
    if (i == s.size()) break;
    size_t start = i;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      char32_t cp = utf8::Decode(s, &i);
      bool invalid = cp == utf8::kReplacement && i == start + 1;
      // Valid JSON, but they break JavaScript consumers of JSON Lines.
      bool separator = cp == 0x2028 || cp == 0x2029;
      if (!invalid && !separator) continue;  // well-formed: part of the run
      out->append(s.data() + pending, start - pending);
      if (invalid) {
        utf8::Append(utf8::kReplacement, out);
      } else {
        out->append(cp == 0x2028 ? "\\u2028" : "\\u2029");
      }
    } else {
      out->append(s.data() + pending, start - pending);
      AppendEscapedByte(c, out);
      ++i;
    }
    pending = i;
  }
  out->append(s.data() + pending, i - pending);
  out->push_back('"');
}

}  // namespace warta
