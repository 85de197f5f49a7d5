#include "nlp/ascii.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace warta::nlp {

// Sixteen bytes at a time where SSE2 is there, then eight: a byte is
// uppercase ASCII when its low seven bits reach 'A' but not past 'Z' and its
// high bit is clear.
void LowerAscii(std::string_view s, char* out) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  size_t k = 0;
#if defined(__SSE2__)
  // Shifted so that 'A' is the smallest signed byte, the uppercase letters
  // are the 26 smallest.
  const __m128i shift = _mm_set1_epi8(static_cast<char>(0x80 - 'A'));
  const __m128i past_z = _mm_set1_epi8(static_cast<char>(0x80 + 26));
  const __m128i case_bit = _mm_set1_epi8(0x20);
  for (; k + 16 <= s.size(); k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + k));
    const __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(v, shift), past_z);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + k), _mm_or_si128(v, _mm_and_si128(upper, case_bit)));
  }
#endif
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
