#include "meta/collected.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <iterator>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/ascii_space.h"
#include "base/utf8.h"

namespace warta::meta {


bool Has(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

namespace {

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

}  // namespace

// Whitespace runs to one space, trimmed. With `max_size`, the scan may stop
// once the result is longer than that: a longer text comes back cut, but
// still longer than max_size.
std::string Collapse(std::string_view s, size_t max_size) {
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

namespace {

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

}  // namespace

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

namespace {

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

// True when a class or id names the site's clock, the day the page is
// read ("today", "current-date", "masthead-today-date"): that date is the
// reader's, not the story's. Tokens merely opening with the word
// ("todays-picks", "today-layout-wide") label sections or layout.
bool NamesTodaysDate(std::string_view attr) {
  // Two scans turn away nearly every class before the longer names are tried.
  const bool today = HasNoCase(attr, "today");
  if (!today && !HasNoCase(attr, "current")) return false;
  for (std::string_view clock : {"today-date", "today_date", "todaydate", "current-date", "current_date", "currentdate",
                                 "date-today", "date_today"}) {
    if (HasNoCase(attr, clock)) return true;
  }
  if (!today) return false;
  size_t pos = 0;
  while (pos < attr.size()) {
    size_t end = attr.find_first_of(" \t\n", pos);
    if (end == std::string_view::npos) end = attr.size();
    if (end - pos == 5 && EqualsLowerAscii(attr.substr(pos), "today")) return true;
    pos = end + 1;
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
         SegmentsNameOtherStories(id) || NamesTodaysDate(cls) || NamesTodaysDate(id);
}

}  // namespace

bool ShowsTodaysDate(const Node* n) {
  int elements = 0;
  for (const Node* p = n; p && elements < 3; p = p->parent) {
    if (!p->is_element()) continue;
    ++elements;
    if (NamesTodaysDate(AttrOr(p, "class")) || NamesTodaysDate(AttrOr(p, "id"))) return true;
  }
  return false;
}

// Walks up to the article or main element: zones outside it do not count.
// An element's answer is that of the nearest element at or above it that
// settles it (a zone, or the article, main or body element): the answers
// of the elements walked past are kept with it.
bool InOffTopicZone(const Collected& c, const Node* n) {
  bool answer = false;
  const Node* settled = nullptr;
  for (const Node* p = n; p; p = p->parent) {
    if (!p->is_element()) continue;
    if (auto known = c.off_topic.find(p); known != c.off_topic.end()) {
      answer = known->second;
      settled = p;
      break;
    }
    const bool boundary = p->Is(Tag::kArticle) || p->Is(Tag::kMain) || p->Is(Tag::kBody);
    if (boundary || IsOffTopicZone(p)) {
      answer = !boundary;
      settled = p;
      break;
    }
  }
  for (const Node* p = n; p != settled; p = p->parent) {
    if (p->is_element()) c.off_topic.emplace(p, answer);
  }
  if (settled != nullptr) c.off_topic.emplace(settled, answer);
  return answer;
}

namespace {

// The longest body script kept for its date: a call that writes one, not
// a program whose dates are its own.
constexpr size_t kShortScript = 160;

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
          } else if (HasNoCase(type, "json")) {
            if (c->json_data.size() < 20) c->json_data.push_back(n->first_child->data);
          } else if ((type.empty() || HasNoCase(type, "javascript")) && n->first_child->data.size() <= kShortScript &&
                     c->body_scripts.size() < 20 && n->parent && !n->parent->Is(Tag::kHead)) {
            c->body_scripts.push_back(n->first_child->data);
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

}  // namespace

bool IsDateHint(const Hinted& a) {
  const WordSet& date = Words().date;
  return date.FoundIn(a.cls) || date.FoundIn(a.id);
}

bool IsAuthorHint(const Hinted& a) {
  const HintWords& w = Words();
  auto names_author = [&](std::string_view attr) { return w.author.FoundIn(attr) && !w.not_name.FoundIn(attr); };
  return a.author_prop || a.author_rel || names_author(a.cls) || names_author(a.id);
}

// Case-blind on the class and id words, as WordSet reads them.
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

}  // namespace warta::meta
