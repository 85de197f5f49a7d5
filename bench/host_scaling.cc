// The host's own two-core ceiling, to read `--jobs 2` figures against.
//
// A shared host does not always give two busy threads twice the speed of
// one: a lone thread may run on a faster (boosted, less contended) core than
// two threads get together. This program does a fixed amount of work that
// shares nothing between threads (integer arithmetic over a table that fits
// in the L1 cache), either on one thread or split over THREADS threads, and
// prints the wall time. Timed beside `warta extract -j 1` and `-j 2`, the
// ratio of its two times is the best speed-up the host gave at that moment.
//
// Usage: host_scaling THREADS [UNITS]
//   UNITS (default 2) blocks of about 0.25 s of work each (on this machine, quiet), dealt round-robin
//   to the threads; with the default, one thread runs both blocks and two
//   threads run one each.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

// One block of work; the result is returned so the loop cannot be dropped.
uint64_t WorkBlock(uint64_t seed) {
  constexpr size_t kTableSize = 4096;  // 32 KB: stays in L1
  std::vector<uint64_t> table(kTableSize);
  for (size_t i = 0; i < kTableSize; ++i) table[i] = seed + i * 0x9E3779B97F4A7C15ull;
  uint64_t a = seed, b = 1, c = 2;
  for (uint64_t i = 0; i < 75'000'000; ++i) {
    a = a * 6364136223846793005ull + 1442695040888963407ull;
    b ^= table[a >> 52];
    c += (b >> 3) ^ i;
    table[c % kTableSize] += a;
  }
  return a ^ b ^ c;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: host_scaling THREADS [UNITS]\n");
    return 2;
  }
  const int threads = std::max(1, std::atoi(argv[1]));
  const int units = argc > 2 ? std::max(1, std::atoi(argv[2])) : 2;
  std::vector<uint64_t> sink(threads);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int u = t; u < units; u += threads) sink[t] ^= WorkBlock(u + 1);
    });
  }
  for (std::thread& th : pool) th.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  uint64_t all = 0;
  for (uint64_t s : sink) all ^= s;
  std::printf("%.4f %llu\n", seconds, static_cast<unsigned long long>(all & 0xff));
  return 0;
}
