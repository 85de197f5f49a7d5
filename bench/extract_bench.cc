// Full extraction throughput: every page of a folder held in memory, run
// through ExtractRecord (decode, parse, content, metadata) on one core.
//
// Usage: extract_bench [--analyze] [folder] [total_pages]
//   --analyze adds the reading (entities, quotes, times, events); models are
//   loaded by a warm-up page before the clock starts. folder defaults to ../shared/bench/scrapinghub/html; total_pages (default
//   1000) pages are extracted, cycling through the folder, and peak RSS over
//   the run is reported with the pages themselves counted in it.
#include <cstdio>
#include <cstdlib>
#include <cstring>

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
  double cpu = warta::bench::ThreadSeconds() - start;
  std::printf("extract%s: %ld pages (%zu distinct, %.1f MB): %.0f pages/s, %.0f MB/s (CPU time, one core); "
              "peak RSS %.1f MB (%.1f MB with the corpus and models loaded); %zu words\n",
              options.analyze ? " --analyze" : "", total, corpus.pages.size(), bytes / 1e6, total / cpu, bytes / 1e6 / cpu, warta::bench::PeakRssMb(),
              rss_loaded, words);
  return 0;
}
