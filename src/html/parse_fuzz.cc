// libFuzzer target: arbitrary bytes through charset decoding and the HTML5
// parser, then every DOM walker. Checks what must hold for any input: the
// tree is no deeper than the cap, walks terminate, serialisers do not crash,
// also when an element cap drops start tags.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "warta/encoding.h"
#include "warta/html_parser.h"

namespace {

void CheckDepth(const warta::Node* root, uint32_t max_depth) {
  uint32_t depth = 0;
  const warta::Node* n = root;
  // Iterative pre-order walk that tracks element depth.
  while (n != nullptr) {
    if (n->first_child != nullptr) {
      n = n->first_child;
      if (n->parent->is_element()) ++depth;
    } else {
      while (n != root && n->next_sibling == nullptr) {
        n = n->parent;
        if (n->is_element()) --depth;
      }
      if (n == root) break;
      n = n->next_sibling;
    }
    if (depth > max_depth) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  warta::Result<warta::Decoded> decoded = warta::DecodeToUtf8(bytes);
  if (!decoded.ok()) return 0;
  for (uint32_t cap : {512u, 7u}) {
    warta::ParseOptions options;
    options.max_depth = cap;
    options.scripting = (size & 1) != 0;
    if (cap == 7) options.max_elements = 16;  // the small-cap pass also drops tags past an element cap
    std::unique_ptr<warta::Document> doc = warta::ParseHtml(decoded->utf8, options);
    if (doc == nullptr || doc->root() == nullptr) std::abort();
    CheckDepth(doc->root(), cap);
    size_t visited = 0;
    for (const warta::Node* n = doc->root(); n != nullptr; n = warta::NextInTree(n, doc->root())) ++visited;
    if (visited == 0) std::abort();
    (void)warta::TextContent(doc->root());
    (void)warta::SerializeHtml(doc->root());
    (void)warta::DumpTree(doc->root());
  }
  return 0;
}
