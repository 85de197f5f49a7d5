#include "nlp/ner_features.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "base/utf8.h"

namespace warta::nlp {

namespace {

// Feature templates. The values are part of the model format.
enum Template : uint8_t {
  kBias = 1, kWord, kWordM1, kWordP1, kWordM2, kWordP2, kShape, kShortShape,
  kShortShapeM1, kShortShapeP1, kShapeTrigram, kPrefix, kSuffix, kBigramM1,
  kBigramP1, kFirstShape, kGazBegin, kGazInside, kGazBeginTitle, kGazM1, kGazP1,
  kWordShape, kLength, kWordM1Shape0, kShapeM1Word0,
};

constexpr size_t kMaxShape = 8;
constexpr std::string_view kStart = "<s>";
constexpr std::string_view kEnd = "</s>";

// FNV-1a over the bytes, finished with a splitmix64 step so the top bits
// (the bucket) are well mixed.
class Hasher {
 public:
  explicit Hasher(uint8_t tmpl) { Byte(tmpl); }
  Hasher& Add(std::string_view s) {
    for (char c : s) Byte(static_cast<uint8_t>(c));
    Byte(0xFF);  // separator: ("ab","c") != ("a","bc")
    return *this;
  }
  Hasher& Add(char c) {
    Byte(static_cast<uint8_t>(c));
    return *this;
  }
  uint32_t Bucket(int bits) const {
    uint64_t z = h_ + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return static_cast<uint32_t>(z >> (64 - bits));
  }

 private:
  void Byte(uint8_t b) { h_ = (h_ ^ b) * 0x100000001B3ull; }
  uint64_t h_ = 0xCBF29CE484222325ull;
};

char ShapeChar(char32_t cp) {
  if (u_isupper(cp) || u_istitle(cp)) return 'X';
  if (u_islower(cp)) return 'x';
  if (u_isdigit(cp)) return 'd';
  if (u_isalpha(cp)) return 'a';
  if (cp < 0x80) return static_cast<char>(cp);
  return u_ispunct(cp) ? '.' : 'o';
}

// Long shape ("Xxxxxxxx" capped) into *shape, short shape (runs collapsed:
// "Xx", "d.d") into *short_shape.
void Shapes(std::string_view s, std::string* shape, std::string* short_shape) {
  shape->clear();
  short_shape->clear();
  size_t pos = 0;
  while (pos < s.size()) {
    char c = ShapeChar(utf8::Decode(s, &pos));
    if (shape->size() < kMaxShape) *shape += c;
    if (short_shape->empty() || short_shape->back() != c) *short_shape += c;
  }
}

bool IsTitle(std::string_view shape) { return shape.size() >= 2 && shape[0] == 'X' && shape[1] == 'x'; }

// 'l' when the sentence has no capital letter (lowercased text: case says
// nothing), 'u' when nearly every word is in capitals (headlines), else 'n'.
// Shape features are conjoined with it so each casing regime gets its own
// weights.
char CaseMode(const std::vector<std::string>& short_shapes) {
  size_t words = 0, caps = 0, any_upper = 0;
  for (const std::string& s : short_shapes) {
    bool upper = s.find('X') != std::string::npos;
    bool lower = s.find('x') != std::string::npos;
    any_upper += upper;
    if (!upper && !lower) continue;
    ++words;
    caps += upper && !lower;
  }
  if (any_upper == 0) return 'l';
  if (words >= 3 && caps * 10 >= words * 8) return 'u';
  return 'n';
}

}  // namespace

void LowerUtf8(std::string_view s, std::string* out) {
  size_t pos = 0;
  while (pos < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {  // ASCII fast path
      *out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++pos;
      continue;
    }
    utf8::Append(static_cast<char32_t>(u_tolower(utf8::Decode(s, &pos))), out);
  }
}

void FeatureExtractor::Extract(const std::vector<std::string_view>& tokens, const Gazetteer* gazetteer,
                               int bits, SentenceFeatures* out) {
  const size_t n = tokens.size();
  out->buckets.clear();
  out->offsets.clear();
  // resize() keeps the strings' capacity from earlier sentences.
  lower_.resize(n);
  shape_.resize(n);
  short_shape_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    lower_[i].clear();
    LowerUtf8(tokens[i], &lower_[i]);
    Shapes(tokens[i], &shape_[i], &short_shape_[i]);
  }
  case_mode_ = CaseMode(short_shape_);
  if (gazetteer) {
    gazetteer->Match(lower_, &hits_);
  } else {
    hits_.assign(n, GazetteerHit{});
  }
  for (size_t i = 0; i < n; ++i) {
    out->offsets.push_back(static_cast<uint32_t>(out->buckets.size()));
    TokenFeatures(i, tokens, bits, out);
  }
  out->offsets.push_back(static_cast<uint32_t>(out->buckets.size()));
}

void FeatureExtractor::TokenFeatures(size_t i, const std::vector<std::string_view>& tokens, int bits,
                                     SentenceFeatures* out) {
  const size_t n = tokens.size();
  auto word = [&](ptrdiff_t k) -> std::string_view {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0) return kStart;
    if (j >= static_cast<ptrdiff_t>(n)) return kEnd;
    return lower_[j];
  };
  auto sshape = [&](ptrdiff_t k) -> std::string_view {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0) return kStart;
    if (j >= static_cast<ptrdiff_t>(n)) return kEnd;
    return short_shape_[j];
  };
  auto emit = [&](const Hasher& h) { out->buckets.push_back(h.Bucket(bits)); };
  const char mode = case_mode_;
  const std::string_view w = lower_[i];

  emit(Hasher(kBias));
  emit(Hasher(kBias).Add(mode));
  emit(Hasher(kWord).Add(w));
  emit(Hasher(kWordM1).Add(word(-1)));
  emit(Hasher(kWordP1).Add(word(1)));
  emit(Hasher(kWordM2).Add(word(-2)));
  emit(Hasher(kWordP2).Add(word(2)));
  emit(Hasher(kBigramM1).Add(word(-1)).Add(w));
  emit(Hasher(kBigramP1).Add(w).Add(word(1)));

  const std::string_view shape = shape_[i];
  const std::string_view short_shape = short_shape_[i];
  emit(Hasher(kShape).Add(mode).Add(shape));
  emit(Hasher(kShortShape).Add(mode).Add(short_shape));
  emit(Hasher(kShortShapeM1).Add(mode).Add(sshape(-1)));
  emit(Hasher(kShortShapeP1).Add(mode).Add(sshape(1)));
  emit(Hasher(kShapeTrigram).Add(mode).Add(sshape(-1)).Add(short_shape).Add(sshape(1)));
  emit(Hasher(kWordShape).Add(mode).Add(w).Add(short_shape));
  emit(Hasher(kWordM1Shape0).Add(mode).Add(word(-1)).Add(short_shape));
  emit(Hasher(kShapeM1Word0).Add(mode).Add(sshape(-1)).Add(w));
  if (i == 0) emit(Hasher(kFirstShape).Add(mode).Add(short_shape));

  // Affixes by code point, of the lowercase form.
  size_t cps[5] = {0, 0, 0, 0, 0};  // byte offset after 1..4 code points
  size_t count = 0, pos = 0;
  while (pos < w.size() && count < 4) {
    utf8::Decode(w, &pos);
    cps[++count] = pos;
  }
  size_t total = utf8::CodePointCount(w);
  for (size_t k = 1; k <= count && k < total; ++k) emit(Hasher(kPrefix).Add(w.substr(0, cps[k])));
  {
    size_t end = w.size();
    size_t k = 0;
    while (end > 0 && k < 4 && k + 1 < total) {
      do --end; while (end > 0 && !utf8::IsLeadByte(static_cast<unsigned char>(w[end])));
      ++k;
      emit(Hasher(kSuffix).Add(w.substr(end)));
    }
  }
  emit(Hasher(kLength).Add(static_cast<char>(std::min<size_t>(total, 12))));

  const GazetteerHit& hit = hits_[i];
  const bool title = IsTitle(short_shape) || (short_shape.size() == 1 && short_shape[0] == 'X');
  for (int t = 0; t < kGazetteerTypeCount; ++t) {
    uint8_t bit = static_cast<uint8_t>(1u << t);
    if (hit.begin_mask & bit) {
      emit(Hasher(kGazBegin).Add(static_cast<char>(t)));
      emit(Hasher(kGazBeginTitle).Add(mode).Add(static_cast<char>(t)).Add(title ? 'T' : 'f'));
    }
    if (hit.inside_mask & bit) emit(Hasher(kGazInside).Add(static_cast<char>(t)));
    if (i > 0 && ((hits_[i - 1].begin_mask | hits_[i - 1].inside_mask) & bit)) {
      emit(Hasher(kGazM1).Add(static_cast<char>(t)));
    }
    if (i + 1 < n && (hits_[i + 1].begin_mask & bit)) emit(Hasher(kGazP1).Add(static_cast<char>(t)));
  }
}

}  // namespace warta::nlp
