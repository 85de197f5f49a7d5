// Main-content extraction: which part of a parsed page is the article body,
// as an ordered list of paragraphs, plus the images inside it.
//
// The method is general, never per site: the body is split into text blocks
// at block-level elements and <br>; every block is weighed by its length and
// link density; those weights are summed up the tree, with subtrees whose
// class/id/role/tag name furniture (navigation, comments, related links,
// share bars, ads) unable to add to their ancestors; the best-scoring element
// is the main container, unless the headline (the heading that og:title or
// <title> repeats) says otherwise: a winner sharing no scoring ancestor
// with the headline yields to the headline's section, and a lone paragraph
// beside it grows to their common container; a lead paragraph between the
// headline and a container below it opens the body. Inside it, blocks under furniture, link lists,
// furniture lines ("Baca juga: ...", "Advertisement"), furniture sections
// ("Berita Terkait", "Related") and the title heading are dropped, and so
// are prompts to the reader at its edges ("Follow us on ...") and a
// contributor note closing it. Captions (figcaption, caption-named
// elements next to or around an image) go to the images, not the body.
//
// Cost: one iterative pass over the DOM plus passes over per-element and
// per-block vectors; no recursion, no per-node allocation.
//
// The returned Content owns its strings; `main` points into `doc` and is
// valid as long as the Document is. Thread-safe: no shared state.
#ifndef WARTA_EXTRACT_CONTENT_H_
#define WARTA_EXTRACT_CONTENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "warta/dom.h"

namespace warta::extract {

struct ContentImage {
  std::string src;
  std::string caption_raw;  // figcaption/caption text incl. any credit
};

struct Content {
  std::vector<std::string> paragraphs;  // body paragraphs in order, whitespace-normalised
  std::vector<ContentImage> images;     // images inside the main content
  const Node* main = nullptr;           // the chosen main-content container, or null
};

struct ContentOptions {
  std::string_view url;
  std::string_view language_hint;
};

Content ExtractContent(const Document& doc, const ContentOptions& options);

}  // namespace warta::extract

#endif  // WARTA_EXTRACT_CONTENT_H_
