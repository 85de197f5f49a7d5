// Analyze: segmentation -> entities -> quotes (attached to entities) ->
// times -> events and notes.
#include "warta/analyze.h"

#include <algorithm>
#include <optional>

#include "analyze/doc.h"
#include "base/utf8.h"
#include "meta/dateline.h"
#include "nlp/ascii.h"
#include "nlp/language.h"
#include "nlp/quotes.h"
#include "nlp/word_shapes.h"

namespace warta {
namespace analyze {

namespace {

// Tokens of the dateline at the start of doc->text, as meta reads datelines.
void FindDateline(Doc* doc) {
  const std::vector<nlp::Token>& tokens = doc->seg.tokens;
  doc->dateline_place = doc->dateline_end = doc->agency_begin = doc->agency_end = 0;
  if (tokens.empty()) return;
  std::string_view first = doc->text.substr(0, doc->text.find('\n'));
  std::optional<meta::Dateline> dateline = meta::DetectDateline(first);
  if (!dateline || !first.starts_with(dateline->city)) return;
  uint32_t t = 0;
  while (t < tokens.size() && tokens[t].byte_end <= dateline->city.size()) ++t;
  doc->dateline_place = t;
  size_t agency = dateline->agency.empty() ? std::string_view::npos
                                           : first.substr(0, dateline->prefix_bytes).find(dateline->agency);
  for (; t < tokens.size() && tokens[t].byte_begin < dateline->prefix_bytes; ++t) {
    if (agency == std::string_view::npos || tokens[t].byte_begin < agency) continue;
    if (doc->agency_end == 0) doc->agency_begin = t;
    if (tokens[t].byte_end <= agency + dateline->agency.size()) doc->agency_end = t + 1;
  }
  doc->dateline_end = t;
}

}  // namespace

void MakeDoc(std::string_view valid_utf8, std::string_view language, Doc* doc) {
  doc->text = valid_utf8;
  doc->language = language;
  doc->indonesian = language == "id" || language == "ms" || language == "in";
  doc->seg = nlp::Segment(valid_utf8);
  doc->lowered = nlp::LowerAscii(valid_utf8);
  const std::string_view lowered = doc->lowered;
  doc->lower.clear();
  doc->lower.reserve(doc->seg.tokens.size());
  doc->capitalized.clear();
  doc->capitalized.reserve(doc->seg.tokens.size());
  doc->shape.clear();
  doc->shape.reserve(doc->seg.tokens.size());
  for (const nlp::Token& t : doc->seg.tokens) {
    doc->lower.emplace_back(lowered.data() + t.byte_begin, t.byte_end - t.byte_begin);
    doc->shape.push_back(nlp::WordShapes::Key(doc->lower.back()));
    const unsigned char c = static_cast<unsigned char>(valid_utf8[t.byte_begin]);  // tokens are never empty
    doc->capitalized.push_back((c >= 'A' && c <= 'Z') || c >= 0xC0);
  }
  FindDateline(doc);
  doc->sentence_of.assign(doc->seg.tokens.size(), 0);
  for (uint32_t s = 0; s < doc->seg.sentences.size(); ++s) {
    const nlp::Sentence& sent = doc->seg.sentences[s];
    std::fill(doc->sentence_of.begin() + sent.token_begin, doc->sentence_of.begin() + sent.token_end, s);
  }
}

namespace {

struct MentionRef {
  uint32_t begin, end;
  uint32_t entity;
};

// The entity whose mention holds the speaker span (mentions sorted by
// begin, not overlapping), else the one whose name or alias the quote
// extractor resolved the speaker to.
int32_t SpeakerEntity(const Quote& q, const std::vector<MentionRef>& sorted,
                      const std::vector<analysis::Entity>& entities) {
  if (!q.speaker.empty()) {
    auto it = std::upper_bound(sorted.begin(), sorted.end(), q.speaker.begin,
                               [](uint32_t b, const MentionRef& m) { return b < m.begin; });
    if (it != sorted.begin() && std::prev(it)->end >= q.speaker.end) return std::prev(it)->entity;
  }
  if (q.speaker_name.empty()) return -1;
  for (const analysis::Entity& e : entities) {
    if (e.name == q.speaker_name) return e.id;
    for (const std::string& a : e.aliases) {
      if (a == q.speaker_name) return e.id;
    }
  }
  return -1;
}

std::vector<analysis::Quote> AttachQuotes(const Doc& doc, const std::vector<analysis::Entity>& entities) {
  std::vector<EntityMention> mentions;
  std::vector<MentionRef> sorted;
  for (const analysis::Entity& e : entities) {
    for (const analysis::Mention& m : e.mentions) {
      mentions.push_back({{m.begin, m.end}, e.type});
      sorted.push_back({m.begin, m.end, e.id});
    }
  }
  std::sort(sorted.begin(), sorted.end(), [](const MentionRef& a, const MentionRef& b) { return a.begin < b.begin; });
  std::vector<analysis::Quote> out;
  for (const Quote& q : nlp::ExtractQuotes(doc.text, doc.seg, mentions, doc.lower, doc.shape)) {
    analysis::Quote a;
    a.content = {q.content.begin, q.content.end};
    a.cue = {q.cue.begin, q.cue.end};
    a.speaker = {q.speaker.begin, q.speaker.end};
    a.speaker_entity = SpeakerEntity(q, sorted, entities);
    a.speaker_name = a.speaker_entity >= 0 ? entities[a.speaker_entity].name : q.speaker_name;
    a.direct = q.direct;
    a.group = q.group;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::string> CaptionDates(const AnalyzeContext& context, const meta::DateTime* published) {
  std::vector<std::string> out;
  meta::DateParseOptions o;
  o.reference = published;
  for (std::string_view caption : context.captions) {
    for (const meta::DateMatch& m : meta::FindDates(caption, o, 4)) {
      if (m.value.granularity >= meta::DateGranularity::kDay) {
        meta::DateTime day = m.value;
        day.has_time = false;
        day.granularity = meta::DateGranularity::kDay;
        out.push_back(meta::FormatIsoLocal(day));
      }
    }
  }
  return out;
}

}  // namespace
}  // namespace analyze

Analysis Analyze(std::string_view text, std::string_view language, const AnalyzeContext& context,
                 const AnalyzeResources& resources) {
  Analysis a;
  // Articles are far shorter; the cap keeps name merging, which compares
  // names with names, bounded on pathological input.
  constexpr size_t kMaxBytes = size_t{1} << 20;
  if (text.size() > kMaxBytes) {
    size_t end = kMaxBytes;
    while (end > 0 && !utf8::IsLeadByte(static_cast<unsigned char>(text[end]))) --end;
    text = text.substr(0, end);
    a.notes.push_back({"truncated", "only the first MiB of the text was analysed"});
  }
  std::string repaired;
  if (!utf8::IsValid(text)) {
    repaired = utf8::Repair(text);
    text = repaired;
  }
  std::string detected;
  if (language.empty()) {
    detected = nlp::DetectLanguage(text, "");
    language = detected;
  }
  a.language = std::string(language);
  analyze::Doc doc;
  analyze::MakeDoc(text, language, &doc);
  a.sentences.reserve(doc.seg.sentences.size());
  for (const nlp::Sentence& s : doc.seg.sentences) a.sentences.push_back({s.begin, s.end});
  if (resources.ModelFor(language) == nullptr) {
    a.notes.push_back({"ner_unavailable", "no NER model for language \"" + a.language +
                                              "\" (or it could not be loaded); entities come from the gazetteer only"});
  }
  std::vector<analyze::TokenMention> mentions;
  analyze::FindEntities(doc, resources, &mentions, &a.entities);
  a.quotes = analyze::AttachQuotes(doc, a.entities);
  std::optional<meta::DateTime> published;
  if (!context.published_iso.empty()) published = meta::ParseDate(context.published_iso);
  if (published && published->granularity < meta::DateGranularity::kDay) published.reset();
  const meta::DateTime* pub = published ? &*published : nullptr;
  a.times = analyze::FindTimes(doc, pub);
  analyze::FindEvents(doc, mentions, a.entities, a.times, a.quotes, analyze::CaptionDates(context, pub), &a.events,
                      &a.notes);
  return a;
}

}  // namespace warta
