#include "meta/dateline.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <vector>

#include "base/utf8.h"
#include "meta/date_parse.h"

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

// Letters and the punctuation of place names ("ST. LOUIS", "BANDA ACEH").
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
    } else if (cp != '.' && cp != '-' && cp != '\'' && cp != 0x2019) {
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

}  // namespace

std::optional<Dateline> DetectDateline(std::string_view paragraph) {
  size_t dash_begin, dash_end;
  if (!FindDash(paragraph, &dash_begin, &dash_end)) return std::nullopt;
  std::string_view prefix = Trim(paragraph.substr(0, dash_begin));
  Dateline out;
  out.prefix_bytes = dash_end;
  // "(Reuters)" closing the prefix.
  if (!prefix.empty() && prefix.back() == ')') {
    size_t open = prefix.rfind('(');
    if (open == std::string_view::npos) return std::nullopt;
    out.agency = std::string(Trim(prefix.substr(open + 1, prefix.size() - open - 2)));
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
  if (shape == 0) return std::nullopt;
  if (!rest.empty()) {
    // "Dec 3" is the date part of the dateline; anything else names the outlet.
    bool is_date = !FindDates(rest, {}, 1).empty() || rest.find_first_of("0123456789") != std::string_view::npos;
    size_t words = 1;
    for (char c : rest) words += c == ' ';
    if (words > 4) return std::nullopt;
    if (!is_date && out.agency.empty()) out.agency = std::string(rest);
  }
  // Title Case is a place when an agency vouches for the dateline shape, or
  // when one or two words open the paragraph right before the dash
  // ("Jakarta - ...").
  size_t city_words = 1 + static_cast<size_t>(std::count(city.begin(), city.end(), ' '));
  if (shape == 1 && out.agency.empty() && (city_words > 2 || !rest.empty() || !StartsSentence(paragraph.substr(dash_end))))
    return std::nullopt;
  out.city = std::string(city);
  return out;
}

}  // namespace warta::meta
