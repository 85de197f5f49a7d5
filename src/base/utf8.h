// UTF-8 helpers shared by every stage: decoding one code point, encoding one,
// repairing invalid input, and counting code points (record offsets are in
// code points, the parser works in bytes).
//
// All functions are pure and thread-safe.
#ifndef WARTA_BASE_UTF8_H_
#define WARTA_BASE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace warta::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[*pos] and advances *pos past it. An invalid or
// truncated sequence yields U+FFFD and advances by one byte (the WHATWG
// "maximal subpart" rule is approximated by skipping one byte at a time).
char32_t Decode(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` (surrogates and values past U+10FFFF
// become U+FFFD).
void Append(char32_t cp, std::string* out);

// True when `s` is well-formed UTF-8 (no surrogates, no overlongs).
bool IsValid(std::string_view s);

// A copy of `s` with every invalid sequence replaced by U+FFFD.
std::string Repair(std::string_view s);

// The number of code points in `s` (continuation bytes are not counted).
size_t CodePointCount(std::string_view s);

// True for bytes that start a code point (not 10xxxxxx).
inline bool IsLeadByte(unsigned char c) { return (c & 0xC0) != 0x80; }

}  // namespace warta::utf8

#endif  // WARTA_BASE_UTF8_H_
