#include "pipeline/record_id.h"

#include <cstdint>
#include <string_view>

namespace warta {

std::string RecordId(const Record& record) {
  uint64_t h = 0xcbf29ce484222325ull;
  constexpr uint64_t kPrime = 0x100000001b3ull;
  // Byte by byte as FNV-1a is defined, eight bytes a loop step: the body
  // text is tens of kilobytes, and a loop test per byte costs about as much
  // as the hash itself. Each byte is its own load: taking them from one
  // word load costs a shift and a mask more per byte.
  auto mix = [&h](std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
#pragma GCC unroll 8
      for (int k = 0; k < 8; ++k) h = (h ^ p[i + k]) * kPrime;
    }
    for (; i < s.size(); ++i) h = (h ^ p[i]) * kPrime;
    h = (h ^ 0xff) * kPrime;
  };
  mix(record.canonical_url.empty() ? record.url : record.canonical_url);
  mix(record.title);
  mix(record.text);
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[i] = kHex[h & 15];
  return out;
}

}  // namespace warta
