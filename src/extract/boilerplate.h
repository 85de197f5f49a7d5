// Boilerplate cues for main-content extraction: what an element's class, id
// and role say about it, and which short text lines are site furniture
// ("Baca juga:", "Advertisement", "Share") rather than article text.
//
// The cue lists are general (English and Indonesian web vocabulary), never a
// site's own selectors. Matching is a plain substring scan over a lowercased
// copy of the attribute values, cheap enough to run on every element.
//
// All functions are pure and thread-safe.
#ifndef WARTA_EXTRACT_BOILERPLATE_H_
#define WARTA_EXTRACT_BOILERPLATE_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "warta/dom.h"

namespace warta::extract {

enum class Cue : uint8_t {
  kNone,
  kContent,      // class/id/role names an article body ("entry-content", role=main)
  kArticleBody,  // itemprop=articleBody: the page says where the body is
  kCaption,      // an image caption or credit
  kLayout,       // page furniture around the body: navigation, headers, sidebars, ads, share bars
  kBoilerplate,  // furniture that reads like prose: comments, related stories, sign-up and consent
};

// Remembers what the class and id values already seen name (a set of cues
// as bits 1 << Cue): pages repeat a few dozen class strings on thousands of
// elements, and sites and frameworks share short ones ("container",
// "clearfix", "entry-content") from page to page. Keyed by the raw value,
// compared in full on a hit, so a hash collision costs a recomputation,
// never a wrong cue. A short value is kept as a copy and outlives the
// document; a longer one is a view into the document: the cache must be
// cleared before the document goes. Not thread-safe; use one per thread.
class CueCache {
 public:
  CueCache() : slots_(kSlots) {}
  // Forgets the values that are views: the cache can serve another
  // document. Views of an older generation count as empty, so clearing
  // writes nothing.
  void Clear() {
    if (++generation_ != 0) return;
    std::fill(slots_.begin(), slots_.end(), Slot{});
    generation_ = 1;
  }

  // The cached cue set of `value`, computing it with `classify` on a miss.
  template <typename F>
  uint8_t Get(std::string_view value, F classify) {
    Slot& slot = slots_[Hash(value) & (kSlots - 1)];
    if (value.size() <= kCopiedBytes) {
      if (slot.copied && slot.size == value.size() && EqualShort(slot.copy, value.data(), value.size())) {
        return slot.cues;
      }
      slot.copied = true;
      slot.size = static_cast<uint8_t>(value.size());
      std::memcpy(slot.copy, value.data(), value.size());
    } else {
      if (!slot.copied && slot.generation == generation_ && slot.view == value) return slot.cues;
      slot.copied = false;
      slot.view = value;
      slot.generation = generation_;
    }
    slot.cues = classify(value);
    return slot.cues;
  }

 private:
  // a[0, n) == b[0, n) for n <= kCopiedBytes, inline: overlapping loads
  // from both ends cover the bytes without reading past either.
  static bool EqualShort(const char* a, const char* b, size_t n) {
    static_assert(kCopiedBytes <= 32);
    auto differ8 = [a, b](size_t at) {
      uint64_t x, y;
      std::memcpy(&x, a + at, 8);
      std::memcpy(&y, b + at, 8);
      return x ^ y;
    };
    auto differ4 = [a, b](size_t at) {
      uint32_t x, y;
      std::memcpy(&x, a + at, 4);
      std::memcpy(&y, b + at, 4);
      return x ^ y;
    };
    if (n >= 16) return (differ8(0) | differ8(8) | differ8(n - 16) | differ8(n - 8)) == 0;
    if (n >= 8) return (differ8(0) | differ8(n - 8)) == 0;
    if (n >= 4) return (differ4(0) | differ4(n - 4)) == 0;
    for (size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }

  // Word-at-a-time multiplicative hash: only spreads values over slots.
  static uint64_t Hash(std::string_view s) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = s.size() * kMul;
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * kMul;
      h ^= h >> 29;
    }
    uint64_t tail = 0;
    if (s.size() >= 8) {
      std::memcpy(&tail, s.data() + s.size() - 8, 8);  // overlaps the last word: no call, no byte loop
    } else {
      for (; i < s.size(); ++i) tail = tail << 8 | static_cast<unsigned char>(s[i]);
    }
    h = (h ^ tail) * kMul;
    return h ^ (h >> 32);
  }

  // 1,024 slots (56 KB): 4,096 (229 KB) measured slower. The table competes
  // with the page and its tree for the core's second-level cache, and a slot
  // fetched from farther costs more than classifying a missed value again
  // (session 8, docs/benchmarks.md).
  static constexpr size_t kSlots = 1024;
  static constexpr size_t kCopiedBytes = 32;  // most class values
  struct Slot {
    char copy[kCopiedBytes];  // a short value's bytes
    std::string_view view;    // a longer value
    uint32_t generation = 0;  // the view's
    uint8_t size = 0;         // the copy's
    bool copied = false;
    uint8_t cues = 0;
  };
  std::vector<Slot> slots_;
  uint32_t generation_ = 1;
};

// The cue an element's attributes and tag give. Within one class token a
// furniture word wins over a content word ("article-comments"); an element
// whose tokens name both ("article-body l-sidebar-fixed") gets no cue.
// itemprop=articleBody wins over everything. `cache` may be null.
Cue ClassifyElement(const Node& element, CueCache* cache = nullptr);

// ClassifyElement for an element that is rendered, nullopt for one that is
// not: the hidden attribute, aria-hidden=true, or an inline style with
// display:none / visibility:hidden. One pass over the attributes answers
// both. `element` must be an element.
std::optional<Cue> ClassifyRendered(const Node& element, CueCache* cache);

// True for a short line that is page furniture whatever its container:
// "Baca juga: ...", "ADVERTISEMENT", "Share this article", "Follow us on",
// disclaimers and sign-up prompts ("Dieser Beitrag ...", "Join our ..."),
// image credits ending in "© Agency". `text` is whitespace-normalised.
bool IsBoilerplateLine(std::string_view text);

// True for a line that prompts the reader rather than tells the story:
// "Follow us on Twitter", "Sign up for our newsletter", "Like this story?
// Share it with a friend!", "Ikuti kami di ...". Said of lines at the edges
// of a body, where sites append them. `text` is whitespace-normalised.
bool IsCallToAction(std::string_view text);

// True for a short note on a contributor, as sites set below a story:
// "Jane Roe is a senior writer for the Daily Post.", "Freier Autor in
// Berlin ...", "Penulis adalah wartawan ...". `text` is whitespace-normalised.
bool IsContributorNote(std::string_view text);

// True for a link text that points on to the rest of a text elsewhere:
// "Read more", "Weiterlesen", "mehr", "Selengkapnya", "Lire la suite",
// with a trailing arrow or ellipsis. `text` is whitespace-normalised.
bool IsReadMore(std::string_view text);

// True for a heading that introduces a block of site furniture rather than a
// section of the article: "Berita Terkait", "Related Articles", "Terpopuler",
// "Comments", "More from ...". `text` is whitespace-normalised.
bool IsBoilerplateHeading(std::string_view text);

// True for a furniture heading that labels a slot set into the story (an
// ad, a sign-up box, a share bar, summary bullets) rather than a list
// closing it: "Advertisement", "Sponsored", "Newsletter", "Key points".
// The story may go on below such a label. `text` is whitespace-normalised.
bool IsSlotLabel(std::string_view text);

}  // namespace warta::extract

#endif  // WARTA_EXTRACT_BOILERPLATE_H_
