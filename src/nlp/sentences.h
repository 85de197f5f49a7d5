// Sentence and token segmentation with Unicode code point offsets.
//
// Our own scanner applies the Unicode word and sentence boundary rules
// (UAX #29) the way ICU's root locale does, with ASCII tables and ICU
// character properties for the rest; where ICU would consult dictionaries
// (Chinese, Japanese, Thai) a Han character or a kana/Hangul/Thai run is one
// word. On top of that, a sentence break after a known abbreviation ("Dr.",
// "Jl.", "dkk.", "U.S.", "Nov.", initials "J. K.") is undone when the next
// word shows the sentence goes on. Closing quotes and parentheses after the
// final period stay in the sentence. A line break always ends a sentence
// and starts a new paragraph. Once sentences are split, an initialism takes
// the period written right after it ("U.S.", "e.g."), where UAX #29 leaves
// that period a token of its own.
//
// Offsets: every Token and Sentence carries code point offsets (what records
// and the benchmarks use) and byte offsets into the input (for string_view
// access). The input must be valid UTF-8 (utf8::Repair it first); invalid
// bytes do no harm but their offsets are unspecified.
// Thread safety: Segment() is thread-safe (a per-thread cache of character
// classes).
#ifndef WARTA_NLP_SENTENCES_H_
#define WARTA_NLP_SENTENCES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace warta::nlp {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0, end = 0;            // code points, end exclusive
  uint32_t byte_begin = 0, byte_end = 0;  // bytes into the segmented text
  TokenKind kind = TokenKind::kPunct;
};

struct Sentence {
  uint32_t begin = 0, end = 0;              // code points of the first/last token
  uint32_t token_begin = 0, token_end = 0;  // index range into Segmentation::tokens
  uint32_t paragraph = 0;                   // counts line breaks before it
};

struct Segmentation {
  std::vector<Token> tokens;  // whitespace is not a token
  std::vector<Sentence> sentences;

  std::string_view TokenText(std::string_view text, const Token& t) const {
    return text.substr(t.byte_begin, t.byte_end - t.byte_begin);
  }
};

// Splits `utf8_text` into sentences and tokens. The abbreviation list covers
// English and Indonesian news. Never fails: empty input gives an empty
// segmentation.
Segmentation Segment(std::string_view utf8_text);

}  // namespace warta::nlp

#endif  // WARTA_NLP_SENTENCES_H_
