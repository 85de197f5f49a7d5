// Gazetteer: phrase lists (places, demonyms, role words) matched against a
// sentence to give the NER tagger features for names it never saw in
// training. Entries are lowercased token sequences; matching is
// case-insensitive so lowercase text (social media, the nerp corpus) still
// matches.
//
// Text form, one entry a line: "TYPE<TAB>phrase words". TYPE is one of the
// kGazetteerTypes names; unknown types and malformed lines are skipped.
// Thread safety: immutable after Parse(); Match() is const.
#ifndef WARTA_NLP_GAZETTEER_H_
#define WARTA_NLP_GAZETTEER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace warta::nlp {

// FNV-1a over bytes: the hash of words under gazetteer keys and NER
// features (both computed once per token, then combined).
inline constexpr uint64_t kFnvSeed = 0xCBF29CE484222325ull;
inline uint64_t FnvByte(uint64_t h, uint8_t b) { return (h ^ b) * 0x100000001B3ull; }
// Spreads an FNV state over all 64 bits (murmur3's finaliser).
inline uint64_t FinishHash(uint64_t h) {
  h = (h ^ (h >> 33)) * 0xFF51AFD7ED558CCDull;
  h = (h ^ (h >> 33)) * 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}
// The hash of one lowercase word (inline: asked once per token).
inline uint64_t WordHash(std::string_view lower) {
  uint64_t h = kFnvSeed;
  for (char c : lower) h = FnvByte(h, static_cast<uint8_t>(c));
  return FinishHash(h);
}

// What a token adds to a phrase hash: a phrase of words w1..wk hashes to the
// polynomial (((seed * K + h(w1)) * K + h(w2)) ...), so a token is the pair
// (K^m, its own polynomial) over its m space-separated parts, and the token
// "jawa barat" extends a phrase exactly as "jawa" then "barat" do.
struct GazetteerKey {
  uint64_t mult = 0, poly = 0;
};
// The multiplier of the phrase polynomial, K above.
inline constexpr uint64_t kPhraseMult = 0x9E3779B97F4A7C15ull;
// A token without spaces whose WordHash is `word_hash` (inline: asked once
// per token of every sentence matched).
inline GazetteerKey SingleWordKey(uint64_t word_hash) { return {kPhraseMult, word_hash}; }
GazetteerKey TokenKey(std::string_view lower_token);

// Bit i of a type mask stands for kGazetteerTypes[i].
inline constexpr std::string_view kGazetteerTypes[] = {"LOC", "MISC", "ROLE", "ORG", "PER"};
inline constexpr int kGazetteerTypeCount = 5;
// Phrases longer than this many tokens are skipped when parsing.
inline constexpr int kGazetteerMaxTokens = 6;

// Where matches cover a token: begin_mask has a bit for each type whose match
// starts at the token, inside_mask for each type whose match continues over it.
struct GazetteerHit {
  uint8_t begin_mask = 0;
  uint8_t inside_mask = 0;
};

class Gazetteer {
 public:
  // Reads the text form; returns the number of entries kept.
  size_t Parse(std::string_view text);

  // Fills hits[i] for each token of `lower_tokens` (already lowercased). At
  // each start position the longest entry of each type wins.
  void Match(const std::vector<std::string>& lower_tokens, std::vector<GazetteerHit>* hits) const;
  // The same over the tokens' keys (TokenKey of each lowercased token);
  // `hits` has keys.size() elements.
  void Match(std::span<const GazetteerKey> keys, GazetteerHit* hits) const;

  size_t size() const { return size_; }

  // The same entries (parsed from the same lines, in any order that builds
  // the same table).
  bool operator==(const Gazetteer&) const = default;

 private:
  // Keyed by the phrase hash of every entry and of every proper prefix of an
  // entry, so matching stops as soon as no entry can continue. Open
  // addressing with linear probing, a power-of-two table at most half full.
  // A slot is 8 bytes: the key's upper 56 bits, and in the low byte the type
  // mask with kUsed set (0 = empty slot); two phrases alike in 56 bits of a
  // well-mixed hash would share a slot, which is as unlikely as a collision
  // of the full key.
  static constexpr uint64_t kUsed = 0x80;
  static constexpr uint64_t kTagMask = ~uint64_t{0xFF};
  // Most tokens start no entry: a bit set with one bit per key, 16 bits per
  // key and small enough to stay in cache, rules out most look-ups before
  // the table is touched.
  const uint64_t* FilterWord(uint64_t key) const { return &filter_[static_cast<size_t>(key >> filter_shift_) >> 6]; }
  bool MayContain(uint64_t key) const {
    const size_t bit = static_cast<size_t>(key >> filter_shift_);
    return (*FilterWord(key) >> (bit & 63)) & 1;
  }
  uint64_t* Insert(uint64_t key);  // the key's slot
  const uint64_t* Find(uint64_t key) const;
  size_t Index(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_); }
  void Grow(size_t min_slots);
  void BuildFilter();
  std::vector<uint64_t> slots_;
  std::vector<uint64_t> filter_;
  int shift_ = 64;
  int filter_shift_ = 64;
  size_t used_ = 0;
  size_t size_ = 0;
};

}  // namespace warta::nlp

#endif  // WARTA_NLP_GAZETTEER_H_
