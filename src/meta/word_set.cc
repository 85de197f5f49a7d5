#include "meta/word_set.h"

#include <algorithm>
#include <bit>
#include <string>

namespace warta::meta {
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsAsciiUpper(c)) c = static_cast<char>(c | 0x20);
  }
  return out;
}

std::string AlnumLower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAsciiLetter(c) || (c >= '0' && c <= '9')) out += static_cast<char>(IsAsciiUpper(c) ? c | 0x20 : c);
  }
  return out;
}

bool EqualsLowerAscii(std::string_view s, std::string_view lower) {
  for (size_t i = 0; i < lower.size(); ++i) {
    char c = s[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c) != lower[i]) return false;
  }
  return true;
}

WordSet::WordSet(std::span<const std::string_view> words) : words_(words) {
  size_t shortest = SIZE_MAX;
  for (std::string_view w : words) shortest = std::min(shortest, w.size());
  stride_ = std::min(shortest - 1, kMaxStride);
  at_offset_.resize(stride_ * kLetterPairKeys);
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t off = 0; off < stride_; ++off) {
      size_t key = LetterPairKey(words[i][off], words[i][off + 1]);
      at_offset_[off * kLetterPairKeys + key] |= uint32_t{1} << i;
      offsets_[key] |= static_cast<uint16_t>(1u << off);
    }
  }
}

bool WordSet::FoundAround(std::string_view text, size_t i, size_t key) const {
  for (uint32_t offs = offsets_[key]; offs != 0; offs &= offs - 1) {
    const size_t off = std::countr_zero(offs);
    if (off > i) break;
    for (uint32_t m = at_offset_[off * kLetterPairKeys + key]; m != 0; m &= m - 1) {
      std::string_view w = words_[std::countr_zero(m)];
      if (text.size() - (i - off) >= w.size() && EqualsLowerAscii(text.substr(i - off, w.size()), w)) return true;
    }
  }
  return false;
}

}  // namespace warta::meta
