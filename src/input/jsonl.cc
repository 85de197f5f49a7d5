#include "input/jsonl.h"

#include <simdjson.h>

#include "input/text.h"

namespace warta {

JsonlReader::JsonlReader(std::unique_ptr<ByteStream> stream, size_t max_line)
    : reader_(std::move(stream)), max_line_(max_line), parser_(std::make_unique<simdjson::dom::parser>()) {}

JsonlReader::~JsonlReader() = default;

Result<bool> JsonlReader::Next(JsonlItem* item) {
  for (;;) {
    item->url.clear();
    item->content.clear();
    item->plain_text = false;
    item->status = Status::Ok();
    Result<bool> got = reader_.ReadLine(&line_, max_line_);
    item->line = ++line_no_;
    if (!got.ok()) {
      if (got.status().code() != StatusCode::kTooLarge) return got.status();
      item->status = got.status();
      return true;
    }
    if (!*got) return false;
    if (text::Trim(line_).empty()) continue;
    item->status = Parse(item);
    return true;
  }
}

Status JsonlReader::Parse(JsonlItem* item) {
  // Parsing in place: simdjson reads up to SIMDJSON_PADDING bytes past the end.
  line_.reserve(line_.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element doc;
  simdjson::dom::object object;
  if (parser_->parse(line_.data(), line_.size(), false).get(doc) != simdjson::SUCCESS ||
      doc.get_object().get(object) != simdjson::SUCCESS) {
    return Status::Corrupt("line " + std::to_string(item->line) + ": not a JSON object");
  }
  std::string_view value;
  if (object["url"].get_string().get(value) == simdjson::SUCCESS) item->url.assign(value);
  if (object["html"].get_string().get(value) == simdjson::SUCCESS) {
    item->content.assign(value);
  } else if (object["text"].get_string().get(value) == simdjson::SUCCESS) {
    item->content.assign(value);
    item->plain_text = true;
  } else {
    return Status::InvalidArgument("line " + std::to_string(item->line) + ": no \"html\" or \"text\" string");
  }
  return Status::Ok();
}

}  // namespace warta
