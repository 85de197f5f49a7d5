#include "meta/authors.h"

#include <re2/re2.h>
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

// The words that open a byline, in the order of CueRe's alternatives.
constexpr std::string_view kCueWords[] = {"written by", "words by", "posted by", "reported by", "by",
                                          "oleh",       "penulis",  "reporter",  "writer",      "author",
                                          "authors",    "laporan",  "kontributor"};

const RE2& CueRe() {
  static const RE2* re = new RE2("(?i)^\\s*(?:" + Alternation(kCueWords) + ")\\b\\s*[:\\-]?\\s*");
  return *re;
}

// The length of CueRe's match at the start of `text`, 0 when it has none.
// By hand as RE2 matches it (the first alternative a word boundary
// follows, then the greedy rest, which always matches), but for the two
// characters (?i) folds to ASCII letters.
size_t CueLength(std::string_view text) {
  if (HasAsciiFoldingChar(text)) {
    re2::StringPiece in(text.data(), text.size());
    return RE2::Consume(&in, CueRe()) ? static_cast<size_t>(in.data() - text.data()) : 0;
  }
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
    "jurnalis",     "wartawan",      "reporter",       "editor",        "kontributor",  "koresponden",
    "journalist",   "correspondent", "contributor",    "staff writer",  "senior writer", "staff reporter",
    "writer",       "penulis",       "redaktur",       "fotografer",    "photographer", "columnist",
    "kolumnis",     "analyst",       "editor-in-chief", "senior editor", "news editor"};

const RE2& RoleRe() {
  static const RE2* re = new RE2("(?i)^(?:" + Alternation(kRoles) + ")$");
  return *re;
}

// Whether `text` is a role as a whole, as RoleRe reads it: ASCII
// case-blind, but for the two characters (?i) folds to ASCII letters.
bool IsRole(std::string_view text) {
  if (HasAsciiFoldingChar(text)) return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), RoleRe());
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

// An editor credit, from its separator on, as one group.
constexpr std::string_view kEditorWords[] = {"editor", "penyunting", "redaktur", "edited by"};
const RE2& EditorRe() {
  static const RE2* re = new RE2("((?i)[,;|(\\-]?\\s*\\b(?:" + Alternation(kEditorWords) + ")\\b\\s*:?)");
  return *re;
}

// Whether EditorRe may match `text`: it holds one of its words. Most
// bylines hold none, and RE2 is not started on them.
bool MayNameEditor(std::string_view text) {
  static const WordSet* words = new WordSet(kEditorWords);
  return words->FoundIn(text);
}

// What separates names: punctuation, or "and" in three languages and
// Spanish "y", with the white space around.
constexpr std::string_view kAndWords[] = {"and", "dan", "und"};
const RE2& SplitRe() {
  static const RE2* re = new RE2("(?i)\\s*(?:,|;|&|\\b(?:" + Alternation(kAndWords) + ")\\b|\\by\\b)\\s*");
  return *re;
}

// Whether SplitRe may match `text`: it holds one of the punctuation marks,
// one of the "and" words, or a 'y' (either case). Most bylines name one
// person, and RE2 is not started on them.
bool MayHoldSplitter(std::string_view text) {
  static const WordSet* words = new WordSet(kAndWords);
  return text.find_first_of(",;&yY") != std::string_view::npos || words->FoundIn(text);
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
  std::string text(byline.substr(CueLength(byline)));
  // Everything from an editor credit on is not authorship.
  re2::StringPiece rest(text);
  re2::StringPiece m;
  if (MayNameEditor(text) && RE2::PartialMatch(rest, EditorRe(), &m)) {
    if (m.data() == text.data()) return out;  // "Editor: X" only
    text.resize(static_cast<size_t>(m.data() - text.data()));
  }
  // A date or place after a separator is not part of the names.
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xE2\x80\xA2 ", "\n"}) {
    size_t at = text.find(sep);
    if (at != std::string::npos) text.resize(at);
  }
  std::string normalized = text;
  if (MayHoldSplitter(normalized)) RE2::GlobalReplace(&normalized, SplitRe(), "\x1F");
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
