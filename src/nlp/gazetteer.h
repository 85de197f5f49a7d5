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
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace warta::nlp {

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

  size_t size() const { return size_; }

 private:
  // Keyed by PhraseHash() of every entry and of every proper prefix of an
  // entry (mask 0), so matching stops as soon as no entry can continue.
  std::unordered_map<uint64_t, uint8_t> entries_;
  size_t size_ = 0;
};

}  // namespace warta::nlp

#endif  // WARTA_NLP_GAZETTEER_H_
