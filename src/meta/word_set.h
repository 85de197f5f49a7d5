// WordSet: a few lower-case ASCII words looked for, case-insensitively, as
// substrings of short texts (class attributes, paragraphs) — the question
// RE2 answers for (?i)(?:w1|w2|...), at a fraction of the cost.
//
// The scan looks at a byte pair only every `stride` bytes, stride being one
// less than the shortest word (at most 9): every occurrence of a word then
// covers a sampled pair at one of its first stride offsets. Tables indexed
// by the pair (letters folded, any other byte one code) name the words that
// hold it at each offset, which leaves few candidates to compare. RE2's
// (?i) also folds U+017F (long s) to 's' and U+212A (Kelvin sign) to 'k';
// only a text holding one of those two needs RE2 itself.
//
// Beside it, the pieces the hand scans that stand in for RE2 patterns in
// src/meta share: RE2's \s and \w, a case-blind compare at a position, the
// test for the two folding characters, and a word list as a pattern's
// alternatives (for the RE2 those scans fall back on).
//
// Internal to src/meta. The set keeps a view of `words`, which must outlive
// it (static arrays). Thread-safe to share: the one piece built after
// construction, the RE2 for those two characters, is built under call_once.
#ifndef WARTA_META_WORD_SET_H_
#define WARTA_META_WORD_SET_H_

#include <re2/re2.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace warta::meta {

// ASCII `s` equals lower-case `lower` but for case; `s` holds at least
// lower.size() bytes.
bool EqualsLowerAscii(std::string_view s, std::string_view lower);

// RE2's \s (the Perl class [\t\n\f\r ]) and \w ([0-9A-Za-z_]), for the hand
// scans that stand in for RE2 patterns.
constexpr bool IsRe2Space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
constexpr bool IsRe2Word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The end of the run of \s at text[pos].
inline size_t SkipRe2Space(std::string_view text, size_t pos) {
  while (pos < text.size() && IsRe2Space(text[pos])) ++pos;
  return pos;
}

// Whether lower-case `lower` stands at text[pos], ASCII case-blind.
inline bool LowerAsciiAt(std::string_view text, size_t pos, std::string_view lower) {
  return pos <= text.size() && text.size() - pos >= lower.size() && EqualsLowerAscii(text.substr(pos), lower);
}

// Whether `text` holds one of the only characters outside ASCII that RE2's
// (?i) matches to an ASCII letter: U+017F LATIN SMALL LETTER LONG S and
// U+212A KELVIN SIGN. Without them an ASCII case-blind match is RE2's.
bool HasAsciiFoldingChar(std::string_view text);

// "w1|w2|...": the words as the alternatives of an RE2 pattern (they hold
// no character that is special in one).
std::string Alternation(std::span<const std::string_view> words);

// Letters to 1..26 whatever their case, every other byte to 0.
inline constexpr std::array<uint8_t, 256> kLetterCodes = [] {
  std::array<uint8_t, 256> code{};
  for (int c = 'a'; c <= 'z'; ++c) code[c] = code[c - 'a' + 'A'] = static_cast<uint8_t>(c - 'a' + 1);
  return code;
}();

// Two bytes as a key below kLetterPairKeys, their letters folded and any
// other byte one code: what tables of words by their letter pairs index.
constexpr size_t kLetterPairKeys = 1024;
constexpr size_t LetterPairKey(char a, char b) {
  return size_t{kLetterCodes[static_cast<unsigned char>(a)]} << 5 | kLetterCodes[static_cast<unsigned char>(b)];
}

class WordSet {
 public:
  // At most 32 words, each of 2 or more bytes, lower case.
  explicit WordSet(std::span<const std::string_view> words);

  // Whether `text` contains one of the words as RE2's (?i) would find it.
  // Most texts are all ASCII: they cannot hold the two folding characters,
  // which a word-at-a-time test of the high bits says without a call.
  bool FoundIn(std::string_view text) const {
    return FoundAscii(text) || (!IsAscii(text) && FoundFolded(text));
  }

  // Whether one of the words occurs in `text` with ASCII case folding only.
  // Inline: it runs on every element's class and id.
  bool FoundAscii(std::string_view text) const {
    const size_t n = text.size();
    for (size_t i = 0; i + 1 < n; i += stride_) {
      const size_t key = LetterPairKey(text[i], text[i + 1]);
      if (offsets_[key] != 0 && FoundAround(text, i, key)) return true;
    }
    return false;
  }

 private:
  static constexpr size_t kMaxStride = 9;

  static bool IsAscii(std::string_view text) {
    constexpr uint64_t kHigh = 0x8080808080808080ull;
    uint64_t any = 0;
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, text.data() + i, 8);
      any |= w;
    }
    if (i < text.size() && text.size() >= 8) {  // the last bytes by a load overlapping the ones read
      uint64_t w;
      std::memcpy(&w, text.data() + text.size() - 8, 8);
      any |= w;
    } else {
      for (; i < text.size(); ++i) any |= static_cast<unsigned char>(text[i]);
    }
    return (any & kHigh) == 0;
  }

  // Whether a word holding pair `key` at its offset `off` starts at i - off.
  bool FoundAround(std::string_view text, size_t i, size_t key) const;

  // A match that FoundAscii misses: through U+017F or U+212A.
  bool FoundFolded(std::string_view text) const;

  std::span<const std::string_view> words_;
  size_t stride_ = 1;
  uint16_t offsets_[kLetterPairKeys] = {};  // bit off: some word holds the pair at offset off (< stride_)
  std::vector<uint32_t> at_offset_;  // [off * kLetterPairKeys + pair], bit i: words_[i] holds it there
  // (?i) alternation of the words, built on first need (rarely).
  mutable std::once_flag folded_once_;
  mutable std::unique_ptr<RE2> folded_;
};

}  // namespace warta::meta

#endif  // WARTA_META_WORD_SET_H_
