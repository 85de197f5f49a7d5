// Writing records: JSON Lines (the default), plain text, or Markdown.
//
// The JSON form is the documented schema of docs/record.md: every field is
// always present (empty strings and arrays when nothing was found), so
// consumers never test for missing keys. Output is valid UTF-8 JSON whatever
// the page held.
//
// Thread safety: pure functions.
#ifndef WARTA_RECORD_FORMAT_H_
#define WARTA_RECORD_FORMAT_H_

#include <string>
#include <string_view>

#include "warta/record.h"

namespace warta {

enum class OutputFormat { kJson, kText, kMarkdown };

// Parses "json", "text", "markdown"/"md"; false when unknown.
bool ParseOutputFormat(std::string_view name, OutputFormat* format);

// Appends one record to `out`, ending with a newline (JSON: one line).
void AppendRecord(const Record& record, OutputFormat format, std::string* out);

}  // namespace warta

#endif  // WARTA_RECORD_FORMAT_H_
