// Shared by the benchmarks in bench/ and the scoring tools in tools/: loading a folder of *.gz pages into
// memory, thread CPU time, and peak memory.
#ifndef WARTA_TOOLS_CORPUS_H_
#define WARTA_TOOLS_CORPUS_H_

#include <sys/resource.h>
#include <time.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace warta::bench {

struct Corpus {
  std::vector<std::string> names;
  std::vector<std::string> pages;
  size_t bytes = 0;
};

// Replaces *out with the decompressed contents of a gzip file.
inline bool ReadGzip(const std::filesystem::path& path, std::string* out) {
  out->clear();
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  bool ok = n == 0;
  gzclose(f);
  return ok;
}

// Every *.gz file of `dir`, decompressed, in name order (so runs compare).
inline Corpus LoadCorpus(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".gz") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  Corpus corpus;
  for (const auto& p : paths) {
    std::string page;
    if (!ReadGzip(p, &page)) {
      std::fprintf(stderr, "cannot read %s\n", p.c_str());
      continue;
    }
    corpus.bytes += page.size();
    corpus.names.push_back(p.filename().string());
    corpus.pages.push_back(std::move(page));
  }
  return corpus;
}

// CPU time of this thread: on a shared machine wall time also counts other
// processes' turns.
inline double ThreadSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

inline double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

}  // namespace warta::bench

#endif  // WARTA_TOOLS_CORPUS_H_
