// Language identification of article text.
//
// CLD2 decides, with the page's declared language as a hint. When CLD2 is
// unsure (short text, mixed text) a stopword count for English and
// Indonesian decides, then the hint. Indonesian and Malay are close: when
// CLD2 says Malay but the hint or Indonesian-only function words point to
// Indonesian, the answer is "id".
//
// Thread safety: pure function, thread-safe.
#ifndef WARTA_NLP_LANGUAGE_H_
#define WARTA_NLP_LANGUAGE_H_

#include <string>
#include <string_view>

namespace warta::nlp {

// A BCP 47 primary tag ("id", "en", "de", "zh", ...) or "" when nothing can be
// told (empty or letterless text and no usable hint). `declared` is the
// page's own claim ("id", "en-US", "id_ID", "english") and may be empty. Any
// bytes are accepted.
std::string DetectLanguage(std::string_view utf8_text, std::string_view declared);

}  // namespace warta::nlp

#endif  // WARTA_NLP_LANGUAGE_H_
