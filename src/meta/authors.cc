#include "meta/authors.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>
#include <string>

#include "base/utf8.h"
#include "meta/sources.h"
#include "meta/word_set.h"

namespace warta::meta {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  auto junk = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' || c == '-' || c == '|' || c == '.'; };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

// The words that open a byline; the first that fits wins, so a longer
// word comes before its prefix ("written by" before "by").
constexpr std::string_view kCueWords[] = {"written by", "words by", "posted by", "reported by", "by",
                                          "oleh", "penulis", "reporter", "writer", "author", "authors",
                                          "laporan", "kontributor"};

// The length of a byline cue at the start of `text`, 0 when it has none:
// the pattern ^\s*(?:cue words)\b\s*[:-]?\s*, ASCII case-blind.
size_t CueLength(std::string_view text) {
  const size_t start = SkipRe2Space(text, 0);
  for (std::string_view w : kCueWords) {
    const size_t end = start + w.size();
    if (!LowerAsciiAt(text, start, w) || (end < text.size() && IsRe2Word(text[end]))) continue;
    size_t p = SkipRe2Space(text, end);
    if (p < text.size() && (text[p] == ':' || text[p] == '-')) ++p;
    return SkipRe2Space(text, p);
  }
  return 0;
}

// Journalists' roles, lower case.
constexpr std::string_view kRoles[] = {
    "jurnalis", "wartawan", "reporter", "editor", "kontributor", "koresponden", "journalist", "correspondent",
    "contributor", "staff writer", "senior writer", "staff reporter", "writer", "penulis", "redaktur",
    "fotografer", "photographer", "columnist", "kolumnis", "analyst", "editor-in-chief", "senior editor",
    "news editor"};

// Whether `text` is a role as a whole, ASCII case-blind.
bool IsRole(std::string_view text) {
  return std::any_of(std::begin(kRoles), std::end(kRoles), [text](std::string_view role) {
    return text.size() == role.size() && EqualsLowerAscii(text, role);
  });
}

bool IsCollective(std::string_view lower_word) {
  static constexpr std::string_view kWords[] = {
      "redaksi", "tim", "team", "admin", "administrator", "staff", "staf", "desk", "newsroom", "editorial",
      "agencies", "agency", "wire", "wires", "humas", "rilis", "release", "kontributor", "contributor",
      "anonymous", "unknown", "guest", "correspondent", "correspondents", "reporters", "editors",
      "webmaster", "media", "online", "news", "berita", "press", "pers", "official", "support",
      "marketing", "partner", "sponsored", "advertorial", "jurnalis", "wartawan", "reporter", "editor",
      "penulis", "writer", "redaktur", "http", "https", "www"};
  return std::find(std::begin(kWords), std::end(kWords), lower_word) != std::end(kWords);
}

bool IsParticle(std::string_view lower_word) {
  static constexpr std::string_view kWords[] = {"bin", "binti", "van", "von", "de", "da", "di", "del", "della",
                                                "la", "le", "al", "el", "ibn", "der", "den", "dos", "du", "ter"};
  return std::find(std::begin(kWords), std::end(kWords), lower_word) != std::end(kWords);
}

// The words of an editor credit ("Editor: Maria Ulfa").
constexpr std::string_view kEditorWords[] = {"editor", "penyunting", "redaktur", "edited by"};

// Where the first editor credit in `text` starts, with the one separator
// and the white space before its word ([,;|(-]?\s*\b(?:words)\b, ASCII
// case-blind), npos when there is none.
size_t EditorCreditStart(std::string_view text) {
  for (size_t word = 0; word < text.size(); ++word) {
    if (word > 0 && IsRe2Word(text[word - 1])) continue;
    const bool names_editor = std::any_of(std::begin(kEditorWords), std::end(kEditorWords), [&](std::string_view w) {
      const size_t end = word + w.size();
      return LowerAsciiAt(text, word, w) && (end == text.size() || !IsRe2Word(text[end]));
    });
    if (!names_editor) continue;
    size_t start = word;
    while (start > 0 && IsRe2Space(text[start - 1])) --start;
    if (start > 0 && std::string_view(",;|(-").find(text[start - 1]) != std::string_view::npos) --start;
    return start;
  }
  return std::string_view::npos;
}

// What separates names: punctuation, or "and" in three languages and
// Spanish "y", with the white space around:
//   \s*(?:,|;|&|\b(?:and|dan|und)\b|\by\b)\s*, ASCII case-blind.
constexpr std::string_view kAndWords[] = {"and", "dan", "und", "y"};

// The end of the name separator starting at text[pos], npos when none does.
size_t SeparatorEnd(std::string_view text, size_t pos) {
  const size_t p = SkipRe2Space(text, pos);
  if (p == text.size()) return std::string_view::npos;
  if (text[p] == ',' || text[p] == ';' || text[p] == '&') return SkipRe2Space(text, p + 1);
  if (p > 0 && IsRe2Word(text[p - 1])) return std::string_view::npos;
  for (std::string_view w : kAndWords) {
    const size_t end = p + w.size();
    if (LowerAsciiAt(text, p, w) && (end == text.size() || !IsRe2Word(text[end]))) return SkipRe2Space(text, end);
  }
  return std::string_view::npos;
}

// `text` with every name separator replaced by '\x1F', left to right,
// each match after the one before. A separator that does not start at
// a white space run's first byte does not start inside it either.
std::string MarkSeparators(std::string_view text) {
  std::string out;
  size_t copied = 0;
  for (size_t p = 0; p < text.size();) {
    const size_t end = SeparatorEnd(text, p);
    if (end == std::string_view::npos) {
      p = SkipRe2Space(text, p) + 1;
      continue;
    }
    out.append(text.substr(copied, p - copied)).push_back('\x1F');
    copied = p = end;
  }
  return out.append(text.substr(copied));
}

}  // namespace

bool IsPlausiblePersonName(std::string_view name, std::string_view site_name) {
  name = Trim(name);
  if (name.size() < 2 || name.size() > 60) return false;
  if (name.find_first_of("0123456789@/\\#=<>{}[]_:()\"|!?;") != std::string_view::npos) return false;
  std::string lower = Lower(name);
  if (!site_name.empty() && lower == Lower(site_name)) return false;
  if (!KnownSourceName(name).empty() || LooksLikeOutlet(name)) return false;
  int words = 0, capitalised = 0;
  size_t pos = 0;
  while (pos < name.size()) {
    while (pos < name.size() && name[pos] == ' ') ++pos;
    size_t start = pos;
    while (pos < name.size() && name[pos] != ' ') ++pos;
    if (pos == start) break;
    std::string_view w = name.substr(start, pos - start);
    std::string lw = Lower(w);
    while (!lw.empty() && (lw.back() == '.' || lw.back() == ',')) lw.pop_back();
    if (IsCollective(lw)) return false;
    ++words;
    size_t p = 0;
    char32_t first = utf8::Decode(w, &p);
    bool particle = IsParticle(lw);
    if (!u_isupper(first) && !particle && !(u_isalpha(first) && !u_islower(first))) return false;
    if (!particle) ++capitalised;
    if (lw.find(".com") != std::string::npos || lw.find(".co") != std::string::npos) return false;
  }
  return capitalised >= 1 && words <= 5;
}

std::vector<std::string> SplitAuthorNames(std::string_view byline, std::string_view site_name) {
  std::vector<std::string> out;
  if (byline.size() > 300) return out;
  std::string_view text = byline.substr(CueLength(byline));
  // Everything from an editor credit on is not authorship.
  if (size_t editor = EditorCreditStart(text); editor != std::string_view::npos) {
    if (editor == 0) return out;  // "Editor: X" only
    text = text.substr(0, editor);
  }
  // A date or place after a separator is not part of the names.
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xE2\x80\xA2 ", "\n"}) {
    size_t at = text.find(sep);
    if (at != std::string_view::npos) text = text.substr(0, at);
  }
  const std::string normalized = MarkSeparators(text);
  size_t start = 0;
  while (start <= normalized.size()) {
    size_t end = normalized.find('\x1F', start);
    if (end == std::string::npos) end = normalized.size();
    std::string_view part = Trim(std::string_view(normalized).substr(start, end - start));
    // Drop a parenthetical ("(Reuters)").
    size_t paren = part.find('(');
    if (paren != std::string_view::npos) part = Trim(part.substr(0, paren));
    if (!part.empty() && !IsRole(part) && IsPlausiblePersonName(part, site_name)) {
      MergeNames({std::string(part)}, &out);
    }
    start = end + 1;
  }
  return out;
}

bool LooksLikeByline(std::string_view line) {
  if (line.size() > 200) return false;
  if (CueLength(line) > 0) return !SplitAuthorNames(line).empty();
  size_t comma = line.rfind(',');
  if (comma == std::string_view::npos) return false;
  std::string_view role = Trim(line.substr(comma + 1));
  return IsRole(role) && !SplitAuthorNames(line.substr(0, comma)).empty();
}

void MergeNames(const std::vector<std::string>& names, std::vector<std::string>* into) {
  for (const std::string& n : names) {
    std::string ln = Lower(n);
    bool seen = std::any_of(into->begin(), into->end(), [&](const std::string& x) { return Lower(x) == ln; });
    if (!seen) into->push_back(n);
  }
}

}  // namespace warta::meta
