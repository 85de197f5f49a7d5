#include "meta/site_name.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "meta/url.h"

namespace warta::meta {
namespace {

// The separators between a title and the outlet's name, and between an
// outlet's name and its tagline.
constexpr std::string_view kAffixSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
                                                 " \xC2\xBB ", " \xC2\xAB ", " \xE2\x80\xA2 ", " \xE2\x80\xBA ", " // ",
                                                 " : "};

// `s` cut at every separator. Separators open with a space, and a
// title holds few spaces: only those are tried.
std::vector<std::string_view> AffixSegments(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  // The bytes that follow a separator's opening space.
  constexpr std::string_view kSecondBytes = "|-:/\xC2\xE2";
  for (size_t i = s.find(' '); i != std::string_view::npos; i = s.find(' ', i + 1)) {
    if (i + 1 >= s.size() || kSecondBytes.find(s[i + 1]) == std::string_view::npos) continue;
    for (std::string_view sep : kAffixSeparators) {
      if (s.compare(i, sep.size(), sep) != 0) continue;
      out.push_back(s.substr(start, i - start));
      start = i + sep.size();
      i = start - 1;  // the separator's closing space
      break;
    }
  }
  out.push_back(s.substr(start));
  return out;
}

// The words of a name folded to lower-case ASCII letters and digits
// ("Université" -> "universite"): what a host name spells.
std::vector<std::string> FoldedWords(std::string_view name) {
  std::vector<std::string> words(1);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  size_t pos = 0;
  while (pos < name.size() && words.size() <= 12) {
    char32_t cp = utf8::Decode(name, &pos);
    if (cp >= 0x80 && U_SUCCESS(status)) {
      icu::UnicodeString decomposed;
      if (nfd->getDecomposition(static_cast<UChar32>(cp), decomposed) && decomposed.length() > 0) cp = decomposed.char32At(0);
      if (cp == 0xDF) {  // ß
        words.back() += "ss";
        continue;
      }
    }
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      words.back() += static_cast<char>(cp);
    } else if (cp >= 'A' && cp <= 'Z') {
      words.back() += static_cast<char>(cp | 0x20);
    } else if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DIACRITIC)) {
      continue;  // a mark that the decomposition left
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

// Whether a name spells the host's label: its words in order, each
// giving the label a prefix of itself ("The Harbor Times" for "harbortimes",
// "Warta Kita" for "wartakita"), with at most one word before ("The",
// "Stadt") and two after ("Warta online") that spell nothing.
bool SpellsHost(std::string_view name, std::string_view label) {
  if (label.size() < 2 || label.size() > 63) return false;
  const std::vector<std::string> words = FoldedWords(name);
  const uint64_t done = uint64_t{1} << label.size();
  for (size_t first = 0; first < 2 && first < words.size(); ++first) {
    uint64_t at = 1;  // the label positions reached, as bits
    for (size_t w = first; w < words.size() && at != 0; ++w) {
      uint64_t next = 0;
      for (size_t p = 0; p < label.size(); ++p) {
        if (!(at >> p & 1)) continue;
        for (size_t k = 0; k < words[w].size() && p + k < label.size() && words[w][k] == label[p + k]; ++k) {
          next |= uint64_t{1} << (p + k + 1);
        }
      }
      at = next;
      const size_t after = words.size() - w - 1;
      if ((at & done) && after <= 2 && after <= w + 1 - first) return true;
    }
  }
  return false;
}

// Trims the symbols around a name ("✂ Warta®", "warta.example/").
std::string TrimSymbols(std::string_view s) {
  auto keeps = [](char32_t cp) { return u_isalnum(cp) || cp == ')' || cp == '!' || cp == '?' || cp == '.'; };
  size_t begin = 0;
  while (begin < s.size()) {
    size_t next = begin;
    if (keeps(utf8::Decode(s, &next))) break;
    begin = next;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t lead = end - 1;
    while (lead > begin && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
    size_t after = lead;
    if (keeps(utf8::Decode(s, &after))) break;
    end = lead;
  }
  return Collapse(s.substr(begin, end - begin));
}

// The title's outlet part that spells the host: its last or first segment
// ("Headline - Warta Kita", "Warta Kita | Headline"); "" when neither does.
std::string TitleAffixSpellingHost(std::string_view title, std::string_view label) {
  const std::vector<std::string_view> segments = AffixSegments(title);
  if (segments.size() < 2) return "";
  for (std::string_view segment : {segments.back(), segments.front()}) {
    if (!SpellsHost(segment, label)) continue;
    std::string affix = TrimSymbols(segment);
    if (Lower(affix).starts_with("www.")) affix.erase(0, 4);
    return affix;
  }
  return "";
}

// A site-name value as the page gave it, cleaned: a URL of the page's
// own host as the host ("https://www.warta.example/" -> "warta.example"),
// another URL or a handle as nothing, and of "Brand | Tagline" or "Brand -
// Tagline" the part that spells the host, else of "A | B | C" the first.
std::string CleanSiteValue(std::string_view raw, std::string_view label) {
  std::string value = Collapse(raw);
  if (value.empty() || value[0] == '@') return "";
  if (Has(value, "://") || Lower(value).starts_with("www.")) {
    return AlnumLower(HostLabel(value)) == label ? SiteNameFromUrl(value) : "";
  }
  const std::vector<std::string_view> segments = AffixSegments(value);
  if (segments.size() > 1) {
    for (std::string_view segment : segments) {
      if (SpellsHost(segment, label)) return TrimSymbols(segment);
    }
    if (Has(value, " | ") || Has(value, " \xE2\x80\xA2 ") || Has(value, " \xC2\xBB ")) return TrimSymbols(segments[0]);
  }
  return TrimSymbols(value);
}

}  // namespace

// The outlet's name: og:site_name, unless it is a bare host label or a
// section ("World") while the title's outlet part spells the host; else
// that title part, the JSON-LD publisher, application-name; the host as
// the last resort.
std::string SiteName(const Collected& c, const JsonLdInfo& ld, std::string_view page_url) {
  // An archived copy is the archived site's page.
  std::string_view url = page_url;
  if (const size_t web = url.find("/web/"); web != std::string_view::npos && HostOf(url) == "web.archive.org") {
    const size_t inner = url.find('/', web + 5);  // past the capture time
    if (inner != std::string_view::npos) url.remove_prefix(inner + 1);
  }
  // The host label without the separators a name drops: "warta-kita" -> "wartakita".
  const std::string label = AlnumLower(HostLabel(url));
  const std::string title = Collapse(c.title);
  const std::string affix = TitleAffixSpellingHost(title, label);
  // A page that repeats its title as the site name ends it with the outlet.
  auto value = [&](std::string_view key) {
    const std::string raw = Collapse(MetaValue(c, {key}));
    if (raw != title) return CleanSiteValue(raw, label);
    const std::vector<std::string_view> segments = AffixSegments(raw);
    return segments.size() > 1 ? TrimSymbols(segments.back()) : CleanSiteValue(raw, label);
  };
  const std::string og = value("og:site_name");
  const std::string publisher = Collapse(ld.publisher);
  // Seven words or more that do not spell the host describe the site
  // ("Recipes, travel notes and stories from a small kitchen"): no name.
  const bool description = std::count(og.begin(), og.end(), ' ') >= 6 && !SpellsHost(og, label);
  if (!og.empty() && !description) {
    // A bare label ("warta") gives way to the title's or the publisher's
    // spelling ("Warta.com", "The Warta"); a name that neither spells the
    // host nor stands in the title (a section: "Sports") to the title's.
    const bool bare_label = Lower(og) == og && (og == label || HostLabel(og) == label);
    if (bare_label && affix.empty()) return SpellsHost(publisher, label) ? publisher : og;
    if (affix.empty()) return og;
    const std::vector<std::string_view> segments = AffixSegments(title);
    const bool in_title = Lower(segments.front()) == Lower(og) || Lower(segments.back()) == Lower(og);
    // A domain in the title does not outname an outlet of several words.
    const bool domain_affix = affix.find('.') != std::string::npos && og.find(' ') != std::string::npos;
    return ((SpellsHost(og, label) || in_title || domain_affix) && !bare_label) ? og : affix;
  }
  if (!affix.empty()) return affix;
  if (!publisher.empty()) return publisher;
  const std::string app = value("application-name");
  return app.empty() ? SiteNameFromUrl(url) : app;
}

}  // namespace warta::meta
