// ASCII case folding for the reading stages: English and Indonesian cue and
// trigger words are ASCII, so lowercasing A-Z is all their lookups need.
// Pure functions, thread-safe.
#ifndef WARTA_NLP_ASCII_H_
#define WARTA_NLP_ASCII_H_

#include <string>
#include <string_view>

namespace warta::nlp {

// Writes s.size() bytes to `out`: `s` with A-Z lowercased, other bytes
// (UTF-8 sequences included) as they are.
void LowerAscii(std::string_view s, char* out);

// `s` with A-Z lowercased, as a new string.
std::string LowerAscii(std::string_view s);

}  // namespace warta::nlp

#endif  // WARTA_NLP_ASCII_H_
