#include "meta/jsonld.h"

#include <simdjson.h>

#include <algorithm>
#include <optional>

#include "meta/word_set.h"

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
  bool article = false, breadcrumb = false, person = false, web_page = false;
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
    if (s == "Person") t.person = true;
    if (s == "WebPage") t.web_page = true;
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
    if (info->authors.empty() && !info->author_ids_from_article) {
      info->author_ids = Values(v, "@id");
      info->author_ids_from_article = !info->author_ids.empty();
    }
  }
  // Some graphs put the author on the WebPage: the article's, when it names
  // one, wins.
  if (t.web_page && info->author_ids.empty() && o.at_key("author").get(v) == simdjson::SUCCESS) {
    info->author_ids = Values(v, "@id");
  }
  element name;
  if (t.person && info->people.size() < 20 && o.at_key("@id").get(v) == simdjson::SUCCESS && !Str(v).empty() &&
      o.at_key("name").get(name) == simdjson::SUCCESS && !Str(name).empty()) {
    info->people.emplace_back(Str(v), Str(name));
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
  // Trailing commas: a comma whose next non-space byte closes an object or array.
  size_t kept = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') {
      size_t next = SkipRe2Space(s, i + 1);
      if (next < s.size() && (s[next] == '}' || s[next] == ']')) continue;
    }
    s[kept++] = s[i];
  }
  s.resize(kept);
  while (!s.empty() && (s.back() == ' ' || s.back() == ';')) s.pop_back();
  return s;
}

bool Parse(std::string_view text, JsonLdInfo* info) {
  // One parser per thread: a new one allocates and frees its buffers for
  // every block. Walk copies what it keeps, so the next parse may reuse them.
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(text);
  element root;
  if (parser.parse(padded).get(root) != simdjson::SUCCESS) return false;
  Walk(root, info);
  return true;
}

// ---------------------------------------------------------------------------
// Last resort for JSON that will not parse: the main keys by pattern. The
// patterns are matched by hand (a regular expression with a bounded repeat
// of 400 costs more to build and run than every other metadata step of a
// page together); each function states the pattern it matches, with the
// same leftmost match and the same capture. Characters are UTF-8 code
// points.

// The length of the character at s[i], 0 when none starts there. As RE2
// does, a sequence of the right shape counts even when overlong or past
// U+10FFFF, and a stray byte is no character.
size_t CharLength(std::string_view s, size_t i) {
  auto lead = static_cast<unsigned char>(s[i]);
  size_t len = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return len;
}

// `"([^"]{min,max})"` after the opening quote at s[i - 1]: the capture.
std::optional<std::string_view> QuotedRun(std::string_view s, size_t i, size_t min, size_t max) {
  size_t count = 0;
  for (size_t at = i; at < s.size() && count <= max;) {
    if (s[at] == '"') {
      if (count < min) return std::nullopt;
      return s.substr(i, at - i);
    }
    size_t len = CharLength(s, at);
    if (len == 0) return std::nullopt;
    at += len;
    ++count;
  }
  return std::nullopt;
}

// `\s*:\s*"` from s[i]: the index after the quote, or npos.
size_t ColonQuote(std::string_view s, size_t i) {
  i = SkipRe2Space(s, i);
  if (i >= s.size() || s[i] != ':') return std::string_view::npos;
  i = SkipRe2Space(s, i + 1);
  if (i >= s.size() || s[i] != '"') return std::string_view::npos;
  return i + 1;
}

// The first match of `"key"\s*:\s*"` followed by what `value` (given the
// text and the index after the opening quote) accepts.
template <typename ValueFn>
std::optional<std::string_view> FirstKeyed(std::string_view s, std::string_view quoted_key, ValueFn value) {
  for (size_t at = s.find(quoted_key); at != std::string_view::npos; at = s.find(quoted_key, at + 1)) {
    size_t open = ColonQuote(s, at + quoted_key.size());
    if (open == std::string_view::npos) continue;
    if (std::optional<std::string_view> v = value(s, open)) return v;
  }
  return std::nullopt;
}

// `"key"\s*:\s*"([^"]{min,max})"`.
std::optional<std::string_view> KeyedRun(std::string_view s, std::string_view quoted_key, size_t min, size_t max) {
  return FirstKeyed(s, quoted_key, [&](std::string_view t, size_t open) { return QuotedRun(t, open, min, max); });
}

// `((?:[^"\\]|\\.){1,400})"` from s[i]: a string body of 1 to 400
// characters or escapes, then the closing quote.
std::optional<std::string_view> EscapedRun(std::string_view s, size_t i) {
  size_t units = 0;
  for (size_t at = i; at < s.size();) {
    if (s[at] == '"') {
      if (units == 0) return std::nullopt;
      return s.substr(i, at - i);
    }
    if (units == 400) return std::nullopt;
    size_t len;
    if (s[at] == '\\') {
      // `.` is any character but a newline.
      len = at + 1 < s.size() && s[at + 1] != '\n' ? CharLength(s, at + 1) : 0;
      if (len != 0) ++len;
    } else {
      len = CharLength(s, at);
    }
    if (len == 0) return std::nullopt;
    at += len;
    ++units;
  }
  return std::nullopt;
}

// `"author"\s*:\s*\[?\s*\{[^{}]*?"name"\s*:\s*"([^"]{1,100})"`: the first
// author object's name (the lazy skip stops at a brace).
std::optional<std::string_view> FirstAuthorName(std::string_view s) {
  constexpr std::string_view kKey = "\"author\"", kName = "\"name\"";
  for (size_t at = s.find(kKey); at != std::string_view::npos; at = s.find(kKey, at + 1)) {
    size_t i = SkipRe2Space(s, at + kKey.size());
    if (i >= s.size() || s[i] != ':') continue;
    i = SkipRe2Space(s, i + 1);
    if (i < s.size() && s[i] == '[') i = SkipRe2Space(s, i + 1);
    if (i >= s.size() || s[i] != '{') continue;
    for (size_t q = i + 1; q < s.size() && s[q] != '{' && s[q] != '}';) {
      if (s.substr(q, kName.size()) == kName) {
        size_t open = ColonQuote(s, q + kName.size());
        if (open != std::string_view::npos) {
          if (std::optional<std::string_view> v = QuotedRun(s, open, 1, 100)) return v;
        }
      }
      size_t len = CharLength(s, q);
      if (len == 0) break;
      q += len;
    }
  }
  return std::nullopt;
}

void Scan(std::string_view text, JsonLdInfo* info) {
  std::optional<std::string_view> v;
  if (info->published.empty() && (v = KeyedRun(text, "\"datePublished\"", 6, 40))) info->published = *v;
  if (info->modified.empty() && (v = KeyedRun(text, "\"dateModified\"", 6, 40))) info->modified = *v;
  if (info->headline.empty() && (v = FirstKeyed(text, "\"headline\"", EscapedRun))) info->headline = *v;
  if (info->authors.empty() && (v = FirstAuthorName(text))) info->authors.emplace_back(*v);
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
