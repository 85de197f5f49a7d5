// JSON-LD (schema.org) blocks of a page -> the article fields they carry.
//
// Handles a single object, a top-level array, "@graph", nested objects
// (publisher, author, mainEntity), BreadcrumbList, and values written as a
// string, an object with "name"/"url", or an array of either. Dates of
// Article-like objects (NewsArticle, BlogPosting, Report ...) beat dates of
// other objects (WebPage). Comments and reviews are not the article. JSON
// that does not parse (trailing commas, raw newlines, HTML comments) is
// cleaned once, then scanned leniently for the main keys.
//
// Pure; thread-safe (a parser per call).
#ifndef WARTA_META_JSONLD_H_
#define WARTA_META_JSONLD_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace warta::meta {

struct JsonLdInfo {
  std::string published, modified, headline, description, publisher, language, image, url;
  std::vector<std::string> authors, sections, keywords, breadcrumbs;
  // An article's author given as a reference ({"@id": ...}) to a Person
  // elsewhere in the graph, and the graph's people: (@id, name) pairs.
  std::vector<std::string> author_ids;
  std::vector<std::pair<std::string, std::string>> people;
  bool author_ids_from_article = false;
  bool published_from_article = false;  // datePublished came from an Article-like object
};

// Reads one <script type="application/ld+json"> body into `info`; fields
// already set keep their value (the first block wins), except that an
// Article's datePublished replaces one from another type.
void ReadJsonLd(std::string_view script_text, JsonLdInfo* info);

}  // namespace warta::meta

#endif  // WARTA_META_JSONLD_H_
