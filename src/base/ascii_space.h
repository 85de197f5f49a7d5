// ASCII white space as HTML counts it (space, tab, LF, FF, CR), sixteen
// bytes at a time: the byte mask the text scans of extract and meta build
// their fast paths on. Header-only, SSE2 builds only.
#ifndef WARTA_BASE_ASCII_SPACE_H_
#define WARTA_BASE_ASCII_SPACE_H_

#if defined(__SSE2__)
#include <emmintrin.h>

namespace warta {

// 0xFF in each byte of `v` that is ASCII white space, 0 elsewhere.
inline __attribute__((always_inline)) __m128i AsciiSpaceMask(__m128i v) {
  auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  __m128i space = _mm_or_si128(_mm_or_si128(eq(' '), eq('\t')), _mm_or_si128(eq('\n'), eq('\r')));
  return _mm_or_si128(space, eq('\f'));
}

}  // namespace warta

#endif  // __SSE2__
#endif  // WARTA_BASE_ASCII_SPACE_H_
