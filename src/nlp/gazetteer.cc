#include "nlp/gazetteer.h"

#include <algorithm>

namespace warta::nlp {

namespace {

int TypeIndex(std::string_view name) {
  for (int i = 0; i < kGazetteerTypeCount; ++i) {
    if (kGazetteerTypes[i] == name) return i;
  }
  return -1;
}

int TokenCount(std::string_view phrase) {
  return 1 + static_cast<int>(std::count(phrase.begin(), phrase.end(), ' '));
}

constexpr uint64_t kPhraseSeed = 0x2545F4914F6CDD1Dull;

uint64_t Extend(uint64_t h, GazetteerKey key) { return h * key.mult + key.poly; }

}  // namespace

GazetteerKey TokenKey(std::string_view lower_token) {
  // One pass: each space closes a part's WordHash.
  GazetteerKey key{1, 0};
  uint64_t h = kFnvSeed;
  for (char c : lower_token) {
    if (c != ' ') {
      h = FnvByte(h, static_cast<uint8_t>(c));
      continue;
    }
    key.mult *= kPhraseMult;
    key.poly = key.poly * kPhraseMult + FinishHash(h);
    h = kFnvSeed;
  }
  key.mult *= kPhraseMult;
  key.poly = key.poly * kPhraseMult + FinishHash(h);
  return key;
}

size_t Gazetteer::Parse(std::string_view text) {
  // About one entry a line and as many phrase prefixes: no regrowing.
  Grow(2 * (used_ + 2 * static_cast<size_t>(std::count(text.begin(), text.end(), '\n'))));
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    int type = TypeIndex(line.substr(0, tab));
    std::string_view phrase = line.substr(tab + 1);
    if (type < 0 || phrase.empty()) continue;
    if (TokenCount(phrase) > kGazetteerMaxTokens) continue;
    uint64_t h = kPhraseSeed;
    for (size_t space; (space = phrase.find(' ')) != std::string_view::npos;) {
      h = Extend(h, SingleWordKey(WordHash(phrase.substr(0, space))));
      Insert(h);  // a prefix: keeps any mask already there
      phrase.remove_prefix(space + 1);
    }
    uint64_t& slot = *Insert(Extend(h, SingleWordKey(WordHash(phrase))));
    size_ += (slot & ~kUsed & 0xFF) == 0;
    slot |= uint64_t{1} << type;
  }
  BuildFilter();
  return size_;
}

void Gazetteer::Match(const std::vector<std::string>& lower_tokens,
                      std::vector<GazetteerHit>* hits) const {
  std::vector<GazetteerKey> keys;
  keys.reserve(lower_tokens.size());
  for (const std::string& t : lower_tokens) keys.push_back(TokenKey(t));
  hits->resize(keys.size());
  Match(keys, hits->data());
}

void Gazetteer::Match(std::span<const GazetteerKey> keys, GazetteerHit* hits) const {
  const size_t n = keys.size();
  std::fill(hits, hits + n, GazetteerHit{});
  if (used_ == 0) return;
  // The filter words of every start are fetched first: among a page's
  // other data the filter falls out of cache, and waiting for each token's
  // word in turn was most of the matching time.
  for (size_t start = 0; start < n; ++start) __builtin_prefetch(FilterWord(Extend(kPhraseSeed, keys[start])));
  for (size_t start = 0; start < n; ++start) {
    // Most tokens start no entry: ruled out before any bookkeeping.
    if (!MayContain(Extend(kPhraseSeed, keys[start]))) continue;
    // The longest match of each type: extend while some entry continues,
    // remembering where each type last matched.
    size_t longest[kGazetteerTypeCount] = {};
    uint64_t h = kPhraseSeed;
    size_t max_len = std::min<size_t>(kGazetteerMaxTokens, n - start);
    for (size_t len = 1; len <= max_len; ++len) {
      h = Extend(h, keys[start + len - 1]);
      if (!MayContain(h)) break;
      const uint64_t* slot = Find(h);
      if (slot == nullptr) break;
      for (int t = 0; t < kGazetteerTypeCount; ++t) {
        if (*slot & (1u << t)) longest[t] = len;
      }
    }
    for (int t = 0; t < kGazetteerTypeCount; ++t) {
      if (!longest[t]) continue;
      const uint8_t bit = static_cast<uint8_t>(1u << t);
      hits[start].begin_mask |= bit;
      for (size_t k = 1; k < longest[t]; ++k) hits[start + k].inside_mask |= bit;
    }
  }
}

void Gazetteer::Grow(size_t min_slots) {
  if (min_slots <= slots_.size()) return;
  size_t size = 16;
  int shift = 60;
  while (size < min_slots) size *= 2, --shift;
  std::vector<uint64_t> old = std::move(slots_);
  slots_.assign(size, 0);
  shift_ = shift;
  used_ = 0;
  for (uint64_t s : old) {
    if (s != 0) *Insert(s) = s;
  }
}

void Gazetteer::BuildFilter() {
  // 16 bits a key, rounded up to a power of two.
  size_t bits = 64;
  int shift = 58;
  while (bits < 16 * used_) bits *= 2, --shift;
  filter_.assign(bits / 64, 0);
  filter_shift_ = shift;
  for (uint64_t s : slots_) {
    if (s == 0) continue;
    const size_t bit = static_cast<size_t>(s >> filter_shift_);
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

uint64_t* Gazetteer::Insert(uint64_t key) {
  if (2 * (used_ + 1) > slots_.size()) Grow(2 * slots_.size() + 16);
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = key & kTagMask;
  for (size_t i = Index(tag);; i = (i + 1) & mask) {
    uint64_t& s = slots_[i];
    if (s != 0 && (s & kTagMask) == tag) return &s;
    if (s == 0) {
      s = tag | kUsed;
      ++used_;
      return &s;
    }
  }
}

const uint64_t* Gazetteer::Find(uint64_t key) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  const uint64_t tag = key & kTagMask;
  for (size_t i = Index(tag);; i = (i + 1) & mask) {
    const uint64_t& s = slots_[i];
    if (s == 0) return nullptr;
    if ((s & kTagMask) == tag) return &s;
  }
}

}  // namespace warta::nlp
