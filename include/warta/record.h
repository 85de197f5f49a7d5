// Record: what warta extracts from one article page.
//
// A plain value type (owning std::strings), documented field by field in
// docs/record.md. Empty strings and empty vectors mean "not found". When the
// input could not be read, `error` says why and the content fields are empty.
//
// Thread safety: a value; copy or move it between threads freely.
#ifndef WARTA_RECORD_H_
#define WARTA_RECORD_H_

#include <memory>
#include <string>
#include <vector>

namespace warta {

struct Analysis;  // warta/analyze.h

struct Image {
  std::string src;
  std::string caption;  // without the credit
  std::string credit;   // "Pool via Reuters" from "Foto: Pool via Reuters"
};

struct Record {
  std::string id;             // stable content hash (hex)
  std::string source;         // path, "-" for stdin, or "file.warc.gz#<record-id>"
  std::string url;            // the page's URL when known (WARC target, JSONL url)
  std::string canonical_url;  // <link rel=canonical> / og:url
  std::string title;
  std::vector<std::string> authors;  // people only, never the outlet
  std::string published;      // ISO 8601 with the page's offset: 2025-12-03T10:43:00+07:00
  std::string published_utc;  // 2025-12-03T03:43:00Z
  std::string modified;
  std::string language;       // BCP 47 primary tag: "id", "en"
  std::string site_name;
  std::string description;
  std::string dateline;       // "JAKARTA"
  std::string text;           // body paragraphs joined by a blank line
  std::vector<std::string> paragraphs;
  std::vector<Image> images;
  std::vector<std::string> sources_cited;  // "Reuters", "AP", "AFP"
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  int word_count = 0;
  std::string error;          // non-empty when the input could not be read
  // Entities, quotes, times, events of `text` (ExtractOptions::analyze);
  // null when not asked for. Shared and immutable, so copies stay cheap.
  std::shared_ptr<const Analysis> analysis;
};

}  // namespace warta

#endif  // WARTA_RECORD_H_
