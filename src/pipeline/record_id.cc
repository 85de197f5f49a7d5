#include "pipeline/record_id.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace warta {

std::string RecordId(const Record& record) {
  uint64_t h = 0xcbf29ce484222325ull;
  constexpr uint64_t kPrime = 0x100000001b3ull;
  // Byte by byte as FNV-1a is defined, the bytes taken eight at a time from
  // one load (in the text's order whatever the machine's): the body text is
  // tens of kilobytes, and a load and a loop test per byte cost more than
  // the hash itself.
  auto mix = [&h](std::string_view s) {
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
#pragma GCC unroll 8
      for (int k = 0; k < 8; ++k, w >>= 8) h = (h ^ (w & 0xff)) * kPrime;
    }
    for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * kPrime;
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
