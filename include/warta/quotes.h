// Quote attribution: who said what in an article's text.
//
// ExtractQuotes() finds direct quotes (text between quotation marks of any
// common style, also across sentences and paragraphs) and indirect quotes
// (the clause a speech verb introduces: "X said [that ...]", "menurut X,
// ...", "..., kata X"), each with the cue that marks it, the mention of the
// speaker it attaches to (a name, a role phrase or a pronoun) and the full
// name that mention resolves to. English and Indonesian are supported; other
// languages get direct quotes and the English cue words.
//
// Offsets are Unicode code points into the text passed in (the benchmarks
// and article records count the same way). Invalid UTF-8 is read as if
// repaired by utf8::Repair (one U+FFFD per invalid byte), so offsets into
// such text count the repaired code points. The language only documents
// the text: English and Indonesian cue words are always both active, since
// pages quote across languages.
// Thread safety: ExtractQuotes() is a pure function and thread-safe.
#ifndef WARTA_QUOTES_H_
#define WARTA_QUOTES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta {

// A stretch of text in code points, end exclusive. Empty when begin == end.
struct TextSpan {
  uint32_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
};

// A name the caller already found (from NER); lets the speaker get its full
// name and type. kind is "PER", "ORG", "LOC" or anything else.
struct EntityMention {
  TextSpan span;
  std::string kind;
};

struct Quote {
  // Quotation marks included for direct quotes; an English indirect quote
  // keeps its "that" (PolNeAR's convention), an Indonesian one drops "bahwa".
  TextSpan content;
  TextSpan cue;      // "said", "kata", "ujarnya", "according to"; may be empty
  TextSpan speaker;  // the mention it attaches to; may be a pronoun or empty
  std::string speaker_name;  // resolved: "Yuri Ushakov" for "Ushakov" or "ia"
  bool direct = false;
  // Quotes with the same group form one attribution: a quote broken by its
  // cue ("“A,” she said. “B.”") or a following paragraph that goes on quoting
  // the same speaker. Groups count from 0 in text order.
  uint32_t group = 0;
};

// `language` is a BCP 47 primary tag ("en", "id"); `mentions` may be empty
// and need not be sorted. Quotes come in text order of their content.
std::vector<Quote> ExtractQuotes(std::string_view utf8_text, std::string_view language,
                                 const std::vector<EntityMention>& mentions = {});

}  // namespace warta

#endif  // WARTA_QUOTES_H_
