// What state the shared host is in, printed beside the speed figures so a
// reader can tell a slow run from slow code.
//
// On this machine class (a VM on a shared AMD EPYC) the extraction
// benchmarks swing by up to 1.4x within minutes while a dependent
// arithmetic loop keeps its time to the percent: what changes is memory
// latency, even for data that fits the core's own L2 (another tenant on
// the same physical core, as far as can be seen from inside). So the probe
// times a random pointer chase over a block the size of half the L2, and
// over blocks for the L3 and for memory, each in nanoseconds per load.
//
// Usage: host_probe
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <random>
#include <vector>

#include "tools/corpus.h"

namespace {

// Nanoseconds per load of a chase through one random cycle over `bytes`, one
// 64-byte line a step, so every load depends on the one before.
double ChaseNanoseconds(size_t bytes, size_t steps) {
  constexpr size_t kLine = 64 / sizeof(uint64_t);
  const size_t lines = bytes / 64;
  std::vector<uint32_t> order(lines);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), std::mt19937_64(42));
  std::vector<uint64_t> next(lines * kLine);
  for (size_t i = 0; i < lines; ++i) next[order[i] * kLine] = order[(i + 1) % lines] * kLine;
  uint64_t p = 0;
  for (size_t i = 0; i < lines; ++i) p = next[p];  // warm the caches and the TLB
  const double start = warta::bench::ThreadSeconds();
  for (size_t i = 0; i < steps; ++i) p = next[p];
  const double seconds = warta::bench::ThreadSeconds() - start;
  if (p == UINT64_MAX) std::puts("");  // keeps the chase from being optimised away
  return seconds / static_cast<double>(steps) * 1e9;
}

// Nanoseconds per step of a dependent multiply-add chain: the core's own
// speed, which the host's other tenants barely move.
double ArithmeticNanoseconds(size_t steps) {
  uint64_t x = 1;
  const double start = warta::bench::ThreadSeconds();
  for (size_t i = 0; i < steps; ++i) x = (x * 6364136223846793005ull + 1442695040888963407ull) ^ (x >> 13);
  const double seconds = warta::bench::ThreadSeconds() - start;
  if (x == 0) std::puts("");
  return seconds / static_cast<double>(steps) * 1e9;
}

}  // namespace

int main() {
  std::printf("host probe: arithmetic step %.2f ns; dependent loads over 256 KB %.1f ns, 8 MB %.0f ns, 64 MB %.0f ns\n",
              ArithmeticNanoseconds(200'000'000), ChaseNanoseconds(256 << 10, 20'000'000),
              ChaseNanoseconds(8 << 20, 5'000'000), ChaseNanoseconds(64 << 20, 3'000'000));
  return 0;
}
