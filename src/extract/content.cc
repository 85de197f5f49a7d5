#include "extract/content.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/ascii_space.h"
#include "base/utf8.h"
#include "extract/boilerplate.h"
#include "meta/url.h"
#include "meta/word_set.h"

namespace warta::extract {
namespace {

// What kind of element a text block came from; decides how it is weighed and
// whether it may sit at the edges of the body.
enum class Kind : uint8_t { kText, kParagraph, kTitle, kHeading, kListItem, kQuote, kPre, kCell };

enum TagClass : uint8_t {
  kInline = 0,
  kBlock = 1,    // starts and ends a text block
  kSkipped = 2,  // never rendered as body text: scripts, controls, media
};

// Tags the Linearizer treats apart, as bits above the class: one look-up
// for each element instead of a compare for each.
enum TagFlag : uint8_t {
  kClassBits = 3,
  kBreak = 4,  // <br>, <hr>
  kImage = 8,
  kLink = 16,
};

constexpr std::array<uint8_t, static_cast<size_t>(Tag::kCount)> MakeTagClasses() {
  std::array<uint8_t, static_cast<size_t>(Tag::kCount)> t{};
  for (Tag tag : {Tag::kAddress, Tag::kArticle, Tag::kAside, Tag::kBlockquote, Tag::kBody,
                  Tag::kCenter, Tag::kDd, Tag::kDetails, Tag::kDialog, Tag::kDir, Tag::kDiv,
                  Tag::kDl, Tag::kDt, Tag::kFieldset, Tag::kFigcaption, Tag::kFigure,
                  Tag::kFooter, Tag::kForm, Tag::kH1, Tag::kH2, Tag::kH3, Tag::kH4, Tag::kH5,
                  Tag::kH6, Tag::kHeader, Tag::kHgroup, Tag::kHtml, Tag::kLi, Tag::kMain,
                  Tag::kMenu, Tag::kNav, Tag::kOl, Tag::kP, Tag::kPre, Tag::kSection,
                  Tag::kSummary, Tag::kTable, Tag::kTbody, Tag::kThead, Tag::kTfoot, Tag::kTr,
                  Tag::kTd, Tag::kTh, Tag::kUl, Tag::kCaption, Tag::kLegend, Tag::kListing,
                  Tag::kXmp, Tag::kPlaintext, Tag::kSearch}) {
    t[static_cast<size_t>(tag)] = kBlock;
  }
  for (Tag tag : {Tag::kScript, Tag::kStyle, Tag::kNoscript, Tag::kTemplate, Tag::kSvg,
                  Tag::kMath, Tag::kIframe, Tag::kObject, Tag::kEmbed, Tag::kSelect,
                  Tag::kOption, Tag::kOptgroup, Tag::kTextarea, Tag::kButton, Tag::kInput,
                  Tag::kHead, Tag::kTitle, Tag::kCanvas, Tag::kVideo, Tag::kAudio, Tag::kMap,
                  Tag::kDatalist, Tag::kNoframes, Tag::kNoembed, Tag::kApplet}) {
    t[static_cast<size_t>(tag)] = kSkipped;
  }
  t[static_cast<size_t>(Tag::kBr)] |= kBreak;
  t[static_cast<size_t>(Tag::kHr)] |= kBreak;
  t[static_cast<size_t>(Tag::kImg)] |= kImage;
  t[static_cast<size_t>(Tag::kA)] |= kLink;
  return t;
}

constexpr auto kTagClasses = MakeTagClasses();

// The TagClass of `n` with its TagFlag bits.
uint8_t ClassOf(const Node& n) {
  if (n.ns != Namespace::kHtml) return kSkipped;
  return kTagClasses[static_cast<size_t>(n.tag)];
}

Kind KindOf(Tag tag) {
  switch (tag) {
    case Tag::kP: return Kind::kParagraph;
    case Tag::kH1: return Kind::kTitle;
    case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
      return Kind::kHeading;
    case Tag::kLi: case Tag::kDt: case Tag::kDd: return Kind::kListItem;
    case Tag::kBlockquote: return Kind::kQuote;
    case Tag::kPre: case Tag::kListing: case Tag::kXmp: return Kind::kPre;
    case Tag::kTd: case Tag::kTh: return Kind::kCell;
    default: return Kind::kText;
  }
}

bool IsFurniture(Cue cue) { return cue == Cue::kLayout || cue == Cue::kBoilerplate; }

bool IsFurnitureTag(Tag tag) {
  return tag == Tag::kNav || tag == Tag::kAside || tag == Tag::kFooter || tag == Tag::kHeader ||
         tag == Tag::kMenu || tag == Tag::kDialog;
}

struct Elem {
  // A constructor for emplace_back: clang 14 has no parenthesised aggregate
  // initialisation.
  Elem(const Node* n, int32_t p, int32_t e, Cue c, bool b) : node(n), parent(p), end(e), cue(c), block(b) {}
  const Node* node;
  int32_t parent;
  int32_t end;          // pre-order index one past the last element of the subtree
  Cue cue;
  bool block;
  uint16_t furniture = 0;    // layout- or boilerplate-cued elements on the path from the root, self included
  uint16_t boilerplate = 0;  // boilerplate-cued ones among them
  double score = 0;     // block weights of the subtree, furniture unable to add
  int32_t chars = 0;    // text of the subtree
  int32_t link_chars = 0;
  int32_t good_chars = 0;
  int32_t blocks = 0;
  int32_t link_blocks = 0;  // link-list blocks long enough to be headlines
  bool teaser = false;      // inside a teaser card
  bool link = false;        // an <a> leading somewhere (an href): its text is link text
  int32_t first_block = -1; // the first block of the subtree
};

struct Block {
  uint32_t begin, end;  // byte range in the text buffer
  int32_t owner;        // innermost block-level or cued element
  int32_t chars;        // code points, spaces excluded
  int32_t link_chars;
  Kind kind;
  double weight = 0;
  bool good = false;
  bool teaser = false;
  bool confirmed = false;  // its text is in the page's JSON-LD articleBody
  bool excerpt = false;    // linked and cut off with "...": a teaser of another page
};

// Link text this long reads as a headline rather than a linked phrase.
constexpr int32_t kHeadlineChars = 20;

struct PendingImage {
  int32_t pos;    // elements opened before the image: it sits inside any open one below pos
  int32_t owner;  // innermost open element, or -1
  size_t text_pos;  // body text written before the image
  std::string src;
  std::string caption;
};

// Soft hyphens and zero-width characters split words for the browser but
// not for readers: their byte length at data[i], or 0.
size_t InvisibleLength(std::string_view data, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(data[k]); };
  if (at(i) == 0xC2) return i + 1 < data.size() && at(i + 1) == 0xAD ? 2 : 0;
  if (i + 2 >= data.size()) return 0;
  if (at(i) == 0xE2 && at(i + 1) == 0x80 && at(i + 2) >= 0x8B && at(i + 2) <= 0x8D) return 3;
  if (at(i) == 0xE2 && at(i + 1) == 0x81 && at(i + 2) == 0xA0) return 3;
  if (at(i) == 0xEF && at(i + 1) == 0xBB && at(i + 2) == 0xBF) return 3;
  return 0;
}

// Bytes that need a look before copying: ASCII whitespace and the lead bytes
// of NBSP, soft hyphen and the zero-width characters.
constexpr std::array<bool, 256> MakeSpecialBytes() {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f'}) t[c] = true;
  t[0xC2] = t[0xE2] = t[0xEF] = true;
  return t;
}
constexpr auto kSpecialBytes = MakeSpecialBytes();

bool IsAsciiSpace(unsigned char c) { return c <= ' ' && kSpecialBytes[c]; }

#if defined(__SSE2__)
// Set bits of a 16-bit mask by table: without -mpopcnt __builtin_popcount
// is a library call, dearer than two look-ups.
constexpr std::array<uint8_t, 256> kByteBits = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 1; b < 256; ++b) t[b] = static_cast<uint8_t>(t[b >> 1] + (b & 1));
  return t;
}();
inline int32_t Popcount16(unsigned mask) { return kByteBits[mask & 0xff] + kByteBits[(mask >> 8) & 0xff]; }

// kSpecialBytes for sixteen bytes at once, as a byte mask.
inline __attribute__((always_inline)) __m128i SpecialMask(__m128i v) {
  auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  __m128i lead = _mm_or_si128(_mm_or_si128(eq('\xc2'), eq('\xe2')), eq('\xef'));
  return _mm_or_si128(AsciiSpaceMask(v), lead);
}
#endif


// The end of the whitespace run at data[i]. The indentation of markup is
// most text nodes: sixteen bytes a step, and the last four to fifteen
// bytes of a text in one step when they are all white space.
size_t SkipAsciiSpace(std::string_view data, size_t i) {
  const char* p = data.data();
  const size_t n = data.size();
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    unsigned ws = static_cast<unsigned>(_mm_movemask_epi8(AsciiSpaceMask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)))));
    if (ws != 0xffff) return i + std::countr_one(ws);
  }
  if (n - i >= 8) {  // two loads of eight bytes, overlapping when fewer than sixteen are left
    __m128i v = _mm_unpacklo_epi64(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + i)),
                                   _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + n - 8)));
    if (_mm_movemask_epi8(AsciiSpaceMask(v)) == 0xffff) return n;
  } else if (n - i >= 4) {  // and of four, for four to seven bytes
    auto load4 = [p](size_t at) {
      int32_t w;
      std::memcpy(&w, p + at, 4);
      return _mm_cvtsi32_si128(w);
    };
    __m128i v = _mm_unpacklo_epi32(load4(i), load4(n - 4));
    if ((_mm_movemask_epi8(AsciiSpaceMask(v)) & 0xff) == 0xff) return n;
  }
#endif
  while (i < n && IsAsciiSpace(static_cast<unsigned char>(p[i]))) ++i;
  return i;
}

bool IsNbsp(std::string_view data, size_t i) {
  return static_cast<unsigned char>(data[i]) == 0xC2 && i + 1 < data.size() &&
         static_cast<unsigned char>(data[i + 1]) == 0xA0;
}

// A non-ASCII character at data[i] that is copied as it is (a special lead
// byte of anything but NBSP and the invisible characters).
bool IsPlainNonAscii(std::string_view data, size_t i) {
  return static_cast<unsigned char>(data[i]) >= 0x80 && !IsNbsp(data, i) &&
         InvisibleLength(data, i) == 0;
}

#if defined(__SSE2__)
// Steps `*j` over prose sixteen bytes at a time up to the first byte that
// needs the scalar look: a special byte other than a space followed by an
// ordinary byte. Counts the spaces stepped over.
void SkipPlainBlocks(std::string_view data, size_t* j, int32_t* spaces) {
  const char* p = data.data();
  while (*j + 17 <= data.size()) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + *j));
    unsigned special = static_cast<unsigned>(_mm_movemask_epi8(SpecialMask(v)));
    unsigned space_bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
    // The byte after each: the mask shifted by one, and the next block's first byte.
    unsigned next_special = special >> 1 | unsigned{kSpecialBytes[static_cast<unsigned char>(p[*j + 16])]} << 15;
    unsigned stop = special & ~(space_bits & ~next_special);
    if (stop == 0) {
      *spaces += Popcount16(space_bits);
      *j += 16;
      continue;
    }
    int k = __builtin_ctz(stop);
    *spaces += Popcount16(space_bits & ((1u << k) - 1));
    *j += k;
    return;
  }
}
#endif

// The end of the run of text starting at `i` that can be copied as it is:
// ordinary bytes, and single spaces between them.
size_t PlainRunEnd(std::string_view data, size_t i, int32_t* spaces) {
  const size_t n = data.size();
  auto special = [&](size_t k) { return kSpecialBytes[static_cast<unsigned char>(data[k])]; };
  size_t j = i;
  for (;;) {
#if defined(__SSE2__)
    SkipPlainBlocks(data, &j, spaces);
#endif
    // Four bytes a step: most bytes of prose are ordinary.
    while (j + 4 <= n && !special(j) && !special(j + 1) && !special(j + 2) && !special(j + 3)) j += 4;
    while (j < n && !special(j)) ++j;
    if (j >= n) return j;
    if (data[j] == ' ') {
      if (j + 1 >= n || (special(j + 1) && !IsPlainNonAscii(data, j + 1))) return j;
      ++*spaces;
      j += 1;
      continue;
    }
    if (!IsPlainNonAscii(data, j)) return j;
    ++j;
  }
}

// AppendCollapsed from data[i] on.
int32_t AppendCollapsedFrom(std::string_view data, size_t i, size_t begin, bool* space, std::string* out) {
  int32_t chars = 0;
  while (i < data.size()) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (kSpecialBytes[c]) {
      if (c <= ' ') {  // indentation between tags comes in long runs
        *space = true;
        i = SkipAsciiSpace(data, i + 1);
        continue;
      }
      if (IsNbsp(data, i)) {
        *space = true;
        i += 2;
        continue;
      }
      if (size_t skip = InvisibleLength(data, i)) {
        i += skip;
        continue;
      }
    }
    int32_t spaces = 0;
    size_t j = PlainRunEnd(data, i + 1, &spaces);
    if (*space && out->size() > begin) out->push_back(' ');
    *space = false;
    out->append(data.data() + i, j - i);
    chars += static_cast<int32_t>(utf8::CodePointCount(data.substr(i, j - i))) - spaces;
    i = j;
  }
  return chars;
}

// Appends `data` to `out` with runs of whitespace (and NBSP) collapsed to one
// space, invisible characters dropped and no leading space after `begin`;
// returns the code points added, spaces excluded. Text between special
// bytes goes out in one append. Most text nodes are the white space
// between tags: those are told here, without the call.
inline int32_t AppendCollapsed(std::string_view data, size_t begin, bool* space, std::string* out) {
  const size_t i = !data.empty() && IsAsciiSpace(static_cast<unsigned char>(data[0])) ? SkipAsciiSpace(data, 1) : 0;
  if (i > 0) *space = true;
  return i == data.size() ? 0 : AppendCollapsedFrom(data, i, begin, space, out);
}

// Link text (collapsed, no leading space) that spells out an address
// ("http://...", "www.site.com"): a source or a shop link the author wrote
// into the text; menus and teasers name their targets instead.
bool IsWrittenOutUrl(std::string_view s) {
  if (s.empty() || (s[0] != 'h' && s[0] != 'w')) return false;  // most link text
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.");
}

// Whether `a` is a named anchor: a name or an id and no href. Inline, as
// every link asks it (most have their href first).
inline bool IsNamedAnchor(const Node& a) {
  bool named = false;
  for (uint32_t i = 0; i < a.attr_count; ++i) {
    const std::string_view name = a.attrs[i].name;
    if (name.size() == 4 && std::memcmp(name.data(), "href", 4) == 0 && a.attrs[i].ns == AttrNamespace::kNone) return false;
    named = named || name == "name" || name == "id";
  }
  return named;
}

// The registrable label (meta::HostLabel) of an absolute http(s) or
// scheme-relative address; "" for a relative one, an anchor or another
// scheme, which stay on the page's site.
std::string LinkSiteLabel(std::string_view href) {
  while (!href.empty() && href.front() == ' ') href.remove_prefix(1);
  if (href.starts_with("//")) return meta::HostLabel(href.substr(2));
  if (href.starts_with("https://") || href.starts_with("http://")) return meta::HostLabel(href);
  return {};
}

// Whether `element` holds links and all of them lead to other sites than
// the page's (whose HostLabel is `site`): absolute addresses naming
// another site. A large subtree is not read.
bool LinksLeaveSite(const Node& element, std::string_view site) {
  constexpr int kMaxNodes = 64;
  if (site.empty()) return false;
  bool any = false;
  int k = 0;
  for (const Node* n = element.first_child; n != nullptr; n = NextInTree(n, &element)) {
    if (++k > kMaxNodes) return false;
    if (n->Is(Tag::kA)) {
      const std::string_view* href = n->Attr("href");
      const std::string label = href == nullptr ? std::string() : LinkSiteLabel(*href);
      if (label.empty() || label == site) return false;
      any = true;
    }
  }
  return any;
}

bool EndsWithEllipsis(std::string_view s) {
  return s.ends_with("...") || s.ends_with("\u2026") || s.ends_with("[\u2026]");
}

// The attributes an image is read by, found in one pass over its
// attributes told apart by name length (the first of duplicate names, as
// Node::Attr answers), not a pass each.
struct ImageAttrs {
  enum Name { kDataSrc, kDataOriginal, kDataLazySrc, kSrc, kDataSrcset, kSrcset, kWidth, kHeight, kCount };
  std::array<const std::string_view*, kCount> at{};

  explicit ImageAttrs(const Node& img) {
    for (uint32_t i = 0; i < img.attr_count; ++i) {
      const Attribute& a = img.attrs[i];
      if (a.ns != AttrNamespace::kNone) continue;
      Name k = kCount;
      switch (a.name.size()) {
        case 3: k = a.name == "src" ? kSrc : kCount; break;
        case 5: k = a.name == "width" ? kWidth : kCount; break;
        case 6: k = a.name == "height" ? kHeight : a.name == "srcset" ? kSrcset : kCount; break;
        case 8: k = a.name == "data-src" ? kDataSrc : kCount; break;
        case 11: k = a.name == "data-srcset" ? kDataSrcset : kCount; break;
        case 13: k = a.name == "data-original" ? kDataOriginal : a.name == "data-lazy-src" ? kDataLazySrc : kCount; break;
        default: break;
      }
      if (k != kCount && at[k] == nullptr) at[k] = &a.value;
    }
  }
};

std::string_view ImageSource(const ImageAttrs& img) {
  auto usable = [](const std::string_view* v) {
    return v != nullptr && !v->empty() && v->substr(0, 5) != "data:";
  };
  for (ImageAttrs::Name name : {ImageAttrs::kDataSrc, ImageAttrs::kDataOriginal, ImageAttrs::kDataLazySrc, ImageAttrs::kSrc}) {
    const std::string_view* v = img.at[name];
    if (usable(v)) {
      std::string_view s = *v;
      while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
      return s;
    }
  }
  for (ImageAttrs::Name name : {ImageAttrs::kDataSrcset, ImageAttrs::kSrcset}) {
    const std::string_view* v = img.at[name];
    if (!usable(v)) continue;
    std::string_view s = *v;
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    size_t stop = s.find_first_of(" ,");
    return s.substr(0, stop);
  }
  return {};
}

// Icons, spacers and tracking pixels declare a tiny size.
bool IsTinyImage(const ImageAttrs& img) {
  for (ImageAttrs::Name name : {ImageAttrs::kWidth, ImageAttrs::kHeight}) {
    const std::string_view* v = img.at[name];
    if (v == nullptr || v->empty() || (*v)[0] < '0' || (*v)[0] > '9') continue;
    int value = 0;
    for (char c : *v) {
      if (c < '0' || c > '9' || value > 10000) break;
      value = value * 10 + (c - '0');
    }
    if (value < 50) return true;
  }
  return false;
}

bool IsJsonLdScript(const Node& n) {
  if (!n.Is(Tag::kScript) || n.first_child == nullptr || !n.first_child->is_text()) return false;
  const std::string_view* type = n.Attr("type");
  return type != nullptr && type->find("ld+json") != std::string_view::npos;
}

// Where the string value of "articleBody" starts (past its opening quote)
// in the JSON-LD script `n`, npos when `n` holds none.
size_t ArticleBodyStart(const Node& n) {
  constexpr size_t kNone = std::string_view::npos;
  if (!IsJsonLdScript(n)) return kNone;
  std::string_view json = n.first_child->data;
  size_t key = json.find("\"articleBody\"");
  size_t i = key == kNone ? key : json.find_first_not_of(" \t\r\n:", key + 13);
  return i != kNone && json[i] == '"' ? i + 1 : kNone;
}

// The first script in the subtree of `top` (pre-order, `top` included) that
// holds a JSON-LD articleBody, stepping over the subtree of `skip` (may be
// null); sets *past_skip when it was found after `skip`.
const Node* FindArticleBodyScript(const Node* top, const Node* skip, bool* past_skip) {
  const Node* n = top;
  while (n != nullptr) {
    bool enter = n != skip;
    if (!enter) {
      *past_skip = true;
    } else if (n->Is(Tag::kScript) && ArticleBodyStart(*n) != std::string_view::npos) {
      return n;
    }
    // Pre-order step, inline: this walk may visit every node of the page.
    if (enter && n->first_child != nullptr) {
      n = n->first_child;
      continue;
    }
    while (n != top && n->next_sibling == nullptr) n = n->parent;
    n = n == top ? nullptr : n->next_sibling;
  }
  return nullptr;
}

// The per-page buffers of a Linearizer, kept by each thread from page to
// page: their capacity outlives the page (up to a cap), so a page costs no
// growth copies and few allocations.
struct LinearizerBuffers {
  std::vector<Elem> elems;
  std::vector<Block> blocks;
  std::string text;
  std::vector<int32_t> stack;
  std::vector<int32_t> owners;
  CueCache cues;
};

// One pre-order pass over the tree turning it into elements (with cues) and
// text blocks, and collecting images with their captions.
class Linearizer {
 public:
  // Borrows the buffers of `spare` (emptied) until destroyed.
  explicit Linearizer(LinearizerBuffers* spare) : spare_(spare), cues_(spare->cues) {
    Borrow(&elems, &spare->elems);
    Borrow(&blocks, &spare->blocks);
    Borrow(&text, &spare->text);
    Borrow(&stack_, &spare->stack);
    Borrow(&owners_, &spare->owners);
    cues_.Clear();
  }
  ~Linearizer() {
    GiveBack(&elems, &spare_->elems);
    GiveBack(&blocks, &spare_->blocks);
    GiveBack(&text, &spare_->text);
    GiveBack(&stack_, &spare_->stack);
    GiveBack(&owners_, &spare_->owners);
  }
  Linearizer(const Linearizer&) = delete;
  Linearizer& operator=(const Linearizer&) = delete;

  void Run(const Node* scope) {
    const Node* n = scope;
    for (;;) {
      bool descend = Enter(n);
      // The JSON-LD search shares this walk and looks only into the
      // subtrees it steps over (scripts among them).
      if (!descend && body_script_ == nullptr && n->is_element() &&
          (n->first_child != nullptr || n->Is(Tag::kScript))) {  // a childless non-script holds none
        bool past_skip = false;
        body_script_ = FindArticleBodyScript(n, nullptr, &past_skip);
      }
      if (descend && n->first_child != nullptr) {
        n = n->first_child;
        continue;
      }
      // Only an entered node has an element to close: the ancestors climbed
      // to were all entered, text and skipped nodes never.
      for (bool entered = descend;; entered = true) {
        if (entered) Leave(n);
        if (n == scope) {
          Flush();
          return;
        }
        if (n->next_sibling != nullptr) {
          n = n->next_sibling;
          break;
        }
        n = n->parent;
      }
    }
  }

  std::vector<Elem> elems;
  std::vector<Block> blocks;
  std::vector<PendingImage> images;
  std::string text;
  const Node* body_script() const { return body_script_; }

 private:
  bool Enter(const Node* n) {
    if (n->is_text()) {
      if (caption_depth_ > 0) {
        AppendCollapsed(n->data, 0, &caption_space_, &caption_);
      } else {
        const size_t before = text.size();
        int32_t added = AppendCollapsed(n->data, block_begin_, &space_, &text);
        chars_ += added;
        if (link_depth_ > 0 && added > 0) {
          std::string_view appended = std::string_view(text).substr(before);
          if (appended[0] == ' ') appended.remove_prefix(1);
          if (!IsWrittenOutUrl(appended)) link_chars_ += added;
        }
      }
      return false;
    }
    if (!n->is_element()) return false;
    const uint8_t flags = ClassOf(*n);
    const uint8_t cls = flags & kClassBits;
    if (cls == kSkipped) return false;
    std::optional<Cue> rendered = ClassifyRendered(*n, &cues_);
    if (!rendered) return false;
    if (flags & kBreak) {
      Flush();
      return false;
    }
    if (flags & kImage) {
      RecordImage(*n);
      return false;
    }
    int32_t idx = static_cast<int32_t>(elems.size());
    int32_t parent = stack_.empty() ? -1 : stack_.back();
    Cue cue = *rendered;
    if (cue == Cue::kCaption && n->tag != Tag::kFigcaption && !IsCaptionOfAnImage(*n, parent)) cue = Cue::kNone;
    bool block = cls == kBlock || (cue != Cue::kNone && cue != Cue::kContent);
    elems.emplace_back(n, parent, 0, cue, block);  // built in place: an element record is 64 bytes
    stack_.push_back(idx);
    if (block) {
      Flush();
      owners_.push_back(idx);
    }
    // A named anchor (<a name>, no href) marks a place in the text and
    // leads nowhere: its text is plain. An <a> with neither, a script's
    // button, still counts as a link.
    if ((flags & kLink) && !IsNamedAnchor(*n)) {
      elems.back().link = true;
      if (link_depth_++ == 0) {
        last_link_begin_ = text.size();
        OpenLink();
      }
    }
    if (cue == Cue::kCaption && caption_depth_++ == 0) {
      caption_.clear();
      caption_space_ = false;
    }
    return true;
  }

  // Closes the element of `n`, which Enter opened.
  void Leave(const Node* n) {
    int32_t idx = stack_.back();
    Elem& e = elems[idx];
    if (e.block) {
      Flush();
      owners_.pop_back();
    }
    if (e.link && --link_depth_ == 0) {
      last_link_end_ = text.size();
      CloseLink();
    }
    if (e.cue == Cue::kCaption && --caption_depth_ == 0) AttachCaption(idx);
    e.end = static_cast<int32_t>(elems.size());
    stack_.pop_back();
  }

  // Where the text stood when the outermost link opened.
  struct TextMark {
    size_t pos = std::string::npos;
    size_t block_begin = 0;
    int32_t chars = 0;
    int32_t link_chars = 0;
    bool spaced = false;  // white space is pending
  };

  TextMark Mark() const { return TextMark{text.size(), block_begin_, chars_, link_chars_, space_}; }

  // Only links inside a paragraph are followed: most links of a page sit
  // in menus and lists.
  void OpenLink() {
    if (caption_depth_ == 0 && !owners_.empty() && elems[owners_.back()].node->tag == Tag::kP) link_open_ = Mark();
  }

  // Headline links one after the other with white space and nothing else
  // between them, inside a paragraph, are a teaser list set into the prose
  // (a hover card, "more on" links), not part of the sentence: the run
  // is cut from the paragraph's text. A single linked phrase stays.
  void CloseLink() {
    if (link_open_.pos == std::string::npos) return;
    const TextMark open = link_open_;
    link_open_.pos = std::string::npos;
    bool headline = open.block_begin == block_begin_ && chars_ - open.chars >= kHeadlineChars;
    if (!headline) {
      headline_run_.pos = std::string::npos;
      return;
    }
    if (headline_run_.pos <= text.size() && headline_run_.block_begin == block_begin_ &&
        run_end_ == open.pos && open.spaced) {
      text.resize(headline_run_.pos);
      chars_ = headline_run_.chars;
      link_chars_ = headline_run_.link_chars;
    } else {
      headline_run_ = open;
    }
    run_end_ = text.size();
  }

  // Ends the pending block. Most calls find none (block elements open and
  // close around other blocks, and around white space): those end here,
  // inline, and the rest in the call.
  inline __attribute__((always_inline)) void Flush() {
    if (chars_ == 0 && text.size() == block_begin_) {
      space_ = false;  // link_chars_ <= chars_: both are zero
      return;
    }
    EndBlock();
  }

  __attribute__((noinline)) void EndBlock() {
    if (chars_ > 0 && !owners_.empty()) {
      int32_t owner = owners_.back();
      blocks.push_back(Block{static_cast<uint32_t>(block_begin_), static_cast<uint32_t>(text.size()),
                             owner, chars_, link_chars_, KindOf(elems[owner].node->tag)});
      blocks.back().excerpt = link_chars_ > 0 && (EndsWithEllipsis(text) || EndsWithReadMoreLink());
    } else {
      text.resize(block_begin_);
    }
    block_begin_ = text.size();
    chars_ = link_chars_ = 0;
    space_ = false;
  }

  // The pending block closes with a link saying "read more" after text of
  // its own: a blurb of another page.
  bool EndsWithReadMoreLink() const {
    if (last_link_end_ != text.size() || last_link_begin_ <= block_begin_) return false;
    std::string_view link = std::string_view(text).substr(last_link_begin_);
    if (!link.empty() && link.front() == ' ') link.remove_prefix(1);
    return IsReadMore(link);
  }

  void RecordImage(const Node& img) {
    const ImageAttrs attrs(img);
    if (IsTinyImage(attrs)) return;
    std::string_view src = ImageSource(attrs);
    if (src.empty()) return;
    images.push_back(PendingImage{static_cast<int32_t>(elems.size()),
                                  stack_.empty() ? -1 : stack_.back(), text.size(), std::string(src), {}});
  }

  // A class named "caption" only makes a caption next to an image: teasers
  // and leads are called that too. Out of line: asked only of
  // caption-named elements, it would crowd Enter, which runs for every
  // element.
  __attribute__((noinline)) bool IsCaptionOfAnImage(const Node& n, int32_t parent) const {
    return FollowsImage(parent) || InFigure() || HoldsImage(n) || NamesAPicture(n);
  }

  // A caption whose class names the picture too ("image-caption",
  // "picture-credit"): its image may be drawn by script, with no <img> yet.
  // A caption is a small subtree; a wrapper classed "has-image-captions"
  // is not one.
  static bool NamesAPicture(const Node& n) {
    constexpr std::string_view kPictureWords[] = {"image", "img", "photo", "picture", "foto", "bild"};
    const std::string_view* cls = n.Attr("class");
    if (cls == nullptr) return false;
    bool named = false;
    for (std::string_view word : kPictureWords) named = named || meta::HasNoCase(*cls, word);
    bool image = false;
    return named && IsSmallSubtree(n, &image);
  }

  // Next to an image: the image sits inside the caption's parent (a
  // second caption there, the photo's source after its description, is
  // one too), or no more than a line of text came between an uncaptioned
  // image and it (a caption below a slide show, or beside a lazily loaded
  // picture).
  bool FollowsImage(int32_t parent) const {
    constexpr size_t kBetweenBytes = 150;
    if (images.empty()) return false;
    return images.back().pos > parent ||
           (images.back().caption.empty() && text.size() <= images.back().text_pos + kBetweenBytes);
  }

  // A caption belongs to the latest uncaptioned image inside the caption's
  // parent (a figure, or the wrapper holding image and caption side by side).
  void AttachCaption(int32_t caption_elem) {
    int32_t parent = elems[caption_elem].parent;
    for (auto it = images.rbegin(); it != images.rend(); ++it) {
      if (it->pos <= parent) break;
      if (!it->caption.empty()) break;
      it->caption = caption_;
      return;
    }
  }

  // Inside a <figure> a caption-named element is a caption, image or not
  // (a picture loaded by script has none yet).
  bool InFigure() const {
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (elems[*it].node->Is(Tag::kFigure)) return true;
    }
    return false;
  }

  // A caption-named element that wraps its picture and the caption text
  // together: a small subtree (a few nodes, not a page wrapper classed
  // "has-captions") holding an <img>.
  static bool HoldsImage(const Node& caption) {
    bool image = false;
    return IsSmallSubtree(caption, &image) && image;
  }

  // Whether `top` has a few nodes below it (not a page wrapper named like a
  // caption); sets *image when one of them is an <img>.
  static bool IsSmallSubtree(const Node& top, bool* image) {
    constexpr int kMaxNodes = 12;
    int k = 0;
    for (const Node* n = top.first_child; n != nullptr; n = NextInTree(n, &top)) {
      if (++k > kMaxNodes) return false;
      *image = *image || n->Is(Tag::kImg);
    }
    return true;
  }

  template <typename Buffer>
  static void Borrow(Buffer* mine, Buffer* spare) {
    mine->swap(*spare);
    mine->clear();
  }

  // A buffer grown by a huge page is dropped rather than kept idle.
  template <typename Buffer>
  static void GiveBack(Buffer* mine, Buffer* spare) {
    constexpr size_t kMaxKeptBytes = 4 << 20;
    if (mine->capacity() * sizeof((*mine)[0]) > kMaxKeptBytes) return;
    mine->swap(*spare);
  }

  const Node* body_script_ = nullptr;  // the first script under the scope with a JSON-LD articleBody
  LinearizerBuffers* spare_;
  CueCache& cues_;
  std::vector<int32_t> stack_;   // open elements
  std::vector<int32_t> owners_;  // open block-level elements
  size_t block_begin_ = 0;
  int32_t chars_ = 0;
  int32_t link_chars_ = 0;
  bool space_ = false;
  int link_depth_ = 0;
  size_t last_link_begin_ = 0;  // where the text stood when the latest outermost link opened
  size_t last_link_end_ = std::string::npos;  // and closed
  TextMark link_open_;     // the outermost open link's start
  TextMark headline_run_;  // the start of the latest headline link or run of them
  size_t run_end_ = 0;     // where the text stood when that run's last link closed
  int caption_depth_ = 0;
  std::string caption_;
  bool caption_space_ = false;
};

// Mostly link text and little else: navigation, teasers, "Baca juga" lines.
// Prose with many inline links (encyclopedias, blogs) keeps enough plain text.
bool IsLinkList(const Block& b) {
  constexpr int32_t kProsePlainChars = 100;
  return b.link_chars * 2 > b.chars && b.chars - b.link_chars < kProsePlainChars;
}

// The first '"' or '\\' in json[i, ...), or json.size(): sixteen bytes a
// step where SSE2 is at hand (an articleBody runs to kilobytes of plain text).
size_t QuoteOrBackslash(std::string_view json, size_t i) {
  const size_t n = json.size();
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(json.data() + i));
    unsigned hits = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))));
    if (hits != 0) return i + std::countr_zero(hits);
  }
#endif
  while (i < n && json[i] != '"' && json[i] != '\\') ++i;
  return i;
}

// The string value starting after the opening quote at json[i], JSON
// escapes decoded (\n, \t, \r as spaces): runs without escapes go in one
// append.
std::string DecodeJsonString(std::string_view json, size_t i) {
  std::string raw;
  const size_t n = json.size();
  while (i < n && json[i] != '"') {
    size_t j = QuoteOrBackslash(json, i);
    raw.append(json.data() + i, j - i);
    i = j;
    if (i == n || json[i] == '"') break;
    if (i + 1 == n) {  // a lone backslash at the very end
      raw.push_back('\\');
      break;
    }
    char e = json[++i];
    if (e == 'u' && i + 4 < n) {
      char32_t cp = 0;
      for (int k = 1; k <= 4; ++k) {
        char h = json[i + k];
        cp = cp * 16 + (h >= '0' && h <= '9' ? h - '0' : (h | 0x20) >= 'a' && (h | 0x20) <= 'f' ? (h | 0x20) - 'a' + 10 : 0);
      }
      i += 4;
      utf8::Append(cp >= 0xD800 && cp <= 0xDFFF ? utf8::kReplacement : cp, &raw);
    } else {
      raw.push_back(e == 'n' || e == 't' || e == 'r' ? ' ' : e);
    }
    ++i;
  }
  return raw;
}


// The articleBody of the page's JSON-LD, whitespace-collapsed, or "". Only
// the first occurrence is read; escapes are decoded, markup is not.
// The page's JSON-LD articleBody, whitespace-collapsed ("" when none): the
// first script holding one in document order among those found before,
// inside (`in_scope`, found by the Linearizer) and after `scope`.
std::string JsonLdArticleBody(const Document& doc, const Node* scope, const Node* in_scope) {
  bool past_scope = false;
  const Node* script = FindArticleBodyScript(doc.root(), scope, &past_scope);
  if (script == nullptr || (past_scope && in_scope != nullptr)) script = in_scope;
  if (script == nullptr) return {};
  std::string raw = DecodeJsonString(script->first_child->data, ArticleBodyStart(*script));
  std::string body;
  bool space = false;
  AppendCollapsed(raw, 0, &space, &body);
  return body;
}

// Marks the blocks whose opening words occur in the JSON-LD articleBody.
// Returns true when they account for most of it: the body is located, and
// prose elsewhere is not body.
bool ConfirmBlocks(const std::string& article_body, const std::string& text, std::vector<Block>* blocks) {
  constexpr size_t kProbeBytes = 40;
  constexpr int32_t kMinChars = 50;
  if (article_body.size() < 200) return false;
  size_t confirmed_bytes = 0;
  int confirmed = 0;
  for (Block& b : *blocks) {
    if (b.chars < kMinChars || IsLinkList(b)) continue;
    size_t len = kProbeBytes;
    while (len > 0 && !utf8::IsLeadByte(static_cast<unsigned char>(text[b.begin + len]))) --len;
    b.confirmed = article_body.find(std::string_view(text).substr(b.begin, len)) != std::string::npos;
    if (b.confirmed) {
      confirmed_bytes += b.end - b.begin;
      ++confirmed;
    }
  }
  return confirmed >= 2 && confirmed_bytes * 10 >= article_body.size() * 7;
}

// A block's contribution to its container's score: article prose adds its
// length, link lists and navigation subtract theirs, short lines barely count.
void WeighBlock(Block* b) {
  if (b->kind == Kind::kTitle) return;
  double link_density = static_cast<double>(b->link_chars) / b->chars;
  int32_t plain = b->chars - b->link_chars;
  if (IsLinkList(*b) || b->excerpt) {
    b->weight = -0.75 * b->chars;
    return;
  }
  if (b->chars < 25) {
    b->weight = -b->link_chars;
    return;
  }
  b->weight = (b->chars >= 80 ? 1.0 : 0.5) * plain - 0.5 * b->link_chars;
  b->good = b->chars >= 60 && (link_density < 0.33 || plain >= 100);
}

// Whether `e` (at `index`) wraps the page: it holds the headline, or, when
// that is unknown (-1), nearly all the text.
bool IsPageWrapper(const Elem& e, int32_t index, const Elem& root, const std::vector<Block>& blocks, int32_t title_block) {
  constexpr int32_t kNearlyAllPercent = 90;
  if (title_block < 0) return e.chars * 100 >= root.chars * kNearlyAllPercent;
  const int32_t title_owner = blocks[title_block].owner;
  return title_owner >= index && title_owner < e.end;
}

// What DemoteWrapper asks about the elements and blocks past the
// headline, each read in one pass on first asking: the wrappers it asks
// about may nest as deep as the tree (a chain of sidebars, each holding
// most of the text), and a walk of each one's subtree, or of the blocks
// before it, made that quadratic.
class PastTitle {
 public:
  PastTitle(const std::vector<Elem>& elems, const std::vector<Block>& blocks) : elems_(elems), blocks_(blocks) {}

  // Whether an element below elems[index] is an <article>, a <main> or
  // itemprop=articleBody: a wrapper of the story holds one, a sidebar or a
  // footer does not (a "content" class is every widget's in some systems).
  bool HoldsArticle(int32_t index) {
    if (next_article_.empty()) {
      const int32_t n = static_cast<int32_t>(elems_.size());
      next_article_.assign(n + 1, n);
      for (int32_t i = n - 1; i >= 0; --i) next_article_[i] = IsArticle(elems_[i]) ? i : next_article_[i + 1];
    }
    return next_article_[index + 1] < elems_[index].end;
  }

  // The characters of the good blocks in [begin, end).
  int32_t GoodChars(int32_t begin, int32_t end) {
    if (good_before_.empty()) {
      good_before_.assign(blocks_.size() + 1, 0);
      for (size_t k = 0; k < blocks_.size(); ++k) {
        good_before_[k + 1] = good_before_[k] + (blocks_[k].good ? blocks_[k].chars : 0);
      }
    }
    return good_before_[end] - good_before_[begin];
  }

 private:
  // (Demoting a wrapper never touches these cues: the answers stay true.)
  static bool IsArticle(const Elem& e) {
    return e.cue == Cue::kArticleBody || e.node->Is(Tag::kArticle) || e.node->Is(Tag::kMain);
  }

  const std::vector<Elem>& elems_;
  const std::vector<Block>& blocks_;
  std::vector<int32_t> next_article_;  // per element, the first article at or after it (elems_.size(): none)
  std::vector<int32_t> good_before_;   // per block, the good characters of the blocks before it
};

// An element holding most of the page's text, or most of its prose, is a
// wrapper whatever its class says ("content-sidebar-wrap", "header-style-2",
// "left-navigation-wrapper", a page wrapper carrying a state class like
// "cookies-not-set"): that furniture cue is void. Tags (<aside>, <nav>) are
// taken at their word.
//
// Two kinds keep their cue though. A boilerplate-named element that does
// not wrap the page: no page wraps its story in "comments" or
// "cookie-notice", and one holding most of the text is a long discussion
// under a short story. And a footer or sidebar that starts after the
// headline and some prose below it, and holds no article inside: it
// follows a short story, whose legal notes or blurbs it outweighs. `e` is
// a furniture-cued element at `index`; `title_block` is -1 when the
// headline is unknown.
void DemoteWrapper(std::vector<Elem>* elems, int32_t index, const std::vector<Block>& blocks, int32_t title_block,
                   PastTitle* past_title) {
  constexpr int32_t kStoryChars = 150;
  Elem* e = &(*elems)[index];
  const Elem& root = (*elems)[0];
  if (IsFurnitureTag(e->node->tag)) return;
  if (e->chars * 2 <= root.chars && e->good_chars * 2 <= root.good_chars) return;
  if (e->cue == Cue::kBoilerplate && !IsPageWrapper(*e, index, root, blocks, title_block)) return;
  if (title_block >= 0 && e->first_block > title_block && !past_title->HoldsArticle(index) &&
      past_title->GoodChars(title_block + 1, e->first_block) >= kStoryChars) {
    return;
  }
  e->cue = Cue::kNone;
}

std::string_view ClassOf(const Node* n) {
  const std::string_view* c = n->Attr("class");
  return c == nullptr ? std::string_view() : *c;
}

const Node* ElementSibling(const Node* n, bool forward) {
  do {
    n = forward ? n->next_sibling : n->prev_sibling;
  } while (n != nullptr && !n->is_element());
  return n;
}

// A teaser card: one of a run of alike small elements ("more stories"
// grids) that opens with a headline link followed by a blurb; the blurb
// reads like prose, the run gives it away.
bool IsTeaserCard(const std::vector<Elem>& elems, const std::vector<Block>& blocks, const Elem& e) {
  constexpr int32_t kMaxCardChars = 600;
  constexpr int kMinRun = 3;
  if (e.chars > kMaxCardChars || e.link_blocks == 0 || e.blocks < 2) return false;
  if (e.node->tag == Tag::kP || e.link_chars * 100 < 15 * e.chars) return false;
  // The headline opens the card, or follows a short label (a kicker, a
  // date); after a paragraph of prose it is a link below a story.
  constexpr int32_t kMaxLabelChars = 40;
  bool headline_first = false;
  for (int32_t k = e.first_block; k < e.first_block + 2 && k < static_cast<int32_t>(blocks.size()); ++k) {
    if (IsLinkList(blocks[k]) && blocks[k].chars >= kHeadlineChars) headline_first = true;
    if (blocks[k].chars > kMaxLabelChars) break;
  }
  if (!headline_first) return false;
  const Node* n = e.node;
  std::string_view cls = ClassOf(n);
  int run = 1;
  for (bool forward : {false, true}) {
    const Node* sib = n;
    for (int k = 0; k < kMinRun - 1 && run < kMinRun; ++k) {
      sib = ElementSibling(sib, forward);
      if (sib == nullptr || sib->tag != n->tag || sib->name != n->name || ClassOf(sib) != cls) break;
      ++run;
    }
  }
  return run >= kMinRun;
}

double CueFactor(Cue cue) {
  switch (cue) {
    case Cue::kArticleBody: return 1.3;
    case Cue::kContent: return 1.03;
    case Cue::kLayout: return 0.3;
    case Cue::kBoilerplate: return 0.05;
    default: return 1.0;
  }
}

// The element in [begin, end) with the best cue-weighted score; on a tie the deeper one, so
// wrappers that add nothing are not chosen over the container itself.
double Strength(const Elem& e) {
  // Most elements hold no scored text: their strength is zero (the product
  // below, which would also be zero, costs a division).
  if (e.score == 0) return 0;
  // Inside comments or a sidebar, a "content" div is furniture too.
  Cue cue = e.boilerplate > 0 ? Cue::kBoilerplate : e.furniture > 0 ? Cue::kLayout : e.cue;
  // Teaser grids and link-heavy wrappers lose against the story itself.
  double link_density = e.chars > 0 ? double(e.link_chars) / e.chars : 0;
  return e.score * CueFactor(cue) * (1 - link_density);
}

int32_t ChooseMain(const std::vector<Elem>& elems, int32_t begin, int32_t end) {
  int32_t best = -1;
  double best_score = 0;
  for (int32_t i = begin; i < end; ++i) {
    double s = Strength(elems[i]);
    if (best < 0 || s > best_score || (s == best_score && i < elems[best].end)) {
      best = i;
      best_score = s;
    }
  }
  return best;
}

// The element whose subtree a furniture heading introduces: the first
// ancestor holding more than the heading itself, bounded by `main`.
int32_t HeadingSection(const std::vector<Elem>& elems, int32_t owner, int32_t chars, int32_t main) {
  int32_t section = owner;
  while (section != main && elems[section].chars <= chars + 5) section = elems[section].parent;
  return section;
}

// Lead photos often sit beside the body container, next to the headline:
// images are taken from the widest wrapper of `main` that adds little text.
int32_t ImageScope(const std::vector<Elem>& elems, int32_t main) {
  constexpr int32_t kExtraChars = 300;
  int32_t scope = main;
  for (int32_t p = elems[main].parent; p > 0; p = elems[p].parent) {
    if (elems[p].node->Is(Tag::kBody) || elems[p].chars > elems[main].chars + kExtraChars) break;
    scope = p;
  }
  return scope;
}

// Inside the chosen body, a layout-named part holding a good share of the
// prose, or a <header> of prose paragraphs, belongs to the story (a recipe card classed
// "header-content-align-left", an intro inside <header>): it stops counting
// as furniture. Path counts below `main` are redone.
// A <header> holding paragraphs of prose: a page builder's text block
// ("<section><header><p>...</p><p>...</p></header>"), not a masthead or a
// headline with its deck and byline.
bool IsProseHeader(const Elem& e) {
  constexpr int32_t kMinProseChars = 300;
  return e.node->Is(Tag::kHeader) && e.good_chars >= kMinProseChars;
}

void AdoptProseParts(std::vector<Elem>* elems, int32_t main) {
  constexpr int32_t kSharePercent = 30;
  auto& es = *elems;
  int32_t threshold = es[main].good_chars * kSharePercent / 100;
  for (int32_t i = main + 1; i < es[main].end; ++i) {
    Elem& e = es[i];
    if (e.cue == Cue::kLayout && e.good_chars > 0 && (e.good_chars >= threshold || IsProseHeader(e))) e.cue = Cue::kNone;
    const Elem& p = es[e.parent];
    e.furniture = p.furniture + (IsFurniture(e.cue) && p.furniture < UINT16_MAX);
  }
}

// The headline as the page's head states it: og:title and <title>,
// whitespace-collapsed ("" when absent). <title> usually adds the site name.
struct HeadTitles {
  std::string og;
  std::string title;
  bool quotes = false;  // either quotes: then they are folded to ASCII ones, here and in headings
  std::string_view url;  // the page's own address: the canonical link, else og:url ("" when neither)
};

// `s` with typographic quotes as ASCII ones (’ ‘ as ', “ ” as "): a
// headline and its <title> often differ in no more than that. `s` itself
// when it has none; else the folded copy, kept in `buffer`.
std::string_view FoldQuotes(std::string_view s, std::string* buffer) {
  size_t at = s.find('\xe2');
  if (at == std::string_view::npos) return s;
  buffer->clear();
  size_t copied = 0;
  for (; at != std::string_view::npos; at = s.find('\xe2', at + 1)) {
    if (at + 2 >= s.size() || s[at + 1] != '\x80') continue;
    const char c = s[at + 2];
    if (c != '\x98' && c != '\x99' && c != '\x9c' && c != '\x9d') continue;
    buffer->append(s.data() + copied, at - copied);
    buffer->push_back(c <= '\x99' ? '\'' : '"');
    copied = at + 3;
  }
  buffer->append(s.data() + copied, s.size() - copied);
  return *buffer;
}

bool HasQuotes(std::string_view s) {
  for (char c : s) {
    if (c == '\'' || c == '"' || c == '\xe2') return true;
  }
  return false;
}

HeadTitles ReadHeadTitles(const Document& doc) {
  HeadTitles out;
  const Node* head = doc.head();
  if (head == nullptr) return out;
  std::string_view canonical, og_url;
  for (const Node* n = head->first_child; n != nullptr; n = n->next_sibling) {
    if (n->Is(Tag::kTitle) && out.title.empty()) {
      bool space = false;
      for (const Node* c = n->first_child; c != nullptr; c = c->next_sibling) {
        if (c->is_text()) AppendCollapsed(c->data, 0, &space, &out.title);
      }
    } else if (n->Is(Tag::kMeta) && (out.og.empty() || og_url.empty())) {
      const std::string_view* prop = n->Attr("property");
      const std::string_view* value = prop == nullptr ? nullptr : n->Attr("content");
      if (value == nullptr) continue;
      if (*prop == "og:title" && out.og.empty()) {
        bool space = false;
        AppendCollapsed(*value, 0, &space, &out.og);
      } else if (*prop == "og:url") {
        og_url = *value;
      }
    } else if (n->Is(Tag::kLink) && canonical.empty()) {
      const std::string_view* rel = n->Attr("rel");
      const std::string_view* href = rel != nullptr && *rel == "canonical" ? n->Attr("href") : nullptr;
      if (href != nullptr) canonical = *href;
    }
  }
  out.url = canonical.empty() ? og_url : canonical;
  out.quotes = HasQuotes(out.og) || HasQuotes(out.title);
  if (out.quotes) {
    std::string folded;
    for (std::string* field : {&out.og, &out.title}) {
      if (FoldQuotes(*field, &folded).data() == folded.data()) field->swap(folded);
    }
  }
  return out;
}

// The block of the article's own headline. og:title names it exactly; the
// <title> adds the site name, mostly after the headline ("Headline - Site"),
// and a blog may set the site name as its <h1> too: a heading opening
// <title> before a separator comes next, then the longest heading that makes
// at least half of <title>. <h1> wins ties. -1 when none matches.
bool IsTitleSeparator(char c) { return c == '-' || c == '|' || c == ':' || c == '\xe2'; }

int32_t FindTitleBlock(const Linearizer& lin, const HeadTitles& titles) {
  constexpr int32_t kMinChars = 10;
  constexpr size_t kSeparatorBytes = 3;  // " | ", " - "
  if (titles.og.empty() && titles.title.empty()) return -1;
  int32_t best = -1;
  size_t best_rank = 0;
  std::string folded;  // the heading, quotes folded as the head's titles are
  for (int32_t k = 0; k < static_cast<int32_t>(lin.blocks.size()); ++k) {
    const Block& b = lin.blocks[k];
    if ((b.kind != Kind::kTitle && b.kind != Kind::kHeading) || b.chars < kMinChars) continue;
    std::string_view t = std::string_view(lin.text).substr(b.begin, b.end - b.begin);
    if (titles.quotes) t = FoldQuotes(t, &folded);
    size_t rank = 0;
    if (t == titles.og) {
      rank = 2 << 20;
    } else if (titles.title.size() > t.size() + 1 && titles.title.starts_with(t) &&
               titles.title[t.size()] == ' ' && IsTitleSeparator(titles.title[t.size() + 1])) {
      rank = 1 << 20;
    } else if (t.size() * 2 + kSeparatorBytes >= titles.title.size() &&
               titles.title.find(t) != std::string::npos) {
      rank = t.size();
    }
    if (rank == 0) continue;
    rank = rank * 2 + (b.kind == Kind::kTitle);
    if (rank > best_rank) {
      best = k;
      best_rank = rank;
    }
  }
  return best;
}

// When the best-scoring element lies apart from the headline (a sidebar
// widget, a consent dialog or a teaser list outscoring a short post), the
// body is taken from the headline's section instead: the closest ancestor
// of the headline holding some plain text besides it. The chosen element
// stays when its closest common ancestor with the headline scores positive
// (a hero header above the story): only a page-wide wrapper, dragged down
// by its navigation, puts the two apart.
int32_t FollowTitle(const std::vector<Elem>& elems, const Block& title, int32_t main) {
  constexpr int32_t kMinPlainChars = 100;
  constexpr int32_t kLoneBlocks = 1;
  int32_t t = title.owner;
  if (t >= main && t < elems[main].end) return main;
  int32_t section = -1;
  int32_t common = 0;
  for (int32_t p = elems[t].parent; p > 0; p = elems[p].parent) {
    const Elem& e = elems[p];
    if (main >= p && main < e.end) {
      common = p;
      break;
    }
    if (section < 0 && e.chars - e.link_chars - title.chars >= kMinPlainChars) section = p;
  }
  // A lone paragraph with nothing but the headline between them is a piece
  // of the story, not all of it.
  if (section < 0 && elems[main].blocks <= kLoneBlocks && common > 0 &&
      elems[common].furniture == 0) {
    return common;
  }
  if (section < 0 || elems[section].furniture > 0) return main;
  if (elems[main].furniture == 0 && Strength(elems[common]) > 0) return main;
  int32_t best = ChooseMain(elems, section, elems[section].end);
  return best >= 0 && elems[best].score > 0 ? best : main;
}

// The lead: a paragraph of several sentences between the headline and a
// body container that starts below it (in the article header). A one-line
// deck is a summary and stays out; more than a few such blocks mean
// something else sits in between, and none is taken.
std::vector<uint32_t> LeadBlocks(const Linearizer& lin, int32_t title_block, int32_t main) {
  constexpr size_t kMaxLeadBlocks = 2;
  constexpr int32_t kMinLeadChars = 180;
  const auto& elems = lin.elems;
  std::vector<uint32_t> lead;
  int32_t first = elems[main].first_block;
  if (first < 0 || lin.blocks[title_block].owner >= main) return lead;
  for (int32_t k = title_block + 1; k < first; ++k) {
    const Block& b = lin.blocks[k];
    if (b.chars < kMinLeadChars || !b.good || b.teaser || b.excerpt || IsLinkList(b) ||
        b.kind == Kind::kHeading || b.kind == Kind::kTitle || elems[b.owner].boilerplate > 0) {
      continue;
    }
    std::string_view t = std::string_view(lin.text).substr(b.begin, b.end - b.begin);
    if (IsBoilerplateLine(t)) continue;
    if (lead.size() == kMaxLeadBlocks) return {};
    lead.push_back(static_cast<uint32_t>(k));
  }
  return lead;
}

// A paragraph that is a sentence of its own with its names linked ("X has
// been eliminated from Y."): some plain words, and it ends like a sentence.
// A headline link, bare or after a label, has neither.
bool IsLinkedSentence(const Block& b, std::string_view t) {
  constexpr int32_t kMinPlainChars = 15;
  if (b.kind != Kind::kParagraph || b.chars - b.link_chars < kMinPlainChars) return false;
  while (!t.empty() && (t.back() == ' ' || t.back() == '"' || t.back() == ')')) t.remove_suffix(1);
  if (t.ends_with("\u201d") || t.ends_with("\u2019")) t.remove_suffix(3);
  return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
}

class Selector {
 public:
  // `site`: the HostLabel of the page's address, "" when unknown.
  Selector(const Linearizer& lin, int32_t main, std::string_view site)
      : lin_(lin), main_(main), site_(site) {}

  // Indices of the blocks inside `main` that are article text.
  std::vector<uint32_t> Select() {
    const auto& elems = lin_.elems;
    const Elem& m = elems[main_];
    std::vector<uint32_t> kept;
    // Blocks owned inside [skip_begin, skip_end) in pre-order are a
    // furniture section's; its ancestors' own text, met later, is not.
    int32_t skip_begin = 0, skip_end = -1;
    // Where the first furniture heading that opens no section of its own
    // stood: what follows it is the page's tail unless it is prose. An ad
    // label or a sign-up box's heading sits inside the story and ends
    // nothing.
    size_t tail_from = SIZE_MAX;
    // Past the first prose, a line of links to other sites is the story's
    // (its sources, the shops of a deals post); links within the site are
    // menus and teasers.
    bool prose_kept = false;
    for (uint32_t i = 0; i < lin_.blocks.size(); ++i) {
      const Block& b = lin_.blocks[i];
      if (b.owner < main_ || b.owner >= m.end) continue;
      if (b.owner >= skip_begin && b.owner < skip_end) continue;
      if (b.kind == Kind::kTitle) continue;
      std::string_view t = TextOf(b);
      // Furniture is dropped, with two exceptions: a line the page's
      // JSON-LD articleBody holds is the story's wherever it sits (a pull
      // quote set in an <aside>), and the heading of a related list is
      // often classed like furniture itself ("box-header"), so a block
      // whose own element alone is furniture is read as a heading first
      // (inside furniture, an ad label, it is not).
      const Elem& owner = elems[b.owner];
      const bool inside_furniture = owner.furniture > m.furniture && !b.confirmed &&
                                    !(IsFurniture(owner.cue) && owner.furniture == m.furniture + 1);
      if (inside_furniture || b.teaser || b.excerpt) continue;
      if (IsLinkList(b) && !IsLinkedSentence(b, t) && !(prose_kept && LinksLeaveSite(*owner.node, site_))) {
        continue;
      }
      if ((b.kind == Kind::kHeading || b.chars < 60) && IsBoilerplateHeading(t)) {
        // The section goes unless it holds much of the body's prose: a
        // heading set straight in the story's container climbs to it.
        constexpr int32_t kSmallSectionChars = 250;
        constexpr int32_t kBodyShare = 3;
        int32_t section = HeadingSection(elems, b.owner, b.chars, main_);
        const int32_t prose = elems[section].good_chars;
        if (section != main_ && (prose < kSmallSectionChars || prose * kBodyShare < m.good_chars)) {
          skip_begin = section;
          skip_end = elems[section].end;
        } else if (tail_from == SIZE_MAX && !IsSlotLabel(t)) {
          tail_from = kept.size();
        }
        continue;
      }
      if (owner.furniture > m.furniture && !b.confirmed) continue;
      if (IsBoilerplateLine(t)) continue;
      kept.push_back(i);
      prose_kept = prose_kept || b.good;
    }
    CutTail(tail_from, &kept);
    return DropPromptsAndNotes(TrimEdges(kept));
  }

  std::string_view TextOf(const Block& b) const {
    return std::string_view(lin_.text).substr(b.begin, b.end - b.begin);
  }

 private:
  // A furniture heading set straight in the body's container ("Related
  // articles", "Comments" as a bare <h3> between the story and its
  // teasers) ends the story when little prose follows it (an eighth of
  // what came before): the lines after it are its list, whatever they
  // look like. A story's own last section under a subheading that only
  // opens like one ("Popular culture") holds more.
  void CutTail(size_t tail_from, std::vector<uint32_t>* kept) const {
    constexpr int32_t kTailShare = 8;
    if (tail_from >= kept->size()) return;
    int32_t before = 0, after = 0;
    for (size_t k = 0; k < kept->size(); ++k) {
      const Block& b = lin_.blocks[(*kept)[k]];
      if (b.good) (k < tail_from ? before : after) += b.chars;
    }
    if (before > 0 && after * kTailShare < before) kept->resize(tail_from);
  }

  // Before the first prose block sit bylines, dates and decks; after the last
  // one author boxes, tags and teasers. Past the prose only paragraph-like
  // blocks beside the prose ("Reporting by ...", a short first paragraph)
  // survive.
  std::vector<uint32_t> TrimEdges(const std::vector<uint32_t>& kept) const {
    size_t first = kept.size(), last = 0;
    for (size_t k = 0; k < kept.size(); ++k) {
      if (!lin_.blocks[kept[k]].good) continue;
      if (first == kept.size()) first = k;
      last = k;
    }
    if (first == kept.size()) return kept;
    int32_t first_owner = lin_.blocks[kept[first]].owner;
    int32_t last_owner = lin_.blocks[kept[last]].owner;
    std::vector<uint32_t> out;
    for (size_t k = 0; k < kept.size(); ++k) {
      const Block& b = lin_.blocks[kept[k]];
      bool paragraph_like = b.kind == Kind::kParagraph || b.kind == Kind::kListItem ||
                            b.kind == Kind::kQuote || b.kind == Kind::kPre;
      // A line of the first or last prose block's own element (split from
      // it by a <br>) is the prose's, whatever the element.
      if (k < first && b.owner != first_owner && !((paragraph_like || b.kind == Kind::kHeading) && Beside(b, first_owner))) {
        continue;
      }
      if (k > last && b.owner != last_owner && !(paragraph_like && Beside(b, last_owner)) && !InPlainList(b)) continue;
      out.push_back(kept[k]);
    }
    return out;
  }

  // Prompts to the reader ("Follow us on ...", "Sign up for our
  // newsletter") open or close many bodies and are dropped there, as is a
  // contributor note closing it; inside the body such a line is part of
  // the story. A body of nothing but prompts is left as it is.
  std::vector<uint32_t> DropPromptsAndNotes(std::vector<uint32_t> kept) const {
    size_t first = 0, last = kept.size();
    while (first < last && IsCallToAction(TextOf(lin_.blocks[kept[first]]))) ++first;
    while (last > first && IsCallToAction(TextOf(lin_.blocks[kept[last - 1]]))) --last;
    // A contributor note closes the story; only the last line is read.
    if (last > first + 1 && IsContributorNote(TextOf(lin_.blocks[kept[last - 1]]))) --last;
    if (first == last) return kept;
    kept.erase(kept.begin() + last, kept.end());
    kept.erase(kept.begin(), kept.begin() + first);
    return kept;
  }

  // An item of words, without a link, in a list with hardly any (a tenth
  // of its text at most: ingredients, requirements, a photo's details
  // with its category linked): lists closing a page's furniture are lists
  // of links, and a list of bare tokens ("narrow-screen") is a script's data.
  bool InPlainList(const Block& b) const {
    const auto& elems = lin_.elems;
    if (b.kind != Kind::kListItem || b.link_chars > 0 || TextOf(b).find(' ') == std::string_view::npos) return false;
    const Elem& list = elems[elems[b.owner].parent];
    return list.link_chars * 10 <= list.chars && (list.node->Is(Tag::kUl) || list.node->Is(Tag::kOl) || list.node->Is(Tag::kDl));
  }

  // Same element, a sibling of the prose block's element, or the element
  // holding it (a tweet's attribution line after its paragraphs).
  bool Beside(const Block& b, int32_t prose_owner) const {
    const auto& elems = lin_.elems;
    return b.owner == prose_owner || elems[b.owner].parent == elems[prose_owner].parent ||
           b.owner == elems[prose_owner].parent;
  }

  const Linearizer& lin_;
  int32_t main_;
  std::string_view site_;
};

}  // namespace

Content ExtractContent(const Document& doc, const ContentOptions& options) {
  Content content;
  const Node* scope = doc.body() != nullptr ? doc.body() : doc.root();
  if (scope == nullptr) return content;
  thread_local LinearizerBuffers spare;
  Linearizer lin(&spare);
  // Every element is a Node of the document's arena, which bounds their
  // count. Reserving that up front spares growing the array by copies, whose
  // old and new buffers together were the peak memory of a page of millions
  // of elements; the part of the reserve never written costs no memory.
  lin.elems.reserve(doc.bytes_reserved() / sizeof(Node));
  lin.Run(scope);
  if (lin.elems.empty()) return content;

  auto& elems = lin.elems;
  std::string article_body = JsonLdArticleBody(doc, scope, lin.body_script());
  bool body_located = !article_body.empty() && ConfirmBlocks(article_body, lin.text, &lin.blocks);
  for (int32_t k = 0; k < static_cast<int32_t>(lin.blocks.size()); ++k) {
    Block& b = lin.blocks[k];
    WeighBlock(&b);
    Elem& owner = elems[b.owner];
    if (owner.first_block < 0) owner.first_block = k;
    owner.chars += b.chars;
    owner.link_chars += b.link_chars;
    if (b.good) owner.good_chars += b.chars;
    owner.blocks += 1;
    owner.link_blocks += IsLinkList(b) && b.chars >= kHeadlineChars;
  }
  // Children have larger pre-order indices than their parents: a reverse
  // scan sums subtrees, a forward scan pushes path properties down.
  for (int32_t i = static_cast<int32_t>(elems.size()) - 1; i > 0; --i) {
    Elem& p = elems[elems[i].parent];
    p.chars += elems[i].chars;
    p.link_chars += elems[i].link_chars;
    p.good_chars += elems[i].good_chars;
    p.blocks += elems[i].blocks;
    p.link_blocks += elems[i].link_blocks;
    if (p.first_block < 0 || (elems[i].first_block >= 0 && elems[i].first_block < p.first_block)) {
      p.first_block = elems[i].first_block;
    }
  }
  const HeadTitles titles = ReadHeadTitles(doc);
  const int32_t title_block = FindTitleBlock(lin, titles);
  // The forward scan demotes each element before its path counts read its cue.
  // Most elements are no furniture: asked here, inline, not in the call.
  PastTitle past_title(elems, lin.blocks);
  if (IsFurniture(elems[0].cue)) DemoteWrapper(&elems, 0, lin.blocks, title_block, &past_title);
  for (size_t i = 1; i < elems.size(); ++i) {
    Elem& e = elems[i];
    if (IsFurniture(e.cue)) DemoteWrapper(&elems, static_cast<int32_t>(i), lin.blocks, title_block, &past_title);
    const Elem& p = elems[e.parent];
    e.furniture = p.furniture + (IsFurniture(e.cue) && p.furniture < UINT16_MAX);
    e.boilerplate = p.boilerplate + (e.cue == Cue::kBoilerplate && p.boilerplate < UINT16_MAX);
    e.teaser = p.teaser || IsTeaserCard(elems, lin.blocks, e);
  }
  for (Block& b : lin.blocks) {
    Elem& owner = elems[b.owner];
    if (owner.teaser) {
      b.teaser = true;
      b.good = false;
      b.weight = -0.5 * b.chars;
    }
    // The page's own statement of its body outweighs every other cue.
    if (b.confirmed) {
      b.weight = 3.0 * b.chars;
    } else if (body_located) {
      b.weight = std::min(0.0, b.weight);
    }
    owner.score += b.weight;
  }
  for (int32_t i = static_cast<int32_t>(elems.size()) - 1; i > 0; --i) {
    const Elem& e = elems[i];
    elems[e.parent].score += IsFurniture(e.cue) ? std::min(0.0, e.score) : e.score;
  }

  int32_t main = ChooseMain(elems, 0, static_cast<int32_t>(elems.size()));
  if (title_block >= 0) main = FollowTitle(elems, lin.blocks[title_block], main);
  content.main = elems[main].node;
  AdoptProseParts(&elems, main);
  const std::string site = meta::HostLabel(titles.url);
  Selector selector(lin, main, site);
  if (title_block >= 0) {
    for (uint32_t i : LeadBlocks(lin, title_block, main)) {
      content.paragraphs.emplace_back(selector.TextOf(lin.blocks[i]));
    }
  }
  for (uint32_t i : selector.Select()) {
    content.paragraphs.emplace_back(selector.TextOf(lin.blocks[i]));
  }
  int32_t image_scope = ImageScope(elems, main);
  for (PendingImage& img : lin.images) {
    if (img.owner < image_scope || img.owner >= elems[image_scope].end) continue;
    if (elems[img.owner].furniture > elems[image_scope].furniture) continue;
    content.images.push_back(ContentImage{std::move(img.src), std::move(img.caption)});
  }
  return content;
}

}  // namespace warta::extract
