// The analysis layer's shared view of one text: its segmentation, lowercased
// tokens, and the entity mentions found so far. Internal to src/analyze.
#ifndef WARTA_ANALYZE_DOC_H_
#define WARTA_ANALYZE_DOC_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "meta/date_parse.h"
#include "nlp/sentences.h"
#include "nlp/word_shapes.h"
#include "warta/analyze.h"

namespace warta::analyze {

// Whether `w` is one of a word list's entries (the lists are short constant
// arrays; the longer ones sit behind a WordShapes filter first). A plain
// loop, which the compiler keeps inline: std::find was a call for each word.
template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

// Views point into `text` and `lowered`: a Doc is filled in place and never
// copied or moved.
struct Doc {
  Doc() = default;
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;

  std::string_view text;  // valid UTF-8
  std::string_view language;  // as Analyze read it: "id", "en", "de", ...
  nlp::Segmentation seg;
  std::string lowered;                    // `text` with ASCII letters lowercased
  std::vector<std::string_view> lower;    // per token, a view into `lowered`
  std::vector<uint32_t> sentence_of;      // per token
  // Per token: it opens with an ASCII capital or a non-ASCII letter's lead
  // byte (asked of most tokens by several passes: one byte, not a lookup
  // through the token into the text).
  std::vector<uint8_t> capitalized;
  // Per token: the WordShapes key of its lowercased form, for the word-list
  // filters several passes ask of most tokens.
  std::vector<uint16_t> shape;
  bool indonesian = false;
  // The dateline the text opens with ("ROTTERDAM (Reuters) - ", "JAKARTA,
  // KOMPAS.com - "): its place is tokens [0, dateline_place), its agency
  // [agency_begin, agency_end), and the story's first sentence starts at
  // token dateline_end; all 0 when there is none.
  uint32_t dateline_place = 0, dateline_end = 0;
  uint32_t agency_begin = 0, agency_end = 0;

  // Token offsets always lie inside `text`: views are made without checks.
  std::string_view Tok(size_t i) const { return Span(text, i, i + 1); }
  // The text from token b to token e-1, as written.
  std::string_view Range(size_t b, size_t e) const { return Span(text, b, e); }
  // The possessive "'s" or "’s", a token of its own.
  bool IsPossessive(size_t i) const { return lower[i] == "'s" || lower[i] == "\u2019s"; }
  // Range(b, e) with ASCII letters lowercased.
  std::string_view LowerRange(size_t b, size_t e) const { return Span(lowered, b, e); }
  bool Capitalized(size_t i) const { return capitalized[i] != 0; }

 private:
  std::string_view Span(std::string_view of, size_t b, size_t e) const {
    return std::string_view(of.data() + seg.tokens[b].byte_begin, seg.tokens[e - 1].byte_end - seg.tokens[b].byte_begin);
  }
};

void MakeDoc(std::string_view valid_utf8, std::string_view language, Doc* doc);

// A stretch of tokens naming one entity.
struct TokenMention {
  uint32_t tb = 0, te = 0;  // token range, end exclusive
  std::string type;         // PER/ORG/LOC/MISC
  int32_t entity = -1;
  // For a name inside a description of someone else ("utusan ... Joe
  // Biden"), the entity described (the envoy), when named elsewhere.
  int32_t described = -1;
};

// Role and title words ("presiden", "utusan", "spokesman"), lowercased.
bool IsRoleWord(std::string_view lower);

// Finds mentions (NER + gazetteer places + acronyms), merges them into
// entities with roles and aliases. `mentions` come sorted by position, each
// with its entity id.
void FindEntities(const Doc& doc, const AnalyzeResources& resources, std::vector<TokenMention>* mentions,
                  std::vector<analysis::Entity>* entities);

// "lima" -> 5, "five" -> 5; -1 when not a number word.
int NumberWord(std::string_view lower);

// Month and weekday names in both languages ("november", "rabu", "friday").
bool IsCalendarWord(std::string_view lower);

// Absolute and relative time expressions; `published` may be null.
std::vector<analysis::TimeExpr> FindTimes(const Doc& doc, const meta::DateTime* published);

// Events from trigger words, with participants, place, time, duration and
// outcome; caption dates add consistency notes.
void FindEvents(const Doc& doc, const std::vector<TokenMention>& mentions,
                const std::vector<analysis::Entity>& entities, const std::vector<analysis::TimeExpr>& times,
                const std::vector<analysis::Quote>& quotes,
                const std::vector<std::string>& caption_dates, std::vector<analysis::Event>* events,
                std::vector<analysis::Note>* notes);

}  // namespace warta::analyze

#endif  // WARTA_ANALYZE_DOC_H_
