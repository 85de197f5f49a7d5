#include "meta/metadata.h"

#include <algorithm>
#include <array>
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/ascii_space.h"
#include "base/utf8.h"
#include "meta/authors.h"
#include "meta/date_parse.h"
#include "meta/jsonld.h"
#include "meta/url.h"
#include "meta/word_set.h"

namespace warta::meta {
namespace {

constexpr size_t kMaxCandidates = 300;  // per kind of candidate element

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  return out;
}

bool Has(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// Has(Lower(hay), lower_needle) without the copy, for per-element tests.
// The needle opens with a letter: a byte that is not that letter in either
// case ((c | 0x20) differs) is passed over with one compare.
// Inline: it runs on attributes of every element, most of them absent.
inline bool HasNoCase(std::string_view hay, std::string_view lower_needle) {
  if (hay.size() < lower_needle.size()) return false;
  const char first = lower_needle[0];
  for (size_t i = 0; i + lower_needle.size() <= hay.size(); ++i) {
    if ((hay[i] | 0x20) == first && EqualsLowerAscii(hay.substr(i + 1), lower_needle.substr(1))) return true;
  }
  return false;
}

// The white space Collapse folds (NBSP and the fixed-width spaces included).
bool IsCollapsedSpace(char32_t cp) {
  return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == 0xA0 || cp == 0x202F ||
         (cp >= 0x2000 && cp <= 0x200A);
}

// ASCII bytes that Collapse copies as they are: all but its white space.
constexpr std::array<bool, 256> kStaysAscii = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x80; ++c) t[c] = true;
  for (unsigned char c : {' ', '\n', '\t', '\r', '\f'}) t[c] = false;
  return t;
}();

// Steps from `pos`, just past a byte that stays, over bytes that stay and
// single spaces before one, sixteen bytes a step while the byte after a
// block is before `stop`; returns where a closer look is needed. The
// classes come from one compare set per block: a byte's follower is the
// mask shifted by one.
size_t SkipStayingBlocks(std::string_view s, size_t pos, size_t stop) {
#if defined(__SSE2__)
  const char* p = s.data();
  for (; pos + 17 <= stop; pos += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + pos));
    auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    __m128i space = eq(' ');
    __m128i white = AsciiSpaceMask(v);
    // Bytes that do not stay: white space, and bytes past ASCII (the sign bit).
    unsigned moves = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(white, v)));
    unsigned spaces = static_cast<unsigned>(_mm_movemask_epi8(space));
    unsigned next_moves = moves >> 1 | unsigned{!kStaysAscii[static_cast<unsigned char>(p[pos + 16])]} << 15;
    unsigned look = moves & ~(spaces & ~next_moves);
    if (look != 0) return pos + std::countr_zero(look);
  }
#endif
  return pos;
}

// Whitespace runs to one space, trimmed. With `max_size`, the scan may stop
// once the result is longer than that: a longer text comes back cut, but
// still longer than max_size.
std::string Collapse(std::string_view s, size_t max_size = SIZE_MAX) {
  std::string out;
  out.reserve(std::min(s.size(), max_size));
  bool space = true;
  size_t pos = 0;
  // Past max_size + 1 bytes, dropping a trailing space still leaves more than max_size.
  while (pos < s.size() && out.size() <= max_size) {
    size_t start = pos;
    // The common case without a decode call: a run of ASCII bytes that stay.
    auto stays = [](char c) { return kStaysAscii[static_cast<unsigned char>(c)]; };
    // A single space between two such bytes stays as well: words run on
    // without an append each. The run ends once the text is long enough.
    const size_t room = max_size - out.size();
    const size_t stop = s.size() - pos > room ? pos + room + 1 : s.size();
    while (pos < stop && stays(s[pos])) {
      pos = SkipStayingBlocks(s, pos + 1, stop);
      if (pos + 1 < stop && s[pos] == ' ' && stays(s[pos + 1])) ++pos;
    }
    if (pos > start) {
      space = false;
      out.append(s.substr(start, pos - start));
      continue;
    }
    char32_t cp = utf8::Decode(s, &pos);
    if (IsCollapsedSpace(cp)) {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    space = false;
    out.append(s.substr(start, pos - start));
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Collapse(s).empty(), without building it.
bool IsBlank(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    if (!IsCollapsedSpace(utf8::Decode(s, &pos))) return false;
  }
  return true;
}

std::string_view AttrOr(const Node* n, std::string_view name) {
  const std::string_view* v = n->Attr(name);
  return v ? *v : std::string_view();
}

// Subtrees that hold no visible text. VisitElement tells the same tags by
// its own switch (the walk over every element saves a call each).
bool IsSkippedTag(const Node* n) {
  if (n->ns != Namespace::kHtml) return true;
  if (!n->is_element()) return false;
  switch (n->tag) {
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kNoscript:
    case Tag::kTemplate:
    case Tag::kSvg:
      return true;
    default:
      return false;
  }
}

// Visible text of a subtree, whitespace-collapsed, at most about `limit` bytes.
std::string VisibleText(const Node* root, size_t limit) {
  std::string raw;
  for (const Node* n = root; n && raw.size() < limit;) {
    bool skip = n != root && n->is_element() && IsSkippedTag(n);
    if (n->is_text()) raw.append(n->data.substr(0, limit - raw.size()));
    if (n->is_element() && (n->Is(Tag::kBr) || n->Is(Tag::kP) || n->Is(Tag::kDiv) || n->Is(Tag::kLi))) raw += ' ';
    n = NextInTree(n, root, skip);
  }
  return Collapse(raw);
}

bool HasAncestor(const Node* n, Tag tag) {
  for (const Node* p = n->parent; p; p = p->parent) {
    if (p->Is(tag)) return true;
  }
  return false;
}

// True when a class or id token opens with a word naming page furniture
// ("comments", "related-posts", "sidebar-left"); tokens that merely contain
// it ("post_tag-kommentare", "asset-footer") are taxonomy or layout, not zones.
bool TokensNameFurniture(std::string_view attr) {
  static constexpr std::string_view kWords[] = {
      "comment", "related", "sidebar", "widget", "footer", "recommend", "popular", "newsletter", "teaser",
      "navigation", "navbar", "menu", "share", "social", "more-stories", "trending", "most-read", "archive",
      "calendar", "reply", "similar", "weitere", "verwandt", "kommentar", "terkait", "respond"};
  // Bit i of kByFirst[letter]: kWords[i] starts with that letter.
  static constexpr auto kByFirst = [] {
    std::array<uint32_t, 26> by_first{};
    for (size_t i = 0; i < std::size(kWords); ++i) by_first[kWords[i][0] - 'a'] |= uint32_t{1} << i;
    return by_first;
  }();
  size_t pos = 0;
  while (pos < attr.size()) {
    size_t end = pos;
    while (end < attr.size() && attr[end] != ' ' && attr[end] != '\t' && attr[end] != '\n') ++end;
    std::string_view token = attr.substr(pos, end - pos);
    char first = static_cast<char>(token.empty() ? 0 : token[0] | 0x20);
    if (first >= 'a' && first <= 'z') {
      for (uint32_t m = kByFirst[first - 'a']; m != 0; m &= m - 1) {
        std::string_view w = kWords[std::countr_zero(m)];
        if (token.size() >= w.size() && EqualsLowerAscii(token.substr(0, w.size()), w)) return true;
      }
    }
    pos = end + 1;
  }
  return false;
}

// True when a class or id token names a comment or related-story zone in
// one of its later segments ("shop-item-comment-box", "post__related_list");
// taxonomy tokens ("tag-kommentare", "category-related") label the article.
bool SegmentsNameOtherStories(std::string_view attr) {
  static constexpr std::string_view kWords[] = {"comment", "kommentar", "related", "recommend", "reply", "respond"};
  static constexpr std::string_view kTaxonomy[] = {"tag", "category", "post_tag", "cat", "topic"};
  // One compare a byte: only a separator before c, k or r may open a word.
  for (size_t i = 1; i + 1 < attr.size(); ++i) {
    if (attr[i] != '-' && attr[i] != '_') continue;
    const char next = static_cast<char>(attr[i + 1] | 0x20);
    if (next != 'c' && next != 'k' && next != 'r') continue;
    std::string_view rest = attr.substr(i + 1);
    bool named = false;
    for (std::string_view w : kWords) named |= rest.size() >= w.size() && EqualsLowerAscii(rest, w);
    if (!named) continue;
    size_t start = attr.find_last_of(" \t\n", i);
    std::string_view token_head = attr.substr(start == std::string_view::npos ? 0 : start + 1);
    bool taxonomy = false;
    for (std::string_view t : kTaxonomy) {
      taxonomy |= token_head.size() > t.size() && EqualsLowerAscii(token_head, t) &&
                  (token_head[t.size()] == '-' || token_head[t.size()] == '_');
    }
    if (!taxonomy) return true;
  }
  return false;
}

// Page regions whose dates and names are about other things.
bool IsOffTopicZone(const Node* n) {
  if (n->Is(Tag::kNav) || n->Is(Tag::kAside) || n->Is(Tag::kForm)) return true;
  // An article's own footer carries its date and byline.
  if (n->Is(Tag::kFooter)) return !HasAncestor(n, Tag::kArticle);
  std::string_view cls = AttrOr(n, "class"), id = AttrOr(n, "id");
  return TokensNameFurniture(cls) || TokensNameFurniture(id) || SegmentsNameOtherStories(cls) ||
         SegmentsNameOtherStories(id);
}

// Walks up to the article or main element: zones outside it do not count.
bool InOffTopicZone(const Node* n) {
  for (const Node* p = n; p; p = p->parent) {
    if (!p->is_element()) continue;
    if (p->Is(Tag::kArticle) || p->Is(Tag::kMain) || p->Is(Tag::kBody)) return false;
    if (IsOffTopicZone(p)) return true;
  }
  return false;
}

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
};

// Class or id words of elements that hold a date or a byline, and words
// that rule a byline candidate out (lower case, ASCII).
constexpr std::string_view kDateWords[] = {"date",  "time", "datum",   "publish", "posted", "fecha",
                                           "byline", "meta", "zeit",   "created", "submitted", "data",
                                           "stand", "tanggal", "waktu", "info"};
constexpr std::string_view kAuthorWords[] = {"author", "byline", "penulis", "reporter", "autor"};
constexpr std::string_view kNotNameWords[] = {"bio", "avatar", "image", "photo", "desc"};
constexpr std::string_view kCrumbWords[] = {"breadcrumb"};

// Reads the hint attributes of an element (the first of duplicate names, as
// Node::Attr answers) and keeps it in c->hinted or c->itemprop_dates when
// they say it may hold a date or a name.
void VisitHintAttrs(const Node* n, uint32_t order, Collected* c) {
  std::string_view itemprop, cls, id, rel, aria_label;
  bool pubdate = false;
  uint32_t seen = 0;
  auto take = [&seen](uint32_t bit, std::string_view value, std::string_view* field) {
    if (!(seen & bit)) *field = value;
    seen |= bit;
  };
  for (uint32_t i = 0; i < n->attr_count; ++i) {
    const Attribute& a = n->attrs[i];
    if (a.ns != AttrNamespace::kNone) continue;
    // By length first: most attributes (href, src, style, data-*) end there.
    switch (a.name.size()) {
      case 5:
        if (a.name == "class") take(1, a.value, &cls);
        break;
      case 2:
        if (a.name == "id") take(2, a.value, &id);
        break;
      case 8:
        if (a.name == "itemprop") take(4, a.value, &itemprop);
        break;
      case 3:
        if (a.name == "rel") take(8, a.value, &rel);
        break;
      case 10:
        if (a.name == "aria-label") take(16, a.value, &aria_label);
        break;
      case 7:
        if (a.name == "pubdate") pubdate = true;
        break;
      default:
        break;
    }
  }
  if ((itemprop == "datePublished" || itemprop == "dateCreated" || pubdate) &&
      c->itemprop_dates.size() < kMaxCandidates) {
    c->itemprop_dates.push_back({n, order});
  }
  bool author_prop = itemprop == "author";
  bool author_rel = HasNoCase(rel, "author");
  bool crumb_label = HasNoCase(aria_label, "breadcrumb");
  if (!cls.empty() || !id.empty() || author_prop || author_rel || crumb_label) {
    c->hinted.push_back({{n, order}, cls, id, author_prop, author_rel, crumb_label});
  }
}

// The key is the first non-empty of property, name, itemprop and
// http-equiv. The five attributes are read in one pass told apart by name
// length (the first of duplicate names, as Node::Attr answers), not in a
// pass each.
void VisitMeta(const Node* n, Collected* c) {
  enum { kProperty, kName, kItemprop, kHttpEquiv, kContent, kRead };
  const std::string_view* found[kRead] = {};
  for (uint32_t i = 0; i < n->attr_count; ++i) {
    const Attribute& a = n->attrs[i];
    if (a.ns != AttrNamespace::kNone) continue;
    int k = kRead;
    switch (a.name.size()) {
      case 4: k = a.name == "name" ? kName : kRead; break;
      case 7: k = a.name == "content" ? kContent : kRead; break;
      case 8: k = a.name == "property" ? kProperty : a.name == "itemprop" ? kItemprop : kRead; break;
      case 10: k = a.name == "http-equiv" ? kHttpEquiv : kRead; break;
      default: break;
    }
    if (k != kRead && found[k] == nullptr) found[k] = &a.value;
  }
  std::string_view key;
  for (int k = kProperty; k <= kHttpEquiv && key.empty(); ++k) key = found[k] != nullptr ? *found[k] : std::string_view();
  const std::string_view* content = found[kContent];
  if (!key.empty() && content && c->metas.size() < 2000) c->metas.emplace_back(Lower(key), *content);
}

// Returns whether the walk skips the element's subtree (IsSkippedTag, and
// the title, whose text is read here), told by the same switch on the tag.
bool VisitElement(const Node* n, uint32_t order, Collected* c) {
  bool skip = true;
  if (n->ns == Namespace::kHtml) {
    skip = false;
    switch (n->tag) {
      case Tag::kMeta:
        VisitMeta(n, c);
        return false;
      case Tag::kHtml:
        c->html_lang = AttrOr(n, "lang");
        if (c->html_lang.empty()) c->html_lang = AttrOr(n, "xml:lang");
        return false;
      case Tag::kTitle:
        skip = true;
        if (!c->title.empty()) break;
        c->title = Collapse(TextContent(n));
        return true;
      case Tag::kLink:
        if (HasNoCase(AttrOr(n, "rel"), "canonical") && c->canonical.empty()) c->canonical = AttrOr(n, "href");
        return false;
      case Tag::kScript:
        if (n->first_child && n->first_child->is_text()) {
          const std::string_view type = AttrOr(n, "type");
          if (HasNoCase(type, "ld+json")) {
            if (c->jsonld.size() < 20) c->jsonld.push_back(n->first_child->data);
          } else if (HasNoCase(type, "json") && c->json_data.size() < 20) {
            c->json_data.push_back(n->first_child->data);
          }
        }
        return true;
      case Tag::kH1:
        if (c->h1s.size() >= 5) break;
        c->h1s.push_back(VisibleText(n, 600));
        c->h1_orders.push_back(order);
        if (c->h1_order == UINT32_MAX) c->h1_order = order;
        break;
      case Tag::kTime:
        if (c->times.size() < kMaxCandidates) c->times.push_back({n, order});
        break;
      case Tag::kStyle:
      case Tag::kNoscript:
      case Tag::kTemplate:
      case Tag::kSvg:
        skip = true;
        break;
      default:
        break;
    }
  }
  if (n->attr_count != 0) VisitHintAttrs(n, order, c);
  return skip;
}

// The class and id words, their tables built once.
struct HintWords {
  WordSet date{kDateWords}, author{kAuthorWords}, not_name{kNotNameWords}, crumb{kCrumbWords};
};

const HintWords& Words() {
  static const HintWords* words = new HintWords;
  return *words;
}

// Elements whose class or id names a date.
bool IsDateHint(const Hinted& a) {
  const WordSet& date = Words().date;
  return date.FoundIn(a.cls) || date.FoundIn(a.id);
}

// Elements marked as a byline: by itemprop, rel, or a class or id naming
// the author but not the author's picture or biography.
bool IsAuthorHint(const Hinted& a) {
  const HintWords& w = Words();
  auto names_author = [&](std::string_view attr) { return w.author.FoundIn(attr) && !w.not_name.FoundIn(attr); };
  return a.author_prop || a.author_rel || names_author(a.cls) || names_author(a.id);
}

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

const Ordered* At(const std::vector<Ordered>& list, size_t i) { return i < list.size() ? &list[i] : nullptr; }
const Ordered* At(HintList& list, size_t i) { return list.At(i); }

// The first breadcrumb trail (ASCII case-insensitive, no RE2 folding).
const Node* Breadcrumb(const Collected& c) {
  const WordSet& crumb = Words().crumb;
  for (const Hinted& h : c.hinted) {
    if (crumb.FoundIn(h.cls) || crumb.FoundIn(h.id) || h.crumb_label) return h.at.node;
  }
  return nullptr;
}

Collected Collect(const Document& doc) {
  Collected c;
  // Room for a typical page's lists at once, instead of a copy per doubling.
  c.hinted.reserve(512);
  c.texts.reserve(1024);
  const Node* root = doc.root();
  uint32_t order = 0;
  for (const Node* n = root; n;) {
    ++order;
    bool skip = false;
    if (n->is_element()) {
      skip = VisitElement(n, order, &c);
    } else if (n->is_text() && c.texts.size() < 5000 && n->data.size() >= 6) {
      // The walk never enters skipped elements or the title, so this text
      // is visible (the document node itself holds no text).
      c.texts.emplace_back(n, order);  // in place: push_back's shared out-of-line copy cost a call per text
    }
    // NextInTree's pre-order step, inline: this walk visits every node of
    // the page, and a call each cost more than the step.
    if (!skip && n->first_child != nullptr) {
      n = n->first_child;
      continue;
    }
    while (n != root && n->next_sibling == nullptr) n = n->parent;
    n = n == root ? nullptr : n->next_sibling;
  }
  return c;
}

std::string_view MetaValue(const Collected& c, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    for (const auto& [key, value] : c.metas) {
      if (key == k && !IsBlank(value)) return value;
    }
  }
  return {};
}

// ---------------------------------------------------------------------------
// Dates.

struct DateChoice {
  DateTime value;
  bool found = false;
};

// How a page's dates are read: the day/month order its language implies,
// and the latest moment a publication date can have.
struct DateReading {
  DateLocale locale;
  int64_t latest_epoch_seconds;
};

// A page cannot be published after it was fetched: the fetch time (WARC-Date)
// when known, else now, so that reading an archive gives the same answer
// whenever it is read. Two days of slack for zones and skewed clocks.
int64_t LatestPlausible(std::string_view fetch_date) {
  int64_t latest = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  std::optional<DateTime> fetched = ParseDate(fetch_date);
  if (fetched && fetched->granularity >= DateGranularity::kDay) {
    latest = LocalEpochSeconds(*fetched) - (fetched->has_offset ? int64_t{fetched->utc_offset_minutes} * 60 : 0);
  }
  return latest + 2 * 86400;
}

// A page date must be a day or finer, not before the web, not after the
// page was fetched.
bool Plausible(const DateTime& d, const DateReading& reading) {
  if (d.granularity < DateGranularity::kDay || d.year < 1995) return false;
  int64_t t = LocalEpochSeconds(d) - (d.has_offset ? int64_t{d.utc_offset_minutes} * 60 : 0);
  return t <= reading.latest_epoch_seconds;
}

// Unix time in seconds or milliseconds, as some sites write their dates.
std::optional<DateTime> EpochDate(std::string_view s) {
  if (s.size() != 10 && s.size() != 13) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (s.size() == 13) v /= 1000;
  if (v < 788918400) return std::nullopt;  // before 1995
  return DateTimeFromUnixSeconds(v);
}

std::optional<DateTime> ParseValue(std::string_view s, const DateReading& reading) {
  std::string text = Collapse(s);
  if (auto e = EpochDate(text)) return e;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  for (const DateMatch& m : FindDates(text, o, 4)) {
    if (Plausible(m.value, reading)) return m.value;
  }
  return std::nullopt;
}

DateLocale LocaleOf(std::string_view lang_hint) {
  if (lang_hint == "en") return DateLocale::kEnglish;
  if (lang_hint == "id") return DateLocale::kIndonesian;
  return DateLocale::kAuto;
}

constexpr std::string_view kPublishedKeys[] = {
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "og:published_time", "published_time", "article.published", "publication_date", "pubdate",
    "publishdate", "publish-date", "publish_date", "published_date", "published-date", "date_published",
    "article_date_original", "original-publish-date", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "citation_publication_date", "citation_date", "cxenseparse:recs:publishtime",
    "shareaholic:article_published_time", "bt:pubdate", "rnews:datepublished", "og:pubdate", "release_date",
    "pub_date", "datecreated", "article.created", "created", "dc.created", "displaydate",
    "article:post_date", "live_date", "content_create_date", "timestamp"};

// Keys that name a date but no event: as often the last change as the
// publication.
constexpr std::string_view kGenericDateKeys[] = {"dc.date", "dcterms.date", "date"};

constexpr std::string_view kModifiedKeys[] = {
    "article:modified_time", "og:updated_time", "datemodified", "article:updated_time", "dc.date.modified",
    "dcterms.modified", "last-modified", "modified", "article.updated", "lastmod", "updated_time"};

std::optional<DateTime> FromMeta(const Collected& c, std::span<const std::string_view> keys,
                                 const DateReading& reading) {
  for (std::string_view k : keys) {
    for (const auto& [key, value] : c.metas) {
      if (key != k) continue;
      if (auto d = ParseValue(value, reading)) return d;
    }
  }
  return std::nullopt;
}

// Site-specific meta names that still say what they hold
// ("five_hundred_pixels:uploaded", "vr:published_time").
std::optional<DateTime> FromLooseMeta(const Collected& c, const DateReading& reading) {
  for (const auto& [key, value] : c.metas) {
    bool dated = Has(key, "publish") || Has(key, "upload") || Has(key, "creat") || Has(key, "date") ||
                 Has(key, "issued") || Has(key, "posted");
    bool other = Has(key, "modif") || Has(key, "updat") || Has(key, "expir") || Has(key, "valid") ||
                 Has(key, "birth") || Has(key, "end") || Has(key, "start");
    if (!dated || other) continue;
    if (auto d = ParseValue(value, reading)) return d;
  }
  return std::nullopt;
}

// Words that call the date after them an update (lower case).
bool HasUpdateCue(std::string_view lower) {
  for (std::string_view cue : {"update", "aktualisiert", "diperbarui", "modified", "geändert", "edited", "actualiz",
                               "mis à jour"}) {
    if (Has(lower, cue)) return true;
  }
  return false;
}

// The date written in an element's text: the first not called an update
// ("Updated ..."), else, unless `published_only`, the first.
std::optional<DateTime> TextDate(const Node* n, const DateReading& reading, bool published_only) {
  std::string text = VisibleText(n, 400);
  if (text.size() > 300) return std::nullopt;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  std::vector<DateMatch> found = FindDates(text, o, 6);
  std::optional<DateTime> first;
  for (const DateMatch& m : found) {
    if (!Plausible(m.value, reading)) continue;
    if (!first) first = m.value;
    std::string before = Lower(text.substr(m.begin > 30 ? m.begin - 30 : 0, std::min<size_t>(m.begin, 30)));
    if (!HasUpdateCue(before)) return m.value;
  }
  return published_only ? std::nullopt : first;
}

// The date an element states: a machine-readable attribute, else its text
// (TextDate).
std::optional<DateTime> FromElement(const Node* n, const DateReading& reading, bool published_only) {
  for (std::string_view attr : {"datetime", "content", "title", "data-date", "data-time", "data-timestamp"}) {
    if (const std::string_view* v = n->Attr(attr)) {
      if (auto d = ParseValue(*v, reading)) return d;
    }
  }
  return TextDate(n, reading, published_only);
}

// The first element stating a date, looking after the main heading first:
// dates above it are often the site's ("today is ...") or other stories'.
// `found_order`, when given, receives the element's order.
template <typename List>
std::optional<DateTime> FirstElementDate(List& nodes, uint32_t h1_order, const DateReading& reading,
                                         bool skip_offtopic, uint32_t* found_order = nullptr) {
  for (bool after_h1 : {true, false}) {
    if (after_h1 && h1_order == UINT32_MAX) continue;
    for (size_t i = 0; const Ordered* o = At(nodes, i); ++i) {
      if (after_h1 && o->order < h1_order) continue;
      if (skip_offtopic && InOffTopicZone(o->node)) continue;
      if (auto d = FromElement(o->node, reading, false)) {
        if (found_order) *found_order = o->order;
        return d;
      }
    }
  }
  return std::nullopt;
}

// A date that is all or most of its text run ("January 18, 2020",
// "02.02.2022 10:16 Uhr"), not a date inside a sentence or caption.
bool IsStandalone(const DateMatch& m, size_t text_len) {
  return text_len <= 60 || (m.end - m.begin) * 5 >= text_len * 2;
}

// Text runs either side of the main heading where its date may stand.
constexpr int64_t kNearHeading = 25;

// The index of the main heading's first text run; -1 without a heading.
int64_t HeadingTextIndex(const Collected& c) {
  if (c.headline_order == UINT32_MAX) return -1;
  auto first = std::partition_point(c.texts.begin(), c.texts.end(),
                                    [&](const Ordered& t) { return t.order <= c.headline_order; });
  return first == c.texts.end() ? -1 : first - c.texts.begin();
}

// Whether the element of order `order` stands within kNearHeading text
// runs of the main heading.
bool NearHeading(const Collected& c, uint32_t order) {
  int64_t h1_index = HeadingTextIndex(c);
  if (h1_index < 0) return false;
  auto at = std::partition_point(c.texts.begin(), c.texts.end(), [&](const Ordered& t) { return t.order <= order; });
  int64_t distance = (at - c.texts.begin()) - h1_index;
  return distance >= -kNearHeading && distance <= kNearHeading;
}

// Near the main heading, a date standing on its own ("January 18, 2020",
// "02.02.2022 10:16 Uhr") beats one inside a sentence or caption
// (`standalone_only` takes those not at all), then the nearer one wins,
// after the heading before above it.
std::optional<DateTime> NearHeadingDate(const Collected& c, const DateReading& reading, bool allow_offtopic,
                                        bool standalone_only) {
  const int64_t h1_index = HeadingTextIndex(c);
  if (h1_index < 0) return std::nullopt;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  std::optional<DateTime> near;
  int64_t near_rank = INT64_MAX;
  const int64_t last = std::min<int64_t>(h1_index + kNearHeading, static_cast<int64_t>(c.texts.size()) - 1);
  for (int64_t i = std::max<int64_t>(0, h1_index - kNearHeading); i <= last; ++i) {
    const Node* n = c.texts[i].node;
    std::vector<DateMatch> found = FindDates(n->data, o, 4);
    if (found.empty() || (!allow_offtopic && InOffTopicZone(n))) continue;
    size_t text_len = Collapse(n->data).size();
    const int64_t distance = i - h1_index;
    for (const DateMatch& m : found) {
      if (!Plausible(m.value, reading)) continue;
      bool standalone = IsStandalone(m, text_len);
      if (standalone_only && !standalone) continue;
      // Rank: standalone first, then distance, after the heading first.
      int64_t rank = (standalone ? 0 : 1000) + (distance >= 0 ? 2 * distance : -2 * distance + 1);
      if (rank < near_rank) {
        near_rank = rank;
        near = m.value;
      }
    }
  }
  return near;
}

// The first date of elements in `nodes` (FirstElementDate); from an element
// far from the main heading (a list of other stories, comments), it gives
// way to a date standing on its own near the heading.
template <typename List>
std::optional<DateTime> ElementDateNearHeading(const Collected& c, List& nodes, uint32_t h1_order,
                                               const DateReading& reading, bool skip_offtopic) {
  uint32_t order = 0;
  std::optional<DateTime> d = FirstElementDate(nodes, h1_order, reading, skip_offtopic, &order);
  if (!d || c.headline_order == UINT32_MAX || NearHeading(c, order)) return d;
  if (auto near = NearHeadingDate(c, reading, false, true)) return near;
  return d;
}

int64_t DayNumber(const DateTime& d) { return LocalEpochSeconds(DateTime{d.year, d.month, d.day}) / 86400; }

// Dates in the visible text: the one near the main heading
// (NearHeadingDate), else the most frequent (ties: the earliest in the
// page). With `allow_offtopic`, the last guess, dates in page furniture
// count and the latest wins: a page whose only dates are lists of entries
// (a home or section page) stands as of its newest.
std::optional<DateTime> FromText(const Collected& c, const DateReading& reading, bool allow_offtopic) {
  if (auto d = NearHeadingDate(c, reading, allow_offtopic, false)) return d;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  struct Seen {
    DateTime value;
    int count;
  };
  std::vector<Seen> seen;
  size_t budget = 400000;
  for (const Ordered& t : c.texts) {
    if (t.node->data.size() > budget) break;
    budget -= t.node->data.size();
    std::vector<DateMatch> found = FindDates(t.node->data, o, 4);
    if (found.empty()) continue;
    if (!allow_offtopic && InOffTopicZone(t.node)) continue;
    for (const DateMatch& m : found) {
      if (!Plausible(m.value, reading)) continue;
      auto same = [&](const Seen& s) {
        return s.value.year == m.value.year && s.value.month == m.value.month && s.value.day == m.value.day;
      };
      auto it = std::find_if(seen.begin(), seen.end(), same);
      if (it == seen.end()) {
        seen.push_back({m.value, 1});
      } else {
        ++it->count;
      }
    }
  }
  if (seen.empty()) return std::nullopt;
  const Seen* best = &seen[0];
  for (const Seen& s : seen) {
    bool better = allow_offtopic ? DayNumber(s.value) > DayNumber(best->value) : s.count > best->count;
    if (better) best = &s;
  }
  return best->value;
}

bool HasPublicationCue(std::string_view lower) {
  for (std::string_view cue : {"veröffentlicht", "publiziert", "erschienen", "erstellt", "published", "posted",
                               "publié", "publicado", "pubblicato", "diterbitkan", "dipublikasikan", "diposting",
                               "stand:", "datum:", "date:", "tanggal:", "opublikowano", "publicat"}) {
    if (Has(lower, cue)) return true;
  }
  return false;
}

// Cues of a stamp that dates the page as a whole rather than an event in
// it: when it was last changed ("Zuletzt geändert am", "Last modified on",
// "Stand:"). Such stamps sit in footers, which the publication cues skip.
// Lower folds ASCII only: "Änderung" keeps its capital.
bool HasPageStampCue(std::string_view lower) {
  for (std::string_view cue : {"last modified", "last edited", "last updated", "updated:", "update:", "zuletzt",
                               "letzte Änderung", "aktualisiert", "stand:", "diperbarui", "terakhir diubah",
                               "mis à jour", "actualizado", "aggiornato"}) {
    if (Has(lower, cue)) return true;
  }
  return false;
}

// A stretch of text runs: from the index `first_text` to the run of order
// `end_order` (UINT32_MAX: to the end).
struct TextSpan {
  size_t first_text = 0;
  uint32_t end_order = UINT32_MAX;
};

// The text runs after the main heading, as far as `runs` of them; none
// without a heading.
TextSpan TextsAfterHeading(const Collected& c, size_t runs) {
  const int64_t heading = HeadingTextIndex(c);
  if (heading < 0) return {c.texts.size(), 0};
  const size_t index = static_cast<size_t>(heading);
  size_t end = runs < c.texts.size() - index ? index + runs : c.texts.size();
  return {index, end < c.texts.size() ? c.texts[end].order : UINT32_MAX};
}

// The words just before byte `begin` of text run `index`, lower-cased
// (ASCII): up to 48 bytes of the run, after the end of the last non-blank
// run before when the date opens its run ("<dt>Erschienen am:</dt>
// <dd>13.10.2021</dd>", indentation between the two).
std::string LeadBefore(const Collected& c, size_t index, size_t begin) {
  constexpr size_t kLead = 48;
  std::string lead;
  if (begin < kLead) {
    for (size_t back = 1; back <= 3 && back <= index; ++back) {
      std::string_view prev = c.texts[index - back].node->data;
      if (IsBlank(prev)) continue;
      lead = prev.substr(prev.size() > kLead ? prev.size() - kLead : 0);
      break;
    }
  }
  std::string_view text = c.texts[index].node->data;
  lead += text.substr(begin > kLead ? begin - kLead : 0, std::min(begin, kLead));
  return Lower(lead);
}

// Dates the text itself introduces: as the publication date
// ("Veröffentlicht am 16.08.2019", "Posted on May 3, 2019") outside page
// furniture, and as the page's last change anywhere. The scan ends at the
// first publication date.
struct CuedDates {
  std::optional<DateTime> published, stamp;
};

CuedDates FromCuedText(const Collected& c, const DateReading& reading) {
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  CuedDates out;
  size_t budget = 400000;
  for (size_t i = 0; i < c.texts.size(); ++i) {
    const Ordered& t = c.texts[i];
    std::string_view text = t.node->data;
    if (text.size() > budget) break;
    budget -= text.size();
    for (const DateMatch& m : FindDates(text, o, 4)) {
      if (!Plausible(m.value, reading)) continue;
      std::string lead = LeadBefore(c, i, m.begin);
      if (HasPublicationCue(lead) && !InOffTopicZone(t.node)) {
        out.published = m.value;
        return out;
      }
      if (!out.stamp && HasPageStampCue(lead)) out.stamp = m.value;
    }
  }
  return out;
}


// The calendar day readers are shown: in the URL, or written in the
// article's time and date elements.
std::optional<DateTime> ShownDate(const Collected& c, const std::optional<DateTime>& url_date,
                                  const DateReading& reading) {
  if (url_date && url_date->granularity >= DateGranularity::kDay) return url_date;
  auto first = [&](auto& list) -> std::optional<DateTime> {
    for (size_t i = 0; const Ordered* o = At(list, i); ++i) {
      if (InOffTopicZone(o->node)) continue;
      if (auto d = TextDate(o->node, reading, false)) return d;
    }
    return std::nullopt;
  };
  if (auto d = first(c.times)) return d;
  HintList hints(c, IsDateHint);
  return first(hints);
}

// Whether an element's class, id or itemprop names a change ("updated",
// "dateModified").
bool NamesUpdate(const Node* n) {
  for (std::string_view attr : {"class", "id", "itemprop"}) {
    std::string_view v = AttrOr(n, attr);
    if (HasNoCase(v, "updat") || HasNoCase(v, "modif")) return true;
  }
  return false;
}

// Whether an element holds one whose names call it a change (a byline
// box with its "updated" time), among its first few hundred nodes.
bool HoldsUpdateStamp(const Node* root) {
  size_t budget = 300;
  for (const Node* n = root->first_child ? root->first_child : nullptr; n && budget > 0; --budget) {
    if (n->is_element() && NamesUpdate(n)) return true;
    n = NextInTree(n, root);
  }
  return false;
}

// Whether the words before a date call it a change ("Updated", "Zuletzt
// geändert am", "Stand:").
bool IsUpdateLead(std::string_view lower) { return HasUpdateCue(lower) || HasPageStampCue(lower); }

// Whether an element states when the page was changed rather than
// published: by its names (NamesUpdate), or by the words before its date or
// at its start.
bool IsUpdateStamp(const Collected& c, const Ordered& element) {
  if (NamesUpdate(element.node)) return true;
  auto inside = std::partition_point(c.texts.begin(), c.texts.end(),
                                     [&](const Ordered& t) { return t.order <= element.order; });
  if (inside == c.texts.end()) return false;
  size_t index = static_cast<size_t>(inside - c.texts.begin());
  return IsUpdateLead(LeadBefore(c, index, 0) + Lower(inside->node->data.substr(0, 48)));
}

// Dates in the text runs of `span` under the headline, outside page
// furniture: the first the text introduces as the publication date, and
// the first standing on its own (a byline's "03.04.2019 | 15:33 Uhr") not
// called a change.
struct HeadlineTextDates {
  std::optional<DateTime> cued, standalone;
};

HeadlineTextDates DatesUnderHeadline(const Collected& c, const DateReading& reading, const TextSpan& span) {
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  HeadlineTextDates out;
  size_t budget = 400000;
  for (size_t i = span.first_text; i < c.texts.size() && c.texts[i].order < span.end_order; ++i) {
    const Node* n = c.texts[i].node;
    if (n->data.size() > budget) break;
    budget -= n->data.size();
    std::vector<DateMatch> found = FindDates(n->data, o, 4);
    if (found.empty() || InOffTopicZone(n)) continue;
    const bool update_element = n->parent && NamesUpdate(n->parent);
    size_t text_len = 0;
    for (const DateMatch& m : found) {
      if (!Plausible(m.value, reading)) continue;
      std::string lead = LeadBefore(c, i, m.begin);
      if (HasPublicationCue(lead)) {
        out.cued = m.value;
        return out;
      }
      if (out.standalone || update_element || IsUpdateLead(lead)) continue;
      if (text_len == 0) text_len = Collapse(n->data).size();
      if (IsStandalone(m, text_len)) out.standalone = m.value;
    }
  }
  return out;
}

// A date that opens one of the first text runs under the headline, as a
// dateline's does ("Bern, 17.08.2007 - Rede ...", "JAKARTA (3/12) -").
std::optional<DateTime> DatelineDate(const Collected& c, const DateReading& reading) {
  constexpr size_t kRuns = 4, kOpening = 24;
  const int64_t heading = HeadingTextIndex(c);
  if (heading < 0) return std::nullopt;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  size_t looked = 0;
  for (size_t i = static_cast<size_t>(heading); i < c.texts.size() && looked < kRuns; ++i) {
    const Node* n = c.texts[i].node;
    const size_t lead = n->data.find_first_not_of(" \t\r\n");
    if (lead == std::string_view::npos || HasAncestor(n, Tag::kH1)) continue;
    ++looked;
    std::vector<DateMatch> found = FindDates(n->data.substr(lead, kOpening + 40), o, 1);
    if (!found.empty() && found[0].begin <= kOpening && Plausible(found[0].value, reading)) return found[0].value;
  }
  return std::nullopt;
}

// The date the article shows with its headline, not as an update: one the
// text introduces as the publication date, else the first time element,
// date element or date on its own after the main heading, as far as
// `runs` text runs.
std::optional<DateTime> HeadlineDate(const Collected& c, const DateReading& reading, size_t runs) {
  if (c.headline_order == UINT32_MAX) return std::nullopt;
  const TextSpan after = TextsAfterHeading(c, runs);
  const HeadlineTextDates texts = DatesUnderHeadline(c, reading, after);
  if (texts.cued) return texts.cued;
  auto first = [&](auto& list) -> std::optional<DateTime> {
    for (size_t i = 0; const Ordered* o = At(list, i); ++i) {
      if (o->order <= c.headline_order) continue;
      if (o->order >= after.end_order) break;
      if (InOffTopicZone(o->node) || IsUpdateStamp(c, *o) || HoldsUpdateStamp(o->node)) continue;
      if (auto d = FromElement(o->node, reading, true)) return d;
    }
    return std::nullopt;
  };
  if (auto d = first(c.times)) return d;
  HintList hints(c, IsDateHint, c.headline_order);
  if (auto d = first(hints)) return d;
  return texts.standalone;
}

bool SameDay(const DateTime& a, const DateTime& b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

// The publication date the page's markup states: JSON-LD, <meta> tags and
// microdata.
std::optional<DateTime> FromMarkup(const Collected& c, const JsonLdInfo& ld, const DateReading& reading,
                                   const std::optional<DateTime>& url_date,
                                   const std::optional<DateTime>& modified) {
  // A UTC timestamp may fall on another calendar day than the one the
  // newsroom printed: when the page shows the neighbouring day and a
  // plausible zone (within ten hours) explains the difference, that day wins.
  auto settle = [&](const DateTime& d) {
    if (!d.has_time || !d.has_offset || d.utc_offset_minutes != 0) return d;
    // Between 10:00 and 14:00 UTC no zone within ten hours changes the day.
    if (d.hour >= 10 && d.hour < 14) return d;
    std::optional<DateTime> shown = ShownDate(c, url_date, reading);
    if (!shown) return d;
    int64_t diff = DayNumber(*shown) - DayNumber(d);
    if ((diff == 1 && d.hour >= 14) || (diff == -1 && d.hour < 10)) return *shown;
    return d;
  };
  // A page that shows its last change with the headline, without a word
  // of an update, presents itself as that edition.
  auto edition = [&](const DateTime& d) {
    if (!modified || DayNumber(*modified) <= DayNumber(d)) return settle(d);
    std::optional<DateTime> shown = HeadlineDate(c, reading, kNearHeading);
    return shown && SameDay(*shown, *modified) ? *modified : settle(d);
  };
  std::optional<DateTime> ld_date;
  if (!ld.published.empty()) ld_date = ParseValue(ld.published, reading);
  if (ld_date && ld.published_from_article) return edition(*ld_date);
  if (auto d = FromMeta(c, kPublishedKeys, reading)) return edition(*d);
  if (auto d = FromMeta(c, kGenericDateKeys, reading)) {
    // A generic date that the date shown with the headline contradicts is
    // the last change, not the publication.
    std::optional<DateTime> shown = HeadlineDate(c, reading, SIZE_MAX);
    return shown && !SameDay(*shown, *d) ? *shown : settle(*d);
  }
  if (ld_date) return edition(*ld_date);
  if (auto d = ElementDateNearHeading(c, c.itemprop_dates, UINT32_MAX, reading, false)) return d;
  // A site's own key is read by its name only: the date shown with the
  // headline outranks it.
  std::optional<DateTime> loose = FromLooseMeta(c, reading);
  if (!loose) return loose;
  std::optional<DateTime> shown = HeadlineDate(c, reading, kNearHeading);
  return shown && !SameDay(*shown, *loose) ? shown : loose;
}

// A page that shows no date may still render from a JSON data block that
// holds one: the first value of a key naming the publication, in the
// keys' order.
std::optional<DateTime> FromJsonData(const Collected& c, const DateReading& reading) {
  for (std::string_view key : {"\"datePublished\"", "\"publishedDate\"", "\"publishDate\"", "\"publishedAt\"",
                               "\"published_at\"", "\"publicationDate\"", "\"dateCreated\"", "\"createdAt\"",
                               "\"created_at\""}) {
    for (std::string_view block : c.json_data) {
      size_t at = block.find(key);
      if (at == std::string_view::npos) continue;
      size_t colon = block.find_first_not_of(" \t\r\n", at + key.size());
      if (colon == std::string_view::npos || block[colon] != ':') continue;
      size_t open = block.find_first_not_of(" \t\r\n", colon + 1);
      if (open == std::string_view::npos || block[open] != '"') continue;
      size_t close = block.find('"', open + 1);
      if (close == std::string_view::npos || close - open > 40) continue;
      if (auto d = ParseValue(block.substr(open + 1, close - open - 1), reading)) return d;
    }
  }
  return std::nullopt;
}

std::optional<DateTime> ChoosePublished(const Collected& c, const JsonLdInfo& ld, std::string_view url,
                                        const DateReading& reading, const std::optional<DateTime>& modified) {
  std::optional<DateTime> url_date = DateFromUrl(url);
  if (url_date && !Plausible(*url_date, reading)) url_date.reset();
  if (auto d = FromMarkup(c, ld, reading, url_date, modified)) {
    // A permalink keeps the day of first publication: a markup date more
    // than a month later (past a slug number read as the day) is a later
    // edition's.
    if (url_date && DayNumber(*d) - DayNumber(*url_date) > 31) return url_date;
    return d;
  }
  if (url_date) return url_date;
  const CuedDates cued = FromCuedText(c, reading);
  if (cued.published) return cued.published;
  if (auto d = ElementDateNearHeading(c, c.times, c.headline_order, reading, true)) return d;
  HintList hints(c, IsDateHint);
  if (auto d = ElementDateNearHeading(c, hints, c.headline_order, reading, true)) return d;
  if (cued.stamp) {
    // A dateline under the headline dates the article itself; a stamp of
    // the last change may be a site migration's.
    if (auto d = DatelineDate(c, reading)) return d;
    return cued.stamp;
  }
  if (auto d = FromText(c, reading, false)) return d;
  // A guess from anywhere beats no answer: the footer's "Stand" date, say.
  if (auto d = FromText(c, reading, true)) return d;
  return FromJsonData(c, reading);
}

// ---------------------------------------------------------------------------
// Title, names, lists.

// The h1 that holds the title or that the title holds (a label such as
// "Premium" may follow the headline), else the first h1 with text: a site
// may put its logo in an h1.
uint32_t HeadlineOrder(const Collected& c, std::string_view title) {
  const std::string lower_title = Lower(title);
  for (size_t i = 0; i < c.h1s.size(); ++i) {
    const std::string lower_h1 = Lower(c.h1s[i]);
    if (lower_title.size() >= 10 && lower_h1.size() >= 10 && (Has(lower_title, lower_h1) || Has(lower_h1, lower_title))) {
      return c.h1_orders[i];
    }
  }
  for (size_t i = 0; i < c.h1s.size(); ++i) {
    if (!c.h1s[i].empty()) return c.h1_orders[i];
  }
  return c.h1_order;
}

// Drops the outlet's name and section labels around the headline:
// "Headline - Section - Site", "Site | Headline".
std::string CleanTitle(std::string_view raw, std::string_view site_name) {
  static constexpr std::string_view kSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ",
                                                     " \xC2\xB7 ", " \xC2\xBB ", " \xE2\x80\xA2 "};
  std::string title = Collapse(raw);
  std::string lsite = Lower(site_name);
  auto words = [](std::string_view s) { return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1; };
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view sep : kSeparators) {
      // Most titles hold few of the separators: one byte search rules the rest out.
      if (title.find(sep[1]) == std::string::npos) continue;
      size_t at = title.rfind(sep);
      if (at != std::string::npos && at > 0) {
        std::string_view head = std::string_view(title).substr(0, at);
        std::string tail = Lower(std::string_view(title).substr(at + sep.size()));
        bool is_site = !lsite.empty() && (Has(tail, lsite) || Has(lsite, tail));
        if (is_site || (words(tail) <= 4 && words(head) >= 4 && words(head) > 2 * words(tail))) {
          title.resize(at);
          changed = true;
          break;
        }
      }
      size_t first = title.find(sep);
      if (first != std::string::npos && !lsite.empty() && Lower(std::string_view(title).substr(0, first)) == lsite) {
        title.erase(0, first + sep.size());
        changed = true;
        break;
      }
    }
  }
  return title;
}

void AddUnique(std::string_view value, std::vector<std::string>* out, size_t limit = 50) {
  std::string v = Collapse(value);
  if (v.empty() || v.size() > 200 || out->size() >= limit) return;
  std::string lv = Lower(v);
  for (const std::string& x : *out) {
    if (x.size() == lv.size() && EqualsLowerAscii(x, lv)) return;
  }
  out->push_back(std::move(v));
}

void AddCommaList(std::string_view value, std::vector<std::string>* out) {
  while (!value.empty()) {
    size_t comma = value.find_first_of(",;");
    AddUnique(value.substr(0, comma), out);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
}

std::string PrimaryLanguage(std::string_view tag) {
  std::string t = Lower(Collapse(tag));
  size_t cut = t.find_first_of("-_,; ");
  if (cut != std::string::npos) t.resize(cut);
  if (t.size() < 2 || t.size() > 3 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
    return "";
  return t;
}

std::vector<std::string> AuthorsFromDom(const Collected& c, std::string_view site) {
  std::vector<std::string> out;
  HintList hints(c, IsAuthorHint);
  for (size_t i = 0; const Ordered* o = hints.At(i); ++i) {
    if (InOffTopicZone(o->node)) continue;
    const Node* n = o->node;
    std::string text;
    if (n->Is(Tag::kMeta) || n->Is(Tag::kLink)) {
      text = Collapse(AttrOr(n, "content"));
    } else {
      // itemprop=author with a nested itemprop=name: the name only.
      for (const Node* d = n; d; d = NextInTree(d, n)) {
        if (d->is_element() && AttrOr(d, "itemprop") == "name") {
          text = d->Is(Tag::kMeta) ? Collapse(AttrOr(d, "content")) : VisibleText(d, 200);
          break;
        }
      }
      if (text.empty()) text = VisibleText(n, 300);
    }
    if (text.empty() || text.size() > 200) continue;
    std::vector<std::string> names = SplitAuthorNames(text, site);
    if (!names.empty()) {
      MergeNames(names, &out);
      if (out.size() >= 5) break;
    }
  }
  return out;
}

std::vector<std::string> AuthorsFromMeta(const Collected& c, const JsonLdInfo& ld, std::string_view site) {
  std::vector<std::string> out;
  for (const std::string& a : ld.authors) MergeNames(SplitAuthorNames(a, site), &out);
  if (!out.empty()) return out;
  for (std::string_view key : {"author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
                               "dc.creator", "dcterms.creator", "byl", "citation_author", "byline"}) {
    for (const auto& [k, v] : c.metas) {
      if (k != key || Has(v, "://") || Has(v, "www.")) continue;
      MergeNames(SplitAuthorNames(v, site), &out);
    }
    if (!out.empty()) return out;
  }
  return out;
}

// A "By ..." / "Oleh ..." line just under the heading, in no marked-up
// element.
std::vector<std::string> AuthorsFromBylineText(const Collected& c, std::string_view site) {
  if (c.h1_order == UINT32_MAX) return {};
  int looked = 0;
  for (const Ordered& t : c.texts) {
    if (t.order < c.h1_order) continue;
    if (++looked > 30) break;
    std::string text = Collapse(t.node->data, 150);
    if (text.size() > 150 || !LooksLikeByline(text)) continue;
    std::vector<std::string> names = SplitAuthorNames(text, site);
    if (!names.empty()) return names;
  }
  return {};
}

}  // namespace

PageMetadata ExtractMetadata(const Document& doc, std::string_view url, std::string_view fetch_date) {
  PageMetadata m;
  if (!doc.root()) return m;
  Collected c = Collect(doc);
  JsonLdInfo ld;
  for (std::string_view block : c.jsonld) ReadJsonLd(block, &ld);

  m.site_name = Collapse(MetaValue(c, {"og:site_name", "application-name", "twitter:site"}));
  if (!m.site_name.empty() && m.site_name[0] == '@') m.site_name.clear();
  if (m.site_name.empty()) m.site_name = Collapse(ld.publisher);
  if (m.site_name.empty()) m.site_name = SiteNameFromUrl(url);

  std::string raw_title(MetaValue(c, {"og:title", "twitter:title"}));
  if (raw_title.empty()) raw_title = ld.headline;
  if (raw_title.empty()) raw_title = c.title;
  m.title = CleanTitle(raw_title, m.site_name);
  if (m.title.empty() && !c.h1s.empty()) m.title = c.h1s[0];
  // An h1 that the title contains is the article's own wording, without
  // the outlet's additions.
  for (const std::string& h1 : c.h1s) {
    if (h1.size() >= 10 && h1.size() < m.title.size() && Has(Lower(m.title), Lower(h1))) {
      m.title = h1;
      break;
    }
  }
  c.headline_order = HeadlineOrder(c, m.title);

  m.description = Collapse(MetaValue(c, {"og:description", "description", "twitter:description"}));
  if (m.description.empty()) m.description = Collapse(ld.description);
  m.canonical_url = Collapse(c.canonical);
  if (m.canonical_url.empty()) m.canonical_url = Collapse(MetaValue(c, {"og:url"}));
  if (m.canonical_url.empty()) m.canonical_url = Collapse(ld.url);

  m.language_hint = PrimaryLanguage(c.html_lang);
  if (m.language_hint.empty()) m.language_hint = PrimaryLanguage(MetaValue(c, {"content-language", "language", "dc.language"}));
  if (m.language_hint.empty()) m.language_hint = PrimaryLanguage(MetaValue(c, {"og:locale"}));
  if (m.language_hint.empty()) m.language_hint = PrimaryLanguage(ld.language);

  const DateReading reading{LocaleOf(m.language_hint), LatestPlausible(fetch_date)};
  std::optional<DateTime> mod;
  if (!ld.modified.empty()) mod = ParseValue(ld.modified, reading);
  if (!mod) mod = FromMeta(c, kModifiedKeys, reading);
  if (mod) m.modified = FormatIsoLocal(*mod);
  if (std::optional<DateTime> d = ChoosePublished(c, ld, url, reading, mod)) {
    m.published = FormatIsoLocal(*d);
    m.published_utc = FormatIsoUtc(*d);
  }

  m.authors = AuthorsFromMeta(c, ld, m.site_name);
  if (m.authors.empty()) m.authors = AuthorsFromDom(c, m.site_name);
  if (m.authors.empty()) m.authors = AuthorsFromBylineText(c, m.site_name);

  for (const auto& [k, v] : c.metas) {
    if (k == "article:section") AddUnique(v, &m.categories);
    if (k == "article:tag" || k == "og:article:tag") AddUnique(v, &m.tags);
    if (k == "keywords" || k == "news_keywords") AddCommaList(v, &m.tags);
  }
  for (const std::string& s : ld.sections) AddUnique(s, &m.categories);
  for (size_t i = 0; i < ld.breadcrumbs.size(); ++i) {
    std::string lb = Lower(ld.breadcrumbs[i]);
    if (i == 0 && (lb == "home" || lb == "beranda" || lb == "startseite" || lb == "index")) continue;
    if (i + 1 == ld.breadcrumbs.size() && i > 0 && Lower(m.title) == lb) continue;
    AddUnique(ld.breadcrumbs[i], &m.categories);
  }
  const Node* trail = ld.breadcrumbs.empty() ? Breadcrumb(c) : nullptr;
  if (trail) {
    // The link texts of the trail, without "Home" and without the article itself.
    std::vector<std::string> crumbs;
    for (const Node* n = trail; n && crumbs.size() < 10; n = NextInTree(n, trail)) {
      if (n->Is(Tag::kA)) crumbs.push_back(VisibleText(n, 200));
    }
    for (size_t i = 0; i < crumbs.size(); ++i) {
      std::string lb = Lower(crumbs[i]);
      if (i == 0 && (lb == "home" || lb == "beranda" || lb == "startseite" || lb == "index")) continue;
      if (Lower(m.title) == lb) continue;
      AddUnique(crumbs[i], &m.categories);
    }
  }
  for (const std::string& k : ld.keywords) AddUnique(k, &m.tags);

  m.image = Collapse(MetaValue(c, {"og:image", "og:image:url", "og:image:secure_url", "twitter:image"}));
  if (m.image.empty()) m.image = Collapse(ld.image);
  return m;
}

}  // namespace warta::meta
