// The WHATWG tree construction stage (spec section 13.2.6): drives the
// tokenizer and builds the Document.
//
// Internal to src/html; users call ParseHtml (warta/html_parser.h).
//
// Everything the builder creates (nodes, attribute arrays, copied strings)
// comes from the Document's arena; text and attribute values that are
// verbatim runs of the input stay views into `input`.
//
// Robustness: no recursion; every structure the input can grow is bounded.
// The stack of open elements never holds more than max_depth elements (an
// element opened at the cap first closes the deepest open one, so it becomes
// its sibling); the list of active formatting elements keeps at most
// kMaxFormattingEntries entries after its last marker; elements cloned by
// "reconstruct the active formatting elements" and the adoption agency share
// a budget of one per start tag of the input (past it, entries are forgotten
// and formatting elements closed plainly), so a page has at most about twice
// as many elements as start tags; and a final pass lifts any element the
// adoption agency pushed below the cap. Work and memory are linear in the input.
//
// Thread safety: one builder per document per thread.
#ifndef WARTA_HTML_TREE_BUILDER_H_
#define WARTA_HTML_TREE_BUILDER_H_

#include <string_view>

#include "warta/dom.h"
#include "warta/html_parser.h"

namespace warta::html {

// Parses `input` into `doc` (which must be fresh). `doc` keeps views into
// `input`.
void BuildTree(std::string_view input, const ParseOptions& options, Document* doc);

// Element nesting depth of the deepest element under `root` (an element
// child of the root has depth 1; template contents count as no level).
uint32_t MaxElementDepth(const Node* root);

}  // namespace warta::html

#endif  // WARTA_HTML_TREE_BUILDER_H_
