#include "nlp/ner_features.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <new>

#include "base/large_alloc.h"
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

constexpr int kTemplateCount = kShapeM1Word0 + 1;
constexpr size_t kMaxShape = 8;
// Features of one token at most: 17 word and shape templates, the first
// shape, 4 prefixes, 4 suffixes, the length and 5 per gazetteer type.
constexpr size_t kMaxTokenFeatures = 27 + 5 * kGazetteerTypeCount;
constexpr std::string_view kStart = "<s>";
constexpr std::string_view kEnd = "</s>";

// A feature's hash is FNV-1a over its template byte, then each part's bytes
// followed by 0xFF (so ("ab","c") != ("a","bc")), finished with a
// splitmix64 step so the top bits (the bucket) are well mixed.
inline uint64_t AddPart(uint64_t h, const char* p, size_t n) {
  for (size_t k = 0; k < n; ++k) h = FnvByte(h, static_cast<uint8_t>(p[k]));
  return FnvByte(h, 0xFF);
}

inline uint32_t Bucket(uint64_t h, int bits) {
  uint64_t z = h + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<uint32_t>(z >> (64 - bits));
}

inline uint64_t TemplateState(int t) { return FnvByte(kFnvSeed, static_cast<uint8_t>(t)); }

char ShapeChar(char32_t cp) {
  if (u_isupper(cp) || u_istitle(cp)) return 'X';
  if (u_islower(cp)) return 'x';
  if (u_isdigit(cp)) return 'd';
  if (u_isalpha(cp)) return 'a';
  if (cp < 0x80) return static_cast<char>(cp);
  return u_ispunct(cp) ? '.' : 'o';
}

// Lowercase and shape characters of ASCII, by byte (ShapeChar's answers).
struct AsciiTables {
  char lower[128];
  char shape[128];
  constexpr AsciiTables() : lower(), shape() {
    for (int b = 0; b < 128; ++b) {
      const bool upper = b >= 'A' && b <= 'Z';
      lower[b] = static_cast<char>(upper ? b + 32 : b);
      shape[b] = upper ? 'X' : b >= 'a' && b <= 'z' ? 'x' : b >= '0' && b <= '9' ? 'd' : static_cast<char>(b);
    }
  }
};
constexpr AsciiTables kAscii;

constexpr uint8_t kHasUpper = 1, kHasLower = 2, kHasSpace = 4;
inline uint8_t ShapeFlags(char c) {
  return static_cast<uint8_t>((c == 'X' ? kHasUpper : 0) | (c == 'x' ? kHasLower : 0) | (c == ' ' ? kHasSpace : 0));
}

// 'l' when the sentence has no capital letter (lowercased text: case says
// nothing), 'u' when nearly every word is in capitals (headlines), else 'n'.
// Shape features are conjoined with it so each casing regime gets its own
// weights.
char CaseMode(std::span<const FeatureExtractor::TokenInfo> tokens) {
  size_t words = 0, caps = 0, any_upper = 0;
  for (const FeatureExtractor::TokenInfo& t : tokens) {
    const bool upper = t.flags & kHasUpper, lower = t.flags & kHasLower;
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

// Writes the token's lowercase form and short shape to text_ at used_, which
// has room for 4 bytes per token byte (a stray byte lowercases to the 3 of
// U+FFFD).
void FeatureExtractor::Describe(std::string_view token, TokenInfo* t) {
  // Locals, not *t: stores through char* would make the compiler reload
  // every field after each byte.
  char* const base = text_.data();
  const char* const in = token.data();
  const size_t size = token.size();
  const size_t lower = used_;
  const size_t short_shape = used_ + 3 * size;
  size_t w = lower, ws = short_shape, count = 0;
  uint8_t prefix_end[4] = {}, flags = 0;
  char shape[kMaxShape] = {};
  char last = 0;
  for (size_t pos = 0; pos < size;) {
    const unsigned char b = static_cast<unsigned char>(in[pos]);
    char c;
    if (b < 0x80) {
      base[w++] = kAscii.lower[b];
      c = kAscii.shape[b];
      ++pos;
    } else {
      size_t next = pos;  // pos itself stays in a register
      const char32_t cp = utf8::Decode(token, &next);
      pos = next;
      // ShapeChar and the lowercase form from ICU once per code point:
      // text in another script repeats few of them.
      CodePointSlot& known = code_points_[cp % kCodePointSlots];
      if (known.cp != cp) {
        scratch_.clear();
        utf8::Append(static_cast<char32_t>(u_tolower(cp)), &scratch_);
        known.cp = cp;
        known.shape = ShapeChar(cp);
        known.size = static_cast<uint8_t>(scratch_.size());
        std::memcpy(known.lower, scratch_.data(), scratch_.size());
      }
      c = known.shape;
      std::memcpy(base + w, known.lower, sizeof known.lower);  // the >= 2 bytes read left room for 4
      w += known.size;
    }
    if (count < 4) prefix_end[count] = static_cast<uint8_t>(w - lower);
    if (count < kMaxShape) shape[count] = c;
    // Without branches: whether a run of shape characters ends is a coin
    // toss. The flags of every character are those of the short shape.
    base[ws] = c;
    ws += count == 0 || c != last;
    flags |= ShapeFlags(c);
    last = c;
    ++count;
  }
  used_ = short_shape + size;
  t->lower = static_cast<uint32_t>(lower);
  t->lower_size = static_cast<uint32_t>(w - lower);
  t->short_shape = static_cast<uint32_t>(short_shape);
  t->short_size = static_cast<uint32_t>(ws - short_shape);
  std::memcpy(t->shape, shape, kMaxShape);
  std::memcpy(t->prefix_end, prefix_end, 4);
  t->flags = flags;
  t->shape_size = static_cast<uint8_t>(std::min(count, kMaxShape));
  t->affixes = static_cast<uint8_t>(count == 0 ? 0 : std::min<size_t>(4, count - 1));
  t->length = static_cast<uint8_t>(std::min<size_t>(count, 12));
  // Suffixes by code point, of the lowercase form.
  const size_t lower_size = w - lower;
  size_t end = lower_size;
  for (size_t k = 0; k < t->affixes; ++k) {
    do --end; while (end > 0 && !utf8::IsLeadByte(static_cast<unsigned char>(base[lower + end])));
    t->suffix_size[k] = static_cast<uint8_t>(lower_size - end);
  }
}

// "Xx..." or a lone capital.
bool FeatureExtractor::Title(const TokenInfo& t) const {
  const char* ss = text_.data() + t.short_shape;
  return t.short_size >= 1 && ss[0] == 'X' && (t.short_size == 1 || ss[1] == 'x');
}

// A position before or after the sentence: `text` stands for its word and
// its short shape.
void FeatureExtractor::Sentinel(std::string_view text, TokenInfo* t) {
  *t = TokenInfo{};
  t->lower = t->short_shape = static_cast<uint32_t>(used_);
  t->lower_size = t->short_size = static_cast<uint32_t>(text.size());
  std::memcpy(text_.data() + used_, text.data(), text.size());
  used_ += text.size();
}

void FeatureExtractor::Extract(std::span<const std::string_view> tokens, const Gazetteer* gazetteer, int bits,
                               SentenceFeatures* out, Coverage coverage) {
  bits_ = bits;
  DescribeTokens(tokens);
  FindCovered(coverage, &out->covered);
  ReadBuckets(tokens, out->covered);
  MatchGazetteer(gazetteer);
  WriteFeatures(out);
}

// info_ (with the sentinels), text_ and the sentence's case mode.
void FeatureExtractor::DescribeTokens(std::span<const std::string_view> tokens) {
  const size_t n = tokens.size();
  size_t room = kStart.size() * 2 + kEnd.size() * 2;
  for (std::string_view t : tokens) room += 4 * t.size();
  if (text_.size() < room) text_.resize(room);
  used_ = 0;
  info_.resize(n + 4);
  Sentinel(kStart, &info_[0]);
  Sentinel(kStart, &info_[1]);
  Sentinel(kEnd, &info_[n + 2]);
  Sentinel(kEnd, &info_[n + 3]);
  for (size_t i = 0; i < n; ++i) {
    info_[i + 2] = TokenInfo{};
    Describe(tokens[i], &info_[i + 2]);
  }
  mode_ = CaseMode(std::span(info_).subspan(2, n));
  for (int t = 0; t < kTemplateCount; ++t) mode_state_[t] = FnvByte(TemplateState(t), static_cast<uint8_t>(mode_));
  bias_[0] = Bucket(TemplateState(kBias), bits_);
  bias_[1] = Bucket(mode_state_[kBias], bits_);
}

// buckets_: whole for the tokens a covered token reads (itself and two on
// either side), the word hash alone (for the gazetteer) for the others.
void FeatureExtractor::ReadBuckets(std::span<const std::string_view> tokens,
                                   const std::vector<std::pair<uint32_t, uint32_t>>& covered) {
  const size_t n = tokens.size();
  buckets_.resize(n + 4);
  if (!cache_) {
    // A megabyte read at random: in huge pages when it can be.
    cache_.reset(static_cast<CacheSlot*>(AllocateLarge(kCacheSlots * sizeof(CacheSlot))));
    if (!cache_) throw std::bad_alloc();
    std::uninitialized_default_construct_n(cache_.get(), kCacheSlots);
  }
  if (mode_ != sentinel_mode_ || bits_ != sentinel_bits_) {
    sentinel_[0] = BucketsOf(info_[0]);
    sentinel_[1] = BucketsOf(info_[n + 2]);
    sentinel_mode_ = mode_;
    sentinel_bits_ = bits_;
  }
  buckets_[0] = buckets_[1] = sentinel_[0];
  buckets_[n + 2] = buckets_[n + 3] = sentinel_[1];
  // The cache slots of the tokens read are found and fetched first: a
  // sentence's words are scattered over the cache's megabyte, and waiting
  // for each in turn costs more than looking them up. One line a slot: more
  // filled the miss queue, and the prefetches themselves stalled.
  slot_of_.assign(n, kUnread);
  size_t from = 0;
  for (auto [first, end] : covered) {
    const size_t to = std::min<size_t>(n, end + 2);
    for (size_t i = std::max<size_t>(from, first < 2 ? 0 : first - 2); i < to; ++i) {
      slot_of_[i] = SlotOf(tokens[i]);
      if (slot_of_[i] != kCacheSlots) __builtin_prefetch(&cache_[slot_of_[i]]);
    }
    from = to;
  }
  for (size_t i = 0; i < n; ++i) {
    if (slot_of_[i] != kUnread) {
      buckets_[i + 2] = CachedBuckets(tokens[i], info_[i + 2], slot_of_[i]);
    } else {
      const TokenInfo& t = info_[i + 2];
      buckets_[i + 2].word_hash = WordHash(std::string_view(text_.data() + t.lower, t.lower_size));
    }
  }
}

// hits_, from the gazetteer's entries over the tokens' lowercase forms.
void FeatureExtractor::MatchGazetteer(const Gazetteer* gazetteer) {
  const size_t n = info_.size() - 4;
  hits_.assign(n, GazetteerHit{});
  if (!gazetteer) return;
  keys_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const TokenInfo& t = info_[i + 2];
    const std::string_view lower(text_.data() + t.lower, t.lower_size);
    // A space in the token means one in its lowercase form too.
    keys_[i] = t.flags & kHasSpace ? TokenKey(lower) : SingleWordKey(buckets_[i + 2].word_hash);
  }
  gazetteer->Match(keys_, hits_.data());
}

// The covered tokens' buckets into *out; the others get none.
void FeatureExtractor::WriteFeatures(SentenceFeatures* out) {
  const size_t n = info_.size() - 4;
  // Written to a buffer with room for the most features, then copied: out
  // is sized to fit (the trainer keeps every sentence's).
  if (scratch_buckets_.size() < n * kMaxTokenFeatures) scratch_buckets_.resize(n * kMaxTokenFeatures);
  out->offsets.resize(n + 1);
  uint32_t* const begin = scratch_buckets_.data();
  uint32_t* p = begin;
  size_t i = 0;
  for (auto [first, end] : out->covered) {
    for (; i < first; ++i) out->offsets[i] = static_cast<uint32_t>(p - begin);
    for (; i < end; ++i) {
      out->offsets[i] = static_cast<uint32_t>(p - begin);
      p = TokenFeatures(i, p);
    }
  }
  for (; i < n; ++i) out->offsets[i] = static_cast<uint32_t>(p - begin);
  out->offsets[n] = static_cast<uint32_t>(p - begin);
  out->buckets.assign(begin, p);
}

void FeatureExtractor::FindCovered(Coverage coverage, std::vector<std::pair<uint32_t, uint32_t>>* covered) const {
  const uint32_t n = static_cast<uint32_t>(info_.size() - 4);
  covered->clear();
  if (n == 0) return;
  if (coverage != Coverage::kSkipUncased || mode_ != 'n') {
    covered->push_back({0, n});
    return;
  }
  // A capitalised token covers itself and its neighbours (info_[i + 2] is
  // token i), and through a hyphen the word before it ("al-Tanf").
  auto hyphen = [&](uint32_t i) {
    const TokenInfo& t = info_[i + 2];
    return t.lower_size == 1 && text_[t.lower] == '-';
  };
  for (uint32_t i = 0; i < n; ++i) {
    if (!(info_[i + 2].flags & kHasUpper)) continue;
    const uint32_t first = i == 0 ? 0 : i >= 2 && hyphen(i - 1) ? i - 2 : i - 1, end = std::min(n, i + 2);
    if (!covered->empty() && covered->back().second >= first) {
      covered->back().second = end;
    } else {
      covered->push_back({first, end});
    }
  }
}

FeatureExtractor::TokenBuckets FeatureExtractor::BucketsOf(const TokenInfo& t) const {
  const char* text = text_.data();
  const int bits = bits_;
  auto word = [&](uint64_t h) { return Bucket(AddPart(h, text + t.lower, t.lower_size), bits); };
  auto sshape = [&](uint64_t h) { return AddPart(h, text + t.short_shape, t.short_size); };
  const uint64_t* ms = mode_state_;
  TokenBuckets b;
  b.word = word(TemplateState(kWord));
  b.as_m1[0] = word(TemplateState(kWordM1));
  b.as_p1[0] = word(TemplateState(kWordP1));
  b.as_m2 = word(TemplateState(kWordM2));
  b.as_p2 = word(TemplateState(kWordP2));
  b.shape = Bucket(AddPart(ms[kShape], t.shape, t.shape_size), bits);
  b.short_shape = Bucket(sshape(ms[kShortShape]), bits);
  b.as_m1[1] = Bucket(sshape(ms[kShortShapeM1]), bits);
  b.as_p1[1] = Bucket(sshape(ms[kShortShapeP1]), bits);
  b.word_shape = Bucket(sshape(AddPart(ms[kWordShape], text + t.lower, t.lower_size)), bits);
  // Affixes by code point, of the lowercase form; prefixes extend one state.
  const char* lower = text + t.lower;
  uint64_t prefix = TemplateState(kPrefix);
  for (size_t k = 0, done = 0; k < t.affixes; ++k) {
    for (; done < t.prefix_end[k]; ++done) prefix = FnvByte(prefix, static_cast<uint8_t>(lower[done]));
    b.prefix[k] = Bucket(FnvByte(prefix, 0xFF), bits);
    b.suffix[k] = Bucket(AddPart(TemplateState(kSuffix), lower + t.lower_size - t.suffix_size[k], t.suffix_size[k]), bits);
  }
  b.length = Bucket(FnvByte(TemplateState(kLength), t.length), bits);
  b.word_hash = WordHash(std::string_view(text + t.lower, t.lower_size));
  b.bigram_m1 = AddPart(TemplateState(kBigramM1), text + t.lower, t.lower_size);
  b.bigram_p1 = AddPart(TemplateState(kBigramP1), text + t.lower, t.lower_size);
  b.trigram = sshape(ms[kShapeTrigram]);
  b.word_m1_shape0 = AddPart(ms[kWordM1Shape0], text + t.lower, t.lower_size);
  b.shape_m1_word0 = sshape(ms[kShapeM1Word0]);
  return b;
}

size_t FeatureExtractor::SlotOf(std::string_view token) const {
  if (token.size() > kCachedBytes) return kCacheSlots;
  uint64_t bytes[kCachedBytes / 8] = {};
  std::memcpy(bytes, token.data(), token.size());
  uint64_t key = token.size() * 0x9E3779B97F4A7C15ull ^ (static_cast<uint64_t>(mode_) << 8) ^ static_cast<uint64_t>(bits_);
  for (uint64_t w : bytes) key = (key ^ w) * 0xFF51AFD7ED558CCDull, key ^= key >> 32;
  return key & (kCacheSlots - 1);
}

const FeatureExtractor::TokenBuckets& FeatureExtractor::CachedBuckets(std::string_view token, const TokenInfo& t,
                                                                      size_t slot_index) {
  thread_local TokenBuckets uncached;
  if (slot_index == kCacheSlots) return uncached = BucketsOf(t);
  uint64_t bytes[kCachedBytes / 8] = {};
  std::memcpy(bytes, token.data(), token.size());
  CacheSlot& slot = cache_[slot_index];
  if (slot.size == token.size() && slot.mode == mode_ && slot.bits == bits_ &&
      std::equal(std::begin(bytes), std::end(bytes), slot.bytes)) {
    return slot.buckets;
  }
  std::copy(std::begin(bytes), std::end(bytes), slot.bytes);
  slot.size = static_cast<uint32_t>(token.size());
  slot.mode = mode_;
  slot.bits = static_cast<uint8_t>(bits_);
  slot.buckets = BucketsOf(t);
  return slot.buckets;
}

uint32_t* FeatureExtractor::TokenFeatures(size_t i, uint32_t* out) const {
  const size_t n = hits_.size();
  const TokenInfo* t = &info_[i + 2];     // t[-2] .. t[2]: the neighbours or sentinels
  const TokenBuckets* b = &buckets_[i + 2];  // likewise
  const char* text = text_.data();
  const int bits = bits_;
  auto emit = [&](uint64_t h) { *out++ = Bucket(h, bits); };
  auto word = [&](const TokenInfo& x, uint64_t h) { return AddPart(h, text + x.lower, x.lower_size); };
  auto sshape = [&](const TokenInfo& x, uint64_t h) { return AddPart(h, text + x.short_shape, x.short_size); };
  auto chr = [](uint64_t h, int c) { return FnvByte(h, static_cast<uint8_t>(c)); };
  const uint64_t* ms = mode_state_;

  // The order is the model format's: training sums in it.
  *out++ = bias_[0];
  *out++ = bias_[1];
  *out++ = b[0].word;
  *out++ = b[-1].as_m1[0];
  *out++ = b[1].as_p1[0];
  *out++ = b[-2].as_m2;
  *out++ = b[2].as_p2;
  emit(word(t[0], b[-1].bigram_m1));
  emit(word(t[1], b[0].bigram_p1));

  *out++ = b[0].shape;
  *out++ = b[0].short_shape;
  *out++ = b[-1].as_m1[1];
  *out++ = b[1].as_p1[1];
  emit(sshape(t[1], sshape(t[0], b[-1].trigram)));
  *out++ = b[0].word_shape;
  emit(sshape(t[0], b[-1].word_m1_shape0));
  emit(word(t[0], b[-1].shape_m1_word0));
  if (i == 0) emit(sshape(t[0], ms[kFirstShape]));
  for (size_t k = 0; k < t->affixes; ++k) *out++ = b[0].prefix[k];
  for (size_t k = 0; k < t->affixes; ++k) *out++ = b[0].suffix[k];
  *out++ = b[0].length;
  const GazetteerHit& hit = hits_[i];
  const uint8_t before = i > 0 ? hits_[i - 1].begin_mask | hits_[i - 1].inside_mask : 0;
  const uint8_t after = i + 1 < n ? hits_[i + 1].begin_mask : 0;
  if ((hit.begin_mask | hit.inside_mask | before | after) == 0) return out;
  for (int g = 0; g < kGazetteerTypeCount; ++g) {
    const uint8_t bit = static_cast<uint8_t>(1u << g);
    if (hit.begin_mask & bit) {
      emit(chr(TemplateState(kGazBegin), g));
      emit(chr(chr(ms[kGazBeginTitle], g), Title(*t) ? 'T' : 'f'));
    }
    if (hit.inside_mask & bit) emit(chr(TemplateState(kGazInside), g));
    if (before & bit) emit(chr(TemplateState(kGazM1), g));
    if (after & bit) emit(chr(TemplateState(kGazP1), g));
  }
  return out;
}

}  // namespace warta::nlp
