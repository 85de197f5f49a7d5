// score_content: runs decoding + ParseHtml + ExtractContent over an article
// body benchmark and writes predictions in its scorer's format.
//
//   score_content scrapinghub DIR OUT.json   (DIR holds ground-truth.json, html/<id>.html.gz)
//   score_content trafilatura DIR OUT.json   (DIR holds evaldata.json, html/<file>.gz)
//
// Prints pages, bytes and the time spent (decode+parse, extract) to stderr.

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "extract/content.h"
#include "warta/encoding.h"
#include "warta/html_parser.h"
#include "tools/corpus.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
  double parse_ms = 0;
  double extract_ms = 0;
  size_t bytes = 0;
  size_t pages = 0;
};

std::string ExtractText(std::string html, Timing* timing) {
  auto t0 = Clock::now();
  if (!warta::DecodeToUtf8InPlace(&html).ok()) return "";
  auto doc = warta::ParseHtml(html);
  auto t1 = Clock::now();
  warta::extract::Content content = warta::extract::ExtractContent(*doc, {});
  auto t2 = Clock::now();
  timing->parse_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
  timing->extract_ms += std::chrono::duration<double, std::milli>(t2 - t1).count();
  timing->bytes += html.size();
  timing->pages += 1;
  std::string text;
  for (const std::string& p : content.paragraphs) {
    if (!text.empty()) text += '\n';
    text += p;
  }
  return text;
}

nlohmann::json LoadJson(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: score_content scrapinghub|trafilatura DIR OUT.json\n";
    return 2;
  }
  std::string kind = argv[1], dir = argv[2], out_path = argv[3];
  bool scrapinghub = kind == "scrapinghub";
  if (!scrapinghub && kind != "trafilatura") {
    std::cerr << "unknown dataset kind: " << kind << "\n";
    return 2;
  }
  nlohmann::json index = LoadJson(dir + (scrapinghub ? "/ground-truth.json" : "/evaldata.json"));
  if (!index.is_object()) {
    std::cerr << "cannot read the dataset index in " << dir << "\n";
    return 1;
  }
  nlohmann::json predictions = nlohmann::json::object();
  Timing timing;
  std::string html;
  for (const auto& [key, item] : index.items()) {
    std::string name = scrapinghub ? key : item.value("file", "");
    std::string path = dir + "/html/" + name + (scrapinghub ? ".html.gz" : ".gz");
    if (name.empty() || !warta::bench::ReadGzip(path, &html)) {
      std::cerr << "cannot read " << path << "\n";
      continue;
    }
    std::string text = ExtractText(std::move(html), &timing);
    if (scrapinghub) {
      predictions[name] = {{"articleBody", text}};
    } else {
      predictions[name] = text;
    }
  }
  std::ofstream out(out_path);
  out << predictions.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  std::fprintf(stderr, "%zu pages, %.1f MB: decode+parse %.1f ms, extract %.1f ms (%.3f ms/page)\n",
               timing.pages, timing.bytes / 1e6, timing.parse_ms, timing.extract_ms,
               timing.pages ? timing.extract_ms / timing.pages : 0.0);
  return out ? 0 : 1;
}
