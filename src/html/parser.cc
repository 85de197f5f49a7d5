#include "warta/html_parser.h"

#include "html/tree_builder.h"

namespace warta {

std::unique_ptr<Document> ParseHtml(std::string_view html, const ParseOptions& options) {
  auto doc = std::make_unique<Document>();
  html::BuildTree(html, options, doc.get());
  return doc;
}

void SetFragmentContext(std::string_view context, ParseOptions* options) {
  options->fragment = true;
  options->fragment_context = Tag::kUnknown;
  options->fragment_context_ns = Namespace::kHtml;
  if (context.substr(0, 4) == "svg ") {
    options->fragment_context_ns = Namespace::kSvg;
    context.remove_prefix(4);
  } else if (context.substr(0, 5) == "math ") {
    options->fragment_context_ns = Namespace::kMathMl;
    context.remove_prefix(5);
  }
  options->fragment_context_name = context;
}

}  // namespace warta
