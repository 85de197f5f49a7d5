#include "meta/dateline.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "base/utf8.h"
#include "meta/date_parse.h"
#include "meta/sources.h"
#include "meta/word_set.h"

namespace warta::meta {
namespace {

constexpr size_t kMaxPrefix = 90;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The first " – " / " — " / " - " / " -- " separator: [begin, end) with the
// spaces after it.
bool FindDash(std::string_view s, size_t* begin, size_t* end) {
  for (size_t i = 1; i < s.size() && i < kMaxPrefix; ++i) {
    // The first byte tells which dashes may start here: most bytes start
    // none, and cost no comparison.
    size_t len = 0;
    if (s[i] == '\xE2') {
      if (s.compare(i, 3, "\xE2\x80\x93") != 0 && s.compare(i, 3, "\xE2\x80\x94") != 0) continue;
      len = 3;
    } else if (s[i] == '-') {
      len = s.compare(i, 2, "--") == 0 ? 2 : 1;
    } else {
      continue;
    }
    // A hyphen inside a word ("Rusia-Ukraina") is not a separator.
    if (len == 1 && s[i - 1] != ' ') continue;
    size_t e = i + len;
    if (e < s.size() && s[e] != ' ' && len != 3) continue;
    while (e < s.size() && s[e] == ' ') ++e;
    if (e >= s.size()) return false;
    *begin = i;
    *end = e;
    return true;
  }
  return false;
}

// Letters and the punctuation of place names ("ST. LOUIS", "BANDA ACEH",
// "Bonn/Köln").
// Returns 2 for all capitals, 1 for Title Case, 0 for neither.
int PlaceCase(std::string_view place) {
  bool all_caps = true, title = true;
  int letters = 0, words = 0;
  bool word_start = true;
  size_t pos = 0;
  while (pos < place.size()) {
    char32_t cp = utf8::Decode(place, &pos);
    if (cp == ' ') {
      word_start = true;
      continue;
    }
    if (word_start) ++words;
    if (u_isalpha(cp)) {
      ++letters;
      if (u_islower(cp)) {
        all_caps = false;
        if (word_start) title = false;
      }
    } else if (cp == '.' && pos < place.size() && place[pos] != ' ') {
      return 0;  // "Example.at" is a domain, not "ST. LOUIS"
    } else if (cp != '.' && cp != '-' && cp != '\'' && cp != 0x2019 && cp != '/') {
      return 0;
    }
    word_start = false;
  }
  if (letters < 2 || words > 4) return 0;
  if (all_caps) return 2;
  return title ? 1 : 0;
}

// The text after the dash opens a sentence: a capital, a digit or a quote.
bool StartsSentence(std::string_view s) {
  if (s.empty()) return false;
  size_t pos = 0;
  char32_t cp = utf8::Decode(s, &pos);
  return u_isupper(cp) || u_isdigit(cp) || u_hasBinaryProperty(cp, UCHAR_QUOTATION_MARK);
}

// A story's first paragraph holds a sentence end; a heading line that
// merely has a dash in it ("Garden chairs - Shops, Brands, Online") does not.
bool HoldsSentenceEnd(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '"' ||
                                                static_cast<unsigned char>(s[i + 1]) >= 0x80)) {
      return true;
    }
    // "。", "؟", "…"
    if (s.compare(i, 3, "\xE3\x80\x82") == 0 || s.compare(i, 2, "\xD8\x9F") == 0 ||
        s.compare(i, 3, "\xE2\x80\xA6") == 0) {
      return true;
    }
  }
  return false;
}

bool HasAsciiLower(std::string_view s) {
  return std::any_of(s.begin(), s.end(), IsAsciiLower);
}

size_t WordCount(std::string_view s) { return 1 + static_cast<size_t>(std::count(s.begin(), s.end(), ' ')); }

// A wire or outlet credit: a known agency ("dpa/lno" is dpa with its
// desk), a name shaped like an outlet, or call letters ("KXYZ", "NEWS9").
// "(Beispielland)" after a city is a place instead.
bool IsCredit(std::string_view s) {
  if (s.empty() || s.size() > 40) return false;
  if (!KnownSourceName(s.substr(0, s.find('/'))).empty() || LooksLikeOutlet(s)) return true;
  return s.size() >= 2 && !HasAsciiLower(s) && s.find(' ') == std::string_view::npos &&
         s.find('.') == std::string_view::npos;
}

// Regions that follow the city and that take more than one word ("ALBANY,
// New York"), where a two-word outlet would stand ("Jakarta, Warta Kita").
bool IsRegionOfWords(std::string_view s) {
  static constexpr std::string_view kRegions[] = {
      "New York", "New Jersey", "New Mexico", "New Hampshire", "North Carolina", "North Dakota", "South Carolina",
      "South Dakota", "West Virginia", "Rhode Island", "District of Columbia", "United States", "United Kingdom",
      "United Arab Emirates", "Saudi Arabia", "South Africa", "South Korea", "North Korea", "New Zealand",
      "Sri Lanka", "Hong Kong", "Costa Rica", "Puerto Rico", "El Salvador", "Sierra Leone", "Czech Republic",
      "Dominican Republic", "Papua New Guinea", "Timor Leste", "Northern Ireland", "British Columbia"};
  if (std::find(std::begin(kRegions), std::end(kRegions), s) != std::end(kRegions)) return true;
  // Indonesian provinces: "Jawa Barat", "Sulawesi Selatan", "Nusa Tenggara Timur".
  static constexpr std::string_view kCompass[] = {"Barat", "Timur", "Utara", "Selatan", "Tengah", "Tenggara", "Daya"};
  const std::string_view last = s.substr(s.rfind(' ') + 1);
  return std::find(std::begin(kCompass), std::end(kCompass), last) != std::end(kCompass);
}

// What the words between the city's comma and the dash are.
enum class AfterCity { kOutlet, kRegion, kNeither };

AfterCity ReadAfterCity(std::string_view rest) {
  if (IsCredit(rest) && (HasAsciiLower(rest) || rest.size() > 2 || !KnownSourceName(rest).empty())) {
    return AfterCity::kOutlet;  // "KOMPAS.com", "ANTARA"; a two-capital postal code ("NY") is a state
  }
  // US state abbreviations ("N.Y.", "Calif.") and postal codes ("NY").
  if (rest.back() == '.' || (rest.size() == 2 && !HasAsciiLower(rest))) return AfterCity::kRegion;
  size_t words = WordCount(rest);
  if (words > 4 || PlaceCase(rest) != 1) return AfterCity::kNeither;
  // One word in Title Case is a state or country ("Ohio", "Jamaica");
  // more words name the outlet unless they are a region.
  return words == 1 || IsRegionOfWords(rest) ? AfterCity::kRegion : AfterCity::kOutlet;
}

// Kicker words an all-capital lead opens with that are no place.
bool IsKicker(std::string_view city) {
  static constexpr std::string_view kKickers[] = {"UPDATE", "BREAKING", "EXCLUSIVE", "WATCH", "VIDEO", "FOTO",
                                                  "PHOTO", "LIVE", "OPINION", "EDITORIAL", "ANALYSIS", "REVIEW"};
  return std::find(std::begin(kKickers), std::end(kKickers), city) != std::end(kKickers);
}

}  // namespace

std::optional<Dateline> DetectDateline(std::string_view paragraph) {
  size_t dash_begin, dash_end;
  if (!FindDash(paragraph, &dash_begin, &dash_end)) return std::nullopt;
  std::string_view prefix = Trim(paragraph.substr(0, dash_begin));
  Dateline out;
  out.prefix_bytes = dash_end;
  // "(Reuters)" closing the prefix; "(Beispielland)" is part of the place.
  if (!prefix.empty() && prefix.back() == ')') {
    size_t open = prefix.rfind('(');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view inner = Trim(prefix.substr(open + 1, prefix.size() - open - 2));
    if (IsCredit(inner)) out.agency = std::string(inner);
    prefix = Trim(prefix.substr(0, open));
  }
  std::string_view city = prefix, rest;
  size_t comma = prefix.find(',');
  if (comma != std::string_view::npos) {
    city = Trim(prefix.substr(0, comma));
    rest = Trim(prefix.substr(comma + 1));
  }
  // "WARTA.CO, Jakarta -": the outlet first, then the place.
  if (!rest.empty() && out.agency.empty() && PlaceCase(rest) != 0 && city.find('.') != std::string_view::npos &&
      rest.find('.') == std::string_view::npos) {
    out.agency = std::string(city);
    city = rest;
    rest = {};
  }
  int shape = PlaceCase(city);
  if (shape == 0 || IsKicker(city)) return std::nullopt;
  bool vouched = false;  // a date or a region after the city
  if (!rest.empty()) {
    // "Dec 3" is the date part of the dateline, "N.Y." the state; else the words name the outlet.
    vouched = !FindDates(rest, {}, 1).empty() || rest.find_first_of("0123456789") != std::string_view::npos;
    if (!vouched) {
      switch (ReadAfterCity(rest)) {
        case AfterCity::kNeither:
          return std::nullopt;
        case AfterCity::kOutlet:
          if (out.agency.empty()) out.agency = std::string(rest);
          break;
        case AfterCity::kRegion:
          vouched = true;
          break;
      }
    }
  }
  // Without a credit, the dash must open a story, not split a heading.
  if (out.agency.empty() && !HoldsSentenceEnd(paragraph.substr(dash_end))) return std::nullopt;
  // Title Case is a place when an agency, a date or a region vouches for
  // the dateline shape, or when one or two words open the paragraph right
  // before the dash ("Jakarta - ...").
  size_t city_words = WordCount(city);
  if (shape == 1 && out.agency.empty() && !(vouched && city_words <= 2) &&
      (city_words > 2 || !rest.empty() || !StartsSentence(paragraph.substr(dash_end))))
    return std::nullopt;
  out.city = std::string(city);
  return out;
}

std::optional<Dateline> DetectLeadDateline(std::span<const std::string> paragraphs) {
  // A caption, a credit or a teaser may stand above the dateline paragraph;
  // there only the surest shapes count: a city in capitals or a credit.
  constexpr size_t kLeadParagraphs = 3;
  for (size_t i = 0; i < paragraphs.size() && i < kLeadParagraphs; ++i) {
    std::optional<Dateline> d = DetectDateline(paragraphs[i]);
    if (d && (i == 0 || !d->agency.empty() || PlaceCase(d->city) == 2)) return d;
  }
  return std::nullopt;
}

}  // namespace warta::meta
