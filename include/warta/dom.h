// The document tree: what the HTML parser builds and every later stage reads.
//
// A Document owns an Arena holding all of its nodes, attributes and decoded
// strings. Node pointers and every string_view reachable from a Node stay
// valid as long as the Document lives AND the input buffer it was parsed from
// lives: text that needed no decoding (no character references, no CR, no
// NUL) is a view straight into the input, so the caller keeps the input alive
// for the Document's lifetime.
//
// The tree is read-only to its users. Walk it with the links on Node, or with
// the iterative helpers below (no recursion: depth is input-controlled).
//
// Thread safety: a finished Document may be read from many threads at once.
#ifndef WARTA_DOM_H_
#define WARTA_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "warta/arena.h"

namespace warta {

enum class NodeType : uint8_t {
  kDocument,
  kDoctype,
  kElement,
  kText,
  kComment,
  kFragment,  // a <template>'s content: the template element's only child of this type
};

enum class Namespace : uint8_t { kHtml, kSvg, kMathMl };

enum class Tag : uint16_t {
  kUnknown = 0,  // any other name: read Node::name
#define WARTA_TAG_ENUM(id, name) id,
#include "warta/tag_list.inc"
  WARTA_TAG_LIST(WARTA_TAG_ENUM)
#undef WARTA_TAG_ENUM
  kCount,
};

// Tag for an ASCII-lowercase name; kUnknown when warta has no id for it.
Tag LookupTag(std::string_view lowercase_name);
// The canonical lowercase name of a known tag; "" for kUnknown.
std::string_view TagName(Tag tag);

// Attribute namespaces of adjusted foreign attributes (xlink:href, xml:lang,
// xmlns:xlink); kNone for everything else.
enum class AttrNamespace : uint8_t { kNone, kXlink, kXml, kXmlns };

struct Attribute {
  std::string_view name;   // local name, lowercase (SVG/MathML adjusted case)
  std::string_view value;  // character references decoded
  AttrNamespace ns = AttrNamespace::kNone;
};

struct Node {
  NodeType type = NodeType::kElement;
  Namespace ns = Namespace::kHtml;
  Tag tag = Tag::kUnknown;
  uint32_t attr_count = 0;

  Node* parent = nullptr;
  Node* first_child = nullptr;
  Node* last_child = nullptr;
  Node* prev_sibling = nullptr;
  Node* next_sibling = nullptr;

  // Element: local name (lowercase; SVG camelCase where the spec adjusts it).
  // Doctype: the doctype name.
  std::string_view name;
  // Text and comment: their data. Doctype: the public identifier (the
  // system identifier is in its Doctype).
  std::string_view data;
  Attribute* attrs = nullptr;

  // Byte range in the input this node came from: the start tag for elements
  // (end is the end of the start tag), the run of characters for text. Nodes
  // the parser implied (an html/head/body nobody wrote) have begin == end.
  uint32_t source_begin = 0;
  uint32_t source_end = 0;

  bool is_element() const { return type == NodeType::kElement; }
  bool is_text() const { return type == NodeType::kText; }
  // True for an HTML element with this tag.
  bool Is(Tag t) const { return type == NodeType::kElement && tag == t && ns == Namespace::kHtml; }
  // The value of the attribute with this (lowercase) name, or nullptr.
  const std::string_view* Attr(std::string_view attr_name) const;
};

// A doctype node is always the `node` of a Doctype, which holds the one
// string no other node has: Node stays small (a page has thousands of
// nodes and one doctype).
struct Doctype {
  Node node;
  std::string_view system_id;
};
inline std::string_view DoctypeSystemId(const Node& doctype) {
  return reinterpret_cast<const Doctype&>(doctype).system_id;
}

enum class QuirksMode : uint8_t { kNoQuirks, kQuirks, kLimitedQuirks };

class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // The #document node (or the #document-fragment root of a fragment parse).
  const Node* root() const { return root_; }
  // The <html>, <head>, <body> elements, or nullptr (a frameset page has no body).
  const Node* html() const;
  const Node* head() const;
  const Node* body() const;
  QuirksMode quirks_mode() const { return quirks_mode_; }
  // The UTF-8 input the document was parsed from.
  std::string_view source() const { return source_; }
  // Memory the document holds (arena blocks), for memory caps and benchmarks.
  size_t bytes_reserved() const { return arena_.bytes_reserved(); }

  // Used by the parser; not for users.
  Arena* arena() { return &arena_; }
  Node* mutable_root() { return root_; }
  void set_root(Node* root) { root_ = root; }
  void set_source(std::string_view s) { source_ = s; }
  void set_quirks_mode(QuirksMode m) { quirks_mode_ = m; }

 private:
  Arena arena_;
  Node* root_ = nullptr;
  std::string_view source_;
  QuirksMode quirks_mode_ = QuirksMode::kNoQuirks;
};

// Pre-order traversal without recursion: the node after `n` in document
// order inside the subtree of `scope`, or nullptr when the walk is done.
// Passing skip_children skips n's subtree.
const Node* NextInTree(const Node* n, const Node* scope, bool skip_children = false);

// The concatenated text of a subtree (text nodes only, in order; script,
// style and template content included — filtering is the caller's job).
std::string TextContent(const Node* n);

// HTML serialisation of a subtree per the WHATWG fragment serialisation
// algorithm (void elements, raw-text elements, attribute escaping). The node
// itself is included (outerHTML); a document or fragment root gives its
// children. Template contents are serialised inside their <template>.
std::string SerializeHtml(const Node* n);

// The html5lib tree-construction test format ("| <html>\n|   <head>..."),
// used by `warta parse` and the conformance runner.
std::string DumpTree(const Node* root);

}  // namespace warta

#endif  // WARTA_DOM_H_
