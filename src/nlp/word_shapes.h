// A quick pre-test for membership in a small word list: a 16384-bit filter
// keyed on a word's length and its first, second and last bytes, so most
// other words are turned away before a hash or list lookup. May() has false
// positives (about 2% for a list of 500 words), never false negatives.
// Build once, then read from any thread.
#ifndef WARTA_NLP_WORD_SHAPES_H_
#define WARTA_NLP_WORD_SHAPES_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace warta::nlp {

class WordShapes {
 public:
  void Add(std::string_view w) {
    if (w.empty()) return;
    const uint32_t k = Key(w);
    bits_[k >> 6] |= uint64_t{1} << (k & 63);
  }
  bool May(std::string_view w) const { return !w.empty() && MayKey(Key(w)); }

  // The four bytes of a non-empty word's key (first, second or first again,
  // last, length) spread by one multiplication; its top 14 bits pick the
  // bit. A text's words are keyed once, then asked of several filters.
  static uint16_t Key(std::string_view w) {
    auto byte = [](char c) { return static_cast<uint64_t>(static_cast<unsigned char>(c)); };
    const uint64_t key = byte(w.front()) | byte(w[w.size() > 1]) << 8 | byte(w.back()) << 16 |
                         static_cast<uint64_t>(static_cast<uint8_t>(w.size())) << 24;
    return static_cast<uint16_t>((key * 0x9E3779B97F4A7C15ull) >> 50);
  }
  // May(w) for the word whose Key is `key`.
  bool MayKey(uint16_t key) const { return (bits_[key >> 6] >> (key & 63) & 1) != 0; }

 private:
  std::array<uint64_t, 256> bits_{};
};

}  // namespace warta::nlp

#endif  // WARTA_NLP_WORD_SHAPES_H_
