// Entities: NER mentions cleaned of leading titles, gazetteer places the
// tagger missed, acronyms tied to their expansions, then one entity per
// thing named, with the roles the surrounding words give it.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "analyze/doc.h"
#include "nlp/ascii.h"
#include "nlp/gazetteer.h"
#include "nlp/word_shapes.h"
#include "warta/ner.h"

namespace warta::analyze {
namespace {

constexpr std::string_view kRoleWords[] = {
    // Indonesian
    "presiden", "wapres", "menteri", "menlu", "gubernur", "bupati", "wali", "walikota", "juru", "jubir",
    "ajudan", "utusan", "menantu", "kepala", "ketua", "direktur", "dirut", "perdana", "kanselir", "raja",
    "ratu", "pangeran", "sekretaris", "sekjen", "duta", "dubes", "panglima", "jenderal", "kapolri", "kapolda",
    "kapolres", "pejabat", "penasihat", "anggota", "pemimpin", "komandan", "hakim", "jaksa", "senator",
    "istri", "suami", "putra", "putri", "pengacara", "analis", "pakar", "ekonom", "peneliti", "pelatih",
    "camat", "lurah", "kades", "rektor", "dekan", "wakil", "mantan", "ceo", "pendiri", "pemilik", "kapten",
    "kolonel", "ulama", "imam", "uskup", "paus", "kanselir", "gubernur", "legislator", "politikus", "politisi",
    // English
    "president", "minister", "governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "envoy", "aide",
    "adviser", "advisor", "son-in-law", "chief", "head", "chairman", "chairwoman", "chair", "director",
    "secretary", "ambassador", "prime", "chancellor", "king", "queen", "prince", "princess", "general",
    "commander", "leader", "official", "lawyer", "attorney", "judge", "wife", "husband", "son", "daughter",
    "founder", "representative", "lawmaker", "congressman", "congresswoman", "deputy", "vice", "former",
    "analyst", "economist", "researcher", "coach", "captain", "colonel", "professor", "pope", "bishop",
    "negotiator", "diplomat", "premier", "emir", "sheikh", "sultan", "speaker", "mp", "sen.", "rep.", "gov.",
};

// Words that open a noun phrase without being part of a title.
constexpr std::string_view kDeterminers[] = {"the", "a",   "an",    "my",   "his",  "her",
                                             "its", "our", "their", "your", "this", "that"};

// Words that may sit inside a role phrase without ending it.
constexpr std::string_view kRoleGlue[] = {"utama", "khusus", "senior", "luar", "negeri", "dalam", "urusan",
                                          "bidang", "untuk", "the", "of", "for", "foreign", "special",
                                          "top", "chief", "senior", "de", "bagian", "umum", "besar"};

// Capitalised words that open an organisation's name ("Kedutaan Besar Jepang").
constexpr std::string_view kInstitutionWords[] = {
    "kedutaan", "kementerian", "kantor", "dewan", "partai", "universitas", "komisi", "badan", "lembaga",
    "markas", "gedung", "mahkamah", "pengadilan", "kepolisian", "embassy", "ministry", "department",
    "council", "party", "university", "commission", "agency", "court", "bank"};

// Indonesian only: English "in X" is as often a month, a firm or a field.
constexpr std::string_view kPlacePrepositions[] = {"di", "ke", "dari", "seluruh", "kota", "provinsi"};

// Words before an appositive role phrase that are not part of it.
constexpr std::string_view kPhraseStops[] = {"dan", "serta", "antara", "dengan", "oleh", "kepada", "and",
                                             "with", "by", "between", "to", "said", "kata", "menurut"};

// Prepositions that open an adverbial phrase.
constexpr std::string_view kAdverbialPrepositions[] = {"through", "via", "with", "without", "from", "to",
                                                    "by", "at", "in", "on", "melalui", "lewat"};

struct Acronym {
  std::string_view acronym, expansion;
};
constexpr Acronym kAcronyms[] = {
    {"as", "amerika serikat"}, {"us", "united states"},      {"u.s.", "united states"},
    {"usa", "united states"},  {"uk", "united kingdom"},     {"ue", "uni eropa"},
    {"eu", "european union"},  {"pbb", "perserikatan bangsa-bangsa"}, {"un", "united nations"},
    {"ri", "indonesia"},       {"uea", "uni emirat arab"},   {"uae", "united arab emirates"},
    {"korut", "korea utara"},  {"korsel", "korea selatan"},  {"as", "united states"},
    {"amerika", "amerika serikat"}, {"america", "united states"},
};

// Filters of the longer lists, so most words are turned away before a
// linear search (no false negatives: the same answers).
template <size_t N>
nlp::WordShapes ShapesOf(const std::string_view (&list)[N]) {
  nlp::WordShapes shapes;
  for (std::string_view w : list) shapes.Add(w);
  return shapes;
}
const nlp::WordShapes& RoleShapes() {
  static const nlp::WordShapes shapes = ShapesOf(kRoleWords);
  return shapes;
}
const nlp::WordShapes& InstitutionShapes() {
  static const nlp::WordShapes shapes = ShapesOf(kInstitutionWords);
  return shapes;
}

bool IsAllCaps(std::string_view t) {
  if (t.size() < 2 || t.size() > 6) return false;
  for (char c : t) {
    if (!(c >= 'A' && c <= 'Z') && c != '.') return false;
  }
  return true;
}

class EntityFinder {
 public:
  EntityFinder(const Doc& doc, const AnalyzeResources& res, std::vector<TokenMention>* mentions,
               std::vector<analysis::Entity>* entities)
      : doc_(doc), res_(res), mentions_(*mentions), entities_(*entities),
        covered_(doc.seg.tokens.size(), -1), loc_hit_(doc.seg.tokens.size(), 0) {}

  void Run() {
    for (const nlp::Sentence& s : doc_.seg.sentences) TagSentence(AfterDateline(s));
    // "ROTTERDAM (Reuters) - Dock workers...": the dateline is a place, and
    // the tagger reads the story from its first word, not "Dock" as a name
    // in the middle of a sentence.
    if (doc_.dateline_place > 0) AddCleaned(0, doc_.dateline_place, "LOC");
    if (doc_.agency_end > doc_.agency_begin) AddCleaned(doc_.agency_begin, doc_.agency_end, "ORG");
    FindInstitutions();
    Cover();
    MatchAcronyms();
    SplitTrailingPersons();
    std::sort(mentions_.begin(), mentions_.end(), [](const TokenMention& a, const TokenMention& b) {
      return a.tb < b.tb;
    });
    Merge();
    for (size_t i = 0; i < mentions_.size(); ++i) {
      if (mentions_[i].type == "PER") AttachRoles(i);
    }
    ResolveDescriptors();
  }

 private:
  nlp::Sentence AfterDateline(nlp::Sentence s) const {
    s.token_begin = std::clamp(doc_.dateline_end, s.token_begin, s.token_end);
    return s;
  }

  // NER tags, then gazetteer places over what the tagger left untagged.
  void TagSentence(const nlp::Sentence& s) {
    uint32_t n = s.token_end - s.token_begin;
    if (n == 0) return;
    spans_.clear();
    tagged_.assign(n, 0);
    const NerModel* model = res_.ModelFor(doc_.language);
    // Names are capitalised: a sentence whose only capital opens it (two in
    // five in news) is left to the gazetteer for its first words and to the
    // later matching of names seen elsewhere.
    bool capital_inside = false;
    for (uint32_t i = s.token_begin + 1; i < s.token_end && !capital_inside; ++i) {
      capital_inside = doc_.seg.tokens[i].kind == nlp::TokenKind::kWord && doc_.Capitalized(i);
    }
    if (!capital_inside) {
      nlp::Sentence head = s;
      head.token_end = std::min(s.token_end, s.token_begin + 3);
      MatchGazetteer(head);
      return;
    }
    // The tagger's own gazetteer matches, when they are ours: no second pass.
    bool tagger_hits = false;
    if (model != nullptr) {
      views_.clear();
      for (uint32_t i = s.token_begin; i < s.token_end; ++i) views_.push_back(doc_.Tok(i));
      tagger_hits = model->TagIds(views_, &ids_, &hits_) && res_.SharesGazetteer(model);
      const std::vector<std::string>& labels = model->labels();
      if (opens_span_.empty()) {
        for (std::string_view tag : labels) opens_span_.push_back(tag.size() >= 3 && tag[0] == 'B');
      }
      for (uint32_t i = 0; i < n; ++i) {
        if (!opens_span_[ids_[i]]) continue;
        const std::string_view tag = labels[ids_[i]];
        uint32_t e = i + 1;
        // IOB2 from Viterbi: an I- label continues its own B- type.
        while (e < n && labels[ids_[e]][0] == 'I') ++e;
        spans_.push_back({s.token_begin + i, s.token_begin + e, tag.substr(2)});
        std::fill(tagged_.begin() + i, tagged_.begin() + e, 1);
      }
    }
    // The gazetteer costs as much as the tagger: ask it only when a title
    // needs its places stripped or a capitalised word went untagged.
    bool need = model == nullptr;
    for (const Span& sp : spans_) need = need || (sp.type == "PER" && IsRoleAt(sp.b));
    for (uint32_t i = 1; i < n && !need; ++i) {
      need = doc_.Capitalized(s.token_begin + i) && !tagged_[i] &&
             doc_.seg.tokens[s.token_begin + i].kind == nlp::TokenKind::kWord;
    }
    if (need && tagger_hits) {
      MarkPlaces(s);
    } else if (need) {
      MatchGazetteer(s);
    }
    for (const Span& sp : spans_) AddSplitAtPossessives(sp.b, sp.e, sp.type);
  }

  // "Ford's Mustang": a possessive inside a tagged span ends one name and
  // starts the next.
  void AddSplitAtPossessives(uint32_t b, uint32_t e, std::string_view type) {
    for (uint32_t k = b; k < e; ++k) {
      if (!doc_.IsPossessive(k)) continue;
      AddCleaned(b, k, std::string(type));
      b = k + 1;
    }
    AddCleaned(b, e, std::string(type));
  }

  void MatchGazetteer(const nlp::Sentence& s) {
    const uint32_t n = s.token_end - s.token_begin;
    keys_.clear();
    // Segmented tokens never hold a space: each is one word of a phrase.
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      keys_.push_back(nlp::SingleWordKey(nlp::WordHash(doc_.lower[i])));
    }
    hits_.resize(n);
    res_.gazetteer().Match(keys_, hits_.data());
    MarkPlaces(s);
  }

  // loc_hit_ over sentence s from hits_, its tokens' gazetteer matches.
  void MarkPlaces(const nlp::Sentence& s) {
    const uint32_t n = s.token_end - s.token_begin;
    constexpr uint8_t kLoc = 1;  // kGazetteerTypes[0]
    for (uint32_t i = 0; i < n; ++i) {
      if (hits_[i].begin_mask & kLoc) loc_hit_[s.token_begin + i] = 1;
      if ((hits_[i].inside_mask & kLoc) && !(hits_[i].begin_mask & kLoc)) loc_hit_[s.token_begin + i] = 2;
    }
  }

  // IsRoleWord of token t, its shape key tested first.
  bool IsRoleAt(uint32_t t) const { return RoleShapes().MayKey(doc_.shape[t]) && In(kRoleWords, doc_.lower[t]); }
  // `institutions` is InstitutionShapes(), held by a caller that asks of many tokens.
  bool IsInstitutionAt(size_t t, const nlp::WordShapes& institutions = InstitutionShapes()) const {
    return institutions.MayKey(doc_.shape[t]) && In(kInstitutionWords, doc_.lower[t]);
  }
  bool IsArticle(uint32_t t) const { return doc_.lower[t] == "a" || doc_.lower[t] == "an" || doc_.lower[t] == "the"; }
  // An article opens a phrase, not the role in it.
  uint32_t SkipArticles(uint32_t b, uint32_t end) const {
    while (b < end && IsArticle(b)) ++b;
    return b;
  }

  // A PER mention that starts with a title ("Presiden Prancis Emmanuel Macron")
  // keeps only the name; the title's places become mentions of their own.
  void AddCleaned(uint32_t b, uint32_t e, std::string type) {
    if (type == "PER") {
      uint32_t k = b;
      bool stripped = false;
      while (k + 1 < e && (IsRoleAt(k) || (stripped && (loc_hit_[k] || !doc_.Capitalized(k) ||
                                                        doc_.seg.tokens[k].kind == nlp::TokenKind::kPunct ||
                                                        IsAllCaps(doc_.Tok(k)))))) {
        stripped = stripped || IsRoleAt(k);
        ++k;
      }
      if (!stripped) k = b;
      if (k > b && doc_.lower[k] == "(") return;  // malformed: leave it to the other passes
      b = k;
    }
    if (type == "MISC" || b >= e) {
      if (type == "MISC" && b < e) mentions_.push_back({b, e, type, -1});
      return;
    }
    // Trim punctuation at either end, and an article ("The New York Times" stays one name elsewhere).
    while (b < e && (doc_.seg.tokens[b].kind == nlp::TokenKind::kPunct || (e - b > 1 && doc_.lower[b] == "the"))) ++b;
    while (e > b && doc_.seg.tokens[e - 1].kind == nlp::TokenKind::kPunct) --e;
    bool only_titles = type == "PER";
    for (uint32_t t = b; t < e && only_titles; ++t) only_titles = IsRoleAt(t);
    if (b < e && !only_titles) mentions_.push_back({b, e, type, -1});
  }

  // "Kedutaan Besar Jepang", "Gedung Putih": an institution word and the
  // capitalised words after it name an organisation, whatever the tagger
  // made of the pieces.
  void FindInstitutions() {
    size_t n = doc_.seg.tokens.size();
    const nlp::WordShapes& institutions = InstitutionShapes();
    for (size_t t = 0; t + 1 < n; ++t) {
      if (!doc_.Capitalized(t) || !IsInstitutionAt(t, institutions)) continue;
      size_t e = t + 1;
      while (e < n && doc_.sentence_of[e] == doc_.sentence_of[t] && doc_.Capitalized(e) &&
             doc_.seg.tokens[e].kind == nlp::TokenKind::kWord) {
        ++e;
      }
      if (e == t + 1) continue;
      bool inside_person = false;
      for (const TokenMention& m : mentions_) {
        inside_person = inside_person || (m.type == "PER" && m.tb < e && t < m.te);
      }
      if (inside_person) continue;
      std::erase_if(mentions_, [&](const TokenMention& m) { return m.tb >= t && m.te <= e; });
      mentions_.push_back({static_cast<uint32_t>(t), static_cast<uint32_t>(e), "ORG", -1});
      t = e - 1;
    }
  }

  // covered_[t]: the last mention over token t, or -1.
  void MarkCovered() {
    // std::fill, not memset: a text without tokens has no data() to pass.
    std::fill(covered_.begin(), covered_.end(), -1);
    MarkCoveredFrom(0);
  }
  // After mentions were only appended since covered_ was last right: marks
  // those from `first` on, as a full MarkCovered would.
  void MarkCoveredFrom(size_t first) {
    for (size_t m = first; m < mentions_.size(); ++m) {
      for (uint32_t t = mentions_[m].tb; t < mentions_[m].te; ++t) covered_[t] = static_cast<int32_t>(m);
    }
  }

  // Gazetteer places the tagger missed: capitalised and untagged only.
  void Cover() {
    MarkCovered();
    const size_t first_new = mentions_.size();
    size_t n = doc_.seg.tokens.size();
    for (size_t t = 0; t < n; ++t) {
      if (loc_hit_[t] != 1 || covered_[t] >= 0 || !doc_.Capitalized(t) || IsRoleAt(t)) continue;
      size_t e = t + 1;
      while (e < n && loc_hit_[e] == 2 && covered_[e] < 0 && doc_.sentence_of[e] == doc_.sentence_of[t]) ++e;
      mentions_.push_back({static_cast<uint32_t>(t), static_cast<uint32_t>(e), "LOC", -1});
      t = e - 1;
    }
    // "di Elysee", "atas seluruh Papua": one capitalised word after a
    // word of place, inside a sentence, is a place.
    static const nlp::WordShapes place_prepositions = ShapesOf(kPlacePrepositions);
    for (size_t t = 1; t < n; ++t) {
      if (!doc_.Capitalized(t) || covered_[t] >= 0 || doc_.seg.tokens[t].kind != nlp::TokenKind::kWord ||
          !place_prepositions.MayKey(doc_.shape[t - 1]) || !In(kPlacePrepositions, doc_.lower[t - 1]) ||
          IsRoleAt(t) || IsInstitutionAt(t) ||
          doc_.sentence_of[t - 1] != doc_.sentence_of[t] || IsAllCaps(doc_.Tok(t)) ||
          doc_.Tok(t).find('\'') != std::string_view::npos || doc_.Tok(t).find("\u2019") != std::string_view::npos ||
          IsCalendarWord(doc_.lower[t])) {
        continue;
      }
      if (t + 1 < n && doc_.Capitalized(t + 1) && doc_.sentence_of[t + 1] == doc_.sentence_of[t]) continue;
      mentions_.push_back({static_cast<uint32_t>(t), static_cast<uint32_t>(t + 1), "LOC", -1});
    }
    MarkCoveredFrom(first_new);
  }

  // "Amerika Serikat (AS)": the acronym is an alias; its later bare uses are
  // mentions even when the tagger missed them.
  void MatchAcronyms() {
    const size_t first_new = mentions_.size();
    size_t n = doc_.seg.tokens.size();
    for (size_t t = 1; t + 2 < n; ++t) {
      if (doc_.lower[t] != "(" || doc_.lower[t + 2] != ")" || !IsAllCaps(doc_.Tok(t + 1))) continue;
      int32_t m = covered_[t - 1];
      if (m < 0) continue;
      acronym_of_[doc_.Tok(t + 1)] = doc_.LowerRange(mentions_[m].tb, mentions_[m].te);
      if (covered_[t + 1] < 0) {
        mentions_.push_back({static_cast<uint32_t>(t + 1), static_cast<uint32_t>(t + 2), mentions_[m].type, -1});
      }
    }
    MarkCoveredFrom(first_new);
    // Bare uses of known acronyms.
    for (size_t t = 0; t < n; ++t) {
      // IsAllCaps needs a capital or a period first: most tokens stop there.
      const char first = doc_.text[doc_.seg.tokens[t].byte_begin];
      if (!((first >= 'A' && first <= 'Z') || first == '.') || covered_[t] >= 0 || !IsAllCaps(doc_.Tok(t))) continue;
      std::string type = "LOC";
      if (acronym_of_.count(doc_.Tok(t)) == 0) {
        bool builtin = false;
        for (const Acronym& a : kAcronyms) builtin = builtin || a.acronym == doc_.lower[t];
        if (!builtin) continue;
      }
      mentions_.push_back({static_cast<uint32_t>(t), static_cast<uint32_t>(t + 1), type, -1});
    }
  }

  // "U.S. Secretary of State Antony Blinken" tagged as one organisation:
  // when a mention of another type ends with the whole name (two words or
  // more) of a person named elsewhere in the text, and a role word stands in
  // what comes before the name or just before the mention, those words are
  // that person and the rest is left to role attachment. (Without the role
  // word, product and event names that end like a mis-tagged "person" would
  // be cut: "Star Wars Jedi", "MacBook Pro".)
  void SplitTrailingPersons() {
    std::unordered_set<std::string_view> people;
    for (const TokenMention& m : mentions_) {
      if (m.type == "PER" && m.te - m.tb >= 2) people.insert(doc_.LowerRange(m.tb, m.te));
    }
    if (people.empty()) return;
    for (TokenMention& m : mentions_) {
      if (m.type == "PER") continue;
      bool role_before = false;
      for (uint32_t b = m.tb + 1; b + 2 <= m.te; ++b) {
        for (uint32_t t = b == m.tb + 1 ? (m.tb >= 2 ? m.tb - 2 : 0) : b - 1; t < b; ++t) {
          role_before = role_before || IsRoleAt(t);
        }
        if (role_before && people.count(doc_.LowerRange(b, m.te))) {
          m.tb = b;
          m.type = "PER";
          break;
        }
      }
    }
  }

  int32_t NewEntity(size_t m) {
    analysis::Entity e;
    e.id = static_cast<uint32_t>(entities_.size());
    e.type = mentions_[m].type;
    entities_.push_back(std::move(e));
    return static_cast<int32_t>(entities_.size() - 1);
  }

  // Mentions with the same text, a surname and its full name, an acronym and
  // its expansion: one entity.
  void Merge() {
    // Keys view doc_.lowered (hashed as the strings they spell, so maps
    // iterate as they would with string keys).
    std::unordered_map<std::string_view, int32_t> by_text;
    // Full names first, so a surname finds them whichever comes first.
    for (int pass = 0; pass < 2; ++pass) {
      if (pass == 1) IndexNameParts(by_text);
      for (size_t m = 0; m < mentions_.size(); ++m) {
        TokenMention& tm = mentions_[m];
        bool single = tm.te - tm.tb == 1;
        if ((pass == 0) == single) continue;
        const std::string_view text = doc_.LowerRange(tm.tb, tm.te);
        // One hash of the text, its entry made at once (-1 until known):
        // by_text is filled in the same order as by a look-up and a later
        // insert, and FindBySurnameOrAcronym takes -1 for absent.
        auto [it, added] = by_text.try_emplace(text, -1);
        int32_t id = it->second;
        if (id < 0 && single) id = FindBySurnameOrAcronym(text, doc_.Tok(tm.tb), by_text);
        if (id < 0) id = NewEntity(m);
        tm.entity = id;
        it->second = id;
      }
    }
    Propagate(by_text);
    // A handful of types an entity: a short list of views into mentions_.
    std::vector<std::vector<std::pair<std::string_view, int>>> type_votes(entities_.size());
    std::vector<std::string_view> name_type(entities_.size());  // the type of the mention that gave the name
    for (size_t m = 0; m < mentions_.size(); ++m) {
      const TokenMention& tm = mentions_[m];
      analysis::Entity& e = entities_[tm.entity];
      const nlp::Token& b = doc_.seg.tokens[tm.tb];
      const nlp::Token& last = doc_.seg.tokens[tm.te - 1];
      const std::string_view text = doc_.Range(tm.tb, tm.te);
      e.mentions.push_back({b.begin, last.end, std::string(text)});
      std::vector<std::pair<std::string_view, int>>& votes = type_votes[tm.entity];
      auto vote = std::find_if(votes.begin(), votes.end(), [&](const auto& v) { return v.first == tm.type; });
      if (vote == votes.end()) {
        votes.emplace_back(tm.type, 1);
      } else {
        ++vote->second;
      }
      bool acronym = IsAllCaps(text);
      if (!acronym && text.size() > e.name.size()) {
        e.name.assign(text);
        name_type[tm.entity] = tm.type;
      }
    }
    for (analysis::Entity& e : entities_) {
      if (e.name.empty()) e.name = e.mentions.front().text;
      // A tie goes to the full name's type: "Vladimir Putin" (PER) over a
      // bare "Putin" the tagger read as an organisation.
      int best = 0;
      for (const auto& [type, votes] : type_votes[e.id]) {
        bool wins = votes > best || (votes == best && (type == name_type[e.id] ||
                                                       (e.type != name_type[e.id] && type < e.type)));
        if (wins) best = votes, e.type.assign(type);
      }
      for (const analysis::Mention& m : e.mentions) {
        if (m.text != e.name && std::find(e.aliases.begin(), e.aliases.end(), m.text) == e.aliases.end()) {
          e.aliases.push_back(m.text);
        }
      }
    }
  }

  // Later bare uses of a name the tagger missed ("Hochstein" after "Amos
  // Hochstein"): capitalised tokens equal to a known single-word form.
  void Propagate(const std::unordered_map<std::string_view, int32_t>& by_text) {
    std::unordered_map<std::string_view, int32_t> single;
    single.reserve(by_text.size());
    nlp::WordShapes single_shapes;  // most capitalised words are no such form: spares them the hash lookup
    for (const auto& [text, id] : by_text) {
      const std::string_view view = text;
      if (view.find(' ') == std::string_view::npos) {
        single.emplace(view, id);
        single_shapes.Add(view);
      }
      size_t space = view.rfind(' ');
      if (space != std::string_view::npos && entities_[id].type == "PER") {
        single.emplace(view.substr(space + 1), id);
        single_shapes.Add(view.substr(space + 1));
      }
    }
    MarkCovered();
    size_t before = mentions_.size();
    for (size_t t = 0; t < doc_.seg.tokens.size(); ++t) {
      if (!doc_.Capitalized(t) || covered_[t] >= 0 || doc_.lower[t].size() < 3 ||
          !single_shapes.MayKey(doc_.shape[t])) {
        continue;
      }
      auto it = single.find(doc_.lower[t]);
      if (it == single.end()) continue;
      mentions_.push_back({static_cast<uint32_t>(t), static_cast<uint32_t>(t + 1), entities_[it->second].type,
                           it->second});
    }
    if (mentions_.size() == before) return;
    std::sort(mentions_.begin(), mentions_.end(), [](const TokenMention& a, const TokenMention& b) {
      return a.tb < b.tb;
    });
    MarkCovered();
  }

  int32_t FindBySurnameOrAcronym(std::string_view lower, std::string_view raw,
                                 const std::unordered_map<std::string_view, int32_t>& by_text) {
    auto acr = acronym_of_.find(raw);
    if (acr != acronym_of_.end()) {
      auto it = by_text.find(acr->second);
      if (it != by_text.end() && it->second >= 0) return it->second;
    }
    for (const Acronym& a : kAcronyms) {
      if (a.acronym != lower) continue;
      auto it = by_text.find(a.expansion);
      if (it != by_text.end() && it->second >= 0) return it->second;
    }
    // "Macron" -> "Emmanuel Macron": a person whose full name ends (or starts) with it.
    if (auto it = last_word_.find(lower); it != last_word_.end()) return it->second;
    if (auto it = first_word_.find(lower); it != first_word_.end()) return it->second;
    return -1;
  }

  // First and last words of the full names of people, for surname lookup.
  void IndexNameParts(const std::unordered_map<std::string_view, int32_t>& by_text) {
    for (const auto& [text, id] : by_text) {
      size_t first_space = text.find(' '), last_space = text.rfind(' ');
      if (entities_[id].type != "PER" || first_space == std::string_view::npos) continue;
      last_word_.emplace(text.substr(last_space + 1), id);
      first_word_.emplace(text.substr(0, first_space), id);
    }
  }

  void AddRole(int32_t entity, std::string role) {
    while (!role.empty() && (role.back() == ',' || role.back() == ' ')) role.pop_back();
    if (role.empty()) return;
    std::vector<std::string>& roles = entities_[entity].roles;
    if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(std::move(role));
  }

  // The role phrase text from token b to e-1 without "(ACR)" asides; also
  // remembers the last person named in it, for "menantunya".
  std::string RoleText(uint32_t b, uint32_t e) {
    std::string out;
    for (uint32_t t = b; t < e; ++t) {
      if (doc_.lower[t] == "(" && t + 2 < e && doc_.lower[t + 2] == ")") {
        t += 2;
        continue;
      }
      if (!out.empty() && doc_.seg.tokens[t].begin > doc_.seg.tokens[t - 1].end) out.push_back(' ');
      out.append(doc_.Tok(t));
      if (covered_[t] >= 0 && mentions_[covered_[t]].type == "PER") {
        last_possessor_ = std::string(doc_.Range(mentions_[covered_[t]].tb, mentions_[covered_[t]].te));
        possessor_sentence_ = doc_.sentence_of[t];
      }
    }
    return out;
  }

  bool Stop(uint32_t t) const {
    return doc_.seg.tokens[t].kind == nlp::TokenKind::kPunct && doc_.lower[t] != "(" && doc_.lower[t] != ")" &&
           doc_.lower[t] != "-";
  }

  // "menantunya" -> "menantu <possessor>".
  std::string PossessiveRole(uint32_t t) {
    std::string_view w = doc_.lower[t];
    if (w.size() > 5 && w.ends_with("nya") && IsRoleWord(w.substr(0, w.size() - 3)) &&
        possessor_sentence_ == doc_.sentence_of[t] && !last_possessor_.empty()) {
      return std::string(w.substr(0, w.size() - 3)) + " " + last_possessor_;
    }
    return "";
  }

  // "ajudan senior Macron untuk ...", "utusan khusus Biden, Amos Hochstein":
  // after a lowercase role word the name is whose aide or envoy it is.
  bool QualifiesRole(size_t m, uint32_t role_start) const {
    const TokenMention& tm = mentions_[m];
    // "a spokeswoman for Neumann": the name owns the role.
    std::string_view before = doc_.lower[tm.tb - 1];
    if (before == "for" || before == "of" || before == "untuk" || before == "dari") return true;
    bool opens_sentence = doc_.seg.sentences[doc_.sentence_of[role_start]].token_begin == role_start;
    if (doc_.Capitalized(role_start) && !opens_sentence) return false;
    std::string_view next = tm.te < doc_.lower.size() ? doc_.lower[tm.te] : doc_.lower[tm.te - 1];
    bool appositive = next == "," && tm.te + 1 < covered_.size() && covered_[tm.te + 1] >= 0 &&
                      mentions_[covered_[tm.te + 1]].type == "PER";
    return appositive || next == "untuk" || next == "for" || next == "bidang" || next == "urusan" ||
           next == "di" || next == "in";
  }

  // "utusan senior Presiden AS Joe Biden": a lowercase role word before the
  // title describes someone else (Biden's envoy), named elsewhere.
  void RememberDescriptor(size_t m, uint32_t title_start, uint32_t sb) {
    int64_t j = static_cast<int64_t>(title_start) - 1;
    while (j >= sb && title_start - j <= 4 && In(kRoleGlue, doc_.lower[j]) && !doc_.Capitalized(j)) --j;
    if (j < sb || !IsRoleAt(j) || doc_.Capitalized(j)) return;
    descriptors_.push_back({m, static_cast<uint32_t>(j), RoleText(static_cast<uint32_t>(j), mentions_[m].tb)});
    // RoleText keeps the title's own words; the descriptor ends before the name.
  }

  void ResolveDescriptors() {
    for (Descriptor& d : descriptors_) {
      TokenMention& tm = mentions_[d.mention];
      std::string_view head = doc_.lower[d.role_word];
      std::string owner = nlp::LowerAscii(entities_[tm.entity].name);
      owner = owner.substr(owner.rfind(' ') == std::string::npos ? 0 : owner.rfind(' ') + 1);
      for (analysis::Entity& e : entities_) {
        if (static_cast<int32_t>(e.id) == tm.entity || e.type != "PER") continue;
        bool match = false;
        for (const std::string& role : e.roles) {
          std::string low = nlp::LowerAscii(role);
          match = match || (low.size() > head.size() && low.starts_with(head) && low[head.size()] == ' ' &&
                            low.find(owner) != std::string::npos);
        }
        if (!match) continue;
        tm.described = static_cast<int32_t>(e.id);
        AddRole(static_cast<int32_t>(e.id), d.text);
        break;
      }
    }
  }

  void AttachRoles(size_t m) {
    const TokenMention& tm = mentions_[m];
    uint32_t sb = doc_.seg.sentences[doc_.sentence_of[tm.tb]].token_begin;
    uint32_t se = doc_.seg.sentences[doc_.sentence_of[tm.tb]].token_end;
    // Title before the name: "Presiden Prancis Emmanuel Macron".
    int64_t role_start = -1;
    for (int64_t j = static_cast<int64_t>(tm.tb) - 1; j >= sb && tm.tb - j <= 8; --j) {
      if (Stop(j)) break;
      if (IsRoleAt(j)) {
        role_start = j;
        while (role_start > sb && (doc_.lower[role_start - 1] == "wakil" || doc_.lower[role_start - 1] == "mantan" ||
                                   doc_.lower[role_start - 1] == "former" || doc_.lower[role_start - 1] == "deputy" ||
                                   doc_.lower[role_start - 1] == "vice" || doc_.lower[role_start - 1] == "perdana" ||
                                   doc_.lower[role_start - 1] == "prime" || doc_.lower[role_start - 1] == "juru")) {
          --role_start;
        }
        // "French President": a nationality or place written before the title;
        // in English also the title's own capitalised words before its head
        // ("Foreign Minister", "Interim Police Chief"), but not a determiner.
        // (Indonesian titles grow after the head: "Menteri Luar Negeri".)
        auto extends_title = [&](uint32_t t) {
          if (!doc_.Capitalized(t) || Stop(t) || doc_.seg.tokens[t].kind != nlp::TokenKind::kWord) return false;
          if (covered_[t] >= 0) return mentions_[covered_[t]].type != "PER";
          return !doc_.indonesian && !In(kDeterminers, doc_.lower[t]);
        };
        // "Putin's aide": the owner and the possessive join the title.
        auto possessive_at = [&](uint32_t t) { return t > sb && doc_.IsPossessive(t) && doc_.Capitalized(t - 1); };
        while (role_start > sb) {
          if (possessive_at(static_cast<uint32_t>(role_start - 1))) {
            role_start -= 2;
          } else if (extends_title(static_cast<uint32_t>(role_start - 1))) {
            --role_start;
          } else {
            break;
          }
        }
        break;
      }
      bool name_like = doc_.Capitalized(j) || covered_[j] >= 0 || In(kRoleGlue, doc_.lower[j]) ||
                       doc_.lower[j] == "(" || doc_.lower[j] == ")";
      if (!name_like) break;
    }
    if (role_start >= 0 && !QualifiesRole(m, static_cast<uint32_t>(role_start))) {
      AddRole(tm.entity, RoleText(static_cast<uint32_t>(role_start), tm.tb));
      RememberDescriptor(m, static_cast<uint32_t>(role_start), sb);
    }
    // Appositive before: "penasihat senior Macron untuk urusan Eropa, Clement Beaune,".
    if (tm.tb > sb + 1 && doc_.lower[tm.tb - 1] == ",") {
      uint32_t comma = tm.tb - 1;
      uint32_t b = comma;
      while (b > sb && !Stop(b - 1) && !In(kPhraseStops, doc_.lower[b - 1]) && comma - b < 12) --b;
      // A phrase opening with a preposition is an adverbial ("Through a
      // spokesperson, Dana Whitfield declined"): it names someone else.
      const bool adverbial = In(kAdverbialPrepositions, doc_.lower[b]);
      b = SkipArticles(b, comma);
      if (b < comma && !adverbial) {
        std::string possessive = PossessiveRole(b);
        if (!possessive.empty() && comma - b == 1) {
          AddRole(tm.entity, possessive);
        } else {
          // The role word opens the phrase, or follows its owner ("Macron's top aide").
          uint32_t r = b;
          while (r < comma && r < b + 4 && !IsRoleAt(r)) ++r;
          if (r < comma && IsRoleAt(r)) {
            // "the prospects of Taiwan's president": the role starts after "of".
            for (uint32_t k = b; k < r; ++k) {
              if (doc_.lower[k] == "of") b = SkipArticles(k + 1, r);
            }
            AddRole(tm.entity, RoleText(b, comma));
          }
        }
      }
    }
    // Appositive after: "Clement Beaune, an Elysee aide, said".
    if (tm.te + 1 < se && doc_.lower[tm.te] == ",") {
      uint32_t b = tm.te + 1;
      b = SkipArticles(b, se);
      uint32_t e = b;
      bool has_role = false;
      while (e < se && !Stop(e) && e - b < 10) {
        has_role = has_role || (IsRoleAt(e) && e - b < 4);
        ++e;
      }
      bool closed = (e >= se || doc_.lower[e] == "," || doc_.lower[e] == ".") && e > b &&
                    !In(kRoleGlue, doc_.lower[e - 1]);
      if (has_role && closed && e > b && covered_[b] < 0) AddRole(tm.entity, RoleText(b, e));
    }
  }

  const Doc& doc_;
  const AnalyzeResources& res_;
  std::vector<TokenMention>& mentions_;
  std::vector<analysis::Entity>& entities_;
  std::vector<int32_t> covered_;
  std::vector<uint8_t> loc_hit_;  // 1 = a place starts here, 2 = continues
  // Views into doc_.text and doc_.lowered.
  std::unordered_map<std::string_view, std::string_view> acronym_of_;  // "AS" -> "amerika serikat"
  struct Descriptor {
    size_t mention;
    uint32_t role_word;
    std::string text;
  };
  std::vector<Descriptor> descriptors_;
  std::unordered_map<std::string_view, int32_t> last_word_, first_word_;
  std::string last_possessor_;
  uint32_t possessor_sentence_ = UINT32_MAX;
  // TagSentence's buffers, reused from sentence to sentence.
  struct Span {
    uint32_t b, e;
    std::string_view type;
  };
  std::vector<Span> spans_;
  std::vector<uint8_t> tagged_;
  std::vector<std::string_view> views_;
  std::vector<uint8_t> ids_;
  std::vector<uint8_t> opens_span_;  // per label of the text's model: a B- label (most tokens are O)
  std::vector<nlp::GazetteerKey> keys_;
  std::vector<nlp::GazetteerHit> hits_;  // of the sentence being tagged
};

}  // namespace

bool IsRoleWord(std::string_view lower) { return RoleShapes().May(lower) && In(kRoleWords, lower); }

void FindEntities(const Doc& doc, const AnalyzeResources& resources, std::vector<TokenMention>* mentions,
                  std::vector<analysis::Entity>* entities) {
  EntityFinder(doc, resources, mentions, entities).Run();
}

}  // namespace warta::analyze
