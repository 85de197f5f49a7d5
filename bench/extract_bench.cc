// Full extraction throughput: every page of a folder held in memory, run
// through ExtractRecord (decode, parse, content, metadata) on one core.
//
// Usage: extract_bench [--analyze] [folder] [total_pages] [rounds]
//   --analyze adds the reading (entities, quotes, times, events); models are
//   loaded by a warm-up page before the clock starts. folder defaults to
//   ../shared/bench/scrapinghub/html; total_pages (default 1000) pages are
//   extracted per round, cycling through the folder; rounds (default 5) are
//   timed one by one. The host is shared and other tenants only ever add
//   time, so the median round is the headline and the best and worst are
//   printed beside it. Peak RSS over the run counts the pages themselves.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "tools/corpus.h"
#include "warta/extract.h"

int main(int argc, char** argv) {
  warta::ExtractOptions options;
  if (argc > 1 && std::strcmp(argv[1], "--analyze") == 0) {
    options.analyze = true;
    --argc, ++argv;
  }
  const char* dir = argc > 1 ? argv[1] : "../shared/bench/scrapinghub/html";
  long total = argc > 2 ? std::max(1L, std::atol(argv[2])) : 1000;
  long rounds = argc > 3 ? std::max(1L, std::atol(argv[3])) : 5;
  warta::bench::Corpus corpus = warta::bench::LoadCorpus(dir);
  if (corpus.pages.empty()) {
    std::fprintf(stderr, "no *.gz pages in %s\n", dir);
    return 1;
  }
  warta::Page warm_up;
  warm_up.bytes = corpus.pages[0];
  (void)warta::ExtractRecord(warm_up, options);
  double rss_loaded = warta::bench::PeakRssMb();
  size_t bytes = 0, words = 0;
  std::vector<double> pages_per_second;
  for (long round = 0; round < rounds; ++round) {
    bytes = words = 0;
    double start = warta::bench::ThreadSeconds();
    for (long i = 0; i < total; ++i) {
      const std::string& page = corpus.pages[i % corpus.pages.size()];
      warta::Page p;
      p.bytes = page;
      p.source = corpus.names[i % corpus.pages.size()];
      warta::Record r = warta::ExtractRecord(p, options);
      bytes += page.size();
      words += r.word_count;
    }
    pages_per_second.push_back(total / (warta::bench::ThreadSeconds() - start));
  }
  std::sort(pages_per_second.begin(), pages_per_second.end());
  const double median = pages_per_second[pages_per_second.size() / 2];
  std::printf("extract%s: %ld pages (%zu distinct, %.1f MB) x %ld rounds: median %.0f pages/s, %.0f MB/s "
              "(best %.0f, worst %.0f; CPU time, one core); peak RSS %.1f MB (%.1f MB with the corpus and models "
              "loaded); %zu words a round\n",
              options.analyze ? " --analyze" : "", total, corpus.pages.size(), bytes / 1e6, rounds, median,
              median * (bytes / 1e6) / total, pages_per_second.back(), pages_per_second.front(),
              warta::bench::PeakRssMb(), rss_loaded, words);
  return 0;
}
