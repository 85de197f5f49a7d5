// What the one walk over a page's DOM collects for the metadata readers
// (meta tags, JSON-LD blocks, the title and h1s, and the elements that may
// hold a date or a byline), and the small text and node helpers those
// readers share.
//
// Internal to src/meta. A Collected holds views into the Document it was
// collected from (node pointers, attribute values, text data): it must not
// outlive that Document. Collect reads only; a Collected and its HintLists
// belong to one thread.
#ifndef WARTA_META_COLLECTED_H_
#define WARTA_META_COLLECTED_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "meta/word_set.h"
#include "warta/dom.h"

namespace warta::meta {

constexpr size_t kMaxCandidates = 300;  // per kind of candidate element

// Lower and HasNoCase are word_set.h's.
bool Has(std::string_view hay, std::string_view needle);

// `s` with runs of white space (NBSP and the fixed-width spaces included)
// folded to one space and trimmed.
std::string Collapse(std::string_view s, size_t max_size = SIZE_MAX);
// Collapse(s).empty(), without building it.
bool IsBlank(std::string_view s);
// The value of attribute `name`, or "" without it.
std::string_view AttrOr(const Node* n, std::string_view name);
// Visible text of a subtree, whitespace-collapsed, at most about `limit` bytes.
std::string VisibleText(const Node* root, size_t limit);
bool HasAncestor(const Node* n, Tag tag);

struct Ordered {
  // A constructor for emplace_back: clang 14 has no parenthesised aggregate
  // initialisation.
  Ordered(const Node* n, uint32_t o) : node(n), order(o) {}
  const Node* node;
  uint32_t order;
};

// An element that may hold a hint: its class and id, and what its other
// hint attributes said, decided while they were at hand (a copy of every
// attribute made each element cost a 100-byte clear and copy).
struct Hinted {
  Ordered at;
  std::string_view cls, id;
  bool author_prop = false;  // itemprop=author
  bool author_rel = false;   // rel names the author
  bool crumb_label = false;  // aria-label names a breadcrumb trail
};

// What one pass over the document collects.
struct Collected {
  std::vector<std::pair<std::string, std::string_view>> metas;  // lowercase key -> content
  std::string title;
  std::string_view html_lang, canonical;
  std::vector<std::string_view> jsonld;
  // Other JSON data blocks (<script type="application/json">): the state a
  // script page renders from.
  std::vector<std::string_view> json_data;
  // Short scripts in the body, where a page may write its date as it
  // renders ('<td><script>printStamp("2021/03/09 18:05")</script></td>').
  std::vector<std::string_view> body_scripts;
  std::vector<std::string> h1s;
  std::vector<uint32_t> h1_orders;  // of h1s
  uint32_t h1_order = UINT32_MAX;
  // The h1 of the article's headline (HeadlineOrder): where its date
  // stands. Set with the title.
  uint32_t headline_order = UINT32_MAX;
  std::vector<Ordered> times, itemprop_dates, texts;
  // Elements with a class or id, or marked as a byline or breadcrumb trail
  // by other attributes: where date hints, bylines and the trail are looked
  // for, only when a page needs them (most find their dates and names in
  // the metadata).
  std::vector<Hinted> hinted;
  // InOffTopicZone's answers for the elements asked about and their
  // ancestors: the readers ask about many elements of the same regions.
  mutable std::unordered_map<const Node*, bool> off_topic;
};

// One walk over the document: what every metadata reader starts from.
Collected Collect(const Document& doc);

// Whether `n` sits in a page region whose dates and names are about other
// things (navigation, asides, comments, related stories), below the
// article or main element it belongs to. `n` is a node of the document `c`
// was collected from.
bool InOffTopicZone(const Collected& c, const Node* n);

// Whether `n` is the site's clock, the day the page is read (an element,
// or one of its two parents, named "today", "current-date", "masthead-today-date"):
// that date is the reader's, not the story's, even as a last guess.
bool ShowsTodaysDate(const Node* n);

// The first non-blank value of the meta keys, in the order given.
std::string_view MetaValue(const Collected& c, std::initializer_list<std::string_view> keys);

// Elements whose class or id names a date.
bool IsDateHint(const Hinted& a);
// Elements marked as a byline: by itemprop, rel, or a class or id naming
// the author but not the author's picture or biography.
bool IsAuthorHint(const Hinted& a);
// The first breadcrumb trail, nullptr without one.
const Node* Breadcrumb(const Collected& c);

// The hinted elements that a test accepts, in document order, at most
// kMaxCandidates: found only as far as a reader asks (readers mostly stop
// at the first that states a date or a name).
class HintList {
 public:
  HintList(const Collected& c, bool (*test)(const Hinted&)) : hinted_(c.hinted), test_(test) {}
  // Only the elements after the one of order `after`.
  HintList(const Collected& c, bool (*test)(const Hinted&), uint32_t after) : HintList(c, test) {
    next_ = static_cast<size_t>(std::partition_point(hinted_.begin(), hinted_.end(),
                                                     [&](const Hinted& h) { return h.at.order <= after; }) -
                                hinted_.begin());
  }

  // The i-th accepted element; nullptr past the last.
  const Ordered* At(size_t i) {
    while (found_.size() <= i && found_.size() < kMaxCandidates && next_ < hinted_.size()) {
      const Hinted& h = hinted_[next_++];
      if (Accepts(h)) found_.push_back(&h.at);
    }
    return i < found_.size() ? found_[i] : nullptr;
  }

 private:
  // The test's answer, remembered by what it reads (class, id and the
  // attribute flags): two in three hinted elements repeat those of an
  // earlier one (list items, cards, menu entries), and the test scans the
  // class and id for words. Direct-mapped: a collision asks the test again,
  // never gives another element's answer.
  struct Answer {
    std::string_view cls, id;
    uint8_t flags = 0;
    uint8_t state = 0;  // 0: none kept, 1: rejected, 2: accepted
  };
  static constexpr size_t kAnswers = 128;

  // Where the answer for these values is kept: their lengths and last
  // bytes tell most class and id values apart, for a fraction of a hash
  // over all their bytes.
  static size_t Slot(std::string_view cls, std::string_view id, uint8_t flags) {
    auto tail = [](std::string_view s) {
      uint64_t t = 0;
      if (s.size() >= 8) {
        std::memcpy(&t, s.data() + s.size() - 8, 8);
      } else {
        for (char c : s) t = t << 8 | static_cast<unsigned char>(c);
      }
      return t;
    };
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = (tail(cls) ^ cls.size()) * kMul;
    h = (h ^ tail(id) ^ id.size() << 8 ^ flags) * kMul;
    static_assert(kAnswers == 128);
    return static_cast<size_t>(h >> 57);  // the top 7 bits, the best mixed
  }

  bool Accepts(const Hinted& h) {
    const uint8_t flags = static_cast<uint8_t>(h.author_prop | h.author_rel << 1 | h.crumb_label << 2);
    Answer& a = answers_[Slot(h.cls, h.id, flags)];
    if (a.state == 0 || a.flags != flags || a.cls != h.cls || a.id != h.id) {
      a = Answer{h.cls, h.id, flags, static_cast<uint8_t>(test_(h) ? 2 : 1)};
    }
    return a.state == 2;
  }

  const std::vector<Hinted>& hinted_;
  bool (*test_)(const Hinted&);
  size_t next_ = 0;
  std::vector<const Ordered*> found_;
  std::array<Answer, kAnswers> answers_{};
};

inline const Ordered* At(const std::vector<Ordered>& list, size_t i) { return i < list.size() ? &list[i] : nullptr; }
inline const Ordered* At(HintList& list, size_t i) { return list.At(i); }

}  // namespace warta::meta

#endif  // WARTA_META_COLLECTED_H_
