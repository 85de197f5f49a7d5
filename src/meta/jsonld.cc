#include "meta/jsonld.h"

#include <re2/re2.h>
#include <simdjson.h>

#include <algorithm>

namespace warta::meta {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

constexpr size_t kMaxNodes = 20000;  // bounds work on huge or hostile blocks

std::string_view Str(element e) {
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) return s;
  return {};
}

std::string_view Field(element e, std::string_view key) {
  object o;
  element v;
  if (e.get(o) != simdjson::SUCCESS || o.at_key(key).get(v) != simdjson::SUCCESS) return {};
  return Str(v);
}

// A value written as "x", {"name": "x"} (or {"url": "x"} for `key` "url"),
// or an array of those: each one, in order.
std::vector<std::string> Values(element e, std::string_view key, size_t limit = 20) {
  std::vector<std::string> out;
  auto one = [&](element v) {
    std::string_view s = Str(v);
    if (s.empty()) s = Field(v, key);
    if (!s.empty() && out.size() < limit) out.emplace_back(s);
  };
  array a;
  if (e.get(a) == simdjson::SUCCESS) {
    for (element v : a) one(v);
  } else {
    one(e);
  }
  return out;
}

std::string First(element e, std::string_view key) {
  std::vector<std::string> v = Values(e, key, 1);
  return v.empty() ? "" : v[0];
}

bool Contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

struct Types {
  bool article = false, breadcrumb = false;
};

Types TypesOf(object o) {
  Types t;
  element v;
  if (o.at_key("@type").get(v) != simdjson::SUCCESS) return t;
  for (const std::string& s : Values(v, "@id")) {
    if (Contains(s, "Article") || Contains(s, "BlogPosting") || Contains(s, "Report") || s == "Posting" ||
        Contains(s, "LiveBlog") || s == "SocialMediaPosting")
      t.article = true;
    if (s == "BreadcrumbList") t.breadcrumb = true;
  }
  return t;
}

void SplitKeywords(std::string_view s, std::vector<std::string>* out) {
  while (!s.empty() && out->size() < 50) {
    size_t comma = s.find(',');
    std::string_view k = s.substr(0, comma);
    while (!k.empty() && k.front() == ' ') k.remove_prefix(1);
    while (!k.empty() && k.back() == ' ') k.remove_suffix(1);
    if (!k.empty()) out->emplace_back(k);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
}

void ReadObject(object o, JsonLdInfo* info) {
  Types t = TypesOf(o);
  element v;
  if (o.at_key("datePublished").get(v) == simdjson::SUCCESS && !Str(v).empty()) {
    if (t.article && !info->published_from_article) {
      info->published = std::string(Str(v));
      info->published_from_article = true;
    } else if (info->published.empty()) {
      info->published = std::string(Str(v));
    }
  }
  if (info->published.empty() && o.at_key("dateCreated").get(v) == simdjson::SUCCESS) info->published = std::string(Str(v));
  if ((t.article || info->modified.empty()) && o.at_key("dateModified").get(v) == simdjson::SUCCESS && !Str(v).empty()) {
    if (info->modified.empty() || t.article) info->modified = std::string(Str(v));
  }
  if (info->headline.empty() && o.at_key("headline").get(v) == simdjson::SUCCESS) info->headline = std::string(Str(v));
  if (t.article && info->authors.empty() && o.at_key("author").get(v) == simdjson::SUCCESS) {
    info->authors = Values(v, "name");
  }
  if ((t.article || info->publisher.empty()) && info->publisher.empty() &&
      o.at_key("publisher").get(v) == simdjson::SUCCESS) {
    info->publisher = First(v, "name");
  }
  if (info->sections.empty() && o.at_key("articleSection").get(v) == simdjson::SUCCESS) {
    info->sections = Values(v, "name");
  }
  if (info->keywords.empty() && o.at_key("keywords").get(v) == simdjson::SUCCESS) {
    for (const std::string& k : Values(v, "name", 50)) SplitKeywords(k, &info->keywords);
  }
  if (info->language.empty() && o.at_key("inLanguage").get(v) == simdjson::SUCCESS) info->language = First(v, "name");
  if ((t.article || info->image.empty()) && info->image.empty() && o.at_key("image").get(v) == simdjson::SUCCESS) {
    info->image = First(v, "url");
  }
  if ((t.article || info->description.empty()) && info->description.empty() &&
      o.at_key("description").get(v) == simdjson::SUCCESS) {
    info->description = std::string(Str(v));
  }
  if (t.article && info->url.empty() && o.at_key("url").get(v) == simdjson::SUCCESS) info->url = std::string(Str(v));
  if (t.breadcrumb && info->breadcrumbs.empty() && o.at_key("itemListElement").get(v) == simdjson::SUCCESS) {
    array items;
    if (v.get(items) == simdjson::SUCCESS) {
      for (element item : items) {
        std::string_view name = Field(item, "name");
        element inner;
        object io;
        if (name.empty() && item.get(io) == simdjson::SUCCESS && io.at_key("item").get(inner) == simdjson::SUCCESS) {
          name = Field(inner, "name");
        }
        if (!name.empty()) info->breadcrumbs.emplace_back(name);
      }
    }
  }
}

// Breadth-first over every object, skipping what is about other things
// (comments, reviews) — iterative, since the nesting is input-controlled.
void Walk(element root, JsonLdInfo* info) {
  std::vector<element> queue{root};
  for (size_t i = 0; i < queue.size() && i < kMaxNodes; ++i) {
    element e = queue[i];
    object o;
    array a;
    if (e.get(o) == simdjson::SUCCESS) {
      ReadObject(o, info);
      for (auto field : o) {
        std::string_view k = field.key;
        if (k == "comment" || k == "review" || k == "reviews" || k == "citation" || k == "author" ||
            k == "publisher" || k == "creator" || k == "itemListElement")
          continue;
        if (field.value.is_object() || field.value.is_array()) queue.push_back(field.value);
      }
    } else if (e.get(a) == simdjson::SUCCESS) {
      for (element v : a) {
        if (v.is_object() || v.is_array()) queue.push_back(v);
      }
    }
  }
}

std::string Clean(std::string_view raw) {
  std::string s(raw);
  for (std::string_view junk : {"<!--", "-->", "<![CDATA[", "]]>", "//<![CDATA[", "//]]>"}) {
    size_t at;
    while ((at = s.find(junk)) != std::string::npos) s.erase(at, junk.size());
  }
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  static const RE2 kTrailingComma(",(\\s*[}\\]])");
  RE2::GlobalReplace(&s, kTrailingComma, "\\1");
  while (!s.empty() && (s.back() == ' ' || s.back() == ';')) s.pop_back();
  return s;
}

bool Parse(std::string_view text, JsonLdInfo* info) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS) return false;
  Walk(root, info);
  return true;
}

// Last resort for JSON that will not parse: the main keys by pattern.
void Scan(std::string_view text, JsonLdInfo* info) {
  re2::StringPiece in(text.data(), text.size());
  std::string value;
  static const RE2 kPublished("\"datePublished\"\\s*:\\s*\"([^\"]{6,40})\"");
  static const RE2 kModified("\"dateModified\"\\s*:\\s*\"([^\"]{6,40})\"");
  static const RE2 kHeadline("\"headline\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,400})\"");
  static const RE2 kAuthor("\"author\"\\s*:\\s*\\[?\\s*\\{[^{}]*?\"name\"\\s*:\\s*\"([^\"]{1,100})\"");
  if (info->published.empty() && RE2::PartialMatch(in, kPublished, &value)) info->published = value;
  if (info->modified.empty() && RE2::PartialMatch(in, kModified, &value)) info->modified = value;
  if (info->headline.empty() && RE2::PartialMatch(in, kHeadline, &value)) info->headline = value;
  if (info->authors.empty() && RE2::PartialMatch(in, kAuthor, &value)) info->authors.push_back(value);
}

}  // namespace

void ReadJsonLd(std::string_view script_text, JsonLdInfo* info) {
  if (script_text.size() > (size_t{4} << 20)) return;
  if (Parse(script_text, info)) return;
  std::string cleaned = Clean(script_text);
  if (Parse(cleaned, info)) return;
  Scan(cleaned, info);
}

}  // namespace warta::meta
