// Article metadata from a parsed HTML page: title, authors, dates, site
// name, description, canonical URL, language hint, categories, tags, image.
//
// Sources, strongest first: JSON-LD (schema.org Article and friends, @graph
// and arrays included; bad JSON falls back to a lenient scan), <meta> tags
// (Open Graph, Dublin Core, article:*, itemprop, parse.ly, sailthru ...),
// microdata and <time> elements in the article, date-like elements near the
// title, dates in the visible text, and the URL. Weak markup dates (a bare
// "date" key, a site's own key) yield to the date shown with the headline;
// a page showing its last change there as its date is dated by it; a
// "last modified" stamp dates a page whose markup has none; JSON data
// blocks are the last resort. Authors are people only, never the outlet.
//
// Cost: one iterative pass over the DOM plus a bounded look at a few
// candidate subtrees; no recursion. The result owns its strings; the Document
// is only read during the call. Thread-safe.
#ifndef WARTA_META_METADATA_H_
#define WARTA_META_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "warta/dom.h"

namespace warta::meta {

struct PageMetadata {
  std::string title, site_name, description, canonical_url, language_hint;
  std::string published;      // ISO 8601 as written: "2025-12-03T10:43:00+07:00" or "2025-12-03"
  std::string published_utc;  // "2025-12-03T03:43:00Z" when time and offset are known
  std::string modified;
  std::vector<std::string> authors, categories, tags;
  std::string image;  // og:image
};

// `fetch_date` (WARC-Date, ISO 8601; may be empty) bounds the publication
// date: none later than two days after it (after now when it is empty).
PageMetadata ExtractMetadata(const Document& doc, std::string_view url, std::string_view fetch_date = {});

}  // namespace warta::meta

#endif  // WARTA_META_METADATA_H_
