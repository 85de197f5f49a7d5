#include "nlp/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>
#include <string>
#include <unordered_set>

#include "base/utf8.h"

namespace warta::nlp {
namespace {

struct Iterators {
  std::unique_ptr<icu::BreakIterator> word;
  std::unique_ptr<icu::BreakIterator> sentence;
};

// Creating a BreakIterator loads rule data and costs far more than one
// segmentation, so each thread clones a shared prototype once.
Iterators& ThreadIterators() {
  static const Iterators* prototypes = [] {
    auto* p = new Iterators;
    UErrorCode st = U_ZERO_ERROR;
    p->word.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), st));
    st = U_ZERO_ERROR;
    p->sentence.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), st));
    return p;
  }();
  thread_local Iterators mine = [] {
    Iterators it;
    if (prototypes->word) it.word.reset(prototypes->word->clone());
    if (prototypes->sentence) it.sentence.reset(prototypes->sentence->clone());
    return it;
  }();
  return mine;
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

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// Whether the break between `prev_word` + "." and the token text `next`
// should be removed.
bool KeepTogether(std::string_view prev_word, std::string_view next) {
  if (next.empty()) return false;
  unsigned char n0 = static_cast<unsigned char>(next[0]);
  bool next_lower_or_digit = (n0 >= 'a' && n0 <= 'z') || (n0 >= '0' && n0 <= '9');
  if (TitleAbbreviations().count(prev_word)) return true;
  if (prev_word.size() == 1 && IsUpperAscii(prev_word[0])) return IsUpperAscii(next[0]) || next_lower_or_digit;
  if (OtherAbbreviations().count(prev_word) || prev_word.find('.') != std::string_view::npos) {
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

// Maps increasing byte offsets to code point offsets without a table.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view s) : s_(s) {}
  uint32_t At(size_t byte) {
    if (byte < byte_) {  // rare: restart from the beginning
      byte_ = 0;
      cp_ = 0;
    }
    for (; byte_ < byte && byte_ < s_.size(); ++byte_) {
      if (utf8::IsLeadByte(static_cast<unsigned char>(s_[byte_]))) ++cp_;
    }
    return cp_;
  }

 private:
  std::string_view s_;
  size_t byte_ = 0;
  uint32_t cp_ = 0;
};

TokenKind KindOf(int32_t rule_status) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::kNumber;
  if (rule_status >= UBRK_WORD_LETTER) return TokenKind::kWord;
  return TokenKind::kPunct;
}

void Tokenize(std::string_view text, UText* ut, icu::BreakIterator* bi, Segmentation* out) {
  UErrorCode st = U_ZERO_ERROR;
  bi->setText(ut, st);
  if (U_FAILURE(st)) return;
  CodePointCursor cursor(text);
  int32_t start = bi->first();
  for (int32_t end = bi->next(); end != icu::BreakIterator::DONE; start = end, end = bi->next()) {
    size_t pos = start;
    char32_t first = utf8::Decode(text, &pos);
    if (u_isUWhiteSpace(first)) continue;
    Token t;
    t.byte_begin = start;
    t.byte_end = end;
    t.begin = cursor.At(start);
    t.end = cursor.At(end);
    t.kind = KindOf(bi->getRuleStatus());
    out->tokens.push_back(t);
  }
}

bool HasNewline(std::string_view text, size_t from, size_t to) {
  return text.substr(from, to - from).find('\n') != std::string_view::npos;
}

// Groups tokens into sentences at ICU's boundaries, skipping the boundaries
// that follow an abbreviation.
void SplitSentences(std::string_view text, UText* ut, icu::BreakIterator* bi, Segmentation* out) {
  const auto& tokens = out->tokens;
  if (tokens.empty()) return;
  UErrorCode st = U_ZERO_ERROR;
  bi->setText(ut, st);
  if (U_FAILURE(st)) return;
  size_t ti = 0;  // first token not yet in a sentence
  uint32_t paragraph = 0;
  bi->first();
  for (int32_t b = bi->next(); b != icu::BreakIterator::DONE && ti < tokens.size(); b = bi->next()) {
    size_t te = ti;
    while (te < tokens.size() && tokens[te].byte_begin < static_cast<uint32_t>(b)) ++te;
    if (te == ti) continue;
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

}  // namespace

Segmentation Segment(std::string_view text) {
  Segmentation out;
  if (text.empty() || text.size() > INT32_MAX) return out;
  Iterators& it = ThreadIterators();
  if (!it.word || !it.sentence) return out;
  UErrorCode st = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &st);
  if (U_FAILURE(st)) return out;
  out.tokens.reserve(text.size() / 5 + 1);
  Tokenize(text, ut, it.word.get(), &out);
  SplitSentences(text, ut, it.sentence.get(), &out);
  utext_close(ut);
  return out;
}

}  // namespace warta::nlp
