#include "warta/quotes.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/utf8.h"
#include "nlp/ascii.h"
#include "nlp/cues.h"
#include "nlp/quotes.h"
#include "nlp/sentences.h"
#include "nlp/word_shapes.h"

namespace warta {
namespace {

using nlp::CueInfo;
using nlp::CueKind;
using nlp::PronounKind;
using nlp::Token;
using nlp::TokenKind;

constexpr int32_t kNone = -1;
// Longest subject or speaker phrase read, in tokens: Indonesian titles run
// long ("Kepala Bidang Humas Kepolisian Daerah Jawa Timur" before the name).
constexpr int kMaxPhrase = 14;
// Cue words read per sentence: keeps run-on "sentences" of junk linear.
constexpr size_t kMaxCuesPerSentence = 48;

// Quotation mark families: which closing marks end which opening marks.
// kDoubled is two ASCII apostrophes standing for a double quote ('' ... '').
enum class Family : uint8_t { kNone, kCurly, kLow, kStraight, kDoubled, kGuillemet, kSingle, kCorner };
enum class Mark : uint8_t { kNone, kOpen, kClose, kEither };

struct MarkInfo {
  Family family = Family::kNone;
  Mark role = Mark::kNone;
};

MarkInfo MarkOf(char32_t c) {
  switch (c) {
    case U'\u201C': return {Family::kCurly, Mark::kOpen};  // also closes kLow
    case U'\u201D': return {Family::kCurly, Mark::kClose};
    case U'\u201E': return {Family::kLow, Mark::kOpen};
    case U'"': return {Family::kStraight, Mark::kEither};
    case U'\u00AB': return {Family::kGuillemet, Mark::kOpen};
    case U'\u00BB': return {Family::kGuillemet, Mark::kClose};
    case U'\u2018': return {Family::kSingle, Mark::kOpen};
    case U'\u2019': return {Family::kSingle, Mark::kClose};
    case U'\u300C': case U'\u300E': return {Family::kCorner, Mark::kOpen};
    case U'\u300D': case U'\u300F': return {Family::kCorner, Mark::kClose};
    default: return {};
  }
}

struct QuoteSpan {
  uint32_t open = 0, close = 0;  // token indices of the marks (close may be the paragraph's last token)
  bool speech = false;           // long enough or punctuated like speech, not a scare quote
  bool standalone = false;       // opens a sentence or follows ":" / ","
  int32_t owner = kNone;         // attribution that took it as content
};

struct Attribution {
  std::vector<TextSpan> content;
  TextSpan cue, speaker;
  std::string name;
  bool direct = false;
  uint32_t paragraph = 0;
  uint32_t sentence = 0;  // of the cue
  uint32_t last = 0;  // code point where the attribution's last part ends
};

// The cue words of one sentence, before their roles are decided.
struct Hit {
  uint32_t c0 = 0, c1 = 0;  // token range of the cue
  CueInfo info;
};

class Extractor {
 public:
  Extractor(std::string_view text, const nlp::Segmentation& seg, const std::vector<EntityMention>& mentions,
            std::span<const std::string_view> lower, std::span<const uint16_t> shapes)
      : text_(text), mentions_(mentions), seg_(seg), lower_(lower), shapes_(shapes) {
    std::sort(mentions_.begin(), mentions_.end(),
              [](const EntityMention& x, const EntityMention& y) { return x.span.begin < y.span.begin; });
  }

  std::vector<Quote> Run();

 private:
  // --- token access
  std::string_view Lower(uint32_t i) const { return lower_[i]; }
  const Token& Tok(uint32_t i) const { return seg_.tokens[i]; }
  bool IsPunct(uint32_t i) const { return Tok(i).kind == TokenKind::kPunct; }
  // Two or more ASCII capitals: "BNPB", "FBI".
  bool IsAcronym(uint32_t i) const {
    std::string_view w = ViewOf(i, i + 1);
    return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  }
  bool Is(uint32_t i, std::string_view s) const { return lower_[i] == s; }
  bool Attached(uint32_t a, uint32_t b) const { return Tok(a).end == Tok(b).begin; }
  bool IsOpenMark(uint32_t i) const { return quote_of_[i] != kNone && quotes_[quote_of_[i]].open == i; }
  bool IsCloseMark(uint32_t i) const {
    return quote_of_[i] != kNone && quotes_[quote_of_[i]].close == i && mark_[i] != Mark::kNone;
  }
  TextSpan SpanOf(uint32_t a, uint32_t b) const {  // token range [a, b)
    return a < b ? TextSpan{Tok(a).begin, Tok(b - 1).end} : TextSpan{};
  }
  std::string_view ViewOf(uint32_t a, uint32_t b) const {
    if (a >= b) return {};
    return text_.substr(Tok(a).byte_begin, Tok(b - 1).byte_end - Tok(a).byte_begin);
  }
  std::string TextOf(uint32_t a, uint32_t b) const { return std::string(ViewOf(a, b)); }

  void Prepare();
  void FindQuotes();
  void CloseQuote(uint32_t open, uint32_t close, bool marked);
  void RegisterNames(const nlp::Sentence& s);
  std::vector<Hit> FindCues(const nlp::Sentence& s) const;
  void Attribute(const nlp::Sentence& s, const Hit& h, uint32_t limit);

  // Phrases.
  std::pair<uint32_t, uint32_t> PhraseBefore(uint32_t last, uint32_t sb) const;
  std::pair<uint32_t, uint32_t> Subject(uint32_t last, uint32_t sb) const;
  std::pair<uint32_t, uint32_t> SubjectWithAdjunct(uint32_t last, uint32_t sb) const;
  std::pair<uint32_t, uint32_t> PhraseBeforeAdjuncts(uint32_t comma, uint32_t sb) const;
  std::pair<uint32_t, uint32_t> SpeakerAfter(uint32_t i, uint32_t se) const;
  bool RestIsTrailer(uint32_t i, uint32_t se, const CueInfo& info) const;
  bool IntroducesContent(uint32_t i, uint32_t se) const;
  bool AttributedAfter(const QuoteSpan& q) const;
  bool ReadsAsSpeechVerb(const Hit& h, uint32_t before, uint32_t sb, uint32_t se) const;
  uint32_t SkipAdjuncts(uint32_t i, uint32_t sb) const;
  bool NothingReported(uint32_t i, uint32_t se) const;
  bool IsPassive(const Hit& h, uint32_t before, uint32_t sb, uint32_t se) const;
  bool ContentBefore(uint32_t bnd, uint32_t sb, uint32_t min_tokens, Attribution* a);
  bool ContentOfSentenceBefore(uint32_t sb, Attribution* a);
  bool ContentAfter(uint32_t i, uint32_t limit, const CueInfo& info, Attribution* a);
  uint32_t TrimEnd(uint32_t a, uint32_t b) const;
  bool Resumes(uint32_t after, uint32_t se) const;
  void AppendResumedClause(uint32_t after, uint32_t se, Attribution* a) const;

  // Names.
  std::pair<uint32_t, uint32_t> NameOf(uint32_t a, uint32_t b) const;
  bool IsDescription(uint32_t a, uint32_t b) const;
  uint32_t RankStart(uint32_t lo, uint32_t s) const;
  const EntityMention* MentionIn(uint32_t a, uint32_t b, std::string_view kind) const;
  bool StartsPersonMention(uint32_t i) const;
  uint32_t NameStart(uint32_t start, uint32_t end) const;
  uint32_t SkipConnective(uint32_t i, uint32_t end) const;
  uint32_t SkipDateline(uint32_t i, uint32_t end) const;
  uint32_t ClauseEnd(uint32_t i, uint32_t end) const;
  std::pair<uint32_t, uint32_t> ClauseSubject(uint32_t sb, uint32_t cue) const;
  void SetSpeaker(uint32_t a, uint32_t b, Attribution* a_out);
  void SetPronounSpeaker(TextSpan span, PronounKind kind, Attribution* a);
  void Commit(Attribution a);
  void AttachLoneQuotes();
  void SpeakerLabel(size_t sentence);
  void SourcePhrase(const nlp::Sentence& s);

  std::string_view text_;
  std::vector<EntityMention> mentions_;  // sorted by begin
  const nlp::Segmentation& seg_;
  std::span<const std::string_view> lower_;  // the caller's or lower_views_
  std::string lower_buf_;
  std::vector<std::string_view> lower_views_;
  std::span<const uint16_t> shapes_;  // per token, WordShapes::Key of lower_: the caller's or shape_keys_
  std::vector<uint16_t> shape_keys_;
  std::vector<uint8_t> cap_;  // per token: a word starting with an uppercase letter
  std::vector<uint32_t> sentence_of_;
  std::vector<int32_t> quote_of_;
  std::vector<Mark> mark_;
  std::vector<QuoteSpan> quotes_;
  std::vector<Attribution> attributions_;
  std::unordered_map<std::string_view, std::string_view> alias_;  // last name -> full name, in text_
  std::unordered_set<std::string_view> places_;  // words the text uses as places ("di Sleman"), in text_
  std::string last_person_, last_group_;
};

void Extractor::Prepare() {
  const auto& toks = seg_.tokens;
  const size_t n = toks.size();
  if (lower_.size() != n) {
    // One lowercased copy of the whole text; tokens view it at their offsets.
    lower_buf_ = nlp::LowerAscii(text_);
    lower_views_.resize(n);
    for (size_t i = 0; i < n; ++i) lower_views_[i] = seg_.TokenText(lower_buf_, toks[i]);
    lower_ = lower_views_;
  }
  if (shapes_.size() != n) {
    shape_keys_.resize(n);
    for (size_t i = 0; i < n; ++i) shape_keys_[i] = nlp::WordShapes::Key(lower_[i]);  // tokens are never empty
    shapes_ = shape_keys_;
  }
  const char* in = text_.data();
  cap_.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    if (t.kind != TokenKind::kWord) continue;
    unsigned char b = static_cast<unsigned char>(in[t.byte_begin]);
    if (b < 0x80) {
      cap_[i] = b >= 'A' && b <= 'Z';
    } else {
      size_t pos = t.byte_begin;
      cap_[i] = u_isupper(utf8::Decode(text_, &pos));
    }
  }
  for (size_t i = 1; i < n; ++i) {
    if (!cap_[i]) continue;
    // "Kota Larantuka" names a city; "Wali Kota Sinta" a mayor, and "Dinas
    // Kesehatan Kota Budi Santoso" a person when the tagger says so.
    std::string_view before = lower_[i - 1];
    bool city = before.size() == 4 && before[0] == 'k' && before == "kota" && !(i >= 2 && lower_[i - 2] == "wali") &&
                !StartsPersonMention(i);
    if (city || nlp::IsPlaceIntroducer(before)) places_.insert(ViewOf(i, i + 1));
  }
  sentence_of_.assign(n, 0);
  for (uint32_t s = 0; s < seg_.sentences.size(); ++s) {
    const nlp::Sentence& sent = seg_.sentences[s];
    std::fill(sentence_of_.begin() + sent.token_begin, sentence_of_.begin() + sent.token_end, s);
  }
  quote_of_.assign(n, kNone);
  mark_.assign(n, Mark::kNone);
}

uint32_t ParagraphOf(const nlp::Segmentation& seg, const std::vector<uint32_t>& sentence_of, uint32_t tok) {
  return seg.sentences[sentence_of[tok]].paragraph;
}

void Extractor::CloseQuote(uint32_t open, uint32_t close, bool marked) {
  if (close <= open + (marked ? 1 : 0)) return;
  QuoteSpan q;
  q.open = open;
  q.close = close;
  int words = 0;
  for (uint32_t i = open + 1; i < close; ++i) words += Tok(i).kind != TokenKind::kPunct;
  uint32_t last_inner = marked ? close - 1 : close;
  if (marked && last_inner > open && Is(close, "'") && Is(last_inner, "'")) --last_inner;  // ''
  std::string_view end = Lower(last_inner);
  bool punctuated = end == "," || end == "." || end == "?" || end == "!" || end == "\u2026";
  q.speech = words >= 4 || (words >= 2 && punctuated);
  const nlp::Sentence& s = seg_.sentences[sentence_of_[open]];
  q.standalone = open == s.token_begin || Is(open - 1, ":") || Is(open - 1, ",");
  int32_t index = static_cast<int32_t>(quotes_.size());
  for (uint32_t i = open; i <= close; ++i) quote_of_[i] = index;
  if (marked) mark_[close] = Mark::kClose;
  mark_[open] = Mark::kOpen;
  quotes_.push_back(q);
}

// Pairs quotation marks token by token. A paragraph that ends inside a quote
// continues it when the next paragraph opens with the same mark (the news
// convention for multi-paragraph quotes); otherwise the quote ends with its
// paragraph.
void Extractor::FindQuotes() {
  const auto& toks = seg_.tokens;
  int64_t open = -1;
  Family family = Family::kNone;
  for (uint32_t i = 0; i < toks.size(); ++i) {
    MarkInfo m{};
    uint32_t last = i;  // the mark's last token: two for ''
    // Every mark is '"', '\'' or led by 0xC2, 0xE2 or 0xE3: others skip decoding.
    const unsigned char lead = static_cast<unsigned char>(text_[toks[i].byte_begin]);
    if (toks[i].kind == TokenKind::kPunct && toks[i].end == toks[i].begin + 1 &&
        (lead == '"' || lead == '\'' || lead == 0xC2 || lead == 0xE2 || lead == 0xE3)) {
      size_t pos = toks[i].byte_begin;
      m = MarkOf(utf8::Decode(text_, &pos));
      if (Is(i, "'") && i + 1 < toks.size() && Is(i + 1, "'") && Attached(i, i + 1)) {
        m = {Family::kDoubled, Mark::kEither};
        last = i + 1;
      }
    }
    // Asked only while a quote is open: no other step needs it.
    bool new_paragraph = open >= 0 && i > 0 && sentence_of_[i] != sentence_of_[i - 1] &&
                         ParagraphOf(seg_, sentence_of_, i) != ParagraphOf(seg_, sentence_of_, i - 1);
    if (new_paragraph) {
      bool same = m.role != Mark::kNone && m.role != Mark::kClose &&
                  (m.family == family || (family == Family::kLow && m.family == Family::kCurly));
      if (same) {  // the quote goes on in this paragraph
        i = last;
        continue;
      }
      // An unclosed single mark is an apostrophe ("in ‘08"), not a quote.
      if (family != Family::kSingle) CloseQuote(static_cast<uint32_t>(open), i - 1, false);
      open = -1;
    }
    if (m.role == Mark::kNone) continue;
    bool next_attached = last + 1 < toks.size() && Attached(last, last + 1);
    if (open < 0) {
      bool opens = m.role == Mark::kOpen || m.role == Mark::kEither;
      if (m.family == Family::kSingle) opens = opens && next_attached;
      // Some Indonesian sites open with ” as well: a free-standing ” glued to
      // the next word opens.
      if (m.family == Family::kCurly && m.role == Mark::kClose) {
        opens = next_attached && (i == 0 || !Attached(i - 1, i));
      }
      if (opens) {
        open = i;
        family = m.family;
      }
      i = last;
      continue;
    }
    // A mark shaped like an opener (space before, word glued after) while a
    // quote is open: the old quote lost its closing mark.
    bool opener_shape = next_attached && i > 0 && !Attached(i - 1, i) && m.family == Family::kCurly &&
                        family == Family::kCurly;
    if (opener_shape) {
      CloseQuote(static_cast<uint32_t>(open), i - 1, false);
      open = i;
      i = last;
      continue;
    }
    bool closes = false;
    switch (family) {
      case Family::kLow: closes = m.family == Family::kCurly; break;
      // Curly and straight marks get mixed up in edited copy: either closes
      // the other when shaped like a closer (glued to the word before).
      case Family::kStraight:
        closes = m.family == family || (m.family == Family::kCurly && m.role == Mark::kClose);
        break;
      case Family::kCurly:
        closes = (m.family == family && m.role == Mark::kClose) ||
                 (m.family == Family::kStraight && i > 0 && Attached(i - 1, i) && !next_attached);
        break;
      case Family::kDoubled: closes = m.family == family; break;
      case Family::kSingle:
        closes = m.family == Family::kSingle && m.role == Mark::kClose &&
                 !(next_attached && toks[i + 1].kind == TokenKind::kWord);
        break;
      default: closes = m.family == family && m.role == Mark::kClose; break;
    }
    if (closes) {
      CloseQuote(static_cast<uint32_t>(open), last, true);
      open = -1;
    } else if (m.family == family && m.role == Mark::kOpen) {
      open = i;  // an unclosed quote in the same paragraph: start again here
    }
    i = last;
  }
  if (open >= 0 && !toks.empty() && family != Family::kSingle) {
    CloseQuote(static_cast<uint32_t>(open), toks.size() - 1, false);
  }
}

// Words before a verb that form its subject, reading backwards from `last`
// (inclusive) to a clause boundary. Returns [a, last + 1) or an empty range.
std::pair<uint32_t, uint32_t> Extractor::PhraseBefore(uint32_t last, uint32_t sb) const {
  if (last < sb || last == UINT32_MAX) return {0, 0};
  if (IsPunct(last) && !Is(last, ".")) return {0, 0};
  uint32_t a = last + 1;
  int n = 0;
  while (a > sb && n < kMaxPhrase) {
    uint32_t t = a - 1;
    if (quote_of_[t] != kNone) break;
    std::string_view w = Lower(t);
    if (IsPunct(t) && w != "." && w != "'" && w != "\u2019" && w != "-" && w != "&") break;
    if (w == "and" || w == "dan") {
      // "Clinton and Sanders said": names joined by "and" stay one subject;
      // so does "warm-and-fuzzy".
      bool hyphenated = t > sb && Attached(t - 1, t) && t + 1 <= last && Attached(t, t + 1);
      if (!hyphenated && !(t > sb && cap_[t - 1] && t + 1 <= last && cap_[t + 1])) break;
    } else if (nlp::IsPreposition(w)) {
      // "Experts on North Korea said", "an analyst at Brookings said": a
      // preposition before a name stays in the subject.
      bool before_name = t + 1 <= last && cap_[t + 1] && t > sb && Tok(t - 1).kind == TokenKind::kWord &&
                         nlp::LookupCue(Lower(t - 1)).kind == CueKind::kNone && w != "to" && w != "by";
      if (!before_name) break;
    } else if (nlp::IsClauseWord(w) || nlp::LookupCue(w).kind != CueKind::kNone) {
      break;
    }
    --a;
    ++n;
  }
  while (a <= last && IsPunct(a)) ++a;
  return a <= last ? std::pair{a, last + 1} : std::pair{0u, 0u};
}

// The subject of a verb whose last pre-verb token is `last`: a plain phrase,
// or, across an appositive or relative clause between commas, the phrase
// before it ("Zelensky, who spoke in Dublin, said"), or the name set off by
// commas ("an aide to Putin, Yuri Ushakov, said").
std::pair<uint32_t, uint32_t> Extractor::SubjectWithAdjunct(uint32_t last, uint32_t sb) const {
  if (last < sb || last == UINT32_MAX) return {0, 0};
  if (Is(last, ")")) {  // "Rep. Hank Johnson (D-Ga.) said"
    uint32_t open = last;
    while (open > sb && last - open < 10 && !Is(open, "(")) --open;
    if (!Is(open, "(") || open == sb) return {0, 0};
    auto np = PhraseBefore(open - 1, sb);
    // "X, Minggu (17/5/2020) menyatakan": a date, not the subject.
    if (np.first < np.second && nlp::IsTimeWord(Lower(np.first)) && np.first > sb && Is(np.first - 1, ",")) {
      return PhraseBeforeAdjuncts(np.first - 1, sb);
    }
    return np.first < np.second ? std::pair{np.first, last + 1} : np;
  }
  if (nlp::IsRelativeWord(Lower(last))) {  // "Paula Young, who said"
    uint32_t head = last > sb && Is(last - 1, ",") ? last - 1 : last;
    return head > sb ? PhraseBefore(head - 1, sb) : std::pair{0u, 0u};
  }
  if (!Is(last, ",")) return PhraseBefore(last, sb);
  uint32_t pc = last;  // find the comma that opens the inserted phrase
  int n = 0;
  while (pc > sb && n < 25) {
    --pc;
    ++n;
    if (quote_of_[pc] != kNone) return {0, 0};
    if (Is(pc, ")")) {  // ", Rabu (30/12/2020),": a date in brackets is inside the phrase
      while (pc > sb && n < 25 && !Is(pc, "(")) {
        --pc;
        ++n;
      }
      continue;
    }
    if (Is(pc, ",") || Is(pc, "(") || Is(pc, "\u2014")) break;
  }
  bool comma = Is(pc, ",") || Is(pc, "\u2014");
  uint32_t first = comma ? pc + 1 : pc;
  if (first >= last) return {0, 0};
  // ", Sabtu," / ", saat dihubungi,": a time or other adjunct phrase.
  if (comma && (nlp::IsRelativeWord(Lower(first)) || !cap_[first] || nlp::IsTimeWord(Lower(first)))) {
    if (pc > sb) {
      auto np = PhraseBeforeAdjuncts(pc, sb);
      if (np.first < np.second) return np;
    }
  }
  if (cap_[first] && last - first <= static_cast<uint32_t>(kMaxPhrase)) {
    // "Widi Nursejati, General Manager Regional Division, said": a long title
    // between the commas follows a short name before them.
    if (comma && last - first > 3 && pc > sb) {
      auto np = PhraseBefore(pc - 1, sb);
      bool name = np.second - np.first >= 2 && np.second - np.first <= 3;
      for (uint32_t i = np.first; name && i < np.second; ++i) name = cap_[i];
      if (name) return np;
    }
    return {first, last};
  }
  return {0, 0};
}

// The phrase before the comma at `comma`, stepping back over adjunct phrases
// set off by commas: "X, dihubungi dari Jakarta, Selasa, mengatakan" gives X.
// A phrase that opens with a determiner ("Yesterday, the group, ...") is the
// subject itself.
std::pair<uint32_t, uint32_t> Extractor::PhraseBeforeAdjuncts(uint32_t comma, uint32_t sb) const {
  auto np = PhraseBefore(comma - 1, sb);
  for (int k = 0; k < 3 && np.first < np.second && np.first >= sb + 2 && Is(np.first - 1, ","); ++k) {
    std::string_view w = Lower(np.first);
    bool adjunct = nlp::IsTimeWord(w) || (!cap_[np.first] && !nlp::IsDeterminer(w) &&
                                          nlp::LookupPronoun(w) == PronounKind::kNone);
    if (!adjunct) break;
    auto before = PhraseBefore(np.first - 2, sb);
    if (before.first >= before.second) break;
    np = before;
  }
  return np;
}

// The subject without a time or place adjunct that follows the name ("Robby
// Kayame saat ditemui di Jayapura, mengatakan"), or, when the phrase read is
// only that adjunct, the name before it.
std::pair<uint32_t, uint32_t> Extractor::Subject(uint32_t last, uint32_t sb) const {
  auto np = SubjectWithAdjunct(last, sb);
  if (np.first >= np.second) return np;
  if (np.first >= sb + 2 && nlp::IsAdjunctOpener(Lower(np.first - 1)) && cap_[np.first - 2]) {
    auto before = PhraseBefore(np.first - 2, sb);
    if (before.first < before.second) np = {before.first, np.second};
  }
  for (uint32_t t = np.first + 1; t < np.second; ++t) {
    if (cap_[t - 1] && nlp::IsAdjunctOpener(Lower(t))) return {np.first, t};
  }
  return np;
}

std::pair<uint32_t, uint32_t> Extractor::SpeakerAfter(uint32_t i, uint32_t se) const {
  if (i < se && (Is(i, "oleh") || Is(i, "by"))) ++i;
  // "said in a statement", "wrote on Twitter": a place or time, no speaker.
  if (i < se && nlp::IsSpeakerStop(Lower(i)) && nlp::LookupPronoun(Lower(i)) == PronounKind::kNone) return {0, 0};
  uint32_t b = i;
  while (b < se && b - i < static_cast<uint32_t>(kMaxPhrase)) {
    if (quote_of_[b] != kNone) break;
    std::string_view w = Lower(b);
    if (w == "(" && b > i) {  // "kata Ketua Komite (KNKT) Soerjo Wibowo": read on past an acronym in brackets
      uint32_t close = b + 1;
      while (close < se && close - b < 4 && !Is(close, ")")) ++close;
      if (close + 1 < se && Is(close, ")") && cap_[close + 1]) {
        b = close + 1;
        continue;
      }
    }
    if (IsPunct(b) && w != "." && w != "'" && w != "\u2019" && w != "-" && w != "&") break;
    if (w == "." && (b + 1 >= se || IsPunct(b + 1))) break;  // the sentence's own period
    if (b > i && (nlp::IsSpeakerStop(w) || nlp::IsClauseWord(w)) && !(w == "and" || w == "dan")) break;
    // "said the president also has spoken": a clause, not a speaker.
    if (b > i && nlp::IsAuxiliary(w) && ((w.size() > 2 && w.substr(0, 2) == "ha") || w == "is" || w == "are" ||
                                         w == "was" || w == "were" || w == "also" || w == "will" || w == "would")) {
      return {0, 0};
    }
    ++b;
  }
  if (b == i) return {0, 0};
  std::string_view first = Lower(i);
  // "said he." — a pronoun speaker is one word and ends the clause.
  if (nlp::LookupPronoun(first) != PronounKind::kNone) {
    b = i + 1;
    if (b < se && !IsPunct(b) && !nlp::IsSpeakerStop(Lower(b))) return {0, 0};
  }
  bool ok = cap_[i] || first == "the" || first == "a" || first == "an" || first == "para" ||
            nlp::LookupPronoun(first) != PronounKind::kNone || nlp::LookupCue(first).kind == CueKind::kNone;
  ok = ok && !(first == "it" || first == "that" || first == "this" || first == "there");
  return ok ? std::pair{i, b} : std::pair{0u, 0u};
}

// Whether what follows a cue at `i` is only trailing matter ("on Thursday",
// "in a statement", end of sentence), so the content came before the cue.
bool Extractor::RestIsTrailer(uint32_t i, uint32_t se, const CueInfo& info) const {
  if (i >= se) return true;
  std::string_view w = Lower(i);
  if (IsPunct(i)) return !IsOpenMark(i) && w != ":" && !(w == "," && i + 1 < se && IsOpenMark(i + 1));
  if (nlp::IsSpeakerStop(w)) {
    // A quote that opens mid-phrase is a title ("said on ABC's “This Week”"),
    // not the content.
    for (uint32_t j = i; j < se && j < i + 12; ++j) {
      if (nlp::IsComplementizer(Lower(j)) || (IsOpenMark(j) && quotes_[quote_of_[j]].standalone)) return false;
    }
    return true;
  }
  if (info.needs_object) {  // "..., she told reporters." (not "told a joke.")
    std::string_view o = Lower(i);
    bool addressee = cap_[i] || o == "the" || o == "reporters" || o == "journalists" || o == "wartawan" ||
                     o == "media" || o == "him" || o == "her" || o == "them" || o == "us" || o == "me";
    uint32_t j = i;
    while (j < se && !IsPunct(j) && j < i + 4) ++j;
    return addressee && (j >= se || (IsPunct(j) && !IsOpenMark(j) && !Is(j, ":")));
  }
  return false;
}

// Steps back from `i` over auxiliaries and time phrases that stand between a
// subject and its verb ("has also", "on Tuesday", "for the first time").
uint32_t Extractor::SkipAdjuncts(uint32_t i, uint32_t sb) const {
  while (i != UINT32_MAX && i >= sb && quote_of_[i] == kNone) {
    std::string_view w = Lower(i);
    bool adverb = w.size() > 4 && w.substr(w.size() - 2) == "ly" && !cap_[i];  // "occasionally"
    bool negated = w.ends_with("n't") || w.ends_with("n\u2019t");                // "didn't"
    if (nlp::IsAuxiliary(w) || adverb || negated) {
      i = i > sb ? i - 1 : UINT32_MAX;
      continue;
    }
    if (!nlp::IsTimeWord(w)) break;
    uint32_t j = i;  // the time word and the words that lead up to it
    while (j > sb && j + 5 > i) {
      std::string_view p = Lower(j - 1);
      if (!(nlp::IsPreposition(p) || nlp::IsDeterminer(p) || nlp::IsTimeWord(p) || p == "late")) break;
      --j;
    }
    if (j == i || !nlp::IsPreposition(Lower(j))) {
      if (!(w == "yesterday" || w == "today" || w == "kemarin" || Lower(j) == "last")) break;
    }
    i = j > sb ? j - 1 : UINT32_MAX;
  }
  return i;
}

// Shapes in which a cue word is no report: a participle modifying a noun
// ("refugees admitted are", "questions asked of"), an -ing form after a verb
// ("began calling"), "continued to attack".
bool Extractor::ReadsAsSpeechVerb(const Hit& h, uint32_t before, uint32_t sb, uint32_t se) const {
  if (h.c1 < se) {
    std::string_view n = Lower(h.c1);
    if (n == "is" || n == "are" || n == "was" || n == "were" || n == "has" || n == "have" || n == "had" ||
        n == "will" || n == "would") {
      return false;
    }
    std::string_view w = Lower(h.c0);
    // "questions asked of", not "“...,” she said of Trump".
    if (n == "of" && !(w == "said" || w == "says" || w == "say" || w == "wrote" || w == "writes")) return false;
    if (n == "to" && (w == "continued" || w == "continues" || w == "began" || w == "noted")) return false;
  }
  std::string_view w = Lower(h.c0);
  if (w.size() > 4 && w.substr(w.size() - 3) == "ing" && before != UINT32_MAX && before >= sb) {
    std::string_view b = Lower(before);
    return IsPunct(before) || b == "is" || b == "are" || b == "was" || b == "were" || b == "been" ||
           b == "be" || b == "and" || b == "also" || b == "while" || b == "after" || b == "before" ||
           b == "by" || b == "when";
  }
  return true;
}

// "a plan endorsed by Democrats", "has been criticized", "a blog, called
// the Feed": the verb's subject is not its source.
bool Extractor::IsPassive(const Hit& h, uint32_t before, uint32_t sb, uint32_t se) const {
  // "a plan endorsed by Democrats", not "Trump said by telephone".
  if (h.c1 < se && Is(h.c1, "by")) {
    return before == UINT32_MAX || before < sb ||
           !(cap_[before] || nlp::LookupPronoun(Lower(before)) != PronounKind::kNone);
  }
  std::string_view w = Lower(h.c0);
  bool past = w.size() > 3 && (w.substr(w.size() - 2) == "ed" || w == "told" || w == "found" || w == "shown");
  if (!past || before == UINT32_MAX || before < sb) return false;
  std::string_view b = Lower(before);
  if (b == "been" || b == "being" || b == "be" || b == "was" || b == "were" || b == "is" || b == "are") {
    return h.c1 == h.c0 + 1;  // "was called for" still reports
  }
  return b == "," && (w == "called" || w == "named" || w == "dubbed");
}

// Whether a verb at the end of a quote still introduces content of its own:
// "“...,” he said, adding that ..." does not; "“...” He said that ..." does.
bool Extractor::IntroducesContent(uint32_t i, uint32_t se) const {
  for (uint32_t j = i; j < se && j < i + 4; ++j) {
    if (Is(j, ",") || Is(j, ".")) return false;
    if (nlp::IsComplementizer(Lower(j)) || Is(j, ":") || (IsOpenMark(j) && quotes_[quote_of_[j]].standalone)) {
      return true;
    }
  }
  return false;
}

// Whether the words after a verb are only time and place ("said Sunday in
// Ohio.") up to the end of the sentence.
bool Extractor::NothingReported(uint32_t i, uint32_t se) const {
  // "Mayor Ruiz continued:" and the quote opens the next paragraph.
  if (i + 1 == se && Is(i, ":") && se < seg_.tokens.size() && IsOpenMark(se)) return false;
  if (i >= se || (IsPunct(i) && !IsOpenMark(i) && i + 1 == se)) return true;
  if (!nlp::IsSpeakerStop(Lower(i))) return false;
  for (uint32_t j = i; j < se; ++j) {
    if (j > i + 8 || IsOpenMark(j) || Is(j, ":") || nlp::IsComplementizer(Lower(j)) || Is(j, ",")) return false;
  }
  return true;
}

// Drops the sentence's final punctuation from a content range [a, b).
uint32_t Extractor::TrimEnd(uint32_t a, uint32_t b) const {
  while (b > a && IsPunct(b - 1) && quote_of_[b - 1] == kNone) --b;
  return b;
}

// "LOS ANGELES, Feb. 2 (UPI) — ..." / "JAKARTA, KOMPAS — ...": a dateline
// opening the sentence is no part of what anyone said.
uint32_t Extractor::SkipDateline(uint32_t i, uint32_t end) const {
  std::string_view first = text_.substr(Tok(i).byte_begin, Tok(i).byte_end - Tok(i).byte_begin);
  bool caps = first.size() >= 2 && std::all_of(first.begin(), first.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!caps) return i;
  for (uint32_t j = i + 1; j < end && j < i + 14; ++j) {
    if (Is(j, "\u2014") || Is(j, "\u2013") || Is(j, "--") || (Is(j, "-") && !Attached(j - 1, j))) return j + 1;
  }
  return i;
}

// "But", "Namun," and the like open the sentence, not the reported content.
uint32_t Extractor::SkipConnective(uint32_t i, uint32_t end) const {
  static constexpr std::string_view kWords[] = {"but", "and", "so", "yet", "however", "namun", "tetapi",
                                                "tapi", "dan", "sedangkan", "sementara"};
  if (i >= end || std::find(std::begin(kWords), std::end(kWords), Lower(i)) == std::end(kWords)) return i;
  ++i;
  if (i < end && Is(i, ",")) ++i;
  return i;
}

// Where a reported clause ends: before ", but ..." / ", tetapi ..." that
// adds the writer's own clause.
uint32_t Extractor::ClauseEnd(uint32_t i, uint32_t end) const {
  static constexpr std::string_view kWords[] = {"but", "although", "though", "whereas", "tetapi", "namun",
                                                "meskipun", "walaupun", "sedangkan", "padahal"};
  for (uint32_t j = i + 1; j + 1 < end; ++j) {
    // A quoted term then a comma: what follows explains the term ("“masalah
    // teritorial”, istilah Kremlin untuk ...").
    if (Is(j, ",") && IsCloseMark(j - 1) && quotes_[quote_of_[j - 1]].open > i) return j;
    if (quote_of_[j] == kNone && Is(j, ",") &&
        std::find(std::begin(kWords), std::end(kWords), Lower(j + 1)) != std::end(kWords)) {
      return j;
    }
    if (quote_of_[j] != kNone) continue;
    if (Is(j, "\u2014") || Is(j, "--")) return j;  // a dash aside
    if (Is(j, "-") && !Attached(j - 1, j) && !Attached(j, j + 1)) return j;
    // "reported [A], and said B": the subject's next verb ends the content.
    if ((Is(j, "and") || Is(j, "but")) && nlp::LookupCue(Lower(j + 1)).kind == CueKind::kVerb) {
      return Is(j - 1, ",") ? j - 1 : j;
    }
  }
  return end;
}

// "X, Rubio said, had been ...": the content resumes after the comma that
// closes a parenthetical attribution.
bool Extractor::Resumes(uint32_t after, uint32_t se) const {
  if (after + 1 >= se || !Is(after, ",")) return false;
  uint32_t i = after + 1;
  std::string_view w = Lower(i);
  if (Tok(i).kind != TokenKind::kWord || cap_[i] || quote_of_[i] != kNone) return false;
  return !((w.size() > 4 && w.substr(w.size() - 3) == "ing") || nlp::IsSpeakerStop(w) ||
           nlp::IsRelativeWord(w) || nlp::LookupCue(w).kind != CueKind::kNone) &&
         TrimEnd(i, se) - i >= 2;
}

void Extractor::AppendResumedClause(uint32_t after, uint32_t se, Attribution* a) const {
  if (a->direct || !Resumes(after, se)) return;
  a->content.push_back(SpanOf(after + 1, TrimEnd(after + 1, se)));
}

// "... denies — “why not?” asked Dunn": a quote whose own cue follows it
// belongs to that cue.
bool Extractor::AttributedAfter(const QuoteSpan& q) const {
  const uint32_t se = seg_.sentences[sentence_of_[q.close]].token_end;
  // A pronoun or "-nya" after the quote only repeats the speaker named before.
  for (uint32_t j = q.close + 1; j < se && j < q.close + 5; ++j) {
    if (nlp::LookupPronoun(Lower(j)) != PronounKind::kNone) return false;
    CueInfo c = nlp::LookupCue(Lower(j));
    if (c.pronoun_clitic) return false;
    if (c.kind == CueKind::kVerb || c.kind == CueKind::kPostposed) {
      return !(j + 1 < se && nlp::LookupPronoun(Lower(j + 1)) != PronounKind::kNone);
    }
    if (IsPunct(j) && !Is(j, ",") && !Is(j, ".")) return false;
  }
  return false;
}

// Content that ends at the boundary token `bnd` (a comma or closing mark)
// before the speaker: the quote closing there or the clause since `sb`.
bool Extractor::ContentBefore(uint32_t bnd, uint32_t sb, uint32_t min_tokens, Attribution* a) {
  uint32_t close = bnd;
  if (Is(bnd, ",") && bnd > 0 && IsCloseMark(bnd - 1)) close = bnd - 1;
  if (IsCloseMark(close) || (quote_of_[close] != kNone && Is(close, ","))) {
    const QuoteSpan& q = quotes_[quote_of_[close]];
    if (q.owner != kNone) return false;
    a->content.push_back(SpanOf(q.open, q.close + 1));
    a->direct = true;
    return true;
  }
  if (!Is(bnd, ",") || bnd <= sb) return false;
  uint32_t start = SkipConnective(SkipDateline(sb, bnd), bnd);
  if (quote_of_[start] != kNone) {
    const QuoteSpan& q = quotes_[quote_of_[start]];
    if (q.owner != kNone) return false;
    start = q.open;  // the sentence opens with (or inside) a quote
    a->direct = true;
  }
  uint32_t end = TrimEnd(start, bnd);
  if (end < start + min_tokens) return false;
  a->content.push_back(SpanOf(start, end));
  return true;
}

// The sentence before `sb` in the same paragraph as content: a quote that
// closes it, or its clause past a dateline and an opening connective.
bool Extractor::ContentOfSentenceBefore(uint32_t sb, Attribution* a) {
  if (sb == 0) return false;
  const nlp::Sentence& prev = seg_.sentences[sentence_of_[sb - 1]];
  if (prev.paragraph != seg_.sentences[sentence_of_[sb]].paragraph) return false;
  uint32_t last = prev.token_end - 1;
  if (IsCloseMark(last)) return ContentBefore(last, prev.token_begin, 3, a);
  uint32_t start = SkipConnective(SkipDateline(prev.token_begin, prev.token_end), prev.token_end);
  if (quote_of_[start] != kNone || quote_of_[last] != kNone) return false;
  uint32_t end = TrimEnd(start, prev.token_end);
  if (end < start + 3) return false;
  a->content.push_back(SpanOf(start, end));
  return true;
}

// Content that follows a verb cue: past "that"/"bahwa", a colon, or an
// object ("told reporters that"); a quote that opens there is taken whole.
bool Extractor::ContentAfter(uint32_t i, uint32_t limit, const CueInfo& info, Attribution* a) {
  while (i < limit && (Is(i, ",") || Is(i, ":"))) ++i;
  // "said on Tuesday that", "told reporters that"; not "said the test could
  // change that".
  bool may_skip = i < limit && (info.needs_object || nlp::IsSpeakerStop(Lower(i)) || nlp::IsComplementizer(Lower(i)));
  for (uint32_t j = i; may_skip && j < limit && j < i + 8; ++j) {
    if (quote_of_[j] != kNone || (IsPunct(j) && !Is(j, "."))) break;
    if (nlp::IsComplementizer(Lower(j)) && j + 1 < limit && !IsPunct(j + 1)) {
      // English "that" opens the reported clause (as PolNeAR marks it);
      // Indonesian "bahwa" stays with the cue.
      i = Is(j, "that") && !IsOpenMark(j + 1) ? j : j + 1;
      break;
    }
  }
  while (i < limit && (Is(i, "\u2014") || Is(i, "-") || Is(i, "--"))) ++i;
  if (i < limit && !IsOpenMark(i)) {  // "told reporters: “...”", "explained it this way: “...”"
    for (uint32_t j = i; j < limit && j < i + 6; ++j) {
      if ((Is(j, ",") || Is(j, ":")) && j + 1 < limit + 1 && j + 1 < seg_.tokens.size() && IsOpenMark(j + 1)) {
        i = j + 1;
        break;
      }
      if (IsPunct(j)) break;
    }
  }
  while (i < limit && Is(i, ",")) ++i;
  if (i < seg_.tokens.size() && IsOpenMark(i)) {
    QuoteSpan& q = quotes_[quote_of_[i]];
    if (q.owner != kNone || AttributedAfter(q)) return false;
    a->content.push_back(SpanOf(q.open, q.close + 1));
    a->direct = q.standalone || q.close + 2 >= limit;
    return true;
  }
  i = SkipConnective(i, limit);
  uint32_t end = TrimEnd(i, ClauseEnd(i, limit));
  if (end <= i) return false;
  a->content.push_back(SpanOf(i, end));
  return true;
}

// A person's name from a phrase: the last run of capitalised words, minus
// the titles and place words in front ("Presiden Rusia Vladimir Putin" ->
// "Vladimir Putin"); names joined by "and" stay together.
// The caller's mention of `kind` inside tokens [a, b) nearest their end.
const EntityMention* Extractor::MentionIn(uint32_t a, uint32_t b, std::string_view kind) const {
  const EntityMention* best = nullptr;
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), Tok(a).begin,
                             [](const EntityMention& m, uint32_t cp) { return m.span.begin < cp; });
  for (; it != mentions_.end() && it->span.begin < Tok(b - 1).end; ++it) {
    if (it->kind == kind && it->span.end <= Tok(b - 1).end) best = &*it;
  }
  return best;
}

// Whether the caller's tagger starts a person's mention at token `i`.
bool Extractor::StartsPersonMention(uint32_t i) const {
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), Tok(i).begin,
                             [](const EntityMention& m, uint32_t cp) { return m.span.begin < cp; });
  for (; it != mentions_.end() && it->span.begin == Tok(i).begin; ++it) {
    if (it->kind == "PER") return true;
  }
  return false;
}

std::pair<uint32_t, uint32_t> Extractor::NameOf(uint32_t a, uint32_t b) const {
  if (const EntityMention* m = MentionIn(a, b, "PER")) {
    for (uint32_t i = a; i < b; ++i) {
      if (Tok(i).begin == m->span.begin) {
        uint32_t j = i;
        while (j < b && Tok(j).end <= m->span.end) ++j;
        // A tagger's person mention may swallow the title or place in front.
        return {NameStart(i, j), j};
      }
    }
  }
  for (uint32_t i = a + 1; i < b; ++i) {
    if (!Is(i, "(")) continue;
    uint32_t close = i + 1;
    while (close < b && !Is(close, ")")) ++close;
    // "Ketua Komite Nasional (KNKT) Soerjo Wibowo": the name follows the
    // bracket; "Rep. Hank Johnson (D-Ga.)": the party tag after it is no name;
    // "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)": the acronym
    // that ends the phrase names the whole.
    if (close + 1 == b && close == i + 2 && IsAcronym(i + 1)) return {i + 1, close};
    if (close + 1 < b && cap_[close + 1]) {
      a = close + 1;
      i = close;
    } else {
      b = i;
    }
  }
  uint32_t end = b;
  while (end > a && !cap_[end - 1]) --end;
  if (end == a) return {a, b};
  uint32_t start = end;
  while (start > a) {
    uint32_t t = start - 1;
    bool joins = Is(t, ".") || Is(t, "-") || Is(t, "\u2019") || Is(t, "'") ||
                 ((Is(t, "and") || Is(t, "dan")) && t > a && cap_[t - 1]);
    if (!cap_[t] && !joins) break;
    --start;
  }
  uint32_t s = NameStart(start, end);
  // Most names have two words; a longer run after a title is usually the rest
  // of the title ("Menteri Kelautan dan Perikanan Edhy Prabowo"). A run that
  // starts the phrase, or holds an initial ("George W. Bush"), may have three.
  bool initial = false;
  for (uint32_t i = s; i < end; ++i) initial = initial || Is(i, ".");
  uint32_t keep = initial ? 4 : 3;
  if (end - s > keep) keep = 2;  // unknown title words remain in front
  if (end - s > keep && !(Is(end - 2, "and") || Is(end - 2, "dan"))) s = NameStart(end - keep, end);
  while (s < end && IsPunct(s)) ++s;
  return {s, end};
}

// Whether the phrase [a, b) describes its speaker instead of naming them:
// it ends in a common noun ("The union", "Shipping analysts", "A White House
// official"), so its capitalised words are a sentence's first word, a place
// or an institution, not the speaker's name. A person's name in it still
// names the speaker unless it is the possessor ("Putin's spokesman").
bool Extractor::IsDescription(uint32_t a, uint32_t b) const {
  uint32_t last = b - 1;
  if (Tok(last).kind != TokenKind::kWord || cap_[last]) return false;
  for (uint32_t i = a + 1; i < b; ++i) {
    // "Budi selaku ketua panitia": the words after "selaku" (as) describe
    // the person named before it.
    if (cap_[i - 1] && (Lower(i) == "selaku" || Lower(i) == "sebagai")) return false;
  }
  const EntityMention* person = MentionIn(a, b, "PER");
  if (person == nullptr) return true;
  // "Hollis's" is two tokens, "Davis'" too: the possessive follows the name.
  uint32_t i = a;
  while (i + 1 < b && Tok(i + 1).begin < person->span.end) ++i;
  return i + 1 < b && (Lower(i + 1).starts_with('\'') || Lower(i + 1).starts_with("\u2019"));
}

// Where a name that starts at `s` starts with the rank in front of it
// ("Komisaris Besar Yusri Yunus"), not reaching before `lo`: PFSA-ID and
// Indonesian usage count the rank as part of the name, a position not.
uint32_t Extractor::RankStart(uint32_t lo, uint32_t s) const {
  uint32_t r = s;
  while (r > lo) {
    if (nlp::LookupRank(ViewOf(r - 1, r)) != nlp::RankPart::kNone) {
      --r;
    } else if (r >= lo + 4 && Is(r - 1, ")") && Is(r - 3, "(") &&
               nlp::LookupRank(ViewOf(r - 4, r - 3)) != nlp::RankPart::kNone) {
      r -= 3;  // "Brigadir Jenderal (Pol) X": the corps in brackets is part of the rank
    } else {
      break;
    }
  }
  while (r < s && nlp::LookupRank(ViewOf(r, r + 1)) != nlp::RankPart::kHead) ++r;
  return r;
}

// Skips the titles and place words that open a capitalised run.
uint32_t Extractor::NameStart(uint32_t start, uint32_t end) const {
  auto skip = [&](uint32_t i) {
    std::string_view w = text_.substr(Tok(i).byte_begin, Tok(i).byte_end - Tok(i).byte_begin);
    // An acronym ("BNPB", "FBI") names an organisation, not the person.
    const bool completes_title = i > 0 && nlp::CompletesTitle(ViewOf(i - 1, i), w);
    return IsPunct(i) || nlp::IsRoleWord(w) || nlp::IsPlaceWord(w) || completes_title || IsAcronym(i) ||
           places_.contains(w) || nlp::LookupRank(w) != nlp::RankPart::kNone;  // RankStart puts a rank back
  };
  while (start + 1 < end && (skip(start) || nlp::IsClauseWord(Lower(start)) || nlp::IsDeterminer(Lower(start)) ||
                              nlp::LookupCue(Lower(start)).kind == CueKind::kAccording)) {
    ++start;
  }
  // "Ketua DPRD Kota Larantuka Suparno": a title, place or acronym right
  // before the last word leaves a one-word name, common in Indonesia. (At
  // end - 2 == start there is none: the loop above stopped there.)
  if (end >= start + 3 && skip(end - 2) && !IsPunct(end - 2)) return end - 1;
  // "PT Sinar Laut Tbk Sinta Dewi": a title or institution word further in
  // ends the words in front of a name of two or more.
  // (Not punctuation: "Jean-Pierre Raffarin" is one name.)
  for (uint32_t t = end >= 3 ? end - 3 : 0; t > start; --t) {
    if (skip(t) && !IsPunct(t)) return t + 1;
  }
  return start;
}

void Extractor::RegisterNames(const nlp::Sentence& s) {
  // A headline in title case capitalises every word: no names to learn there.
  uint32_t words = 0, caps = 0;
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    words += Tok(i).kind == TokenKind::kWord;
    caps += cap_[i];
  }
  if (words >= 4 && caps * 10 >= words * 7) return;
  for (uint32_t i = s.token_begin; i < s.token_end;) {
    if (!cap_[i] || quote_of_[i] != kNone) {
      ++i;
      continue;
    }
    uint32_t j = i;
    while (j < s.token_end && (cap_[j] || (Is(j, ".") && j + 1 < s.token_end && cap_[j + 1]))) ++j;
    uint32_t n0 = NameStart(i, j);
    if (j - n0 >= 2 && j - n0 <= 3) {
      // Later mentions use the family name ("Ushakov") or, often in
      // Indonesian, the first name ("Andi") or the first two of three
      // ("Budi Karya" for "Budi Karya Sumadi").
      std::string_view name = ViewOf(RankStart(s.token_begin, n0), j);
      alias_.try_emplace(ViewOf(j - 1, j), name);
      alias_.try_emplace(ViewOf(n0, n0 + 1), name);
      if (j - n0 == 3) alias_.try_emplace(ViewOf(n0, n0 + 2), name);
      // "Gubernur Rina Wulandari ... “...,” tutur Gubernur": the title alone
      // comes back for the person who holds it.
      if (n0 > i && nlp::IsRoleWord(ViewOf(n0 - 1, n0))) alias_.try_emplace(ViewOf(n0 - 1, n0), name);
    }
    i = j;
  }
}

void Extractor::SetPronounSpeaker(TextSpan span, PronounKind kind, Attribution* a) {
  a->speaker = span;
  a->name = kind == PronounKind::kGroup && !last_group_.empty() ? last_group_ : last_person_;
}

void Extractor::SetSpeaker(uint32_t b0, uint32_t b1, Attribution* a) {
  if (b0 >= b1) return;
  a->speaker = SpanOf(b0, b1);
  PronounKind pk = b1 - b0 == 1 ? nlp::LookupPronoun(Lower(b0)) : PronounKind::kNone;
  if (pk != PronounKind::kNone) {
    SetPronounSpeaker(a->speaker, pk, a);
    return;
  }
  const bool description = IsDescription(b0, b1);
  auto [n0, n1] = description ? std::pair{b0, b1} : NameOf(b0, b1);
  std::string name = TextOf(n0, n1);
  bool short_form = name.find(' ') == std::string::npos ? !nlp::IsPlaceWord(name) : n1 - n0 == 2;
  auto alias = short_form ? alias_.find(name) : alias_.end();
  // A known name comes back whole, rank included; a new one keeps its rank.
  // The rank may lie before the mention, behind a bracket the phrase stopped at.
  uint32_t sentence_begin = seg_.sentences[sentence_of_[b0]].token_begin;
  name = alias != alias_.end() ? std::string(alias->second) : TextOf(RankStart(sentence_begin, n0), n1);
  bool proper = false;
  for (uint32_t i = b0; i < b1 && !description; ++i) proper = proper || cap_[i];
  if (proper) {
    std::string_view w(name);
    bool place = name.find(' ') == std::string::npos && nlp::IsPlaceWord(w);
    bool plural = name.find(" and ") != std::string::npos || name.find(" dan ") != std::string::npos;
    // "PT Bank Sentosa Tbk Hendra Wijaya": a name of two or more words after
    // the institution is a person's, whatever the tagger made of the whole.
    bool name_after_title = n1 - n0 >= 2 && n0 > b0;
    for (uint32_t i = n0; name_after_title && i < n1; ++i) {
      std::string_view word = ViewOf(i, i + 1);
      name_after_title = !nlp::IsRoleWord(word) && !nlp::IsPlaceWord(word);
    }
    bool organisation = !mentions_.empty() && !MentionIn(b0, b1, "PER") && !name_after_title &&
                        (MentionIn(b0, b1, "ORG") || MentionIn(b0, b1, "LOC"));
    if (place || plural || organisation) {
      last_group_ = name;
    } else {
      last_person_ = name;
      // A speaker named in full comes back by one word ("Ketua Yayasan ...
      // Rahmat Santosa mengatakan ... kata Santosa"), even when
      // RegisterNames read the title and the name as one run.
      if (alias == alias_.end() && n1 - n0 >= 2 && n1 - n0 <= 3) {
        std::string_view full = ViewOf(RankStart(sentence_begin, n0), n1);
        alias_.try_emplace(ViewOf(n1 - 1, n1), full);
        alias_.try_emplace(ViewOf(n0, n0 + 1), full);
      }
    }
  } else if (!Lower(b1 - 1).empty() && Lower(b1 - 1).back() == 's') {
    last_group_ = name;
  }
  a->name = std::move(name);
}

void Extractor::Commit(Attribution a) {
  if (a.content.empty()) return;
  int32_t index = static_cast<int32_t>(attributions_.size());
  for (const TextSpan& c : a.content) {
    // quotes_ is in text order: visit only the ones that start inside c.
    auto it = std::lower_bound(quotes_.begin(), quotes_.end(), c.begin,
                               [&](const QuoteSpan& q, uint32_t cp) { return Tok(q.open).begin < cp; });
    for (; it != quotes_.end() && Tok(it->open).begin < c.end; ++it) {
      if (it->owner == kNone && Tok(it->close).end <= c.end) it->owner = index;
    }
    a.last = std::max(a.last, c.end);
  }
  a.last = std::max({a.last, a.cue.end, a.speaker.end});
  attributions_.push_back(std::move(a));
}

std::vector<Hit> Extractor::FindCues(const nlp::Sentence& s) const {
  std::vector<Hit> hits;
  const nlp::WordShapes& cue_shapes = nlp::CueShapes();
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    // The filter first: it turns away nearly every token.
    if (!cue_shapes.MayKey(shapes_[i]) || quote_of_[i] != kNone || Tok(i).kind != TokenKind::kWord) continue;
    CueInfo info = nlp::LookupCue(Lower(i));
    if (info.kind == CueKind::kNone) continue;
    bool next = i + 1 < s.token_end;
    // "the United States had": a capitalised cue word inside a name.
    if (cap_[i] && i > s.token_begin && cap_[i - 1] && !(next && cap_[i + 1])) continue;
    Hit h{i, i + 1, info};
    if (next && nlp::IsCueParticle(Lower(i + 1)) && (info.takes_particle || Lower(i).substr(0, 4) == "call")) {
      h.c1 = i + 2;
    } else if (info.takes_particle) {
      continue;
    } else if (Is(i, "according")) {
      if (!next || !Is(i + 1, "to")) continue;
      h.c1 = i + 2;
    }
    hits.push_back(h);
    if (hits.size() >= kMaxCuesPerSentence) break;
    i = h.c1 - 1;
  }
  return hits;
}

void Extractor::Attribute(const nlp::Sentence& s, const Hit& h, uint32_t limit) {
  const uint32_t sb = s.token_begin, se = s.token_end;
  Attribution a;
  a.cue = SpanOf(h.c0, h.c1);
  a.paragraph = s.paragraph;
  a.sentence = sentence_of_[h.c0];
  uint32_t before = h.c0 > sb ? h.c0 - 1 : UINT32_MAX;  // token right before the cue
  switch (h.info.kind) {
    case CueKind::kSource:
    case CueKind::kNone:
      return;
    case CueKind::kPostposed:
    case CueKind::kPassive: {
      uint32_t bnd = before;
      auto pointer = [&](uint32_t i) {  // "demikian", "hal itu", "hal serupa": what points at the content
        return Is(i, "demikian") || Is(i, "seperti") || Is(i, "sebagaimana") || Is(i, "hal") || Is(i, "itu") ||
               Is(i, "ini") || Is(i, "tersebut") || Is(i, "serupa") || Is(i, "senada");
      };
      while (h.info.kind == CueKind::kPassive && bnd != UINT32_MAX && bnd > sb && pointer(bnd)) --bnd;
      // "C. Hal itu disampaikan X.": the sentence opens with the pointer, so
      // the sentence before is the content.
      bool opens = bnd == sb && before != UINT32_MAX && before >= sb && pointer(sb);
      if (opens) {
        if (!ContentOfSentenceBefore(sb, &a)) return;
      } else {
        if (bnd == UINT32_MAX || !(Is(bnd, ",") || IsCloseMark(bnd))) return;
        if (!ContentBefore(bnd, sb, 3, &a)) return;
      }
      if (h.info.pronoun_clitic) {
        TextSpan clitic{a.cue.end - 3, a.cue.end};
        SetPronounSpeaker(clitic, PronounKind::kPerson, &a);
      } else {
        auto sp = SpeakerAfter(h.c1, se);
        SetSpeaker(sp.first, sp.second, &a);
      }
      Commit(std::move(a));
      return;
    }
    case CueKind::kAccording: {
      auto sp = SpeakerAfter(h.c1, se);
      if (sp.first >= sp.second) return;
      bool postposed = before != UINT32_MAX && (Is(before, ",") || IsCloseMark(before));
      // "According to Ana Ruiz of the city council, ...": the phrase after the
      // speaker's name runs on to the comma.
      uint32_t comma = sp.second;
      while (!postposed && comma < se && comma < sp.second + 8 && !IsPunct(comma) && quote_of_[comma] == kNone) {
        ++comma;
      }
      if (postposed) {
        // "In Iowa, according to the poll, Trump leads": both sides report.
        if (!ContentBefore(before, sb, Resumes(sp.second, se) ? 1 : 3, &a)) return;
        AppendResumedClause(sp.second, se, &a);
      } else if (comma < se && Is(comma, ",")) {
        if (!ContentAfter(comma + 1, limit, h.info, &a)) return;
      } else {
        uint32_t end = TrimEnd(sb, h.c0);
        if (end <= sb) return;
        a.content.push_back(SpanOf(sb, end));
      }
      SetSpeaker(sp.first, sp.second, &a);
      Commit(std::move(a));
      return;
    }
    case CueKind::kVerb:
      break;
  }
  // A speech verb.
  uint32_t last = SkipAdjuncts(before, sb);
  if (last != UINT32_MAX && last >= sb && (Is(last, "to") || Is(last, "untuk"))) return;  // "declined to say"
  if (IsPassive(h, before, sb, se) || !ReadsAsSpeechVerb(h, before, sb, se)) return;
  // "his best hope", "too many calls": a noun that looks like a verb.
  if (last == before && last != UINT32_MAX && last >= sb && nlp::IsDeterminer(Lower(last))) return;
  bool after_boundary = last != UINT32_MAX && last >= sb && (Is(last, ",") || IsCloseMark(last));
  // "..., adding that": a participle after a comma has no subject of its own.
  std::string_view cue_word = Lower(h.c0);
  bool participle_clause = last != UINT32_MAX && last >= sb && Is(last, ",") && cue_word.size() > 4 &&
                           cue_word.substr(cue_word.size() - 3) == "ing";
  auto np = participle_clause ? std::pair{0u, 0u} : Subject(last, sb);
  // "X, an aide, told CNN": the phrase after a verb that takes an object is
  // its addressee when a subject stands before it.
  bool addressee_after = h.info.needs_object && np.first < np.second;
  if (h.info.invertible && after_boundary && last == before && !addressee_after && !participle_clause) {
    // "“...,” said Clinton" / "..., said the senator."
    auto sp = SpeakerAfter(h.c1, se);
    bool trailer = IsCloseMark(last) ? !IntroducesContent(sp.second, se) : RestIsTrailer(sp.second, se, h.info);
    if (sp.first < sp.second && trailer && ContentBefore(last, sb, Resumes(sp.second, se) ? 1 : 3, &a)) {
      AppendResumedClause(sp.second, se, &a);
      SetSpeaker(sp.first, sp.second, &a);
      Commit(std::move(a));
      return;
    }
  }
  if (np.first < np.second) {
    uint32_t bnd = np.first > sb ? np.first - 1 : UINT32_MAX;
    // "“That would be you?” Borger asked." — the question mark ended the
    // sentence before the speaker.
    if (np.first == sb && sb > 0 && IsCloseMark(sb - 1) &&
        ParagraphOf(seg_, sentence_of_, sb - 1) == ParagraphOf(seg_, sentence_of_, sb)) {
      bnd = sb - 1;
    }
    bool content_first = bnd != UINT32_MAX && ((Is(bnd, ",") && RestIsTrailer(h.c1, se, h.info)) ||
                                               (IsCloseMark(bnd) && !IntroducesContent(h.c1, se)));
    if (content_first) {
      Attribution b = a;
      if (ContentBefore(bnd, sb, Resumes(h.c1, se) ? 1 : 3, &b)) {
        AppendResumedClause(h.c1, se, &b);
        SetSpeaker(np.first, np.second, &b);
        Commit(std::move(b));
        return;
      }
    }
  }
  if (np.first >= np.second) {
    // "..., adding that ...": a participle takes the clause's subject.
    // "..., but said ...": a second verb of the same subject.
    std::string_view w = Lower(h.c0);
    bool participle = last != UINT32_MAX && last >= sb &&
                      ((w.size() > 4 && w.substr(w.size() - 3) == "ing" && Is(last, ",")) || Is(last, "but") ||
                       Is(last, "and") || Is(last, "tetapi") || Is(last, "dan") || Is(last, "namun"));
    if (!participle) {
      // "Asked whether he would run, X said ...": the question is reported,
      // by nobody in particular.
      bool asked = w == "asked" && (last == UINT32_MAX || last < sb || Is(last, "when"));
      uint32_t comma = h.c1;
      while (comma < limit && !Is(comma, ",")) ++comma;
      if (asked && comma < limit && ContentAfter(h.c1, comma, h.info, &a)) Commit(std::move(a));
      return;
    }
    if (!ContentAfter(h.c1, limit, h.info, &a)) return;
    if (!attributions_.empty() && attributions_.back().sentence == sentence_of_[h.c0]) {
      a.speaker = attributions_.back().speaker;
      a.name = attributions_.back().name;
    } else {  // "Ms. Sherry smiled and said", "Speaking in Ohio, Trump ..., adding"
      auto subject = ClauseSubject(sb, h.c0);
      SetSpeaker(subject.first, subject.second, &a);
    }
    Commit(std::move(a));
    return;
  }
  if (Tok(np.second - 1).kind == TokenKind::kNumber) return;  // "300 pledged delegates"
  if (NothingReported(h.c1, se)) return;  // "X said Sunday.": the content is elsewhere
  if (!ContentAfter(h.c1, limit, h.info, &a)) return;
  SetSpeaker(np.first, np.second, &a);
  // "Cruz, who said ...": the mention is the relative pronoun, the name its
  // antecedent's.
  if (last != UINT32_MAX && last >= sb && (Is(last, "who") || Is(last, "which"))) a.speaker = SpanOf(last, last + 1);
  Commit(std::move(a));
}

// The subject of the clause a participle or second verb hangs on ("Speaking
// in Dover, Delaware, Senator Ruiz defended the plan, adding ..."): the
// first capitalised run, after any opening phrases set off by commas or
// dashes, that a lowercase word (its verb) follows; failing that, the first
// capitalised run that opens no such phrase.
std::pair<uint32_t, uint32_t> Extractor::ClauseSubject(uint32_t sb, uint32_t cue) const {
  std::pair<uint32_t, uint32_t> fallback{0, 0};
  uint32_t start = SkipDateline(sb, cue);
  for (int clauses = 0; start < cue && clauses < 6; ++clauses) {
    // "but Senator Ruiz stayed late": a connective opens the clause.
    if (start + 1 < cue && nlp::IsClauseWord(Lower(start)) && cap_[start + 1]) ++start;
    uint32_t e = start;
    while (e < cue && e < start + 6 && (cap_[e] || Is(e, "."))) ++e;
    std::string_view w = Lower(start);
    if (nlp::LookupPronoun(w) != PronounKind::kNone) e = start + 1;  // "Instead, he went home and said"
    bool dummy = w == "it" || w.starts_with("it'") || w.starts_with("it\u2019") || w == "there" || w == "this";
    // "the governor visited a school and said": a determiner and its noun.
    if ((w == "the" || w == "a" || w == "an") && start + 2 < cue && !IsPunct(start + 1) && !cap_[start + 1]) {
      e = start + 2;
    }
    bool opener = dummy || nlp::IsPreposition(w) || nlp::IsClauseWord(w) || nlp::IsTimeWord(w) ||
                  (w.size() > 4 && w.substr(w.size() - 3) == "ing") || w == "earlier" || w == "later";
    if (e > start && !opener) {
      if (e < cue && Tok(e).kind == TokenKind::kWord && !cap_[e]) return {start, e};
      if (fallback.first >= fallback.second) fallback = {start, e};
    }
    while (start < cue && !Is(start, ",") && !Is(start, "\u2014") && !Is(start, "\u2013")) ++start;
    ++start;
  }
  return fallback;
}

// "SANDERS: We will win." in transcripts and "Obama: Voters Will Say No" in
// headlines: a short capitalised label and a colon open the paragraph, and
// the rest of the paragraph is what the label's owner said.
void Extractor::SpeakerLabel(size_t sentence) {
  static constexpr std::string_view kNotSpeakers[] = {
      "photo", "foto", "image", "gambar", "related", "read", "baca", "note", "update", "updated", "editor",
      "source", "sumber", "video", "watch", "advertisement", "caption", "credit", "catatan", "lihat",
      "simak", "editing", "reporting", "writing", "tags", "topics", "share", "q", "a", "warning", "breaking",
      "exclusive", "opinion", "analysis", "poll", "listen", "click", "more", "also", "see", "editorial"};
  const nlp::Sentence& s = seg_.sentences[sentence];
  uint32_t colon = s.token_begin;
  while (colon < s.token_end && colon < s.token_begin + 6 && !Is(colon, ":")) ++colon;
  if (colon == s.token_begin || colon >= s.token_end || !Is(colon, ":") || colon + 1 >= s.token_end) return;
  for (uint32_t i = s.token_begin; i < colon; ++i) {
    if (quote_of_[i] != kNone || (!cap_[i] && !Is(i, ".") && !Is(i, "at") && !Is(i, "of"))) return;
    if (nlp::LookupCue(Lower(i)).kind != CueKind::kNone) return;
    // "Editor's note:": the possessive is a token of its own, and not capitalised.
    if (std::find(std::begin(kNotSpeakers), std::end(kNotSpeakers), Lower(i)) != std::end(kNotSpeakers)) return;
  }
  size_t last = sentence;
  while (last + 1 < seg_.sentences.size() && seg_.sentences[last + 1].paragraph == s.paragraph) ++last;
  uint32_t begin = colon + 1, end = TrimEnd(begin, seg_.sentences[last].token_end);
  if (end <= begin || Tok(begin).kind == TokenKind::kNumber) return;  // "10:30"
  Attribution a;
  a.cue = SpanOf(colon, colon + 1);
  a.paragraph = s.paragraph;
  a.sentence = static_cast<uint32_t>(sentence);
  a.content.push_back(SpanOf(begin, end));
  a.direct = IsOpenMark(begin);
  SetSpeaker(s.token_begin, colon, &a);
  Commit(std::move(a));
}

// "In the new poll, Trump leads by 10 points." — a document named in an
// opening phrase is the source of the rest of the sentence when no verb in
// it reports anything.
void Extractor::SourcePhrase(const nlp::Sentence& s) {
  static constexpr std::string_view kDocuments[] = {
      "poll", "survey", "statement", "interview", "letter", "report", "memo", "speech", "op-ed", "tweet",
      "post", "ad", "book", "essay", "column", "email", "filing", "study", "analysis", "editorial", "video",
      "documents", "lawsuit", "complaint", "transcript", "survei", "jajak", "pernyataan", "wawancara",
      "surat", "laporan", "pidato", "unggahan", "cuitan", "studi", "penelitian", "kajian"};
  const uint32_t sb = s.token_begin, se = s.token_end;
  if (se - sb < 6 || !(Is(sb, "in") || Is(sb, "dalam"))) return;
  uint32_t comma = sb + 1;
  while (comma < se && comma < sb + 10 && !Is(comma, ",")) ++comma;
  if (comma >= se || !Is(comma, ",")) return;
  bool document = false;
  for (uint32_t i = sb + 1; i < comma; ++i) {
    document = document || std::find(std::begin(kDocuments), std::end(kDocuments), Lower(i)) != std::end(kDocuments);
  }
  uint32_t begin = comma + 1, end = TrimEnd(begin, se);
  if (!document || end < begin + 3 || quote_of_[begin] != kNone) return;
  Attribution a;
  a.cue = SpanOf(sb, sb + 1);
  a.paragraph = s.paragraph;
  a.sentence = sentence_of_[sb];
  a.content.push_back(SpanOf(begin, end));
  SetSpeaker(sb + 1, comma, &a);
  Commit(std::move(a));
}

// Quotes no cue claimed: a quote in the paragraph of the attribution before
// it continues that attribution; a quote paragraph right after one goes on
// quoting the same speaker, whether that one quoted or reported ("X said
// the plan would fail.\n\n“...”"); any other speech-like quote stands alone.
void Extractor::AttachLoneQuotes() {
  // Attributions by where they end; a sweep finds the latest one before each
  // quote in O((quotes + attributions) log attributions).
  std::vector<int32_t> order(attributions_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](int32_t x, int32_t y) { return attributions_[x].last < attributions_[y].last; });
  auto later = [&](int32_t x, int32_t y) {
    return y == kNone || attributions_[x].last > attributions_[y].last ||
           (attributions_[x].last == attributions_[y].last && x > y);
  };
  size_t next = 0;
  int32_t prev = kNone;
  for (QuoteSpan& q : quotes_) {
    if (q.owner != kNone || !q.speech) continue;
    const uint32_t begin = Tok(q.open).begin;
    const uint32_t paragraph = ParagraphOf(seg_, sentence_of_, q.open);
    TextSpan content = SpanOf(q.open, q.close + 1);
    for (; next < order.size() && attributions_[order[next]].last <= begin; ++next) {
      if (later(order[next], prev)) prev = order[next];
    }
    if (prev != kNone && attributions_[prev].last > begin) prev = kNone;
    if (prev != kNone && q.standalone) {
      Attribution& p = attributions_[prev];
      if (p.paragraph == paragraph) {
        p.content.push_back(content);
        p.last = content.end;
        q.owner = prev;
        continue;
      }
      if (p.paragraph + 1 == paragraph && (p.direct || !p.speaker.empty())) {
        Attribution a;
        a.content.push_back(content);
        a.speaker = p.speaker;
        a.name = p.name;
        a.direct = true;
        a.paragraph = paragraph;
        Commit(std::move(a));
        prev = static_cast<int32_t>(attributions_.size()) - 1;
        continue;
      }
    }
    if (!q.standalone) continue;
    Attribution a;
    a.content.push_back(content);
    a.direct = true;
    a.paragraph = paragraph;
    Commit(std::move(a));
    prev = static_cast<int32_t>(attributions_.size()) - 1;
  }
}

std::vector<Quote> Extractor::Run() {
  std::vector<Quote> out;
  if (seg_.tokens.empty()) return out;
  Prepare();
  FindQuotes();
  for (size_t k = 0; k < seg_.sentences.size(); ++k) {
    const nlp::Sentence& s = seg_.sentences[k];
    if (k == 0 || seg_.sentences[k - 1].paragraph != s.paragraph) SpeakerLabel(k);
    RegisterNames(s);
    std::vector<Hit> hits = FindCues(s);
    bool reported = false;
    for (const Hit& hit : hits) reported = reported || hit.info.kind != CueKind::kSource;
    if (!reported) SourcePhrase(s);
    for (size_t h = 0; h < hits.size(); ++h) {
      // A verb's content stops where the next cue's clause starts.
      uint32_t limit = s.token_end;
      for (size_t m = h + 1; m < hits.size() && limit == s.token_end; ++m) {
        uint32_t next = hits[m].c0;
        uint32_t j = next;
        while (j > hits[h].c1 && !Is(j - 1, ",") && !Is(j - 1, ";") && next - j < 8) --j;
        if (j > hits[h].c1 && (Is(j - 1, ",") || Is(j - 1, ";"))) limit = j - 1;
      }
      Attribute(s, hits[h], limit);
    }
  }
  AttachLoneQuotes();
  // Groups numbered in text order; quotes sorted by content.
  std::vector<size_t> order(attributions_.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return attributions_[x].content.front().begin < attributions_[y].content.front().begin;
  });
  for (size_t g = 0; g < order.size(); ++g) {
    const Attribution& a = attributions_[order[g]];
    for (const TextSpan& c : a.content) {
      Quote q;
      q.content = c;
      q.cue = a.cue;
      q.speaker = a.speaker;
      q.speaker_name = a.name;
      q.direct = a.direct;
      q.group = static_cast<uint32_t>(g);
      out.push_back(std::move(q));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Quote& x, const Quote& y) { return x.content.begin < y.content.begin; });
  return out;
}

}  // namespace

// Both cue lexicons are always active, whatever the language: mixed-language
// pages quote across them.
std::vector<Quote> ExtractQuotes(std::string_view utf8_text, std::string_view /*language*/,
                                 const std::vector<EntityMention>& mentions) {
  std::string repaired;
  if (!utf8::IsValid(utf8_text)) {
    repaired = utf8::Repair(utf8_text);
    utf8_text = repaired;
  }
  nlp::Segmentation seg = nlp::Segment(utf8_text);
  return nlp::ExtractQuotes(utf8_text, seg, mentions);
}

namespace nlp {

std::vector<Quote> ExtractQuotes(std::string_view valid_utf8, const Segmentation& seg,
                                 const std::vector<EntityMention>& mentions,
                                 std::span<const std::string_view> lower, std::span<const uint16_t> shapes) {
  return Extractor(valid_utf8, seg, mentions, lower, shapes).Run();
}

}  // namespace nlp

}  // namespace warta
