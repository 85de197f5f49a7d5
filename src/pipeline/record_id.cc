#include "pipeline/record_id.h"

#include <cstdint>
#include <string_view>

namespace warta {

std::string RecordId(const Record& record) {
  uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
    h ^= 0xff;
    h *= 0x100000001b3ull;
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
