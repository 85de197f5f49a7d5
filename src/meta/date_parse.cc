#include "meta/date_parse.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <span>

#include "base/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace warta::meta {
namespace {

// ---------------------------------------------------------------------------
// Tokens: a date is a short sequence of numbers, words and punctuation, so a
// hand-written matcher over tokens is both faster and more tolerant than one
// regular expression per layout.

struct Tok {
  enum Kind : uint8_t { kNum, kWord, kPunct };
  Kind kind = kPunct;
  bool space_before = false;
  char punct = 0;      // kPunct: the character, dashes folded to '-'
  uint8_t digits = 0;  // kNum: length of the digit run
  // A number of one to four digits is one or two tokens on: a word here may
  // be a month name ("December 3", "Dec. 2025").
  bool near_number = false;
  int value = 0;       // kNum: the number (-1 when longer than 9 digits)
  uint32_t begin = 0, end = 0;  // bytes of the source text
};

constexpr bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
constexpr bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Classifies a non-ASCII code point: 0 letter, ' ' space, else punctuation.
char ClassifyCodePoint(char32_t cp) {
  // What ICU answers for the most frequent non-ASCII characters of news
  // text, without asking it: curly quotes and ellipsis, dashes, Latin and
  // Cyrillic letters.
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2026: return '|';
    case 0x2013: case 0x2014: return '-';
    default: break;
  }
  if (cp >= 0xC0 && cp <= 0x17F && cp != 0xD7 && cp != 0xF7) return 0;
  if (cp >= 0x400 && cp <= 0x481) return 0;
  if (u_isUWhiteSpace(cp) || cp == 0xA0 || cp == 0x202F || cp == 0xFEFF) return ' ';
  int8_t type = u_charType(cp);
  if (type == U_DASH_PUNCTUATION || cp == 0x2212) return '-';
  if (u_ispunct(cp) || type == U_MATH_SYMBOL || type == U_OTHER_SYMBOL) return '|';
  return 0;
}

// utf8::Decode with two-byte sequences (accented Latin, Cyrillic: most
// non-ASCII letters of the news) decoded in line, as Decode would.
char32_t DecodeAt(std::string_view s, size_t* pos) {
  const unsigned char b0 = static_cast<unsigned char>(s[*pos]);
  if (b0 >= 0xC2 && b0 <= 0xDF && *pos + 1 < s.size()) {
    const unsigned char b1 = static_cast<unsigned char>(s[*pos + 1]);
    if ((b1 & 0xC0) == 0x80) {
      *pos += 2;
      return static_cast<char32_t>((b0 & 0x1F) << 6 | (b1 & 0x3F));
    }
  }
  return utf8::Decode(s, pos);
}

// What a byte starts or continues: the tokenizer's loops read one table
// entry a byte.
enum ByteClass : uint8_t { kSpaceByte, kDigitByte, kAlphaByte, kPunctByte, kHighByte };

constexpr std::array<ByteClass, 256> kByteClass = [] {
  std::array<ByteClass, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = c >= 0x80                                                           ? kHighByte
           : IsDigit(static_cast<unsigned char>(c))                            ? kDigitByte
           : IsAsciiAlpha(static_cast<unsigned char>(c))                       ? kAlphaByte
           : c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? kSpaceByte
                                                                                 : kPunctByte;
  }
  return t;
}();

ByteClass ClassOf(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

// What ClassifyCodePoint answers for the non-ASCII character at `pos`, for
// the common ones without decoding: two-byte accented Latin and Cyrillic
// letters (0), curly quotes and ellipsis ('|'), en and em dashes ('-').
// Sets `*len` to the character's length in bytes.
[[gnu::always_inline]] inline char ClassifyAt(std::string_view s, size_t pos, size_t* len) {
  auto at = [s](size_t p) { return p < s.size() ? static_cast<unsigned char>(s[p]) : 0; };
  const unsigned char b0 = at(pos), b1 = at(pos + 1);
  if ((b1 & 0xC0) == 0x80) {
    *len = 2;
    if (b0 == 0xC3 && b1 != 0x97 && b1 != 0xB7) return 0;  // U+00C0..00FF but for × and ÷
    if (b0 == 0xC4 || b0 == 0xC5 || b0 == 0xD0 || b0 == 0xD1) return 0;
    if (b0 == 0xE2 && b1 == 0x80) {
      *len = 3;
      switch (at(pos + 2)) {
        case 0x98: case 0x99: case 0x9C: case 0x9D: case 0xA6: return '|';
        case 0x93: case 0x94: return '-';
        default: break;
      }
    }
  }
  size_t p = pos;
  const char cls = ClassifyCodePoint(DecodeAt(s, &p));
  *len = p - pos;
  return cls;
}

// The end of the run of ASCII letters from `pos`: sixteen bytes a step
// where the text allows (words are read on every page, a byte at a time
// they were most of the tokenizing).
size_t AsciiLettersEnd(std::string_view s, size_t pos) {
#if defined(__SSE2__)
  // A byte is a letter when, case bit set and shifted so that 'a' is the
  // smallest signed byte, it is among the 26 smallest.
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i shift = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i past_z = _mm_set1_epi8(static_cast<char>(0x80 + 26));
  for (; pos + 16 <= s.size(); pos += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + pos));
    const __m128i letters = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), shift), past_z);
    const unsigned others = ~static_cast<unsigned>(_mm_movemask_epi8(letters)) & 0xFFFF;
    if (others != 0) return pos + static_cast<size_t>(std::countr_zero(others));
  }
#endif
  while (pos < s.size() && ClassOf(s[pos]) == kAlphaByte) ++pos;
  return pos;
}

// The end of the word whose letters start at `pos`: ASCII and non-ASCII
// letters up to a space or punctuation.
size_t WordEnd(std::string_view s, size_t pos) {
  for (;;) {
    pos = AsciiLettersEnd(s, pos);
    if (pos >= s.size() || ClassOf(s[pos]) != kHighByte) return pos;
    size_t len;
    if (ClassifyAt(s, pos, &len) != 0) return pos;
    pos += len;
  }
}

// Writes the tokens of `s` to the front of `buf` and returns how many. The
// buffer is only grown, never cleared: every token is written whole, so
// what a longer text left behind is never read, and a call costs nothing
// for the tokens it does not make.
size_t Tokenize(std::string_view s, std::vector<Tok>* buf) {
  std::vector<Tok>& toks = *buf;
  if (toks.size() < s.size() / 4 + 16) toks.resize(s.size() / 4 + 16);
  size_t count = 0;
  size_t pos = 0;
  bool space = true;
  while (pos < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[pos]);
    const ByteClass cls = kByteClass[c];
    if (cls == kSpaceByte) {
      ++pos;
      space = true;
      continue;
    }
    const size_t start = pos;
    if (count == toks.size()) toks.resize(2 * toks.size());
    Tok& t = toks[count];  // a token skipped below is written over by the next
    t = Tok{};
    t.space_before = space;
    if (cls == kDigitByte) {
      int64_t v = 0;
      while (pos < s.size() && IsDigit(static_cast<unsigned char>(s[pos]))) {
        if (v < 1000000000) v = v * 10 + (s[pos] - '0');
        ++pos;
      }
      t.kind = Tok::kNum;
      t.digits = static_cast<uint8_t>(std::min<size_t>(pos - start, 255));
      t.value = pos - start > 9 ? -1 : static_cast<int>(v);
      if (t.digits <= 4) {
        for (size_t back = 1; back <= 2 && back <= count; ++back) toks[count - back].near_number = true;
      }
    } else if (cls == kPunctByte) {
      ++pos;
      t.kind = Tok::kPunct;
      t.punct = static_cast<char>(c);
    } else {
      if (cls == kHighByte) {
        size_t len;
        char high = ClassifyAt(s, pos, &len);
        if (high == ' ') {
          pos += len;
          space = true;
          continue;
        }
        if (high != 0) {
          t.kind = Tok::kPunct;
          t.punct = high;
          pos += len;
        }
      }
      if (pos == start) {
        t.kind = Tok::kWord;
        pos = WordEnd(s, pos);
      }
    }
    t.begin = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(pos);
    ++count;
    space = false;
  }
  return count;
}

// ASCII-lowercases a short word into `buf`; non-ASCII bytes are kept, so
// tables hold lowercase UTF-8 ("märz").
std::string_view Lower(std::string_view w, std::array<char, 32>* buf) {
  if (w.size() > buf->size()) return {};
  for (size_t i = 0; i < w.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    (*buf)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : static_cast<char>(c);
  }
  return std::string_view(buf->data(), w.size());
}

struct NameValue {
  std::string_view name;
  int value;
};

constexpr NameValue kMonths[] = {
    {"abr", 4},        {"abril", 4},     {"ag", 8},        {"agosto", 8},    {"ags", 8},
    {"agst", 8},       {"agt", 8},       {"agu", 8},       {"agustus", 8},   {"apr", 4},
    {"april", 4},      {"aug", 8},       {"august", 8},    {"avr", 4},       {"avril", 4},
    {"dec", 12},       {"december", 12}, {"des", 12},      {"desember", 12}, {"dez", 12},
    {"dezember", 12},  {"dic", 12},      {"diciembre", 12}, {"déc", 12},     {"décembre", 12},
    {"ene", 1},        {"enero", 1},     {"feb", 2},       {"febbraio", 2},  {"febrero", 2},
    {"februar", 2},    {"februari", 2},  {"february", 2},  {"fev", 2},       {"fevereiro", 2},
    {"févr", 2},       {"février", 2},   {"gen", 1},       {"gennaio", 1},   {"giu", 6},
    {"giugno", 6},     {"jan", 1},       {"janeiro", 1},   {"januar", 1},    {"januari", 1},
    {"january", 1},    {"janv", 1},      {"janvier", 1},   {"jul", 7},       {"juli", 7},
    {"juil", 7},       {"juillet", 7},   {"julho", 7},     {"julio", 7},     {"july", 7},
    {"jun", 6},        {"junho", 6},     {"juni", 6},      {"junio", 6},     {"june", 6},
    {"juin", 6},       {"jänner", 1},    {"lug", 7},       {"luglio", 7},    {"mag", 5},
    {"maggio", 5},     {"mai", 5},       {"maio", 5},      {"mar", 3},       {"marc", 3},
    {"march", 3},      {"maret", 3},     {"mars", 3},      {"marzo", 3},     {"março", 3},
    {"may", 5},        {"mayo", 5},      {"mei", 5},       {"mrz", 3},       {"märz", 3},
    {"mär", 3},        {"nov", 11},      {"novembre", 11}, {"november", 11}, {"noviembre", 11},
    {"novembro", 11},  {"oct", 10},      {"octobre", 10},  {"october", 10},  {"octubre", 10},
    {"okt", 10},       {"oktober", 10},  {"ott", 10},      {"ottobre", 10},  {"out", 10},
    {"outubro", 10},   {"sep", 9},       {"sept", 9},      {"septembre", 9}, {"september", 9},
    {"septiembre", 9}, {"set", 9},       {"setembro", 9},  {"settembre", 9}, {"setiembre", 9},
    {"août", 8},
    // Full names the tables above lacked, as ICU's DateFormatSymbols gives
    // them (Italian, Dutch, Portuguese, Scandinavian, Hungarian, Romanian,
    // Czech, Slovak, Croatian, Slovenian and Finnish genitives), the old
    // Indonesian spellings and French and German written without accents.
    // Short forms that are words elsewhere ("ago", "lis", "pro") stay out.
    {"aprile", 4}, {"dicembre", 12}, {"maart", 3}, {"mrt", 3}, {"augustus", 8}, {"dezembro", 12},
    {"augusti", 8}, {"maj", 5}, {"marts", 3}, {"január", 1}, {"február", 2}, {"március", 3},
    {"április", 4}, {"május", 5}, {"június", 6}, {"július", 7}, {"augusztus", 8}, {"szeptember", 9},
    {"október", 10}, {"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4}, {"iunie", 6},
    {"iulie", 7}, {"septembrie", 9}, {"octombrie", 10}, {"noiembrie", 11}, {"decembrie", 12}, {"ledna", 1},
    {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5}, {"června", 6}, {"července", 7},
    {"srpna", 8}, {"září", 9}, {"října", 10}, {"listopadu", 11}, {"prosince", 12}, {"januára", 1},
    {"februára", 2}, {"apríla", 4}, {"mája", 5}, {"júna", 6}, {"júla", 7}, {"augusta", 8},
    {"septembra", 9}, {"októbra", 10}, {"novembra", 11}, {"decembra", 12}, {"siječnja", 1}, {"veljače", 2},
    {"ožujka", 3}, {"travnja", 4}, {"svibnja", 5}, {"lipnja", 6}, {"srpnja", 7}, {"kolovoza", 8},
    {"rujna", 9}, {"studenoga", 11}, {"prosinca", 12}, {"marec", 3}, {"junij", 6}, {"julij", 7},
    {"avgust", 8}, {"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3}, {"huhtikuuta", 4},
    {"toukokuuta", 5}, {"kesäkuuta", 6}, {"heinäkuuta", 7}, {"elokuuta", 8}, {"syyskuuta", 9},
    {"lokakuuta", 10}, {"marraskuuta", 11}, {"joulukuuta", 12}, {"pebruari", 2}, {"nopember", 11},
    {"fevrier", 2}, {"decembre", 12}, {"aout", 8}, {"maerz", 3},
};

// Months of scripts that case-fold beyond ASCII; matched as written
// (dates write them in lowercase genitive forms).
constexpr NameValue kMonthsOther[] = {
    {"января", 1},   {"февраля", 2}, {"марта", 3},    {"апреля", 4},  {"мая", 5},
    {"июня", 6},     {"июля", 7},    {"августа", 8},  {"сентября", 9}, {"октября", 10},
    {"ноября", 11},  {"декабря", 12}, {"січня", 1},   {"лютого", 2},  {"березня", 3},
    {"квітня", 4},   {"травня", 5},  {"червня", 6},   {"липня", 7},   {"серпня", 8},
    {"вересня", 9},  {"жовтня", 10}, {"листопада", 11}, {"грудня", 12}, {"ocak", 1},
    {"şubat", 2},    {"mart", 3},    {"nisan", 4},    {"mayıs", 5},   {"haziran", 6},
    {"temmuz", 7},   {"ağustos", 8}, {"eylül", 9},    {"ekim", 10},   {"kasım", 11},
    {"aralık", 12},  {"stycznia", 1}, {"lutego", 2},  {"marca", 3},   {"kwietnia", 4},
    {"maja", 5},     {"czerwca", 6}, {"lipca", 7},    {"sierpnia", 8}, {"września", 9},
    {"października", 10}, {"listopada", 11}, {"grudnia", 12},
};

constexpr NameValue kZones[] = {
    {"aest", 600}, {"bst", 60},   {"cdt", -300}, {"cest", 120}, {"cet", 60},  {"cst", -360},
    {"edt", -240}, {"eest", 180}, {"eet", 120},  {"est", -300}, {"gmt", 0},   {"hkt", 480},
    {"jst", 540},  {"kst", 540},  {"mdt", -360}, {"mesz", 120}, {"mez", 60},  {"msk", 180},
    {"mst", -420}, {"myt", 480},  {"pdt", -420}, {"pht", 480},  {"pst", -480}, {"sgt", 480},
    {"utc", 0},    {"wib", 420},  {"wit", 540},  {"wita", 480}, {"z", 0},
};

// A name table sorted once for binary search; the literal tables above are
// written for reading, not in byte order.
class NameTable {
 public:
  template <size_t N>
  explicit NameTable(const NameValue (&table)[N]) : sorted_(std::begin(table), std::end(table)) {
    std::sort(sorted_.begin(), sorted_.end(),
              [](const NameValue& x, const NameValue& y) { return x.name < y.name; });
  }
  std::optional<int> Find(std::string_view key) const {
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), key,
                               [](const NameValue& a, std::string_view k) { return a.name < k; });
    if (it != sorted_.end() && it->name == key) return it->value;
    return std::nullopt;
  }

 private:
  std::vector<NameValue> sorted_;
};

// Relative-time units in seconds.
constexpr NameValue kUnits[] = {
    {"bulan", 2592000}, {"day", 86400},     {"days", 86400},      {"detik", 1},       {"hari", 86400},
    {"hour", 3600},     {"hours", 3600},    {"hr", 3600},         {"hrs", 3600},      {"jam", 3600},
    {"menit", 60},      {"min", 60},        {"minggu", 604800},   {"mins", 60},       {"minute", 60},
    {"minutes", 60},    {"month", 2592000}, {"months", 2592000},  {"pekan", 604800},  {"sec", 1},
    {"second", 1},      {"seconds", 1},     {"tahun", 31536000},  {"week", 604800},   {"weeks", 604800},
    {"year", 31536000}, {"years", 31536000},
};

// Bit n of entry c set: a word of the list has n bytes and starts with
// 'a' + c. Lists of lowercase ASCII words; a test before a table search.
using InitialLengths = std::array<uint16_t, 26>;

constexpr void AddInitialLength(std::string_view w, InitialLengths* m) {
  (*m)[w[0] - 'a'] |= static_cast<uint16_t>(1u << w.size());
}

// Whether `w`, ASCII letters folded, may be a word of the list `m` stands for.
bool MayBeIn(const InitialLengths& m, std::string_view w) {
  const unsigned c = (static_cast<unsigned char>(w[0]) | 0x20) - 'a';
  return c < 26 && w.size() < 16 && (m[c] >> w.size() & 1);
}

constexpr InitialLengths kUnitLengths = [] {
  InitialLengths m{};
  for (const NameValue& u : kUnits) AddInitialLength(u.name, &m);
  return m;
}();

// Built on first use, never destroyed (no exit-time destructor order issues).
const NameTable& MonthTable() {
  static const NameTable* t = new NameTable(kMonths);
  return *t;
}
const NameTable& OtherMonthTable() {
  static const NameTable* t = new NameTable(kMonthsOther);
  return *t;
}
const NameTable& UnitTable() {
  static const NameTable* t = new NameTable(kUnits);
  return *t;
}
const NameTable& ZoneTable() {
  static const NameTable* t = new NameTable(kZones);
  return *t;
}

// Every month name (lowercase) by its first two bytes, length and last
// byte, hashed into a bit set: most words a number precedes ("in", "sejak",
// "dengan") are ruled out without a table search.
class MonthShapes {
 public:
  MonthShapes() {
    for (const NameValue& n : kMonths) Add(n.name);
    for (const NameValue& n : kMonthsOther) Add(n.name);
  }
  // `word` as written: the bytes the key reads are lowercased as read, so
  // most words are turned away before the copy Lower makes.
  bool May(std::string_view word) const {
    return word.size() >= 2 && (bits_[Key(word) >> 6] >> (Key(word) & 63) & 1);
  }

 private:
  static size_t Key(std::string_view word) {
    auto byte = [word](size_t i) {
      const unsigned char c = static_cast<unsigned char>(word[i]);
      return static_cast<size_t>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    };
    return ((byte(0) << 8 | byte(1)) ^ (word.size() << 11) ^ (byte(word.size() - 1) << 3)) & 0xFFFF;
  }
  void Add(std::string_view name) { bits_[Key(name) >> 6] |= uint64_t{1} << (Key(name) & 63); }
  std::array<uint64_t, 1024> bits_{};
};

std::optional<int> MonthOf(std::string_view word) {
  static const MonthShapes* prefixes = new MonthShapes;
  if (!prefixes->May(word)) return std::nullopt;
  std::array<char, 32> buf;
  std::string_view low = Lower(word, &buf);
  if (auto m = MonthTable().Find(low)) return m;
  return OtherMonthTable().Find(low);
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

void SetFromEpoch(int64_t secs, DateTime* dt) {
  int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  int64_t rem = secs - days * 86400;
  CivilFromDays(days, &dt->year, &dt->month, &dt->day);
  dt->hour = static_cast<int>(rem / 3600);
  dt->minute = static_cast<int>(rem / 60 % 60);
  dt->second = static_cast<int>(rem % 60);
}

// ---------------------------------------------------------------------------
// The matcher.

class Matcher {
 public:
  Matcher(std::string_view s, std::span<const Tok> t, const DateParseOptions& o) : s_(s), t_(t), o_(o) {}

  // Whether a date expression can start at token i without looking it up:
  // only numbers and words may start one, and a word only when a number
  // follows closely (month names) or when it can open a relative form.
  bool MayStart(size_t i) const {
    const Tok& t = t_[i];
    if (t.kind == Tok::kNum) return true;
    if (t.kind != Tok::kWord) return false;
    if (t.near_number) return true;
    return o_.reference && MayStartRelative(i);
  }

  // A date expression starting at token i: returns the index after it, or 0.
  size_t Match(size_t i, DateTime* dt) const {
    size_t j = DatePart(i, dt);
    if (j) return TimeAfter(j, dt);
    j = TimePart(i, dt);
    if (j) {
      size_t k = SkipConnectors(j);
      DateTime date;
      size_t e = DatePart(k, &date);
      if (!e) e = RelativeDay(k, &date);
      if (e) {
        date.hour = dt->hour, date.minute = dt->minute, date.second = dt->second;
        date.has_time = true;
        date.granularity = dt->granularity;
        date.has_offset = dt->has_offset, date.utc_offset_minutes = dt->utc_offset_minutes;
        *dt = date;
        return e;
      }
      return 0;
    }
    j = RelativeDay(i, dt);
    if (j) return TimeAfter(j, dt);
    return Relative(i, dt);
  }

 private:
  bool Num(size_t i, int min_digits, int max_digits) const {
    return i < t_.size() && t_[i].kind == Tok::kNum && t_[i].digits >= min_digits &&
           t_[i].digits <= max_digits;
  }
  bool Punct(size_t i, char c) const { return i < t_.size() && t_[i].kind == Tok::kPunct && t_[i].punct == c; }
  bool Word(size_t i) const { return i < t_.size() && t_[i].kind == Tok::kWord; }
  // `lit` is lowercase; compared as Lower() would fold, without copying.
  bool WordIs(size_t i, std::string_view lit) const {
    if (!Word(i) || t_[i].end - t_[i].begin != lit.size()) return false;
    const char* w = s_.data() + t_[i].begin;
    for (size_t k = 0; k < lit.size(); ++k) {
      const char c = w[k] >= 'A' && w[k] <= 'Z' ? static_cast<char>(w[k] | 0x20) : w[k];
      if (c != lit[k]) return false;
    }
    return true;
  }
  template <typename... L>
  bool WordIn(size_t i, L... lits) const {
    return (WordIs(i, lits) || ...);
  }
  std::optional<int> Month(size_t i) const { return Word(i) ? MonthOf(Text(i)) : std::nullopt; }

  bool SetDate(int y, int m, int d, DateTime* dt) const {
    if (y < o_.min_year || y > o_.max_year || !IsValidDate(y, m, d)) return false;
    *dt = DateTime{};
    dt->year = y, dt->month = m, dt->day = d;
    dt->granularity = DateGranularity::kDay;
    return true;
  }

  static int ExpandYear(const Tok& t) {
    if (t.digits == 4) return t.value;
    return t.value < 70 ? 2000 + t.value : 1900 + t.value;
  }

  // A numeric date must not be part of a longer dotted/dashed number
  // (versions, IP addresses, phone numbers).
  bool NumericEdgesClean(size_t begin, size_t end) const {
    if (begin >= 2 && !t_[begin].space_before && t_[begin - 1].kind == Tok::kPunct &&
        std::string_view("./-:").find(t_[begin - 1].punct) != std::string_view::npos &&
        t_[begin - 2].kind == Tok::kNum && !t_[begin - 1].space_before)
      return false;
    if (end + 1 < t_.size() && !t_[end].space_before && t_[end].kind == Tok::kPunct &&
        std::string_view("/-").find(t_[end].punct) != std::string_view::npos &&
        t_[end + 1].kind == Tok::kNum && !t_[end + 1].space_before)
      return false;
    if (end + 1 < t_.size() && Punct(end, '.') && !t_[end].space_before && Num(end + 1, 1, 9) &&
        !t_[end + 1].space_before)
      return false;
    return true;
  }

  size_t SkipOrdinal(size_t i) const {
    if (Word(i) && !t_[i].space_before &&
        WordIn(i, "st", "nd", "rd", "th", "er", "e", "de", "o", "a"))
      return i + 1;
    if (Punct(i, '.')) return i + 1;
    return i;
  }

  size_t DatePart(size_t i, DateTime* dt) const {
    if (i >= t_.size()) return 0;
    const Tok& a = t_[i];
    if (a.kind == Tok::kNum) {
      // Y-M-D, Y/M/D, Y.M.D (and "2020. 2. 18.").
      if (a.digits == 4 && i + 4 < t_.size() && t_[i + 1].kind == Tok::kPunct &&
          std::string_view("-/.").find(t_[i + 1].punct) != std::string_view::npos &&
          Num(i + 2, 1, 2) && Punct(i + 3, t_[i + 1].punct) && Num(i + 4, 1, 2)) {
        size_t end = i + 5;
        if (NumericEdgesClean(i, end) && SetDate(a.value, t_[i + 2].value, t_[i + 4].value, dt)) {
          if (Punct(end, '.') && t_[i + 1].punct == '.') ++end;
          return end;
        }
        return 0;
      }
      // 2025年12月3日
      if (a.digits == 4 && Word(i + 1) && Text(i + 1) == "年" && Num(i + 2, 1, 2) && Word(i + 3) &&
          Text(i + 3) == "月" && Num(i + 4, 1, 2)) {
        if (!SetDate(a.value, t_[i + 2].value, t_[i + 4].value, dt)) return 0;
        return (Word(i + 5) && Text(i + 5) == "日") ? i + 6 : i + 5;
      }
      if (a.digits == 8 && o_.min_year <= a.value / 10000) {
        int y = a.value / 10000, m = a.value / 100 % 100, d = a.value % 100;
        return SetDate(y, m, d, dt) ? BasicTime(i + 1, dt) : 0;
      }
      if (a.digits <= 2 && i + 4 < t_.size() && t_[i + 1].kind == Tok::kPunct &&
          std::string_view("/.-").find(t_[i + 1].punct) != std::string_view::npos &&
          Num(i + 2, 1, 2) && Punct(i + 3, t_[i + 1].punct) &&
          (Num(i + 4, 4, 4) || (Num(i + 4, 2, 2) && t_[i + 1].punct != '-'))) {
        if (!NumericEdgesClean(i, i + 5)) return 0;
        return NumericDate(a.value, t_[i + 2].value, ExpandYear(t_[i + 4]), t_[i + 1].punct, dt) ? i + 5 : 0;
      }
      // 3 Desember 2025, 3. Dezember 2025, 3rd December, 2025, 3 de diciembre de 2025.
      if (a.digits <= 2) {
        size_t k = SkipOrdinal(i + 1);
        if (WordIs(k, "de")) ++k;
        std::optional<int> m = Month(k);
        if (!m) return 0;
        ++k;
        if (Punct(k, '.')) ++k;
        if (Punct(k, ',')) ++k;
        if (WordIn(k, "de", "del")) ++k;
        if (!Num(k, 4, 4)) return 0;
        return SetDate(t_[k].value, *m, a.value, dt) ? k + 1 : 0;
      }
      return 0;
    }
    // December 3, 2025; Dec. 3rd 2025; December 2025. (A number must follow
    // closely, which spares a table lookup for most words.)
    if (!Num(i + 1, 1, 4) && !Num(i + 2, 1, 4)) return 0;
    std::optional<int> m = Month(i);
    if (!m) return 0;
    size_t k = i + 1;
    if (Punct(k, '.')) ++k;
    if (Num(k, 1, 2)) {
      int day = t_[k].value;
      size_t y = k + 1;
      if (Word(y) && !t_[y].space_before && WordIn(y, "st", "nd", "rd", "th")) ++y;
      if (Punct(y, ',')) ++y;
      if (Num(y, 4, 4)) return SetDate(t_[y].value, *m, day, dt) ? y + 1 : 0;
      return 0;
    }
    if (Punct(k, ',')) ++k;
    if (Num(k, 4, 4) && t_[k].value >= o_.min_year && t_[k].value <= o_.max_year) {
      *dt = DateTime{};
      dt->year = t_[k].value, dt->month = *m, dt->day = 1;
      dt->granularity = DateGranularity::kMonth;
      return k + 1;
    }
    return 0;
  }

  bool NumericDate(int a, int b, int year, char sep, DateTime* dt) const {
    // Dotted dates are day-first everywhere; US month-first only in English.
    bool month_first = o_.locale == DateLocale::kEnglish && sep != '.';
    if (a > 12) month_first = false;
    if (b > 12) month_first = true;
    return month_first ? SetDate(year, a, b, dt) : SetDate(year, b, a, dt);
  }

  // Day names between a time and its date ("10:43 AM EST, Wed December 3").
  bool IsWeekday(size_t j) const {
    return WordIn(j, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
                  "wed", "thu", "fri", "sat", "sun", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu") ||
           WordIn(j, "minggu", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag");
  }

  size_t SkipConnectors(size_t j) const {
    for (int n = 0; n < 3 && j < t_.size(); ++n) {
      const Tok& t = t_[j];
      if (t.kind == Tok::kPunct && std::string_view(",-|/(@;").find(t.punct) != std::string_view::npos) {
        ++j;
      } else if (WordIn(j, "at", "pukul", "pkl", "um", "à", "a", "las", "alle", "ore", "om", "às", "kl", "klo", "t",
                        "jam") ||
                 IsWeekday(j)) {
        if (Punct(j + 1, '.')) ++j;
        ++j;
      } else {
        break;
      }
    }
    return j;
  }

  size_t TimeAfter(size_t j, DateTime* dt) const {
    DateTime tm = *dt;
    size_t e = TimePart(SkipConnectors(j), &tm);
    if (!e) {
      // A zone right after a date-only value is rare; keep the date.
      return j;
    }
    *dt = tm;
    return e;
  }

  // "20240917T0642Z", "20240917T064200+0700": ISO 8601's basic format, the
  // time written after a "T" without separators. Returns the index after
  // it, or `j` (the date alone) when none follows.
  size_t BasicTime(size_t j, DateTime* dt) const {
    if (!WordIs(j, "t") || t_[j].space_before || !(Num(j + 1, 4, 4) || Num(j + 1, 6, 6)) || t_[j + 1].space_before) {
      return j;
    }
    const bool seconds = t_[j + 1].digits == 6;
    const int hhmm = seconds ? t_[j + 1].value / 100 : t_[j + 1].value;
    DateTime out = *dt;
    out.hour = hhmm / 100, out.minute = hhmm % 100, out.second = seconds ? t_[j + 1].value % 100 : 0;
    if (out.hour > 23 || out.minute > 59 || out.second > 59) return j;
    out.has_time = true;
    out.granularity = seconds ? DateGranularity::kSecond : DateGranularity::kMinute;
    size_t end = ZonePart(j + 2, &out);
    *dt = out;
    return end;
  }

  size_t TimePart(size_t i, DateTime* dt) const {
    if (!Num(i, 1, 2) || t_[i].value > 24) return 0;
    bool sep_ok = Punct(i + 1, ':') || Punct(i + 1, '.') || (Word(i + 1) && WordIn(i + 1, "h"));
    if (!sep_ok || !Num(i + 2, 2, 2) || t_[i + 2].value > 59 || t_[i + 2].space_before) return 0;
    int hour = t_[i].value, minute = t_[i + 2].value, second = 0;
    size_t j = i + 3;
    DateGranularity g = DateGranularity::kMinute;
    if (Punct(j, ':') && Num(j + 1, 2, 2) && t_[j + 1].value <= 60) {
      second = std::min(t_[j + 1].value, 59);
      g = DateGranularity::kSecond;
      j += 2;
      if ((Punct(j, '.') || Punct(j, ',')) && Num(j + 1, 1, 9) && !t_[j + 1].space_before) j += 2;
    }
    size_t k = j;
    if (WordIn(k, "am", "pm")) {
      hour = AmPm(hour, Text(k)[0]);
      ++k;
    } else if (WordIn(k, "a", "p") && Punct(k + 1, '.') && WordIs(k + 2, "m")) {
      hour = AmPm(hour, Text(k)[0]);
      k += 3;
      if (Punct(k, '.')) ++k;
    }
    if (hour < 0 || hour > 23) return 0;
    if (WordIn(k, "uhr", "h", "hrs", "horas", "ore", "heures")) ++k;
    DateTime out = *dt;
    out.hour = hour, out.minute = minute, out.second = second;
    out.has_time = true;
    out.granularity = g;
    size_t z = ZonePart(k, &out);
    // "10.43" followed by a number is a decimal, not a time, and followed
    // by ".2020" the next date ("04.04.2020 04.04.2020").
    if (Punct(i + 1, '.') && z == j && (Num(z, 1, 9) || (Punct(z, '.') && Num(z + 1, 1, 9) &&
                                                          !t_[z + 1].space_before))) {
      return 0;
    }
    *dt = out;
    return z;
  }

  static int AmPm(int hour, char ap) {
    if (hour < 1 || hour > 12) return -1;
    bool pm = (ap | 0x20) == 'p';
    if (hour == 12) return pm ? 12 : 0;
    return pm ? hour + 12 : hour;
  }

  // A numeric offset starting at token i (after the sign): minutes or -1.
  int OffsetNumber(size_t i, size_t* end) const {
    if (Num(i, 4, 4)) {
      *end = i + 1;
      return t_[i].value / 100 * 60 + t_[i].value % 100;
    }
    if (Num(i, 1, 2)) {
      int h = t_[i].value, m = 0;
      *end = i + 1;
      if (Punct(i + 1, ':') && Num(i + 2, 2, 2)) {
        m = t_[i + 2].value;
        *end = i + 3;
      }
      return h * 60 + m;
    }
    return -1;
  }

  size_t ZonePart(size_t k, DateTime* dt) const {
    bool paren = Punct(k, '(');
    size_t i = paren ? k + 1 : k;
    size_t end = i;
    int offset = 0;
    bool found = false;
    if (Word(i)) {
      std::array<char, 32> buf;
      std::optional<int> z = ZoneTable().Find(Lower(Text(i), &buf));
      if (z && !(*z == 0 && Text(i).size() == 1 && t_[i].space_before)) {
        offset = *z;
        found = true;
        end = i + 1;
        bool gmt = WordIn(i, "gmt", "utc");
        if (gmt && (Punct(end, '+') || Punct(end, '-'))) {
          size_t e2;
          int o = OffsetNumber(end + 1, &e2);
          if (o >= 0 && o <= 14 * 60) {
            offset = Punct(end, '-') ? -o : o;
            end = e2;
          }
        }
      }
    } else if ((Punct(i, '+') || Punct(i, '-')) && i + 1 < t_.size() && !t_[i + 1].space_before &&
               (Num(i + 1, 4, 4) || (Num(i + 1, 2, 2) && Punct(i + 2, ':')))) {
      size_t e2;
      int o = OffsetNumber(i + 1, &e2);
      if (o >= 0 && o <= 14 * 60) {
        offset = Punct(i, '-') ? -o : o;
        found = true;
        end = e2;
      }
    }
    if (!found) return k;
    if (paren) {
      if (!Punct(end, ')')) return k;
      ++end;
    }
    dt->has_offset = true;
    dt->utc_offset_minutes = offset;
    return end;
  }

  bool ApplyDelta(int64_t seconds, bool keep_time, DateTime* dt) const {
    if (!o_.reference || o_.reference->granularity < DateGranularity::kDay) return false;
    DateTime out = *o_.reference;
    SetFromEpoch(LocalEpochSeconds(*o_.reference) - seconds, &out);
    if (!keep_time) {
      out.hour = out.minute = out.second = 0;
      out.has_time = false;
      out.granularity = DateGranularity::kDay;
    } else {
      out.has_time = true;
      out.second = 0;
      out.granularity = DateGranularity::kMinute;
    }
    *dt = out;
    return true;
  }

  // kemarin / yesterday / hari ini / today.
  size_t RelativeDay(size_t i, DateTime* dt) const {
    if (!o_.reference || !Word(i)) return 0;
    if (WordIn(i, "kemarin", "yesterday", "gestern")) return ApplyDelta(86400, false, dt) ? i + 1 : 0;
    if (WordIn(i, "today", "heute")) return ApplyDelta(0, false, dt) ? i + 1 : 0;
    if (WordIs(i, "hari") && WordIs(i + 1, "ini")) return ApplyDelta(0, false, dt) ? i + 2 : 0;
    return 0;
  }

  // "2 jam yang lalu", "3 hours ago", "an hour ago", "baru saja", "just now".
  size_t Relative(size_t i, DateTime* dt) const {
    if (!o_.reference) return 0;
    if ((WordIs(i, "baru") && WordIs(i + 1, "saja")) || (WordIs(i, "just") && WordIs(i + 1, "now")))
      return ApplyDelta(0, true, dt) ? i + 2 : 0;
    int n;
    if (Num(i, 1, 4)) {
      n = t_[i].value;
    } else if (WordIn(i, "a", "an", "one", "se", "satu")) {
      n = 1;
    } else {
      return 0;
    }
    size_t k = i + 1;
    if (!Word(k)) return 0;
    if (!MayBeIn(kUnitLengths, Text(k))) return 0;
    std::array<char, 32> buf;
    std::optional<int> unit = UnitTable().Find(Lower(Text(k), &buf));
    if (!unit) return 0;
    ++k;
    if (WordIs(k, "yang") && WordIs(k + 1, "lalu")) {
      k += 2;
    } else if (WordIn(k, "lalu", "ago")) {
      ++k;
    } else {
      return 0;
    }
    return ApplyDelta(static_cast<int64_t>(n) * *unit, *unit < 86400, dt) ? k : 0;
  }

  // Whether RelativeDay or Relative may read a date from token i, a word,
  // by the lowercase first letters and lengths of their words: one that is
  // a date alone ("kemarin"), or one that needs a second word after it
  // ("hari ini", "baru saja", "an hour ago") with such a word next. (Most
  // "a"s and "an"s are turned away here, not by the lookups.)
  bool MayStartRelative(size_t i) const {
    static constexpr InitialLengths kAlone = [] {
      InitialLengths m{};
      for (std::string_view w : {"kemarin", "yesterday", "gestern", "today", "heute"}) AddInitialLength(w, &m);
      return m;
    }();
    static constexpr InitialLengths kFirsts = [] {
      InitialLengths m{};
      for (std::string_view w : {"hari", "baru", "just", "a", "an", "one", "se", "satu"}) AddInitialLength(w, &m);
      return m;
    }();
    static constexpr InitialLengths kSeconds = [] {
      InitialLengths m = kUnitLengths;
      for (std::string_view w : {"ini", "saja", "now"}) AddInitialLength(w, &m);
      return m;
    }();
    // Both lists at once first: most words are in neither.
    static constexpr InitialLengths kEither = [] {
      InitialLengths m{};
      for (size_t c = 0; c < m.size(); ++c) m[c] = kAlone[c] | kFirsts[c];
      return m;
    }();
    const std::string_view w = Text(i);
    if (!MayBeIn(kEither, w)) return false;
    if (MayBeIn(kAlone, w)) return true;
    return MayBeIn(kFirsts, w) && Word(i + 1) && MayBeIn(kSeconds, Text(i + 1));
  }

  // Tokens lie inside the text: a view without substr's bounds check.
  std::string_view Text(size_t i) const { return std::string_view(s_.data() + t_[i].begin, t_[i].end - t_[i].begin); }

  std::string_view s_;
  std::span<const Tok> t_;
  const DateParseOptions& o_;
};

}  // namespace

bool IsValidDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

int64_t LocalEpochSeconds(const DateTime& dt) {
  int month = dt.month >= 1 && dt.month <= 12 ? dt.month : 1;
  int day = dt.day >= 1 ? dt.day : 1;
  return DaysFromCivil(dt.year, month, day) * 86400 + dt.hour * 3600 + dt.minute * 60 + dt.second;
}

DateTime DateTimeFromUnixSeconds(int64_t seconds) {
  DateTime dt;
  SetFromEpoch(seconds, &dt);
  dt.has_time = dt.has_offset = true;
  dt.granularity = DateGranularity::kSecond;
  return dt;
}

std::optional<int> ZoneOffsetMinutes(std::string_view abbreviation) {
  std::array<char, 32> buf;
  std::string_view low = Lower(abbreviation, &buf);
  if (low.empty()) return std::nullopt;
  return ZoneTable().Find(low);
}

// Token buffers larger than this (about 1 MB) are not kept between calls.
constexpr size_t kKeptTokens = 1 << 16;

std::vector<DateMatch> FindDates(std::string_view text, const DateParseOptions& options, size_t max_matches) {
  std::vector<DateMatch> out;
  if (max_matches == 0) return out;
  // Every absolute form has digits; only relative ones ("yesterday") may not.
  if (!options.reference && std::none_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return out;
  // Reused: body texts make thousands of tokens a call.
  thread_local std::vector<Tok> buf;
  // Tokenize first: it may move the buffer that the span then views.
  const size_t count = Tokenize(text, &buf);
  const std::span<const Tok> toks(buf.data(), count);
  Matcher m(text, toks, options);
  for (size_t i = 0; i < toks.size();) {
    if (!m.MayStart(i)) {
      ++i;
      continue;
    }
    DateTime dt;
    size_t end = m.Match(i, &dt);
    if (end > i) {
      out.push_back({dt, toks[i].begin, toks[end - 1].end});
      if (out.size() >= max_matches) break;
      i = end;
    } else {
      ++i;
    }
  }
  if (buf.size() > kKeptTokens) std::vector<Tok>().swap(buf);
  return out;
}

std::optional<DateTime> ParseDate(std::string_view text, const DateParseOptions& options) {
  std::vector<DateMatch> found = FindDates(text, options, 1);
  if (found.empty()) return std::nullopt;
  return found[0].value;
}

namespace {

// Appends `v` as printf's %0<width>d would.
void AppendPadded(int v, int width, std::string* out) {
  int64_t magnitude = v;
  if (v < 0) {
    out->push_back('-');
    magnitude = -magnitude;
    --width;
  }
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  for (int i = n; i < width; ++i) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

// "YYYY-MM-DD", then "THH:MM:SS" with `time`.
void AppendDate(const DateTime& dt, bool time, std::string* out) {
  AppendPadded(dt.year, 4, out);
  out->push_back('-');
  AppendPadded(dt.month, 2, out);
  out->push_back('-');
  AppendPadded(dt.day, 2, out);
  if (!time) return;
  out->push_back('T');
  AppendPadded(dt.hour, 2, out);
  out->push_back(':');
  AppendPadded(dt.minute, 2, out);
  out->push_back(':');
  AppendPadded(dt.second, 2, out);
}

}  // namespace

std::string FormatIsoLocal(const DateTime& dt) {
  std::string out;
  switch (dt.granularity) {
    case DateGranularity::kNone:
      return out;
    case DateGranularity::kYear:
      AppendPadded(dt.year, 4, &out);
      return out;
    case DateGranularity::kMonth:
      AppendPadded(dt.year, 4, &out);
      out.push_back('-');
      AppendPadded(dt.month, 2, &out);
      return out;
    case DateGranularity::kDay:
      AppendDate(dt, false, &out);
      return out;
    default:
      break;
  }
  AppendDate(dt, true, &out);
  if (dt.has_offset) {
    int o = dt.utc_offset_minutes;
    out.push_back(o < 0 ? '-' : '+');
    if (o < 0) o = -o;
    AppendPadded(o / 60, 2, &out);
    out.push_back(':');
    AppendPadded(o % 60, 2, &out);
  }
  return out;
}

std::string FormatIsoUtc(const DateTime& dt) {
  if (!dt.has_time || !dt.has_offset || dt.granularity < DateGranularity::kMinute) return "";
  DateTime u = dt;
  SetFromEpoch(LocalEpochSeconds(dt) - static_cast<int64_t>(dt.utc_offset_minutes) * 60, &u);
  std::string out;
  AppendDate(u, true, &out);
  out.push_back('Z');
  return out;
}

}  // namespace warta::meta
