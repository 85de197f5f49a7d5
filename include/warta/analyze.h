// Analyze: what an article says — sentences, entities with roles and
// aliases, quotes with speakers, time expressions, events and consistency
// notes — read from its body text (Indonesian and English).
//
// Offsets: every begin/end is a Unicode code-point offset into the `text`
// passed to Analyze (end exclusive); invalid UTF-8 counts as one U+FFFD per
// bad sequence, as the quote extractor and the records count it.
//
// Ownership: AnalyzeResources holds the NER models and gazetteer; load it
// once and share it read-only. An Analysis owns all its strings.
// Thread safety: Analyze() may run on many threads at once over one
// AnalyzeResources; Shared() loads the default resources once, thread-safely.
#ifndef WARTA_ANALYZE_H_
#define WARTA_ANALYZE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "warta/status.h"

namespace warta {

class NerModel;
namespace nlp {
class Gazetteer;
}

namespace analysis {

struct Sentence {
  uint32_t begin = 0, end = 0;
};

struct Mention {
  uint32_t begin = 0, end = 0;
  std::string text;
};

struct Entity {
  uint32_t id = 0;    // index into Analysis::entities
  std::string type;   // "PER", "ORG", "LOC" or "MISC"
  std::string name;   // canonical: the longest full form seen
  std::vector<Mention> mentions;
  std::vector<std::string> roles;    // "Presiden Prancis", "utusan khusus Biden"
  std::vector<std::string> aliases;  // other surface forms: "Macron", "AS"
};

struct Span {
  uint32_t begin = 0, end = 0;  // empty when begin == end
};

struct Quote {
  Span content;  // quotation marks included for direct quotes
  Span cue;      // "kata", "said", "menurut"; may be empty
  Span speaker;  // the mention it attaches to (name, role or pronoun); may be empty
  int32_t speaker_entity = -1;  // Entity::id, or -1 when the speaker is no entity
  std::string speaker_name;     // resolved full name ("" when unknown)
  bool direct = false;
  uint32_t group = 0;  // quotes of one attribution share a group
};

struct TimeExpr {
  uint32_t begin = 0, end = 0;
  std::string text;
  std::string value;        // ISO 8601: "2025-12-03", "2025-11", "2022", "2025-12-03T00:00"
  std::string granularity;  // "time", "day", "month" or "year"
  std::string anchor;       // "absolute", or "published" when read relative to it
};

struct Event {
  // meeting, talks, statement, agreement, agreement_failed, proposal,
  // attack, invasion, visit, leak
  std::string type;
  std::vector<uint32_t> participants;  // Entity ids
  std::vector<std::string> participant_names;
  std::vector<std::string> place;      // entity names
  std::string subject;    // what leaked / was proposed, as written; "" otherwise
  std::string time;       // TimeExpr value; "" when unknown
  std::vector<std::string> times;  // every distinct date the article gives it
  std::string duration;   // ISO 8601 duration: "PT5H", "P2D"
  std::string outcome;    // "no agreement", "agreed", or "" when unknown
  std::vector<uint32_t> evidence;  // sentence indices
};

struct Note {
  std::string kind;  // "date_conflict", "ner_unavailable", "truncated"
  std::string text;
};

}  // namespace analysis

struct Analysis {
  std::string language;  // the language read: as given, or detected when none was
  std::vector<analysis::Sentence> sentences;
  std::vector<analysis::Entity> entities;
  std::vector<analysis::Quote> quotes;
  std::vector<analysis::TimeExpr> times;
  std::vector<analysis::Event> events;
  std::vector<analysis::Note> notes;
};

class AnalyzeResources {
 public:
  ~AnalyzeResources();
  AnalyzeResources(const AnalyzeResources&) = delete;
  AnalyzeResources& operator=(const AnalyzeResources&) = delete;

  // Loads ner-en.bin, ner-id.bin and ner-gazetteer.tsv from `models_dir`
  // (empty: where NerModel::DefaultPath looks). A missing model is no
  // error: that language is analysed without NER (gazetteer places only)
  // and the analysis carries a note saying so.
  static std::unique_ptr<AnalyzeResources> Load(const std::string& models_dir = "");

  // The default resources, loaded on first use and kept for the process.
  static const AnalyzeResources& Shared();

  // The tagger for a language: the Indonesian one for "id" and "ms", the
  // English one for "en" and an unknown language ("", "un", "und"), the
  // other when that one could not be loaded. Null for any other language:
  // the English model reads every capitalised German noun as a name, so
  // there entities come from the gazetteer only.
  const NerModel* ModelFor(std::string_view language) const;
  const nlp::Gazetteer& gazetteer() const { return *gazetteer_; }
  // Whether `model` (one of ModelFor's) was trained with gazetteer(): then
  // the matches it makes while tagging are gazetteer()'s.
  bool SharesGazetteer(const NerModel* model) const {
    return model != nullptr && ((model == en_.get() && en_shares_) || (model == id_.get() && id_shares_));
  }

 private:
  AnalyzeResources();
  std::unique_ptr<NerModel> en_, id_;
  bool en_shares_ = false, id_shares_ = false;
  std::unique_ptr<nlp::Gazetteer> gazetteer_;
};

// Extra texts that belong to the article but not its body (image captions):
// their dates feed the consistency notes, their offsets are not reported.
struct AnalyzeContext {
  std::string_view published_iso;  // "2025-12-03T10:43:00+07:00"; anchors relative times
  std::vector<std::string_view> captions;
};

// `language` is a BCP 47 primary tag ("id", "en"), or empty to detect it;
// any bytes are accepted. Only the first MiB of a longer text is analysed
// (a "truncated" note says so).
Analysis Analyze(std::string_view text, std::string_view language, const AnalyzeContext& context,
                 const AnalyzeResources& resources);

// Appends one JSON line {"id", "language", "sentences", "entities", "quotes",
// "times", "events", "notes"} (the fields of docs/record.md) to `out`.
void AppendAnalysisJson(std::string_view id, const Analysis& analysis, std::string* out);

}  // namespace warta

#endif  // WARTA_ANALYZE_H_
