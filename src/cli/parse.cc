// `warta parse`: prints the HTML5 tree of a page in the html5lib test format.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>
#include <fstream>
#include <string>

#include "cli/command.h"
#include "warta/dom.h"
#include "warta/html_parser.h"

namespace warta::cli {
namespace {

constexpr const char* kUsage =
    "Usage: warta parse [--fragment CONTEXT] [--no-scripting] FILE|-\n"
    "\n"
    "Parses FILE (UTF-8 HTML; - reads stdin) with the WHATWG HTML5 algorithm and\n"
    "prints the tree in the html5lib tree-construction format.\n"
    "  --fragment CONTEXT  parse as innerHTML of CONTEXT (\"div\", \"svg path\", \"math mi\")\n"
    "  --no-scripting      parse with the scripting flag off (<noscript> content is markup)\n";

bool ReadAll(const char* path, std::string* out) {
  if (std::strcmp(path, "-") == 0) {
    out->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int RunParse(int argc, char** argv) {
  ParseOptions options;
  std::string context;
  const char* path = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (std::strcmp(argv[i], "--fragment") == 0 && i + 1 < argc) {
      context = argv[++i];
    } else if (std::strcmp(argv[i], "--no-scripting") == 0) {
      options.scripting = false;
    } else if (!path && (argv[i][0] != '-' || argv[i][1] == '\0')) {
      path = argv[i];
    } else {
      std::fprintf(stderr, "warta parse: unexpected argument '%s'\n\n%s", argv[i], kUsage);
      return 2;
    }
  }
  if (!path) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string html;
  if (!ReadAll(path, &html)) {
    std::fprintf(stderr, "warta parse: cannot read '%s'\n", path);
    return 1;
  }
  if (!context.empty()) SetFragmentContext(context, &options);
  std::unique_ptr<Document> doc = ParseHtml(html, options);
  std::string dump = DumpTree(doc->root());
  std::fwrite(dump.data(), 1, dump.size(), stdout);
  return 0;
}

}  // namespace warta::cli
