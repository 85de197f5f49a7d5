#include "extract/content.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "base/utf8.h"
#include "extract/boilerplate.h"

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
  return t;
}

constexpr auto kTagClasses = MakeTagClasses();

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

struct Elem {
  const Node* node;
  int32_t parent;
  int32_t end;          // pre-order index one past the last element of the subtree
  Cue cue;
  bool block;
  uint16_t furniture;   // layout- or boilerplate-cued elements on the path from the root, self included
  uint16_t boilerplate; // boilerplate-cued ones among them
  double score = 0;     // block weights of the subtree, furniture unable to add
  int32_t chars = 0;    // text of the subtree
  int32_t good_chars = 0;
};

struct Block {
  uint32_t begin, end;  // byte range in the text buffer
  int32_t owner;        // innermost block-level or cued element
  int32_t chars;        // code points, spaces excluded
  int32_t link_chars;
  Kind kind;
  double weight = 0;
  bool good = false;
};

struct PendingImage {
  int32_t pos;    // elements opened before the image: it sits inside any open one below pos
  int32_t owner;  // innermost open element, or -1
  std::string src;
  std::string caption;
};

// Appends `data` to `out` with runs of whitespace (and NBSP) collapsed to one
// space and no leading space after `begin`; returns the code points added.
int32_t AppendCollapsed(std::string_view data, size_t begin, bool* space, std::string* out) {
  int32_t chars = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      *space = true;
      continue;
    }
    if (c == 0xC2 && i + 1 < data.size() && static_cast<unsigned char>(data[i + 1]) == 0xA0) {
      *space = true;
      ++i;
      continue;
    }
    if (*space && out->size() > begin) out->push_back(' ');
    *space = false;
    out->push_back(static_cast<char>(c));
    chars += utf8::IsLeadByte(c);
  }
  return chars;
}

std::string_view ImageSource(const Node& img) {
  auto usable = [](const std::string_view* v) {
    return v != nullptr && !v->empty() && v->substr(0, 5) != "data:";
  };
  for (std::string_view name : {"data-src", "data-original", "data-lazy-src", "src"}) {
    const std::string_view* v = img.Attr(name);
    if (usable(v)) {
      std::string_view s = *v;
      while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
      return s;
    }
  }
  for (std::string_view name : {"data-srcset", "srcset"}) {
    const std::string_view* v = img.Attr(name);
    if (!usable(v)) continue;
    std::string_view s = *v;
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    size_t stop = s.find_first_of(" ,");
    return s.substr(0, stop);
  }
  return {};
}

// Icons, spacers and tracking pixels declare a tiny size.
bool IsTinyImage(const Node& img) {
  for (std::string_view name : {"width", "height"}) {
    const std::string_view* v = img.Attr(name);
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

// One pre-order pass over the tree turning it into elements (with cues) and
// text blocks, and collecting images with their captions.
class Linearizer {
 public:
  void Run(const Node* scope) {
    const Node* n = scope;
    for (;;) {
      bool descend = Enter(n);
      if (descend && n->first_child != nullptr) {
        n = n->first_child;
        continue;
      }
      for (;;) {
        Leave(n);
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

 private:
  bool Enter(const Node* n) {
    if (n->is_text()) {
      if (caption_depth_ > 0) {
        AppendCollapsed(n->data, 0, &caption_space_, &caption_);
      } else {
        int32_t added = AppendCollapsed(n->data, block_begin_, &space_, &text);
        chars_ += added;
        if (link_depth_ > 0) link_chars_ += added;
      }
      return false;
    }
    if (!n->is_element()) return false;
    uint8_t cls = ClassOf(*n);
    if (cls == kSkipped || IsHiddenElement(*n)) return false;
    if (n->tag == Tag::kBr || n->tag == Tag::kHr) {
      Flush();
      return false;
    }
    if (n->tag == Tag::kImg) {
      RecordImage(*n);
      return false;
    }
    int32_t idx = static_cast<int32_t>(elems.size());
    int32_t parent = stack_.empty() ? -1 : stack_.back();
    Cue cue = ClassifyElement(*n);
    if (cue == Cue::kCaption && n->tag != Tag::kFigcaption && !FollowsImage(parent)) cue = Cue::kNone;
    uint16_t furniture = parent < 0 ? 0 : elems[parent].furniture;
    uint16_t boilerplate = parent < 0 ? 0 : elems[parent].boilerplate;
    if (IsFurniture(cue) && furniture < UINT16_MAX) ++furniture;
    if (cue == Cue::kBoilerplate && boilerplate < UINT16_MAX) ++boilerplate;
    bool block = cls == kBlock || cue != Cue::kNone;
    elems.push_back(Elem{n, parent, 0, cue, block, furniture, boilerplate});
    stack_.push_back(idx);
    if (block) {
      Flush();
      owners_.push_back(idx);
    }
    if (n->tag == Tag::kA) ++link_depth_;
    if (cue == Cue::kCaption && caption_depth_++ == 0) {
      caption_.clear();
      caption_space_ = false;
    }
    return true;
  }

  void Leave(const Node* n) {
    if (stack_.empty() || elems[stack_.back()].node != n) return;
    int32_t idx = stack_.back();
    Elem& e = elems[idx];
    if (e.block) {
      Flush();
      owners_.pop_back();
    }
    if (n->tag == Tag::kA) --link_depth_;
    if (e.cue == Cue::kCaption && --caption_depth_ == 0) AttachCaption(idx);
    e.end = static_cast<int32_t>(elems.size());
    stack_.pop_back();
  }

  void Flush() {
    if (chars_ > 0 && !owners_.empty()) {
      int32_t owner = owners_.back();
      blocks.push_back(Block{static_cast<uint32_t>(block_begin_), static_cast<uint32_t>(text.size()),
                             owner, chars_, link_chars_, KindOf(elems[owner].node->tag)});
    } else {
      text.resize(block_begin_);
    }
    block_begin_ = text.size();
    chars_ = link_chars_ = 0;
    space_ = false;
  }

  void RecordImage(const Node& img) {
    if (IsTinyImage(img)) return;
    std::string_view src = ImageSource(img);
    if (src.empty()) return;
    images.push_back(PendingImage{static_cast<int32_t>(elems.size()),
                                  stack_.empty() ? -1 : stack_.back(), std::string(src), {}});
  }

  // A class named "caption" only makes a caption next to an image: teasers
  // and leads are called that too.
  bool FollowsImage(int32_t parent) const {
    return !images.empty() && images.back().pos > parent && images.back().caption.empty();
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

  std::vector<int32_t> stack_;   // open elements
  std::vector<int32_t> owners_;  // open block-level elements
  size_t block_begin_ = 0;
  int32_t chars_ = 0;
  int32_t link_chars_ = 0;
  bool space_ = false;
  int link_depth_ = 0;
  int caption_depth_ = 0;
  std::string caption_;
  bool caption_space_ = false;
};

// A block's contribution to its container's score: article prose adds its
// length, link lists and navigation subtract theirs, short lines barely count.
void WeighBlock(Block* b) {
  if (b->kind == Kind::kTitle) return;
  double link_density = static_cast<double>(b->link_chars) / b->chars;
  if (link_density > 0.5) {
    b->weight = -b->chars;
    return;
  }
  int32_t plain = b->chars - b->link_chars;
  if (b->chars < 25) {
    b->weight = -b->link_chars;
    return;
  }
  b->weight = (b->chars >= 80 ? 1.0 : 0.5) * plain - b->link_chars;
  b->good = b->chars >= 60 && link_density < 0.33;
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

// The element with the best cue-weighted score; on a tie the deeper one, so
// wrappers that add nothing are not chosen over the container itself.
int32_t ChooseMain(const std::vector<Elem>& elems) {
  int32_t best = -1;
  double best_score = 0;
  for (int32_t i = 0; i < static_cast<int32_t>(elems.size()); ++i) {
    // Inside comments or related stories, a "content" div is furniture too;
    // inside layout furniture it need not be (pages wrap everything in
    // "l-sidebar-fixed" or "header-style-2").
    Cue cue = elems[i].boilerplate > 0 ? Cue::kBoilerplate : elems[i].cue;
    double s = elems[i].score * CueFactor(cue);
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

class Selector {
 public:
  Selector(const Linearizer& lin, int32_t main) : lin_(lin), main_(main) {}

  // Indices of the blocks inside `main` that are article text.
  std::vector<uint32_t> Select() {
    const auto& elems = lin_.elems;
    const Elem& m = elems[main_];
    std::vector<uint32_t> kept;
    int32_t skip_end = -1;  // blocks owned below this pre-order bound are furniture
    for (uint32_t i = 0; i < lin_.blocks.size(); ++i) {
      const Block& b = lin_.blocks[i];
      if (b.owner < main_ || b.owner >= m.end) continue;
      if (b.owner < skip_end) continue;
      if (elems[b.owner].furniture > m.furniture) continue;
      if (b.kind == Kind::kTitle) continue;
      if (b.link_chars * 2 > b.chars) continue;
      std::string_view t = TextOf(b);
      if (IsBoilerplateLine(t)) continue;
      if ((b.kind == Kind::kHeading || b.chars < 60) && IsBoilerplateHeading(t)) {
        int32_t section = HeadingSection(elems, b.owner, b.chars, main_);
        if (section != main_ && elems[section].good_chars < 250) skip_end = elems[section].end;
        continue;
      }
      kept.push_back(i);
    }
    return TrimEdges(kept);
  }

  std::string_view TextOf(const Block& b) const {
    return std::string_view(lin_.text).substr(b.begin, b.end - b.begin);
  }

 private:
  // Before the first prose block sit bylines, dates and decks; after the last
  // one tags and teasers. Only paragraph-like blocks survive past the prose.
  std::vector<uint32_t> TrimEdges(const std::vector<uint32_t>& kept) const {
    size_t first = kept.size(), last = 0;
    for (size_t k = 0; k < kept.size(); ++k) {
      if (!lin_.blocks[kept[k]].good) continue;
      if (first == kept.size()) first = k;
      last = k;
    }
    if (first == kept.size()) return kept;
    std::vector<uint32_t> out;
    for (size_t k = first; k < kept.size(); ++k) {
      const Block& b = lin_.blocks[kept[k]];
      if (k > last && !(b.kind == Kind::kParagraph || b.kind == Kind::kListItem ||
                        b.kind == Kind::kQuote || b.kind == Kind::kPre)) {
        continue;
      }
      out.push_back(kept[k]);
    }
    return out;
  }

  const Linearizer& lin_;
  int32_t main_;
};

}  // namespace

Content ExtractContent(const Document& doc, const ContentOptions& options) {
  Content content;
  const Node* scope = doc.body() != nullptr ? doc.body() : doc.root();
  if (scope == nullptr) return content;
  Linearizer lin;
  lin.Run(scope);
  if (lin.elems.empty()) return content;

  auto& elems = lin.elems;
  for (Block& b : lin.blocks) {
    WeighBlock(&b);
    Elem& owner = elems[b.owner];
    owner.score += b.weight;
    owner.chars += b.chars;
    if (b.good) owner.good_chars += b.chars;
  }
  for (int32_t i = static_cast<int32_t>(elems.size()) - 1; i > 0; --i) {
    const Elem& e = elems[i];
    if (e.parent < 0) continue;
    Elem& p = elems[e.parent];
    p.score += IsFurniture(e.cue) ? std::min(0.0, e.score) : e.score;
    p.chars += e.chars;
    p.good_chars += e.good_chars;
  }

  int32_t main = ChooseMain(elems);
  content.main = elems[main].node;
  Selector selector(lin, main);
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
