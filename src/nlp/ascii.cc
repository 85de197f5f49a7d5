#include "nlp/ascii.h"

#include <cstdint>
#include <cstring>

namespace warta::nlp {

// Eight bytes at a time: a byte is uppercase ASCII when its low seven bits
// reach 'A' but not past 'Z' and its high bit is clear.
void LowerAscii(std::string_view s, char* out) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  size_t k = 0;
  for (; k + 8 <= s.size(); k += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + k, 8);
    uint64_t low7 = x & (0x7F * kOnes);
    uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;   // high bit set where byte >= 'A'
    uint64_t above_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // high bit set where byte > 'Z'
    uint64_t upper = at_least_a & ~above_z & ~x & (0x80 * kOnes);
    x |= upper >> 2;  // 0x80 >> 2 == 0x20, the case bit
    std::memcpy(out + k, &x, 8);
  }
  for (; k < s.size(); ++k) out[k] = s[k] >= 'A' && s[k] <= 'Z' ? static_cast<char>(s[k] + 32) : s[k];
}

std::string LowerAscii(std::string_view s) {
  std::string out(s.size(), '\0');
  LowerAscii(s, out.data());
  return out;
}

}  // namespace warta::nlp
