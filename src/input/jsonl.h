// JsonlReader: pages from JSON Lines, one object per line:
//   {"url": "https://...", "html": "<html>..."}
// ("text" instead of "html" marks a plain-text page). A line that is not
// such an object becomes an item with an error status; reading goes on.
//
// Thread safety: one reader per thread.
#ifndef WARTA_INPUT_JSONL_H_
#define WARTA_INPUT_JSONL_H_

#include <cstdint>
#include <memory>
#include <string>

#include "input/stream.h"
#include "warta/status.h"

namespace simdjson::dom {
class parser;
}

namespace warta {

struct JsonlItem {
  uint64_t line = 0;  // 1-based line number in the stream
  std::string url;
  std::string content;     // the page, UTF-8 (JSON strings are)
  bool plain_text = false;  // from "text" rather than "html"
  Status status;
};

class JsonlReader {
 public:
  // Lines longer than `max_line` bytes are skipped and reported TooLarge.
  JsonlReader(std::unique_ptr<ByteStream> stream, size_t max_line);
  ~JsonlReader();

  // The next non-blank line into *item: true, or false at the end. An error
  // Result means the stream itself failed.
  Result<bool> Next(JsonlItem* item);

 private:
  Status Parse(JsonlItem* item);

  BufferedReader reader_;
  size_t max_line_;
  uint64_t line_no_ = 0;
  std::string line_;
  // Behind a pointer so simdjson's configuration macros stay in one TU.
  std::unique_ptr<simdjson::dom::parser> parser_;
};

}  // namespace warta

#endif  // WARTA_INPUT_JSONL_H_
