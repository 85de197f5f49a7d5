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

#include <cstdint>
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

// Remembers what the class strings already seen in one document name (a set
// of cues as bits 1 << Cue): pages repeat a few dozen class strings on
// thousands of elements. Keyed by a 64-bit hash of the string. Not
// thread-safe; use one per document walk.
class CueCache {
 public:
  CueCache() : slots_(kSlots) {}
  // The cached cue set of `names`, computing it with `classify` on a miss.
  template <typename F>
  uint8_t Get(std::string_view names, F classify) {
    uint64_t h = 1469598103934665603ull;
    for (char c : names) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h |= 1;  // 0 marks an empty slot
    Slot& slot = slots_[h & (kSlots - 1)];
    if (slot.hash != h) slot = Slot{h, classify(names)};
    return slot.cues;
  }

 private:
  static constexpr size_t kSlots = 1024;
  struct Slot {
    uint64_t hash = 0;
    uint8_t cues = 0;
  };
  std::vector<Slot> slots_;
};

// The cue an element's attributes and tag give. Within one class token a
// furniture word wins over a content word ("article-comments"); an element
// whose tokens name both ("article-body l-sidebar-fixed") gets no cue.
// itemprop=articleBody wins over everything. `cache` may be null.
Cue ClassifyElement(const Node& element, CueCache* cache = nullptr);

// True when the element is not rendered: the hidden attribute,
// aria-hidden=true, or an inline style with display:none / visibility:hidden.
bool IsHiddenElement(const Node& element);

// True for a short line that is page furniture whatever its container:
// "Baca juga: ...", "ADVERTISEMENT", "Share this article", "Follow us on",
// disclaimers and sign-up prompts ("Dieser Beitrag ...", "Join our ..."),
// image credits ending in "© Agency". `text` is whitespace-normalised.
bool IsBoilerplateLine(std::string_view text);

// True for a heading that introduces a block of site furniture rather than a
// section of the article: "Berita Terkait", "Related Articles", "Terpopuler",
// "Comments", "More from ...". `text` is whitespace-normalised.
bool IsBoilerplateHeading(std::string_view text);

}  // namespace warta::extract

#endif  // WARTA_EXTRACT_BOILERPLATE_H_
