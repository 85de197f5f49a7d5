// score_dates: publication dates for the htmldate evaluation pages.
//
//   score_dates SHARED_DIR PREDICTIONS.json [--verbose]
//
// Reads SHARED_DIR/bench/htmldate/dates.json, runs ParseHtml and
// ExtractMetadata on every page (bytes decoded with DecodeToUtf8), and writes
// {file: "published" | null} for scripts/score_dates.sh to score.

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "meta/metadata.h"
#include "warta/encoding.h"
#include "warta/html_parser.h"
#include "tools/corpus.h"

namespace {

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: score_dates SHARED_DIR PREDICTIONS.json [--verbose]\n";
    return 2;
  }
  std::string dir = std::string(argv[1]) + "/bench/htmldate/";
  bool verbose = argc > 3 && std::string(argv[3]) == "--verbose";
  std::ifstream in(dir + "dates.json");
  if (!in) {
    std::cerr << "cannot read " << dir << "dates.json\n";
    return 1;
  }
  nlohmann::json gold = nlohmann::json::parse(in, nullptr, false);
  if (gold.is_discarded()) {
    std::cerr << "bad dates.json\n";
    return 1;
  }
  nlohmann::json preds = nlohmann::json::object();
  double decode_parse_seconds = 0, metadata_seconds = 0;
  size_t bytes = 0;
  for (auto it = gold.begin(); it != gold.end(); ++it) {
    std::string file = it.value()["file"].get<std::string>();
    if (preds.contains(file)) continue;
    std::string raw;
    if (!warta::bench::ReadGzip(dir + "html/" + file + ".gz", &raw)) {
      preds[file] = nullptr;
      continue;
    }
    auto start = std::chrono::steady_clock::now();
    warta::Result<warta::Decoded> decoded = warta::DecodeToUtf8(raw);
    std::string html = decoded.ok() ? std::move(decoded->utf8) : std::string();
    std::unique_ptr<warta::Document> doc = warta::ParseHtml(html);
    auto parsed = std::chrono::steady_clock::now();
    warta::meta::PageMetadata m = warta::meta::ExtractMetadata(*doc, it.key());
    decode_parse_seconds += std::chrono::duration<double>(parsed - start).count();
    metadata_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - parsed).count();
    bytes += raw.size();
    if (m.published.empty()) {
      preds[file] = nullptr;
    } else {
      preds[file] = m.published;
    }
    if (verbose) {
      std::cout << file << "\t" << (m.published.empty() ? "-" : m.published) << "\t"
                << it.value()["date"].dump() << "\t" << m.title << "\n";
    }
  }
  std::ofstream out(argv[2]);
  out << preds.dump(1) << "\n";
  std::fprintf(stderr, "%zu pages, %.1f MB: decode+parse %.2f s, metadata %.2f s\n", preds.size(), bytes / 1e6,
               decode_parse_seconds, metadata_seconds);
  return 0;
}
