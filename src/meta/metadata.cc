#include "meta/metadata.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "meta/authors.h"
#include "meta/collected.h"
#include "meta/date_parse.h"
#include "meta/jsonld.h"
#include "meta/page_dates.h"
#include "meta/site_name.h"
#include "meta/url.h"

namespace warta::meta {
namespace {


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
  // How many nodes after one author's element another may start and name a
  // co-author.
  constexpr uint32_t kBylineSpan = 60;
  std::vector<std::string> out;
  uint32_t last_order = 0;
  HintList hints(c, IsAuthorHint);
  for (size_t i = 0; const Ordered* o = hints.At(i); ++i) {
    // Names far past the first byline are other articles' (teasers, comments).
    if (!out.empty() && o->order > last_order + kBylineSpan) break;
    if (InOffTopicZone(c, o->node)) continue;
    const Node* n = o->node;
    // A teaser's author box ("teaser__author") names another article's author.
    if (HasNoCase(AttrOr(n, "class"), "teaser")) continue;
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
    // Markup that names the author may name them by one word; a class name
    // alone is weaker evidence.
    const bool marked = n->Is(Tag::kMeta) || n->Is(Tag::kLink) || AttrOr(n, "itemprop") == "author" ||
                        HasNoCase(AttrOr(n, "rel"), "author");
    std::vector<std::string> names = SplitAuthorNames(text, site, marked);
    if (!names.empty()) {
      MergeNames(names, &out);
      last_order = o->order;
      if (out.size() >= 5) break;
    }
  }
  return out;
}

std::vector<std::string> AuthorsFromMeta(const Collected& c, const JsonLdInfo& ld, std::string_view site) {
  std::vector<std::string> out;
  for (const std::string& a : ld.authors) MergeNames(SplitAuthorNames(a, site, true), &out);
  for (const std::string& id : ld.author_ids) {
    for (const auto& [person_id, name] : ld.people) {
      if (person_id == id) MergeNames(SplitAuthorNames(name, site, true), &out);
    }
  }
  if (!out.empty()) return out;
  for (std::string_view key : {"author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
                               "dc.creator", "dcterms.creator", "byl", "citation_author", "byline"}) {
    for (const auto& [k, v] : c.metas) {
      if (k != key || Has(v, "://") || Has(v, "www.")) continue;
      MergeNames(SplitAuthorNames(v, site, true), &out);
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
    if (++looked > 80) break;
    // Only short texts that open with a cue or hold a comma (", Jurnalis")
    // can be bylines: the rest are not collapsed and read.
    const std::string_view raw = t.node->data;
    if (raw.size() > 400 || (raw.find(',') == std::string_view::npos && !OpensWithBylineCue(raw))) continue;
    std::string text = Collapse(raw, 150);
    if (text.size() > 150 || !LooksLikeByline(text)) continue;
    std::vector<std::string> names = SplitAuthorNames(text, site);
    if (!names.empty()) return names;
  }
  return {};
}

// `names` without the outlet's own name however spelt (the site name, the
// JSON-LD publisher, or for one word the host's name).
std::vector<std::string> WithoutOutlet(std::vector<std::string> names, const PageMetadata& m,
                                       std::string_view publisher, std::string_view url) {
  const bool one_word =
      std::any_of(names.begin(), names.end(), [](const std::string& n) { return n.find(' ') == std::string::npos; });
  const std::string host = one_word ? HostOf(url.empty() ? std::string_view(m.canonical_url) : url) : "";
  DropOutletNames({m.site_name, publisher}, host, &names);
  return names;
}

}  // namespace

PageMetadata ExtractMetadata(const Document& doc, std::string_view url, std::string_view fetch_date) {
  PageMetadata m;
  if (!doc.root()) return m;
  Collected c = Collect(doc);
  JsonLdInfo ld;
  for (std::string_view block : c.jsonld) ReadJsonLd(block, &ld);

  m.site_name = SiteName(c, ld, url);

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

  // The first tag that names a language; its region ("en-GB") is kept for
  // reading dates.
  std::string language_tag;
  for (std::string_view tag : {c.html_lang, MetaValue(c, {"content-language", "language", "dc.language"}),
                               MetaValue(c, {"og:locale"}), std::string_view(ld.language)}) {
    m.language_hint = PrimaryLanguage(tag);
    if (m.language_hint.empty()) continue;
    language_tag = Collapse(tag);
    break;
  }

  const DateReading reading = ReadingFor(language_tag, fetch_date);
  const std::optional<DateTime> mod = ModifiedDate(c, ld, reading);
  if (mod) m.modified = FormatIsoLocal(*mod);
  if (std::optional<DateTime> d = ChoosePublished(c, ld, url, reading, mod)) {
    m.published = FormatIsoLocal(*d);
    m.published_utc = FormatIsoUtc(*d);
  }

  m.authors = WithoutOutlet(AuthorsFromMeta(c, ld, m.site_name), m, ld.publisher, url);
  if (m.authors.empty()) m.authors = WithoutOutlet(AuthorsFromDom(c, m.site_name), m, ld.publisher, url);
  if (m.authors.empty()) m.authors = WithoutOutlet(AuthorsFromBylineText(c, m.site_name), m, ld.publisher, url);

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
