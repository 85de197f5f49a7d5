// WordSet: a few lower-case ASCII words looked for, ASCII case-blind, as
// substrings of short texts (class attributes, paragraphs) — what
// (?i)(?:w1|w2|...) finds, at a fraction of a regex's cost. Only ASCII
// letters fold: the cue words are ASCII, and a character outside ASCII
// (RE2's (?i) reads U+017F as 's' and U+212A as 'k') never makes a match.
//
// The scan looks at a byte pair only every `stride` bytes, stride being one
// less than the shortest word (at most 9): every occurrence of a word then
// covers a sampled pair at one of its first stride offsets. Tables indexed
// by the pair (letters folded, any other byte one code) name the words that
// hold it at each offset, which leaves few candidates to compare.
//
// Beside it, the pieces the hand scans of src/meta share: the white space
// and word classes of their patterns (Perl's \s and \w) and a case-blind
// compare at a position.
//
// Internal to src/meta. The set keeps a view of `words`, which must outlive
// it (static arrays). Immutable after construction: thread-safe to share.
#ifndef WARTA_META_WORD_SET_H_
#define WARTA_META_WORD_SET_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace warta::meta {

// ASCII `s` equals lower-case `lower` but for case; `s` holds at least
// lower.size() bytes.
bool EqualsLowerAscii(std::string_view s, std::string_view lower);

// ASCII lower case of `s`; other bytes as they are.
std::string Lower(std::string_view s);
// The ASCII letters, lower-cased, and digits of `s`, the rest dropped:
// "KXYZ-TV" -> "kxyztv", "Warta News" -> "wartanews".
std::string AlnumLower(std::string_view s);

constexpr bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool IsAsciiLetter(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }

// Has(Lower(hay), lower_needle) without the copy, for per-element tests.
// The needle opens with a letter: a byte that is not that letter in either
// case ((c | 0x20) differs) is passed over with one compare.
// Inline: it runs on attributes of every element, most of them absent.
inline bool HasNoCase(std::string_view hay, std::string_view lower_needle) {
  if (hay.size() < lower_needle.size()) return false;
  const char first = lower_needle[0];
  for (size_t i = 0; i + lower_needle.size() <= hay.size(); ++i) {
    if ((hay[i] | 0x20) == first && EqualsLowerAscii(hay.substr(i + 1), lower_needle.substr(1))) return true;
  }
  return false;
}

// Perl's \s ([\t\n\f\r ]) and \w ([0-9A-Za-z_]), the classes the hand
// scans of src/meta are written in.
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

  // Whether one of the words occurs in `text`, ASCII case-blind.
  // Inline: it runs on every element's class and id.
  bool FoundIn(std::string_view text) const {
    const size_t n = text.size();
    for (size_t i = 0; i + 1 < n; i += stride_) {
      const size_t key = LetterPairKey(text[i], text[i + 1]);
      if (offsets_[key] != 0 && FoundAround(text, i, key)) return true;
    }
    return false;
  }

 private:
  static constexpr size_t kMaxStride = 9;

  // Whether a word holding pair `key` at its offset `off` starts at i - off.
  bool FoundAround(std::string_view text, size_t i, size_t key) const;

  std::span<const std::string_view> words_;
  size_t stride_ = 1;
  uint16_t offsets_[kLetterPairKeys] = {};  // bit off: some word holds the pair at offset off (< stride_)
  std::vector<uint32_t> at_offset_;  // [off * kLetterPairKeys + pair], bit i: words_[i] holds it there
};

}  // namespace warta::meta

#endif  // WARTA_META_WORD_SET_H_
