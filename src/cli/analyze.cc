// warta analyze: records (JSON Lines of {"id", "text", "language"?,
// "published"?, "images"?}) or one plain text in, one line of annotations
// (sentences, entities, quotes, times, events, notes) per record out.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <simdjson.h>
#include <string>
#include <vector>

#include "cli/command.h"
#include "warta/analyze.h"

namespace warta::cli {
namespace {

constexpr const char* kExamples = R"(
Examples:
  warta extract page.html | warta analyze      annotate extracted records
  warta analyze records.jsonl                  {"id","text","language"?,"published"?} per line
  warta analyze article.txt                    one plain text (language detected)

Offsets are Unicode code points into each record's text (docs/record.md).
Exit status: 0 all read, 1 some lines were not valid JSON, 2 usage error.
)";

bool ReadAll(const std::string& path, std::string* out) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  if (f != stdin) std::fclose(f);
  return true;
}

std::string_view Str(simdjson::dom::element e, const char* key) {
  std::string_view v;
  if (e[key].get(v) == simdjson::SUCCESS) return v;
  return {};
}

// One JSON record line; false when it is not a JSON object.
bool AnalyzeLine(simdjson::dom::parser* parser, std::string_view line, const AnalyzeResources& res,
                 std::string* out) {
  simdjson::dom::element doc;
  if (parser->parse(line.data(), line.size()).get(doc) != simdjson::SUCCESS || !doc.is_object()) return false;
  std::string id(Str(doc, "id"));
  int64_t numeric_id;
  if (id.empty() && doc["id"].get(numeric_id) == simdjson::SUCCESS) id = std::to_string(numeric_id);
  AnalyzeContext context;
  context.published_iso = Str(doc, "published");
  simdjson::dom::array images;
  if (doc["images"].get(images) == simdjson::SUCCESS) {
    for (simdjson::dom::element image : images) {
      std::string_view caption = Str(image, "caption");
      if (!caption.empty()) context.captions.push_back(caption);
    }
  }
  std::string_view language = Str(doc, "language");
  Analysis a = Analyze(Str(doc, "text"), language, context, res);
  AppendAnalysisJson(id, a, out);
  return true;
}

}  // namespace

int RunAnalyze(int argc, char** argv) {
  CLI::App app("warta analyze: entities, quotes, times and events of article texts.", "warta analyze");
  app.footer(kExamples);
  std::string path = "-";
  app.add_option("input", path, "JSON Lines records or a plain text file; - for stdin");
  std::string language;
  app.add_option("--language", language, "language of plain text input (default: detect)");
  std::string published;
  app.add_option("--published", published, "publication time of plain text input (ISO 8601)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  std::string input;
  if (!ReadAll(path, &input)) {
    std::fprintf(stderr, "warta analyze: cannot read %s\n", path.c_str());
    return 2;
  }
  const AnalyzeResources& res = AnalyzeResources::Shared();
  size_t first = input.find_first_not_of(" \t\r\n");
  std::string out;
  if (first == std::string::npos || input[first] != '{') {
    AnalyzeContext context;
    context.published_iso = published;
    AppendAnalysisJson(path, Analyze(input, language, context, res), &out);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  int code = 0;
  simdjson::dom::parser parser;
  std::string_view rest = input;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    out.clear();
    if (!AnalyzeLine(&parser, line, res, &out)) {
      std::fprintf(stderr, "warta analyze: skipping a line that is not a JSON object\n");
      code = 1;
      continue;
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return code;
}

}  // namespace warta::cli
