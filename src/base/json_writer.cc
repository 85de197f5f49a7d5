#include "base/json_writer.h"

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/utf8.h"

namespace warta {

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

void JsonWriter::Key(std::string_view key) {
  Separate();
  AppendEscaped(key, out_);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  Separate();
  AppendEscaped(value, out_);
}

void JsonWriter::Int(int64_t value) {
  Separate();
  out_->append(std::to_string(value));
}

void JsonWriter::Bool(bool value) {
  Separate();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  Separate();
  out_->append("null");
}

void JsonWriter::Member(std::string_view key, const std::vector<std::string>& values) {
  Key(key);
  BeginArray();
  for (const std::string& v : values) String(v);
  EndArray();
}

namespace {

// The bytes that go out as they are, in any text: printable ASCII but '"'
// and '\\'. Text is mostly such runs, copied whole.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

// In well-formed UTF-8, every byte from 0x80 too, but for 0xE2, which may
// lead U+2028 or U+2029.
constexpr std::array<bool, 256> kPlainInUtf8 = [] {
  std::array<bool, 256> t = kPlain;
  for (int c = 0x80; c < 0x100; ++c) t[c] = c != 0xE2;
  return t;
}();

// The first byte from `i` on that is not plain, or s.size(). Sixteen bytes
// at a time where SSE2 is there (every x86-64): record text is long runs.
template <bool kWellFormed>
size_t SkipPlain(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i last_control = _mm_set1_epi8(0x1F);
  const __m128i lead_e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= s.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash));
    if constexpr (kWellFormed) {
      __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, last_control), v);  // unsigned v <= 0x1F
      special = _mm_or_si128(special, _mm_or_si128(control, _mm_cmpeq_epi8(v, lead_e2)));
    } else {
      // Signed: bytes from 0x80 are negative, so "< 0x20" also finds them.
      special = _mm_or_si128(special, _mm_cmplt_epi8(v, space));
    }
    int mask = _mm_movemask_epi8(special);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  const std::array<bool, 256>& plain = kWellFormed ? kPlainInUtf8 : kPlain;
  while (i < s.size() && plain[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

void AppendEscapedByte(unsigned char c, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"': out->append("\\\""); break;
    case '\\': out->append("\\\\"); break;
    case '\n': out->append("\\n"); break;
    case '\r': out->append("\\r"); break;
    case '\t': out->append("\\t"); break;
    case '\b': out->append("\\b"); break;
    case '\f': out->append("\\f"); break;
    default:  // the other control characters
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
  }
}

// U+2028 or U+2029 at s[i]: valid JSON, but they break JavaScript consumers
// of JSON Lines.
bool IsLineSeparator(std::string_view s, size_t i) {
  return s.size() - i >= 3 && s[i] == '\xE2' && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9');
}

// The body of AppendEscaped; kWellFormed when `s` is known to be valid
// UTF-8, so that only 0xE2 among the bytes from 0x80 needs a look.
template <bool kWellFormed>
void AppendEscapedText(std::string_view s, std::string* out) {
  size_t pending = 0;  // s[pending, i) goes out as it is, in one append
  size_t i = 0;
  for (;;) {
    i = SkipPlain<kWellFormed>(s, i);
    if (i == s.size()) break;
    size_t start = i;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      bool separator = IsLineSeparator(s, i);
      bool invalid = false;
      if constexpr (kWellFormed) {
        i += separator ? 3 : 1;  // the bytes after a lead byte are plain here
      } else {
        char32_t cp = utf8::Decode(s, &i);
        invalid = cp == utf8::kReplacement && i == start + 1;
      }
      if (!invalid && !separator) continue;  // well-formed: part of the run
      out->append(s.data() + pending, start - pending);
      if (invalid) {
        utf8::Append(utf8::kReplacement, out);
      } else {
        out->append(s[start + 2] == '\xA8' ? "\\u2028" : "\\u2029");
      }
    } else {
      out->append(s.data() + pending, start - pending);
      AppendEscapedByte(c, out);
      ++i;
    }
    pending = i;
  }
  out->append(s.data() + pending, i - pending);
}

}  // namespace

void JsonWriter::AppendEscaped(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  // Record text is nearly always valid UTF-8, which a SIMD check confirms
  // faster than decoding every non-ASCII character.
  if (utf8::IsValid(s)) {
    AppendEscapedText<true>(s, out);
  } else {
    AppendEscapedText<false>(s, out);
  }
  out->push_back('"');
}

}  // namespace warta
