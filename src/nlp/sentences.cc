#include "nlp/sentences.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <string>
#include <unordered_set>

#include "base/utf8.h"
#include "nlp/word_shapes.h"

namespace warta::nlp {
namespace {

// --- Character classes -----------------------------------------------------

// Word_Break classes folded the way ICU's root word rules use them: Extend,
// Format and ZWJ ride along with the character before them; Single_Quote
// joins like MidNumLet. Where ICU consults its dictionaries we keep it
// simple: each Han character is a word, and kana or Hangul runs are words.
enum class Wb : uint8_t {
  kOther,
  kSpace,
  kNewline,
  kExtend,
  kZwj,
  kLetter,
  kNumeric,
  kMidLetter,
  kMidNumLet,
  kMidNum,
  kExtendNumLet,
  kHan,
  kIdeo,
  kRegional,
};

Wb ClassifyWord(char32_t c) {
  if (u_isUWhiteSpace(c)) {
    int wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
    return wb == U_WB_CR || wb == U_WB_LF || wb == U_WB_NEWLINE ? Wb::kNewline : Wb::kSpace;
  }
  UErrorCode st = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &st);
  if (script == USCRIPT_HAN) return Wb::kHan;
  if (script == USCRIPT_HIRAGANA || (c >= 0xAC00 && c <= 0xD7A3)) return Wb::kIdeo;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
    case U_WB_HEBREW_LETTER: return Wb::kLetter;
    case U_WB_NUMERIC: return Wb::kNumeric;
    // ICU's root rules drop the colons from MidLetter ("x:y" is three tokens).
    case U_WB_MIDLETTER: return c == ':' || c == 0xFE55 || c == 0xFF1A ? Wb::kOther : Wb::kMidLetter;
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE: return Wb::kMidNumLet;
    case U_WB_MIDNUM: return Wb::kMidNum;
    case U_WB_EXTENDNUMLET: return Wb::kExtendNumLet;
    case U_WB_EXTEND:
    case U_WB_FORMAT: return Wb::kExtend;
    case U_WB_ZWJ: return Wb::kZwj;
    case U_WB_KATAKANA: return Wb::kIdeo;
    case U_WB_REGIONAL_INDICATOR: return Wb::kRegional;
    default: break;
  }
  // ICU's root rules add '@' to ALetter (e-mail addresses stay whole) and
  // read Thai-like scripts, which have no Word_Break class, as letters.
  if (c == '@') return Wb::kLetter;
  if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) return Wb::kLetter;
  return Wb::kOther;
}

int ClassifySentence(char32_t c) { return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK); }

struct AsciiTables {
  std::array<Wb, 128> word;
  std::array<uint8_t, 128> sentence;
  // By byte: an ASCII letter or digit (what a word run reads without a
  // second look); false for every byte of a longer character.
  std::array<bool, 256> alnum;
};

const AsciiTables& Ascii() {
  static const AsciiTables t = [] {
    AsciiTables a;
    a.alnum.fill(false);
    for (char32_t c = 0; c < 128; ++c) {
      a.word[c] = ClassifyWord(c);
      a.sentence[c] = static_cast<uint8_t>(ClassifySentence(c));
      a.alnum[c] = a.word[c] == Wb::kLetter || a.word[c] == Wb::kNumeric;
    }
    return a;
  }();
  return t;
}

// Non-ASCII text repeats few code points (quotes, dashes, accented
// letters), so a small direct-mapped cache saves most property lookups. One
// per thread, kept warm across texts.
class WordClassCache {
 public:
  Wb Get(char32_t c) {
    Entry& e = entries_[c & (kSize - 1)];
    if (e.cp != c) e = {c, ClassifyWord(c)};
    return e.cls;
  }

 private:
  static constexpr size_t kSize = 256;
  struct Entry {
    char32_t cp = 0;  // 0 is ASCII and never looked up here
    Wb cls = Wb::kOther;
  };
  std::array<Entry, kSize> entries_{};
};

// --- Tokens ----------------------------------------------------------------

// Splits text into tokens by the Unicode word boundary rules as ICU's root
// locale applies them (runs of letters and digits joined across "." "'" ","
// where UAX #29 joins them; each other symbol alone), except for the
// dictionary scripts (see Wb). Also notes which tokens follow a paragraph
// separator (CR, LF, NEL, LS, PS), where a sentence always ends.
class Tokenizer {
 public:
  Tokenizer(std::string_view text, std::vector<Token>* out, std::vector<uint32_t>* after_separator)
      : s_(text), out_(out), after_separator_(after_separator), ascii_(Ascii().word), alnum_(Ascii().alnum) {}

  // Fills `out` (which must be empty) with the tokens.
  void Run() {
    // Room for the tokens of most texts, reserved rather than sized so no
    // token is built twice: emitting one is a few stores rather than a call.
    out_->reserve(s_.size() / 4 + 16);
    while (pos_ < s_.size()) {
      if (static_cast<unsigned char>(s_[pos_]) < 0x80 && AsciiFastPath()) continue;
      size_t start = pos_;
      uint32_t cp_start = cp_;
      Wb c = Next();
      switch (c) {
        case Wb::kNewline:
          // Vertical tab and form feed break words but not sentences.
          separator_ = separator_ || (s_[start] != '\v' && s_[start] != '\f');
          break;
        case Wb::kSpace: SkipExtend(); break;
        case Wb::kLetter:
        case Wb::kNumeric:
        case Wb::kExtendNumLet:
        case Wb::kIdeo: Emit(start, cp_start, WordRun(c)); break;
        case Wb::kHan:
          SkipExtend();
          Emit(start, cp_start, TokenKind::kWord);
          break;
        case Wb::kRegional:
          SkipExtend();
          if (pos_ < s_.size() && Peek().cls == Wb::kRegional) {
            Next();
            SkipExtend();
          }
          Emit(start, cp_start, TokenKind::kPunct);
          break;
        default:
          SkipExtend();
          Emit(start, cp_start, TokenKind::kPunct);
          break;
      }
    }
  }

 private:
  struct Peeked {
    Wb cls;
    uint8_t len;
  };

  // Most of a text, read without the general machinery: an ASCII space, or
  // a run of ASCII letters and digits, joined as WordRun joins them, that
  // ends before ASCII, a character that ends every run, or the end. Returns
  // false, having read nothing, when a longer character or '_' would have
  // to be weighed.
  bool AsciiFastPath() {
    const Wb c = ascii_[static_cast<unsigned char>(s_[pos_])];
    if (c == Wb::kSpace) {
      ++pos_;
      ++cp_;
      SkipExtend();
      return true;
    }
    if (c != Wb::kLetter && c != Wb::kNumeric) return false;
    const size_t n = s_.size();
    size_t p = pos_ + 1;
    for (;;) {
      while (p < n && alnum_[static_cast<unsigned char>(s_[p])]) ++p;
      if (p >= n) break;
      const unsigned char x = static_cast<unsigned char>(s_[p]);
      if (x >= 0x80) {
        // A closing quote, a dash, a no-break space...: what no run takes
        // in ends it here, as WordRun would end it. Anything else is
        // WordRun's to weigh.
        if (!EndsEveryRun(PeekAt(p).cls)) return false;
        break;
      }
      const Wb k = ascii_[x];
      if (k == Wb::kSpace || k == Wb::kNewline || k == Wb::kOther) break;
      // "don't", "U.S", "3.5", "1,000": a middle mark joins two letters or
      // two digits ('.' and '\'' either, ',' and ';' digits only). The
      // byte before the mark is a letter or digit.
      const Wb last = ascii_[static_cast<unsigned char>(s_[p - 1])];
      const bool mid = k == Wb::kMidNumLet || (k == Wb::kMidNum && last == Wb::kNumeric);
      if (!mid) {
        if (k == Wb::kMidNum) break;
        return false;
      }
      if (p + 1 >= n) break;
      const unsigned char y = static_cast<unsigned char>(s_[p + 1]);
      if (y >= 0x80) return false;
      if (ascii_[y] != last) break;
      p += 2;  // the mark and the letter or digit after it
    }
    const Wb last = ascii_[static_cast<unsigned char>(s_[p - 1])];
    const size_t start = pos_;
    const uint32_t cp_start = cp_;
    cp_ += static_cast<uint32_t>(p - pos_);
    pos_ = p;
    Emit(start, cp_start, last == Wb::kLetter ? TokenKind::kWord : TokenKind::kNumber);
    // The one space between two words, read here as the loop would read it
    // next (before ASCII nothing attaches to a space).
    if (p + 1 < n && s_[p] == ' ' && static_cast<unsigned char>(s_[p + 1]) < 0x80) {
      ++pos_;
      ++cp_;
    }
    return true;
  }

  bool Continuation(size_t pos) const {
    return pos < s_.size() && (static_cast<unsigned char>(s_[pos]) & 0xC0) == 0x80;
  }

  // Decodes well-formed two- and three-byte sequences inline; anything else
  // goes through utf8::Decode.
  char32_t DecodeAt(size_t pos, uint8_t* len) const {
    unsigned char b0 = static_cast<unsigned char>(s_[pos]);
    if (b0 >= 0xC2 && b0 < 0xE0 && Continuation(pos + 1)) {
      *len = 2;
      return (char32_t{b0 & 0x1Fu} << 6) | (static_cast<unsigned char>(s_[pos + 1]) & 0x3F);
    }
    if (b0 >= 0xE0 && b0 < 0xF0 && Continuation(pos + 1) && Continuation(pos + 2)) {
      char32_t c = (char32_t{b0 & 0x0Fu} << 12) | ((static_cast<unsigned char>(s_[pos + 1]) & 0x3Fu) << 6) |
                   (static_cast<unsigned char>(s_[pos + 2]) & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        *len = 3;
        return c;
      }
    }
    size_t p = pos;
    char32_t c = utf8::Decode(s_, &p);
    *len = static_cast<uint8_t>(p - pos);
    return c;
  }

  Peeked PeekAt(size_t pos) {
    unsigned char b = static_cast<unsigned char>(s_[pos]);
    if (b < 0x80) return {ascii_[b], 1};
    uint8_t len;
    char32_t c = DecodeAt(pos, &len);
    return {cache_.Get(c), len};
  }
  Peeked Peek() { return PeekAt(pos_); }

  Wb Next() {
    Peeked p = Peek();
    pos_ += p.len;
    ++cp_;
    return p.cls;
  }

  // Whether the character at `pos` is surely not Extend, Format or ZWJ:
  // nothing in ASCII; below U+0800 only the soft hyphen and the combining
  // marks of the two-byte blocks led by 0xCC, 0xCD, 0xD2 and 0xD6..0xDF
  // (Latin, Cyrillic, Hebrew, Arabic, Syriac...); nor the dashes, quotation
  // marks and ellipsis of U+2010..U+2027.
  bool CannotExtend(size_t pos) const {
    unsigned char b = static_cast<unsigned char>(s_[pos]);
    if (b < 0x80) return true;
    auto at = [this](size_t p) { return p < s_.size() ? static_cast<unsigned char>(s_[p]) : 0; };
    if (b < 0xE0) {
      constexpr uint32_t kMarkLeads = (1u << (0xCC - 0xC0)) | (1u << (0xCD - 0xC0)) | (1u << (0xD2 - 0xC0)) |
                                      (0x3FFu << (0xD6 - 0xC0));
      if (b == 0xC2) return at(pos + 1) != 0xAD;
      return b >= 0xC0 && !(kMarkLeads >> (b - 0xC0) & 1);
    }
    return b == 0xE2 && at(pos + 1) == 0x80 && at(pos + 2) >= 0x90 && at(pos + 2) <= 0xA7;
  }

  // Extend, Format and ZWJ attach to what precedes them; an emoji after a
  // ZWJ continues the sequence. The check that nothing attaches, by far the
  // common case, stays inline.
  void SkipExtend() {
    if (pos_ >= s_.size() || CannotExtend(pos_)) return;
    SkipExtendSlow();
  }

  [[gnu::noinline]] void SkipExtendSlow() {
    bool zwj = false;
    while (pos_ < s_.size()) {
      if (!zwj && CannotExtend(pos_)) return;
      Peeked p = Peek();
      if (p.cls == Wb::kExtend || p.cls == Wb::kZwj) {
        zwj = p.cls == Wb::kZwj;
      } else if (!(zwj && p.cls == Wb::kOther && IsPictographic(pos_))) {
        return;
      } else {
        zwj = false;
      }
      pos_ += p.len;
      ++cp_;
    }
  }

  bool IsPictographic(size_t pos) const {
    uint8_t len;
    return u_hasBinaryProperty(DecodeAt(pos, &len), UCHAR_EXTENDED_PICTOGRAPHIC);
  }

  // The byte position past the Extend/Format/ZWJ characters from `pos`.
  size_t SkipExtendFrom(size_t pos, uint32_t* cps) {
    while (pos < s_.size() && !CannotExtend(pos)) {
      Peeked p = PeekAt(pos);
      if (p.cls != Wb::kExtend && p.cls != Wb::kZwj) break;
      pos += p.len;
      ++*cps;
    }
    return pos;
  }

  static bool Joins(Wb c) { return c == Wb::kLetter || c == Wb::kNumeric || c == Wb::kExtendNumLet; }
  // Classes that neither join a run of letters or digits, nor attach to it
  // (Extend, ZWJ), nor may join two of its parts (the Mid classes).
  static bool EndsEveryRun(Wb c) {
    return c == Wb::kSpace || c == Wb::kNewline || c == Wb::kOther || c == Wb::kHan || c == Wb::kIdeo ||
           c == Wb::kRegional;
  }

  // Reads the rest of a word run that began with a character of class
  // `last`; returns its kind the way ICU's rule status reports it (the class
  // of the last letter or digit decides).
  TokenKind WordRun(Wb last) {
    TokenKind kind = last == Wb::kLetter || last == Wb::kIdeo ? TokenKind::kWord
                     : last == Wb::kNumeric                   ? TokenKind::kNumber
                                                              : TokenKind::kPunct;
    SkipExtend();
    while (pos_ < s_.size()) {
      if (last != Wb::kIdeo) {  // the common case: ASCII letters and digits
        size_t from = pos_;
        while (pos_ < s_.size() && static_cast<unsigned char>(s_[pos_]) < 0x80) {
          Wb c = ascii_[static_cast<unsigned char>(s_[pos_])];
          if (c != Wb::kLetter && c != Wb::kNumeric) break;
          last = c;
          ++pos_;
        }
        if (pos_ != from) {
          cp_ += static_cast<uint32_t>(pos_ - from);
          kind = last == Wb::kLetter ? TokenKind::kWord : TokenKind::kNumber;
          SkipExtend();
          if (pos_ >= s_.size()) break;
        }
        // Two-byte letters (Cyrillic, Greek, accented Latin) join a letter
        // or digit run exactly as the general step below joins them.
        while (pos_ + 1 < s_.size() && Joins(last)) {
          const unsigned char b0 = static_cast<unsigned char>(s_[pos_]);
          if (b0 < 0xC2 || b0 >= 0xE0 || !Continuation(pos_ + 1)) break;
          const char32_t c = (char32_t{b0 & 0x1Fu} << 6) | (static_cast<unsigned char>(s_[pos_ + 1]) & 0x3F);
          if (cache_.Get(c) != Wb::kLetter) break;
          pos_ += 2;
          ++cp_;
          last = Wb::kLetter;
          kind = TokenKind::kWord;
          SkipExtend();
        }
        if (pos_ >= s_.size()) break;
      }
      Peeked n = Peek();
      size_t next_pos = pos_ + n.len;
      uint32_t cps = 1;
      Wb joined = n.cls;
      if (last == Wb::kIdeo || n.cls == Wb::kIdeo) {
        if (last != n.cls) break;
      } else if (Joins(n.cls)) {
        if (!Joins(last)) break;
      } else {
        bool mid = (last == Wb::kLetter && (n.cls == Wb::kMidLetter || n.cls == Wb::kMidNumLet)) ||
                   (last == Wb::kNumeric && (n.cls == Wb::kMidNum || n.cls == Wb::kMidNumLet));
        if (!mid) break;
        size_t after = SkipExtendFrom(next_pos, &cps);
        if (after >= s_.size()) break;
        Peeked a = PeekAt(after);
        if (a.cls != last) break;
        next_pos = after + a.len;
        ++cps;
        joined = a.cls;
      }
      if (joined == Wb::kLetter) kind = TokenKind::kWord;
      if (joined == Wb::kNumeric) kind = TokenKind::kNumber;
      if (joined == Wb::kExtendNumLet && last == Wb::kExtendNumLet) kind = TokenKind::kWord;
      last = joined;
      pos_ = next_pos;
      cp_ += cps;
      SkipExtend();
    }
    return kind;
  }

  [[gnu::always_inline]] void Emit(size_t start, uint32_t cp_start, TokenKind kind) {
    if (separator_ && !out_->empty()) after_separator_->push_back(static_cast<uint32_t>(out_->size()));
    separator_ = false;
    if (kind == TokenKind::kWord && pos_ - start >= 3 && (s_[pos_ - 1] | 0x20) == 's') {
      if (size_t clitic = PossessiveStart(start); clitic != 0) {
        out_->push_back({cp_start, cp_ - 2, static_cast<uint32_t>(start), static_cast<uint32_t>(clitic), kind});
        out_->push_back({cp_ - 2, cp_, static_cast<uint32_t>(clitic), static_cast<uint32_t>(pos_), kind});
        return;
      }
    }
    out_->push_back({cp_start, cp_, static_cast<uint32_t>(start), static_cast<uint32_t>(pos_), kind});
  }

  // Where the possessive "'s" (or "’s") of the word [start, pos_) begins, or
  // 0: "Putin's" is two tokens, as in the treebanks our taggers learn from,
  // so the name is a mention of its own. One of two departures from ICU.
  size_t PossessiveStart(size_t start) const {
    if (s_[pos_ - 2] == '\'') return pos_ - 2 > start ? pos_ - 2 : 0;
    if (pos_ - start >= 5 && s_.compare(pos_ - 4, 3, "\xE2\x80\x99") == 0) return pos_ - 4;
    return 0;
  }

  std::string_view s_;
  std::vector<Token>* out_;
  std::vector<uint32_t>* after_separator_;
  const std::array<Wb, 128>& ascii_;
  const std::array<bool, 256>& alnum_;
  WordClassCache& cache_ = ThreadCache();
  size_t pos_ = 0;
  uint32_t cp_ = 0;
  bool separator_ = false;

  static WordClassCache& ThreadCache() {
    thread_local WordClassCache cache;
    return cache;
  }
};

// --- Sentences -------------------------------------------------------------

int SentenceClassAt(std::string_view s, size_t pos) {
  static const std::array<uint8_t, 128>& ascii = Ascii().sentence;  // one inline guard, not a call
  unsigned char b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) return ascii[b];
  return ClassifySentence(utf8::Decode(s, &pos));
}

int FirstSentenceClass(std::string_view text, const Token& t) { return SentenceClassAt(text, t.byte_begin); }

int LastSentenceClass(std::string_view text, const Token& t) {
  size_t p = t.byte_end - 1;
  while (p > t.byte_begin && !utf8::IsLeadByte(static_cast<unsigned char>(text[p]))) --p;
  return SentenceClassAt(text, p);
}

bool IsTerminator(int sb) { return sb == U_SB_ATERM || sb == U_SB_STERM; }

bool Attached(const Token& a, const Token& b) { return a.byte_end == b.byte_begin; }

// UAX #29 SB8: after a full stop, the sentence goes on when the next letter,
// past digits, spaces and punctuation, is lowercase.
bool NextLetterIsLower(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    int sb = SentenceClassAt(text, pos);
    switch (sb) {
      case U_SB_LOWER: return true;
      case U_SB_UPPER:
      case U_SB_OLETTER:
      case U_SB_SEP:
      case U_SB_CR:
      case U_SB_LF:
      case U_SB_ATERM:
      case U_SB_STERM: return false;
      default: break;
    }
    ++pos;
    while (pos < text.size() && !utf8::IsLeadByte(static_cast<unsigned char>(text[pos]))) ++pos;
  }
  return false;
}

// Whether UAX #29 keeps the sentence going after the terminator token `i`
// whose closing marks end before token `j` (SB6, SB7, SB8, SB8a).
bool SentenceGoesOn(std::string_view text, const std::vector<Token>& tokens, size_t i, size_t j) {
  bool full_stop = FirstSentenceClass(text, tokens[i]) == U_SB_ATERM;
  int next = FirstSentenceClass(text, tokens[j]);
  if (full_stop && j == i + 1 && Attached(tokens[i], tokens[j])) {
    if (next == U_SB_NUMERIC) return true;  // "3.5" split by a non-digit token
    if (next == U_SB_UPPER && i > 0 && Attached(tokens[i - 1], tokens[i])) {
      int before = LastSentenceClass(text, tokens[i - 1]);
      if (before == U_SB_UPPER || before == U_SB_LOWER) return true;
    }
  }
  if (next == U_SB_SCONTINUE || IsTerminator(next)) return true;
  return full_stop && NextLetterIsLower(text, tokens[j].byte_begin);
}

// Token indices where UAX #29 (as ICU's root locale reads it) starts a new
// sentence, increasing, ending with tokens.size(). `after_separator` lists
// the tokens that follow a paragraph separator, increasing.
std::vector<uint32_t> RawBoundaries(std::string_view text, const std::vector<Token>& tokens,
                                    const std::vector<uint32_t>& after_separator) {
  std::vector<uint32_t> out;
  auto add = [&out](size_t b) {
    if (out.empty() || out.back() < b) out.push_back(static_cast<uint32_t>(b));
  };
  size_t sep = 0;  // next entry of after_separator
  // The token that entry names, held so most tokens are passed with one test.
  auto entry = [&after_separator](size_t k) { return k < after_separator.size() ? after_separator[k] : SIZE_MAX; };
  size_t sep_token = entry(0);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i == sep_token) {
      add(i);
      sep_token = entry(++sep);
    }
    if (tokens[i].kind != TokenKind::kPunct || !IsTerminator(FirstSentenceClass(text, tokens[i]))) continue;
    size_t j = i + 1;
    while (j < tokens.size() && Attached(tokens[j - 1], tokens[j]) &&
           FirstSentenceClass(text, tokens[j]) == U_SB_CLOSE) {
      ++j;
    }
    if (j == tokens.size()) break;
    // A boundary at a separator comes anyway.
    if (j == sep_token) continue;
    if (!SentenceGoesOn(text, tokens, i, j)) add(j);
  }
  add(tokens.size());
  return out;
}

// Abbreviations that precede a name or a number: a period after them never
// ends a sentence.
const std::unordered_set<std::string_view>& TitleAbbreviations() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
      "Maj", "Adm", "Cmdr", "Rev", "Hon", "Pres", "Supt", "Insp", "St", "Mt", "Ft", "No", "Nos",
      "Vol", "Fig", "Jl", "Jln", "H", "Hj", "Ir", "Drs", "Dra", "dr", "drg", "Sdr", "Sdri", "Bpk",
      "Ny", "Nn", "Kol", "Brigjen", "Mayjen", "Letjen", "Kompol", "AKBP", "Kapt", "Pdt", "Gg",
      "Kec", "Kab", "Kel", "Prov", "Tel", "Telp", "vs", "cf", "U.S", "U.N", "U.K"};
  return *s;
}

// Abbreviations that may also end a sentence: the break is undone only when
// the next token is lowercase, a number or more punctuation.
const std::unordered_set<std::string_view>& OtherAbbreviations() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "dkk", "dll", "dsb", "dst", "tsb", "yth", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "Bros",
      "etc", "approx", "est", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
      "Oct", "Nov", "Dec", "Agu", "Agt", "Okt", "Des", "Mei", "Sen", "Rp", "ca", "al", "e.g",
      "i.e", "a.m", "p.m"};
  return *s;
}

// Both lists, for a quick test that spares most words the set lookups.
const WordShapes& AbbreviationShapes() {
  static const WordShapes* shapes = [] {
    auto* w = new WordShapes;
    for (std::string_view a : TitleAbbreviations()) w->Add(a);
    for (std::string_view a : OtherAbbreviations()) w->Add(a);
    return w;
  }();
  return *shapes;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Whether the break between `prev_word` + "." and the token text `next`
// should be removed.
bool KeepTogether(std::string_view prev_word, std::string_view next) {
  if (next.empty()) return false;
  unsigned char n0 = static_cast<unsigned char>(next[0]);
  bool next_lower_or_digit = (n0 >= 'a' && n0 <= 'z') || (n0 >= '0' && n0 <= '9');
  const bool listed = AbbreviationShapes().May(prev_word);
  if (listed && TitleAbbreviations().count(prev_word)) return true;
  if (prev_word.size() == 1 && IsUpperAscii(prev_word[0])) return IsUpperAscii(next[0]) || next_lower_or_digit;
  if ((listed && OtherAbbreviations().count(prev_word)) || prev_word.find('.') != std::string_view::npos) {
    return next_lower_or_digit || n0 == ',' || n0 == ';';
  }
  return false;
}

// "“Why?” she asked." — a question or exclamation inside quotes followed by
// a lowercase word is part of the same sentence.
bool QuestionGoesOn(std::string_view text, const Segmentation& seg, size_t te) {
  std::string_view next = seg.TokenText(text, seg.tokens[te]);
  if (next.empty() || next[0] < 'a' || next[0] > 'z') return false;
  size_t k = te;
  int closers = 0;
  while (k > 0 && closers < 3) {
    std::string_view t = seg.TokenText(text, seg.tokens[k - 1]);
    if (t == "\"" || t == "\u201D" || t == "'" || t == "\u2019" || t == "\u00BB") {
      --k;
      ++closers;
      continue;
    }
    return closers > 0 && (t == "?" || t == "!");
  }
  return false;
}

// Asked of the white space between two tokens, mostly one byte: a plain
// loop, not a call to memchr.
bool HasNewline(std::string_view text, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (text[i] == '\n') return true;
  }
  return false;
}

// Groups tokens into sentences at the UAX #29 boundaries, skipping the
// boundaries that follow an abbreviation.
void SplitSentences(std::string_view text, const std::vector<uint32_t>& after_separator, Segmentation* out) {
  const auto& tokens = out->tokens;
  if (tokens.empty()) return;
  size_t ti = 0;  // first token not yet in a sentence
  uint32_t paragraph = 0;
  for (uint32_t te : RawBoundaries(text, tokens, after_separator)) {
    bool at_end = te == tokens.size();
    if (!at_end && te >= 2 && !HasNewline(text, tokens[te - 1].byte_end, tokens[te].byte_begin)) {
      const Token& dot = tokens[te - 1];
      const Token& word = tokens[te - 2];
      if (out->TokenText(text, dot) == "." && word.byte_end == dot.byte_begin && word.kind == TokenKind::kWord &&
          KeepTogether(out->TokenText(text, word), out->TokenText(text, tokens[te]))) {
        continue;
      }
      if (QuestionGoesOn(text, *out, te)) continue;
    }
    Sentence s;
    s.token_begin = ti;
    s.token_end = te;
    s.begin = tokens[ti].begin;
    s.end = tokens[te - 1].end;
    if (ti > 0 && HasNewline(text, tokens[ti - 1].byte_end, tokens[ti].byte_begin)) ++paragraph;
    s.paragraph = paragraph;
    out->sentences.push_back(s);
    ti = te;
  }
}

// "U.S", "D.C", "e.g", "a.m": single ASCII letters joined by periods.
bool IsInitialism(std::string_view w) {
  if (w.size() < 3 || w.size() % 2 == 0) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (i % 2 == 0 ? !letter : c != '.') return false;
  }
  return true;
}

// Whether `t` is a period written right after the initialism `word`.
bool TakesPeriod(std::string_view text, const Segmentation& seg, const Token& word, const Token& t) {
  return t.byte_begin == word.byte_end && seg.TokenText(text, t) == "." && word.kind == TokenKind::kWord &&
         IsInitialism(seg.TokenText(text, word));
}

// An initialism takes the period written right after it ("U.S." as the
// reading expects it, and as the NER training data writes it); UAX #29
// leaves that period a token of its own, which sentence splitting needed
// and is done with. A sentence ending there keeps its end.
void JoinInitialismPeriods(std::string_view text, Segmentation* seg) {
  std::vector<Token>& tokens = seg->tokens;
  // Most texts have no such period: find the first before building the
  // index map (up to it, every token keeps its index).
  size_t first = 1;
  while (first < tokens.size() &&
         !(text[tokens[first].byte_begin] == '.' && TakesPeriod(text, *seg, tokens[first - 1], tokens[first]))) {
    ++first;
  }
  if (first >= tokens.size()) return;
  std::vector<uint32_t> new_index(tokens.size() + 1);
  for (size_t i = 0; i < first; ++i) new_index[i] = static_cast<uint32_t>(i);
  size_t kept = first;
  for (size_t i = first; i < tokens.size(); ++i) {
    new_index[i] = static_cast<uint32_t>(kept);
    const Token& t = tokens[i];
    if (text[t.byte_begin] == '.' && TakesPeriod(text, *seg, tokens[kept - 1], t)) {
      tokens[kept - 1].end = t.end;
      tokens[kept - 1].byte_end = t.byte_end;
      new_index[i] = static_cast<uint32_t>(kept - 1);
      continue;
    }
    tokens[kept++] = t;
  }
  new_index[tokens.size()] = static_cast<uint32_t>(kept);
  for (Sentence& s : seg->sentences) {
    s.token_begin = new_index[s.token_begin];
    s.token_end = new_index[s.token_end - 1] + 1;
    s.end = tokens[s.token_end - 1].end;
  }
  tokens.resize(kept);
}

}  // namespace

Segmentation Segment(std::string_view text) {
  Segmentation out;
  if (text.empty() || text.size() > INT32_MAX) return out;
  std::vector<uint32_t> after_separator;
  Tokenizer(text, &out.tokens, &after_separator).Run();
  SplitSentences(text, after_separator, &out);
  JoinInitialismPeriods(text, &out);
  return out;
}

}  // namespace warta::nlp
