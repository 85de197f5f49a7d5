// Tokenizer throughput: loads every *.html.gz page of a folder into memory,
// then tokenizes all of them N times on one core. Switches the tokenizer state
// after raw-text start tags the way the tree builder does, so script and
// style bodies are scanned as text, as in a real parse.
//
// Usage: tokenizer_bench [folder] [N]
//   folder defaults to /work/shared/bench/scrapinghub/html, N to 20.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "html/tokenizer.h"
#include "tools/corpus.h"

namespace fs = std::filesystem;

namespace {

// The content model the tree builder sets after this start tag (HTML
// namespace, scripting enabled), or kData.
warta::html::TokenizerState StateAfter(warta::Tag tag) {
  using warta::Tag;
  using warta::html::TokenizerState;
  switch (tag) {
    case Tag::kScript: return TokenizerState::kScriptData;
    case Tag::kStyle:
    case Tag::kXmp:
    case Tag::kIframe:
    case Tag::kNoembed:
    case Tag::kNoframes:
    case Tag::kNoscript: return TokenizerState::kRawtext;
    case Tag::kTitle:
    case Tag::kTextarea: return TokenizerState::kRcdata;
    case Tag::kPlaintext: return TokenizerState::kPlaintext;
    default: return TokenizerState::kData;
  }
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? argv[1] : "/work/shared/bench/scrapinghub/html";
  int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 20;
  warta::bench::Corpus corpus = warta::bench::LoadCorpus(dir);
  const std::vector<std::string>& pages = corpus.pages;
  const size_t bytes = corpus.bytes;
  if (pages.empty()) {
    std::fprintf(stderr, "no *.html.gz pages in %s\n", dir.c_str());
    return 1;
  }
  size_t tokens = 0;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = warta::bench::ThreadSeconds();
  for (int r = 0; r < rounds; ++r) {
    for (const std::string& page : pages) {
      warta::html::Tokenizer tokenizer(page);
      warta::html::Token t;
      do {
        tokenizer.Next(&t);
        ++tokens;
        if (t.type == warta::html::TokenType::kStartTag && t.tag != warta::Tag::kUnknown) {
          warta::html::TokenizerState next = StateAfter(t.tag);
          if (next != warta::html::TokenizerState::kData) tokenizer.SetState(next);
        }
      } while (t.type != warta::html::TokenType::kEof);
    }
  }
  double cpu = warta::bench::ThreadSeconds() - cpu_start;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double total_bytes = static_cast<double>(bytes) * rounds;
  std::printf("tokenizer: %zu pages, %.1f MB, %d rounds: %.0f MB/s, %.0f pages/s, %.1f Mtokens/s (CPU time; wall %.0f MB/s)\n",
              pages.size(), bytes / 1e6, rounds, total_bytes / 1e6 / cpu, pages.size() * rounds / cpu,
              tokens / 1e6 / cpu, total_bytes / 1e6 / wall);
  return 0;
}
