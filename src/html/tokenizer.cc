// The WHATWG tokenizer, organised for speed on a fully buffered input.
//
// The spec describes a character-at-a-time machine. Because the whole input
// is in memory, each token is instead recognised in one call with a local
// loop: text runs are scanned in bulk for the few bytes that matter in their
// state ('<', '&', CR, NUL), tags/comments/doctypes are parsed from '<' to
// their end (or to EOF, where the spec drops an unfinished tag). The
// sub-states that only change parse errors (the comment "<!--" nesting states,
// for instance) collapse into the states they always lead back to. Decoded
// strings are views into the input until something actually needs decoding
// (a reference, CR, NUL, an upper-case letter); only then are bytes copied.
#include "html/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "base/utf8.h"
#include "html/tag_table.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define WARTA_HTML_AVX2 1
#endif

namespace warta::html {
namespace {

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// Byte classes. A name ends at kTagEnd (tag names) or kAttrNameEnd
// (attribute names); kUpper and kNul bytes inside a name need decoding.
enum : uint8_t {
  kWs = 1,  // tab, LF, FF, CR (becomes LF), space
  kUpper = 2,
  kAlpha = 4,
  kDigit = 8,
  kTagEnd = 16,        // ws / >
  kAttrNameEnd = 32,   // ws / > =
  kUnquotedEnd = 64,   // ws >
  kNul = 128,
};

constexpr std::array<uint8_t, 256> kClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c : {'\t', '\n', '\f', '\r', ' '}) t[c] |= kWs | kTagEnd | kAttrNameEnd | kUnquotedEnd;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] |= kUpper | kAlpha;
  for (int c = 'a'; c <= 'z'; ++c) t[c] |= kAlpha;
  for (int c = '0'; c <= '9'; ++c) t[c] |= kDigit;
  t['/'] |= kTagEnd | kAttrNameEnd;
  t['>'] |= kTagEnd | kAttrNameEnd | kUnquotedEnd;
  t['='] |= kAttrNameEnd;
  t[0] |= kNul;
  return t;
}();

inline uint8_t Class(char c) { return kClass[static_cast<unsigned char>(c)]; }
inline bool IsWs(char c) { return Class(c) & kWs; }
inline bool IsAlpha(char c) { return Class(c) & kAlpha; }
inline bool IsAlnum(char c) { return Class(c) & (kAlpha | kDigit); }
inline char Lower(char c) { return (Class(c) & kUpper) ? static_cast<char>(c + 32) : c; }

// The first position in [p, end) holding one of Cs, or end. Bytes up to
// `readable` may be loaded, which lets a short range (a typical attribute
// value) be checked with one vector compare instead of a byte loop.
template <char... Cs>
size_t FindAny(const char* s, size_t p, size_t end, size_t readable) {
#if defined(__SSE2__)
  auto hits = [s](size_t at) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at));
    __m128i hit = _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)))), ...);
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  for (; p + 16 <= end; p += 16) {
    if (unsigned mask = hits(p)) return p + __builtin_ctz(mask);
  }
  if (p < end && p + 16 <= readable) {
    unsigned mask = hits(p) & ((1u << (end - p)) - 1);
    return mask ? p + __builtin_ctz(mask) : end;
  }
#endif
  for (; p < end; ++p) {
    if (((s[p] == Cs) || ...)) return p;
  }
  return end;
}

template <char... Cs>
size_t FindAny(const char* s, size_t p, size_t end) {
  return FindAny<Cs...>(s, p, end, end);
}

#if defined(WARTA_HTML_AVX2)
// Script and style bodies are most of a page's bytes and long runs between
// stops; where the CPU has AVX2 they are sifted 64 bytes per step. Returns
// the start of the first 64-byte block holding a stop, or a position less
// than 64 bytes before end: FindAny goes on from there.
const bool kHaveAvx2 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}();

template <char... Cs>
__attribute__((target("avx2"))) size_t SkipNoneOfAvx2(const char* s, size_t p, size_t end) {
  for (; p + 64 <= end; p += 64) {
    __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + p));
    __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + p + 32));
    __m256i hit = _mm256_setzero_si256();
    ((hit = _mm256_or_si256(hit, _mm256_or_si256(_mm256_cmpeq_epi8(a, _mm256_set1_epi8(Cs)),
                                                 _mm256_cmpeq_epi8(b, _mm256_set1_epi8(Cs))))),
     ...);
    if (_mm256_movemask_epi8(hit) != 0) return p;
  }
  return p;
}

// FindAny 32 bytes per step; the last few bytes are left to FindAny.
template <char... Cs>
__attribute__((target("avx2"))) size_t FindAnyAvx2(const char* s, size_t p, size_t end) {
  for (; p + 32 <= end; p += 32) {
    __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + p));
    __m256i hit = _mm256_setzero_si256();
    ((hit = _mm256_or_si256(hit, _mm256_cmpeq_epi8(v, _mm256_set1_epi8(Cs)))), ...);
    if (unsigned mask = static_cast<unsigned>(_mm256_movemask_epi8(hit))) return p + __builtin_ctz(mask);
  }
  return FindAny<Cs...>(s, p, end);
}
#endif

// FindAny for runs that mostly end within 16 bytes (text between tags): the
// first 16 bytes are checked inline, without a call.
template <char... Cs>
size_t FindAnyShort(const char* s, size_t p, size_t end) {
#if defined(__SSE2__)
  if (p + 16 <= end) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
    __m128i hit = _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)))), ...);
    if (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit))) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  return FindAny<Cs...>(s, p, end);
}

// FindAny for long runs (script, style, RAWTEXT/RCDATA bodies).
template <char... Cs>
size_t FindAnyLong(const char* s, size_t p, size_t end) {
#if defined(WARTA_HTML_AVX2)
  if (kHaveAvx2 && end - p >= 64) p = SkipNoneOfAvx2<Cs...>(s, p, end);
#endif
  return FindAny<Cs...>(s, p, end);
}

// FindAny for runs of a few dozen bytes (attribute values).
template <char... Cs>
size_t FindAnyWide(const char* s, size_t p, size_t end) {
#if defined(WARTA_HTML_AVX2)
  if (kHaveAvx2) return FindAnyAvx2<Cs...>(s, p, end);
#endif
  return FindAny<Cs...>(s, p, end);
}

// The end of an attribute name from p: the first byte of kAttrNameEnd,
// kUpper or kNul, or n. Names hardly ever hold an upper-case letter or NUL,
// so sixteen bytes at a time are sifted, with two unsigned ranges, for the
// bytes that may end them: up to '/' (white space, NUL, '/') and '=' to 'Z'
// ('=', '>', A-Z). Only those are looked up in the table ('-', '.' go on).
size_t SpanAttributeName(const char* s, size_t p, size_t n) {
  constexpr uint8_t kStop = kAttrNameEnd | kUpper | kNul;
#if defined(__SSE2__)
  for (; p + 16 <= n; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + p));
    __m128i hit = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8('/')), v);
    __m128i up = _mm_sub_epi8(v, _mm_set1_epi8('='));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_min_epu8(up, _mm_set1_epi8('Z' - '=')), up));
    for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask != 0; mask &= mask - 1) {
      size_t q = p + __builtin_ctz(mask);
      if (Class(s[q]) & kStop) return q;
    }
  }
#endif
  while (p < n && !(Class(s[p]) & kStop)) ++p;
  return p;
}

// True when s[p..] starts with `word`, ASCII case-insensitively (word is lowercase).
bool StartsWithNoCase(std::string_view s, size_t p, std::string_view word) {
  if (s.size() - p < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (Lower(s[p + i]) != word[i]) return false;
  }
  return true;
}

struct Entity {
  std::string_view name, value;
};
constexpr Entity kEntities[] = {
#define WARTA_ENTITY_ROW(name, value) {name, value},
#include "html/entities.inc"
    WARTA_ENTITY_LIST(WARTA_ENTITY_ROW)
#undef WARTA_ENTITY_ROW
};
constexpr size_t kMaxEntityName = 32;

// The longest entity name that is a prefix of s; nullptr when none.
const Entity* LongestEntity(std::string_view s) {
  const Entity* lo = std::begin(kEntities);
  const Entity* hi = std::end(kEntities);
  const Entity* best = nullptr;
  // Invariant: [lo, hi) holds the names starting with s[0, k); sorted order
  // puts the one of length exactly k (if any) first.
  for (size_t k = 0; k < s.size() && k < kMaxEntityName; ++k) {
    char c = s[k];
    if (lo < hi && lo->name.size() == k) ++lo;
    lo = std::lower_bound(lo, hi, c, [k](const Entity& e, char ch) { return e.name[k] < ch; });
    hi = std::upper_bound(lo, hi, c, [k](char ch, const Entity& e) { return ch < e.name[k]; });
    if (lo == hi) break;
    if (lo->name.size() == k + 1) best = lo;
  }
  return best;
}

// Windows-1252 meanings of numeric references 0x80-0x9F (0 = keep as is).
constexpr char32_t kC1Replacements[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

}  // namespace

// Builds a run of decoded characters: a view into the input until the first
// byte that needs replacing, then a copy in `buf` (appended after whatever
// `buf` already holds, so several runs may share one buffer).
class TextDecoder {
 public:
  TextDecoder(std::string_view in, size_t begin, std::string* buf)
      : in_(in), begin_(begin), copy_from_(begin), buf_(buf), buf_begin_(buf->size()) {}

  // Input [at, resume) reads as `with`.
  void Replace(size_t at, size_t resume, std::string_view with) {
    buf_->append(in_.data() + copy_from_, at - copy_from_);
    buf_->append(with);
    copy_from_ = resume;
    decoded_ = true;
  }
  // CR and CRLF read as LF.
  void Cr(size_t at) {
    bool crlf = at + 1 < in_.size() && in_[at + 1] == '\n';
    Replace(at, at + 1, crlf ? std::string_view() : std::string_view("\n"));
  }
  void Nul(size_t at) { Replace(at, at + 1, kReplacementUtf8); }

  bool decoded() const { return decoded_; }
  // The run [begin, end) decoded; a view into the input or into `buf`.
  std::string_view Finish(size_t end) {
    if (!decoded_) return std::string_view(in_.data() + begin_, end - begin_);
    buf_->append(in_.data() + copy_from_, end - copy_from_);
    return std::string_view(*buf_).substr(buf_begin_);
  }
  size_t buf_begin() const { return buf_begin_; }

 private:
  std::string_view in_;
  size_t begin_, copy_from_;
  std::string* buf_;
  size_t buf_begin_;
  bool decoded_ = false;
};

Tokenizer::Tokenizer(std::string_view input) : input_(input) {}

void Tokenizer::SetState(TokenizerState state) { state_ = state; }

void Tokenizer::SetLastStartTag(std::string_view name) {
  last_start_tag_copy_.assign(name);
  last_start_tag_ = last_start_tag_copy_;
}

void Tokenizer::Next(Token* token) {
  // No reset of the whole Token: each kind of token sets the fields it has
  // (a block fill of the struct is measurable at ten million tokens a second).
  // Most tokens are tags in the data state: '<' and a letter, or "</" and a
  // letter. They go straight to TagToken (which fails only at EOF).
  const char* s = input_.data();
  size_t n = input_.size(), p = pos_;
  if (state_ == TokenizerState::kData) {
    if (p + 2 < n && s[p] == '<' && (IsAlpha(s[p + 1]) || (s[p + 1] == '/' && IsAlpha(s[p + 2]))) &&
        TagToken(p, token)) {
      return;
    }
    // Anything else in the data state (text, comments, doctypes) goes
    // straight to DataState too, skipping NextInState's loop.
    if (pos_ < n && DataState(token)) return;
  }
  NextInState(token);
}

void Tokenizer::NextInState(Token* token) {
  while (pos_ < input_.size()) {
    bool emitted = false;
    switch (state_) {
      case TokenizerState::kData: emitted = DataState(token); break;
      case TokenizerState::kRcdata: emitted = RawTextState(token, true); break;
      case TokenizerState::kRawtext: emitted = RawTextState(token, false); break;
      case TokenizerState::kScriptData: emitted = ScriptDataState(token); break;
      case TokenizerState::kPlaintext: emitted = PlaintextState(token); break;
      case TokenizerState::kCdataSection: emitted = CdataSectionState(token); break;
    }
    if (emitted) return;
  }
  token->type = TokenType::kEof;
  token->data = {};
  token->begin = token->end = static_cast<uint32_t>(input_.size());
}

void Tokenizer::EmitText(Token* token, size_t begin, size_t end, std::string_view data, bool in_source, bool nul) {
  token->type = TokenType::kCharacters;
  token->data = data;
  token->in_source = in_source;
  token->nul = nul;
  token->begin = static_cast<uint32_t>(begin);
  token->end = static_cast<uint32_t>(end);
  pos_ = end;
}

std::string_view Tokenizer::DecodeRange(size_t begin, size_t end, bool nul_to_replacement) {
  text_buf_.clear();
  TextDecoder run(input_, begin, &text_buf_);
  const char* s = input_.data();
  for (size_t p = begin;; ++p) {
    p = nul_to_replacement ? FindAny<'\r', '\0'>(s, p, end, input_.size())
                           : FindAny<'\r'>(s, p, end, input_.size());
    if (p >= end) break;
    if (s[p] == '\r') {
      run.Cr(p);
    } else {
      run.Nul(p);
    }
  }
  return run.Finish(end);
}

// ---------------------------------------------------------------------------
// Text states.

// '<' at lt begins a tag, comment, doctype or bogus comment (or the dropped
// "</>"), as opposed to being a literal '<'.
inline bool Tokenizer::StartsMarkup(size_t lt) const {
  size_t n = input_.size();
  if (lt + 1 >= n) return false;
  char c = input_[lt + 1];
  if (IsAlpha(c) || c == '!' || c == '?') return true;
  return c == '/' && lt + 2 < n;
}

bool Tokenizer::DataState(Token* token) {
  if (input_[pos_] == '<' && StartsMarkup(pos_)) return Markup(pos_, token);
  const char* s = input_.data();
  size_t n = input_.size();
  size_t begin = pos_;
  size_t p = FindAnyShort<'<', '&', '\r', '\0'>(s, begin, n);
  // Most runs hold nothing to decode and end at markup: a view of the
  // input, without setting up a decoder.
  if (p >= n || (s[p] == '<' && p > begin && StartsMarkup(p))) {
    EmitText(token, begin, p, std::string_view(s + begin, p - begin), true, false);
    return true;
  }
  text_buf_.clear();
  TextDecoder run(input_, begin, &text_buf_);
  bool nul = false;
  while (true) {
    p = FindAny<'<', '&', '\r', '\0'>(s, p, n);
    if (p >= n) break;
    char c = s[p];
    if (c == '<') {
      if (p > begin && StartsMarkup(p)) break;
      ++p;
    } else if (c == '&') {
      p = DecodeCharRef(p, false, &run);
    } else if (c == '\r') {
      run.Cr(p);
      ++p;
    } else {  // NUL stays in the data state; the tree builder drops or replaces it
      nul = true;
      ++p;
    }
  }
  EmitText(token, begin, p, run.Finish(p), !run.decoded(), nul);
  return true;
}

bool Tokenizer::IsAppropriateEndTag(size_t lt) const {
  size_t n = input_.size(), len = last_start_tag_.size();
  if (len == 0 || lt + 2 + len >= n || input_[lt + 1] != '/') return false;
  for (size_t i = 0; i < len; ++i) {
    if (Lower(input_[lt + 2 + i]) != last_start_tag_[i] || !IsAlpha(input_[lt + 2 + i])) return false;
  }
  char after = input_[lt + 2 + len];
  return IsWs(after) || after == '/' || after == '>';
}

// RCDATA (title, textarea: references decoded) and RAWTEXT (style, xmp...).
bool Tokenizer::RawTextState(Token* token, bool decode_references) {
  if (IsAppropriateEndTag(pos_)) {
    state_ = TokenizerState::kData;
    return TagToken(pos_, token);
  }
  const char* s = input_.data();
  size_t n = input_.size();
  size_t begin = pos_, p = pos_;
  text_buf_.clear();
  TextDecoder run(input_, begin, &text_buf_);
  while (true) {
    p = decode_references ? FindAnyLong<'<', '&', '\r', '\0'>(s, p, n) : FindAnyLong<'<', '\r', '\0'>(s, p, n);
    if (p >= n) break;
    char c = s[p];
    if (c == '<') {
      if (IsAppropriateEndTag(p)) break;
      ++p;
    } else if (c == '&') {
      p = DecodeCharRef(p, false, &run);
    } else if (c == '\r') {
      run.Cr(p++);
    } else {
      run.Nul(p++);
    }
  }
  EmitText(token, begin, p, run.Finish(p), !run.decoded(), false);
  return true;
}

bool Tokenizer::PlaintextState(Token* token) {
  size_t begin = pos_, end = input_.size();
  std::string_view data = DecodeRange(begin, end, true);
  EmitText(token, begin, end, data, data.data() == input_.data() + begin, false);
  return true;
}

bool Tokenizer::CdataSectionState(Token* token) {
  size_t begin = pos_;
  size_t close = input_.find("]]>", begin);
  size_t end = close == std::string_view::npos ? input_.size() : close;
  state_ = TokenizerState::kData;
  if (end == begin) {
    pos_ = end + 3;
    return false;
  }
  std::string_view data = DecodeRange(begin, end, false);
  EmitText(token, begin, end, data, data.data() == input_.data() + begin, true);
  if (close != std::string_view::npos) pos_ = close + 3;
  return true;
}

// At p: an ASCII word; consumes it and returns true when it is "script"
// (any case) followed by whitespace, '/' or '>' (left unconsumed: in every
// state it leads to, those bytes are plain text).
bool Tokenizer::MatchScriptWord(size_t* p) const {
  constexpr std::string_view kScript = "script";
  size_t b = *p, q = *p, n = input_.size();
  while (q < n && IsAlpha(input_[q])) ++q;
  *p = q;
  if (q - b != kScript.size() || q >= n) return false;
  char after = input_[q];
  return StartsWithNoCase(input_, b, kScript) && (IsWs(after) || after == '/' || after == '>');
}

// Script data and its escaped / double-escaped sub-states. Everything but the
// appropriate end tag is text, so the sub-states only steer where an end tag
// may be recognised; they live in this one call because a script's text is
// one run that ends only at that end tag or EOF.
bool Tokenizer::ScriptDataState(Token* token) {
  if (IsAppropriateEndTag(pos_)) {
    state_ = TokenizerState::kData;
    return TagToken(pos_, token);
  }
  enum Sub : uint8_t { kScript, kEscapeStart, kEscapeStartDash, kEscaped, kEscapedDash, kEscapedDashDash,
                       kDouble, kDoubleDash, kDoubleDashDash };
  const char* s = input_.data();
  size_t n = input_.size();
  size_t begin = pos_, p = pos_;
  text_buf_.clear();
  TextDecoder run(input_, begin, &text_buf_);
  Sub sub = kScript;
  while (p < n) {
    if (sub == kScript) {
      p = FindAnyLong<'<', '\r', '\0'>(s, p, n);
    } else if (sub == kEscaped || sub == kDouble) {
      p = FindAny<'-', '<', '\r', '\0'>(s, p, n);
    }
    if (p >= n) break;
    char c = s[p];
    if (c == '\r' || c == '\0') {
      // Plain text in every sub-state ("anything else").
      if (c == '\r') {
        run.Cr(p);
      } else {
        run.Nul(p);
      }
      ++p;
      if (sub == kEscapeStart || sub == kEscapeStartDash) sub = kScript;
      if (sub == kEscapedDash || sub == kEscapedDashDash) sub = kEscaped;
      if (sub == kDoubleDash || sub == kDoubleDashDash) sub = kDouble;
      continue;
    }
    switch (sub) {
      case kScript:  // c == '<'
        if (IsAppropriateEndTag(p)) goto done;
        if (p + 1 < n && s[p + 1] == '!') {
          p += 2;
          sub = kEscapeStart;
        } else {
          ++p;
        }
        break;
      case kEscapeStart:
      case kEscapeStartDash:
        if (c == '-') {
          ++p;
          sub = sub == kEscapeStart ? kEscapeStartDash : kEscapedDashDash;
        } else {
          sub = kScript;  // reconsume
        }
        break;
      case kEscaped:
      case kEscapedDash:
      case kEscapedDashDash:
        if (c == '-') {
          ++p;
          sub = sub == kEscaped ? kEscapedDash : kEscapedDashDash;
        } else if (c == '<') {
          if (IsAppropriateEndTag(p)) goto done;
          ++p;
          sub = (p < n && IsAlpha(s[p]) && MatchScriptWord(&p)) ? kDouble : kEscaped;
        } else {
          ++p;
          sub = (c == '>' && sub == kEscapedDashDash) ? kScript : kEscaped;
        }
        break;
      case kDouble:
      case kDoubleDash:
      case kDoubleDashDash:
        if (c == '-') {
          ++p;
          sub = sub == kDouble ? kDoubleDash : kDoubleDashDash;
        } else if (c == '<') {
          ++p;
          sub = kDouble;
          if (p < n && s[p] == '/') {
            ++p;
            if (MatchScriptWord(&p)) sub = kEscaped;
          }
        } else {
          ++p;
          sub = (c == '>' && sub == kDoubleDashDash) ? kScript : kDouble;
        }
        break;
    }
  }
done:
  EmitText(token, begin, p, run.Finish(p), !run.decoded(), false);
  return true;
}

// ---------------------------------------------------------------------------
// Character references.

Tokenizer::CharRef Tokenizer::MatchCharRef(size_t amp, bool in_attribute) {
  const char* s = input_.data();
  size_t n = input_.size();
  size_t p = amp + 1;
  if (p >= n) return {amp, {}};
  if (s[p] == '#') {
    size_t q = p + 1;
    bool hex = q < n && (s[q] | 0x20) == 'x';
    if (hex) ++q;
    size_t digits = q;
    char32_t cp = 0;
    for (; q < n; ++q) {
      char c = s[q];
      uint32_t d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        d = (c | 0x20) - 'a' + 10;
      } else {
        break;
      }
      cp = std::min<char32_t>(cp * (hex ? 16 : 10) + d, 0x110000);  // saturate: out of range anyway
    }
    if (q == digits) return {amp, {}};  // "&#" or "&#x" without digits is literal
    if (q < n && s[q] == ';') ++q;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      cp = utf8::kReplacement;
    } else if (cp >= 0x80 && cp <= 0x9F && kC1Replacements[cp - 0x80] != 0) {
      cp = kC1Replacements[cp - 0x80];
    }
    ref_buf_.clear();
    utf8::Append(cp, &ref_buf_);
    return {q, ref_buf_};
  }
  if (!IsAlnum(s[p])) return {amp, {}};
  const Entity* e = LongestEntity(input_.substr(p, std::min(n - p, kMaxEntityName)));
  if (e == nullptr) return {amp, {}};
  size_t end = p + e->name.size();
  // Legacy names without ';' inside attribute values stay literal when
  // followed by '=' or an alphanumeric ("?a=1&copy=2" is a URL, not ©).
  if (in_attribute && e->name.back() != ';' && end < n && (s[end] == '=' || IsAlnum(s[end]))) {
    return {amp, {}};
  }
  return {end, e->value};
}

// Decodes the reference at `amp` into `run`; returns where scanning resumes.
size_t Tokenizer::DecodeCharRef(size_t amp, bool in_attribute, TextDecoder* run) {
  CharRef ref = MatchCharRef(amp, in_attribute);
  if (ref.end == amp) return amp + 1;  // a literal '&'
  run->Replace(amp, ref.end, ref.value);
  return ref.end;
}

// ---------------------------------------------------------------------------
// Markup: tags, comments, doctypes.

bool Tokenizer::Markup(size_t lt, Token* token) {
  const char* s = input_.data();
  char c = s[lt + 1];
  if (IsAlpha(c)) return TagToken(lt, token);
  if (c == '/') {
    if (IsAlpha(s[lt + 2])) return TagToken(lt, token);
    if (s[lt + 2] == '>') {  // "</>" is dropped
      pos_ = lt + 3;
      return false;
    }
    return BogusCommentToken(lt, lt + 2, token);
  }
  if (c == '?') return BogusCommentToken(lt, lt + 1, token);
  // c == '!': markup declaration open.
  size_t p = lt + 2;
  if (input_.compare(p, 2, "--") == 0) return CommentToken(lt, p + 2, token);
  if (StartsWithNoCase(input_, p, "doctype")) return DoctypeToken(lt, p + 7, token);
  if (allow_cdata_ && input_.compare(p, 7, "[CDATA[") == 0) {
    state_ = TokenizerState::kCdataSection;
    pos_ = p + 7;
    return false;
  }
  return BogusCommentToken(lt, p, token);
}

// Makes room for `bytes` more in attr_buf_, so that decoding the next name
// or value cannot move it; if it has to move now, re-points the views of the
// attributes already decoded into it (those whose bytes lie in the old
// buffer: a view into the input never does).
void Tokenizer::ReserveAttributeBuffer(size_t bytes) {
  size_t need = attr_buf_.size() + bytes;
  if (need <= attr_buf_.capacity()) return;
  const char* old_begin = attr_buf_.data();
  const char* old_end = old_begin + attr_buf_.size();
  attr_buf_.reserve(std::max(need, 2 * attr_buf_.capacity()));
  auto repoint = [&](std::string_view* v) {
    if (v->data() >= old_begin && v->data() < old_end) {
      *v = std::string_view(attr_buf_.data() + (v->data() - old_begin), v->size());
    }
  };
  for (TokenAttribute& a : attrs_) {
    repoint(&a.name);
    repoint(&a.value);
  }
}

// A tag name (attribute: false) or attribute name from *p up to a byte of
// `end_mask`, lowercased (NUL -> U+FFFD) into name_buf_ / attr_buf_. The
// caller's fast path already took the names that need neither.
std::string_view Tokenizer::LowerName(size_t* p, uint8_t end_mask, bool attribute) {
  const char* s = input_.data();
  size_t n = input_.size();
  size_t begin = *p, end = *p;
  if (end < n && s[end] == '=') ++end;  // only reachable as an attribute name's first byte
  while (end < n && !(Class(s[end]) & end_mask)) ++end;
  std::string* buf = &name_buf_;
  if (attribute) {
    ReserveAttributeBuffer(3 * (end - begin));  // NUL grows to three bytes
    buf = &attr_buf_;
  } else {
    name_buf_.clear();
  }
  size_t offset = buf->size();
  for (size_t q = begin; q < end; ++q) {
    char c = s[q];
    if (c == '\0') {
      buf->append(kReplacementUtf8);
    } else {
      buf->push_back(Lower(c));
    }
  }
  *p = end;
  return std::string_view(*buf).substr(offset);
}

// An attribute value starting at *p (at the quote, or the first byte of an
// unquoted value). Returns false when the input ends inside it. A value is
// found whole first (references cannot contain its terminator), then
// decoded only if it holds '&', CR or NUL.
bool Tokenizer::ReadAttributeValue(size_t* p, std::string_view* value) {
  const char* s = input_.data();
  size_t n = input_.size();
  char quote = s[*p];
  size_t begin, end, q;
  if (quote == '"' || quote == '\'') {
    // One scan finds the closing quote when nothing needs decoding (the
    // common case); only otherwise is the closing quote looked for apart.
    begin = *p + 1;
    q = quote == '"' ? FindAny<'"', '&', '\r', '\0'>(s, begin, n) : FindAny<'\'', '&', '\r', '\0'>(s, begin, n);
    if (q >= n) return false;
    end = s[q] == quote ? q : quote == '"' ? FindAny<'"'>(s, q, n) : FindAny<'\''>(s, q, n);
    if (end >= n) return false;
    *p = end + 1;
  } else {
    begin = end = *p;
    while (end < n && !(Class(s[end]) & kUnquotedEnd)) ++end;
    if (end >= n) return false;
    *p = end;
    q = FindAny<'&', '\0'>(s, begin, end, n);
  }
  if (q >= end) {
    *value = input_.substr(begin, end - begin);
    return true;
  }
  ReserveAttributeBuffer(3 * (end - begin));  // NUL grows to three bytes, references never more
  TextDecoder run(input_, begin, &attr_buf_);
  for (; q < end; q = FindAny<'&', '\r', '\0'>(s, q, end, n)) {
    char c = s[q];
    if (c == '&') {
      q = DecodeCharRef(q, true, &run);
    } else if (c == '\r') {
      run.Cr(q++);
    } else {
      run.Nul(q++);
    }
  }
  *value = run.Finish(end);
  return true;
}

namespace {
uint32_t HashName(std::string_view s) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}
constexpr size_t kLinearAttributeLimit = 8;

// A bit for a name's length and first byte: two names with different bits
// differ, so most new names skip the comparisons.
inline uint64_t NameBit(std::string_view name) {
  return uint64_t{1} << ((name.size() * 5 + static_cast<unsigned char>(name[0])) & 63);
}
}  // namespace

void Tokenizer::RebuildAttributeIndex(size_t capacity) {
  size_t size = 64;
  while (size < 4 * capacity) size *= 2;
  attr_index_.assign(size, 0);
  for (size_t i = 0; i < attrs_.size(); ++i) {
    size_t slot = HashName(attrs_[i].name) & (size - 1);
    while (attr_index_[slot] != 0) slot = (slot + 1) & (size - 1);
    attr_index_[slot] = static_cast<uint32_t>(i + 1);
  }
}

// Whether an attribute of this (non-empty) name is already on the tag (the
// spec keeps the first). Few attributes: a linear scan (behind TagToken's
// one-word filter). Many: a hash set, so that a tag with 100k attributes
// stays linear.
// A new name is recorded as attrs_.size(), where the caller appends it.
bool Tokenizer::IsDuplicateAttribute(std::string_view name) {
  size_t count = attrs_.size();
  if (count < kLinearAttributeLimit) {
    for (const TokenAttribute& a : attrs_) {
      if (a.name == name) return true;
    }
    return false;
  }
  if (count == kLinearAttributeLimit || attr_index_.size() < 2 * (count + 1)) RebuildAttributeIndex(count + 1);
  size_t mask = attr_index_.size() - 1;
  size_t slot = HashName(name) & mask;
  while (uint32_t id = attr_index_[slot]) {
    if (attrs_[id - 1].name == name) return true;
    slot = (slot + 1) & mask;
  }
  attr_index_[slot] = static_cast<uint32_t>(count + 1);
  return false;
}

// A start or end tag from '<' at lt. Returns false (and drops the tag, as the
// spec does) when the input ends inside it. Names in lower case and quoted
// values without references, CR or NUL (nearly all of them) are taken here
// as views of the input; the rest go through LowerName / ReadAttributeValue.
bool Tokenizer::TagToken(size_t lt, Token* token) {
  const char* s = input_.data();
  size_t n = input_.size();
  bool end_tag = s[lt + 1] == '/';
  size_t p = lt + (end_tag ? 2 : 1);
  attrs_.clear();
  attr_buf_.clear();
  attr_filter_ = 0;
  // Tag names are short (three bytes on average): a byte loop beats
  // SpanAttributeName's vector setup here; attribute names, twice as long, do not.
  size_t q = p;
  while (q < n && !(Class(s[q]) & (kTagEnd | kUpper | kNul))) ++q;
  // The name's fields are filled now, not at the '>', so that the name is
  // not held (in registers or on the stack) across the attribute loop. A tag
  // the input ends inside leaves them set; the EOF token that follows resets
  // the type and offsets.
  token->type = end_tag ? TokenType::kEndTag : TokenType::kStartTag;
  token->begin = static_cast<uint32_t>(lt);
  if (q >= n || (Class(s[q]) & kTagEnd)) {
    token->name = std::string_view(s + p, q - p);
    token->tag = s + p + 8 <= s + n ? tag_table::LookupReadable(s + p, q - p) : tag_table::Lookup(token->name);
    p = q;
  } else {
    size_t at = p;  // p's address is never taken: it stays in a register
    token->name = LowerName(&at, kTagEnd, false);
    token->tag = tag_table::Lookup(token->name);
    p = at;
  }
  bool self_closing = false;
  while (true) {
    while (p < n && IsWs(s[p])) ++p;
    if (p >= n) break;
    char c = s[p];
    if (c == '>') {
      ++p;
      token->self_closing = self_closing;
      token->attrs = attrs_.data();
      token->attr_count = static_cast<uint32_t>(attrs_.size());
      token->attrs_in_source = attr_buf_.empty();
      token->end = static_cast<uint32_t>(p);
      pos_ = p;
      if (token->type == TokenType::kStartTag) {
        // A name read straight from the input stays valid; only a decoded
        // one (in name_buf_, reused by the next tag) needs a copy.
        last_start_tag_ = token->name;
        if (token->name.data() == name_buf_.data()) SetLastStartTag(token->name);
      }
      return true;
    }
    if (c == '/') {  // self-closing start tag state
      ++p;
      self_closing = p < n && s[p] == '>';
      continue;
    }
    self_closing = false;
    size_t mark = attr_buf_.size();
    std::string_view attr_name;
    q = SpanAttributeName(s, p + (c == '='), n);  // a leading '=' is part of the name
    if (q >= n || (Class(s[q]) & kAttrNameEnd)) {
      attr_name = std::string_view(s + p, q - p);
      p = q;
    } else {
      size_t at = p;
      attr_name = LowerName(&at, kAttrNameEnd, true);
      p = at;
    }
    // A duplicate's value is still parsed (it may hold the '>'), then dropped.
    // Most names pass the one-word filter: no call, no comparison.
    bool keep;
    uint64_t bit = NameBit(attr_name);
    if (attrs_.size() < kLinearAttributeLimit && !(attr_filter_ & bit)) {
      attr_filter_ |= bit;
      keep = true;
    } else {
      keep = !IsDuplicateAttribute(attr_name);
    }
    if (keep) attrs_.push_back({attr_name, {}});
    while (p < n && IsWs(s[p])) ++p;
    if (p < n && s[p] == '=') {
      ++p;
      while (p < n && IsWs(s[p])) ++p;
      if (p >= n) break;
      char quote = s[p];
      if (quote != '>') {
        size_t close = quote == '"'    ? FindAnyWide<'"', '&', '\r', '\0'>(s, p + 1, n)
                       : quote == '\'' ? FindAnyWide<'\'', '&', '\r', '\0'>(s, p + 1, n)
                                       : n;
        if (close < n && s[close] == quote) {
          // Stored straight from registers: a view built on the stack and
          // copied as one 16-byte load after two 8-byte stores stalled on
          // store forwarding (13 % of this function's time).
          if (keep) attrs_.back().value = std::string_view(s + p + 1, close - p - 1);
          p = close + 1;
        } else {
          std::string_view value;
          size_t at = p;
          if (!ReadAttributeValue(&at, &value)) break;
          p = at;
          if (keep) attrs_.back().value = value;
        }
      }
    }
    if (!keep) attr_buf_.resize(mark);
  }
  pos_ = n;
  return false;
}

// A comment whose data starts at data_begin (after "<!--"). The comment
// states only ever append the input bytes they pass over, so the data is the
// input up to the first "-->" or "--!>", minus the dashes (and '!') that the
// spec drops when the input ends inside the closing sequence.
bool Tokenizer::CommentToken(size_t lt, size_t data_begin, Token* token) {
  size_t n = input_.size();
  size_t data_end, end;
  if (input_.compare(data_begin, 1, ">") == 0) {  // "<!-->"
    data_end = data_begin;
    end = data_begin + 1;
  } else if (input_.compare(data_begin, 2, "->") == 0) {  // "<!--->"
    data_end = data_begin;
    end = data_begin + 2;
  } else {
    data_end = n;
    end = n;
    for (size_t p = data_begin; (p = input_.find("--", p)) != std::string_view::npos; ++p) {
      if (p + 2 < n && input_[p + 2] == '>') {
        data_end = p;
        end = p + 3;
        break;
      }
      if (p + 3 < n && input_[p + 2] == '!' && input_[p + 3] == '>') {
        data_end = p;
        end = p + 4;
        break;
      }
    }
    if (end == n && data_end == n) {  // EOF inside the comment
      std::string_view tail = input_.substr(data_begin);
      if (tail.ends_with("--!")) {
        data_end -= 3;
      } else if (tail.ends_with("--")) {
        data_end -= 2;
      } else if (tail.ends_with("-")) {
        data_end -= 1;
      }
    }
  }
  token->type = TokenType::kComment;
  token->data = DecodeRange(data_begin, data_end, true);
  token->in_source = false;
  token->begin = static_cast<uint32_t>(lt);
  token->end = static_cast<uint32_t>(end);
  pos_ = end;
  return true;
}

bool Tokenizer::BogusCommentToken(size_t lt, size_t data_begin, Token* token) {
  size_t close = input_.find('>', data_begin);
  size_t data_end = close == std::string_view::npos ? input_.size() : close;
  token->type = TokenType::kComment;
  token->data = DecodeRange(data_begin, data_end, true);
  token->in_source = false;
  token->begin = static_cast<uint32_t>(lt);
  token->end = static_cast<uint32_t>(close == std::string_view::npos ? data_end : close + 1);
  pos_ = token->end;
  return true;
}

// A doctype from just after "<!DOCTYPE". Rare, so a plain walk through the
// spec's states, folded where two states behave alike.
bool Tokenizer::DoctypeToken(size_t lt, size_t p, Token* token) {
  const char* s = input_.data();
  size_t n = input_.size();
  doctype_name_.clear();
  doctype_public_.clear();
  doctype_system_.clear();
  token->type = TokenType::kDoctype;
  token->has_name = token->has_public_id = token->has_system_id = false;
  bool quirks = true;  // every early exit below forces quirks unless it says otherwise
  auto skip_ws = [&] {
    while (p < n && IsWs(s[p])) ++p;
  };
  // Reads a quoted identifier at p; false when it ended abruptly ('>' or EOF).
  auto read_id = [&](std::string* out) {
    char quote = s[p++];
    for (; p < n; ++p) {
      char c = s[p];
      if (c == quote) {
        ++p;
        return true;
      }
      if (c == '>') {
        ++p;
        return false;
      }
      if (c == '\0') {
        out->append(kReplacementUtf8);
      } else if (c == '\r') {
        out->push_back('\n');
        if (p + 1 < n && s[p + 1] == '\n') ++p;
      } else {
        out->push_back(c);
      }
    }
    return false;
  };
  auto bogus = [&] {
    size_t close = input_.find('>', p);
    p = close == std::string_view::npos ? n : close + 1;
  };
  do {
    skip_ws();  // doctype state and before doctype name state
    if (p >= n) break;
    if (s[p] == '>') {
      ++p;
      break;
    }
    token->has_name = true;
    for (; p < n && !IsWs(s[p]) && s[p] != '>'; ++p) {
      if (s[p] == '\0') {
        doctype_name_.append(kReplacementUtf8);
      } else {
        doctype_name_.push_back(Lower(s[p]));
      }
    }
    skip_ws();  // after doctype name state
    if (p >= n) break;
    if (s[p] == '>') {
      ++p;
      quirks = false;
      break;
    }
    bool is_public = StartsWithNoCase(input_, p, "public");
    if (!is_public && !StartsWithNoCase(input_, p, "system")) {
      bogus();
      break;
    }
    p += 6;
    skip_ws();  // after the keyword and before the identifier
    if (p >= n) break;
    if (s[p] == '>') {
      ++p;
      break;
    }
    if (s[p] != '"' && s[p] != '\'') {
      bogus();
      break;
    }
    if (is_public) {
      token->has_public_id = true;
      if (!read_id(&doctype_public_)) break;
      skip_ws();  // after the public identifier and between the identifiers
      if (p >= n) break;
      if (s[p] == '>') {
        ++p;
        quirks = false;
        break;
      }
      if (s[p] != '"' && s[p] != '\'') {
        bogus();
        break;
      }
    }
    token->has_system_id = true;
    if (!read_id(&doctype_system_)) break;
    skip_ws();  // after the system identifier
    if (p >= n) break;
    quirks = false;  // from here on, junk is ignored without forcing quirks
    if (s[p] != '>') {
      bogus();
      break;
    }
    ++p;
  } while (false);
  token->name = doctype_name_;
  token->public_id = doctype_public_;
  token->system_id = doctype_system_;
  token->force_quirks = quirks;
  token->begin = static_cast<uint32_t>(lt);
  token->end = static_cast<uint32_t>(p);
  pos_ = p;
  return true;
}

}  // namespace warta::html
