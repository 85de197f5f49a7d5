// ExtractRecord: one page in, one article Record out — the core job.
//
// The page may be HTML in any charset or a plain-text copy of a news page
// (Page::format, or detected when kAuto). Decoding, parsing,
// main-content extraction and metadata all happen here; a page that cannot be
// read gives a Record whose `error` says why, never an exception.
//
// Views in Page are only read during the call; the Record owns its strings.
//
// Thread safety: ExtractRecord may run on many threads at once (models and
// tables are shared read-only; scratch state is per thread).
#ifndef WARTA_EXTRACT_H_
#define WARTA_EXTRACT_H_

#include <cstddef>
#include <string_view>

#include "warta/input.h"
#include "warta/record.h"

namespace warta {

struct ExtractOptions {
  // Pages larger than this become error records ("too large").
  size_t max_document_bytes = size_t{32} << 20;
  // Also read what the article says (Record::analysis: entities, quotes,
  // times, events), with AnalyzeResources::Shared() loaded on first use.
  bool analyze = false;
};

struct Page {
  std::string_view bytes;              // the page as fetched (any charset)
  std::string_view source;             // where it came from: path, "-", "x.warc.gz#<urn:uuid:...>"
  std::string_view url;                // its URL when known
  std::string_view transport_charset;  // from HTTP Content-Type, when known
  std::string_view fetch_date;         // WARC-Date or file time: anchors relative dates
  InputFormat format = InputFormat::kAuto;  // kHtml, kText, or kAuto to detect
};

Record ExtractRecord(const Page& page, const ExtractOptions& options = {});

}  // namespace warta

#endif  // WARTA_EXTRACT_H_
