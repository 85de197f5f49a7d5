#include "meta/sources.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <optional>

#include "base/utf8.h"
#include "meta/word_set.h"

namespace warta::meta {
namespace {

struct Alias {
  std::string_view key;  // ASCII-lowercase spelling
  std::string_view canonical;
};

constexpr Alias kKnown[] = {
    {"reuters", "Reuters"}, {"ap", "AP"}, {"associated press", "AP"}, {"the associated press", "AP"},
    {"afp", "AFP"}, {"agence france-presse", "AFP"}, {"agence france presse", "AFP"},
    {"antara", "Antara"}, {"antara news", "Antara"}, {"bloomberg", "Bloomberg"},
    {"xinhua", "Xinhua"}, {"bernama", "Bernama"}, {"kyodo", "Kyodo"}, {"kyodo news", "Kyodo"},
    {"yonhap", "Yonhap"}, {"tass", "TASS"}, {"ria novosti", "RIA Novosti"}, {"interfax", "Interfax"},
    {"anadolu", "Anadolu"}, {"anadolu agency", "Anadolu"}, {"dpa", "dpa"}, {"efe", "EFE"},
    {"ansa", "ANSA"}, {"cnn", "CNN"}, {"bbc", "BBC"}, {"al jazeera", "Al Jazeera"},
    {"aljazeera", "Al Jazeera"}, {"the guardian", "The Guardian"}, {"guardian", "The Guardian"},
    {"new york times", "The New York Times"}, {"the new york times", "The New York Times"},
    {"washington post", "The Washington Post"}, {"the washington post", "The Washington Post"},
    {"wall street journal", "The Wall Street Journal"},
    {"the wall street journal", "The Wall Street Journal"}, {"financial times", "Financial Times"},
    {"the financial times", "Financial Times"}, {"cnbc", "CNBC"}, {"nbc news", "NBC News"},
    {"abc news", "ABC News"}, {"cbs news", "CBS News"}, {"fox news", "Fox News"}, {"nhk", "NHK"},
    {"sputnik", "Sputnik"}, {"politico", "Politico"}, {"axios", "Axios"},
    {"south china morning post", "South China Morning Post"}, {"scmp", "South China Morning Post"},
    {"straits times", "The Straits Times"}, {"the straits times", "The Straits Times"},
    {"sky news", "Sky News"}, {"npr", "NPR"}, {"the economist", "The Economist"},
    {"nikkei", "Nikkei"}, {"nikkei asia", "Nikkei"}, {"channel newsasia", "CNA"},
    {"kompas", "Kompas"}, {"kompas.com", "Kompas.com"}, {"detikcom", "detikcom"},
    {"detik.com", "detikcom"}, {"tempo", "Tempo"}, {"cnn indonesia", "CNN Indonesia"},
    {"kumparan", "kumparan"}, {"republika", "Republika"}, {"liputan6", "Liputan6"},
    {"liputan6.com", "Liputan6"}, {"tribunnews", "Tribunnews"}, {"the jakarta post", "The Jakarta Post"},
    {"jakarta post", "The Jakarta Post"}, {"okezone", "Okezone"},
};

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool StartsUpper(std::string_view w) {
  if (w.empty()) return false;
  size_t p = 0;
  return u_isupper(utf8::Decode(w, &p));
}

// Words that start a capitalised phrase which is a person's title or a day,
// not an outlet ("dilansir Senin", "mengutip Presiden ...").
bool IsNotAnOutletStart(std::string_view lower_first_word) {
  static constexpr std::string_view kWords[] = {
      "presiden", "menteri", "ketua", "kepala", "juru", "wakil", "gubernur", "direktur", "pak", "bu",
      "dr", "prof", "president", "minister", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu",
      "minggu", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "he",
      "she", "they", "it", "we", "i", "dia", "ia", "mereka", "the", "a", "an", "this", "that",
      "pihak", "sumber", "source", "sources", "officials", "police", "polisi"};
  return std::find(std::begin(kWords), std::end(kWords), lower_first_word) != std::end(kWords);
}

// The next word at *pos: up to a space or punctuation (a dot inside a word,
// as in "Kompas.com", is kept). *sentence_end is set when the word closes a
// sentence or clause.
std::string_view NextWord(std::string_view text, size_t* pos, bool* clause_end) {
  size_t p = *pos;
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  size_t start = p;
  *clause_end = false;
  while (p < text.size()) {
    char c = text[p];
    if (c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' ||
        c == '"' || c == '!' || c == '?' || c == '[' || c == ']') {
      break;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      size_t q = p;
      char32_t cp = utf8::Decode(text, &q);
      if (u_ispunct(cp) || u_isUWhiteSpace(cp)) break;
      p = q;
      continue;
    }
    ++p;
  }
  std::string_view w = text.substr(start, p - start);
  while (!w.empty() && (w.back() == '.' || w.back() == '\'')) {
    w.remove_suffix(1);
    *clause_end = true;
  }
  if (p < text.size() && text[p] != ' ' && text[p] != '\t') *clause_end = true;
  *pos = p;
  return w;
}

bool IsLinkWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "dari", "laman", "situs", "media", "kantor", "berita", "harian", "portal", "surat", "kabar",
      "resmi", "laporan", "stasiun", "televisi", "agensi", "jaringan", "the", "news", "agency", "outlet",
      "by", "wire", "service", "lewat", "melalui", "website"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// Accepts a candidate phrase: the longest known prefix, else the whole
// phrase when the cue is strong or the phrase looks like an outlet.
std::string Resolve(const std::vector<std::string_view>& words, bool strong_cue) {
  for (size_t n = words.size(); n > 0; --n) {
    std::string joined;
    for (size_t i = 0; i < n; ++i) {
      if (i) joined += ' ';
      joined += words[i];
    }
    std::string known = KnownSourceName(joined);
    if (!known.empty()) return known;
    if (n == words.size() && (LooksLikeOutlet(joined) || (strong_cue && n <= 3 && !IsNotAnOutletStart(AsciiLower(words[0])))))
      return joined;
  }
  return "";
}

void Add(std::string name, std::vector<std::string>* out) {
  if (name.empty()) return;
  if (std::find(out->begin(), out->end(), name) == out->end()) out->push_back(std::move(name));
}

// The name after a cue, past linking words ("dilansir dari laman Reuters").
std::string NameAfter(std::string_view text, size_t pos, bool strong_cue) {
  std::vector<std::string_view> words;
  bool clause_end = false;
  int links = 0;
  while (pos < text.size() && words.size() < 4) {
    std::string_view w = NextWord(text, &pos, &clause_end);
    if (w.empty()) break;
    if (StartsUpper(w) || (words.empty() && !KnownSourceName(w).empty())) {
      words.push_back(w);
      if (clause_end) break;
      continue;
    }
    if (!words.empty() || clause_end || !IsLinkWord(AsciiLower(w)) || ++links > 4) break;
  }
  return words.empty() ? "" : Resolve(words, strong_cue);
}

// "(AFP)": the name between the parenthesis at `open` and the next ')', an
// upper-case letter and 1 to 15 more letters; "" when it is not one.
std::string_view ParenthesisedName(std::string_view text, size_t open) {
  auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  size_t begin = open + 1, end = begin;
  if (end >= text.size() || text[end] < 'A' || text[end] > 'Z') return {};
  while (end < text.size() && end - begin < 16 && letter(text[end])) ++end;
  if (end - begin < 2 || end >= text.size() || text[end] != ')') return {};
  return text.substr(begin, end - begin);
}

// kBefore by hand: its cue words (lower case; the media ones first, in the
// pattern's group 2), and the prefixes a media cue may have.
constexpr std::string_view kBeforeCues[] = {
    "dilansir", "melansir", "dilaporkan", "diberitakan", "reported by", "cited by",  // media
    "dikutip",  "mengutip", "according to", "told",     "quoted by",   "kata",    "menurut"};
constexpr size_t kMediaCueCount = 6;
constexpr std::string_view kMediaCuePrefixes[] = {"seperti ", "sebagaimana "};

// RE2's \w: \b is an ASCII word boundary.
bool IsAsciiWord(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The cue words and prefixes that open with each byte (either case), as
// bits: CueWord / Prefix bits below; most word starts open none.
constexpr size_t kCueWordCount = std::size(kBeforeCues);
constexpr uint32_t kPrefixBit = uint32_t{1} << kCueWordCount;
constexpr std::array<uint32_t, 256> kCuesByFirstByte = [] {
  std::array<uint32_t, 256> t{};
  auto mark = [&t](std::string_view w, uint32_t bit) {
    t[static_cast<unsigned char>(w[0])] |= bit;
    t[static_cast<unsigned char>(w[0] - 'a' + 'A')] |= bit;
  };
  for (size_t i = 0; i < kCueWordCount; ++i) mark(kBeforeCues[i], uint32_t{1} << i);
  for (std::string_view w : kMediaCuePrefixes) mark(w, kPrefixBit);
  return t;
}();

// Whether cue word `w` (lower case) is at text[p] and ends at a word
// boundary, ASCII case-blind.
bool CueWordAt(std::string_view text, size_t p, std::string_view w) {
  const size_t end = p + w.size();
  return end <= text.size() && EqualsLowerAscii(text.substr(p), w) && (end == text.size() || !IsAsciiWord(text[end]));
}

// The first cue word of `bits` at text[p]: its length and whether it is a
// media cue; length 0 when none is.
std::pair<size_t, bool> CueWordsAt(std::string_view text, size_t p, uint32_t bits) {
  for (size_t i = 0; i < kCueWordCount; ++i) {
    if (!(bits >> i & 1)) continue;
    if (CueWordAt(text, p, kBeforeCues[i])) return {kBeforeCues[i].size(), i < kMediaCueCount};
  }
  return {0, false};
}

// A test that every kAfter match passes: one of its verbs stands after
// white space and before a word boundary, and the run of name bytes
// ([\w.&'-]) right before that white space holds a capital, where the
// pattern's last name word starts. Most paragraphs naming a verb do not
// ("the report", "was reported", "reporters"), and RE2 is not started on
// them: a failed search reads the whole paragraph.
bool MayMatchAfter(std::string_view text) {
  static constexpr std::string_view kVerbs[] = {"reported", "reports", "melaporkan", "memberitakan", "wrote", "menulis"};
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };  // RE2's \s
  auto name_byte = [](char c) { return IsAsciiWord(c) || c == '.' || c == '&' || c == '\'' || c == '-'; };
  for (std::string_view verb : kVerbs) {
    for (size_t at = text.find(verb); at != std::string_view::npos; at = text.find(verb, at + 1)) {
      const size_t end = at + verb.size();
      if (end < text.size() && IsAsciiWord(text[end])) continue;
      size_t p = at;
      while (p > 0 && space(text[p - 1])) --p;
      if (p == at) continue;
      bool capital = false;
      for (; p > 0 && name_byte(text[p - 1]) && !capital; --p) capital = text[p - 1] >= 'A' && text[p - 1] <= 'Z';
      if (capital) return true;
    }
  }
  return false;
}

struct CueBefore {
  size_t end;  // where the name may start
  bool media;  // a cue about media (kBefore's group 2), not one that also introduces people
};

// The first match of kBefore in text[from, ...) as RE2's FindAndConsume
// reports it for that input (leftmost, then the pattern's own order: a
// prefixed media cue before a bare cue), for text without the two
// characters (?i) folds to ASCII. `from` counts as the start of a word.
std::optional<CueBefore> NextCueBefore(std::string_view text, size_t from) {
  constexpr uint32_t kMediaBits = (uint32_t{1} << kMediaCueCount) - 1;
  for (size_t p = from; p < text.size(); ++p) {
    const uint32_t bits = kCuesByFirstByte[static_cast<unsigned char>(text[p])];
    if (bits == 0 || (p > from && IsAsciiWord(text[p - 1]))) continue;
    if (bits & kPrefixBit) {
      for (std::string_view prefix : kMediaCuePrefixes) {
        if (p + prefix.size() > text.size() || !EqualsLowerAscii(text.substr(p), prefix)) continue;
        const size_t q = p + prefix.size();
        if (q >= text.size()) continue;
        auto [len, media] = CueWordsAt(text, q, kCuesByFirstByte[static_cast<unsigned char>(text[q])] & kMediaBits);
        if (len != 0) return CueBefore{q + len, true};
      }
    }
    if (auto [len, media] = CueWordsAt(text, p, bits & ~kPrefixBit); len != 0) return CueBefore{p + len, media};
  }
  return std::nullopt;
}

}  // namespace

std::string KnownSourceName(std::string_view name) {
  std::string lower = AsciiLower(name);
  for (const Alias& a : kKnown) {
    if (a.key == lower) return std::string(a.canonical);
  }
  return "";
}

bool LooksLikeOutlet(std::string_view name) {
  std::string lower = AsciiLower(name);
  for (std::string_view tld : {".com", ".co.id", ".id", ".net", ".org", ".co.uk", ".tv"}) {
    if (EndsWith(lower, tld) && lower.size() > tld.size() + 1) return true;
  }
  for (std::string_view word : {" news", " times", " post", " journal", " herald", " tribune", " daily",
                                " tv", " radio", " agency", " press", " magazine", " today", " network",
                                " gazette", " telegraph", " mail", " express", " channel", " online",
                                " media", " pos", " newsroom"}) {
    if (EndsWith(lower, word)) return true;
  }
  return false;
}

std::vector<std::string> FindCitedSources(std::string_view text) {
  struct Hit {
    size_t at;
    std::string name;
  };
  std::vector<Hit> hits;
  // Cue before the name. Group 2: cues about media ("dilansir"); group 3:
  // cues that also introduce people ("according to"). Names are ASCII-led
  // in the patterns after a name: agencies are, and it keeps RE2's DFA small.
  static const RE2 kBefore(
      "(?i:\\b(?:(seperti |sebagaimana )?(dilansir|melansir|dilaporkan|diberitakan|reported by|cited by)|"
      "(dikutip|mengutip|according to|told|quoted by|kata|menurut))\\b)");
  static const RE2 kAfter(
      "((?:[A-Za-z][\\w.&'-]*\\s+){0,3}[A-Z][\\w.&'-]*)\\s+"
      "(?:reported|reports|melaporkan|memberitakan|wrote|menulis)\\b");

  static const WordSet* cue_words = new WordSet(kBeforeCues);
  auto add_name_after = [&](size_t pos, bool media) {
    std::string name = NameAfter(text, pos, media);
    if (!name.empty()) hits.push_back({pos, std::move(name)});
  };
  if (HasAsciiFoldingChar(text)) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece prefix, media, other;
    while (RE2::FindAndConsume(&input, kBefore, &prefix, &media, &other)) {
      add_name_after(static_cast<size_t>(input.data() - text.data()), !media.empty());
    }
  } else if (cue_words->FoundAscii(text)) {
    // Otherwise kBefore matches are ASCII case-blind ones: most paragraphs
    // hold no cue word (a word-set scan says so), and a hand scan finds the
    // matches in the rest for a fraction of RE2's cost.
    for (std::optional<CueBefore> cue = NextCueBefore(text, 0); cue; cue = NextCueBefore(text, cue->end)) {
      add_name_after(cue->end, cue->media);
    }
  }
  // Most paragraphs hold no verb of kAfter: a substring test each is far
  // cheaper than starting RE2 on them. A find stops at each byte like the
  // needle's first, so each verb is first looked for by a piece opening
  // with a rarer byte ("por" for "report" and "melaporkan").
  auto has = [text](std::string_view s) { return text.find(s) != std::string_view::npos; };
  bool after_verb = ((has("por") && (has("report") || has("melaporkan"))) || (has("beri") && has("memberitakan")) ||
                     has("wrote") || (has("ulis") && has("menulis"))) &&
                    MayMatchAfter(text);
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece phrase;
  while (after_verb && RE2::FindAndConsume(&input, kAfter, &phrase)) {
    // Try the phrase's suffixes: "Sunday, The Associated Press reported".
    std::vector<std::string_view> words;
    size_t p = 0;
    std::string_view ph(phrase.data(), phrase.size());
    bool end;
    while (p < ph.size()) {
      const size_t from = p;
      std::string_view w = NextWord(ph, &p, &end);
      if (!w.empty()) words.push_back(w);
      if (p == from) ++p;  // NextWord stops at a delimiter ('\n', ',') without taking it
    }
    for (size_t i = 0; i < words.size(); ++i) {
      if (!StartsUpper(words[i])) continue;
      std::vector<std::string_view> tail(words.begin() + i, words.end());
      std::string name = Resolve(tail, false);
      if (!name.empty()) {
        hits.push_back({static_cast<size_t>(phrase.data() - text.data()), std::move(name)});
        break;
      }
    }
  }
  for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    std::string_view inner = ParenthesisedName(text, open);
    if (inner.empty()) continue;
    std::string name = KnownSourceName(inner);
    if (!name.empty()) hits.push_back({open + 1, std::move(name)});
    open += inner.size() + 1;  // a match ends at its ')', where the next search starts
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
  std::vector<std::string> out;
  for (Hit& h : hits) Add(std::move(h.name), &out);
  return out;
}

}  // namespace warta::meta
