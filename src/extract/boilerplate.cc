#include "extract/boilerplate.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "base/ascii_space.h"
#include "meta/word_set.h"

namespace warta::extract {
namespace {

// How a cue word must sit inside one class/id token.
enum class Match : uint8_t {
  kAnywhere,   // "comment" in "post-comments"
  kWordStart,  // "nav" in "main-nav", "navbar" but not "canvas"
  kWord,       // "tags" in "post-tags" but not "tagsort"
  kEdgeWord,   // "ad" in "ad-slot", "top-ad" but not "add", "head" or "page-ad-margins"
};

struct CueWord {
  const char* word;
  Match match;
  Cue cue;
};

constexpr Cue B = Cue::kBoilerplate;
constexpr Cue L = Cue::kLayout;
constexpr Cue C = Cue::kContent;
constexpr Cue K = Cue::kCaption;

// Checked in order for each class/id token: the first hit decides the
// token's cue, so furniture words must come before content words.
constexpr CueWord kCueWords[] = {
    // Comments and reader interaction.
    {"comment", Match::kAnywhere, B}, {"disqus", Match::kAnywhere, B},
    {"respond", Match::kAnywhere, B}, {"reply", Match::kAnywhere, B}, {"forum", Match::kAnywhere, B},
    {"komentar", Match::kAnywhere, B}, {"rating", Match::kAnywhere, B},
    // Links to other pages.
    {"related", Match::kAnywhere, B}, {"terkait", Match::kAnywhere, B},
    {"recommend", Match::kAnywhere, B}, {"rekomendasi", Match::kAnywhere, B},
    {"popular", Match::kAnywhere, B}, {"populer", Match::kAnywhere, B},
    {"trending", Match::kAnywhere, B}, {"most-read", Match::kAnywhere, B},
    {"mostread", Match::kAnywhere, B}, {"baca-juga", Match::kAnywhere, B},
    {"bacajuga", Match::kAnywhere, B}, {"read-more", Match::kAnywhere, B},
    {"readmore", Match::kAnywhere, B}, {"more-stories", Match::kAnywhere, B},
    {"more-articles", Match::kAnywhere, B}, {"also-read", Match::kAnywhere, B},
    {"recirc", Match::kAnywhere, B}, {"lainnya", Match::kAnywhere, B},
    {"terbaru", Match::kAnywhere, B}, {"pagination", Match::kAnywhere, L},
    {"pager", Match::kWordStart, L}, {"prev", Match::kWord, L}, {"previous", Match::kWord, L},
    {"breadcrumb", Match::kAnywhere, L},
    {"tagcloud", Match::kAnywhere, L}, {"tag-cloud", Match::kAnywhere, L},
    {"tags", Match::kWord, L}, {"post-tags", Match::kAnywhere, L},
    {"entry-tags", Match::kAnywhere, L},
    // Site furniture.
    {"nav", Match::kWordStart, L}, {"menu", Match::kAnywhere, L},
    {"sidebar", Match::kAnywhere, L}, {"side-bar", Match::kAnywhere, L},
    {"slider", Match::kWordStart, L}, {"carousel", Match::kAnywhere, L},
 {"footer", Match::kAnywhere, L},
    {"header", Match::kWordStart, L}, {"masthead", Match::kAnywhere, L},
    {"toolbar", Match::kAnywhere, L}, {"tools", Match::kWord, L},
    {"search", Match::kWordStart, L}, {"logo", Match::kWordStart, L},
    {"meta", Match::kWord, L}, {"byline", Match::kAnywhere, L},
    {"author", Match::kAnywhere, L}, {"skip", Match::kWord, L},
    {"sr-only", Match::kAnywhere, L}, {"screen-reader", Match::kAnywhere, L},
    {"offscreen", Match::kAnywhere, L}, {"off-screen", Match::kAnywhere, L},
    {"visually-hidden", Match::kAnywhere, L}, {"visuallyhidden", Match::kAnywhere, L},
    // An embedded post (a tweet quoted in the story) is the story's, even
    // in a wrapper named after social media: listed before the sharing words.
    {"embed", Match::kWordStart, C},
    // Sharing and following.
    {"share", Match::kWordStart, L}, {"sharing", Match::kAnywhere, L},
    {"social", Match::kAnywhere, L}, {"sosmed", Match::kAnywhere, L},
    {"follow", Match::kWordStart, L},
    // Advertising and promotion.
    {"ad", Match::kEdgeWord, L}, {"ads", Match::kEdgeWord, L}, {"advert", Match::kAnywhere, L},
    {"adsense", Match::kAnywhere, L}, {"adslot", Match::kAnywhere, L},
    {"adunit", Match::kAnywhere, L}, {"dfp", Match::kWord, L},
    {"iklan", Match::kAnywhere, L}, {"sponsor", Match::kAnywhere, B},
    {"promo", Match::kAnywhere, B}, {"cta", Match::kWord, B}, {"banner", Match::kAnywhere, L},
    {"outbrain", Match::kAnywhere, B}, {"taboola", Match::kAnywhere, B},
    // Sign-up, consent, overlays.
    {"newsletter", Match::kAnywhere, B}, {"subscri", Match::kAnywhere, B},
    {"signup", Match::kAnywhere, B}, {"sign-up", Match::kAnywhere, B},
    {"login", Match::kAnywhere, B}, {"cookie", Match::kAnywhere, B},
    {"consent", Match::kAnywhere, B}, {"gdpr", Match::kAnywhere, B},
    {"popup", Match::kAnywhere, B}, {"modal", Match::kAnywhere, B}, {"disclosure", Match::kAnywhere, B},
    // Captions.
    {"caption", Match::kAnywhere, K}, {"keterangan", Match::kAnywhere, K},
    {"credit", Match::kWordStart, K}, {"copyright", Match::kAnywhere, K}, {"legend", Match::kWordStart, K},
    // Article bodies.
    {"article", Match::kAnywhere, C}, {"content", Match::kAnywhere, C},
    {"entry", Match::kAnywhere, C}, {"story", Match::kAnywhere, C},
    {"artikel", Match::kAnywhere, C}, {"berita", Match::kAnywhere, C},
    {"konten", Match::kAnywhere, C}, {"post", Match::kWordStart, C},
    {"body", Match::kWordStart, C}, {"text", Match::kWordStart, C},
    {"main", Match::kWordStart, C}, {"detail", Match::kWordStart, C},
    {"prose", Match::kWordStart, C},
};

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

constexpr char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr size_t kCueCount = sizeof(kCueWords) / sizeof(kCueWords[0]);

// Cue words by their first two bytes, in list order: most positions of a
// token start no cue word, and a look-up of the two bytes there says so.
struct CueIndex {
  std::array<uint8_t, 1 << 16> bucket{};        // first | second << 8 -> bucket, 0: none
  std::array<uint8_t, kCueCount + 2> start{};  // bucket b: words[start[b], start[b + 1])
  std::array<uint8_t, kCueCount> words{};
  std::array<uint8_t, kCueCount> length{};
};

constexpr size_t BigramKey(const char* p) {
  return static_cast<unsigned char>(p[0]) | static_cast<size_t>(static_cast<unsigned char>(p[1])) << 8;
}

// BigramKey with one 16-bit load where the byte order gives the same key:
// ClassifyToken takes one at every position of a token.
size_t LoadBigramKey(const char* p) {
  if constexpr (std::endian::native == std::endian::little) {
    uint16_t key;
    std::memcpy(&key, p, 2);
    return key;
  }
  return BigramKey(p);
}

constexpr CueIndex MakeCueIndex() {
  CueIndex ix;
  std::array<uint8_t, kCueCount + 2> count{};
  int buckets = 0;
  for (size_t w = 0; w < kCueCount; ++w) {
    uint8_t& b = ix.bucket[BigramKey(kCueWords[w].word)];
    if (b == 0) b = static_cast<uint8_t>(++buckets);
    ++count[b];
    ix.length[w] = static_cast<uint8_t>(std::char_traits<char>::length(kCueWords[w].word));
  }
  for (int b = 1; b <= buckets; ++b) ix.start[b + 1] = ix.start[b] + count[b];
  std::array<uint8_t, kCueCount + 2> fill{};
  for (size_t w = 0; w < kCueCount; ++w) {
    uint8_t b = ix.bucket[BigramKey(kCueWords[w].word)];
    ix.words[ix.start[b] + fill[b]++] = static_cast<uint8_t>(w);
  }
  return ix;
}
constexpr CueIndex kCueIndex = MakeCueIndex();

// The first eight bytes of each cue word (zero-padded) and a mask of the
// bytes the word has there: one load and compare tells most candidates
// apart. Built with memcpy, as the token bytes are read: any byte order.
struct CueHeads {
  std::array<uint64_t, kCueCount> head{}, mask{};
};
const CueHeads kCueHeads = [] {
  CueHeads h;
  for (size_t w = 0; w < kCueCount; ++w) {
    const size_t len = std::min<size_t>(kCueIndex.length[w], 8);
    char bytes[8] = {}, ones[8] = {};
    std::memcpy(bytes, kCueWords[w].word, len);
    std::memset(ones, 0xff, len);
    std::memcpy(&h.head[w], bytes, 8);
    std::memcpy(&h.mask[w], ones, 8);
  }
  return h;
}();

// Whether cue word w is at token[pos]; the token must be followed by eight
// readable bytes (FoldedName pads its buffer).
bool CueWordAt(std::string_view token, size_t pos, size_t w) {
  const size_t len = kCueIndex.length[w];
  if (pos + len > token.size()) return false;
  uint64_t bytes;
  std::memcpy(&bytes, token.data() + pos, 8);
  if ((bytes & kCueHeads.mask[w]) != kCueHeads.head[w]) return false;
  for (size_t i = 8; i < len; ++i) {
    if (token[pos + i] != kCueWords[w].word[i]) return false;
  }
  return true;
}

bool MatchesAt(std::string_view token, size_t pos, size_t len, Match match) {
  if (match == Match::kAnywhere) return true;
  bool starts = pos == 0 || !IsLetter(token[pos - 1]);
  if (!starts) return false;
  if (match == Match::kWordStart) return true;
  bool ends = pos + len == token.size() || !IsLetter(token[pos + len]);
  if (!ends) return false;
  return match == Match::kWord || pos == 0 || pos + len == token.size();
}

// Layout switches ("has-sidebar", "no-comments", "with-ads") and CMS
// taxonomy classes ("category-advertising", "author-jane") describe the page
// or the post, not the element: they are ignored.
constexpr std::string_view kModifierPrefixes[] = {
    "has-", "no-", "with-", "without-", "hide-", "show-", "category-",
    "tag-", "author-", "format-", "status-", "type-", "postid-"};

// `head`: a token up to and including its first '-'. Each prefix holds one
// '-', its last byte, so only that head can equal one. No two prefixes
// share both length and first byte: a head is compared with the one prefix
// its length and first byte name, most heads with none.
constexpr size_t kModifierCount = std::size(kModifierPrefixes);
constexpr size_t kLongestModifier = std::string_view("category-").size();
constexpr std::array<std::array<uint8_t, 256>, kLongestModifier + 1> kModifierByLengthAndLead = [] {
  static_assert(kModifierCount < 255);
  std::array<std::array<uint8_t, 256>, kLongestModifier + 1> t{};  // prefix index + 1, 0: none
  for (size_t k = 0; k < kModifierCount; ++k) {
    uint8_t& slot = t[kModifierPrefixes[k].size()][static_cast<unsigned char>(kModifierPrefixes[k][0])];
    if (slot != 0) throw "two modifier prefixes share length and first byte";
    slot = static_cast<uint8_t>(k + 1);
  }
  return t;
}();

inline bool IsModifierHead(std::string_view head) {
  if (head.size() > kLongestModifier) return false;
  const uint8_t k = kModifierByLengthAndLead[head.size()][static_cast<unsigned char>(head[0])];
  return k != 0 && head == kModifierPrefixes[k - 1];
}

// The cue of the earliest-listed word found in the token (which CueWordAt
// may read eight bytes past).
Cue ClassifyToken(std::string_view token) {
  size_t best = kCueCount;
  for (size_t pos = 0; pos + 1 < token.size(); ++pos) {
    uint8_t b = kCueIndex.bucket[LoadBigramKey(token.data() + pos)];
    if (b == 0) continue;
    for (int k = kCueIndex.start[b]; k < kCueIndex.start[b + 1]; ++k) {
      uint8_t w = kCueIndex.words[k];
      if (w >= best) break;
      if (CueWordAt(token, pos, w) && MatchesAt(token, pos, kCueIndex.length[w], kCueWords[w].match)) {
        best = w;
        break;
      }
    }
  }
  return best == kCueCount ? Cue::kNone : kCueWords[best].cue;
}

// The cues of class and id tokens classified before on this thread: a
// page repeats its tokens across values ("col-md-4" in many), and sites
// and frameworks share theirs ("clearfix", "container", "widget"): six
// tokens in ten were seen before, on the benchmark pages. Direct-mapped,
// keyed by the whole token (longer ones are classified every time), so a
// collision costs a recomputation, never a wrong cue.
class TokenCues {
 public:
  static constexpr size_t kMaxBytes = 24;

  // ClassifyToken(token), for a token followed by kMaxBytes readable bytes.
  Cue Get(std::string_view token) {
    if (token.size() > kMaxBytes) return ClassifyToken(token);
    const Key key = KeyOf(token);
    Entry& e = entries_[Slot(key)];
    if (e.key != key) e = Entry{key, ClassifyToken(token)};
    return e.cue;
  }

 private:
  using Words = std::array<uint64_t, kMaxBytes / 8>;

  // The token's bytes, zero-padded, and its size (a token is never empty:
  // the zero key of an unused entry is no token's).
  struct Key {
    Words words{};
    uint64_t size = 0;
    bool operator==(const Key&) const = default;
  };
  struct Entry {
    Key key;
    Cue cue = Cue::kNone;
  };
  // Small (20 KB), as CueCache is: only the values it misses come here.
  static constexpr int kEntryBits = 9;
  static constexpr size_t kEntries = size_t{1} << kEntryBits;

  // Masks that keep the bytes below each size, as words loaded like a
  // token's (in any byte order).
  static inline const std::array<Words, kMaxBytes + 1> kSizeMasks = [] {
    std::array<Words, kMaxBytes + 1> masks;
    for (size_t size = 0; size <= kMaxBytes; ++size) {
      unsigned char bytes[kMaxBytes] = {};
      std::memset(bytes, 0xff, size);
      std::memcpy(masks[size].data(), bytes, kMaxBytes);
    }
    return masks;
  }();

  static Key KeyOf(std::string_view token) {
    Key key;
    std::memcpy(key.words.data(), token.data(), kMaxBytes);
    const Words& mask = kSizeMasks[token.size()];
    static_assert(kMaxBytes == 24);
    key.words[0] &= mask[0];
    key.words[1] &= mask[1];
    key.words[2] &= mask[2];
    key.size = token.size();
    return key;
  }

  // One multiply: the words are folded first, rotated apart.
  static size_t Slot(const Key& key) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const uint64_t folded = key.words[0] ^ std::rotl(key.words[1], 21) ^ std::rotl(key.words[2], 42) ^ key.size;
    return static_cast<size_t>((folded * kMul) >> (64 - kEntryBits));
  }

  std::array<Entry, kEntries> entries_{};
};

// This thread's TokenCues, shared by every page it reads.
TokenCues* ThreadTokenCues() {
  thread_local std::unique_ptr<TokenCues> cues = std::make_unique<TokenCues>();
  return cues.get();
}

// Long values are cut: the cue words sit in the first tokens.
constexpr size_t kMaxNameBytes = 256;

// A value folded for NameMask (ASCII lowercased, every whitespace byte a
// space) with a bit per byte for its spaces and its dashes, so that tokens
// and their dashes are found a word of bits at a time. kWords words of bits
// hold values up to 64 * kWords bytes: most values fit one, and a
// one-word name is folded and scanned without any loop over words.
template <size_t kWords>
struct FoldedName {
  using Bits = std::array<uint64_t, kWords>;
  // The padding lets CueWordAt load a word anywhere, and TokenCues a key.
  std::array<char, kWords * 64 + TokenCues::kMaxBytes> bytes;
  Bits spaces{}, dashes{};

  // The first k in [from, limit) whose bit is set in `bits` (or clear, with
  // `clear`), else limit. Bits past the value are never set.
  static size_t Next(const Bits& bits, size_t from, size_t limit, bool clear = false) {
    if constexpr (kWords == 1) {  // most values: one masked word, no loop
      if (from >= limit) return limit;  // also keeps the shift below 64
      const uint64_t w = (clear ? ~bits[0] : bits[0]) & (~uint64_t{0} << from);
      return w != 0 ? std::min<size_t>(limit, std::countr_zero(w)) : limit;
    }
    for (size_t word = from / 64; word < kWords && word * 64 < limit; ++word) {
      uint64_t w = clear ? ~bits[word] : bits[word];
      if (word == from / 64) w &= ~uint64_t{0} << (from % 64);
      if (w != 0) return std::min(limit, word * 64 + std::countr_zero(w));
    }
    return limit;
  }
};

static_assert(kMaxNameBytes % 64 == 0);

#if defined(__SSE2__)
// Folds the first `width` (16, 8 or 4, or fewer from a zero-padded copy)
// bytes of `v`, value bytes from `at` on, into `out`. Folding a byte twice
// changes nothing: the steps may overlap.
template <size_t kWords>
inline __attribute__((always_inline)) void FoldBytes(__m128i v, size_t at, size_t width, FoldedName<kWords>* out) {
  auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
  v = _mm_add_epi8(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
  __m128i ws = AsciiSpaceMask(v);  // every one becomes a space; a space stays one
  v = _mm_or_si128(_mm_andnot_si128(ws, v), _mm_and_si128(ws, _mm_set1_epi8(' ')));
  char* to = out->bytes.data() + at;
  if (width == 8) {
    _mm_storel_epi64(reinterpret_cast<__m128i*>(to), v);
  } else if (width == 4) {
    const int32_t w = _mm_cvtsi128_si32(v);
    std::memcpy(to, &w, 4);
  } else {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(to), v);  // the padding has room for all sixteen
  }
  const uint64_t keep = width >= 16 ? 0xffff : (uint64_t{1} << width) - 1;  // the zero padding is no byte
  const uint64_t space = static_cast<unsigned>(_mm_movemask_epi8(ws)) & keep;
  const uint64_t dash = static_cast<unsigned>(_mm_movemask_epi8(eq('-'))) & keep;
  const size_t word = at / 64, shift = at % 64;
  out->spaces[word] |= space << shift;
  out->dashes[word] |= dash << shift;
  if constexpr (kWords > 1) {
    if (shift > 48) {  // only a last, overlapping step reaches into the next word
      out->spaces[word + 1] |= space >> (64 - shift);
      out->dashes[word + 1] |= dash >> (64 - shift);
    }
  }
}
#endif

// Folds value[0, n), n <= 64 * kWords, sixteen bytes a step where SSE2
// is at hand. The value may end its buffer: the last step overlaps the one
// before, a short value is read as two overlapping halves, and only one of
// fewer than four bytes is copied.
template <size_t kWords>
void FoldName(std::string_view value, size_t n, FoldedName<kWords>* out) {
#if defined(__SSE2__)
  const char* p = value.data();
  auto load16 = [p](size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)); };
  auto load8 = [p](size_t at) { return _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + at)); };
  auto load4 = [p](size_t at) {
    int32_t w;
    std::memcpy(&w, p + at, 4);
    return _mm_cvtsi32_si128(w);
  };
  if (n >= 16) {
    for (size_t k = 0; k + 16 <= n; k += 16) FoldBytes(load16(k), k, 16, out);
    if (n % 16 != 0) FoldBytes(load16(n - 16), n - 16, 16, out);
  } else if (n >= 8) {
    FoldBytes(load8(0), 0, 8, out);
    FoldBytes(load8(n - 8), n - 8, 8, out);
  } else if (n >= 4) {
    FoldBytes(load4(0), 0, 4, out);
    FoldBytes(load4(n - 4), n - 4, 4, out);
  } else {
    alignas(16) char tail[16] = {};
    std::memcpy(tail, p, n);
    FoldBytes(_mm_load_si128(reinterpret_cast<const __m128i*>(tail)), 0, n, out);
  }
#else
  constexpr auto kNameFold = [] {
    std::array<char, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = static_cast<char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<char>(c - 'A' + 'a');
    for (char c : {'\t', '\n', '\r', '\f'}) t[static_cast<unsigned char>(c)] = ' ';
    return t;
  }();
  for (size_t k = 0; k < n; ++k) {
    char c = out->bytes[k] = kNameFold[static_cast<unsigned char>(value[k])];
    if (c == ' ') out->spaces[k / 64] |= uint64_t{1} << (k % 64);
    if (c == '-') out->dashes[k / 64] |= uint64_t{1} << (k % 64);
  }
#endif
}

// NameMask for a value of n <= 64 * kWords bytes.
template <size_t kWords>
uint8_t FoldedNameMask(std::string_view value, size_t n) {
  using Name = FoldedName<kWords>;
  Name f;
  FoldName(value, n, &f);
  // Dashes followed by a dash: where a BEM modifier starts.
  typename Name::Bits pairs{};
  for (size_t w = 0; w < kWords; ++w) {
    uint64_t next = w + 1 < kWords ? f.dashes[w + 1] << 63 : 0;
    pairs[w] = f.dashes[w] & ((f.dashes[w] >> 1) | next);
  }
  TokenCues* token_cues = ThreadTokenCues();
  uint8_t mask = 0;
  for (size_t i = Name::Next(f.spaces, 0, n, true); i < n;) {
    const size_t j = Name::Next(f.spaces, i, n);
    const size_t dash = Name::Next(f.dashes, i, j);
    const size_t bem = Name::Next(pairs, i, j);
    std::string_view token(f.bytes.data() + i, j - i);
    const size_t begin = i;
    i = Name::Next(f.spaces, j, n, true);
    if (dash < j && IsModifierHead(token.substr(0, dash - begin + 1))) continue;
    // A BEM modifier ("section--ads", "teaser--no-comments") flags a state
    // of the block, not what the block is.
    token = token.substr(0, bem - begin);
    if (token.empty()) continue;
    mask |= static_cast<uint8_t>(1u << static_cast<int>(token_cues->Get(token)));
  }
  return mask;
}

// The set of cues (bit 1 << Cue) the tokens of one class or id value name.
// A token is cut at its first "--"; one whose head up to its first '-' is
// a modifier prefix is skipped.
uint8_t NameMask(std::string_view value) {
  const size_t n = std::min(value.size(), kMaxNameBytes);
  return n <= 64 ? FoldedNameMask<1>(value, n) : FoldedNameMask<kMaxNameBytes / 64>(value, n);
}

constexpr Cue ResolveMask(uint8_t mask) {
  auto has = [mask](Cue c) { return (mask >> static_cast<int>(c)) & 1; };
  if ((has(Cue::kBoilerplate) || has(Cue::kLayout)) && has(Cue::kContent)) return Cue::kNone;
  if (has(Cue::kBoilerplate)) return Cue::kBoilerplate;
  if (has(Cue::kLayout)) return Cue::kLayout;
  if (has(Cue::kCaption)) return Cue::kCaption;
  if (has(Cue::kContent)) return Cue::kContent;
  return Cue::kNone;
}

// ResolveMask of every mask: one look-up for each element.
constexpr std::array<Cue, 256> kResolvedMasks = [] {
  std::array<Cue, 256> t{};
  for (int mask = 0; mask < 256; ++mask) t[mask] = ResolveMask(static_cast<uint8_t>(mask));
  return t;
}();

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// True when `text` starts with `prefix` (ASCII case-insensitive) followed by
// the end or a non-letter, so "Share" does not match "Shareholders".
bool StartsWithWord(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  if (!EqualsIgnoreCase(text.substr(0, prefix.size()), prefix)) return false;
  return text.size() == prefix.size() || !IsLetter(prefix.back()) ||
         !IsLetter(text[prefix.size()]);
}

// Openings of furniture lines (IsBoilerplateLine).
constexpr std::string_view kLinePrefixes[] = {
    "baca juga", "baca:", "lihat juga", "simak juga", "tonton juga",
    "simak video", "saksikan juga", "berita terkait", "artikel terkait",
    "read more", "read also", "also read", "related:", "more:",
    "see also:", "advertisement", "scroll to continue", "share this",
    "share on", "follow us", "sign up", "subscribe to", "click here to",
    "download aplikasi", "ikuti kami", "ikuti berita", "(adsbygoogle",
    "loading", "copyright", "©", "all rights reserved",
    "hak cipta", "this entry was posted", "if you enjoyed", "this slideshow requires",
    "subscribe now", "for the latest", "we recommend", "you may also like",
    "you might also like", "related articles", "related stories",
    "more stories", "credit:", "image source", "photo credit",
    "filed under", "like this story", "reading time", "artikel ini telah tayang", "artikel ini sudah tayang",
    "telusuri berita", "gambas:", "lihat foto", "penulis:", "editor:", "reporter:", "pewarta:",
    "waktu baca", "lesezeit", "lesedauer", "tempo de leitura", "tiempo de lectura",
    // Photo credits standing on their own line.
    "foto:", "photo:", "photo by", "bild:", "image copyright", "picture:",
    "this post contains", "weiterlesen", "zum weiterlesen",
    "lesen sie auch", "lesen sie mehr", "schon gelesen", "lust auf mehr",
    "mehr dazu lesen sie", "lesen sie hier", "mehr dazu hier",
    "weitere beiträge", "mehr zum thema", "das könnte",
    "der beitrag wurde", "erstellt am", "aktualisiert:",
    "alle rechte vorbehalten", "artículos relacionados",
    "contenido relacionado", "lee también", "te puede interesar",
    // Notes about the piece rather than the piece: disclaimers,
    // sourcing, pleas for support, newsletter and channel prompts.
    "dieser beitrag", "bei diesem beitrag", "dieser text",
    "*werbung", "letzte aktualisierung", "wenn ihnen unser",
    "unterstützen sie", "sie lesen gern", "suggested citation",
    "join our", "do you want to be", "puede escribirnos",
    "tú también puedes", "¿ya sabías", "¡mira", "zapraszamy",
    "zachęcamy", "wesprzyj", "si vous souhaitez",
    // Stand-ins for an embedded post shown only after consent.
    "empfohlener redaktioneller inhalt", "an dieser stelle findet", "an dieser stelle finden",
    "an dieser stelle findest",
    // Controls of a photo viewer or a gallery, figure labels, and the
    // "as of" date line of a guide.
    "bild anzeigen", "bild schließen", "vergrößern", "enlarge this image", "abbildung:",
    "stand:"};

// Furniture lines in full, punctuation trimmed.
constexpr std::string_view kLineWords[] = {
    "advertisement", "iklan", "share", "tweet", "komentar", "comments",
    "print", "email", "facebook", "twitter", "whatsapp", "copy link",
    "selengkapnya", "more", "terpopuler", "related", "bagikan", "advert", "subscribe",
    "don't miss", "don\u2019t miss",
    "anzeige", "werbung", "teilen", "kontakt", "contact",
    "weitere informationen", "more information", "externer inhalt",
    "quellen ausblenden", "release date"};
constexpr size_t kLongestLineWord = std::ranges::max(kLineWords, {}, &std::string_view::size).size();

// Openings of furniture headings (IsBoilerplateHeading).
constexpr std::string_view kHeadingPrefixes[] = {
    "berita terkait", "artikel terkait", "baca juga", "terpopuler", "populer",
    "berita populer", "berita terbaru", "terbaru", "pilihan redaksi", "rekomendasi",
    "berita lainnya", "artikel lainnya", "video terkait", "foto terkait", "topik",
    "komentar", "bagikan", "related", "more from", "more on", "more stories",
    "recommended", "you may also like", "you might also like", "most popular",
    "most read", "trending", "latest news", "latest stories", "top stories",
    "comments", "comment", "leave a reply", "leave a comment", "share this", "tags",
    "responses to", "replies to", "thoughts on", "tanggapan",
    // Summary bullets above the story: the page's description restated.
    "key points", "key takeaways", "poin penting",
    "read next", "editor's picks", "editors' picks", "sponsored", "advertisement",
    "newsletter", "sign up", "follow us", "popular", "also read", "see also",
    "ähnliche beiträge", "das könnte", "mehr zum thema", "kommentare",
    "weitere artikel", "auch interessant", "verwandte", "schlagworte",
    "weitere beiträge", "lesen sie auch", "zum weiterlesen", "weiterlesen",
    "mehr zu", "schon gelesen", "lust auf mehr", "das thema könnte",
    "artículos relacionados", "contenido relacionado", "te puede interesar",
    "what to read next", "further reading", "more in", "more news", "recent posts",
    "neueste beiträge", "letzte beiträge", "kategorien", "archiv",
    "beliebt", "meistgelesen", "meist gelesen", "diese artikel könnten",
    "weitere meldungen", "weitere nachrichten", "weitere themen", "weitere topthemen",
    "à lire aussi", "\u00c0 lire aussi", "lire aussi", "aller plus loin", "sur le même sujet", "dans la même rubrique",
    "voir aussi", "les plus lus", "lee también", "leer más", "noticias relacionadas", "más noticias",
    "lo más leído", "más leídas", "te recomendamos", "zobacz też", "zobacz także", "czytaj też",
    "czytaj także", "najczęściej czytane", "leggi anche", "articoli correlati", "leia também",
    "notícias relacionadas",
    // A cookie notice's own sections.
    "was sind cookies", "what are cookies", "wir verwenden cookies", "we use cookies",
    "diese website verwendet cookies", "this website uses cookies", "cookie-einstellungen",
    "cookie settings", "cookie policy", "cookie-richtlinie", "privacy settings",
    "datenschutzeinstellungen"};

// A prefix list's entries grouped by their lowercased first byte: a line is
// compared only with the prefixes that open like it.
template <size_t N>
struct PrefixIndex {
  std::array<uint8_t, 257> start{};  // byte b: order[start[b], start[b + 1])
  std::array<uint8_t, N> order{};
};

template <size_t N>
constexpr PrefixIndex<N> MakePrefixIndex(const std::string_view (&prefixes)[N]) {
  static_assert(N < 256);
  PrefixIndex<N> ix;
  auto key = [&](size_t k) { return static_cast<unsigned char>(Lower(prefixes[k][0])); };
  for (size_t k = 0; k < N; ++k) ++ix.start[key(k) + 1];
  for (size_t b = 0; b < 256; ++b) ix.start[b + 1] += ix.start[b];
  std::array<uint8_t, 257> fill = ix.start;
  for (size_t k = 0; k < N; ++k) ix.order[fill[key(k)]++] = static_cast<uint8_t>(k);
  return ix;
}

constexpr auto kLinePrefixIndex = MakePrefixIndex(kLinePrefixes);
constexpr auto kHeadingPrefixIndex = MakePrefixIndex(kHeadingPrefixes);

template <size_t N>
bool StartsWithAny(std::string_view text, const std::string_view (&prefixes)[N], const PrefixIndex<N>& index) {
  if (text.empty()) return false;
  unsigned char first = static_cast<unsigned char>(Lower(text[0]));
  const char second = text.size() > 1 ? Lower(text[1]) : '\0';
  for (int k = index.start[first]; k < index.start[first + 1]; ++k) {
    std::string_view prefix = prefixes[index.order[k]];
    // Most candidates differ in the second byte: that is compared first.
    if (prefix.size() > 1 && prefix[1] != second) continue;
    if (StartsWithWord(text, prefix)) return true;
  }
  return false;
}

std::string_view TrimPunctuation(std::string_view s) {
  auto is_trim = [](char c) {
    return c == ' ' || c == ':' || c == '.' || c == '!' || c == '|' || c == '-' || c == '>' ||
           c == '\xbb' || c == '#';
  };
  while (!s.empty() && is_trim(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_trim(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

namespace {

// The cue an element's tag gives by itself, kNone for most tags.
constexpr Cue TagCue(Tag tag) {
  switch (tag) {
    case Tag::kNav:
    case Tag::kAside:
    case Tag::kFooter:
    case Tag::kHeader:
    case Tag::kMenu:
      return Cue::kLayout;
    case Tag::kDialog:
      return Cue::kBoilerplate;
    case Tag::kFigcaption:
      return Cue::kCaption;
    default:
      return Cue::kNone;
  }
}

// TagCue of every tag: one look-up for each element.
constexpr std::array<Cue, static_cast<size_t>(Tag::kCount)> kTagCues = [] {
  std::array<Cue, static_cast<size_t>(Tag::kCount)> t{};
  for (size_t tag = 0; tag < t.size(); ++tag) t[tag] = TagCue(static_cast<Tag>(tag));
  return t;
}();

// Whether some ':' in `value` is followed, past the white space that
// IsHidingStyle drops, by an 'n' ("none") or an 'h' ("hidden"): a style
// without one hides nothing and is not copied.
bool MayHide(std::string_view value) {
  for (size_t i = value.find(':'); i != std::string_view::npos; i = value.find(':', i + 1)) {
    size_t j = i + 1;
    while (j < value.size() && (value[j] == ' ' || value[j] == '\t' || value[j] == '\n')) ++j;
    if (j < value.size() && (Lower(value[j]) == 'n' || Lower(value[j]) == 'h')) return true;
  }
  return false;
}

// The cue of an element whose class and id name none: <article> and <main>
// hold the body by themselves.
constexpr std::array<Cue, static_cast<size_t>(Tag::kCount)> kTagFallbackCues = [] {
  std::array<Cue, static_cast<size_t>(Tag::kCount)> t{};
  t[static_cast<size_t>(Tag::kArticle)] = t[static_cast<size_t>(Tag::kMain)] = Cue::kContent;
  return t;
}();

bool IsHidingStyle(std::string_view value) {
  if (!MayHide(value)) return false;
  std::array<char, 128> buf;
  size_t n = 0;
  for (char c : value) {
    if (c == ' ' || c == '\t' || c == '\n') continue;
    if (n == buf.size()) break;
    buf[n++] = Lower(c);
  }
  std::string_view style(buf.data(), n);
  return style.find("display:none") != std::string_view::npos ||
         style.find("visibility:hidden") != std::string_view::npos;
}

// A namespace-scope table: a braced list in the loop was built on the stack
// by every ReadElement call it was inlined into, role or no role.
constexpr std::string_view kLayoutRoles[] = {"navigation", "banner", "contentinfo", "complementary",
                                             "search",     "menu",   "menubar",     "dialog"};

bool IsLayoutRole(std::string_view value) {
  for (std::string_view r : kLayoutRoles) {
    if (EqualsIgnoreCase(value, r)) return true;
  }
  return false;
}

// One pass over the attributes gives the element's cue and, when `hidden`
// is not null, whether it is hidden (then the cue is left unfinished).
// Attribute names are told apart by their length first: most attributes
// are none of the few read here. Inlined: ClassifyRendered runs it once
// for every element, and the call cost more than a per-element step.
inline __attribute__((always_inline)) Cue ReadElement(const Node& element, CueCache* cache, bool* hidden) {
  Cue decided = kTagCues[static_cast<size_t>(element.tag)];  // a decided cue skips the class and id scan
  // Each class and id value is classified on its own, so the cache sees the
  // few repeated class strings apart from the unique ids.
  uint8_t mask = 0;
  for (uint32_t a = 0; a < element.attr_count; ++a) {
    const Attribute& attr = element.attrs[a];
    std::string_view name = attr.name;
    bool hides = false;
    bool names = false;
    switch (name.size()) {
      case 2:  // A heading's id is an anchor made from its text ("nav_schredder_statt").
        names = name == "id" && !(element.tag >= Tag::kH1 && element.tag <= Tag::kH6);
        break;
      case 4:
        if (name == "role" && decided == Cue::kNone && IsLayoutRole(attr.value)) decided = Cue::kLayout;
        break;
      case 5:
        names = name == "class";
        hides = !names && name == "style" && hidden != nullptr && IsHidingStyle(attr.value);
        break;
      case 6:
        hides = name == "hidden";
        break;
      case 8:
        if (name == "itemprop" && decided == Cue::kNone && EqualsIgnoreCase(attr.value, "articleBody")) {
          decided = Cue::kArticleBody;
        }
        break;
      case 11:
        hides = name == "aria-hidden" && EqualsIgnoreCase(attr.value, "true");
        break;
      default:
        break;
    }
    if (hides && hidden != nullptr) {
      *hidden = true;
      return Cue::kNone;
    }
    if (!names || decided != Cue::kNone || attr.value.empty()) continue;
    std::string_view value = attr.value.substr(0, kMaxNameBytes);
    mask |= cache != nullptr ? cache->Get(value, NameMask) : NameMask(value);
  }
  if (decided != Cue::kNone) return decided;
  Cue cue = kResolvedMasks[mask];
  return cue != Cue::kNone ? cue : kTagFallbackCues[static_cast<size_t>(element.tag)];
}

}  // namespace

Cue ClassifyElement(const Node& element, CueCache* cache) {
  if (element.type != NodeType::kElement) return Cue::kNone;
  return ReadElement(element, cache, nullptr);
}

std::optional<Cue> ClassifyRendered(const Node& element, CueCache* cache) {
  bool hidden = false;
  Cue cue = ReadElement(element, cache, &hidden);
  if (hidden) return std::nullopt;
  return cue;
}

// A sign-off in brackets closing a story: the writers' initials or name
// ("(dnu/dnu)", "(ant)", "(*)", "(Jane Roe)"), ASCII letters and a few marks.
bool IsBracketedSignOff(std::string_view text) {
  constexpr size_t kMaxBytes = 40;
  if (text.size() < 3 || text.size() > kMaxBytes || text.front() != '(' || text.back() != ')') return false;
  for (char c : text.substr(1, text.size() - 2)) {
    if (!IsLetter(c) && c != ' ' && c != '/' && c != '.' && c != '*' && c != '-' && c != ',') return false;
  }
  return true;
}

// A server-side script's error message printed into the page: "Warning:
// Undefined variable in /var/www/page.php on line 12". The label and the
// line number together; a sentence opening "Warning:" has no line number.
bool IsScriptError(std::string_view text) {
  constexpr std::string_view kLabels[] = {"warning:", "notice:", "deprecated:", "strict standards:",
                                          "fatal error:", "parse error:"};
  size_t digits = 0;
  while (digits < text.size() && text[text.size() - 1 - digits] >= '0' && text[text.size() - 1 - digits] <= '9') ++digits;
  if (digits == 0 || !text.substr(0, text.size() - digits).ends_with(" on line ")) return false;
  for (std::string_view label : kLabels) {
    if (text.size() > label.size() && EqualsIgnoreCase(text.substr(0, label.size()), label)) return true;
  }
  return false;
}

// A blog engine's shortcode left unrendered: "[button link=...]Send us
// your photos[/button]", the same lowercase name opening and closing it.
bool IsRawShortcode(std::string_view text) {
  if (text.size() < 7 || text[0] != '[' || text.back() != ']') return false;
  size_t name_end = 1;
  while (name_end < text.size() && ((text[name_end] >= 'a' && text[name_end] <= 'z') || text[name_end] == '_')) ++name_end;
  if (name_end == 1 || (text[name_end] != ' ' && text[name_end] != ']')) return false;
  std::string_view name = text.substr(1, name_end - 1);
  std::string_view close = text.substr(0, text.size() - 1);
  return close.size() > name.size() + 2 && close.ends_with(name) &&
         close.substr(0, close.size() - name.size()).ends_with("[/");
}

// Where the file size closing `t` starts ("123 KB", "4MB", "1,5 MB"),
// npos when it closes with none.
size_t FileSizeStart(std::string_view t) {
  if (t.size() < 3 || Lower(t.back()) != 'b' || std::string_view("kmg").find(Lower(t[t.size() - 2])) == std::string_view::npos) {
    return std::string_view::npos;
  }
  size_t end = t.size() - 2;
  if (t[end - 1] == ' ') --end;
  size_t start = end;
  while (start > 0 && ((t[start - 1] >= '0' && t[start - 1] <= '9') || t[start - 1] == '.' || t[start - 1] == ',')) --start;
  return start < end ? start : std::string_view::npos;
}

// A download link's line: a size in kilobytes alone ("123 KB"), or a line
// that names a download and gives the file's size in brackets or calls
// it a PDF ("Download (1,5 MB)", "Den Bericht als PDF herunterladen"). A
// spec line ("Memory (16 GB)", "Storage: 128 GB") names no download.
bool IsDownloadLine(std::string_view text) {
  constexpr size_t kMaxBytes = 80;
  constexpr std::string_view kDownloadWords[] = {"download", "herunterladen", "unduh", "t\u00e9l\u00e9charger",
                                                 "descargar"};
  if (text.size() > kMaxBytes) return false;
  const size_t size_start = FileSizeStart(text.ends_with(")") || text.ends_with("]") ? text.substr(0, text.size() - 1) : text);
  if (size_start == 0 && Lower(text[text.size() - 2]) == 'k') return true;
  const bool bracketed_size = size_start != std::string_view::npos && size_start > 0 &&
                              (text[size_start - 1] == '(' || text[size_start - 1] == '[');
  // Most lines have neither: the download words are looked for last.
  if (!bracketed_size && text.find("PDF") == std::string_view::npos && text.find("pdf") == std::string_view::npos) {
    return false;
  }
  for (std::string_view word : kDownloadWords) {
    if (meta::HasNoCase(text, word)) return true;
  }
  return false;
}

// A line of data rather than words: it opens with an address, and two or
// more addresses fill half of it or more ("http://site/a.jpg 1200 676 admin
// http://site/b.jpg ..."), as a theme's image records printed into the page.
bool IsAddressData(std::string_view text) {
  if (!text.starts_with("http")) return false;  // most lines
  size_t address_bytes = 0;
  int addresses = 0;
  for (size_t i = 0; i < text.size();) {
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    if (text.substr(i, 4) == "http") {
      address_bytes += end - i;
      ++addresses;
    }
    i = end + 1;
  }
  return addresses >= 2 && address_bytes * 2 >= text.size();
}

bool IsBoilerplateLine(std::string_view text) {
  if (IsAddressData(text)) return true;
  if (text.size() > 250) return false;
  if (IsBracketedSignOff(text) || IsScriptError(text) || IsRawShortcode(text) || IsDownloadLine(text)) return true;
  // A bracketed line opens inside its bracket: "(Credit: Agency)".
  std::string_view opening = !text.empty() && (text[0] == '(' || text[0] == '[') ? text.substr(1) : text;
  if (StartsWithAny(opening, kLinePrefixes, kLinePrefixIndex)) return true;
  // An image credit: "Skyline at dusk. | © Agency / Photographer".
  constexpr size_t kCreditTail = 80;
  std::string_view tail = text.substr(text.size() > kCreditTail ? text.size() - kCreditTail : 0);
  if (tail.find("\u00a9") != std::string_view::npos) return true;
  std::string_view core = TrimPunctuation(text);
  if (core.size() > kLongestLineWord) return false;  // most lines: prose
  for (std::string_view w : kLineWords) {
    if (core.size() == w.size() && EqualsIgnoreCase(core, w)) return true;
  }
  return false;
}

namespace {

// Phrases of a prompt to the reader: to follow, subscribe, sign up, share,
// write in. Imperative or second-person, so rare in a story's own lines.
constexpr std::string_view kCallPhrases[] = {
    "follow us", "follow him on", "follow her on", "follow them on", "like us on", "join us on",
    "sign up for", "sign up to", "subscribe to", "subscribe for", "subscribe now", "your inbox",
    "click here", "share it with", "may be reached at", "can be reached at", "have a tip",
    "like to hear what you think", "tell us what you think", "here's our email", "email us at",
    "dapatkan update", "untuk update berita", "whatsapp channel", "grup telegram",
    "ikuti kami", "ikuti akun", "ikuti juga", "follow akun", "berlangganan", "unduh aplikasi",
    "download aplikasi", "klik di sini", "klik disini", "saluran whatsapp", "folgen sie uns",
    "abonnieren sie"};
constexpr auto kCallPhraseIndex = MakePrefixIndex(kCallPhrases);

// Social networks a "Follow ..." line points to.
constexpr std::string_view kNetworks[] = {"twitter", "facebook", "instagram", "tiktok", "youtube", "whatsapp",
                                          "telegram"};

// What a contributor note at the foot of a story says its subject is.
constexpr std::string_view kContributorRoles[] = {
    "writer", "reporter", "editor", "journalist", "correspondent", "columnist", "contributor",
    "freier autor", "freie autorin", "journalistin", "redakteur", "redakteurin", "wartawan", "jurnalis", "penulis",
    "kontributor"};
constexpr auto kContributorRoleIndex = MakePrefixIndex(kContributorRoles);

}  // namespace

bool IsContributorNote(std::string_view text) {
  constexpr size_t kMaxBytes = 300;
  constexpr size_t kRoleWithinBytes = 80;  // "Jane Roe is a senior writer for ..."
  if (text.size() > kMaxBytes) return false;
  std::string_view head = text.substr(0, kRoleWithinBytes);
  bool copula = false;
  // Roles and copulas open words: only word starts are looked up.
  for (size_t i = 0; i < head.size();) {
    const unsigned char first = static_cast<unsigned char>(Lower(head[i]));
    for (int k = kContributorRoleIndex.start[first]; k < kContributorRoleIndex.start[first + 1]; ++k) {
      std::string_view role = kContributorRoles[kContributorRoleIndex.order[k]];
      // "Freier Autor in Berlin ..." opens with the role; others name it after a copula.
      if (StartsWithWord(head.substr(i), role) && (i == 0 || copula)) return true;
    }
    copula = copula || StartsWithWord(head.substr(i), "is") || StartsWithWord(head.substr(i), "ist") ||
             StartsWithWord(head.substr(i), "adalah");
    const size_t space = head.find(' ', i);
    if (space == std::string_view::npos) break;
    i = space + 1;
  }
  return false;
}

bool IsCallToAction(std::string_view text) {
  constexpr size_t kMaxBytes = 300;
  if (text.size() > kMaxBytes) return false;
  // A phrase opens a word: only the starts of the line and of each word
  // after a space (the line is whitespace-normalised) are looked up, each
  // against the phrases that open with its letter.
  for (size_t i = 0; i < text.size();) {
    const unsigned char first = static_cast<unsigned char>(Lower(text[i]));
    for (int k = kCallPhraseIndex.start[first]; k < kCallPhraseIndex.start[first + 1]; ++k) {
      std::string_view phrase = kCallPhrases[kCallPhraseIndex.order[k]];
      if (i + phrase.size() > text.size() || Lower(text[i + 1]) != phrase[1]) continue;
      if (EqualsIgnoreCase(text.substr(i, phrase.size()), phrase)) return true;
    }
    const size_t space = text.find(' ', i);
    if (space == std::string_view::npos) break;
    i = space + 1;
  }
  if (!StartsWithWord(text, "follow")) return false;
  for (std::string_view network : kNetworks) {
    if (meta::HasNoCase(text, network)) return true;
  }
  return false;
}

bool IsReadMore(std::string_view text) {
  constexpr size_t kMaxBytes = 24;
  constexpr std::string_view kWords[] = {
      "read more", "continue reading", "more", "weiterlesen", "mehr", "mehr lesen",
      "lire la suite", "la suite", "leer más", "seguir leyendo", "leggi tutto", "czytaj dalej", "czytaj więcej",
      "selengkapnya", "baca selengkapnya", "lanjut baca", "lees meer", "läs mer", "les mer", "læs mere"};
  // Arrows, guillemets and ellipses trail the words.
  constexpr std::string_view kMarks[] = {".", ">", " ", "\u00bb", "\u203a", "\u2192", "\u2026", "\u25b8", "\u25ba"};
  for (bool trimmed = true; trimmed && !text.empty();) {
    trimmed = false;
    for (std::string_view mark : kMarks) {
      if (text.ends_with(mark)) {
        text.remove_suffix(mark.size());
        trimmed = true;
      }
    }
  }
  if (text.empty() || text.size() > kMaxBytes) return false;
  for (std::string_view w : kWords) {
    if (text.size() == w.size() && EqualsIgnoreCase(text, w)) return true;
  }
  return false;
}

bool IsBoilerplateHeading(std::string_view text) {
  constexpr size_t kMaxBytes = 80;
  constexpr size_t kMaxQuotingBytes = 160;  // "11 responses to <the whole headline>"
  std::string_view core = TrimPunctuation(text);
  if (core.empty() || core.size() > kMaxQuotingBytes) return false;
  // A count before the word: "11 responses to ...", "3 Komentar".
  size_t digits = 0;
  while (digits < core.size() && core[digits] >= '0' && core[digits] <= '9') ++digits;
  if (digits > 0 && digits < core.size() && core[digits] == ' ') core.remove_prefix(digits + 1);
  if (core.size() <= kMaxBytes) return StartsWithAny(core, kHeadingPrefixes, kHeadingPrefixIndex);
  // Longer only when it quotes the headline the comments are on.
  return digits > 0 && (StartsWithWord(core, "responses to") || StartsWithWord(core, "replies to") ||
                        StartsWithWord(core, "thoughts on"));
}

bool IsSlotLabel(std::string_view text) {
  constexpr std::string_view kLabels[] = {"advertisement", "sponsored", "anzeige", "werbung", "iklan", "newsletter",
                                          "sign up", "follow us", "share this", "bagikan", "key points",
                                          "key takeaways", "poin penting"};
  std::string_view core = TrimPunctuation(text);
  for (std::string_view label : kLabels) {
    if (StartsWithWord(core, label)) return true;
  }
  return false;
}

}  // namespace warta::extract
