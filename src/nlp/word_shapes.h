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
    uint32_t h = Hash(w);
    bits_[h >> 6] |= uint64_t{1} << (h & 63);
  }
  bool May(std::string_view w) const {
    if (w.empty()) return false;
    uint32_t h = Hash(w);
    return (bits_[h >> 6] >> (h & 63) & 1) != 0;
  }

 private:
  static uint32_t Hash(std::string_view w) {
    auto byte = [](char c) { return static_cast<uint32_t>(static_cast<unsigned char>(c)); };
    uint32_t h = static_cast<uint32_t>(w.size()) * 0x9E3779B1u ^ byte(w.front()) * 0x85EBCA77u ^
                 byte(w.back()) * 0xC2B2AE3Du ^ (w.size() > 1 ? byte(w[1]) * 0x27D4EB2Fu : 0u);
    return (h ^ (h >> 15) ^ (h >> 23)) & 16383;
  }
  std::array<uint64_t, 256> bits_{};
};

}  // namespace warta::nlp

#endif  // WARTA_NLP_WORD_SHAPES_H_
