// A quick pre-test for membership in a small word list: it remembers the
// first byte, last byte and length of each word, so most other words are
// turned away before a hash or list lookup. May() has false positives, never
// false negatives. Build once, then read from any thread.
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
    first_[static_cast<unsigned char>(w.front())] |= Bit(w.size());
    last_[static_cast<unsigned char>(w.back())] |= Bit(w.size());
  }
  bool May(std::string_view w) const {
    return !w.empty() && (first_[static_cast<unsigned char>(w.front())] &
                          last_[static_cast<unsigned char>(w.back())] & Bit(w.size())) != 0;
  }

 private:
  static uint32_t Bit(size_t size) { return 1u << (size < 31 ? size : 31); }
  std::array<uint32_t, 256> first_{}, last_{};  // bit n: a word of n bytes
};

}  // namespace warta::nlp

#endif  // WARTA_NLP_WORD_SHAPES_H_
