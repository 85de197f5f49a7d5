// The WHATWG HTML5 parser: UTF-8 bytes in, a Document out.
//
// Malformed HTML is not an error: ParseHtml always returns a document, as a
// browser would build it. The input must be UTF-8 (see warta/encoding.h to get
// there from any charset); invalid sequences are passed through to text
// unchanged, so callers that need valid UTF-8 repair the input first.
//
// The returned Document keeps views into `html`: keep the buffer alive while
// the Document is used.
//
// Depth: the tree is never deeper than ParseOptions::max_depth elements.
// Past the cap, new elements are attached to the deepest allowed element as
// siblings, so their content is kept, flattened, not dropped: an element that
// would open below the cap first closes the deepest open element and becomes
// its sibling. Work stays linear in the input whatever its nesting.
//
// Size: the tree holds at most about ParseOptions::max_elements elements, so
// its memory is bounded whatever the markup (a page of "<b>x" repeated makes
// one element per four bytes). Past the cap the rest of the page is read as
// text into the elements already open: start tags are dropped (those that
// break a line leave a newline), except the few that make the tokenizer read
// raw text (script, style, textarea, title...), whose content must not become
// text; comments are dropped, and no formatting element is cloned.
//
// Thread safety: ParseHtml is reentrant; parse different documents on
// different threads freely.
#ifndef WARTA_HTML_PARSER_H_
#define WARTA_HTML_PARSER_H_

#include <memory>
#include <string_view>

#include "warta/dom.h"

namespace warta {

struct ParseOptions {
  // The scripting flag: with it, <noscript> content is raw text.
  bool scripting = true;
  // Maximum element nesting depth of the built tree.
  uint32_t max_depth = 512;
  // Elements past which start tags are dropped (see "Size" above); news pages
  // have some thousands, and a million take some 200 MB with extraction.
  uint32_t max_elements = 1u << 20;
  // Fragment parsing (innerHTML): the context element's tag and namespace.
  // Tag::kUnknown with fragment_context_name empty means a full document.
  bool fragment = false;
  Tag fragment_context = Tag::kUnknown;
  Namespace fragment_context_ns = Namespace::kHtml;
  std::string_view fragment_context_name;  // for unknown / foreign context names
};

std::unique_ptr<Document> ParseHtml(std::string_view html, const ParseOptions& options = {});

// Sets up fragment parsing from an html5lib-style context: "div", "svg path",
// "math mi" (a leading "svg "/"math " picks the namespace). `options` keeps a
// view into `context`.
void SetFragmentContext(std::string_view context, ParseOptions* options);

}  // namespace warta

#endif  // WARTA_HTML_PARSER_H_
