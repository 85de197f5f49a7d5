#include "warta/encoding.h"

#include <simdjson.h>
#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/utf8.h"

namespace warta {
namespace {

struct Label {
  std::string_view label;
  std::string_view name;
};

constexpr Label kLabels[] = {
#include "input/encoding_labels.inc"
};

constexpr std::string_view kUtf8 = "UTF-8";
constexpr std::string_view kWindows1252 = "windows-1252";
constexpr size_t kPrescanBytes = 1024;
// Enough words for uchardet to settle on an encoding.
constexpr size_t kDetectorSample = 2 << 10;

bool IsSpace(unsigned char c) {
  return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}
bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// `lower_prefix` must be lower case.
bool MatchesNoCase(std::string_view s, size_t pos, std::string_view lower_prefix) {
  if (s.size() - pos < lower_prefix.size() || pos > s.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (Lower(s[pos + i]) != lower_prefix[i]) return false;
  }
  return true;
}

const std::vector<Label>& SortedLabels() {
  static const std::vector<Label>* labels = [] {
    auto* v = new std::vector<Label>(std::begin(kLabels), std::end(kLabels));
    std::sort(v->begin(), v->end(), [](const Label& a, const Label& b) { return a.label < b.label; });
    return v;
  }();
  return *labels;
}

// ---------------------------------------------------------------------------
// The WHATWG prescan (HTML Standard, "prescan a byte stream to determine its
// encoding").

struct Attribute {
  std::string name;
  std::string value;
};

class Prescanner {
 public:
  Prescanner(std::string_view bytes, size_t limit) : s_(bytes.substr(0, std::min(bytes.size(), limit))) {}

  std::string_view Run() {
    // Every step of the algorithm starts at a '<'; the bytes between are
    // skipped one at a time by the spec, here in one memchr.
    while ((pos_ = s_.find('<', pos_)) != std::string_view::npos) {
      if (s_.compare(pos_, 4, "<!--") == 0) {
        size_t end = s_.find("-->", pos_ + 2);
        if (end == std::string_view::npos) return {};
        pos_ = end + 3;
      } else if (MatchesNoCase(s_, pos_, "<meta") && pos_ + 5 < s_.size() &&
                 (IsSpace(s_[pos_ + 5]) || s_[pos_ + 5] == '/')) {
        pos_ += 5;
        std::string_view charset;
        if (!ProcessMeta(&charset)) return {};
        if (!charset.empty()) return charset;
        ++pos_;
      } else if (StartsTag()) {
        while (pos_ < s_.size() && !IsSpace(s_[pos_]) && s_[pos_] != '>') ++pos_;
        AttrResult r;
        while ((r = GetAttribute(nullptr)) == kFound) {
        }
        if (r == kEnd) return {};
        ++pos_;
      } else if (s_[pos_] == '<' && pos_ + 1 < s_.size() &&
                 (s_[pos_ + 1] == '!' || s_[pos_ + 1] == '/' || s_[pos_ + 1] == '?')) {
        size_t end = s_.find('>', pos_ + 2);
        if (end == std::string_view::npos) return {};
        pos_ = end + 1;
      } else {
        ++pos_;
      }
    }
    return {};
  }

 private:
  enum AttrResult { kFound, kNone, kEnd };

  // "<" or "</" followed by an ASCII letter.
  bool StartsTag() const {
    if (s_[pos_] != '<') return false;
    size_t next = pos_ + 1;
    if (next < s_.size() && s_[next] == '/') ++next;
    return next < s_.size() && IsAlpha(s_[next]);
  }

  // The attributes of one <meta>. Returns false when the input ends inside
  // the tag; sets *charset when the tag declares a usable encoding.
  bool ProcessMeta(std::string_view* charset_out) {
    std::vector<std::string> seen;
    bool got_pragma = false;
    int need_pragma = -1;  // -1: null, 0: false, 1: true
    bool charset_set = false;
    std::string_view charset;
    Attribute attr;
    for (;;) {
      AttrResult r = GetAttribute(&attr);
      if (r == kEnd) return false;
      if (r == kNone) break;
      if (std::find(seen.begin(), seen.end(), attr.name) != seen.end()) continue;
      seen.push_back(attr.name);
      if (attr.name == "http-equiv") {
        if (attr.value == "content-type") got_pragma = true;
      } else if (attr.name == "content") {
        std::string_view found = CanonicalEncoding(CharsetFromMetaContent(attr.value));
        if (!found.empty() && !charset_set) {
          charset = found;
          charset_set = true;
          need_pragma = 1;
        }
      } else if (attr.name == "charset") {
        charset = CanonicalEncoding(attr.value);
        charset_set = true;
        need_pragma = 0;
      }
    }
    if (need_pragma == -1 || (need_pragma == 1 && !got_pragma) || charset.empty()) return true;
    if (charset == "UTF-16LE" || charset == "UTF-16BE") charset = kUtf8;
    if (charset == "x-user-defined") charset = kWindows1252;
    *charset_out = charset;
    return true;
  }

  // "Extracting a character encoding from a meta element": the label after
  // "charset=" in a content attribute.
  static std::string_view CharsetFromMetaContent(std::string_view s) {
    size_t pos = 0;
    for (;;) {
      size_t at = pos;
      while (at < s.size() && !MatchesNoCase(s, at, "charset")) ++at;
      if (at >= s.size()) return {};
      pos = at + 7;
      while (pos < s.size() && IsSpace(s[pos])) ++pos;
      if (pos < s.size() && s[pos] == '=') break;
    }
    ++pos;
    while (pos < s.size() && IsSpace(s[pos])) ++pos;
    if (pos >= s.size()) return {};
    if (s[pos] == '"' || s[pos] == '\'') {
      size_t close = s.find(s[pos], pos + 1);
      if (close == std::string_view::npos) return {};
      return s.substr(pos + 1, close - pos - 1);
    }
    size_t end = pos;
    while (end < s.size() && !IsSpace(s[end]) && s[end] != ';') ++end;
    return s.substr(pos, end - pos);
  }

  // "Get an attribute". kNone leaves pos_ on the '>' (or wherever the
  // algorithm aborts); kEnd means the 1024 bytes ran out. A null `attr`
  // skips the attribute: tags other than <meta> are only stepped over.
  AttrResult GetAttribute(Attribute* attr) {
    if (attr) {
      attr->name.clear();
      attr->value.clear();
    }
    size_t name_length = 0;
    while (pos_ < s_.size() && (IsSpace(s_[pos_]) || s_[pos_] == '/')) ++pos_;
    if (pos_ >= s_.size()) return kEnd;
    if (s_[pos_] == '>') return kNone;
    for (;; ++pos_) {
      if (pos_ >= s_.size()) return kEnd;
      char c = s_[pos_];
      if (c == '=' && name_length != 0) {
        ++pos_;
        return GetValue(attr);
      }
      if (IsSpace(c)) break;
      if (c == '/' || c == '>') return kFound;
      ++name_length;
      if (attr) attr->name.push_back(Lower(c));
    }
    while (pos_ < s_.size() && IsSpace(s_[pos_])) ++pos_;
    if (pos_ >= s_.size()) return kEnd;
    if (s_[pos_] != '=') return kFound;
    ++pos_;
    return GetValue(attr);
  }

  AttrResult GetValue(Attribute* attr) {
    while (pos_ < s_.size() && IsSpace(s_[pos_])) ++pos_;
    if (pos_ >= s_.size()) return kEnd;
    char c = s_[pos_];
    if ((c == '"' || c == '\'') && !attr) {
      size_t close = s_.find(c, pos_ + 1);
      pos_ = close == std::string_view::npos ? s_.size() : close + 1;
      return close == std::string_view::npos ? kEnd : kFound;
    }
    if (c == '"' || c == '\'') {
      for (++pos_; pos_ < s_.size(); ++pos_) {
        if (s_[pos_] == c) {
          ++pos_;
          return kFound;
        }
        attr->value.push_back(Lower(s_[pos_]));
      }
      return kEnd;
    }
    if (c == '>') return kFound;
    for (; pos_ < s_.size(); ++pos_) {
      if (IsSpace(s_[pos_]) || s_[pos_] == '>') return kFound;
      if (attr) attr->value.push_back(Lower(s_[pos_]));
    }
    return kEnd;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

// ---------------------------------------------------------------------------
// UTF-8 validity, counted rather than just checked, so that a UTF-8 page with
// a few stray Latin-1 bytes can be told from a Latin-1 page.

// The most well-formed multibyte sequences any decision below asks for
// (MinUtf8Evidence): valid UTF-8 is counted up to there and no further.
constexpr size_t kMostUtf8Evidence = 8;

struct Utf8Scan {
  bool ascii = true;
  size_t multibyte = 0;  // well-formed sequences of 2-4 bytes; at most kMostUtf8Evidence if valid
  size_t invalid = 0;    // bytes that start no well-formed sequence
  bool valid() const { return invalid == 0; }
  // Real UTF-8 with damage, as opposed to a legacy encoding whose byte pairs
  // sometimes look like UTF-8 by chance.
  bool mostly_utf8() const { return multibyte > invalid; }
};

// The length of the well-formed 2- or 3-byte sequence at `i` whose lead
// byte needs no range check of its second byte (most non-ASCII text), or 0
// for anything else: utf8::Decode judges those.
size_t CommonUtf8Length(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto continuation = [&](size_t k) { return k < s.size() && (at(k) & 0xC0) == 0x80; };
  unsigned char c = at(i);
  if (c >= 0xC2 && c <= 0xDF) return continuation(i + 1) ? 2 : 0;
  if (c >= 0xE1 && c <= 0xEF && c != 0xED) return continuation(i + 1) && continuation(i + 2) ? 3 : 0;
  return 0;
}

// The first byte at or after `i` that is not ASCII, or s.size(). Markup is
// mostly ASCII: it is skipped 64 bytes at a time where SSE2 is at hand (the
// high bits of four loads, or-ed, in one movemask), else 32, then 8 bytes.
size_t SkipAscii(std::string_view s, size_t i) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const size_t n = s.size();
#if defined(__SSE2__)
  while (i + 64 <= n) {
    const auto* p = reinterpret_cast<const __m128i*>(s.data() + i);
    const __m128i high = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(p), _mm_loadu_si128(p + 1)),
                                      _mm_or_si128(_mm_loadu_si128(p + 2), _mm_loadu_si128(p + 3)));
    if (_mm_movemask_epi8(high) != 0) break;
    i += 64;
  }
#endif
  while (i + 32 <= n) {
    uint64_t w[4];
    std::memcpy(w, s.data() + i, 32);
    if ((w[0] | w[1] | w[2] | w[3]) & kHigh) break;
    i += 32;
  }
  while (i + 8 <= n) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (uint64_t high = word & kHigh) {
      int bit = std::endian::native == std::endian::little ? std::countr_zero(high) : std::countl_zero(high);
      return i + static_cast<size_t>(bit) / 8;
    }
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

// Valid UTF-8 (simdjson checks that far faster than byte steps) whose
// first byte that is not ASCII is at `first`: only whether there is one, and
// the first few sequences, matter.
Utf8Scan ScanValidUtf8(std::string_view s, size_t first) {
  Utf8Scan scan;
  for (size_t i = first; i < s.size(); i = SkipAscii(s, i)) {
    scan.ascii = false;
    if (++scan.multibyte == kMostUtf8Evidence) break;
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return scan;
}

Utf8Scan ScanUtf8(std::string_view s) {
  // No sequence starts in ASCII: the text is valid when what follows its
  // ASCII opening is, and only that part is validated.
  const size_t first = SkipAscii(s, 0);
  if (simdjson::validate_utf8(s.data() + first, s.size() - first)) return ScanValidUtf8(s, first);
  Utf8Scan scan;
  size_t i = first;
  const size_t n = s.size();
  while (i < n) {
    i = SkipAscii(s, i);
    if (i >= n) break;
    scan.ascii = false;
    if (size_t len = CommonUtf8Length(s, i)) {
      i += len;
      ++scan.multibyte;
      continue;
    }
    size_t start = i;
    char32_t cp = utf8::Decode(s, &i);
    if (cp == utf8::kReplacement && i == start + 1) {
      ++scan.invalid;
    } else {
      ++scan.multibyte;
    }
  }
  return scan;
}

// ---------------------------------------------------------------------------
// Single-byte decoders warta does itself: windows-1252 is the default and the
// most common legacy encoding (and ICU's table leaves five bytes unmapped that
// WHATWG maps to C1 controls); x-user-defined is not in ICU.

constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char32_t Windows1252(unsigned char b) {
  return (b >= 0x80 && b < 0xA0) ? kWindows1252High[b - 0x80] : b;
}

void DecodeWindows1252(std::string_view in, std::string* out) {
  for (unsigned char b : in) {
    if (b < 0x80) {
      out->push_back(static_cast<char>(b));
    } else {
      utf8::Append(Windows1252(b), out);
    }
  }
}

void DecodeUserDefined(std::string_view in, std::string* out) {
  for (unsigned char b : in) utf8::Append(b < 0x80 ? char32_t{b} : char32_t{0xF780} + b - 0x80, out);
}

// UTF-8 whose ill-formed bytes are read as windows-1252: the usual cause is
// Latin-1 content pasted into a UTF-8 template (or the reverse), and
// "Mitgefühl" reads better than "Mitgef\uFFFDhl".
// `accept` says which well-formed sequences to take as UTF-8; the others
// are read byte by byte as windows-1252 too.
template <typename Accept>
void DecodeUtf8Mixed(std::string_view in, std::string* out, Accept accept) {
  size_t i = 0;
  while (i < in.size()) {
    size_t start = i;
    char32_t cp = utf8::Decode(in, &i);
    if ((cp == utf8::kReplacement && i == start + 1) || (cp >= 0x80 && !accept(cp))) {
      i = start + 1;
      utf8::Append(Windows1252(static_cast<unsigned char>(in[start])), out);
    } else {
      out->append(in.data() + start, i - start);
    }
  }
}

// In windows-1252 text, the UTF-8 fragments worth believing are those that
// pasted-in Western text produces: Latin letters and typographic
// punctuation. Others are Latin-1 pairs that look like UTF-8 by chance
// ("ß" + soft hyphen reads as an N'Ko letter).
bool PlausibleUtf8Fragment(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0x24F) || (cp >= 0x2010 && cp <= 0x203A) || cp == 0x20AC || cp == 0x2122;
}

// ---------------------------------------------------------------------------
// ICU converters and the uchardet detector, one of each per thread: opening
// them costs far more than converting a page.

const char* IcuName(std::string_view encoding) {
  static const std::unordered_map<std::string_view, const char*> names = {
      {"IBM866", "ibm-866"},           {"ISO-8859-2", "ISO-8859-2"},
      {"ISO-8859-3", "ISO-8859-3"},    {"ISO-8859-4", "ISO-8859-4"},
      {"ISO-8859-5", "ISO-8859-5"},    {"ISO-8859-6", "ISO-8859-6"},
      {"ISO-8859-7", "ISO-8859-7"},    {"ISO-8859-8", "ISO-8859-8"},
      {"ISO-8859-8-I", "ISO-8859-8"},  {"ISO-8859-10", "ISO-8859-10"},
      {"ISO-8859-13", "ISO-8859-13"},  {"ISO-8859-14", "ISO-8859-14"},
      {"ISO-8859-15", "ISO-8859-15"},
      // Debian's ICU data lacks ISO-8859-16; Latin-2 shares most of its letters.
      {"ISO-8859-16", "ISO-8859-2"},
      {"KOI8-R", "KOI8-R"},            {"KOI8-U", "ibm-1168"},
      {"macintosh", "macos-0_2-10.2"}, {"x-mac-cyrillic", "macos-7_3-10.2"},
      {"windows-874", "windows-874"},  {"windows-1250", "windows-1250"},
      {"windows-1251", "windows-1251"}, {"windows-1253", "windows-1253"},
      {"windows-1254", "windows-1254"}, {"windows-1255", "windows-1255"},
      {"windows-1256", "windows-1256"}, {"windows-1257", "windows-1257"},
      {"windows-1258", "windows-1258"}, {"GBK", "GBK"},
      {"gb18030", "gb18030"},          {"Big5", "ibm-1375_P100-2008"},
      {"EUC-JP", "EUC-JP"},            {"ISO-2022-JP", "ISO-2022-JP"},
      {"Shift_JIS", "windows-31j"},    {"EUC-KR", "windows-949"},
      {"UTF-16LE", "UTF-16LE"},        {"UTF-16BE", "UTF-16BE"},
  };
  auto it = names.find(encoding);
  return it == names.end() ? nullptr : it->second;
}

class ThreadResources {
 public:
  ~ThreadResources() {
    for (auto& [name, cnv] : converters_) ucnv_close(cnv);
    if (utf8_ != nullptr) ucnv_close(utf8_);
    if (detector_ != nullptr) uchardet_delete(detector_);
  }

  // nullptr when ICU cannot open the encoding.
  UConverter* Converter(std::string_view encoding) {
    auto it = converters_.find(encoding);
    if (it != converters_.end()) {
      ucnv_reset(it->second);
      return it->second;
    }
    const char* icu = IcuName(encoding);
    UConverter* cnv = icu != nullptr ? Open(icu) : nullptr;
    if (cnv != nullptr) converters_.emplace(encoding, cnv);
    return cnv;
  }

  UConverter* Utf8() {
    if (utf8_ == nullptr) utf8_ = Open("UTF-8");
    if (utf8_ != nullptr) ucnv_reset(utf8_);
    return utf8_;
  }

  uchardet_t Detector() {
    if (detector_ == nullptr) detector_ = uchardet_new();
    uchardet_reset(detector_);
    return detector_;
  }

 private:
  static UConverter* Open(const char* name) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(name, &err);
    if (U_FAILURE(err)) return nullptr;
    return cnv;
  }

  std::unordered_map<std::string_view, UConverter*> converters_;
  UConverter* utf8_ = nullptr;
  uchardet_t detector_ = nullptr;
};

ThreadResources& Resources() {
  thread_local ThreadResources resources;
  return resources;
}

// The multi-byte legacy encodings of Chinese, Japanese and Korean.
bool IsCjk(std::string_view encoding) {
  static constexpr std::string_view kCjk[] = {"GBK", "gb18030", "Big5", "EUC-JP", "EUC-KR", "Shift_JIS", "ISO-2022-JP"};
  return std::find(std::begin(kCjk), std::end(kCjk), encoding) != std::end(kCjk);
}

// uchardet's names that are not WHATWG labels but have a WHATWG encoding.
std::string_view DetectorName(std::string_view name) {
  std::string_view canonical = CanonicalEncoding(name);
  if (!canonical.empty()) return canonical;
  if (MatchesNoCase(name, 0, "mac-cyrillic")) return "x-mac-cyrillic";
  if (MatchesNoCase(name, 0, "uhc") || MatchesNoCase(name, 0, "cp949")) return "EUC-KR";
  if (MatchesNoCase(name, 0, "mac-centraleurope") || MatchesNoCase(name, 0, "ibm852")) {
    return "windows-1250";
  }
  if (MatchesNoCase(name, 0, "ibm855")) return "windows-1251";
  return {};
}

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c > ' ' && c != '<' && c != '>' && c != '"' && c != '\'' && c != '=' && c != '&');
}

// The words of `bytes` that contain non-ASCII bytes, space-separated, up to
// kDetectorSample bytes. uchardet costs microseconds per byte, and markup,
// scripts and ASCII words carry no evidence about a legacy encoding.
std::string DetectorSample(std::string_view bytes) {
  std::string sample;
  size_t i = 0;
  while (i < bytes.size() && sample.size() < kDetectorSample) {
    while (i < bytes.size() && !IsWordByte(bytes[i])) ++i;
    size_t start = i;
    bool high = false;
    while (i < bytes.size() && IsWordByte(bytes[i])) high |= static_cast<unsigned char>(bytes[i++]) >= 0x80;
    if (high) {
      sample.append(bytes.substr(start, i - start));
      sample.push_back(' ');
    }
  }
  return sample;
}

std::string_view Detect(std::string_view bytes) {
  uchardet_t ud = Resources().Detector();
  if (ud == nullptr) return {};
  std::string sample = DetectorSample(bytes);
  if (uchardet_handle_data(ud, sample.data(), sample.size()) != 0) return {};
  uchardet_data_end(ud);
  const char* name = uchardet_get_charset(ud);
  std::string_view found = DetectorName(name == nullptr ? "" : name);
  // A UTF-16 guess without a BOM is never trusted: too many false alarms on binary.
  if (found == "UTF-16LE" || found == "UTF-16BE" || found == "replacement") return {};
  // CJK text is nearly all non-ASCII bytes; accented Latin words are mostly
  // ASCII letters, and uchardet sometimes calls them Shift_JIS.
  if (IsCjk(found)) {
    size_t high = std::count_if(sample.begin(), sample.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (high * 2 < sample.size()) return {};
  }
  return found;
}

// ---------------------------------------------------------------------------

size_t BomLength(std::string_view encoding) { return encoding == kUtf8 ? 3 : 2; }

EncodingInfo BomEncoding(std::string_view b) {
  if (b.size() >= 3 && b.compare(0, 3, "\xEF\xBB\xBF") == 0) return {kUtf8, EncodingSource::kBom};
  if (b.size() >= 2 && b.compare(0, 2, "\xFE\xFF") == 0) return {"UTF-16BE", EncodingSource::kBom};
  if (b.size() >= 2 && b.compare(0, 2, "\xFF\xFE") == 0) return {"UTF-16LE", EncodingSource::kBom};
  return {{}, EncodingSource::kDefault};
}

// How many well-formed UTF-8 sequences outweigh a declaration. One is
// enough against a single-byte encoding ("Ã©" is never meant); byte pairs of
// the CJK encodings are valid UTF-8 about one time in ten, so a few more.
size_t MinUtf8Evidence(std::string_view declared) { return IsCjk(declared) ? kMostUtf8Evidence : 1; }

bool IsUtf16(std::string_view e) { return e == "UTF-16LE" || e == "UTF-16BE"; }

// A UTF-16 declaration without a BOM is believed only for bytes that look
// like UTF-16 (markup in UTF-16 is full of NUL bytes).
bool LooksUtf16(std::string_view bytes) {
  return bytes.substr(0, std::min(bytes.size(), kPrescanBytes)).find('\0') != std::string_view::npos;
}

EncodingInfo Sniff(std::string_view bytes, const DecodeOptions& options, const Utf8Scan& scan) {
  EncodingInfo bom = BomEncoding(bytes);
  if (!bom.encoding.empty()) return bom;

  EncodingInfo declared;
  declared.encoding = CanonicalEncoding(options.transport_charset);
  declared.source = EncodingSource::kTransport;
  if (IsUtf16(declared.encoding) && !LooksUtf16(bytes)) declared.encoding = {};
  if (declared.encoding.empty()) {
    declared.encoding = PrescanMetaCharset(bytes, kMetaScanBytes);
    declared.source = EncodingSource::kMeta;
  }

  if (!declared.encoding.empty()) {
    // ASCII reads the same in every ASCII-compatible encoding, and the
    // others (ISO-2022-JP, UTF-16, replacement) must be honoured.
    if (scan.ascii || IsUtf16(declared.encoding)) return declared;
    if (declared.encoding == kUtf8 && scan.mostly_utf8()) return declared;
    if (scan.mostly_utf8() && scan.multibyte >= MinUtf8Evidence(declared.encoding)) {
      return {kUtf8, EncodingSource::kValidUtf8};
    }
    // A transport charset of UTF-8 refuted by the bytes, or of ISO-8859-1
    // (the old default of web servers), is often a server setting the page
    // never saw; its own <meta> knows better.
    if (declared.source == EncodingSource::kTransport &&
        (declared.encoding == kUtf8 || declared.encoding == kWindows1252)) {
      std::string_view meta = PrescanMetaCharset(bytes, kMetaScanBytes);
      if (!meta.empty() && meta != kUtf8) return {meta, EncodingSource::kMeta};
    }
    if (declared.encoding != kUtf8) return declared;
    // Declared UTF-8 but clearly not: the detector below.
  } else {
    // ISO-2022-JP is 7-bit: its escape sequences are the only clue.
    if (scan.ascii && (bytes.find("\x1B$B") != std::string_view::npos ||
                       bytes.find("\x1B$@") != std::string_view::npos)) {
      return {"ISO-2022-JP", EncodingSource::kDetector};
    }
    if (scan.ascii) return {kWindows1252, EncodingSource::kDefault};
    if (scan.mostly_utf8()) return {kUtf8, EncodingSource::kValidUtf8};
  }
  if (options.use_detector) {
    std::string_view detected = Detect(bytes);
    if (!detected.empty()) return {detected, EncodingSource::kDetector};
  }
  return {kWindows1252, EncodingSource::kDefault};
}

Status TooLarge(size_t max) {
  return Status::TooLarge("decoded text exceeds " + std::to_string(max) + " bytes");
}

Status ConvertWithIcu(std::string_view in, std::string_view encoding, size_t max_output,
                      std::string* out) {
  UConverter* source = Resources().Converter(encoding);
  UConverter* target = Resources().Utf8();
  if (source == nullptr || target == nullptr) {
    // No converter: windows-1252 keeps ASCII intact and never fails.
    DecodeWindows1252(in, out);
    return Status::Ok();
  }
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  const char* src = in.data();
  const char* src_limit = in.data() + in.size();
  size_t written = out->size();
  out->resize(written + std::min(in.size() * 2 + 16, max_output + 4));
  bool first = true;
  for (;;) {
    char* dst = out->data() + written;
    UErrorCode err = U_ZERO_ERROR;
    ucnv_convertEx(target, source, &dst, out->data() + out->size(), &src, src_limit, pivot,
                   &pivot_source, &pivot_target, pivot + 1024, first, true, &err);
    first = false;
    written = dst - out->data();
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      if (out->size() > max_output) return TooLarge(max_output);
      out->resize(out->size() * 2);
      continue;
    }
    out->resize(written);
    if (U_FAILURE(err)) return Status::Corrupt(std::string("ICU conversion failed: ") + u_errorName(err));
    return Status::Ok();
  }
}

Status Convert(std::string_view bytes, const EncodingInfo& info, const Utf8Scan& scan,
               size_t max_output, std::string* out) {
  if (info.source == EncodingSource::kBom) bytes.remove_prefix(BomLength(info.encoding));
  // Worst cases: a byte becomes 3 bytes (single-byte encodings, U+FFFD).
  if (bytes.size() > max_output) return TooLarge(max_output);
  out->clear();
  std::string_view e = info.encoding;
  if (e == kUtf8) {
    if (scan.valid()) {
      out->assign(bytes);
    } else {
      out->reserve(bytes.size() + bytes.size() / 8);
      DecodeUtf8Mixed(bytes, out, [](char32_t) { return true; });
    }
  } else if (e == kWindows1252) {
    out->reserve(bytes.size() + bytes.size() / 4);
    // Well-formed UTF-8 sequences in windows-1252 text ("Ã¼") are UTF-8
    // fragments pasted into a Latin-1 page, never intended Latin-1.
    if (scan.multibyte > 0) {
      DecodeUtf8Mixed(bytes, out, PlausibleUtf8Fragment);
    } else {
      DecodeWindows1252(bytes, out);
    }
  } else if (e == "x-user-defined") {
    DecodeUserDefined(bytes, out);
  } else if (e == "replacement") {
    if (!bytes.empty()) out->assign("\xEF\xBF\xBD");
  } else {
    Status s = ConvertWithIcu(bytes, e, max_output, out);
    if (!s.ok()) return s;
  }
  if (out->size() > max_output) return TooLarge(max_output);
  return Status::Ok();
}

}  // namespace

std::string_view CanonicalEncoding(std::string_view label) {
  while (!label.empty() && IsSpace(label.front())) label.remove_prefix(1);
  while (!label.empty() && IsSpace(label.back())) label.remove_suffix(1);
  char buf[32];
  if (label.empty() || label.size() > sizeof(buf)) return {};
  for (size_t i = 0; i < label.size(); ++i) buf[i] = Lower(label[i]);
  std::string_view key(buf, label.size());
  const auto& labels = SortedLabels();
  auto it = std::lower_bound(labels.begin(), labels.end(), key,
                             [](const Label& l, std::string_view k) { return l.label < k; });
  return (it != labels.end() && it->label == key) ? it->name : std::string_view{};
}

std::string_view PrescanMetaCharset(std::string_view bytes, size_t limit) {
  return Prescanner(bytes, limit).Run();
}

std::string_view CharsetFromContentType(std::string_view content_type) {
  size_t pos = 0;
  while ((pos = content_type.find(';', pos)) != std::string_view::npos) {
    ++pos;
    while (pos < content_type.size() && IsSpace(content_type[pos])) ++pos;
    if (!MatchesNoCase(content_type, pos, "charset")) continue;
    size_t p = pos + 7;
    while (p < content_type.size() && IsSpace(content_type[p])) ++p;
    if (p >= content_type.size() || content_type[p] != '=') continue;
    ++p;
    while (p < content_type.size() && IsSpace(content_type[p])) ++p;
    if (p < content_type.size() && (content_type[p] == '"' || content_type[p] == '\'')) {
      size_t close = content_type.find(content_type[p], p + 1);
      if (close == std::string_view::npos) close = content_type.size();
      return content_type.substr(p + 1, close - p - 1);
    }
    size_t end = p;
    while (end < content_type.size() && content_type[end] != ';' && !IsSpace(content_type[end])) ++end;
    return content_type.substr(p, end - p);
  }
  return {};
}

EncodingInfo SniffEncoding(std::string_view bytes, const DecodeOptions& options) {
  return Sniff(bytes, options, ScanUtf8(bytes));
}

Result<Decoded> DecodeToUtf8(std::string_view bytes, const DecodeOptions& options) {
  Utf8Scan scan = ScanUtf8(bytes);
  Decoded decoded;
  decoded.info = Sniff(bytes, options, scan);
  Status s = Convert(bytes, decoded.info, scan, options.max_output, &decoded.utf8);
  if (!s.ok()) return s;
  return decoded;
}

namespace {

// What Sniff concludes without the <meta> prescan: well-formed UTF-8 with
// evidence enough against any declaration (MinUtf8Evidence) is UTF-8
// whatever a <meta> says, unless a BOM or a believable UTF-16 transport
// charset decides first. Only the source it would report is lost.
bool PlainlyUtf8(std::string_view bytes, const DecodeOptions& options, const Utf8Scan& scan) {
  return scan.valid() && scan.multibyte >= kMostUtf8Evidence && BomEncoding(bytes).encoding.empty() &&
         !IsUtf16(CanonicalEncoding(options.transport_charset));
}

// ASCII reads as itself in every encoding but UTF-16 (byte pairs),
// ISO-2022-JP (escapes switch the reading) and "replacement": an ASCII page
// in any other needs no conversion, the windows-1252 of an undeclared page
// included.
bool AsciiReadsAsItself(const Utf8Scan& scan, std::string_view encoding) {
  return scan.ascii && encoding != "ISO-2022-JP" && encoding != "replacement" && !IsUtf16(encoding);
}

}  // namespace

Result<std::string_view> DecodeToUtf8View(std::string_view bytes, std::string* scratch,
                                          const DecodeOptions& options) {
  Utf8Scan scan = ScanUtf8(bytes);
  if (PlainlyUtf8(bytes, options, scan)) {
    if (bytes.size() > options.max_output) return TooLarge(options.max_output);
    return bytes;
  }
  EncodingInfo info = Sniff(bytes, options, scan);
  if ((info.encoding == kUtf8 && scan.valid()) || AsciiReadsAsItself(scan, info.encoding)) {
    if (info.source == EncodingSource::kBom) bytes.remove_prefix(BomLength(info.encoding));
    if (bytes.size() > options.max_output) return TooLarge(options.max_output);
    return bytes;
  }
  Status s = Convert(bytes, info, scan, options.max_output, scratch);
  if (!s.ok()) return s;
  return std::string_view(*scratch);
}

Result<EncodingInfo> DecodeToUtf8InPlace(std::string* text, const DecodeOptions& options) {
  Utf8Scan scan = ScanUtf8(*text);
  EncodingInfo info = Sniff(*text, options, scan);
  bool plain_utf8 = (info.encoding == kUtf8 && scan.valid()) || AsciiReadsAsItself(scan, info.encoding);
  if (plain_utf8 && text->size() <= options.max_output) {
    if (info.source == EncodingSource::kBom) text->erase(0, BomLength(info.encoding));
    return info;
  }
  std::string out;
  Status s = Convert(*text, info, scan, options.max_output, &out);
  if (!s.ok()) return s;
  text->swap(out);
  return info;
}

}  // namespace warta
