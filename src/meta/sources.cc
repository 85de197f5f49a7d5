#include "meta/sources.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/utf8.h"
#include "meta/url.h"
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

std::string Joined(const std::vector<std::string_view>& words, size_t n) {
  std::string joined;
  for (size_t i = 0; i < n; ++i) {
    if (i) joined += ' ';
    joined += words[i];
  }
  return joined;
}

// Words that may follow an agency's name without naming another outlet
// ("AFP News Agency", "Kyodo News").
bool IsGenericMediaWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"news", "agency", "newspaper", "wire", "service"};
  const std::string lower = Lower(word);
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

// Accepts a candidate phrase: the longest known prefix that only generic
// media words follow, else the whole phrase when it looks like an outlet,
// when the cue is strong, or when a cue inside the sentence is followed by
// a capitalised "The" (a title: "told The Daily Ledger").
std::string Resolve(const std::vector<std::string_view>& words, bool strong_cue, bool cue_before) {
  std::string known;  // the longest known prefix
  size_t known_words = words.size();
  for (; known_words > 0 && known.empty(); --known_words) known = KnownSourceName(Joined(words, known_words));
  if (!known.empty() && std::all_of(words.begin() + known_words + 1, words.end(), IsGenericMediaWord)) return known;
  std::string joined = Joined(words, words.size());
  if (LooksLikeOutlet(joined)) return joined;
  if (strong_cue && words.size() <= 3 && !IsNotAnOutletStart(Lower(words[0]))) return joined;
  if (cue_before && words.size() >= 2 && words[0] == "The") return joined;
  return known;  // a known name whose phrase goes on ("Reuters journalists"), or none
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
    if (!words.empty() || clause_end || !IsLinkWord(Lower(w)) || ++links > 4) break;
  }
  return words.empty() ? "" : Resolve(words, strong_cue, true);
}

// "(AFP)", "(dpa/lno)": the name between the parenthesis at `open` and the
// next ')' or '/', a letter and 1 to 15 more; "" when it is not one. A
// wire credit stands before a dash or a stop, or at the end: "(DPA) won"
// spells out a party, not the agency.
std::string_view ParenthesisedName(std::string_view text, size_t open) {
  size_t begin = open + 1, end = begin;
  if (end >= text.size() || !IsAsciiLetter(text[end])) return {};
  while (end < text.size() && end - begin < 16 && IsAsciiLetter(text[end])) ++end;
  if (end - begin < 2 || end >= text.size()) return {};
  size_t close = end;
  if (text[close] == '/') {  // the agency's desk
    ++close;
    while (close < text.size() && close - end <= 12 && IsAsciiLetter(text[close])) ++close;
  }
  if (close >= text.size() || text[close] != ')') return {};
  const size_t next = SkipRe2Space(text, close + 1);
  if (next < text.size() && (IsRe2Word(text[next]) || text[next] == '(')) return {};
  return text.substr(begin, end - begin);
}

// BeforePattern, the cue before a name, ASCII case-blind:
//   \b(?:(seperti |sebagaimana )?(<media cues>)|(<other cues>))\b
// Media cues ("dilansir") name outlets only; the others ("according to")
// also introduce people. Its cue words (lower case; the media ones first),
// and the prefixes a media cue may have:
constexpr std::string_view kBeforeCues[] = {
    "dilansir", "melansir", "dilaporkan", "diberitakan", "reported by", "cited by",  // media
    "dikutip",  "mengutip", "according to", "told",     "quoted by",   "kata",    "menurut"};
constexpr size_t kMediaCueCount = 6;
constexpr std::string_view kMediaCuePrefixes[] = {"seperti ", "sebagaimana "};

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
  return end <= text.size() && EqualsLowerAscii(text.substr(p), w) && (end == text.size() || !IsRe2Word(text[end]));
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

// AfterPattern, a name before a verb ("Reuters reported"):
//   ((?:[A-Za-z][\w.&'-]*\s+){0,3}[A-Z][\w.&'-]*)\s+(?:<kAfterVerbs>)\b
// (names are ASCII-led: agencies are). Its verbs, in the pattern's order:
constexpr std::string_view kAfterVerbs[] = {"reported", "reports", "melaporkan", "memberitakan", "wrote", "menulis"};

// What a text must hold for the patterns to find anything, as bits.
enum Trigger : uint32_t {
  kCueTrigger = 1,      // a cue word of BeforePattern opens a word
  kVerbTrigger = 2,     // a verb of AfterPattern opens a word
};

// The cue words (bit i: kBeforeCues[i]) and the verbs (bit kCueWordCount
// + i: kAfterVerbs[i]) by the letter pair they open with.
constexpr size_t kTriggerWordCount = kCueWordCount + std::size(kAfterVerbs);
static_assert(kTriggerWordCount <= 32);
constexpr std::string_view TriggerWord(size_t i) {
  return i < kCueWordCount ? kBeforeCues[i] : kAfterVerbs[i - kCueWordCount];
}
constexpr std::array<uint32_t, kLetterPairKeys> kTriggerWordsByPair = [] {
  std::array<uint32_t, kLetterPairKeys> t{};
  for (size_t i = 0; i < kTriggerWordCount; ++i) {
    t[LetterPairKey(TriggerWord(i)[0], TriggerWord(i)[1])] |= uint32_t{1} << i;
  }
  return t;
}();

// The first eight bytes of each trigger word, zero-padded, as an integer
// (the first byte lowest), and a mask of the bytes the word has there.
struct TriggerHeads {
  std::array<uint64_t, kTriggerWordCount> head{}, mask{};
};
constexpr TriggerHeads kTriggerHeads = [] {
  TriggerHeads h;
  for (size_t i = 0; i < kTriggerWordCount; ++i) {
    const std::string_view w = TriggerWord(i);
    for (size_t k = 0; k < w.size() && k < 8; ++k) {
      h.head[i] |= uint64_t{static_cast<unsigned char>(w[k])} << (8 * k);
      h.mask[i] |= uint64_t{0xff} << (8 * k);
    }
  }
  return h;
}();

// The Trigger bits of the words of `candidates` (trigger word bits) that
// may stand at text[p]: ASCII case-blind (and a NUL taken for a space: the
// bits may say more than is there, never less), the first eight bytes
// from one load. Out of line: most word starts need no call, and the scan
// calling it keeps its registers.
[[gnu::noinline]] uint32_t TriggerWordsAt(std::string_view text, size_t p, uint32_t candidates) {
  uint64_t bytes = 0;  // text[p, p + 8) as in kTriggerHeads, zero-padded past the end
  if (text.size() - p >= 8) {
    std::memcpy(&bytes, text.data() + p, 8);
    if constexpr (std::endian::native == std::endian::big) bytes = __builtin_bswap64(bytes);
  } else {
    for (size_t k = text.size() - p; k-- > 0;) bytes = bytes << 8 | static_cast<unsigned char>(text[p + k]);
  }
  bytes |= 0x2020202020202020ull;  // letters to lower case (a trigger word's bytes all have that bit)
  uint32_t found = 0;
  for (uint32_t m = candidates; m != 0; m &= m - 1) {
    const size_t i = std::countr_zero(m);
    if ((bytes & kTriggerHeads.mask[i]) != kTriggerHeads.head[i]) continue;
    // The rest of a longer word: "according" and "reported" are no cues without "to" and "by".
    const std::string_view w = TriggerWord(i);
    bool rest = w.size() <= 8 || text.size() - p >= w.size();
    for (size_t k = 8; rest && k < w.size(); ++k) rest = (text[p + k] | 0x20) == w[k];
    if (rest) found |= i < kCueWordCount ? kCueTrigger : kVerbTrigger;
  }
  return found;
}

// Of the sixteen bytes at p, the ASCII word bytes (\w) as bits.
uint32_t WordBytes(const char* p) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  auto in = [](__m128i x, char lo, char hi) {  // signed compares: bytes past ASCII are in no range
    return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(x, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  const __m128i letter = in(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
  const __m128i word = _mm_or_si128(_mm_or_si128(letter, in(v, '0', '9')), eq('_'));
  return static_cast<uint32_t>(_mm_movemask_epi8(word));
#else
  uint32_t word = 0;
  for (int k = 0; k < 16; ++k) word |= uint32_t{IsRe2Word(p[k])} << k;
  return word;
#endif
}

// The Trigger bits of `text`, from one pass sixteen bytes a step: the cue
// words and verbs match only at the start of a word (BeforePattern's start
// with \b, AfterPattern's follow white space), and are looked for only
// there, by their first two letters. Most paragraphs hold no trigger, and
// the patterns are not tried on them.
uint32_t Triggers(std::string_view text) {
  // The first letters of the trigger words, as bits (c | 0x20) & 31: a
  // test of one bit passes over most word starts before the pair look-up.
  static constexpr uint32_t kFirstLetters = [] {
    uint32_t bits = 0;
    for (size_t i = 0; i < kTriggerWordCount; ++i) bits |= uint32_t{1} << ((TriggerWord(i)[0] | 0x20) & 31);
    return bits;
  }();
  const size_t n = text.size();
  uint32_t found = 0;
  uint32_t word_before = 0;  // the byte before the block is a word byte
  char tail[16] = {};        // the last, partial block, zero-padded: zero is no word byte
  for (size_t i = 0; i < n; i += 16) {
    const char* block = text.data() + i;
    if (n - i < 16) block = static_cast<const char*>(std::memcpy(tail, block, n - i));
    const uint32_t words = WordBytes(block);
    for (uint32_t starts = words & ~(words << 1 | word_before); starts != 0; starts &= starts - 1) {
      const size_t p = i + std::countr_zero(starts);
      if (!(kFirstLetters >> ((text[p] | 0x20) & 31) & 1)) continue;
      if (p + 1 == n) break;  // no trigger word is one byte long
      if (const uint32_t candidates = kTriggerWordsByPair[LetterPairKey(text[p], text[p + 1])]) {
        found |= TriggerWordsAt(text, p, candidates);
      }
    }
    word_before = words >> 15 & 1;
  }
  return found;
}

// The bytes of a name word in AfterPattern, [\w.&'-].
bool IsNameByte(char c) { return IsRe2Word(c) || c == '.' || c == '&' || c == '\'' || c == '-'; }

// A match of AfterPattern: the name phrase (its group) and where the match
// ends, past the verb.
struct AfterMatch {
  size_t begin, phrase_end, end;
  int words_before_last;  // the name words before the last: the {0,3}
};

// The match of AfterPattern in text[from, ...) that ends with the verb at
// text[verb, verb_end), which white space precedes, and starts leftmost:
// the one whose {0,3} takes the most words. Name words and white space
// are maximal runs (the classes are disjoint, and each is followed by the
// other), so the match is read backwards from the verb run by run; only
// its first word may start inside a run, at a letter (a capital when it is
// the last word).
std::optional<AfterMatch> AfterMatchEndingAt(std::string_view text, size_t from, size_t verb, size_t verb_end) {
  size_t run_end = verb;
  while (run_end > from && IsRe2Space(text[run_end - 1])) --run_end;
  const size_t phrase_end = run_end;
  std::optional<AfterMatch> found;
  for (int before = 0; before <= 3; ++before) {
    if (run_end == from || !IsNameByte(text[run_end - 1])) break;
    size_t run_begin = run_end;
    while (run_begin > from && IsNameByte(text[run_begin - 1])) --run_begin;
    auto opens_word = [before](char c) { return before == 0 ? IsAsciiUpper(c) : IsAsciiLetter(c); };
    for (size_t first = run_begin; first < run_end; ++first) {
      if (opens_word(text[first])) {
        found = AfterMatch{first, phrase_end, verb_end, before};
        break;
      }
    }
    // One word more must take the whole run, after white space.
    if (!opens_word(text[run_begin])) break;
    size_t space_begin = run_begin;
    while (space_begin > from && IsRe2Space(text[space_begin - 1])) --space_begin;
    if (space_begin == run_begin) break;
    run_end = space_begin;
  }
  return found;
}

// The first match of AfterPattern in text[from, ...): the leftmost start,
// and there the most name words. Every verb standing after white space and before a
// word boundary is tried.
std::optional<AfterMatch> NextAfterMatch(std::string_view text, size_t from) {
  std::optional<AfterMatch> best;
  for (std::string_view verb : kAfterVerbs) {
    for (size_t at = text.find(verb, from + 1); at != std::string_view::npos; at = text.find(verb, at + 1)) {
      const size_t end = at + verb.size();
      if ((end < text.size() && IsRe2Word(text[end])) || !IsRe2Space(text[at - 1])) continue;
      std::optional<AfterMatch> m = AfterMatchEndingAt(text, from, at, end);
      if (m && (!best || m->begin < best->begin ||
                (m->begin == best->begin && m->words_before_last > best->words_before_last))) {
        best = m;
      }
    }
  }
  return best;
}

struct CueBefore {
  size_t end;  // where the name may start
  bool media;  // a cue about media (BeforePattern's group 2), not one that also introduces people
};

// The first match of BeforePattern in text[from, ...): leftmost, then the
// pattern's own order (a prefixed media cue before a bare cue). `from`
// counts as the start of a word.
std::optional<CueBefore> NextCueBefore(std::string_view text, size_t from) {
  constexpr uint32_t kMediaBits = (uint32_t{1} << kMediaCueCount) - 1;
  for (size_t p = from; p < text.size(); ++p) {
    const uint32_t bits = kCuesByFirstByte[static_cast<unsigned char>(text[p])];
    if (bits == 0 || (p > from && IsRe2Word(text[p - 1]))) continue;
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
  std::string lower = Lower(name);
  for (const Alias& a : kKnown) {
    if (a.key == lower) return std::string(a.canonical);
  }
  return "";
}

bool LooksLikeOutlet(std::string_view name) {
  std::string lower = Lower(name);
  // A domain: "warta.com", "kabar.co.id", "harian.info", any country code ("berita.az").
  const size_t dot = lower.rfind('.');
  if (dot != std::string::npos && dot >= 2 && lower.find(' ') == std::string::npos) {
    const std::string_view tld = std::string_view(lower).substr(dot + 1);
    const bool letters = std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const bool label = IsAsciiLetter(lower[dot - 1]) && IsAsciiLetter(lower[dot - 2]);
    if (letters && label && (tld.size() == 2 || tld == "com" || tld == "net" || tld == "org" || tld == "info" ||
                             tld == "news" || tld == "media")) {
      return true;
    }
  }
  for (std::string_view word : {" news", " times", " post", " journal", " herald", " tribune", " daily",
                                " tv", " radio", " agency", " press", " magazine", " today", " network",
                                " gazette", " telegraph", " mail", " express", " channel", " online",
                                " media", " pos", " newsroom", " reporter", " insider", " wire"}) {
    if (lower.ends_with(word)) return true;
  }
  return false;
}

namespace {

// `name` is `base` or `base` and a media word: "Kabar News" for "kabar".
bool IsNameOrNameAndMediaWord(std::string_view name, std::string_view base) {
  if (base.size() < 2 || !name.starts_with(base)) return false;
  const std::string_view tail = name.substr(base.size());
  return tail.empty() || tail == "news" || tail == "tv" || tail == "online" || tail == "com" || tail == "digital";
}

}  // namespace

bool IsOwnOutlet(std::string_view source, std::string_view site_name, std::string_view url) {
  const std::string name = AlnumLower(source);
  if (name.empty()) return false;
  const std::string site = AlnumLower(site_name);
  const std::string host = AlnumLower(HostLabel(url));
  return IsNameOrNameAndMediaWord(name, site) || IsNameOrNameAndMediaWord(name, host) ||
         IsNameOrNameAndMediaWord(site, name);
}

std::string DatelineSource(std::string_view agency) {
  const std::string_view name = agency.substr(0, agency.find('/'));
  std::string known = KnownSourceName(name);
  if (!known.empty()) return known;
  // US broadcasters' call letters ("KXYZ", "WXYZ"): the
  // station's own story, not a source it cites.
  const bool call_letters = (name.size() == 3 || name.size() == 4) && (name[0] == 'K' || name[0] == 'W') &&
                            std::all_of(name.begin(), name.end(), IsAsciiUpper);
  return call_letters ? "" : std::string(agency);
}

std::vector<std::string> FindCitedSources(std::string_view text) {
  struct Hit {
    size_t at;
    std::string name;
  };
  std::vector<Hit> hits;
  auto add_name_after = [&](size_t pos, bool media) {
    std::string name = NameAfter(text, pos, media);
    if (!name.empty()) hits.push_back({pos, std::move(name)});
  };
  const uint32_t triggers = Triggers(text);
  if (triggers & kCueTrigger) {
    for (std::optional<CueBefore> cue = NextCueBefore(text, 0); cue; cue = NextCueBefore(text, cue->end)) {
      add_name_after(cue->end, cue->media);
    }
  }
  std::optional<AfterMatch> after = std::nullopt;
  if (triggers & kVerbTrigger) after = NextAfterMatch(text, 0);
  for (; after; after = NextAfterMatch(text, after->end)) {
    // Try the phrase's suffixes: "Sunday, The Associated Press reported".
    std::vector<std::string_view> words;
    size_t p = 0;
    std::string_view ph = text.substr(after->begin, after->phrase_end - after->begin);
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
      std::string name = Resolve(tail, false, false);
      if (!name.empty()) {
        hits.push_back({after->begin, std::move(name)});
        break;
      }
    }
  }
  for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    std::string_view inner = ParenthesisedName(text, open);
    if (inner.empty()) continue;
    std::string name = KnownSourceName(inner);
    if (!name.empty()) hits.push_back({open + 1, std::move(name)});
    open += inner.size();  // the next search starts past the name
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
  std::vector<std::string> out;
  for (Hit& h : hits) Add(std::move(h.name), &out);
  return out;
}

}  // namespace warta::meta
