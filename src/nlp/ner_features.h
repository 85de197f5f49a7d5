// Hashed sparse features of the NER tagger: for each token of a sentence, the
// buckets (indexes into a 2^bits weight table) of its active features —
// the word and its neighbours lowercased, word shapes, affixes, gazetteer
// hits. Training (tools/ner_train) and tagging (NerModel) share this code,
// so a model only works with the feature set it was trained with; bump
// kNerFeatureVersion when the features change (or how they hash).
//
// Each token is read into one buffer per sentence: its lowercase form and
// case, then, if a covered token reads its features, its shapes and affix
// boundaries; each feature then hashes those bytes. The
// buckets that depend on one token alone are remembered by the token as
// written (a bounded cache, about 1.4 MB), so a recurring word costs a
// look-up. The buckets and their order are part of the model format of
// kNerFeatureVersion (ner_test pins them).
//
// Tagging needs only the sums of a token's weight rows: ExtractForTagging
// hands back, per token, the sum of the rows of its features over itself
// alone (and the bias), the rows of those its neighbours give it, and the
// buckets of the rest, from a second cache, per model, of such sums and
// rows by token and case mode. A recurring word costs a look-up and a few
// rows instead of about 31. The sums are of integers, so in any order they
// are those of the buckets.
//
// Thread safety: a FeatureExtractor holds scratch buffers (reused from
// sentence to sentence to avoid allocation) and its caches; use one per
// thread.
#ifndef WARTA_NLP_NER_FEATURES_H_
#define WARTA_NLP_NER_FEATURES_H_

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/large_alloc.h"
#include "nlp/gazetteer.h"

namespace warta::nlp {

// 2: affixes of up to 6 code points (1: up to 4).
inline constexpr uint32_t kNerFeatureVersion = 2;
// Prefixes and suffixes of a token, by code point: 1 .. kMaxAffixes long.
inline constexpr size_t kMaxAffixes = 6;

// Features of one sentence, token-major: token i owns
// buckets[offsets[i] .. offsets[i+1]).
struct SentenceFeatures {
  std::vector<uint32_t> buckets;
  std::vector<uint32_t> offsets;
  // The stretches of tokens given features, [first, second), in order;
  // the tokens between them (see kSkipUncased) have no buckets and are O.
  std::vector<std::pair<uint32_t, uint32_t>> covered;
  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

// Appends the lowercase form of `s` (ICU simple case mapping per code point;
// invalid UTF-8 becomes U+FFFD) to *out.
void LowerUtf8(std::string_view s, std::string* out);

// Which tokens Extract gives features to.
enum class Coverage {
  kAll,
  // In a sentence with ordinary casing, a token without a capital letter
  // whose neighbours have none either is left out (tagged O): entities are
  // written with capitals in such text, and a lowercase word inside or at
  // the edge of one ("bin", "ketua DPR") has a capitalised neighbour. All
  // lowercase or all capitals sentences are covered whole. Tagging only.
  kSkipUncased,
};

// The weights a tagger adds up, as ExtractForTagging sees them: a row of
// weights per bucket, named by an index (buckets without weights may share
// one).
struct TaggingWeights {
  uint64_t model = 0;  // the weights' identity, unique in the process: the key of their cached sums
  int bits = 0;        // buckets are in [0, 2^bits)
  size_t lanes = 0;    // int32 sums per token, a multiple of 4, at most kMaxLanes
  size_t labels = 0;   // lanes in use, at most `lanes`: the sums of the others are 0
  static constexpr size_t kMaxLanes = 32;
  // Writes the rows of buckets[0 .. n) to rows[0 .. n).
  void (*rows_of)(const void* weights, const uint32_t* buckets, size_t n, uint32_t* rows) = nullptr;
  // Writes the sums, lane by lane, of rows[0 .. n) to sums[0 .. lanes).
  // A row's weights are int16 and n at most 19 (a token's own features),
  // so each sum fits in 24 bits, as the cache of sums keeps them.
  void (*sum)(const void* weights, const uint32_t* rows, size_t n, int32_t* sums) = nullptr;
  const void* weights = nullptr;
};

// ExtractForTagging's answer, for the covered tokens: `context` holds the
// buckets of their features over two or more tokens (and the gazetteer's);
// token i's other features are in sums[i * lanes ..], the sums of the rows
// of the features over itself alone (and the bias), and in neighbour_rows[i
// * kNeighbourRows ..], the rows of its neighbours' words and short shapes.
struct TaggingFeatures {
  static constexpr size_t kNeighbourRows = 6;
  SentenceFeatures context;
  std::vector<int32_t> sums;
  std::vector<uint32_t> neighbour_rows;
};

class FeatureExtractor {
 public:
  // Buckets are in [0, 2^bits). `gazetteer` may be null (no gazetteer
  // features).
  void Extract(std::span<const std::string_view> tokens, const Gazetteer* gazetteer, int bits,
               SentenceFeatures* out, Coverage coverage = Coverage::kAll);

  // The same features for tagging with `weights`, those over one token
  // alone as rows or their sums (see TaggingFeatures).
  void ExtractForTagging(std::span<const std::string_view> tokens, const Gazetteer* gazetteer,
                         const TaggingWeights& weights, TaggingFeatures* out, Coverage coverage = Coverage::kAll);

  // The gazetteer's matches over the last sentence's tokens, one a token,
  // when they are also its matches over the tokens with their ASCII letters
  // lowercased (no other letter changes case, no token holds a space); else
  // empty.
  std::span<const GazetteerHit> AsciiGazetteerHits() const;

  // What the features need of one token: spans of text_ and code point
  // boundaries.
  struct TokenInfo {
    uint32_t lower = 0, lower_size = 0;        // the lowercase form
    uint32_t short_shape = 0, short_size = 0;  // runs collapsed: "Xx", "d.d"
    char shape[8] = {};                        // "Xxxxxxxx", capped at 8 characters
    uint8_t shape_size = 0;
    uint8_t affixes = 0;   // prefixes (and suffixes) in use: min(kMaxAffixes, length - 1)
    uint8_t length = 0;    // code points, capped at 12
    uint8_t prefix_end[kMaxAffixes] = {};   // bytes of the lowercase form's first 1..kMaxAffixes code points
    uint8_t suffix_size[kMaxAffixes] = {};  // ... of its last 1..kMaxAffixes
    uint8_t flags = 0;            // kHas* bits of the short shape, kFoldsNonAscii
  };

 private:
  // Hash states of the features over two or three tokens, after this
  // token's part, for the next token's bytes to continue (sequential
  // hashing: no part after the first is cacheable).
  struct TokenStates {
    uint64_t bigram_m1;   // the token after's word bigram
    uint64_t bigram_p1;   // this token's word bigram with the next
    uint64_t trigram;     // the token after's short-shape trigram
    uint64_t word_m1_shape0, shape_m1_word0;  // the token after's
    uint64_t word_hash;  // WordHash of the lowercase form, for the gazetteer
  };
  // The buckets of the features that depend on one token alone (given the
  // sentence's case mode): its own, and those it gives its neighbours.
  struct TokenBuckets {
    uint32_t word, shape, short_shape, word_shape, length;
    uint32_t prefix[kMaxAffixes], suffix[kMaxAffixes];
    uint32_t as_m1[2];  // word and short shape, for the token after
    uint32_t as_p1[2];  // ... for the token before
    uint32_t as_m2, as_p2;  // word, for the tokens two after and two before
    TokenStates states;
  };
  // The rows of a token's as_m1, as_p1, as_m2 and as_p2.
  struct GivenRows {
    uint32_t as_m1[2], as_p1[2], as_m2, as_p2;
  };
  // A direct-mapped cache, per model, of what tagging needs of a token
  // (given the case mode): the sums of its own features' rows, the rows of
  // the features it gives its neighbours and its hash states. It is read
  // at random, a slot or two a token: each slot fills two cache lines (for
  // up to 9 labels), its sums packed in 24 bits a lane (see
  // TaggingWeights::sum), the token's bytes up to kScoreCachedBytes and its
  // short shape up to 8 bytes (longer ones, rare, are not cached).
  static constexpr size_t kScoreCachedBytes = 16;
  struct ScoreSlot {
    uint64_t bytes[kScoreCachedBytes / 8] = {};  // the token, zero-padded
    TokenStates states;
    uint64_t short_shape = 0;  // zero-padded: a hit needs no DescribeShape
    GivenRows given;
    uint8_t size = kEmptySlot;
    char mode = 0;
    uint8_t short_size = 0;
    static constexpr uint8_t kEmptySlot = UINT8_MAX;
    // The sums follow short_size (in the struct's tail padding, then past
    // it), 3 bytes a label, with a byte of room for reading the last as 4.
    static constexpr size_t kSumsOffset = 99;
    static size_t Bytes(size_t labels) { return (kSumsOffset + 3 * labels + 1 + 63) & ~size_t{63}; }
    void SetSums(const int32_t* sums, size_t labels);
    void GetSums(size_t labels, size_t lanes, int32_t* sums) const;
  };
  static constexpr size_t kScoreSlots = 8192;
  // The sentinels' slots come after the tokens', by sentence end and case
  // mode (its low bits: a clash only refills).
  static constexpr size_t kSentinelSlots = 8;
  struct ScoreCache {
    uint64_t model = 0;
    size_t slot_bytes = 0;
    LargeArray<std::byte> slots;  // (kScoreSlots + kSentinelSlots) x slot_bytes
    ScoreSlot* Slot(size_t index) { return reinterpret_cast<ScoreSlot*>(slots.get() + index * slot_bytes); }
  };
  // Words recur: a direct-mapped cache of TokenBuckets by the token as
  // written (up to kCachedBytes), the case mode and the bucket bits.
  static constexpr size_t kCachedBytes = 24;
  static constexpr size_t kCacheSlots = 8192;
  struct CacheSlot {
    uint64_t bytes[kCachedBytes / 8] = {};  // the token, zero-padded
    uint32_t size = UINT32_MAX;             // UINT32_MAX: empty
    char mode = 0;
    uint8_t bits = 0;
    TokenBuckets buckets;
  };

  // A token's TokenInfo in two steps: its lowercase form and flags, then
  // (only for a token whose features are read) the rest.
  void DescribeCase(std::string_view token, TokenInfo* info);
  void DescribeShape(std::string_view token, TokenInfo* info);
  void Sentinel(std::string_view text, TokenInfo* info);
  bool Title(const TokenInfo& t) const;
  // The token's lowercase form in text_.
  std::string_view LowerOf(const TokenInfo& t) const { return {text_.data() + t.lower, t.lower_size}; }
  TokenBuckets BucketsOf(const TokenInfo& t) const;
  // The token's cache slot, or kCacheSlots when it is too long to cache.
  size_t SlotOf(std::string_view token) const;
  const TokenBuckets& CachedBuckets(std::string_view token, const TokenInfo& t, size_t slot_index);
  // Where a token of `size` bytes (at most kCachedBytes, zero-padded in
  // `padded`) goes in either cache.
  uint64_t KeyHash(const uint64_t* padded, size_t size, char mode) const;
  ScoreCache& ScoreCacheOf(const TaggingWeights& weights);
  // The token's slot in the cache of the sums, or kScoreSlots when it is
  // too long to cache; *padded is the token zero-padded (when cached).
  size_t ScoreSlotOf(std::string_view token, char mode, uint64_t* padded) const;
  // The token (info_[position]) in `slot`, filled on a miss (always when
  // not `cached`); a token's short shape comes from its slot on a hit, else
  // from DescribeShape (a sentinel has it already).
  // `padded` is the token zero-padded, when cached.
  const ScoreSlot& ScoreSlotFor(std::string_view token, const uint64_t* padded, char mode, size_t position,
                                bool sentinel, const TaggingWeights& weights, ScoreSlot* slot, bool cached);
  void FillScoreSlot(const TokenInfo& t, const TaggingWeights& weights, ScoreSlot* slot) const;
  uint32_t* TokenFeatures(size_t i, uint32_t* out) const;
  uint32_t* ContextFeatures(size_t i, uint32_t* out) const;
  uint32_t* GazetteerFeatures(size_t i, uint32_t* out) const;
  // The buckets of token i's features over two or three tokens, to
  // out[0 .. kContextBuckets) in this order.
  enum ContextBucket {
    kBigramM1Bucket, kBigramP1Bucket, kTrigramBucket, kWordM1Shape0Bucket, kShapeM1Word0Bucket, kContextBuckets
  };
  void ContextBuckets(size_t i, uint32_t* out) const;
  uint32_t FirstShape() const;  // of token 0
  // The stages of Extract, in order.
  void DescribeTokens(std::span<const std::string_view> tokens);
  void FindCovered(Coverage coverage, std::vector<std::pair<uint32_t, uint32_t>>* covered) const;
  void DescribeRead(std::span<const std::string_view> tokens, const std::vector<std::pair<uint32_t, uint32_t>>& covered);
  void ReadBuckets(std::span<const std::string_view> tokens, const std::vector<std::pair<uint32_t, uint32_t>>& covered);
  // ExtractForTagging's in place of DescribeRead and ReadBuckets:
  // buckets_' states, out's sums and neighbour rows.
  void ReadSums(std::span<const std::string_view> tokens, const TaggingWeights& weights, TaggingFeatures* out);
  void MatchGazetteer(const Gazetteer* gazetteer);
  // All the features, or (tagging) those over two or more tokens only.
  void WriteFeatures(SentenceFeatures* out, bool context_only);
  // Calls read(i) for each token i a covered token reads (itself and two on
  // either side), once each, in order.
  template <typename Read>
  static void ForEachRead(const std::vector<std::pair<uint32_t, uint32_t>>& covered, size_t n, Read read);

  int bits_ = 0;
  char mode_ = 0;
  bool ascii_keys_ = false;  // the tokens' gazetteer keys are those of their ASCII lowercasing
  uint32_t bias_[2] = {};  // the bias features' buckets, plain and with the case mode
  uint64_t mode_state_[32] = {};  // per template: the hash state after the template and case mode
  std::vector<TokenInfo> info_;   // two sentinels before the tokens and two after
  std::string text_;              // the bytes TokenInfo spans point into
  size_t used_ = 0;               // ... of which this sentence has written so many
  std::vector<TokenBuckets> buckets_;  // per position of info_
  LargeArray<CacheSlot> cache_;        // kCacheSlots once used
  TokenBuckets sentinel_[2] = {};      // before and after the sentence, for:
  char sentinel_mode_ = 0;
  int sentinel_bits_ = 0;
  // A direct-mapped cache of non-ASCII code points' shape characters and
  // lowercase forms (UTF-8).
  static constexpr size_t kCodePointSlots = 1024;
  struct CodePointSlot {
    char32_t cp = 0;  // 0: empty (never looked up: ASCII)
    char shape = 0;
    uint8_t size = 0;
    char lower[4] = {};
  };
  std::vector<CodePointSlot> code_points_ = std::vector<CodePointSlot>(kCodePointSlots);
  const CodePointSlot& KnownCodePoint(std::string_view token, size_t* pos);
  std::vector<uint32_t> scratch_buckets_;
  std::vector<GazetteerKey> keys_;
  std::vector<GazetteerHit> hits_;
  // Per token: its SlotOf when a covered token reads its buckets, else
  // kUnread.
  static constexpr size_t kUnread = SIZE_MAX;
  std::vector<size_t> slot_of_;
  std::vector<std::array<uint64_t, kCachedBytes / 8>> padded_;  // per token, for ReadSums
  std::string scratch_;  // one code point's lowercase form; a token with spaces
  // The sums' caches, of the last models used (a thread tags with one or
  // two).
  static constexpr size_t kModelCaches = 2;
  std::vector<ScoreCache> score_caches_;
  size_t next_evicted_ = 0;
  std::vector<uint64_t> uncached_slot_;  // a slot for a token too long to cache
  std::vector<GivenRows> given_;  // per position of info_, for ExtractForTagging
};

}  // namespace warta::nlp

#endif  // WARTA_NLP_NER_FEATURES_H_
