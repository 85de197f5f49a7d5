// Parse throughput (tokenizer + tree builder): loads every *.html.gz page of
// a folder into memory, then parses all of them repeatedly on one core for
// about three seconds of thread CPU time.
//
// Usage: parse_bench [folder] [seconds]
//   folder defaults to /work/shared/bench/scrapinghub/html, seconds to 3.
// Prints: parse: X MB/s, Y pages/s, peak RSS Z MB
#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "warta/html_parser.h"

namespace fs = std::filesystem;

namespace {

// CPU time of this thread: on a shared machine, wall time also counts other
// processes' turns.
double ThreadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

bool ReadGzip(const fs::path& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? argv[1] : "/work/shared/bench/scrapinghub/html";
  double budget = argc > 2 ? std::max(0.1, std::atof(argv[2])) : 3.0;
  std::vector<std::string> pages;
  size_t bytes = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.path().string().ends_with(".html.gz")) continue;
    std::string page;
    if (!ReadGzip(e.path(), &page)) {
      std::fprintf(stderr, "cannot read %s\n", e.path().c_str());
      continue;
    }
    bytes += page.size();
    pages.push_back(std::move(page));
  }
  if (pages.empty()) {
    std::fprintf(stderr, "parse_bench: no *.html.gz pages in %s\n", dir.c_str());
    return 1;
  }
  size_t parsed = 0, parsed_bytes = 0, nodes_seen = 0;
  double start = ThreadSeconds(), elapsed = 0;
  while (elapsed < budget) {
    for (const std::string& page : pages) {
      std::unique_ptr<warta::Document> doc = warta::ParseHtml(page);
      nodes_seen += doc->root()->first_child != nullptr;
      ++parsed;
      parsed_bytes += page.size();
    }
    elapsed = ThreadSeconds() - start;
  }
  rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  std::printf("parse: %.1f MB/s, %.1f pages/s, peak RSS %.1f MB\n", parsed_bytes / elapsed / 1e6, parsed / elapsed,
              usage.ru_maxrss / 1024.0);
  return nodes_seen == parsed ? 0 : 1;
}
