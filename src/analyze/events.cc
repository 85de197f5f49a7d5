// Events: trigger words per sentence ("bertemu", "talks", "menginvasi"),
// their participants (subject, "dengan X", "antara X dan Y", coordinated
// names), place ("di X", "in X"), time, duration ("tiga jam", "five-hour")
// and outcome ("belum berhasil mencapai kesepakatan" -> "no agreement").
// Mentions of one meeting across neighbouring sentences become one event.
#include <algorithm>
#include <string>

#include "analyze/doc.h"

namespace warta::analyze {
namespace {

struct Trigger {
  std::string_view word, type;
};
constexpr Trigger kTriggers[] = {
    {"bertemu", "meeting"},       {"pertemuan", "meeting"},     {"menemui", "meeting"},
    {"ktt", "meeting"},           {"met", "meeting"},           {"meeting", "meeting"},
    {"meet", "meeting"},          {"meets", "meeting"},         {"summit", "meeting"},
    {"pembicaraan", "talks"},     {"perundingan", "talks"},     {"negosiasi", "talks"},
    {"berunding", "talks"},       {"talks", "talks"},           {"negotiations", "talks"},
    {"sepakat", "agreement"},     {"kesepakatan", "agreement"}, {"menyepakati", "agreement"},
    {"perjanjian", "agreement"},  {"agreed", "agreement"},      {"agreement", "agreement"},
    {"deal", "agreement"},        {"mengajukan", "proposal"},   {"mengusulkan", "proposal"},
    {"proposed", "proposal"},     {"proposes", "proposal"},     {"serangan", "attack"},
    {"menyerang", "attack"},      {"diserang", "attack"},       {"attack", "attack"},
    {"attacked", "attack"},       {"attacks", "attack"},        {"menginvasi", "invasion"},
    {"invasi", "invasion"},       {"invaded", "invasion"},      {"invasion", "invasion"},
    {"kunjungan", "visit"},       {"mengunjungi", "visit"},     {"berkunjung", "visit"},
    {"visited", "visit"},         {"visit", "visit"},           {"bocor", "leak"},
    {"dibocorkan", "leak"},       {"membocorkan", "leak"},      {"leaked", "leak"},
};
// Nouns name an event but take no subject ("Beaune said the meeting ...").
constexpr std::string_view kNominal[] = {"pertemuan", "pembicaraan", "perundingan", "negosiasi", "kesepakatan",
                                         "perjanjian", "serangan", "invasi", "kunjungan", "meeting", "talks",
                                         "negotiations", "agreement", "deal", "attack", "attacks", "invasion",
                                         "visit", "summit", "ktt"};
// Meeting verbs whose object is the other party ("met X"; "met with X" is read by "with").
constexpr std::string_view kTransitiveMeetingVerbs[] = {"met", "meet", "meets", "menemui"};
constexpr std::string_view kNegations[] = {"gagal", "belum", "tidak", "tanpa", "tak", "failed", "no",
                                           "without", "not", "never", "fail"};
constexpr std::string_view kAgreementWords[] = {"kesepakatan", "sepakat", "kompromi", "terobosan", "agreement",
                                                "deal", "agree", "agreed", "compromise", "breakthrough",
                                                "menyepakati", "disepakati"};
constexpr std::string_view kDemonstratives[] = {"itu", "tersebut", "ini"};

struct Unit {
  std::string_view word;
  char kind;  // 'H' hours, 'M' minutes, 'D' days, 'W' weeks
};
constexpr Unit kUnits[] = {{"jam", 'H'},  {"hour", 'H'},  {"hours", 'H'},   {"menit", 'M'}, {"minute", 'M'},
                           {"minutes", 'M'}, {"hari", 'D'}, {"day", 'D'},   {"days", 'D'},  {"pekan", 'W'},
                           {"week", 'W'}, {"weeks", 'W'}};

bool Meetingish(std::string_view type) { return type == "meeting" || type == "talks"; }

const nlp::WordShapes& TriggerShapes() {
  static const nlp::WordShapes* s = [] {
    auto* w = new nlp::WordShapes;
    for (const Trigger& t : kTriggers) w->Add(t.word);
    return w;
  }();
  return *s;
}

class EventFinder {
 public:
  EventFinder(const Doc& doc, const std::vector<TokenMention>& mentions,
              const std::vector<analysis::Entity>& entities, const std::vector<analysis::TimeExpr>& times,
              const std::vector<analysis::Quote>& quotes)
      : doc_(doc), mentions_(mentions), entities_(entities), times_(times),
        mention_at_(doc.seg.tokens.size(), -1), quoted_(doc.seg.tokens.size(), false) {
    for (size_t m = 0; m < mentions.size(); ++m) {
      for (uint32_t t = mentions[m].tb; t < mentions[m].te; ++t) mention_at_[t] = static_cast<int32_t>(m);
    }
    const auto& toks = doc.seg.tokens;
    for (const analysis::Quote& q : quotes) {
      if (!q.direct) continue;
      auto it = std::lower_bound(toks.begin(), toks.end(), q.content.begin,
                                 [](const nlp::Token& t, uint32_t b) { return t.begin < b; });
      for (; it != toks.end() && it->end <= q.content.end; ++it) quoted_[it - toks.begin()] = true;
    }
  }

  std::vector<analysis::Event> Run() {
    for (uint32_t s = 0; s < doc_.seg.sentences.size(); ++s) Sentence(s);
    return std::move(events_);
  }

 private:
  std::string_view L(size_t t) const { return t < doc_.lower.size() ? doc_.lower[t] : std::string_view(); }
  bool Punct(size_t t) const { return doc_.seg.tokens[t].kind == nlp::TokenKind::kPunct; }

  void Sentence(uint32_t s) {
    const nlp::Sentence& sent = doc_.seg.sentences[s];
    bool has_meeting = false;
    std::vector<std::pair<uint32_t, std::string_view>> found;
    const nlp::WordShapes& shapes = TriggerShapes();
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
      // The filter first: it turns away nearly every token, the kind test a quarter.
      if (!shapes.MayKey(doc_.shape[t]) || doc_.seg.tokens[t].kind != nlp::TokenKind::kWord || quoted_[t]) continue;
      for (const Trigger& tr : kTriggers) {
        if (tr.word != doc_.lower[t]) continue;
        // One sentence, one meeting: "met ... for talks" is the same event.
        bool seen = false;
        for (const auto& f : found) {
          seen = seen || f.second == tr.type || (Meetingish(f.second) && Meetingish(tr.type));
        }
        if (!seen) found.push_back({t, tr.type});
        has_meeting = has_meeting || Meetingish(tr.type);
      }
    }
    for (const auto& [t, type] : found) {
      // Agreement words next to a meeting give its outcome, not an event.
      if (type == "agreement" && has_meeting) continue;
      Build(s, t, type);
    }
  }

  // The entity a mention stands for as a participant: the envoy rather than
  // the president in "utusan Presiden Joe Biden".
  int32_t Participant(size_t m) const {
    return mentions_[m].described >= 0 ? mentions_[m].described : mentions_[m].entity;
  }

  // "Presiden Prancis Emmanuel Macron", "Presiden Amerika Serikat (AS) Joe Biden": the
  // place only qualifies the person's title.
  bool Modifier(size_t m) const {
    const TokenMention& tm = mentions_[m];
    if (tm.type == "PER") return false;
    if (tm.tb > 0 && IsRoleWord(L(tm.tb - 1))) return true;
    size_t next = tm.te;
    if (L(next) == "(" && L(next + 2) == ")") next += 3;
    return next < mention_at_.size() && mention_at_[next] >= 0 && mentions_[mention_at_[next]].type == "PER";
  }

  // "utusan khusus Biden, Amos Hochstein": Biden only qualifies the role.
  bool OnlyQualifies(size_t m) const {
    const TokenMention& tm = mentions_[m];
    size_t j = tm.tb;
    while (j > 0 && j + 3 > tm.tb && (L(j - 1) == "utama" || L(j - 1) == "khusus" || L(j - 1) == "senior")) --j;
    if (j == 0 || !IsRoleWord(L(j - 1)) || doc_.Capitalized(j - 1)) return false;
    return L(tm.te) == "," && tm.te + 1 < mention_at_.size() && mention_at_[tm.te + 1] >= 0;
  }

  void AddParticipant(analysis::Event* e, int32_t id) {
    if (id < 0 || entities_[id].type == "MISC") return;
    if (std::find(e->participants.begin(), e->participants.end(), static_cast<uint32_t>(id)) ==
        e->participants.end()) {
      e->participants.push_back(static_cast<uint32_t>(id));
    }
  }

  // Names listed from token b on ("Macron dan utusan khusus Biden, Amos
  // Hochstein, serta istrinya, Jill Biden"), up to the first other word.
  void CollectList(size_t b, size_t e, analysis::Event* ev) {
    for (size_t t = b; t < e && t < b + 30; ++t) {
      if (mention_at_[t] >= 0) {
        size_t m = mention_at_[t];
        if (!OnlyQualifies(m) && !Modifier(m)) AddParticipant(ev, Participant(m));
        t = mentions_[m].te - 1;
        continue;
      }
      std::string_view w = L(t);
      bool glue = w == "," || w == "dan" || w == "serta" || w == "and" || w == "(" || w == ")" ||
                  IsRoleWord(w) || (w.size() > 5 && w.ends_with("nya") && IsRoleWord(w.substr(0, w.size() - 3))) ||
                  w == "utama" || w == "khusus" || w == "the" || w == "special" || w == "top" ||
                  (doc_.Capitalized(t) && !Punct(t));
      if (!glue) break;
    }
  }

  // The first mention of an entity within `window` tokens after b.
  int32_t FirstMentionAfter(size_t b, size_t e, size_t window, bool person_first) const {
    int32_t any = -1;
    for (size_t t = b; t < e && t < b + window; ++t) {
      if (mention_at_[t] < 0 || Modifier(mention_at_[t])) continue;
      int32_t id = Participant(mention_at_[t]);
      if (!person_first || entities_[id].type == "PER") return id;
      if (any < 0) any = id;
    }
    return any;
  }

  std::string Duration(size_t b, size_t e) const {
    for (size_t t = b; t + 1 < e; ++t) {
      int n = -1;
      if (doc_.seg.tokens[t].kind == nlp::TokenKind::kNumber) {
        n = std::atoi(std::string(doc_.Tok(t)).c_str());
      } else {
        n = NumberWord(L(t));
        if (L(t) == "a" || L(t) == "an" || L(t) == "se") n = -1;
      }
      if (n <= 0 || n > 1000) continue;
      size_t u = L(t + 1) == "-" ? t + 2 : t + 1;
      for (const Unit& unit : kUnits) {
        if (u >= e || unit.word != L(u)) continue;
        bool hyphen = u == t + 2;
        bool lead = t > 0 && (L(t - 1) == "selama" || L(t - 1) == "for" || L(t - 1) == "berlangsung");
        if (!hyphen && !lead) continue;
        switch (unit.kind) {
          case 'H': return "PT" + std::to_string(n) + "H";
          case 'M': return "PT" + std::to_string(n) + "M";
          case 'D': return "P" + std::to_string(n) + "D";
          default: return "P" + std::to_string(n) + "W";
        }
      }
    }
    return "";
  }

  std::string Outcome(size_t b, size_t e) const {
    for (size_t t = b; t < e; ++t) {
      if (!In(kAgreementWords, L(t))) continue;
      for (size_t k = t > b + 4 ? t - 4 : b; k < t; ++k) {
        if (In(kNegations, L(k))) return "no agreement";
      }
      return "agreed";
    }
    return "";
  }

  void Build(uint32_t s, uint32_t trig, std::string_view type) {
    const nlp::Sentence& sent = doc_.seg.sentences[s];
    size_t sb = sent.token_begin, se = sent.token_end;
    analysis::Event ev;
    ev.type = std::string(type);
    ev.evidence.push_back(s);
    // Subject: the first name of the trigger's clause.
    size_t clause = trig;
    while (clause > sb && L(clause - 1) != "," && L(clause - 1) != ";" && L(clause - 1) != "\u2013" &&
           L(clause - 1) != "\u2014" && L(clause - 1) != ":") {
      --clause;
    }
    for (size_t t = In(kNominal, L(trig)) ? trig : clause; t < trig; ++t) {
      if (mention_at_[t] >= 0 && !OnlyQualifies(mention_at_[t]) && !Modifier(mention_at_[t])) {
        if (entities_[Participant(mention_at_[t])].type != "MISC") {
          CollectList(t, trig, &ev);
          break;
        }
      }
    }
    // "antara X dan Y", "between X and Y", "dengan X", "with X", object.
    for (size_t t = trig + 1; t < se && t < trig + 6; ++t) {
      if (L(t) == "antara" || L(t) == "between") {
        CollectList(t + 1, se, &ev);
        break;
      }
      if (L(t) == "dengan" || L(t) == "with") {
        AddParticipant(&ev, FirstMentionAfter(t + 1, se, 12, true));
        break;
      }
    }
    if (type == "invasion" || type == "attack") AddParticipant(&ev, FirstMentionAfter(trig + 1, se, 4, false));
    // "met Chancellor X", "menemui Presiden Y": the object is the other party.
    if (In(kTransitiveMeetingVerbs, L(trig))) CollectList(trig + 1, se, &ev);
    // "dalam perundingan di Doha, Israel dan Hamas mengatakan": the parties follow.
    if (ev.participants.empty() && (Meetingish(type) || type == "agreement")) {
      for (size_t t = trig + 1; t + 2 < se; ++t) {
        if (mention_at_[t] >= 0 && (L(mentions_[mention_at_[t]].te) == "dan" || L(mentions_[mention_at_[t]].te) == "and")) {
          CollectList(t, se, &ev);
          break;
        }
      }
    }
    // Place: the first name after "di"/"in"/"at" following the trigger.
 for (size_t t = trig + 1; t + 1 < se && L(t) != ","; ++t) {
      if (L(t) != "di" && L(t) != "in" && L(t) != "at" && L(t) != "ke") continue;
      int32_t id = mention_at_[t + 1] >= 0 ? mentions_[mention_at_[t + 1]].entity : -1;
      if (id >= 0 && entities_[id].type != "PER") {
        ev.place.push_back(entities_[id].name);
        break;
      }
    }
    for (const analysis::TimeExpr& x : times_) {
      if (x.begin < doc_.seg.tokens[sb].begin || x.end > doc_.seg.tokens[se - 1].end) continue;
      if (x.granularity == "time") continue;
      if (ev.time.empty()) ev.time = x.value;
      if (std::find(ev.times.begin(), ev.times.end(), x.value) == ev.times.end()) ev.times.push_back(x.value);
    }
    ev.duration = Duration(sb, se);
    if (Meetingish(type) || type == "agreement") ev.outcome = Outcome(sb, se);
    if (type == "agreement") ev.type = ev.outcome == "no agreement" ? "agreement_failed" : "agreement";
    if (type == "leak") ev.subject = Trimmed(clause == trig ? sb : clause, trig);
    if (type == "leak" && ev.subject.empty()) ev.subject = Trimmed(sb, trig);
    if (type == "proposal") ev.subject = ObjectPhrase(trig + 1, se);
    bool demonstrative = false;
    for (size_t t = trig + 1; t < se && t < trig + 6; ++t) demonstrative = demonstrative || In(kDemonstratives, L(t));
    Place(std::move(ev), demonstrative);
  }

  std::string Trimmed(size_t b, size_t e) const {
    while (e > b && Punct(e - 1)) --e;
    while (b < e && Punct(b)) ++b;
    return b < e ? std::string(doc_.Range(b, e)) : "";
  }

  // "mengajukan proposal balasan, dan ..." -> "proposal balasan".
  std::string ObjectPhrase(size_t b, size_t se) const {
    size_t e = b;
    while (e < se && !Punct(e) && e < b + 6 && L(e) != "dan" && L(e) != "and" && L(e) != "untuk" &&
           L(e) != "kepada" && L(e) != "to") {
      ++e;
    }
    return Trimmed(b, e);
  }

  // Joins a meeting to the one just before it when it refers back ("pertemuan
  // ... itu") or shares a participant within two sentences.
  void Place(analysis::Event ev, bool demonstrative) {
    if (GivesOutcome(ev)) return;
    if (Meetingish(ev.type)) {
      for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
        if (!Meetingish(it->type)) continue;
        uint32_t gap = ev.evidence.front() - it->evidence.back();
        const bool shared = SharesParticipant(ev, *it);
        bool no_time_clash = ev.time.empty() || it->time.empty() || ev.time == it->time;
        bool place_clash = !ev.place.empty() && !it->place.empty() &&
                           std::find(it->place.begin(), it->place.end(), ev.place.front()) == it->place.end();
        if (place_clash) break;
        if ((demonstrative && gap <= 3) || (gap <= 2 && no_time_clash && (shared || ev.participants.empty()))) {
          MergeInto(&*it, ev);
          return;
        }
        break;
      }
    }
    // "setelah perundingan": a bare mention with nothing to tell.
    if (ev.participants.empty() && ev.place.empty() && ev.time.empty() && ev.subject.empty()) return;
    events_.push_back(std::move(ev));
  }

  // "X met Y ... . The two leaders agreed to ...": an agreement, or its
  // failure, told just after a meeting without other parties is the
  // meeting's outcome.
  bool GivesOutcome(const analysis::Event& ev) {
    if (ev.type != "agreement" && ev.type != "agreement_failed") return false;
    if (events_.empty() || !Meetingish(events_.back().type) || !events_.back().outcome.empty()) return false;
    analysis::Event& meeting = events_.back();
    const bool shared = ev.participants.empty() || SharesParticipant(ev, meeting);
    if (!shared || ev.evidence.front() - meeting.evidence.back() > 1) return false;
    MergeInto(&meeting, ev);
    meeting.outcome = ev.type == "agreement" ? "agreed" : "no agreement";
    return true;
  }

  static bool SharesParticipant(const analysis::Event& a, const analysis::Event& b) {
    return std::any_of(a.participants.begin(), a.participants.end(), [&](uint32_t p) {
      return std::find(b.participants.begin(), b.participants.end(), p) != b.participants.end();
    });
  }

  static void MergeInto(analysis::Event* into, const analysis::Event& ev) {
    for (uint32_t p : ev.participants) {
      if (std::find(into->participants.begin(), into->participants.end(), p) == into->participants.end())
        into->participants.push_back(p);
    }
    for (const std::string& p : ev.place) {
      if (std::find(into->place.begin(), into->place.end(), p) == into->place.end()) into->place.push_back(p);
    }
    for (const std::string& t : ev.times) {
      if (std::find(into->times.begin(), into->times.end(), t) == into->times.end()) into->times.push_back(t);
    }
    if (into->time.empty()) into->time = ev.time;
    if (into->duration.empty()) into->duration = ev.duration;
    if (into->outcome.empty()) into->outcome = ev.outcome;
    for (uint32_t s : ev.evidence) {
      if (std::find(into->evidence.begin(), into->evidence.end(), s) == into->evidence.end())
        into->evidence.push_back(s);
    }
  }

  const Doc& doc_;
  const std::vector<TokenMention>& mentions_;
  const std::vector<analysis::Entity>& entities_;
  const std::vector<analysis::TimeExpr>& times_;
  std::vector<int32_t> mention_at_;
  std::vector<bool> quoted_;
  std::vector<analysis::Event> events_;
};

}  // namespace

void FindEvents(const Doc& doc, const std::vector<TokenMention>& mentions,
                const std::vector<analysis::Entity>& entities, const std::vector<analysis::TimeExpr>& times,
                const std::vector<analysis::Quote>& quotes, const std::vector<std::string>& caption_dates,
                std::vector<analysis::Event>* events, std::vector<analysis::Note>* notes) {
  *events = EventFinder(doc, mentions, entities, times, quotes).Run();
  for (analysis::Event& ev : *events) {
    for (uint32_t p : ev.participants) ev.participant_names.push_back(entities[p].name);
  }
  // The first meeting, talk or visit is the story's event; a caption dating
  // it otherwise is exposed, not silently overruled.
  for (analysis::Event& ev : *events) {
    if (!Meetingish(ev.type) && ev.type != "visit") continue;
    for (const std::string& d : caption_dates) {
      if (std::find(ev.times.begin(), ev.times.end(), d) == ev.times.end()) ev.times.push_back(d);
    }
    if (ev.time.empty() && !ev.times.empty()) ev.time = ev.times.front();
    break;
  }
  for (const analysis::Event& ev : *events) {
    std::vector<std::string> days;
    for (const std::string& t : ev.times) {
      if (t.size() >= 10) days.push_back(t.substr(0, 10));
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    if (days.size() < 2) continue;
    std::string text = "the " + ev.type + " is dated";
    for (size_t i = 0; i < days.size(); ++i) text += (i == 0 ? " " : " and ") + days[i];
    text += " in different places of the article";
    for (uint32_t s : ev.evidence) {
      for (const analysis::TimeExpr& x : times) {
        if (x.granularity == "time" && x.anchor == "event" && x.begin >= doc.seg.sentences[s].begin &&
            x.end <= doc.seg.sentences[s].end + 1) {
          text += "; it ran until \"" + x.text + "\"";
        }
      }
    }
    notes->push_back({"date_conflict", std::move(text)});
  }
}

}  // namespace warta::analyze
