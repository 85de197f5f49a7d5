// Parse throughput (tokenizer + tree builder): loads every *.html.gz page of
// a folder into memory, then parses all of them repeatedly on one core for
// about three seconds of thread CPU time.
//
// Usage: parse_bench [folder] [seconds] [rounds]
//   folder defaults to /work/shared/bench/scrapinghub/html, seconds to 3.
//   rounds, when given, parses every page exactly that many times instead
//   (deterministic work for callgrind instruction counts).
// Prints: parse: X MB/s, Y pages/s, peak RSS Z MB
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "warta/html_parser.h"
#include "tools/corpus.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? argv[1] : "/work/shared/bench/scrapinghub/html";
  double budget = argc > 2 ? std::max(0.1, std::atof(argv[2])) : 3.0;
  long rounds = argc > 3 ? std::max(1L, std::atol(argv[3])) : 0;
  warta::bench::Corpus corpus = warta::bench::LoadCorpus(dir);
  const std::vector<std::string>& pages = corpus.pages;
  if (pages.empty()) {
    std::fprintf(stderr, "parse_bench: no *.html.gz pages in %s\n", dir.c_str());
    return 1;
  }
  size_t parsed = 0, parsed_bytes = 0, nodes_seen = 0;
  double start = warta::bench::ThreadSeconds(), elapsed = 0;
  for (long round = 0; rounds ? round < rounds : elapsed < budget; ++round) {
    for (const std::string& page : pages) {
      std::unique_ptr<warta::Document> doc = warta::ParseHtml(page);
      nodes_seen += doc->root()->first_child != nullptr;
      ++parsed;
      parsed_bytes += page.size();
    }
    elapsed = warta::bench::ThreadSeconds() - start;
  }
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  std::printf("parse: %.1f MB/s, %.1f pages/s, peak RSS %.1f MB\n", parsed_bytes / elapsed / 1e6, parsed / elapsed,
              usage.ru_maxrss / 1024.0);
  return nodes_seen == parsed ? 0 : 1;
}
