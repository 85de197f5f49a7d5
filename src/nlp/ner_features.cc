#include "nlp/ner_features.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <utility>

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
// shape, the prefixes, the suffixes, the length and 5 per gazetteer type.
constexpr size_t kMaxTokenFeatures = 19 + 2 * kMaxAffixes + 5 * kGazetteerTypeCount;
constexpr std::string_view kStart = "<s>";
constexpr std::string_view kEnd = "</s>";
constexpr size_t kShapeSlack = 8;

// A feature's hash is FNV-1a over its template byte, then each part's bytes
// followed by 0xFF (so ("ab","c") != ("a","bc")), finished with a
// splitmix64 step so the top bits (the bucket) are well mixed. AddParts
// adds the same part to several hashes in one pass over its bytes (kept in
// registers: unrolled).
template <size_t N>
inline void AddParts(uint64_t (&h)[N], const char* p, size_t n) {
  for (size_t k = 0; k < n; ++k) {
#pragma GCC unroll 16
    for (uint64_t& x : h) x = FnvByte(x, static_cast<uint8_t>(p[k]));
  }
#pragma GCC unroll 16
  for (uint64_t& x : h) x = FnvByte(x, 0xFF);
}

inline uint64_t AddPart(uint64_t h, const char* p, size_t n) {
  uint64_t one[1] = {h};
  AddParts(one, p, n);
  return one[0];
}

inline uint32_t Bucket(uint64_t h, int bits) {
  uint64_t z = h + 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<uint32_t>(z >> (64 - bits));
}

inline uint64_t TemplateState(int t) { return FnvByte(kFnvSeed, static_cast<uint8_t>(t)); }

// The token (of at most 24 bytes) into out, zero-padded: whole words where
// the token has them, the rest in overlapping loads (a byte loop would
// become a call to memcpy).
inline void CopyPadded(std::string_view token, uint64_t out[3]) {
  const char* p = token.data();
  const size_t n = token.size();
  out[0] = out[1] = out[2] = 0;
  if (n >= 8) {
    size_t k = 0;
    for (; k + 8 <= n; k += 8) std::memcpy(&out[k / 8], p + k, 8);
    if (k < n) {
      uint64_t last;
      std::memcpy(&last, p + n - 8, 8);
      out[k / 8] = last >> (8 * (8 - (n - k)));
    }
  } else if (n >= 4) {
    uint32_t first, last;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);
    out[0] = first | uint64_t{last} << (8 * (n - 4));
  } else if (n > 0) {
    auto byte = [&](size_t k) { return uint64_t{static_cast<uint8_t>(p[k])} << (8 * k); };
    out[0] = byte(0) | byte(n / 2) | byte(n - 1);
  }
}

char ShapeChar(char32_t cp) {
  if (u_isupper(cp) || u_istitle(cp)) return 'X';
  if (u_islower(cp)) return 'x';
  if (u_isdigit(cp)) return 'd';
  if (u_isalpha(cp)) return 'a';
  if (cp < 0x80) return static_cast<char>(cp);
  return u_ispunct(cp) ? '.' : 'o';
}

constexpr uint8_t kHasUpper = 1, kHasLower = 2, kHasSpace = 4;
// A TokenInfo flag: the lowercase form is not the token with its ASCII
// letters lowercased (a non-ASCII letter changed, or a stray byte).
constexpr uint8_t kFoldsNonAscii = 8;
constexpr uint8_t ShapeFlags(char c) {
  return static_cast<uint8_t>((c == 'X' ? kHasUpper : 0) | (c == 'x' ? kHasLower : 0) | (c == ' ' ? kHasSpace : 0));
}

// Lowercase and shape characters of ASCII, by byte (ShapeChar's answers),
// and the shapes' flags.
struct AsciiTables {
  char lower[128];
  char shape[128];
  uint8_t flags[128];
  constexpr AsciiTables() : lower(), shape(), flags() {
    for (int b = 0; b < 128; ++b) {
      const bool upper = b >= 'A' && b <= 'Z';
      lower[b] = static_cast<char>(upper ? b + 32 : b);
      shape[b] = upper ? 'X' : b >= 'a' && b <= 'z' ? 'x' : b >= '0' && b <= '9' ? 'd' : static_cast<char>(b);
      flags[b] = ShapeFlags(shape[b]);
    }
  }
};
constexpr AsciiTables kAscii;

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

// The non-ASCII code point at token[*pos] (*pos moves past it), with its
// shape character and lowercase form: from ICU once per code point, as text
// in another script repeats few of them.
const FeatureExtractor::CodePointSlot& FeatureExtractor::KnownCodePoint(std::string_view token, size_t* pos) {
  const char32_t cp = utf8::Decode(token, pos);
  CodePointSlot& known = code_points_[cp % kCodePointSlots];
  if (known.cp != cp) {
    scratch_.clear();
    utf8::Append(static_cast<char32_t>(u_tolower(cp)), &scratch_);
    known.cp = cp;
    known.shape = ShapeChar(cp);
    known.size = static_cast<uint8_t>(scratch_.size());
    std::memcpy(known.lower, scratch_.data(), scratch_.size());
  }
  return known;
}

// Writes the token's lowercase form to text_ at used_ and keeps room for
// its short shape after it: 4 bytes per token byte (a stray byte lowercases
// to the 3 of U+FFFD), and kShapeSlack more for a cached short shape,
// restored in whole words.
inline void FeatureExtractor::DescribeCase(std::string_view token, TokenInfo* t) {
  // Locals, not *t: stores through char* would make the compiler reload
  // every field after each byte.
  char* const base = text_.data();
  const char* const in = token.data();
  const size_t size = token.size();
  const size_t lower = used_;
  size_t w = lower;
  uint8_t flags = 0;
  for (size_t pos = 0; pos < size;) {
    const unsigned char b = static_cast<unsigned char>(in[pos]);
    if (b < 0x80) {
      base[w++] = kAscii.lower[b];
      flags |= kAscii.flags[b];
      ++pos;
    } else {
      size_t next = pos;  // pos itself stays in a register
      const CodePointSlot& known = KnownCodePoint(token, &next);
      const bool same = known.size == next - pos && std::memcmp(known.lower, in + pos, known.size) == 0;
      pos = next;
      std::memcpy(base + w, known.lower, sizeof known.lower);  // the >= 2 bytes read left room for 4
      w += known.size;
      flags |= ShapeFlags(known.shape) | (same ? 0 : kFoldsNonAscii);
    }
  }
  used_ = lower + 4 * size + kShapeSlack;
  t->lower = static_cast<uint32_t>(lower);
  t->lower_size = static_cast<uint32_t>(w - lower);
  t->short_shape = static_cast<uint32_t>(lower + 3 * size);
  t->flags = flags;
}

// The rest of TokenInfo, and the short shape into the room DescribeCase
// kept.
inline void FeatureExtractor::DescribeShape(std::string_view token, TokenInfo* t) {
  char* const base = text_.data();
  const char* const in = token.data();
  const size_t size = token.size();
  const size_t short_shape = t->short_shape;
  size_t w = 0, ws = short_shape, count = 0;  // w: bytes of the lowercase form so far
  uint8_t prefix_end[kMaxAffixes] = {};
  char shape[kMaxShape] = {};
  char last = 0;
  for (size_t pos = 0; pos < size;) {
    const unsigned char b = static_cast<unsigned char>(in[pos]);
    char c;
    if (b < 0x80) {
      c = kAscii.shape[b];
      ++w;
      ++pos;
    } else {
      size_t next = pos;
      const CodePointSlot& known = KnownCodePoint(token, &next);
      pos = next;
      c = known.shape;
      w += known.size;
    }
    if (count < kMaxAffixes) prefix_end[count] = static_cast<uint8_t>(w);
    if (count < kMaxShape) shape[count] = c;
    // Without branches: whether a run of shape characters ends is a coin
    // toss.
    base[ws] = c;
    ws += count == 0 || c != last;
    last = c;
    ++count;
  }
  t->short_size = static_cast<uint32_t>(ws - short_shape);
  std::memcpy(t->shape, shape, kMaxShape);
  std::memcpy(t->prefix_end, prefix_end, kMaxAffixes);
  t->shape_size = static_cast<uint8_t>(std::min(count, kMaxShape));
  t->affixes = static_cast<uint8_t>(count == 0 ? 0 : std::min(kMaxAffixes, count - 1));
  t->length = static_cast<uint8_t>(std::min<size_t>(count, 12));
  // Suffixes by code point, of the lowercase form; in ASCII, by byte.
  const size_t lower = t->lower, lower_size = t->lower_size;
  uint8_t suffix_size[kMaxAffixes] = {1, 2, 3, 4, 5, 6};
  if (lower_size != count) {
    size_t end = lower_size;
    for (size_t k = 0; k < t->affixes; ++k) {
      do --end; while (end > 0 && !utf8::IsLeadByte(static_cast<unsigned char>(base[lower + end])));
      suffix_size[k] = static_cast<uint8_t>(lower_size - end);
    }
  }
  std::memcpy(t->suffix_size, suffix_size, sizeof suffix_size);
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
  DescribeRead(tokens, out->covered);
  ReadBuckets(tokens, out->covered);
  MatchGazetteer(gazetteer);
  WriteFeatures(out, false);
}

void FeatureExtractor::ExtractForTagging(std::span<const std::string_view> tokens, const Gazetteer* gazetteer,
                                         const TaggingWeights& weights, TaggingFeatures* out, Coverage coverage) {
  bits_ = weights.bits;
  DescribeTokens(tokens);
  FindCovered(coverage, &out->context.covered);
  ReadSums(tokens, weights, out);
  MatchGazetteer(gazetteer);
  WriteFeatures(&out->context, true);
}

// info_ (with the sentinels; for the tokens, what CaseMode and FindCovered
// need), text_ and the sentence's case mode.
void FeatureExtractor::DescribeTokens(std::span<const std::string_view> tokens) {
  const size_t n = tokens.size();
  size_t room = kStart.size() * 2 + kEnd.size() * 2;
  for (std::string_view t : tokens) room += 4 * t.size() + kShapeSlack;
  if (text_.size() < room) text_.resize(room);
  used_ = 0;
  info_.resize(n + 4);
  Sentinel(kStart, &info_[0]);
  Sentinel(kStart, &info_[1]);
  Sentinel(kEnd, &info_[n + 2]);
  Sentinel(kEnd, &info_[n + 3]);
  uint8_t flags = 0;
  for (size_t i = 0; i < n; ++i) {
    DescribeCase(tokens[i], &info_[i + 2]);
    flags |= info_[i + 2].flags;
  }
  ascii_keys_ = !(flags & (kFoldsNonAscii | kHasSpace));
  mode_ = CaseMode(std::span(info_).subspan(2, n));
  for (int t = 0; t < kTemplateCount; ++t) mode_state_[t] = FnvByte(TemplateState(t), static_cast<uint8_t>(mode_));
  bias_[0] = Bucket(TemplateState(kBias), bits_);
  bias_[1] = Bucket(mode_state_[kBias], bits_);
}

template <typename Read>
void FeatureExtractor::ForEachRead(const std::vector<std::pair<uint32_t, uint32_t>>& covered, size_t n, Read read) {
  size_t from = 0;
  for (auto [first, end] : covered) {
    const size_t to = std::min<size_t>(n, end + 2);
    for (size_t i = std::max<size_t>(from, first < 2 ? 0 : first - 2); i < to; ++i) read(i);
    from = to;
  }
}

// The tokens a covered token reads have their features: their whole
// TokenInfo.
void FeatureExtractor::DescribeRead(std::span<const std::string_view> tokens,
                                    const std::vector<std::pair<uint32_t, uint32_t>>& covered) {
  ForEachRead(covered, tokens.size(), [&](size_t i) { DescribeShape(tokens[i], &info_[i + 2]); });
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
  ForEachRead(covered, n, [&](size_t i) {
    slot_of_[i] = SlotOf(tokens[i]);
    if (slot_of_[i] != kCacheSlots) __builtin_prefetch(&cache_[slot_of_[i]]);
  });
  for (size_t i = 0; i < n; ++i) {
    if (slot_of_[i] != kUnread) {
      buckets_[i + 2] = CachedBuckets(tokens[i], info_[i + 2], slot_of_[i]);
    } else {
      const TokenInfo& t = info_[i + 2];
      buckets_[i + 2].states.word_hash = WordHash(LowerOf(t));
    }
  }
}

namespace {

// A slot's sums (see ScoreSlot::SetSums) to int32 lanes; by the label
// count, so that the loop unrolls.
template <size_t kLabels>
void UnpackSums(const uint8_t* in, size_t lanes, int32_t* sums) {
#pragma GCC unroll 32
  for (size_t l = 0; l < kLabels; ++l) {
    uint32_t x;
    std::memcpy(&x, in + 3 * l, 4);
    sums[l] = static_cast<int32_t>(x << 8) >> 8;  // the top byte's sign over the other three
  }
  std::fill(sums + kLabels, sums + lanes, 0);
}

using UnpackSumsFn = void (*)(const uint8_t*, size_t, int32_t*);
constexpr auto kUnpackSums = []<size_t... kLabels>(std::index_sequence<kLabels...>) {
  return std::array<UnpackSumsFn, sizeof...(kLabels)>{&UnpackSums<kLabels>...};
}(std::make_index_sequence<TaggingWeights::kMaxLanes + 1>{});

}  // namespace

inline void FeatureExtractor::ScoreSlot::GetSums(size_t labels, size_t lanes, int32_t* sums) const {
  kUnpackSums[labels](reinterpret_cast<const uint8_t*>(this) + kSumsOffset, lanes, sums);
}

void FeatureExtractor::ReadSums(std::span<const std::string_view> tokens, const TaggingWeights& weights,
                                TaggingFeatures* out) {
  const size_t n = tokens.size(), lanes = weights.lanes;
  ScoreCache& cache = ScoreCacheOf(weights);
  buckets_.resize(n + 4);
  given_.resize(n + 4);
  out->sums.resize(n * lanes);
  // As in ReadBuckets, the slots are fetched first.
  slot_of_.assign(n, kUnread);
  padded_.resize(n);
  ForEachRead(out->context.covered, n, [&](size_t i) {
    slot_of_[i] = ScoreSlotOf(tokens[i], mode_, padded_[i].data());
    if (slot_of_[i] != kScoreSlots) __builtin_prefetch(cache.Slot(slot_of_[i]));
  });
  for (size_t p = 0; p < n + 4; ++p) {
    const bool sentinel = p < 2 || p >= n + 2;
    if (!sentinel && slot_of_[p - 2] == kUnread) {
      const TokenInfo& t = info_[p];
      buckets_[p].states.word_hash = WordHash(LowerOf(t));
      continue;
    }
    const std::string_view token = sentinel ? p < 2 ? kStart : kEnd : tokens[p - 2];
    const size_t index = sentinel ? kScoreSlots + (mode_ % 4) * 2 + (p >= 2) : slot_of_[p - 2];
    const bool cached = index != kScoreSlots;
    ScoreSlot* const place = cached ? cache.Slot(index) : reinterpret_cast<ScoreSlot*>(uncached_slot_.data());
    uint64_t sentinel_padded[kCachedBytes / 8];
    if (sentinel) CopyPadded(token, sentinel_padded);
    const uint64_t* padded = sentinel ? sentinel_padded : padded_[p - 2].data();
    const ScoreSlot& slot = ScoreSlotFor(token, padded, mode_, p, sentinel, weights, place, cached);
    buckets_[p].states = slot.states;
    given_[p] = slot.given;
    if (!sentinel) slot.GetSums(weights.labels, lanes, &out->sums[(p - 2) * lanes]);
  }
  // Token i is at position i + 2.
  constexpr size_t kRows = TaggingFeatures::kNeighbourRows;
  out->neighbour_rows.resize(n * kRows);
  for (auto [first, end] : out->context.covered) {
    for (size_t i = first; i < end; ++i) {
      const GivenRows* g = &given_[i + 2];
      const uint32_t rows[kRows] = {g[-1].as_m1[0], g[-1].as_m1[1], g[1].as_p1[0], g[1].as_p1[1], g[-2].as_m2,
                                    g[2].as_p2};
      std::copy_n(rows, kRows, &out->neighbour_rows[i * kRows]);
    }
  }
}

// Each sum in 3 bytes, little-endian (see TaggingWeights::sum).
void FeatureExtractor::ScoreSlot::SetSums(const int32_t* sums, size_t labels) {
  static_assert(offsetof(ScoreSlot, short_size) + 1 == kSumsOffset);
  uint8_t* out = reinterpret_cast<uint8_t*>(this) + kSumsOffset;
  for (size_t l = 0; l < labels; ++l) std::memcpy(out + 3 * l, &sums[l], 3);
}

FeatureExtractor::ScoreCache& FeatureExtractor::ScoreCacheOf(const TaggingWeights& weights) {
  for (ScoreCache& c : score_caches_) {
    if (c.model == weights.model) return c;
  }
  ScoreCache* evicted;
  if (score_caches_.size() < kModelCaches) {
    evicted = &score_caches_.emplace_back();
  } else {
    evicted = &score_caches_[next_evicted_];
    next_evicted_ = (next_evicted_ + 1) % kModelCaches;
  }
  ScoreCache& c = *evicted;
  c.model = weights.model;
  c.slot_bytes = ScoreSlot::Bytes(weights.labels);
  c.slots.reset(static_cast<std::byte*>(AllocateLarge((kScoreSlots + kSentinelSlots) * c.slot_bytes)));
  if (!c.slots) throw std::bad_alloc();
  for (size_t k = 0; k < kScoreSlots + kSentinelSlots; ++k) new (c.Slot(k)) ScoreSlot();
  if (uncached_slot_.size() < c.slot_bytes / 8) {
    uncached_slot_.resize(c.slot_bytes / 8);
    new (uncached_slot_.data()) ScoreSlot();
  }
  return c;
}

size_t FeatureExtractor::ScoreSlotOf(std::string_view token, char mode, uint64_t* padded) const {
  if (token.size() > kScoreCachedBytes) return kScoreSlots;
  CopyPadded(token, padded);
  return KeyHash(padded, token.size(), mode) & (kScoreSlots - 1);
}

const FeatureExtractor::ScoreSlot& FeatureExtractor::ScoreSlotFor(std::string_view token, const uint64_t* padded,
                                                                  char mode, size_t position, bool sentinel,
                                                                  const TaggingWeights& weights, ScoreSlot* slot,
                                                                  bool cached) {
  TokenInfo& t = info_[position];
  constexpr size_t kWords = kScoreCachedBytes / 8;
  if (cached) {
    if (slot->size == token.size() && slot->mode == mode && std::equal(padded, padded + kWords, slot->bytes)) {
      // Into the room DescribeCase kept, a whole word (kShapeSlack).
      if (!sentinel) t.short_size = slot->short_size, std::memcpy(text_.data() + t.short_shape, &slot->short_shape, 8);
      return *slot;
    }
  }
  if (!sentinel) DescribeShape(token, &t);
  FillScoreSlot(t, weights, slot);
  // The slot serves this call either way; it keeps the token only when the
  // short shape fits.
  slot->size = ScoreSlot::kEmptySlot;
  if (cached && t.short_size <= sizeof slot->short_shape) {
    std::copy(padded, padded + kWords, slot->bytes);
    slot->size = static_cast<uint8_t>(token.size());
    slot->mode = mode;
    slot->short_size = static_cast<uint8_t>(t.short_size);
    slot->short_shape = 0;
    std::memcpy(&slot->short_shape, text_.data() + t.short_shape, t.short_size);
  }
  return *slot;
}

void FeatureExtractor::FillScoreSlot(const TokenInfo& t, const TaggingWeights& weights, ScoreSlot* slot) const {
  const TokenBuckets b = BucketsOf(t);
  slot->states = b.states;
  // The bias, 5 and up to kMaxAffixes prefixes and as many suffixes, then the 6 given.
  uint32_t buckets[2 + 5 + 2 * kMaxAffixes + 6] = {bias_[0], bias_[1], b.word, b.shape, b.short_shape, b.word_shape, b.length};
  size_t n = 7;
  for (size_t k = 0; k < t.affixes; ++k) buckets[n++] = b.prefix[k];
  for (size_t k = 0; k < t.affixes; ++k) buckets[n++] = b.suffix[k];
  const size_t own = n;
  for (uint32_t given : {b.as_m1[0], b.as_m1[1], b.as_p1[0], b.as_p1[1], b.as_m2, b.as_p2}) buckets[n++] = given;
  uint32_t rows[std::size(buckets)];
  weights.rows_of(weights.weights, buckets, n, rows);
  int32_t sums[TaggingWeights::kMaxLanes];
  weights.sum(weights.weights, rows, own, sums);
  slot->SetSums(sums, weights.labels);
  GivenRows& g = slot->given;
  g = {{rows[own], rows[own + 1]}, {rows[own + 2], rows[own + 3]}, rows[own + 4], rows[own + 5]};
}

std::span<const GazetteerHit> FeatureExtractor::AsciiGazetteerHits() const {
  return ascii_keys_ ? std::span<const GazetteerHit>(hits_) : std::span<const GazetteerHit>();
}

// hits_, from the gazetteer's entries over the tokens' lowercase forms.
void FeatureExtractor::MatchGazetteer(const Gazetteer* gazetteer) {
  const size_t n = info_.size() - 4;
  hits_.assign(n, GazetteerHit{});
  if (!gazetteer) return;
  keys_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const TokenInfo& t = info_[i + 2];
    const std::string_view lower = LowerOf(t);
    // A space in the token means one in its lowercase form too.
    keys_[i] = t.flags & kHasSpace ? TokenKey(lower) : SingleWordKey(buckets_[i + 2].states.word_hash);
  }
  gazetteer->Match(keys_, hits_.data());
}

// The covered tokens' buckets into *out; the others get none.
void FeatureExtractor::WriteFeatures(SentenceFeatures* out, bool context_only) {
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
      p = context_only ? ContextFeatures(i, p) : TokenFeatures(i, p);
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
  const char* lower = text_.data() + t.lower;
  const int bits = bits_;
  const uint64_t* ms = mode_state_;
  TokenBuckets b;
  TokenStates& s = b.states;
  // The features over the word, then those over the short shape (word and
  // shape continues from the first into the second).
  uint64_t word[] = {TemplateState(kWord),    TemplateState(kWordM1),    TemplateState(kWordP1),
                     TemplateState(kWordM2),  TemplateState(kWordP2),    ms[kWordShape],
                     TemplateState(kBigramM1), TemplateState(kBigramP1), ms[kWordM1Shape0]};
  AddParts(word, lower, t.lower_size);
  b.word = Bucket(word[0], bits);
  b.as_m1[0] = Bucket(word[1], bits);
  b.as_p1[0] = Bucket(word[2], bits);
  b.as_m2 = Bucket(word[3], bits);
  b.as_p2 = Bucket(word[4], bits);
  s.bigram_m1 = word[6];
  s.bigram_p1 = word[7];
  s.word_m1_shape0 = word[8];
  uint64_t shape[] = {ms[kShortShape], ms[kShortShapeM1], ms[kShortShapeP1], word[5], ms[kShapeTrigram],
                      ms[kShapeM1Word0]};
  AddParts(shape, text_.data() + t.short_shape, t.short_size);
  b.short_shape = Bucket(shape[0], bits);
  b.as_m1[1] = Bucket(shape[1], bits);
  b.as_p1[1] = Bucket(shape[2], bits);
  b.word_shape = Bucket(shape[3], bits);
  s.trigram = shape[4];
  s.shape_m1_word0 = shape[5];
  b.shape = Bucket(AddPart(ms[kShape], t.shape, t.shape_size), bits);
  // Affixes by code point, of the lowercase form; prefixes extend one state.
  uint64_t prefix = TemplateState(kPrefix);
  for (size_t k = 0, done = 0; k < t.affixes; ++k) {
    for (; done < t.prefix_end[k]; ++done) prefix = FnvByte(prefix, static_cast<uint8_t>(lower[done]));
    b.prefix[k] = Bucket(FnvByte(prefix, 0xFF), bits);
    b.suffix[k] = Bucket(AddPart(TemplateState(kSuffix), lower + t.lower_size - t.suffix_size[k], t.suffix_size[k]), bits);
  }
  b.length = Bucket(FnvByte(TemplateState(kLength), t.length), bits);
  s.word_hash = WordHash(LowerOf(t));
  return b;
}

uint64_t FeatureExtractor::KeyHash(const uint64_t* padded, size_t size, char mode) const {
  uint64_t key = size * 0x9E3779B97F4A7C15ull ^ (static_cast<uint64_t>(static_cast<uint8_t>(mode)) << 8) ^
                 static_cast<uint64_t>(bits_);
  // The words the token has: the rest are zero for any token of its size.
  for (size_t k = 0; k * 8 < size; ++k) key = (key ^ padded[k]) * 0xFF51AFD7ED558CCDull, key ^= key >> 32;
  return key;
}

size_t FeatureExtractor::SlotOf(std::string_view token) const {
  if (token.size() > kCachedBytes) return kCacheSlots;
  uint64_t padded[kCachedBytes / 8];
  CopyPadded(token, padded);
  return KeyHash(padded, token.size(), mode_) & (kCacheSlots - 1);
}

const FeatureExtractor::TokenBuckets& FeatureExtractor::CachedBuckets(std::string_view token, const TokenInfo& t,
                                                                      size_t slot_index) {
  thread_local TokenBuckets uncached;
  if (slot_index == kCacheSlots) return uncached = BucketsOf(t);
  uint64_t bytes[kCachedBytes / 8];
  CopyPadded(token, bytes);
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

// Token i is at position i + 2 of info_ and buckets_. The parts over one
// token's word or short shape are added to all their hashes at once.
void FeatureExtractor::ContextBuckets(size_t i, uint32_t* out) const {
  const char* text = text_.data();
  const TokenInfo& t = info_[i + 2];
  const TokenInfo& next = info_[i + 3];
  const TokenStates& before = buckets_[i + 1].states;
  uint64_t word[] = {before.bigram_m1, before.shape_m1_word0};
  AddParts(word, text + t.lower, t.lower_size);
  uint64_t shape[] = {before.trigram, before.word_m1_shape0};
  AddParts(shape, text + t.short_shape, t.short_size);
  out[kBigramM1Bucket] = Bucket(word[0], bits_);
  out[kBigramP1Bucket] = Bucket(AddPart(buckets_[i + 2].states.bigram_p1, text + next.lower, next.lower_size), bits_);
  out[kTrigramBucket] = Bucket(AddPart(shape[0], text + next.short_shape, next.short_size), bits_);
  out[kWordM1Shape0Bucket] = Bucket(shape[1], bits_);
  out[kShapeM1Word0Bucket] = Bucket(word[1], bits_);
}

uint32_t FeatureExtractor::FirstShape() const {
  const TokenInfo& t = info_[2];
  return Bucket(AddPart(mode_state_[kFirstShape], text_.data() + t.short_shape, t.short_size), bits_);
}

uint32_t* FeatureExtractor::TokenFeatures(size_t i, uint32_t* out) const {
  const TokenInfo& t = info_[i + 2];
  const TokenBuckets* b = &buckets_[i + 2];  // b[-2] .. b[2]: the neighbours or sentinels
  uint32_t context[kContextBuckets];
  ContextBuckets(i, context);
  // The order is the model format's: training sums in it.
  *out++ = bias_[0];
  *out++ = bias_[1];
  *out++ = b[0].word;
  *out++ = b[-1].as_m1[0];
  *out++ = b[1].as_p1[0];
  *out++ = b[-2].as_m2;
  *out++ = b[2].as_p2;
  *out++ = context[kBigramM1Bucket];
  *out++ = context[kBigramP1Bucket];
  *out++ = b[0].shape;
  *out++ = b[0].short_shape;
  *out++ = b[-1].as_m1[1];
  *out++ = b[1].as_p1[1];
  *out++ = context[kTrigramBucket];
  *out++ = b[0].word_shape;
  *out++ = context[kWordM1Shape0Bucket];
  *out++ = context[kShapeM1Word0Bucket];
  if (i == 0) *out++ = FirstShape();
  for (size_t k = 0; k < t.affixes; ++k) *out++ = b[0].prefix[k];
  for (size_t k = 0; k < t.affixes; ++k) *out++ = b[0].suffix[k];
  *out++ = b[0].length;
  return GazetteerFeatures(i, out);
}

uint32_t* FeatureExtractor::ContextFeatures(size_t i, uint32_t* out) const {
  ContextBuckets(i, out);
  out += kContextBuckets;
  if (i == 0) *out++ = FirstShape();
  return GazetteerFeatures(i, out);
}

uint32_t* FeatureExtractor::GazetteerFeatures(size_t i, uint32_t* out) const {
  const size_t n = hits_.size();
  const GazetteerHit& hit = hits_[i];
  const uint8_t before = i > 0 ? hits_[i - 1].begin_mask | hits_[i - 1].inside_mask : 0;
  const uint8_t after = i + 1 < n ? hits_[i + 1].begin_mask : 0;
  if ((hit.begin_mask | hit.inside_mask | before | after) == 0) return out;
  auto emit = [&](uint64_t h) { *out++ = Bucket(h, bits_); };
  auto chr = [](uint64_t h, int c) { return FnvByte(h, static_cast<uint8_t>(c)); };
  for (int g = 0; g < kGazetteerTypeCount; ++g) {
    const uint8_t bit = static_cast<uint8_t>(1u << g);
    if (hit.begin_mask & bit) {
      emit(chr(TemplateState(kGazBegin), g));
      emit(chr(chr(mode_state_[kGazBeginTitle], g), Title(info_[i + 2]) ? 'T' : 'f'));
    }
    if (hit.inside_mask & bit) emit(chr(TemplateState(kGazInside), g));
    if (before & bit) emit(chr(TemplateState(kGazM1), g));
    if (after & bit) emit(chr(TemplateState(kGazP1), g));
  }
  return out;
}

}  // namespace warta::nlp
