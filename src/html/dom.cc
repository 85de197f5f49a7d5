#include "warta/dom.h"

#include <algorithm>
#include <vector>

namespace warta {
namespace {

const Node* FirstChildIs(const Node* parent, Tag tag) {
  if (!parent) return nullptr;
  for (const Node* c = parent->first_child; c; c = c->next_sibling) {
    if (c->Is(tag)) return c;
  }
  return nullptr;
}

bool IsVoid(const Node* n) {
  if (n->type != NodeType::kElement || n->ns != Namespace::kHtml) return false;
  switch (n->tag) {
    case Tag::kArea:
    case Tag::kBase:
    case Tag::kBasefont:
    case Tag::kBgsound:
    case Tag::kBr:
    case Tag::kCol:
    case Tag::kEmbed:
    case Tag::kFrame:
    case Tag::kHr:
    case Tag::kImg:
    case Tag::kInput:
    case Tag::kKeygen:
    case Tag::kLink:
    case Tag::kMeta:
    case Tag::kParam:
    case Tag::kSource:
    case Tag::kTrack:
    case Tag::kWbr: return true;
    default: return false;
  }
}

bool IsRawTextParent(const Node* n) {
  if (!n || n->type != NodeType::kElement || n->ns != Namespace::kHtml) return false;
  switch (n->tag) {
    case Tag::kStyle:
    case Tag::kScript:
    case Tag::kXmp:
    case Tag::kIframe:
    case Tag::kNoembed:
    case Tag::kNoframes:
    case Tag::kPlaintext:
    case Tag::kNoscript: return true;
    default: return false;
  }
}

void AppendEscaped(std::string* out, std::string_view s, bool attribute) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"':
        if (attribute) {
          out->append("&quot;");
        } else {
          out->push_back(c);
        }
        break;
      case '\xC2':
        if (i + 1 < s.size() && s[i + 1] == '\xA0') {
          out->append("&nbsp;");
          ++i;
        } else {
          out->push_back(c);
        }
        break;
      default: out->push_back(c);
    }
  }
}

void AppendAttrName(std::string* out, const Attribute& a, char separator) {
  switch (a.ns) {
    case AttrNamespace::kNone: break;
    case AttrNamespace::kXlink: out->append("xlink").push_back(separator); break;
    case AttrNamespace::kXml: out->append("xml").push_back(separator); break;
    case AttrNamespace::kXmlns:
      if (a.name == "xmlns") break;
      out->append("xmlns").push_back(separator);
      break;
  }
  out->append(a.name);
}

void OpenNode(const Node* n, std::string* out) {
  switch (n->type) {
    case NodeType::kElement:
      out->push_back('<');
      out->append(n->name);
      for (uint32_t i = 0; i < n->attr_count; ++i) {
        out->push_back(' ');
        AppendAttrName(out, n->attrs[i], ':');
        out->append("=\"");
        AppendEscaped(out, n->attrs[i].value, true);
        out->push_back('"');
      }
      out->push_back('>');
      // The parser drops one newline right after <pre>, <textarea> and
      // <listing>; restoring it keeps a leading newline through a round trip.
      if ((n->Is(Tag::kPre) || n->Is(Tag::kTextarea) || n->Is(Tag::kListing)) && n->first_child &&
          n->first_child->is_text() && !n->first_child->data.empty() && n->first_child->data[0] == '\n') {
        out->push_back('\n');
      }
      break;
    case NodeType::kText:
      if (IsRawTextParent(n->parent)) {
        out->append(n->data);
      } else {
        AppendEscaped(out, n->data, false);
      }
      break;
    case NodeType::kComment:
      out->append("<!--");
      out->append(n->data);
      out->append("-->");
      break;
    case NodeType::kDoctype:
      out->append("<!DOCTYPE ");
      out->append(n->name);
      out->push_back('>');
      break;
    case NodeType::kDocument:
    case NodeType::kFragment: break;
  }
}

void CloseNode(const Node* n, std::string* out) {
  if (n->type != NodeType::kElement || IsVoid(n)) return;
  out->append("</");
  out->append(n->name);
  out->push_back('>');
}

void DumpLine(std::string* out, int depth) {
  out->append("| ");
  out->append(static_cast<size_t>(depth) * 2, ' ');
}

void DumpNode(const Node* n, int depth, std::string* out) {
  switch (n->type) {
    case NodeType::kElement: {
      DumpLine(out, depth);
      out->push_back('<');
      if (n->ns == Namespace::kSvg) out->append("svg ");
      if (n->ns == Namespace::kMathMl) out->append("math ");
      out->append(n->name);
      out->append(">\n");
      std::vector<std::pair<std::string, std::string_view>> attrs;
      attrs.reserve(n->attr_count);
      for (uint32_t i = 0; i < n->attr_count; ++i) {
        std::string name;
        AppendAttrName(&name, n->attrs[i], ' ');
        attrs.emplace_back(std::move(name), n->attrs[i].value);
      }
      std::sort(attrs.begin(), attrs.end());
      for (const auto& [name, value] : attrs) {
        DumpLine(out, depth + 1);
        out->append(name);
        out->append("=\"");
        out->append(value);
        out->append("\"\n");
      }
      break;
    }
    case NodeType::kText:
      DumpLine(out, depth);
      out->push_back('"');
      out->append(n->data);
      out->append("\"\n");
      break;
    case NodeType::kComment:
      DumpLine(out, depth);
      out->append("<!-- ");
      out->append(n->data);
      out->append(" -->\n");
      break;
    case NodeType::kDoctype:
      DumpLine(out, depth);
      out->append("<!DOCTYPE ");
      out->append(n->name);
      if (!n->data.empty() || !DoctypeSystemId(*n).empty()) {
        out->append(" \"");
        out->append(n->data);
        out->append("\" \"");
        out->append(DoctypeSystemId(*n));
        out->push_back('"');
      }
      out->append(">\n");
      break;
    case NodeType::kFragment:
      DumpLine(out, depth);
      out->append("content\n");
      break;
    case NodeType::kDocument: break;
  }
}

}  // namespace

const std::string_view* Node::Attr(std::string_view attr_name) const {
  for (uint32_t i = 0; i < attr_count; ++i) {
    if (attrs[i].ns == AttrNamespace::kNone && attrs[i].name == attr_name) return &attrs[i].value;
  }
  return nullptr;
}

const Node* Document::html() const { return FirstChildIs(root_, Tag::kHtml); }
const Node* Document::head() const { return FirstChildIs(html(), Tag::kHead); }
const Node* Document::body() const { return FirstChildIs(html(), Tag::kBody); }

const Node* NextInTree(const Node* n, const Node* scope, bool skip_children) {
  if (!skip_children && n->first_child) return n->first_child;
  while (n && n != scope) {
    if (n->next_sibling) return n->next_sibling;
    n = n->parent;
  }
  return nullptr;
}

std::string TextContent(const Node* n) {
  std::string out;
  for (const Node* c = n; c; c = NextInTree(c, n)) {
    if (c->type == NodeType::kText) out.append(c->data);
  }
  return out;
}

std::string SerializeHtml(const Node* root) {
  std::string out;
  const Node* n = root;
  for (;;) {
    OpenNode(n, &out);
    if (n->first_child && !IsVoid(n)) {
      n = n->first_child;
      continue;
    }
    for (;;) {
      CloseNode(n, &out);
      if (n == root) return out;
      if (n->next_sibling) {
        n = n->next_sibling;
        break;
      }
      n = n->parent;
    }
  }
}

std::string DumpTree(const Node* root) {
  std::string out;
  int depth = 0;
  const Node* n = root->first_child;
  while (n) {
    DumpNode(n, depth, &out);
    if (n->first_child) {
      ++depth;
      n = n->first_child;
      continue;
    }
    while (n && !n->next_sibling) {
      n = n->parent;
      --depth;
      if (n == root) return out;
    }
    if (n) n = n->next_sibling;
  }
  return out;
}

}  // namespace warta
