#include "meta/word_set.h"

#include <algorithm>
#include <bit>
#include <string>

namespace warta::meta {
bool HasAsciiFoldingChar(std::string_view text) {
  return text.find("\xC5\xBF") != std::string_view::npos || text.find("\xE2\x84\xAA") != std::string_view::npos;
}

std::string Alternation(std::span<const std::string_view> words) {
  std::string out;
  for (std::string_view w : words) out.append(out.empty() ? "" : "|").append(w);
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

bool WordSet::FoundFolded(std::string_view text) const {
  // Every other match RE2 finds is all ASCII, which FoundAscii finds.
  if (!HasAsciiFoldingChar(text)) return false;
  std::call_once(folded_once_, [this] {
    std::string pattern = "(?i)";
    for (std::string_view w : words_) {
      pattern.append(RE2::QuoteMeta(re2::StringPiece(w.data(), w.size()))).push_back('|');
    }
    pattern.pop_back();
    folded_ = std::make_unique<RE2>(pattern);
  });
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *folded_);
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
