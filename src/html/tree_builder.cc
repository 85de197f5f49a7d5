#include "html/tree_builder.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "html/tag_table.h"
#include "html/tokenizer.h"

namespace warta::html {
namespace {

// Bounds that keep adversarial input linear (see the header comment).
constexpr size_t kMaxFormattingEntries = 64;
constexpr size_t kMaxFormattingList = 1024;
constexpr size_t kMaxSelectedContentNodes = 1 << 16;
constexpr size_t kCloneSlack = 4096;
// Clones one round of the adoption agency may make: three from the inner
// loop, one of the formatting element.
constexpr size_t kMaxAdoptionClones = 4;
constexpr int kMaxReprocess = 64;
constexpr uint32_t kMinStackCap = 8;

enum class Mode : uint8_t {
  kInitial,
  kBeforeHtml,
  kBeforeHead,
  kInHead,
  kInHeadNoscript,
  kAfterHead,
  kInBody,
  kText,
  kInTable,
  kInTableText,
  kInCaption,
  kInColumnGroup,
  kInTableBody,
  kInRow,
  kInCell,
  kInTemplate,
  kAfterBody,
  kInFrameset,
  kAfterFrameset,
  kAfterAfterBody,
  kAfterAfterFrameset,
};

enum class Scope : uint8_t { kDefault, kListItem, kButton, kTable };

// ---- Per-tag properties (HTML namespace) ----

enum TagBit : uint16_t {
  kSpecial = 1 << 0,
  kScopeBoundary = 1 << 1,     // "has an element in scope" boundaries
  kFormatting = 1 << 2,
  kImpliedEnd = 1 << 3,        // generate implied end tags
  kImpliedEndThorough = 1 << 4,
  kHeading = 1 << 5,
  kBreakout = 1 << 6,          // start tags that leave foreign content
  kClosesP = 1 << 7,           // block start tags: close a p, insert
  kBlockEnd = 1 << 8,          // end tags: generate implied end tags, pop until
  kRawTextStart = 1 << 9,      // start tags after which the tokenizer reads raw text or RCDATA
};

constexpr size_t kTagCount = static_cast<size_t>(Tag::kCount);

struct TagTable {
  uint16_t bits[kTagCount] = {};
};

constexpr TagTable MakeTagTable() {
  TagTable t;
  auto set = [&t](std::initializer_list<Tag> tags, uint16_t bit) {
    for (Tag tag : tags) t.bits[static_cast<size_t>(tag)] |= bit;
  };
  using T = Tag;
  set({T::kAddress, T::kApplet, T::kArea, T::kArticle, T::kAside, T::kBase, T::kBasefont, T::kBgsound,
       T::kBlockquote, T::kBody, T::kBr, T::kButton, T::kCaption, T::kCenter, T::kCol, T::kColgroup, T::kDd,
       T::kDetails, T::kDir, T::kDiv, T::kDl, T::kDt, T::kEmbed, T::kFieldset, T::kFigcaption, T::kFigure,
       T::kFooter, T::kForm, T::kFrame, T::kFrameset, T::kH1, T::kH2, T::kH3, T::kH4, T::kH5, T::kH6, T::kHead,
       T::kHeader, T::kHgroup, T::kHr, T::kHtml, T::kIframe, T::kImg, T::kInput, T::kKeygen, T::kLi, T::kLink,
       T::kListing, T::kMain, T::kMarquee, T::kMenu, T::kMeta, T::kNav, T::kNoembed, T::kNoframes, T::kNoscript,
       T::kObject, T::kOl, T::kP, T::kParam, T::kPlaintext, T::kPre, T::kScript, T::kSearch, T::kSection,
       T::kSource, T::kStyle, T::kSummary, T::kTable, T::kTbody, T::kTd, T::kTemplate, T::kTextarea,
       T::kTfoot, T::kTh, T::kThead, T::kTitle, T::kTr, T::kTrack, T::kUl, T::kWbr, T::kXmp},
      kSpecial);
  set({T::kApplet, T::kCaption, T::kHtml, T::kTable, T::kTd, T::kTh, T::kMarquee, T::kObject, T::kTemplate},
      kScopeBoundary);
  set({T::kA, T::kB, T::kBig, T::kCode, T::kEm, T::kFont, T::kI, T::kNobr, T::kS, T::kSmall, T::kStrike,
       T::kStrong, T::kTt, T::kU},
      kFormatting);
  set({T::kDd, T::kDt, T::kLi, T::kOptgroup, T::kOption, T::kP, T::kRb, T::kRp, T::kRt, T::kRtc},
      kImpliedEnd | kImpliedEndThorough);
  set({T::kCaption, T::kColgroup, T::kTbody, T::kTd, T::kTfoot, T::kTh, T::kThead, T::kTr}, kImpliedEndThorough);
  set({T::kH1, T::kH2, T::kH3, T::kH4, T::kH5, T::kH6}, kHeading);
  set({T::kB, T::kBig, T::kBlockquote, T::kBody, T::kBr, T::kCenter, T::kCode, T::kDd, T::kDiv, T::kDl, T::kDt,
       T::kEm, T::kEmbed, T::kH1, T::kH2, T::kH3, T::kH4, T::kH5, T::kH6, T::kHead, T::kHr, T::kI, T::kImg,
       T::kLi, T::kListing, T::kMenu, T::kMeta, T::kNobr, T::kOl, T::kP, T::kPre, T::kRuby, T::kS, T::kSmall,
       T::kSpan, T::kStrong, T::kStrike, T::kSub, T::kSup, T::kTable, T::kTt, T::kU, T::kUl, T::kVar},
      kBreakout);
  set({T::kAddress, T::kArticle, T::kAside, T::kBlockquote, T::kCenter, T::kDetails, T::kDialog, T::kDir,
       T::kDiv, T::kDl, T::kFieldset, T::kFigcaption, T::kFigure, T::kFooter, T::kHeader, T::kHgroup, T::kMain,
       T::kMenu, T::kNav, T::kOl, T::kP, T::kSearch, T::kSection, T::kSummary, T::kUl},
      kClosesP);
  set({T::kAddress, T::kArticle, T::kAside, T::kBlockquote, T::kButton, T::kCenter, T::kDetails, T::kDialog,
       T::kDir, T::kDiv, T::kDl, T::kFieldset, T::kFigcaption, T::kFigure, T::kFooter, T::kHeader, T::kHgroup,
       T::kListing, T::kMain, T::kMenu, T::kNav, T::kOl, T::kPre, T::kSearch, T::kSection, T::kSelect,
       T::kSummary, T::kUl},
      kBlockEnd);
  set({T::kIframe, T::kNoembed, T::kNoframes, T::kNoscript, T::kPlaintext, T::kScript, T::kStyle, T::kTextarea,
       T::kTitle, T::kXmp},
      kRawTextStart);
  return t;
}

constexpr TagTable kTags = MakeTagTable();

inline bool HasBit(Tag tag, uint16_t bit) { return kTags.bits[static_cast<size_t>(tag)] & bit; }
inline bool HtmlHas(const Node* n, uint16_t bit) { return n->ns == Namespace::kHtml && HasBit(n->tag, bit); }

inline bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

size_t WsPrefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsWs(s[i])) ++i;
  return i;
}

bool AllWs(std::string_view s) { return WsPrefix(s) == s.size(); }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

// ---- Foreign content name tables ----

struct NamePair {
  std::string_view lower;
  std::string_view adjusted;
};

constexpr NamePair kSvgTagNames[] = {
    {"altglyph", "altGlyph"},
    {"altglyphdef", "altGlyphDef"},
    {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"},
    {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"},
    {"clippath", "clipPath"},
    {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"},
    {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"},
    {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"},
    {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"},
    {"fedropshadow", "feDropShadow"},
    {"feflood", "feFlood"},
    {"fefunca", "feFuncA"},
    {"fefuncb", "feFuncB"},
    {"fefuncg", "feFuncG"},
    {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"},
    {"feimage", "feImage"},
    {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"},
    {"femorphology", "feMorphology"},
    {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"},
    {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"},
    {"fetile", "feTile"},
    {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"},
    {"glyphref", "glyphRef"},
    {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"},
    {"textpath", "textPath"},
};

constexpr NamePair kSvgAttrNames[] = {
    {"attributename", "attributeName"},
    {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"},
    {"baseprofile", "baseProfile"},
    {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"},
    {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"},
    {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"},
    {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"},
    {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"},
    {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"},
    {"refy", "refY"},
    {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"},
    {"targetx", "targetX"},
    {"targety", "targetY"},
    {"textlength", "textLength"},
    {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
};

struct ForeignAttr {
  std::string_view qualified;
  std::string_view local;
  AttrNamespace ns;
};

constexpr ForeignAttr kForeignAttrs[] = {
    {"xlink:actuate", "actuate", AttrNamespace::kXlink}, {"xlink:arcrole", "arcrole", AttrNamespace::kXlink},
    {"xlink:href", "href", AttrNamespace::kXlink},       {"xlink:role", "role", AttrNamespace::kXlink},
    {"xlink:show", "show", AttrNamespace::kXlink},       {"xlink:title", "title", AttrNamespace::kXlink},
    {"xlink:type", "type", AttrNamespace::kXlink},       {"xml:lang", "lang", AttrNamespace::kXml},
    {"xml:space", "space", AttrNamespace::kXml},         {"xmlns", "xmlns", AttrNamespace::kXmlns},
    {"xmlns:xlink", "xlink", AttrNamespace::kXmlns},
};

// Which (length, first letter) pairs a name table holds: bit c - 'a' of
// bits[length]. SVG pages are full of path/g/use/fill/d, none of which is in
// a table, so this one test spares most of the table scans.
struct NameFilter {
  uint32_t bits[32] = {};
  constexpr void Add(std::string_view name) { bits[name.size()] |= uint32_t{1} << (name[0] - 'a'); }
  constexpr bool MayHold(std::string_view name) const {
    return !name.empty() && name.size() < 32 && name[0] >= 'a' && name[0] <= 'z' &&
           ((bits[name.size()] >> (name[0] - 'a')) & 1);
  }
};

template <size_t N>
constexpr NameFilter MakeFilter(const NamePair (&table)[N]) {
  NameFilter f;
  for (const NamePair& p : table) f.Add(p.lower);
  return f;
}

constexpr NameFilter kSvgTagFilter = MakeFilter(kSvgTagNames);
constexpr NameFilter kSvgAttrFilter = MakeFilter(kSvgAttrNames);

template <size_t N>
std::string_view Adjust(const NamePair (&table)[N], const NameFilter& filter, std::string_view name) {
  if (!filter.MayHold(name)) return name;
  for (const NamePair& p : table) {
    if (p.lower == name) return p.adjusted;
  }
  return name;
}

// ---- Doctype quirks ----

constexpr std::string_view kQuirksPublicPrefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19970916::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

QuirksMode DoctypeQuirks(const Token& t) {
  if (t.force_quirks || t.name != "html") return QuirksMode::kQuirks;
  std::string_view pub = t.public_id, sys = t.system_id;
  if (t.has_public_id) {
    if (EqualsIgnoreCase(pub, "-//W3O//DTD W3 HTML Strict 3.0//EN//") ||
        EqualsIgnoreCase(pub, "-/W3C/DTD HTML 4.0 Transitional/EN") || EqualsIgnoreCase(pub, "HTML")) {
      return QuirksMode::kQuirks;
    }
    for (std::string_view p : kQuirksPublicPrefixes) {
      if (StartsWithIgnoreCase(pub, p)) return QuirksMode::kQuirks;
    }
  }
  if (t.has_system_id && EqualsIgnoreCase(sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd")) {
    return QuirksMode::kQuirks;
  }
  bool html401 = t.has_public_id && (StartsWithIgnoreCase(pub, "-//W3C//DTD HTML 4.01 Frameset//") ||
                                     StartsWithIgnoreCase(pub, "-//W3C//DTD HTML 4.01 Transitional//"));
  if (html401 && !t.has_system_id) return QuirksMode::kQuirks;
  if (t.has_public_id && (StartsWithIgnoreCase(pub, "-//W3C//DTD XHTML 1.0 Frameset//") ||
                          StartsWithIgnoreCase(pub, "-//W3C//DTD XHTML 1.0 Transitional//"))) {
    return QuirksMode::kLimitedQuirks;
  }
  if (html401) return QuirksMode::kLimitedQuirks;
  return QuirksMode::kNoQuirks;
}

// ---- Node records ----
//
// Elements and text nodes carry builder-only state after the public Node, so
// a Node* the builder created converts back to its record.

// A node not yet in the tree, in one designated initialisation: each field
// is stored once (inlined where a record is placed in the arena).
inline Node UnlinkedNode(NodeType type, Namespace ns, Tag tag, std::string_view name, std::string_view data,
                         uint32_t source_begin, uint32_t source_end) {
  return {.type = type,
          .ns = ns,
          .tag = tag,
          .attr_count = 0,
          .parent = nullptr,
          .first_child = nullptr,
          .last_child = nullptr,
          .prev_sibling = nullptr,
          .next_sibling = nullptr,
          .name = name,
          .data = data,
          .attrs = nullptr,
          .source_begin = source_begin,
          .source_end = source_end};
}

struct ElementRecord {
  Node node;
  bool on_stack = false;
};

struct TextRecord {
  Node node;
  // 0: node.data is a view into the input. Otherwise node.data starts an
  // arena buffer of this many bytes that appends can fill (amortised growth).
  size_t capacity = 0;
};

inline ElementRecord* Rec(Node* n) { return reinterpret_cast<ElementRecord*>(n); }
inline bool OnStack(Node* n) { return Rec(n)->on_stack; }

void AppendChild(Node* parent, Node* child) {
  child->parent = parent;
  child->prev_sibling = parent->last_child;
  child->next_sibling = nullptr;
  if (parent->last_child) {
    parent->last_child->next_sibling = child;
  } else {
    parent->first_child = child;
  }
  parent->last_child = child;
}

void InsertBefore(Node* parent, Node* child, Node* before) {
  if (!before) return AppendChild(parent, child);
  child->parent = parent;
  child->next_sibling = before;
  child->prev_sibling = before->prev_sibling;
  if (before->prev_sibling) {
    before->prev_sibling->next_sibling = child;
  } else {
    parent->first_child = child;
  }
  before->prev_sibling = child;
}

void Detach(Node* n) {
  Node* p = n->parent;
  if (!p) return;
  if (n->prev_sibling) {
    n->prev_sibling->next_sibling = n->next_sibling;
  } else {
    p->first_child = n->next_sibling;
  }
  if (n->next_sibling) {
    n->next_sibling->prev_sibling = n->prev_sibling;
  } else {
    p->last_child = n->prev_sibling;
  }
  n->parent = n->prev_sibling = n->next_sibling = nullptr;
}

void MoveChildren(Node* from, Node* to) {
  Node* first = from->first_child;
  if (!first) return;
  for (Node* c = first; c; c = c->next_sibling) c->parent = to;
  if (to->last_child) {
    to->last_child->next_sibling = first;
    first->prev_sibling = to->last_child;
  } else {
    to->first_child = first;
  }
  to->last_child = from->last_child;
  from->first_child = from->last_child = nullptr;
}

bool IsBoundary(const Node* n, Scope s) {
  if (n->ns == Namespace::kHtml) {
    Tag t = n->tag;
    if (s == Scope::kTable) return t == Tag::kHtml || t == Tag::kTable || t == Tag::kTemplate;
    if (HasBit(t, kScopeBoundary)) return true;
    if (s == Scope::kListItem) return t == Tag::kOl || t == Tag::kUl;
    if (s == Scope::kButton) return t == Tag::kButton;
    return false;
  }
  if (s == Scope::kTable) return false;
  if (n->ns == Namespace::kMathMl) {
    return n->tag == Tag::kMi || n->tag == Tag::kMo || n->tag == Tag::kMn || n->tag == Tag::kMs ||
           n->tag == Tag::kMtext || n->tag == Tag::kAnnotationXml;
  }
  return n->tag == Tag::kForeignobject || n->tag == Tag::kDesc || n->tag == Tag::kTitle;
}

// The spec's "special" category: HTML specials plus the foreign scope boundaries.
bool IsSpecial(const Node* n) {
  return n->ns == Namespace::kHtml ? HasBit(n->tag, kSpecial) : IsBoundary(n, Scope::kDefault);
}

bool IsHtmlIntegrationPoint(const Node* n) {
  if (n->ns == Namespace::kSvg) {
    return n->tag == Tag::kForeignobject || n->tag == Tag::kDesc || n->tag == Tag::kTitle;
  }
  if (n->ns != Namespace::kMathMl || n->tag != Tag::kAnnotationXml) return false;
  for (uint32_t i = 0; i < n->attr_count; ++i) {
    const Attribute& a = n->attrs[i];
    if (a.ns == AttrNamespace::kNone && a.name == "encoding" &&
        (EqualsIgnoreCase(a.value, "text/html") || EqualsIgnoreCase(a.value, "application/xhtml+xml"))) {
      return true;
    }
  }
  return false;
}

bool IsMathTextIntegrationPoint(const Node* n) {
  return n->ns == Namespace::kMathMl && (n->tag == Tag::kMi || n->tag == Tag::kMo || n->tag == Tag::kMn ||
                                         n->tag == Tag::kMs || n->tag == Tag::kMtext);
}

struct Location {
  Node* parent;
  Node* before;  // nullptr: append
};

class TreeBuilder {
 public:
  TreeBuilder(std::string_view input, const ParseOptions& options, Document* doc)
      : input_(input),
        options_(options),
        doc_(doc),
        arena_(doc->arena()),
        tokenizer_(input),
        stack_cap_(std::max(options.max_depth, kMinStackCap)) {}

  void Run();

 private:
  // ---- Setup and driver ----
  void SetupFragment();
  void Process();
  // The rounds of Process from first_round on, until the token is consumed.
  void Reprocess(int first_round);
  bool UseHtmlRules();
  bool Dispatch();

  // ---- Insertion modes; each returns true to reprocess the token ----
  bool Initial();
  bool BeforeHtml();
  bool BeforeHead();
  bool InHead();
  bool InHeadNoscript();
  bool AfterHead();
  bool InBody();
  // Kept out of line so that InBody, run for most tokens, stays a plain
  // dispatch without a stack frame.
  [[gnu::noinline]] bool InBodyStartTag();
  [[gnu::noinline]] bool InBodyEndTag();
  [[gnu::noinline]] bool InBodyCharacters();
  bool TextMode();
  bool InTable();
  bool InTableAnythingElse();
  bool InTableText();
  bool InCaption();
  bool InColumnGroup();
  bool InTableBody();
  bool InRow();
  bool InCell();
  bool InTemplate();
  bool AfterBody();
  bool InFrameset();
  bool AfterFrameset();
  bool AfterAfterBody();
  bool AfterAfterFrameset();
  bool InForeignContent(bool* force_html);
  void PopToHtmlContent();

  // ---- Token helpers ----
  bool IsStart(Tag t) const { return tok_.type == TokenType::kStartTag && tok_.tag == t; }
  bool IsEnd(Tag t) const { return tok_.type == TokenType::kEndTag && tok_.tag == t; }
  // Drops the first n bytes of the current character token.
  void ConsumeChars(size_t n);
  // The whitespace that opens a character token, inserted as text (the
  // "in head", "after head"... rule); true when nothing else is left.
  bool InsertLeadingWhitespace();
  // The same whitespace processed by the "in body" rules (the "after body"
  // and "after after body" rule); true when nothing else is left.
  bool LeadingWhitespaceInBody();
  bool HasAttr(std::string_view name, std::string_view* value) const;

  // ---- Node creation and insertion ----
  // `s` as it is when it lies in the input (which outlives the document),
  // else a copy in the arena.
  std::string_view Keep(std::string_view s) {
    if (s.empty()) return {};
    uintptr_t offset = reinterpret_cast<uintptr_t>(s.data()) - reinterpret_cast<uintptr_t>(input_.data());
    if (s.size() <= input_.size() && offset <= input_.size() - s.size()) return s;
    return arena_->Copy(s);
  }
  Node* NewElement(Namespace ns, Tag tag, std::string_view name) {
    ++elements_;
    auto* rec = new (arena_->Allocate(sizeof(ElementRecord), alignof(ElementRecord)))
        ElementRecord{.node = UnlinkedNode(NodeType::kElement, ns, tag, name, {}, tok_.begin, tok_.begin),
        .on_stack = false};
    return &rec->node;
  }
  Node* CreateElementForToken(Namespace ns);
  Node* CloneElement(const Node* original);
  // Whether `count` more clones fit the budget: one per start tag of the
  // input (plus a slack for short documents), shared by reconstruction and
  // the adoption agency, so that misnested formatting cannot multiply the
  // elements of a page (a page of "<a><b><i><p>x</a>" made three elements
  // per start tag when each had a budget of its own); never past the
  // element cap either.
  bool CloneBudgetAllows(size_t count) const {
    return clones_ + count <= start_tags_ + kCloneSlack && elements_ + count <= options_.max_elements;
  }
  // Past ParseOptions::max_elements: whether the token is dropped, or turned
  // into the newline that keeps the words of two blocks apart.
  bool DropPastElementCap();
  Location AppropriatePlace(Node* override_target = nullptr) {
    Node* target = override_target ? override_target : Current();
    // Targets are open elements: with no template open and no foster
    // parenting, the place is simply the end of the target.
    if (!foster_ && !OpenCount(Tag::kTemplate)) return {target, nullptr};
    return FosterOrTemplatePlace(target);
  }
  Location FosterOrTemplatePlace(Node* target);
  void InsertAt(const Location& loc, Node* n);
  Node* InsertElementForToken(Namespace ns);
  Node* InsertHtmlElement() { return InsertElementForToken(Namespace::kHtml); }
  Node* InsertImplied(Tag tag);
  void InsertForeignElement(Namespace ns);
  void InsertComment(Node* parent);
  void InsertCharacters(std::string_view s, bool in_source);
  void AppendText(Node* text, std::string_view s, bool in_source);
  void MergeAttributes(Node* element);
  void InsertGenericText(TokenizerState state);
  void MakeRoomForElement() {
    if (open_.size() >= stack_cap_) CloseDeepest();
  }
  void CloseDeepest();

  // ---- Stack of open elements ----
  Node* Current() const { return open_.back(); }
  Node* AdjustedCurrent() const { return (context_ && open_.size() == 1) ? context_ : open_.back(); }
  void CountOpen(Node* n, int delta) {
    Rec(n)->on_stack = delta > 0;
    if (n->ns == Namespace::kHtml) {
      tag_count_[static_cast<size_t>(n->tag)] += delta;
    } else {
      foreign_open_ += delta;
    }
  }
  // True when the adjusted current node is an HTML element, without
  // touching node memory in the common all-HTML case.
  bool InHtmlContent() const {
    if (foreign_open_ == 0 && !context_foreign_) return true;
    return open_.empty() || AdjustedCurrent()->ns == Namespace::kHtml;
  }
  void Push(Node* n) {
    open_.push_back(n);
    CountOpen(n, 1);
  }
  void Pop();
  void EraseFromStack(size_t i);
  void InsertIntoStack(size_t i, Node* n);
  int StackIndex(const Node* n) const;
  void RemoveFromStack(Node* n);
  bool OpenCount(Tag t) const { return tag_count_[static_cast<size_t>(t)] != 0; }
  bool HasInScope(Tag t, Scope s) const;
  bool HasNodeInScope(const Node* n) const;
  bool HasHeadingInScope() const;
  void PopUntil(Tag t);
  void PopUntilNode(const Node* n);
  void GenerateImpliedEndTags(Tag except = Tag::kCount);
  void GenerateAllImpliedEndTagsThoroughly();
  void ClosePElement();
  void ClosePIfInButtonScope();
  void ClearStackBackTo(std::initializer_list<Tag> tags);
  void ResetInsertionMode();
  void CloseCell();

  // ---- Active formatting elements ----
  void PushFormatting(Node* n);
  void PushMarker();
  void TrimFormatting();
  void ClearFormattingToMarker();
  int FormattingIndex(const Node* n) const;
  void RemoveFromFormatting(const Node* n);
  void Reconstruct();
  bool AdoptionAgency();  // true: act as "any other end tag"
  void AnyOtherEndTag();

  // ---- Table text ----
  void AppendTableText(std::string_view s, bool in_source);
  void FlushTableText();

  void LiftTooDeep();
  void FillSelectedContent();
  Node* ShallowCopy(const Node* n);

  std::string_view input_;
  const ParseOptions& options_;
  Document* doc_;
  Arena* arena_;
  Tokenizer tokenizer_;
  Token tok_;

  Node* root_ = nullptr;
  Node* context_ = nullptr;  // fragment parsing context element (not in the tree)
  Node* head_ = nullptr;
  Node* form_ = nullptr;
  Mode mode_ = Mode::kInitial;
  Mode original_mode_ = Mode::kInitial;
  std::vector<Mode> template_modes_;
  std::vector<Node*> open_;
  std::vector<Node*> formatting_;  // nullptr is a marker
  uint32_t tag_count_[kTagCount] = {};
  uint32_t foreign_open_ = 0;  // open SVG/MathML elements
  bool context_foreign_ = false;
  uint32_t stack_cap_;
  bool frameset_ok_ = true;
  bool foster_ = false;
  bool skip_lf_ = false;
  bool maybe_too_deep_ = false;
  bool has_selectedcontent_ = false;
  size_t start_tags_ = 0;
  size_t clones_ = 0;  // elements made by CloneElement
  size_t elements_ = 0;

  // Pending character tokens of "in table text".
  std::string table_text_buf_;
  std::string_view table_text_;
  bool table_text_nonws_ = false;
};

// ---------------------------------------------------------------------------
// Driver

void TreeBuilder::Run() {
  root_ = arena_->New<Node>();
  root_->type = NodeType::kDocument;
  doc_->set_root(root_);
  doc_->set_source(input_);
  if (options_.fragment) SetupFragment();
  for (;;) {
    tokenizer_.SetAllowCdata(!InHtmlContent());
    tokenizer_.Next(&tok_);
    if (tok_.type != TokenType::kCharacters) {  // text is never dropped
      if (tok_.type == TokenType::kStartTag) ++start_tags_;
      if (elements_ >= options_.max_elements && DropPastElementCap()) continue;
    }
    Process();
    if (tok_.type == TokenType::kEof) break;
  }
  if (options_.fragment) {
    Node* html = open_.empty() ? nullptr : open_.front();
    if (html) {
      MoveChildren(html, root_);
      Detach(html);
    }
    root_->type = NodeType::kFragment;
  }
  if (has_selectedcontent_) FillSelectedContent();
  if (maybe_too_deep_ || options_.max_depth < stack_cap_) LiftTooDeep();
}

bool TreeBuilder::DropPastElementCap() {
  bool line_break = false;
  switch (tok_.type) {
    case TokenType::kComment: return true;
    case TokenType::kStartTag:
      // These switch the tokenizer to raw text or RCDATA where HTML rules
      // read them (an integration point inside SVG or MathML too): were they
      // dropped, their content (a script) would be read as markup and text.
      if (HasBit(tok_.tag, kRawTextStart) && UseHtmlRules()) return false;
      line_break = HasBit(tok_.tag, kSpecial);
      break;
    case TokenType::kEndTag:
      // The only end tags that create an element ("</p>" with no open p).
      if (tok_.tag != Tag::kP && tok_.tag != Tag::kBr) return false;
      line_break = true;
      break;
    default: return false;
  }
  if (!line_break) return true;
  tok_.type = TokenType::kCharacters;
  tok_.data = "\n";
  tok_.in_source = false;
  tok_.nul = false;
  return false;
}

void TreeBuilder::SetupFragment() {
  Tag ctx_tag = options_.fragment_context;
  std::string_view ctx_name = options_.fragment_context_name;
  if (ctx_tag == Tag::kUnknown && !ctx_name.empty()) {
    std::string lower(ctx_name);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c += 32;
    }
    ctx_tag = LookupTag(lower);
  }
  if (ctx_name.empty()) ctx_name = TagName(ctx_tag);
  if (ctx_tag == Tag::kUnknown && ctx_name.empty()) {
    ctx_tag = Tag::kBody;
    ctx_name = "body";
  }
  context_ = NewElement(options_.fragment_context_ns, ctx_tag, arena_->Copy(ctx_name));
  context_foreign_ = context_->ns != Namespace::kHtml;
  if (context_->ns == Namespace::kHtml) {
    TokenizerState state = TokenizerState::kData;
    switch (ctx_tag) {
      case Tag::kTitle:
      case Tag::kTextarea: state = TokenizerState::kRcdata; break;
      case Tag::kStyle:
      case Tag::kXmp:
      case Tag::kIframe:
      case Tag::kNoembed:
      case Tag::kNoframes: state = TokenizerState::kRawtext; break;
      case Tag::kScript: state = TokenizerState::kScriptData; break;
      case Tag::kNoscript:
        if (options_.scripting) state = TokenizerState::kRawtext;
        break;
      case Tag::kPlaintext: state = TokenizerState::kPlaintext; break;
      default: break;
    }
    // No start tag has been emitted yet, so no end tag is "appropriate":
    // "</script>" inside a script context stays text.
    if (state != TokenizerState::kData) tokenizer_.SetState(state);
  }
  Node* html = NewElement(Namespace::kHtml, Tag::kHtml, "html");
  AppendChild(root_, html);
  Push(html);
  if (context_->Is(Tag::kTemplate)) template_modes_.push_back(Mode::kInTemplate);
  ResetInsertionMode();
}

void TreeBuilder::Process() {
  // The common case first, kept small: HTML content, no pending LF to skip,
  // the token handled in one round.
  if (!skip_lf_ && InHtmlContent()) {
    if (!(mode_ == Mode::kInBody ? InBody() : Dispatch())) return;
    if (tok_.type == TokenType::kCharacters && tok_.data.empty()) return;
    return Reprocess(1);
  }
  if (skip_lf_) {
    skip_lf_ = false;
    if (tok_.type == TokenType::kCharacters && !tok_.data.empty() && tok_.data[0] == '\n') {
      ConsumeChars(1);
      if (tok_.data.empty()) return;
    }
  }
  Reprocess(0);
}

void TreeBuilder::Reprocess(int first_round) {
  bool force_html = false;
  for (int round = first_round; round < kMaxReprocess; ++round) {
    bool again;
    if (!force_html && !UseHtmlRules()) {
      again = InForeignContent(&force_html);
    } else {
      force_html = false;
      again = Dispatch();
    }
    if (!again) return;
    if (tok_.type == TokenType::kCharacters && tok_.data.empty()) return;
  }
}

bool TreeBuilder::UseHtmlRules() {
  if (InHtmlContent() || tok_.type == TokenType::kEof) return true;
  const Node* n = AdjustedCurrent();
  bool start = tok_.type == TokenType::kStartTag;
  bool chars = tok_.type == TokenType::kCharacters;
  if (IsMathTextIntegrationPoint(n)) {
    if (chars || (start && tok_.tag != Tag::kMglyph && tok_.tag != Tag::kMalignmark)) return true;
  }
  if (start && tok_.tag == Tag::kSvg && n->ns == Namespace::kMathMl && n->tag == Tag::kAnnotationXml) return true;
  return (start || chars) && IsHtmlIntegrationPoint(n);
}

bool TreeBuilder::Dispatch() {
  switch (mode_) {
    case Mode::kInitial: return Initial();
    case Mode::kBeforeHtml: return BeforeHtml();
    case Mode::kBeforeHead: return BeforeHead();
    case Mode::kInHead: return InHead();
    case Mode::kInHeadNoscript: return InHeadNoscript();
    case Mode::kAfterHead: return AfterHead();
    case Mode::kInBody: return InBody();
    case Mode::kText: return TextMode();
    case Mode::kInTable: return InTable();
    case Mode::kInTableText: return InTableText();
    case Mode::kInCaption: return InCaption();
    case Mode::kInColumnGroup: return InColumnGroup();
    case Mode::kInTableBody: return InTableBody();
    case Mode::kInRow: return InRow();
    case Mode::kInCell: return InCell();
    case Mode::kInTemplate: return InTemplate();
    case Mode::kAfterBody: return AfterBody();
    case Mode::kInFrameset: return InFrameset();
    case Mode::kAfterFrameset: return AfterFrameset();
    case Mode::kAfterAfterBody: return AfterAfterBody();
    case Mode::kAfterAfterFrameset: return AfterAfterFrameset();
  }
  return false;
}

bool TreeBuilder::InsertLeadingWhitespace() {
  size_t ws = WsPrefix(tok_.data);
  if (ws) {
    InsertCharacters(tok_.data.substr(0, ws), tok_.in_source);
    ConsumeChars(ws);
  }
  return tok_.data.empty();
}

bool TreeBuilder::LeadingWhitespaceInBody() {
  size_t ws = WsPrefix(tok_.data);
  if (ws) {
    std::string_view rest = tok_.data;
    tok_.data = rest.substr(0, ws);
    InBody();
    tok_.data = rest;
    ConsumeChars(ws);
  }
  return tok_.data.empty();
}

void TreeBuilder::ConsumeChars(size_t n) {
  tok_.data.remove_prefix(n);
  if (tok_.in_source) {
    tok_.begin = static_cast<uint32_t>(tok_.data.data() - input_.data());
  }
}

bool TreeBuilder::HasAttr(std::string_view name, std::string_view* value) const {
  for (uint32_t i = 0; i < tok_.attr_count; ++i) {
    if (tok_.attrs[i].name == name) {
      *value = tok_.attrs[i].value;
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Node creation and insertion

Node* TreeBuilder::CreateElementForToken(Namespace ns) {
  Tag tag = tok_.tag;
  std::string_view name = tok_.name;
  if (ns == Namespace::kSvg) name = Adjust(kSvgTagNames, kSvgTagFilter, name);
  if (name.data() == tok_.name.data()) name = tag != Tag::kUnknown ? tag_table::Name(tag) : Keep(name);
  Node* n = NewElement(ns, tag, name);
  if (tag == Tag::kUnknown && ns == Namespace::kHtml && name == "selectedcontent") has_selectedcontent_ = true;
  n->source_end = tok_.end;
  uint32_t count = tok_.attr_count;
  if (count == 0) return n;
  auto* attrs = static_cast<Attribute*>(arena_->Allocate(sizeof(Attribute) * count, alignof(Attribute)));
  n->attrs = attrs;
  n->attr_count = count;
  const TokenAttribute* from = tok_.attrs;
  if (ns == Namespace::kHtml && tok_.attrs_in_source) {
    // Nearly every element: names as they are, views Keep would return unchanged.
    for (uint32_t i = 0; i < count; ++i) {
      std::string_view value = from[i].value;
      attrs[i].name = from[i].name;
      attrs[i].value = std::string_view(value.empty() ? nullptr : value.data(), value.size());
      attrs[i].ns = AttrNamespace::kNone;
    }
    return n;
  }
  for (uint32_t i = 0; i < count; ++i) {
    Attribute& a = attrs[i];
    a.ns = AttrNamespace::kNone;
    std::string_view an = from[i].name;
    if (ns != Namespace::kHtml) {
      if (ns == Namespace::kSvg) {
        an = Adjust(kSvgAttrNames, kSvgAttrFilter, an);
      } else if (an == "definitionurl") {
        an = "definitionURL";
      }
      if (an[0] == 'x') {  // every name of kForeignAttrs starts so
        for (const ForeignAttr& f : kForeignAttrs) {
          if (f.qualified == an) {
            a.ns = f.ns;
            an = f.local;
            break;
          }
        }
      }
    }
    a.name = (an.data() == from[i].name.data()) ? Keep(an) : an;
    a.value = Keep(from[i].value);
  }
  return n;
}

Node* TreeBuilder::CloneElement(const Node* original) {
  ++clones_;
  Node* n = NewElement(original->ns, original->tag, original->name);
  n->attrs = original->attrs;  // attribute arrays are never mutated in place
  n->attr_count = original->attr_count;
  return n;
}

Location TreeBuilder::FosterOrTemplatePlace(Node* target) {
  Location loc{target, nullptr};
  if (foster_ && target->ns == Namespace::kHtml &&
      (target->tag == Tag::kTable || target->tag == Tag::kTbody || target->tag == Tag::kTfoot ||
       target->tag == Tag::kThead || target->tag == Tag::kTr)) {
    int last_template = -1, last_table = -1;
    for (int i = static_cast<int>(open_.size()) - 1; i >= 0 && (last_template < 0 || last_table < 0); --i) {
      if (last_template < 0 && open_[i]->Is(Tag::kTemplate)) last_template = i;
      if (last_table < 0 && open_[i]->Is(Tag::kTable)) last_table = i;
    }
    if (last_template >= 0 && (last_table < 0 || last_template > last_table)) {
      loc = {open_[last_template], nullptr};
    } else if (last_table < 0) {
      loc = {open_.front(), nullptr};
    } else if (open_[last_table]->parent) {
      loc = {open_[last_table]->parent, open_[last_table]};
    } else {
      loc = {open_[last_table - 1], nullptr};
    }
  }
  if (loc.parent->Is(Tag::kTemplate)) loc = {loc.parent->first_child, nullptr};
  return loc;
}

void TreeBuilder::InsertAt(const Location& loc, Node* n) { InsertBefore(loc.parent, n, loc.before); }

// Keeps the stack of open elements (and so the tree built from it) within
// the depth cap: the deepest open element is closed so that the element
// about to be inserted becomes its sibling.
void TreeBuilder::CloseDeepest() {
  while (open_.size() >= stack_cap_) {
    Node* n = Current();
    Pop();
    if (n->ns != Namespace::kHtml) continue;
    if (HasBit(n->tag, kFormatting)) RemoveFromFormatting(n);
    switch (n->tag) {
      case Tag::kTd:
      case Tag::kTh:
      case Tag::kCaption:
      case Tag::kApplet:
      case Tag::kMarquee:
      case Tag::kObject:
      case Tag::kTemplate: ClearFormattingToMarker(); break;  // as closing it would
      default: break;
    }
    if (n->tag == Tag::kTemplate && !template_modes_.empty()) template_modes_.pop_back();
    switch (n->tag) {
      case Tag::kTd:
      case Tag::kTh:
      case Tag::kTr:
      case Tag::kTbody:
      case Tag::kThead:
      case Tag::kTfoot:
      case Tag::kCaption:
      case Tag::kColgroup:
      case Tag::kTable:
      case Tag::kTemplate:
      case Tag::kFrameset:
        if (mode_ != Mode::kText && mode_ != Mode::kInTableText) ResetInsertionMode();
        break;
      default: break;
    }
  }
}

Node* TreeBuilder::InsertElementForToken(Namespace ns) {
  MakeRoomForElement();
  Node* n = CreateElementForToken(ns);
  InsertAt(AppropriatePlace(), n);
  if (n->Is(Tag::kTemplate)) {
    Node* content = arena_->New<Node>();
    content->type = NodeType::kFragment;
    content->source_begin = content->source_end = tok_.end;
    AppendChild(n, content);
  }
  Push(n);
  return n;
}

Node* TreeBuilder::InsertImplied(Tag tag) {
  MakeRoomForElement();
  Node* n = NewElement(Namespace::kHtml, tag, tag_table::Name(tag));
  InsertAt(AppropriatePlace(), n);
  Push(n);
  return n;
}

void TreeBuilder::InsertForeignElement(Namespace ns) {
  InsertElementForToken(ns);
  if (tok_.self_closing) Pop();
}

void TreeBuilder::InsertComment(Node* parent) {
  Node* c = arena_->New<Node>();
  c->type = NodeType::kComment;
  c->data = Keep(tok_.data);
  c->source_begin = tok_.begin;
  c->source_end = tok_.end;
  if (parent) {
    AppendChild(parent, c);
  } else {
    InsertAt(AppropriatePlace(), c);
  }
}

void TreeBuilder::InsertCharacters(std::string_view s, bool in_source) {
  if (s.empty()) return;
  Location loc = AppropriatePlace();
  if (loc.parent->type == NodeType::kDocument) return;
  Node* prev = loc.before ? loc.before->prev_sibling : loc.parent->last_child;
  uint32_t begin = in_source ? static_cast<uint32_t>(s.data() - input_.data()) : tok_.begin;
  uint32_t end = in_source ? static_cast<uint32_t>(begin + s.size()) : tok_.end;
  if (prev && prev->type == NodeType::kText) {
    AppendText(prev, s, in_source);
    prev->source_end = std::max(prev->source_end, end);
    return;
  }
  if (!in_source) s = arena_->Copy(s);
  auto* rec = new (arena_->Allocate(sizeof(TextRecord), alignof(TextRecord)))
      TextRecord{.node = UnlinkedNode(NodeType::kText, Namespace::kHtml, Tag::kUnknown, {}, s, begin, end),
      .capacity = in_source ? 0 : s.size()};
  InsertAt(loc, &rec->node);
}

void TreeBuilder::AppendText(Node* text, std::string_view s, bool in_source) {
  TextRecord* rec = reinterpret_cast<TextRecord*>(text);
  std::string_view d = text->data;
  if (rec->capacity == 0 && in_source && d.data() + d.size() == s.data()) {
    text->data = {d.data(), d.size() + s.size()};
    return;
  }
  size_t need = d.size() + s.size();
  if (rec->capacity != 0 && rec->capacity >= need) {
    std::memcpy(const_cast<char*>(d.data()) + d.size(), s.data(), s.size());
    text->data = {d.data(), need};
    return;
  }
  size_t cap = std::max<size_t>(need * 2, 64);
  char* buf = static_cast<char*>(arena_->Allocate(cap, 1));
  std::memcpy(buf, d.data(), d.size());
  std::memcpy(buf + d.size(), s.data(), s.size());
  text->data = {buf, need};
  rec->capacity = cap;
}

void TreeBuilder::MergeAttributes(Node* element) {
  if (tok_.attr_count == 0) return;
  std::unordered_set<std::string_view> have;
  bool use_set = static_cast<uint64_t>(element->attr_count) * tok_.attr_count > 4096;
  if (use_set) {
    for (uint32_t i = 0; i < element->attr_count; ++i) have.insert(element->attrs[i].name);
  }
  auto present = [&](std::string_view name) {
    if (use_set) return have.count(name) != 0;
    for (uint32_t i = 0; i < element->attr_count; ++i) {
      if (element->attrs[i].name == name && element->attrs[i].ns == AttrNamespace::kNone) return true;
    }
    return false;
  };
  std::vector<uint32_t> add;
  for (uint32_t i = 0; i < tok_.attr_count; ++i) {
    if (!present(tok_.attrs[i].name)) add.push_back(i);
  }
  if (add.empty()) return;
  Attribute* attrs = arena_->New<Attribute>(element->attr_count + add.size());
  std::copy(element->attrs, element->attrs + element->attr_count, attrs);
  uint32_t n = element->attr_count;
  for (uint32_t i : add) {
    attrs[n].name = Keep(tok_.attrs[i].name);
    attrs[n].value = Keep(tok_.attrs[i].value);
    ++n;
  }
  element->attrs = attrs;
  element->attr_count = n;
}

void TreeBuilder::InsertGenericText(TokenizerState state) {
  InsertHtmlElement();
  tokenizer_.SetLastStartTag(tok_.name);
  tokenizer_.SetState(state);
  original_mode_ = mode_;
  mode_ = Mode::kText;
}

// ---------------------------------------------------------------------------
// Stack of open elements

void TreeBuilder::Pop() {
  Node* n = open_.back();
  open_.pop_back();
  CountOpen(n, -1);
}

void TreeBuilder::EraseFromStack(size_t i) {
  Node* n = open_[i];
  // Open elements above it stay its descendants, now deeper than their
  // stack position says: the depth cap needs the final pass.
  if (i + 1 < open_.size()) maybe_too_deep_ = true;
  open_.erase(open_.begin() + i);
  CountOpen(n, -1);
}

void TreeBuilder::InsertIntoStack(size_t i, Node* n) {
  open_.insert(open_.begin() + i, n);
  CountOpen(n, 1);
}

int TreeBuilder::StackIndex(const Node* n) const {
  for (int i = static_cast<int>(open_.size()) - 1; i >= 0; --i) {
    if (open_[i] == n) return i;
  }
  return -1;
}

void TreeBuilder::RemoveFromStack(Node* n) {
  int i = StackIndex(n);
  if (i >= 0) EraseFromStack(i);
}

bool TreeBuilder::HasInScope(Tag t, Scope s) const {
  if (!OpenCount(t)) return false;
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* n = open_[i];
    if (n->ns == Namespace::kHtml && n->tag == t) return true;
    if (IsBoundary(n, s)) return false;
  }
  return false;
}

bool TreeBuilder::HasNodeInScope(const Node* target) const {
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* n = open_[i];
    if (n == target) return true;
    if (IsBoundary(n, Scope::kDefault)) return false;
  }
  return false;
}

bool TreeBuilder::HasHeadingInScope() const {
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* n = open_[i];
    if (HtmlHas(n, kHeading)) return true;
    if (IsBoundary(n, Scope::kDefault)) return false;
  }
  return false;
}

void TreeBuilder::PopUntil(Tag t) {
  if (!OpenCount(t)) return;
  while (!open_.empty()) {
    bool done = Current()->Is(t);
    Pop();
    if (done) return;
  }
}

void TreeBuilder::PopUntilNode(const Node* n) {
  if (!OnStack(const_cast<Node*>(n))) return;
  while (!open_.empty()) {
    bool done = Current() == n;
    Pop();
    if (done) return;
  }
}

void TreeBuilder::GenerateImpliedEndTags(Tag except) {
  while (!open_.empty()) {
    Node* n = Current();
    if (!HtmlHas(n, kImpliedEnd) || n->tag == except) return;
    Pop();
  }
}

void TreeBuilder::GenerateAllImpliedEndTagsThoroughly() {
  while (!open_.empty() && HtmlHas(Current(), kImpliedEndThorough)) Pop();
}

void TreeBuilder::ClosePElement() {
  GenerateImpliedEndTags(Tag::kP);
  PopUntil(Tag::kP);
}

void TreeBuilder::ClosePIfInButtonScope() {
  if (HasInScope(Tag::kP, Scope::kButton)) ClosePElement();
}

void TreeBuilder::ClearStackBackTo(std::initializer_list<Tag> tags) {
  while (open_.size() > 1) {
    Node* n = Current();
    if (n->ns == Namespace::kHtml && std::find(tags.begin(), tags.end(), n->tag) != tags.end()) return;
    if (n->Is(Tag::kHtml)) return;
    Pop();
  }
}

void TreeBuilder::ResetInsertionMode() {
  for (size_t i = open_.size(); i-- > 0;) {
    bool last = i == 0;
    Node* node = open_[i];
    if (last && context_) node = context_;
    if (node->ns != Namespace::kHtml) {
      if (last) break;
      continue;
    }
    switch (node->tag) {
      case Tag::kTd:
      case Tag::kTh:
        if (!last) {
          mode_ = Mode::kInCell;
          return;
        }
        break;
      case Tag::kTr: mode_ = Mode::kInRow; return;
      case Tag::kTbody:
      case Tag::kThead:
      case Tag::kTfoot: mode_ = Mode::kInTableBody; return;
      case Tag::kCaption: mode_ = Mode::kInCaption; return;
      case Tag::kColgroup: mode_ = Mode::kInColumnGroup; return;
      case Tag::kTable: mode_ = Mode::kInTable; return;
      case Tag::kTemplate: mode_ = template_modes_.empty() ? Mode::kInBody : template_modes_.back(); return;
      case Tag::kHead:
        if (!last) {
          mode_ = Mode::kInHead;
          return;
        }
        break;
      case Tag::kBody: mode_ = Mode::kInBody; return;
      case Tag::kFrameset: mode_ = Mode::kInFrameset; return;
      case Tag::kHtml: mode_ = head_ ? Mode::kAfterHead : Mode::kBeforeHead; return;
      default: break;
    }
    if (last) break;
  }
  mode_ = Mode::kInBody;
}

void TreeBuilder::CloseCell() {
  GenerateImpliedEndTags();
  while (!open_.empty()) {
    bool done = Current()->Is(Tag::kTd) || Current()->Is(Tag::kTh);
    Pop();
    if (done) break;
  }
  ClearFormattingToMarker();
  mode_ = Mode::kInRow;
}

// ---------------------------------------------------------------------------
// Active formatting elements

bool SameAttributes(const Node* a, const Node* b) {
  if (a->attr_count != b->attr_count) return false;
  if (a->attrs == b->attrs) return true;  // clones share their original's array
  uint32_t n = a->attr_count;
  bool in_order = true;
  for (uint32_t i = 0; i < n && in_order; ++i) {
    in_order = a->attrs[i].value == b->attrs[i].value && a->attrs[i].name == b->attrs[i].name &&
               a->attrs[i].ns == b->attrs[i].ns;
  }
  if (in_order) return true;
  if (n < 2) return false;   // one attribute: the in-order pass was the whole comparison
  if (n > 32) return false;  // bounded cost: huge attribute lists compare in order only
  for (uint32_t i = 0; i < n; ++i) {
    bool found = false;
    for (uint32_t j = 0; j < n && !found; ++j) {
      found = a->attrs[i].name == b->attrs[j].name && a->attrs[i].ns == b->attrs[j].ns &&
              a->attrs[i].value == b->attrs[j].value;
    }
    if (!found) return false;
  }
  return true;
}

// Noah's Ark equality, cheapest fields first: a push compares the new
// element with up to kMaxFormattingEntries others. A known tag implies its name.
bool SameFormattingElement(const Node* a, const Node* b) {
  if (a->tag != b->tag || a->ns != b->ns || a->attr_count != b->attr_count) return false;
  if (a->tag == Tag::kUnknown && a->name != b->name) return false;
  return SameAttributes(a, b);
}

void TreeBuilder::PushFormatting(Node* n) {
  // Noah's Ark: at most three equal elements after the last marker.
  int equal = 0, earliest = -1;
  size_t since_marker = 0;
  size_t first_after_marker = formatting_.size();
  for (size_t i = formatting_.size(); i-- > 0;) {
    Node* e = formatting_[i];
    if (!e) break;
    first_after_marker = i;
    ++since_marker;
    if (SameFormattingElement(e, n)) {
      ++equal;
      earliest = static_cast<int>(i);
    }
  }
  if (equal >= 3) {
    formatting_.erase(formatting_.begin() + earliest);
    --since_marker;
  } else if (since_marker >= kMaxFormattingEntries) {
    formatting_.erase(formatting_.begin() + first_after_marker);
  }
  formatting_.push_back(n);
  TrimFormatting();
}

void TreeBuilder::PushMarker() {
  formatting_.push_back(nullptr);
  TrimFormatting();
}

// Markers of elements closed without clearing them can pile up in broken
// markup; forgetting the oldest entries keeps every scan of the list short.
void TreeBuilder::TrimFormatting() {
  if (formatting_.size() > kMaxFormattingList) {
    formatting_.erase(formatting_.begin(), formatting_.begin() + kMaxFormattingList / 4);
  }
}

void TreeBuilder::ClearFormattingToMarker() {
  while (!formatting_.empty()) {
    Node* e = formatting_.back();
    formatting_.pop_back();
    if (!e) return;
  }
}

int TreeBuilder::FormattingIndex(const Node* n) const {
  for (int i = static_cast<int>(formatting_.size()) - 1; i >= 0; --i) {
    if (formatting_[i] == n) return i;
  }
  return -1;
}

void TreeBuilder::RemoveFromFormatting(const Node* n) {
  int i = FormattingIndex(n);
  if (i >= 0) formatting_.erase(formatting_.begin() + i);
}

void TreeBuilder::Reconstruct() {
  if (formatting_.empty()) return;
  Node* last = formatting_.back();
  if (!last || OnStack(last)) return;
  size_t i = formatting_.size() - 1;
  while (i > 0) {
    Node* e = formatting_[i - 1];
    if (!e || OnStack(e)) break;
    --i;
  }
  size_t count = formatting_.size() - i;
  if (!CloneBudgetAllows(count)) {
    // Over budget (pathological markup): forget these entries instead of
    // recreating them, so the work stays linear in the input.
    formatting_.resize(i);
    return;
  }
  for (; i < formatting_.size(); ++i) {
    // Making room only closes open elements, whose entries all sit before i.
    size_t before = formatting_.size();
    MakeRoomForElement();
    i -= before - formatting_.size();
    Node* clone = CloneElement(formatting_[i]);
    InsertAt(AppropriatePlace(), clone);
    Push(clone);
    formatting_[i] = clone;
  }
}

bool TreeBuilder::AdoptionAgency() {
  Tag subject = tok_.tag;
  Node* cur = Current();
  if (cur->Is(subject) && FormattingIndex(cur) < 0) {
    Pop();
    return false;
  }
  for (int outer = 0; outer < 8; ++outer) {
    int fe_pos = -1;
    for (int i = static_cast<int>(formatting_.size()) - 1; i >= 0; --i) {
      Node* e = formatting_[i];
      if (!e) break;
      if (e->Is(subject)) {
        fe_pos = i;
        break;
      }
    }
    if (fe_pos < 0) return true;
    Node* fe = formatting_[fe_pos];
    if (!OnStack(fe)) {
      formatting_.erase(formatting_.begin() + fe_pos);
      return false;
    }
    if (!HasNodeInScope(fe)) return false;
    int fe_idx = StackIndex(fe);
    int fb_idx = -1;
    for (size_t i = fe_idx + 1; i < open_.size(); ++i) {
      if (IsSpecial(open_[i])) {
        fb_idx = static_cast<int>(i);
        break;
      }
    }
    if (fb_idx < 0) {
      PopUntilNode(fe);
      RemoveFromFormatting(fe);
      return false;
    }
    if (!CloneBudgetAllows(kMaxAdoptionClones)) {
      // Over budget: close the formatting element as if no block followed it.
      PopUntilNode(fe);
      RemoveFromFormatting(fe);
      return false;
    }
    maybe_too_deep_ = true;
    Node* fb = open_[fb_idx];
    Node* common = open_[fe_idx - 1];
    Node* bookmark_after = nullptr;  // nullptr: the formatting element's own slot
    Node* last = fb;
    int node_idx = fb_idx;
    for (int inner = 1;; ++inner) {
      --node_idx;
      Node* node = open_[node_idx];
      if (node == fe) break;
      int node_pos = FormattingIndex(node);
      if (inner > 3 && node_pos >= 0) {
        formatting_.erase(formatting_.begin() + node_pos);
        node_pos = -1;
      }
      if (node_pos < 0) {
        EraseFromStack(node_idx);
        continue;
      }
      Node* clone = CloneElement(node);
      formatting_[node_pos] = clone;
      CountOpen(node, -1);
      open_[node_idx] = clone;
      CountOpen(clone, 1);
      if (last == fb) bookmark_after = clone;
      Detach(last);
      AppendChild(clone, last);
      last = clone;
    }
    Detach(last);
    InsertAt(AppropriatePlace(common), last);
    Node* fresh = CloneElement(fe);
    MoveChildren(fb, fresh);
    AppendChild(fb, fresh);
    if (bookmark_after) {
      RemoveFromFormatting(fe);
      int at = FormattingIndex(bookmark_after);
      formatting_.insert(formatting_.begin() + at + 1, fresh);
    } else {
      formatting_[FormattingIndex(fe)] = fresh;
    }
    RemoveFromStack(fe);
    InsertIntoStack(StackIndex(fb) + 1, fresh);
  }
  return false;
}

void TreeBuilder::AnyOtherEndTag() {
  for (size_t i = open_.size(); i-- > 0;) {
    Node* n = open_[i];
    bool match = n->ns == Namespace::kHtml &&
                 (tok_.tag != Tag::kUnknown ? n->tag == tok_.tag : (n->tag == Tag::kUnknown && n->name == tok_.name));
    if (match) {
      GenerateImpliedEndTags(n->tag == Tag::kUnknown ? Tag::kCount : n->tag);
      PopUntilNode(n);
      return;
    }
    if (IsSpecial(n)) return;
  }
}

// ---------------------------------------------------------------------------
// Table text

void TreeBuilder::AppendTableText(std::string_view s, bool in_source) {
  if (s.empty()) return;
  if (!table_text_nonws_ && !AllWs(s)) table_text_nonws_ = true;
  bool view_in_buf = !table_text_buf_.empty() && table_text_.data() == table_text_buf_.data();
  if (table_text_.empty()) {
    if (in_source) {
      table_text_ = s;
    } else {
      table_text_buf_.assign(s);
      table_text_ = table_text_buf_;
    }
    return;
  }
  if (!view_in_buf && in_source && table_text_.data() + table_text_.size() == s.data()) {
    table_text_ = {table_text_.data(), table_text_.size() + s.size()};
    return;
  }
  if (!view_in_buf) table_text_buf_.assign(table_text_);
  table_text_buf_.append(s);
  table_text_ = table_text_buf_;
}

void TreeBuilder::FlushTableText() {
  std::string_view text = table_text_;
  bool in_source = text.empty() || text.data() != table_text_buf_.data();
  if (!text.empty()) {
    if (table_text_nonws_) {
      foster_ = true;
      Reconstruct();
      InsertCharacters(text, in_source);
      foster_ = false;
      frameset_ok_ = false;
    } else {
      InsertCharacters(text, in_source);
    }
  }
  table_text_ = {};
  table_text_buf_.clear();
  table_text_nonws_ = false;
}

// ---------------------------------------------------------------------------
// Insertion modes

bool TreeBuilder::Initial() {
  switch (tok_.type) {
    case TokenType::kCharacters:
      ConsumeChars(WsPrefix(tok_.data));
      if (tok_.data.empty()) return false;
      break;
    case TokenType::kComment: InsertComment(root_); return false;
    case TokenType::kDoctype: {
      auto* doctype = arena_->New<Doctype>();
      doctype->system_id = Keep(tok_.system_id);
      Node* d = &doctype->node;
      d->type = NodeType::kDoctype;
      d->name = Keep(tok_.name);
      d->data = Keep(tok_.public_id);
      d->source_begin = tok_.begin;
      d->source_end = tok_.end;
      AppendChild(root_, d);
      doc_->set_quirks_mode(DoctypeQuirks(tok_));
      mode_ = Mode::kBeforeHtml;
      return false;
    }
    default: break;
  }
  doc_->set_quirks_mode(QuirksMode::kQuirks);
  mode_ = Mode::kBeforeHtml;
  return true;
}

bool TreeBuilder::BeforeHtml() {
  switch (tok_.type) {
    case TokenType::kDoctype: return false;
    case TokenType::kComment: InsertComment(root_); return false;
    case TokenType::kCharacters:
      ConsumeChars(WsPrefix(tok_.data));
      if (tok_.data.empty()) return false;
      break;
    case TokenType::kStartTag:
      if (tok_.tag == Tag::kHtml) {
        Node* html = CreateElementForToken(Namespace::kHtml);
        AppendChild(root_, html);
        Push(html);
        mode_ = Mode::kBeforeHead;
        return false;
      }
      break;
    case TokenType::kEndTag:
      if (tok_.tag != Tag::kHead && tok_.tag != Tag::kBody && tok_.tag != Tag::kHtml && tok_.tag != Tag::kBr) {
        return false;
      }
      break;
    default: break;
  }
  Node* html = NewElement(Namespace::kHtml, Tag::kHtml, "html");
  AppendChild(root_, html);
  Push(html);
  mode_ = Mode::kBeforeHead;
  return true;
}

bool TreeBuilder::BeforeHead() {
  switch (tok_.type) {
    case TokenType::kCharacters:
      ConsumeChars(WsPrefix(tok_.data));
      if (tok_.data.empty()) return false;
      break;
    case TokenType::kComment: InsertComment(nullptr); return false;
    case TokenType::kDoctype: return false;
    case TokenType::kStartTag:
      if (tok_.tag == Tag::kHtml) return InBody();
      if (tok_.tag == Tag::kHead) {
        head_ = InsertHtmlElement();
        mode_ = Mode::kInHead;
        return false;
      }
      break;
    case TokenType::kEndTag:
      if (tok_.tag != Tag::kHead && tok_.tag != Tag::kBody && tok_.tag != Tag::kHtml && tok_.tag != Tag::kBr) {
        return false;
      }
      break;
    default: break;
  }
  head_ = InsertImplied(Tag::kHead);
  mode_ = Mode::kInHead;
  return true;
}

bool TreeBuilder::InHead() {
  switch (tok_.type) {
    case TokenType::kCharacters: {
      if (InsertLeadingWhitespace()) return false;
      break;
    }
    case TokenType::kComment: InsertComment(nullptr); return false;
    case TokenType::kDoctype: return false;
    case TokenType::kStartTag:
      switch (tok_.tag) {
        case Tag::kHtml: return InBody();
        case Tag::kBase:
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta:
          InsertHtmlElement();
          Pop();
          return false;
        case Tag::kTitle: InsertGenericText(TokenizerState::kRcdata); return false;
        case Tag::kNoscript:
          if (options_.scripting) {
            InsertGenericText(TokenizerState::kRawtext);
          } else {
            InsertHtmlElement();
            mode_ = Mode::kInHeadNoscript;
          }
          return false;
        case Tag::kNoframes:
        case Tag::kStyle: InsertGenericText(TokenizerState::kRawtext); return false;
        case Tag::kScript: InsertGenericText(TokenizerState::kScriptData); return false;
        case Tag::kTemplate:
          InsertHtmlElement();
          PushMarker();
          frameset_ok_ = false;
          mode_ = Mode::kInTemplate;
          template_modes_.push_back(Mode::kInTemplate);
          return false;
        case Tag::kHead: return false;
        default: break;
      }
      break;
    case TokenType::kEndTag:
      switch (tok_.tag) {
        case Tag::kHead:
          Pop();
          mode_ = Mode::kAfterHead;
          return false;
        case Tag::kBody:
        case Tag::kHtml:
        case Tag::kBr: break;
        case Tag::kTemplate:
          if (!OpenCount(Tag::kTemplate)) return false;
          GenerateAllImpliedEndTagsThoroughly();
          PopUntil(Tag::kTemplate);
          ClearFormattingToMarker();
          if (!template_modes_.empty()) template_modes_.pop_back();
          ResetInsertionMode();
          return false;
        default: return false;
      }
      break;
    default: break;
  }
  Pop();
  mode_ = Mode::kAfterHead;
  return true;
}

bool TreeBuilder::InHeadNoscript() {
  switch (tok_.type) {
    case TokenType::kDoctype: return false;
    case TokenType::kCharacters: {
      if (InsertLeadingWhitespace()) return false;
      break;
    }
    case TokenType::kComment: return InHead();
    case TokenType::kStartTag:
      switch (tok_.tag) {
        case Tag::kHtml: return InBody();
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta:
        case Tag::kNoframes:
        case Tag::kStyle: return InHead();
        case Tag::kHead:
        case Tag::kNoscript: return false;
        default: break;
      }
      break;
    case TokenType::kEndTag:
      if (tok_.tag == Tag::kNoscript) {
        Pop();
        mode_ = Mode::kInHead;
        return false;
      }
      if (tok_.tag != Tag::kBr) return false;
      break;
    default: break;
  }
  Pop();
  mode_ = Mode::kInHead;
  return true;
}

bool TreeBuilder::AfterHead() {
  switch (tok_.type) {
    case TokenType::kCharacters: {
      if (InsertLeadingWhitespace()) return false;
      break;
    }
    case TokenType::kComment: InsertComment(nullptr); return false;
    case TokenType::kDoctype: return false;
    case TokenType::kStartTag:
      switch (tok_.tag) {
        case Tag::kHtml: return InBody();
        case Tag::kBody:
          InsertHtmlElement();
          frameset_ok_ = false;
          mode_ = Mode::kInBody;
          return false;
        case Tag::kFrameset:
          InsertHtmlElement();
          mode_ = Mode::kInFrameset;
          return false;
        case Tag::kBase:
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta:
        case Tag::kNoframes:
        case Tag::kScript:
        case Tag::kStyle:
        case Tag::kTemplate:
        case Tag::kTitle: {
          if (!head_) return false;
          Push(head_);
          bool again = InHead();
          // Only a template left open inside head can gain element children.
          bool flagged = maybe_too_deep_;
          RemoveFromStack(head_);
          if (!Current()->Is(Tag::kTemplate)) maybe_too_deep_ = flagged;
          return again;
        }
        case Tag::kHead: return false;
        default: break;
      }
      break;
    case TokenType::kEndTag:
      if (tok_.tag == Tag::kTemplate) return InHead();
      if (tok_.tag != Tag::kBody && tok_.tag != Tag::kHtml && tok_.tag != Tag::kBr) return false;
      break;
    default: break;
  }
  InsertImplied(Tag::kBody);
  mode_ = Mode::kInBody;
  return true;
}

bool TreeBuilder::InBodyCharacters() {
  std::string_view data = tok_.data;
  if (!tok_.nul) {  // nearly always: one segment, no search for NUL
    if (data.empty()) return false;
    Reconstruct();
    InsertCharacters(data, tok_.in_source);
    if (frameset_ok_ && !AllWs(data)) frameset_ok_ = false;
    return false;
  }
  bool any = false;
  while (!data.empty()) {
    const void* nul = std::memchr(data.data(), '\0', data.size());
    size_t len = nul ? static_cast<const char*>(nul) - data.data() : data.size();
    if (len) {
      std::string_view seg = data.substr(0, len);
      if (!any) {
        Reconstruct();
        any = true;
      }
      InsertCharacters(seg, tok_.in_source);
      if (frameset_ok_ && !AllWs(seg)) frameset_ok_ = false;
    }
    data.remove_prefix(nul ? len + 1 : len);
  }
  return false;
}

bool TreeBuilder::InBody() {
  switch (tok_.type) {
    case TokenType::kCharacters: return InBodyCharacters();
    case TokenType::kComment: InsertComment(nullptr); return false;
    case TokenType::kDoctype: return false;
    case TokenType::kStartTag: return InBodyStartTag();
    case TokenType::kEndTag: return InBodyEndTag();
    case TokenType::kEof:
      if (!template_modes_.empty()) return InTemplate();
      return false;
  }
  return false;
}

bool TreeBuilder::InBodyStartTag() {
  Tag t = tok_.tag;
  switch (t) {
    case Tag::kHtml:
      if (!OpenCount(Tag::kTemplate)) MergeAttributes(open_.front());
      return false;
    case Tag::kBase:
    case Tag::kBasefont:
    case Tag::kBgsound:
    case Tag::kLink:
    case Tag::kMeta:
    case Tag::kNoframes:
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kTemplate:
    case Tag::kTitle: return InHead();
    case Tag::kBody:
      if (open_.size() < 2 || !open_[1]->Is(Tag::kBody) || OpenCount(Tag::kTemplate)) return false;
      frameset_ok_ = false;
      MergeAttributes(open_[1]);
      return false;
    case Tag::kFrameset:
      if (open_.size() < 2 || !open_[1]->Is(Tag::kBody) || !frameset_ok_) return false;
      Detach(open_[1]);
      while (open_.size() > 1) Pop();
      InsertHtmlElement();
      mode_ = Mode::kInFrameset;
      return false;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
      ClosePIfInButtonScope();
      if (HtmlHas(Current(), kHeading)) Pop();
      InsertHtmlElement();
      return false;
    case Tag::kPre:
    case Tag::kListing:
      ClosePIfInButtonScope();
      InsertHtmlElement();
      skip_lf_ = true;
      frameset_ok_ = false;
      return false;
    case Tag::kForm: {
      bool in_template = OpenCount(Tag::kTemplate);
      if (form_ && !in_template) return false;
      ClosePIfInButtonScope();
      Node* f = InsertHtmlElement();
      if (!in_template) form_ = f;
      return false;
    }
    case Tag::kLi:
    case Tag::kDd:
    case Tag::kDt:
      frameset_ok_ = false;
      for (size_t i = open_.size(); i-- > 0;) {
        Node* n = open_[i];
        bool match = t == Tag::kLi ? n->Is(Tag::kLi) : (n->Is(Tag::kDd) || n->Is(Tag::kDt));
        if (match) {
          GenerateImpliedEndTags(n->tag);
          PopUntil(n->tag);
          break;
        }
        if (IsSpecial(n) && !n->Is(Tag::kAddress) && !n->Is(Tag::kDiv) && !n->Is(Tag::kP)) break;
      }
      ClosePIfInButtonScope();
      InsertHtmlElement();
      return false;
    case Tag::kPlaintext:
      ClosePIfInButtonScope();
      InsertHtmlElement();
      tokenizer_.SetState(TokenizerState::kPlaintext);
      return false;
    case Tag::kButton:
      if (HasInScope(Tag::kButton, Scope::kDefault)) {
        GenerateImpliedEndTags();
        PopUntil(Tag::kButton);
      }
      Reconstruct();
      InsertHtmlElement();
      frameset_ok_ = false;
      return false;
    case Tag::kA: {
      for (size_t i = formatting_.size(); i-- > 0;) {
        Node* e = formatting_[i];
        if (!e) break;
        if (e->Is(Tag::kA)) {
          AdoptionAgency();
          RemoveFromFormatting(e);
          RemoveFromStack(e);
          break;
        }
      }
      Reconstruct();
      PushFormatting(InsertHtmlElement());
      return false;
    }
    case Tag::kB:
    case Tag::kBig:
    case Tag::kCode:
    case Tag::kEm:
    case Tag::kFont:
    case Tag::kI:
    case Tag::kS:
    case Tag::kSmall:
    case Tag::kStrike:
    case Tag::kStrong:
    case Tag::kTt:
    case Tag::kU:
      Reconstruct();
      PushFormatting(InsertHtmlElement());
      return false;
    case Tag::kNobr:
      Reconstruct();
      if (HasInScope(Tag::kNobr, Scope::kDefault)) {
        if (AdoptionAgency()) AnyOtherEndTag();
        Reconstruct();
      }
      PushFormatting(InsertHtmlElement());
      return false;
    case Tag::kApplet:
    case Tag::kMarquee:
    case Tag::kObject:
      Reconstruct();
      InsertHtmlElement();
      PushMarker();
      frameset_ok_ = false;
      return false;
    case Tag::kTable:
      if (doc_->quirks_mode() != QuirksMode::kQuirks) ClosePIfInButtonScope();
      InsertHtmlElement();
      frameset_ok_ = false;
      mode_ = Mode::kInTable;
      return false;
    case Tag::kArea:
    case Tag::kBr:
    case Tag::kEmbed:
    case Tag::kImg:
    case Tag::kKeygen:
    case Tag::kWbr:
      Reconstruct();
      InsertHtmlElement();
      Pop();
      frameset_ok_ = false;
      return false;
    case Tag::kInput: {
      if (context_ && context_->Is(Tag::kSelect)) return false;
      if (HasInScope(Tag::kSelect, Scope::kDefault)) PopUntil(Tag::kSelect);
      Reconstruct();
      InsertHtmlElement();
      Pop();
      std::string_view type;
      if (!HasAttr("type", &type) || !EqualsIgnoreCase(type, "hidden")) frameset_ok_ = false;
      return false;
    }
    case Tag::kParam:
    case Tag::kSource:
    case Tag::kTrack:
      InsertHtmlElement();
      Pop();
      return false;
    case Tag::kHr:
      ClosePIfInButtonScope();
      if (HasInScope(Tag::kSelect, Scope::kDefault)) GenerateImpliedEndTags();
      InsertHtmlElement();
      Pop();
      frameset_ok_ = false;
      return false;
    case Tag::kImage:
      tok_.tag = Tag::kImg;
      tok_.name = "img";
      return true;
    case Tag::kTextarea:
      InsertHtmlElement();
      tokenizer_.SetLastStartTag(tok_.name);
      tokenizer_.SetState(TokenizerState::kRcdata);
      skip_lf_ = true;
      original_mode_ = mode_;
      frameset_ok_ = false;
      mode_ = Mode::kText;
      return false;
    case Tag::kXmp:
      ClosePIfInButtonScope();
      Reconstruct();
      frameset_ok_ = false;
      InsertGenericText(TokenizerState::kRawtext);
      return false;
    case Tag::kIframe:
      frameset_ok_ = false;
      InsertGenericText(TokenizerState::kRawtext);
      return false;
    case Tag::kNoembed: InsertGenericText(TokenizerState::kRawtext); return false;
    case Tag::kNoscript:
      if (options_.scripting) {
        InsertGenericText(TokenizerState::kRawtext);
        return false;
      }
      break;
    case Tag::kSelect:
      if (context_ && context_->Is(Tag::kSelect)) return false;
      if (HasInScope(Tag::kSelect, Scope::kDefault)) {
        PopUntil(Tag::kSelect);
        return false;
      }
      Reconstruct();
      InsertHtmlElement();
      frameset_ok_ = false;
      return false;
    case Tag::kOption:
      if (HasInScope(Tag::kSelect, Scope::kDefault)) {
        GenerateImpliedEndTags(Tag::kOptgroup);
      } else if (Current()->Is(Tag::kOption)) {
        Pop();
      }
      Reconstruct();
      InsertHtmlElement();
      return false;
    case Tag::kOptgroup:
      if (HasInScope(Tag::kSelect, Scope::kDefault)) {
        GenerateImpliedEndTags();
      } else if (Current()->Is(Tag::kOption)) {
        Pop();
      }
      Reconstruct();
      InsertHtmlElement();
      return false;
    case Tag::kRb:
    case Tag::kRtc:
      if (HasInScope(Tag::kRuby, Scope::kDefault)) GenerateImpliedEndTags();
      InsertHtmlElement();
      return false;
    case Tag::kRp:
    case Tag::kRt:
      if (HasInScope(Tag::kRuby, Scope::kDefault)) GenerateImpliedEndTags(Tag::kRtc);
      InsertHtmlElement();
      return false;
    case Tag::kMath:
    case Tag::kSvg:
      Reconstruct();
      InsertForeignElement(t == Tag::kMath ? Namespace::kMathMl : Namespace::kSvg);
      return false;
    case Tag::kCaption:
    case Tag::kCol:
    case Tag::kColgroup:
    case Tag::kFrame:
    case Tag::kHead:
    case Tag::kTbody:
    case Tag::kTd:
    case Tag::kTfoot:
    case Tag::kTh:
    case Tag::kThead:
    case Tag::kTr: return false;
    default:
      if (HasBit(t, kClosesP)) {
        ClosePIfInButtonScope();
        InsertHtmlElement();
        return false;
      }
      break;
  }
  Reconstruct();
  InsertHtmlElement();
  return false;
}

bool TreeBuilder::InBodyEndTag() {
  Tag t = tok_.tag;
  switch (t) {
    case Tag::kTemplate: return InHead();
    case Tag::kBody:
      if (!HasInScope(Tag::kBody, Scope::kDefault)) return false;
      mode_ = Mode::kAfterBody;
      return false;
    case Tag::kHtml:
      if (!HasInScope(Tag::kBody, Scope::kDefault)) return false;
      mode_ = Mode::kAfterBody;
      return true;
    case Tag::kForm:
      if (!OpenCount(Tag::kTemplate)) {
        Node* node = form_;
        form_ = nullptr;
        if (!node || !HasNodeInScope(node)) return false;
        GenerateImpliedEndTags();
        RemoveFromStack(node);
      } else {
        if (!HasInScope(Tag::kForm, Scope::kDefault)) return false;
        GenerateImpliedEndTags();
        PopUntil(Tag::kForm);
      }
      return false;
    case Tag::kP:
      if (!HasInScope(Tag::kP, Scope::kButton)) InsertImplied(Tag::kP);
      ClosePElement();
      return false;
    case Tag::kLi:
      if (!HasInScope(Tag::kLi, Scope::kListItem)) return false;
      GenerateImpliedEndTags(Tag::kLi);
      PopUntil(Tag::kLi);
      return false;
    case Tag::kDd:
    case Tag::kDt:
      if (!HasInScope(t, Scope::kDefault)) return false;
      GenerateImpliedEndTags(t);
      PopUntil(t);
      return false;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
      if (!HasHeadingInScope()) return false;
      GenerateImpliedEndTags();
      while (!open_.empty()) {
        bool done = HtmlHas(Current(), kHeading);
        Pop();
        if (done) break;
      }
      return false;
    case Tag::kA:
    case Tag::kB:
    case Tag::kBig:
    case Tag::kCode:
    case Tag::kEm:
    case Tag::kFont:
    case Tag::kI:
    case Tag::kNobr:
    case Tag::kS:
    case Tag::kSmall:
    case Tag::kStrike:
    case Tag::kStrong:
    case Tag::kTt:
    case Tag::kU:
      if (AdoptionAgency()) AnyOtherEndTag();
      return false;
    case Tag::kApplet:
    case Tag::kMarquee:
    case Tag::kObject:
      if (!HasInScope(t, Scope::kDefault)) return false;
      GenerateImpliedEndTags();
      PopUntil(t);
      ClearFormattingToMarker();
      return false;
    case Tag::kBr:
      tok_.type = TokenType::kStartTag;
      tok_.attr_count = 0;
      tok_.self_closing = false;
      Reconstruct();
      InsertHtmlElement();
      Pop();
      frameset_ok_ = false;
      return false;
    default:
      if (HasBit(t, kBlockEnd)) {
        if (!HasInScope(t, Scope::kDefault)) return false;
        GenerateImpliedEndTags();
        PopUntil(t);
        return false;
      }
      break;
  }
  AnyOtherEndTag();
  return false;
}

bool TreeBuilder::TextMode() {
  switch (tok_.type) {
    case TokenType::kCharacters: InsertCharacters(tok_.data, tok_.in_source); return false;
    case TokenType::kEof:
      Pop();
      mode_ = original_mode_;
      return true;
    case TokenType::kEndTag:
      Pop();
      mode_ = original_mode_;
      return false;
    default: return false;
  }
}

bool TreeBuilder::InTableAnythingElse() {
  foster_ = true;
  bool again = InBody();
  foster_ = false;
  return again;
}

bool TreeBuilder::InTable() {
  switch (tok_.type) {
    case TokenType::kCharacters: {
      Node* c = Current();
      if (c->Is(Tag::kTable) || c->Is(Tag::kTbody) || c->Is(Tag::kTemplate) || c->Is(Tag::kTfoot) ||
          c->Is(Tag::kThead) || c->Is(Tag::kTr)) {
        table_text_ = {};
        table_text_buf_.clear();
        table_text_nonws_ = false;
        original_mode_ = mode_;
        mode_ = Mode::kInTableText;
        return true;
      }
      return InTableAnythingElse();
    }
    case TokenType::kComment: InsertComment(nullptr); return false;
    case TokenType::kDoctype: return false;
    case TokenType::kStartTag:
      switch (tok_.tag) {
        case Tag::kCaption:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          PushMarker();
          InsertHtmlElement();
          mode_ = Mode::kInCaption;
          return false;
        case Tag::kColgroup:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          InsertHtmlElement();
          mode_ = Mode::kInColumnGroup;
          return false;
        case Tag::kCol:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          InsertImplied(Tag::kColgroup);
          mode_ = Mode::kInColumnGroup;
          return true;
        case Tag::kTbody:
        case Tag::kTfoot:
        case Tag::kThead:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          InsertHtmlElement();
          mode_ = Mode::kInTableBody;
          return false;
        case Tag::kTd:
        case Tag::kTh:
        case Tag::kTr:
          ClearStackBackTo({Tag::kTable, Tag::kTemplate, Tag::kHtml});
          InsertImplied(Tag::kTbody);
          mode_ = Mode::kInTableBody;
          return true;
        case Tag::kTable:
          if (!HasInScope(Tag::kTable, Scope::kTable)) return false;
          PopUntil(Tag::kTable);
          ResetInsertionMode();
          return true;
        case Tag::kStyle:
        case Tag::kScript:
        case Tag::kTemplate: return InHead();
        case Tag::kInput: {
          std::string_view type;
          if (!HasAttr("type", &type) || !EqualsIgnoreCase(type, "hidden")) return InTableAnythingElse();
          InsertHtmlElement();
          Pop();
          return false;
        }
        case Tag::kForm:
          if (OpenCount(Tag::kTemplate) || form_) return false;
          form_ = InsertHtmlElement();
          Pop();
          return false;
        default: return InTableAnythingElse();
      }
    case TokenType::kEndTag:
      switch (tok_.tag) {
        case Tag::kTable:
          if (!HasInScope(Tag::kTable, Scope::kTable)) return false;
          PopUntil(Tag::kTable);
          ResetInsertionMode();
          return false;
        case Tag::kBody:
        case Tag::kCaption:
        case Tag::kCol:
        case Tag::kColgroup:
        case Tag::kHtml:
        case Tag::kTbody:
        case Tag::kTd:
        case Tag::kTfoot:
        case Tag::kTh:
        case Tag::kThead:
        case Tag::kTr: return false;
        case Tag::kTemplate: return InHead();
        default: return InTableAnythingElse();
      }
    case TokenType::kEof: return InBody();
  }
  return false;
}

bool TreeBuilder::InTableText() {
  if (tok_.type == TokenType::kCharacters) {
    std::string_view data = tok_.data;
    while (!data.empty()) {
      const void* nul = std::memchr(data.data(), '\0', data.size());
      size_t len = nul ? static_cast<const char*>(nul) - data.data() : data.size();
      AppendTableText(data.substr(0, len), tok_.in_source);
      data.remove_prefix(nul ? len + 1 : len);
    }
    return false;
  }
  FlushTableText();
  mode_ = original_mode_;
  return true;
}

bool TreeBuilder::InCaption() {
  bool close = false, reprocess = false;
  if (tok_.type == TokenType::kStartTag) {
    switch (tok_.tag) {
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTd:
      case Tag::kTfoot:
      case Tag::kTh:
      case Tag::kThead:
      case Tag::kTr: close = reprocess = true; break;
      default: break;
    }
  } else if (tok_.type == TokenType::kEndTag) {
    switch (tok_.tag) {
      case Tag::kCaption: close = true; break;
      case Tag::kTable: close = reprocess = true; break;
      case Tag::kBody:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml:
      case Tag::kTbody:
      case Tag::kTd:
      case Tag::kTfoot:
      case Tag::kTh:
      case Tag::kThead:
      case Tag::kTr: return false;
      default: break;
    }
  }
  if (!close) return InBody();
  if (!HasInScope(Tag::kCaption, Scope::kTable)) return false;
  GenerateImpliedEndTags();
  PopUntil(Tag::kCaption);
  ClearFormattingToMarker();
  mode_ = Mode::kInTable;
  return reprocess;
}

bool TreeBuilder::InColumnGroup() {
  switch (tok_.type) {
    case TokenType::kCharacters: {
      if (InsertLeadingWhitespace()) return false;
      break;
    }
    case TokenType::kComment: InsertComment(nullptr); return false;
    case TokenType::kDoctype: return false;
    case TokenType::kStartTag:
      if (tok_.tag == Tag::kHtml) return InBody();
      if (tok_.tag == Tag::kCol) {
        InsertHtmlElement();
        Pop();
        return false;
      }
      if (tok_.tag == Tag::kTemplate) return InHead();
      break;
    case TokenType::kEndTag:
      if (tok_.tag == Tag::kColgroup) {
        if (!Current()->Is(Tag::kColgroup)) return false;
        Pop();
        mode_ = Mode::kInTable;
        return false;
      }
      if (tok_.tag == Tag::kCol) return false;
      if (tok_.tag == Tag::kTemplate) return InHead();
      break;
    case TokenType::kEof: return InBody();
  }
  if (!Current()->Is(Tag::kColgroup)) {
    if (tok_.type == TokenType::kCharacters) {
      // Each character is its own token: keep the whitespace, drop the rest.
      std::string ws;
      for (char c : tok_.data) {
        if (IsWs(c)) ws.push_back(c);
      }
      InsertCharacters(ws, false);
    }
    return false;
  }
  Pop();
  mode_ = Mode::kInTable;
  return true;
}

bool TreeBuilder::InTableBody() {
  if (tok_.type == TokenType::kStartTag) {
    switch (tok_.tag) {
      case Tag::kTr:
        ClearStackBackTo({Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTemplate, Tag::kHtml});
        InsertHtmlElement();
        mode_ = Mode::kInRow;
        return false;
      case Tag::kTh:
      case Tag::kTd:
        ClearStackBackTo({Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTemplate, Tag::kHtml});
        InsertImplied(Tag::kTr);
        mode_ = Mode::kInRow;
        return true;
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
        if (!HasInScope(Tag::kTbody, Scope::kTable) && !HasInScope(Tag::kThead, Scope::kTable) &&
            !HasInScope(Tag::kTfoot, Scope::kTable)) {
          return false;
        }
        ClearStackBackTo({Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTemplate, Tag::kHtml});
        Pop();
        mode_ = Mode::kInTable;
        return true;
      default: break;
    }
  } else if (tok_.type == TokenType::kEndTag) {
    switch (tok_.tag) {
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
        if (!HasInScope(tok_.tag, Scope::kTable)) return false;
        ClearStackBackTo({Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTemplate, Tag::kHtml});
        Pop();
        mode_ = Mode::kInTable;
        return false;
      case Tag::kTable:
        if (!HasInScope(Tag::kTbody, Scope::kTable) && !HasInScope(Tag::kThead, Scope::kTable) &&
            !HasInScope(Tag::kTfoot, Scope::kTable)) {
          return false;
        }
        ClearStackBackTo({Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTemplate, Tag::kHtml});
        Pop();
        mode_ = Mode::kInTable;
        return true;
      case Tag::kBody:
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml:
      case Tag::kTd:
      case Tag::kTh:
      case Tag::kTr: return false;
      default: break;
    }
  }
  return InTable();
}

bool TreeBuilder::InRow() {
  auto close_row = [this]() {
    ClearStackBackTo({Tag::kTr, Tag::kTemplate, Tag::kHtml});
    Pop();
    mode_ = Mode::kInTableBody;
  };
  if (tok_.type == TokenType::kStartTag) {
    switch (tok_.tag) {
      case Tag::kTh:
      case Tag::kTd:
        ClearStackBackTo({Tag::kTr, Tag::kTemplate, Tag::kHtml});
        InsertHtmlElement();
        mode_ = Mode::kInCell;
        PushMarker();
        return false;
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
      case Tag::kTr:
        if (!HasInScope(Tag::kTr, Scope::kTable)) return false;
        close_row();
        return true;
      default: break;
    }
  } else if (tok_.type == TokenType::kEndTag) {
    switch (tok_.tag) {
      case Tag::kTr:
        if (!HasInScope(Tag::kTr, Scope::kTable)) return false;
        close_row();
        return false;
      case Tag::kTable:
        if (!HasInScope(Tag::kTr, Scope::kTable)) return false;
        close_row();
        return true;
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
        if (!HasInScope(tok_.tag, Scope::kTable) || !HasInScope(Tag::kTr, Scope::kTable)) return false;
        close_row();
        return true;
      case Tag::kBody:
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml:
      case Tag::kTd:
      case Tag::kTh: return false;
      default: break;
    }
  }
  return InTable();
}

bool TreeBuilder::InCell() {
  if (tok_.type == TokenType::kEndTag) {
    switch (tok_.tag) {
      case Tag::kTd:
      case Tag::kTh:
        if (!HasInScope(tok_.tag, Scope::kTable)) return false;
        GenerateImpliedEndTags();
        PopUntil(tok_.tag);
        ClearFormattingToMarker();
        mode_ = Mode::kInRow;
        return false;
      case Tag::kBody:
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml: return false;
      case Tag::kTable:
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
      case Tag::kTr:
        if (!HasInScope(tok_.tag, Scope::kTable)) return false;
        CloseCell();
        return true;
      default: break;
    }
  } else if (tok_.type == TokenType::kStartTag) {
    switch (tok_.tag) {
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTd:
      case Tag::kTfoot:
      case Tag::kTh:
      case Tag::kThead:
      case Tag::kTr:
        if (!HasInScope(Tag::kTd, Scope::kTable) && !HasInScope(Tag::kTh, Scope::kTable)) return false;
        CloseCell();
        return true;
      default: break;
    }
  }
  return InBody();
}

bool TreeBuilder::InTemplate() {
  auto switch_to = [this](Mode m) {
    if (!template_modes_.empty()) template_modes_.pop_back();
    template_modes_.push_back(m);
    mode_ = m;
    return true;
  };
  switch (tok_.type) {
    case TokenType::kCharacters:
    case TokenType::kComment:
    case TokenType::kDoctype: return InBody();
    case TokenType::kStartTag:
      switch (tok_.tag) {
        case Tag::kBase:
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta:
        case Tag::kNoframes:
        case Tag::kScript:
        case Tag::kStyle:
        case Tag::kTemplate:
        case Tag::kTitle: return InHead();
        case Tag::kCaption:
        case Tag::kColgroup:
        case Tag::kTbody:
        case Tag::kTfoot:
        case Tag::kThead: return switch_to(Mode::kInTable);
        case Tag::kCol: return switch_to(Mode::kInColumnGroup);
        case Tag::kTr: return switch_to(Mode::kInTableBody);
        case Tag::kTd:
        case Tag::kTh: return switch_to(Mode::kInRow);
        default: return switch_to(Mode::kInBody);
      }
    case TokenType::kEndTag:
      if (tok_.tag == Tag::kTemplate) return InHead();
      return false;
    case TokenType::kEof:
      if (!OpenCount(Tag::kTemplate)) return false;
      PopUntil(Tag::kTemplate);
      ClearFormattingToMarker();
      if (!template_modes_.empty()) template_modes_.pop_back();
      ResetInsertionMode();
      return true;
  }
  return false;
}

bool TreeBuilder::AfterBody() {
  switch (tok_.type) {
    case TokenType::kCharacters: {
      if (LeadingWhitespaceInBody()) return false;
      break;
    }
    case TokenType::kComment: InsertComment(open_.front()); return false;
    case TokenType::kDoctype: return false;
    case TokenType::kStartTag:
      if (tok_.tag == Tag::kHtml) return InBody();
      break;
    case TokenType::kEndTag:
      if (tok_.tag == Tag::kHtml) {
        if (!context_) mode_ = Mode::kAfterAfterBody;
        return false;
      }
      break;
    case TokenType::kEof: return false;
  }
  mode_ = Mode::kInBody;
  return true;
}

bool TreeBuilder::InFrameset() {
  switch (tok_.type) {
    case TokenType::kCharacters: {
      std::string ws;
      for (char c : tok_.data) {
        if (IsWs(c)) ws.push_back(c);
      }
      if (ws.size() == tok_.data.size()) {
        InsertCharacters(tok_.data, tok_.in_source);
      } else {
        InsertCharacters(ws, false);
      }
      return false;
    }
    case TokenType::kComment: InsertComment(nullptr); return false;
    case TokenType::kStartTag:
      switch (tok_.tag) {
        case Tag::kHtml: return InBody();
        case Tag::kFrameset: InsertHtmlElement(); return false;
        case Tag::kFrame:
          InsertHtmlElement();
          Pop();
          return false;
        case Tag::kNoframes: return InHead();
        default: return false;
      }
    case TokenType::kEndTag:
      if (tok_.tag == Tag::kFrameset) {
        if (open_.size() == 1) return false;
        Pop();
        if (!context_ && !Current()->Is(Tag::kFrameset)) mode_ = Mode::kAfterFrameset;
      }
      return false;
    default: return false;
  }
}

bool TreeBuilder::AfterFrameset() {
  switch (tok_.type) {
    case TokenType::kCharacters: {
      std::string ws;
      for (char c : tok_.data) {
        if (IsWs(c)) ws.push_back(c);
      }
      InsertCharacters(ws, false);
      return false;
    }
    case TokenType::kComment: InsertComment(nullptr); return false;
    case TokenType::kStartTag:
      if (tok_.tag == Tag::kHtml) return InBody();
      if (tok_.tag == Tag::kNoframes) return InHead();
      return false;
    case TokenType::kEndTag:
      if (tok_.tag == Tag::kHtml) mode_ = Mode::kAfterAfterFrameset;
      return false;
    default: return false;
  }
}

bool TreeBuilder::AfterAfterBody() {
  switch (tok_.type) {
    case TokenType::kComment: InsertComment(root_); return false;
    case TokenType::kDoctype: return InBody();
    case TokenType::kCharacters: {
      if (LeadingWhitespaceInBody()) return false;
      break;
    }
    case TokenType::kStartTag:
      if (tok_.tag == Tag::kHtml) return InBody();
      break;
    case TokenType::kEof: return false;
    default: break;
  }
  mode_ = Mode::kInBody;
  return true;
}

bool TreeBuilder::AfterAfterFrameset() {
  switch (tok_.type) {
    case TokenType::kComment: InsertComment(root_); return false;
    case TokenType::kDoctype: return InBody();
    case TokenType::kCharacters: {
      std::string ws;
      for (char c : tok_.data) {
        if (IsWs(c)) ws.push_back(c);
      }
      std::string_view rest = tok_.data;
      tok_.data = ws;
      bool in_source = tok_.in_source;
      tok_.in_source = false;
      InBody();
      tok_.data = rest;
      tok_.in_source = in_source;
      return false;
    }
    case TokenType::kStartTag:
      if (tok_.tag == Tag::kHtml) return InBody();
      if (tok_.tag == Tag::kNoframes) return InHead();
      return false;
    default: return false;
  }
}

void TreeBuilder::PopToHtmlContent() {
  while (open_.size() > 1) {
    Node* n = Current();
    if (n->ns == Namespace::kHtml || IsMathTextIntegrationPoint(n) || IsHtmlIntegrationPoint(n)) return;
    Pop();
  }
}

bool TreeBuilder::InForeignContent(bool* force_html) {
  switch (tok_.type) {
    case TokenType::kCharacters: {
      std::string_view data = tok_.data;
      while (!data.empty()) {
        const void* nul = std::memchr(data.data(), '\0', data.size());
        size_t len = nul ? static_cast<const char*>(nul) - data.data() : data.size();
        if (len) {
          std::string_view seg = data.substr(0, len);
          InsertCharacters(seg, tok_.in_source);
          if (frameset_ok_ && !AllWs(seg)) frameset_ok_ = false;
        }
        if (nul) InsertCharacters("\xEF\xBF\xBD", false);
        data.remove_prefix(nul ? len + 1 : len);
      }
      return false;
    }
    case TokenType::kComment: InsertComment(nullptr); return false;
    case TokenType::kDoctype: return false;
    case TokenType::kStartTag: {
      bool breakout = HasBit(tok_.tag, kBreakout) && tok_.tag != Tag::kUnknown;
      if (tok_.tag == Tag::kFont) {
        std::string_view v;
        breakout = HasAttr("color", &v) || HasAttr("face", &v) || HasAttr("size", &v);
      }
      if (breakout) {
        PopToHtmlContent();
        *force_html = true;
        return true;
      }
      InsertForeignElement(AdjustedCurrent()->ns);
      return false;
    }
    case TokenType::kEndTag: {
      if (tok_.tag == Tag::kBr || tok_.tag == Tag::kP) {
        PopToHtmlContent();
        *force_html = true;
        return true;
      }
      for (size_t i = open_.size(); i-- > 0;) {
        Node* n = open_[i];
        if (i == 0) return false;
        if (EqualsIgnoreCase(n->name, tok_.name)) {
          PopUntilNode(n);
          return false;
        }
        if (open_[i - 1]->ns == Namespace::kHtml) {
          *force_html = true;
          return true;
        }
      }
      return false;
    }
    case TokenType::kEof: return false;
  }
  return false;
}

Node* TreeBuilder::ShallowCopy(const Node* n) {
  Node* c;
  if (n->type == NodeType::kElement) {
    c = &arena_->New<ElementRecord>()->node;
  } else if (n->type == NodeType::kText) {
    c = &arena_->New<TextRecord>()->node;
  } else {
    c = arena_->New<Node>();
  }
  *c = *n;
  c->parent = c->first_child = c->last_child = c->prev_sibling = c->next_sibling = nullptr;
  return c;
}

// Customizable <select>: its <selectedcontent> shows a copy of the selected
// option's content (the last option marked selected, else the first). The
// parser does this as it pops the option; doing it once at the end gives the
// same tree because a popped option gets no further content.
void TreeBuilder::FillSelectedContent() {
  // Pairs first, copies after: the walk must not see the copies.
  std::vector<std::pair<Node*, const Node*>> pairs;  // selectedcontent, option
  for (const Node* n = root_; n; n = NextInTree(n, root_)) {
    if (!n->Is(Tag::kSelect)) continue;
    Node* target = nullptr;
    const Node* first = nullptr;
    const Node* selected = nullptr;
    for (const Node* d = n->first_child; d;) {
      if (d->Is(Tag::kSelect)) {  // a nested select owns its own subtree: each node is scanned once
        d = NextInTree(d, n, /*skip_children=*/true);
        continue;
      }
      if (!target && d->ns == Namespace::kHtml && d->tag == Tag::kUnknown && d->name == "selectedcontent") {
        target = const_cast<Node*>(d);
      }
      if (d->Is(Tag::kOption)) {
        if (!first) first = d;
        if (d->Attr("selected")) selected = d;
      }
      d = NextInTree(d, n);
    }
    const Node* option = selected ? selected : first;
    if (!target || !option) continue;
    bool inside_option = false;  // copying an option into itself would never end
    for (const Node* a = target; a && a != n && !inside_option; a = a->parent) inside_option = a == option;
    if (!inside_option) pairs.emplace_back(target, option);
  }
  // Options nested in options can make the copies quadratic: cap the total.
  size_t budget = kMaxSelectedContentNodes;
  for (auto [target, option] : pairs) {
    while (target->first_child) Detach(target->first_child);
    Node* dst_parent = target;
    const Node* src = option->first_child;
    while (src && budget > 0) {
      --budget;
      Node* copy = ShallowCopy(src);
      AppendChild(dst_parent, copy);
      if (src->first_child) {
        dst_parent = copy;
        src = src->first_child;
        continue;
      }
      while (src != option && !src->next_sibling) {
        src = src->parent;
        dst_parent = dst_parent->parent;
      }
      if (src == option) break;
      src = src->next_sibling;
    }
    maybe_too_deep_ = true;
  }
}

// Moves every element deeper than the cap (possible only after the adoption
// agency reparented a subtree) up to the deepest allowed level, together
// with its following siblings, which keeps document order.
void TreeBuilder::LiftTooDeep() {
  uint32_t cap = std::max<uint32_t>(options_.max_depth, 1);
  Node* n = root_->first_child;
  uint32_t depth = 0;  // element depth of n's parent
  auto level = [](const Node* x) { return x->type == NodeType::kElement ? 1u : 0u; };
  while (n) {
    if (n->type == NodeType::kElement && depth + 1 > cap) {
      // n's nearest element ancestor sits at the cap: lift n and its
      // following siblings to just after that ancestor.
      Node* anchor = n->parent;
      while (anchor->type != NodeType::kElement) anchor = anchor->parent;
      Node* grand = anchor->parent;
      for (Node* s = n; s;) {
        Node* next = s->next_sibling;
        Detach(s);
        InsertBefore(grand, s, anchor->next_sibling);
        anchor = s;
        s = next;
      }
      depth -= 1;
      continue;  // revisit n at its new level
    }
    if (n->first_child) {
      depth += level(n);
      n = n->first_child;
      continue;
    }
    while (n && !n->next_sibling) {
      n = n->parent;
      if (!n || n == root_) {
        n = nullptr;
        break;
      }
      depth -= level(n);
    }
    if (n) n = n->next_sibling;
  }
}

}  // namespace

void BuildTree(std::string_view input, const ParseOptions& options, Document* doc) {
  TreeBuilder builder(input, options, doc);
  builder.Run();
}

uint32_t MaxElementDepth(const Node* root) {
  uint32_t depth = 0, best = 0;
  const Node* n = root->first_child;
  while (n) {
    uint32_t here = depth + (n->type == NodeType::kElement ? 1 : 0);
    best = std::max(best, here);
    if (n->first_child) {
      depth = here;
      n = n->first_child;
      continue;
    }
    while (n && !n->next_sibling) {
      n = n->parent;
      if (!n || n == root) return best;
      depth -= n->type == NodeType::kElement ? 1 : 0;
    }
    n = n->next_sibling;
  }
  return best;
}

}  // namespace warta::html
