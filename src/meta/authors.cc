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

// ASCII and Latin-1 capitals folded ("\xC3\x9C" to "\xC3\xBC"): enough for the
// word lists below, which are ASCII or Latin-1.
std::string LowerLatin1(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    const auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
    if (c == '\xC3' && next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next | 0x20);
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
constexpr std::string_view kCueWords[] = {
    "written by", "words by", "posted by", "reported by", "by", "oleh", "penulis", "reporter", "writer", "authors",
    "author", "autorin", "autor", "laporan", "kontributor", "ver\xC3\xB6" "ffentlicht von", "geschrieben von",
    "von", "publi\xC3\xA9" " par", "par", "publicado por", "escrito por", "por", "af", "door",
    "\xE8\xA8\x98\xE8\x80\x85", "\xE8\xAE\xB0\xE8\x80\x85"};  // "reporter" in traditional and simplified Chinese

// The length of a byline cue at the start of `text`, 0 when it has none:
// the pattern ^\s*(?:cue words)\b\s*[:-]?\s*, ASCII case-blind.
size_t CueLength(std::string_view text) {
  const size_t start = SkipRe2Space(text, 0);
  if (start == text.size()) return 0;
  // Most texts open with no cue: the first byte rules most words out.
  const char first = static_cast<char>(text[start] | 0x20);
  for (std::string_view w : kCueWords) {
    if (w[0] != first) continue;
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
    "news editor", "kolumnist", "kolumnistin", "redakteur", "redakteurin", "phd", "ph.d", "md", "mph", "mba"};

// Whether `text` is a role as a whole, ASCII case-blind.
bool IsRole(std::string_view text) {
  return std::any_of(std::begin(kRoles), std::end(kRoles), [text](std::string_view role) {
    return text.size() == role.size() && EqualsLowerAscii(text, role);
  });
}

bool IsCollective(std::string_view lower_word) {
  static constexpr std::string_view kWords[] = {
      "redaksi", "tim", "team", "liputan", "admin", "administrator", "staff", "staf", "desk", "newsroom", "editorial",
      "agencies", "agency", "wire", "wires", "humas", "rilis", "release", "kontributor", "contributor",
      "anonymous", "unknown", "guest", "correspondent", "correspondents", "reporters", "editors",
      "webmaster", "media", "online", "news", "berita", "press", "pers", "official", "support",
      "marketing", "partner", "sponsored", "advertorial", "jurnalis", "wartawan", "reporter", "editor",
      "penulis", "writer", "redaktur", "http", "https", "www",
      // Newsrooms and credits in other languages, and words of organisations' names.
      "redaktion", "redaccion", "redacci\xC3\xB3n", "redakcja", "r\xC3\xA9" "daction", "redazione",
      "reda\xC3\xA7\xC3\xA3o",
      "equipe", "\xC3\xA9quipe", "autor", "autorin", "author", "authors", "text", "texto", "copyright", "courtesy",
      "cortes\xC3\xAD" "a", "user", "bureau", "biro", "archiv", "archive", "archives", "articles", "artikel", "weitere",
      "group", "gruppe", "grupo", "gmbh", "inc", "ltd", "llc", "kg", "e.v", "programme", "international",
      "foundation", "stiftung", "verlag", "partei", "sekretariat", "fraktion", "verein", "verband", "agencia",
      "ag\xC3\xAAncia", "agentur", "blog", "magazin", "magazine", "zeitung", "diario", "noticias",
      "informaci\xC3\xB3n", "nachrichten", "presse", "prensa", "\xC3\xBC" "ber", "about", "service", "reports",
      "\xE0\xA4\xAC\xE0\xA5\x8D\xE0\xA4\xAF\xE0\xA5\x82\xE0\xA4\xB0\xE0\xA5\x8B"};  // Hindi "bureau"
  return std::find(std::begin(kWords), std::end(kWords), lower_word) != std::end(kWords);
}

// Chinese names of outlets end in "net", "paper", "agency", "station" or
// "periodical" (traditional and simplified); a person's name does not.
bool EndsWithChineseOutletWord(std::string_view name) {
  static constexpr std::string_view kEnds[] = {"\xE7\xB6\xB2", "\xE7\xBD\x91", "\xE5\xA0\xB1", "\xE6\x8A\xA5",
                                               "\xE7\xA4\xBE", "\xE5\x8F\xB0", "\xE5\x88\x8A", "\xE7\xAB\x99"};
  return std::any_of(std::begin(kEnds), std::end(kEnds), [name](std::string_view end) { return name.ends_with(end); });
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

// What separates names: punctuation, or "and" in English, Indonesian,
// German, French and Spanish, with the white space around:
//   \s*(?:,|;|&|\b(?:and|dan|und|et|y)\b)\s*, ASCII case-blind.
constexpr std::string_view kAndWords[] = {"and", "dan", "und", "et", "y"};

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

// Words set beside a name that are no part of it: the buttons and links of
// an author box ("Share", "Follow"), a degree ("PhD"), and the weekday of a
// date after it.
constexpr std::string_view kNotNameTail[] = {
    "share", "shares", "follow", "more", "mehr", "email", "e-mail", "mail", "twitter", "facebook", "linkedin",
    "instagram", "profile", "profil", "bio", "contact", "kontakt", "posts", "website", "subscribe", "bagikan",
    "ikuti", "contactar", "google+", "phd", "md", "mph", "mba", "mon", "tue", "tues", "wed", "thu", "thurs", "fri",
    "mo", "di", "mi", "do", "fr"};

// Weekdays in the languages of the pages read most (English, Indonesian,
// German, French, Spanish): never a word of a person's name.
constexpr std::string_view kWeekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "senin", "selasa", "rabu",
    "kamis", "jumat", "sabtu", "minggu", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
    "mi\xC3\xA9rcoles", "jueves", "viernes"};

// Prepositions that put a date or place after a byline's name, lower case.
constexpr std::string_view kDatePrepositions[] = {"on", "at", "am", "um", "pada", "em"};

// Titles written with a full stop before a name ("Prof. Jane Roe"): such a
// stop does not end the name.
constexpr std::string_view kTitles[] = {"mrs", "prof", "sen", "rep", "gov", "gen", "col", "capt", "sgt", "rev",
                                        "hon", "ing", "mag", "dipl", "ir", "drs", "hj"};

template <size_t N>
bool OneOf(const std::string_view (&words)[N], std::string_view lower_word) {
  return std::find(std::begin(words), std::end(words), lower_word) != std::end(words);
}


std::vector<std::string_view> SpaceSplit(std::string_view s) {
  std::vector<std::string_view> words;
  for (size_t pos = 0; pos < s.size();) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
    const size_t start = pos;
    while (pos < s.size() && s[pos] != ' ') ++pos;
    if (pos > start) words.push_back(s.substr(start, pos - start));
  }
  return words;
}

// The first parts of surnames written with an inner capital ("McDonald",
// "DeShawn", "MacArthur", "FitzGerald"), lower case.
constexpr std::string_view kNamePrefixes[] = {"mc",  "mac", "de",  "di",  "da",   "du",  "le",  "la", "van",
                                              "von", "ben", "al",  "el",  "abu",  "ibn", "san", "del", "dos",
                                              "des", "ter", "ten", "fitz", "della"};

// The text before a word glued to a name without a space, where a lower-case
// letter meets a capitalised word three or more letters into a word ("Jane
// RoeFollow"), unless what comes before is a surname's prefix ("McD").
std::string_view CutGluedWord(std::string_view part) {
  size_t word_start = 0;
  for (size_t i = 1; i < part.size(); ++i) {
    if (part[i] == ' ') word_start = i + 1;
    // A capital and two more letters: "GmbH" and "JaneR" glue no word on.
    if (!IsAsciiUpper(part[i]) || !IsAsciiLower(part[i - 1]) || i - word_start < 3 || i + 2 >= part.size() ||
        !IsAsciiLower(part[i + 1]) || !IsAsciiLower(part[i + 2]))
      continue;
    if (!OneOf(kNamePrefixes, LowerLatin1(part.substr(word_start, i - word_start)))) return part.substr(0, i);
  }
  return part;
}

// "Jane Roe. Example Weekly": the name before a full stop that ends a word of
// three or more letters (not an initial, "Jr." or a title).
std::string_view CutAtFullStop(std::string_view part) {
  for (size_t dot = part.find(". "); dot != std::string_view::npos; dot = part.find(". ", dot + 1)) {
    const size_t word = part.rfind(' ', dot) == std::string_view::npos ? 0 : part.rfind(' ', dot) + 1;
    const std::string lower = LowerLatin1(part.substr(word, dot - word));
    if (lower.size() >= 3 && !OneOf(kTitles, lower)) return part.substr(0, dot);
  }
  return part;
}

// A word in capitals only, two letters or more, and no Roman numeral ("III").
bool AllCapitals(std::string_view word) {
  int letters = 0;
  bool roman = true;
  for (size_t p = 0; p < word.size();) {
    const char32_t c = utf8::Decode(word, &p);
    if (!u_isalpha(c)) continue;
    if (!u_isupper(c)) return false;
    ++letters;
    roman = roman && (c == 'I' || c == 'V' || c == 'X');
  }
  return letters >= 2 && !roman;
}

bool HasLowerCase(std::string_view word) {
  for (size_t p = 0; p < word.size();) {
    if (u_islower(utf8::Decode(word, &p))) return true;
  }
  return false;
}

// "McDONALD" stays as written; "KAREN" becomes "Karen", "O'BRIEN" "O'Brien",
// "JEAN-LUC" "Jean-Luc" and "MCKAY" "McKay".
void AppendTitleCase(std::string_view word, std::string* out) {
  bool upper_next = true;
  size_t index = 0;
  for (size_t p = 0; p < word.size(); ++index) {
    const char32_t c = utf8::Decode(word, &p);
    const bool keep_capital = upper_next || (index == 2 && word.size() > 3 && LowerAsciiAt(word, 0, "mc"));
    utf8::Append(keep_capital ? c : static_cast<char32_t>(u_tolower(c)), out);
    upper_next = !u_isalpha(c);
  }
}

// A byline part as a name: without a cue ("Von", "Par"), a glued link word,
// an outlet after a full stop, trailing button words or a weekday, a name
// written twice, and with words in capitals only title-cased. Bylines in
// capitals ("By KAREN ROE") are styling, and names in mixed case keep theirs.
std::string CleanName(std::string_view part) {
  part = Trim(part.substr(CueLength(part)));
  const std::string_view unglued = CutGluedWord(part);
  // What was glued to a one-word rest is a handle or a menu ("JaneRoe",
  // "ArchivesWebsiteTwitter").
  if (unglued.size() < part.size() && unglued.find(' ') == std::string_view::npos) return "";
  part = Trim(CutAtFullStop(unglued));
  std::vector<std::string_view> words = SpaceSplit(part);
  // "Jane Roe on March 3", "Budi Santoso pada Kamis", "Jane Roe am 3. März":
  // the date or place after a preposition is no part of the name.
  for (size_t i = 1; i < words.size(); ++i) {
    if (OneOf(kDatePrepositions, words[i])) {
      words.resize(i);
      break;
    }
  }
  auto not_name = [](std::string_view w) {
    const std::string lw = LowerLatin1(w);
    return OneOf(kNotNameTail, lw) || OneOf(kWeekdays, lw);
  };
  // ... and an agency's credit ("Jane Roe AFP").
  while (words.size() > 2 && (not_name(words.back()) || !KnownSourceName(words.back()).empty())) words.pop_back();
  // A lower-case particle before a capitalised name is the byline's
  // preposition ("di Jane Roe"), not part of a name ("van der Berg").
  if (words.size() >= 3 && IsParticle(words[0]) && !words[1].empty() && IsAsciiUpper(words[1][0])) {
    words.erase(words.begin());
  }
  const size_t half = words.size() / 2;
  if (words.size() >= 4 && words.size() % 2 == 0 &&
      std::equal(words.begin(), words.begin() + half, words.begin() + half,
                 [](std::string_view a, std::string_view b) { return LowerLatin1(a) == LowerLatin1(b); })) {
    words.resize(half);
  }
  // One word in capitals is an acronym, left for IsPlausiblePersonName to
  // judge; so is a short one beside words in mixed case ("EFC Example Club",
  // "Agencia EXN").
  const bool all_capitals = std::none_of(words.begin(), words.end(), HasLowerCase);
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out.push_back(' ');
    if (words.size() >= 2 && AllCapitals(w) && (all_capitals || w.size() >= 4)) {
      AppendTitleCase(w, &out);
    } else {
      out.append(w);
    }
  }
  return out;
}

// A word shaped as a domain ("example.com", "News.example.id").
bool IsDomainShaped(std::string_view word) {
  const size_t dot = word.rfind('.');
  if (dot == std::string_view::npos || dot < 2 || word.size() - dot < 3) return false;
  return std::all_of(word.begin() + dot + 1, word.end(), [](char c) { return IsAsciiLower(c | 0x20); });
}

// The words of an outlet's name for comparing: lower case, split at anything
// but letters and digits, without "http(s)://", "www.", a leading "The" and a
// domain ending.
std::vector<std::string> OutletWords(std::string_view name) {
  std::string lower = LowerLatin1(Trim(name));
  for (std::string_view prefix : {"https://", "http://", "www."}) {
    if (lower.starts_with(prefix)) lower.erase(0, prefix.size());
  }
  for (int i = 0; i < 2; ++i) {
    const size_t dot = lower.rfind('.');
    if (dot == std::string::npos || dot == 0 || lower.size() - dot > 5 ||
        !std::all_of(lower.begin() + dot + 1, lower.end(), IsAsciiLower))
      break;
    lower.resize(dot);
  }
  std::vector<std::string> words;
  std::string word;
  for (char c : lower) {
    if (IsAsciiLower(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (!words.empty() && words.front() == "the") words.erase(words.begin());
  return words;
}

std::string Joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += w;
  return out;
}

// "Posted on March 3, 2025 by Jane Roe": the text after a cue that follows
// a date (a digit before it), else `text` itself.
std::string_view AfterDatedCue(std::string_view text) {
  const size_t digit = text.find_first_of("0123456789");
  if (digit == std::string_view::npos) return text;
  for (size_t pos = text.find(' ', digit); pos != std::string_view::npos; pos = text.find(' ', pos + 1)) {
    if (const size_t cue = CueLength(text.substr(pos)); cue > 0) return text.substr(pos + cue);
  }
  return text;
}

// Four or more words in lower case (besides particles and "and") make a
// sentence, such as a caption in a byline-classed element: "Jane Roe (left)
// and John Doe met in the city".
bool LooksLikeProse(std::string_view text) {
  int lower_words = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t end = std::min(text.find(' ', pos), text.size());
    // The word lists are lower case: a word that opens in lower case and is
    // one of them is written as listed.
    const std::string_view w = text.substr(pos, end - pos);
    pos = end + 1;
    if (!w.empty() && IsAsciiLower(w[0]) && !IsParticle(w) && !OneOf(kAndWords, w) && ++lower_words >= 4) return true;
  }
  return false;
}

// Whether the name's words (OutletWords) name the outlet `outlet`.
bool NamesOneOutlet(const std::vector<std::string>& n, std::string_view outlet) {
  const std::vector<std::string> o = OutletWords(outlet);
  if (o.empty()) return false;
  if (Joined(n) == Joined(o)) return true;
  // "Example" for "Example Sport", and "Example Deutschland" for "Example".
  if (n.size() == 1 && o.size() > 1 && n[0] == o[0]) return true;
  return o.size() < n.size() && std::equal(o.begin(), o.end(), n.begin()) && Joined(o).size() >= 4;
}

}  // namespace

bool NamesOutlet(std::string_view name, std::string_view outlet) {
  const std::vector<std::string> n = OutletWords(name);
  if (n.empty()) return false;
  if (NamesOneOutlet(n, outlet)) return true;
  // A site name often carries a slogan or a section: "Outlet | Slogan",
  // "Section - Outlet". Each part is compared.
  for (size_t start = 0; start < outlet.size();) {
    size_t end = outlet.size(), next = outlet.size();
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 "}) {
      const size_t at = outlet.find(sep, start);
      if (at < end) {
        end = at;
        next = at + sep.size();
      }
    }
    if (end < outlet.size() || start > 0) {
      if (NamesOneOutlet(n, outlet.substr(start, end - start))) return true;
    }
    start = next;
  }
  return false;
}

void DropOutletNames(std::initializer_list<std::string_view> outlets, std::string_view host,
                     std::vector<std::string>* names) {
  std::erase_if(*names, [&](const std::string& name) {
    if (std::any_of(outlets.begin(), outlets.end(),
                    [&](std::string_view o) { return !o.empty() && NamesOutlet(name, o); }))
      return true;
    // A person's own site may bear their full name; one word that is the
    // host's name is the outlet's.
    return name.find(' ') == std::string::npos && !host.empty() && OutletWords(name) == OutletWords(host);
  });
}

bool IsPlausiblePersonName(std::string_view name, std::string_view site_name, bool one_word_ok) {
  name = Trim(name);
  if (name.size() < 2 || name.size() > 60) return false;
  if (name.find_first_of("0123456789@/\\#=<>{}[]_:()\"|!?;") != std::string_view::npos) return false;
  std::string lower = LowerLatin1(name);
  if (!site_name.empty() && lower == LowerLatin1(site_name)) return false;
  if (!KnownSourceName(name).empty() || LooksLikeOutlet(name) || EndsWithChineseOutletWord(name)) return false;
  const std::vector<std::string_view> words = SpaceSplit(name);
  // No name opens with "The" or a preposition ("Em São Paulo", "At City Hall").
  if (words.empty() || words.size() > 5 || LowerLatin1(words[0]) == "the" || OneOf(kDatePrepositions, LowerLatin1(words[0])))
    return false;
  int capitalised = 0;
  for (std::string_view w : words) {
    std::string lw = LowerLatin1(w);
    while (!lw.empty() && (lw.back() == '.' || lw.back() == ',')) lw.pop_back();
    // "Tim" is a given name in English and "team" in Indonesian: judged below.
    const bool team_or_given_name = lw == "tim" && w.data() == words[0].data();
    if ((IsCollective(lw) && !team_or_given_name) || OneOf(kWeekdays, lw) || IsDomainShaped(w)) return false;
    size_t p = 0;
    char32_t first = utf8::Decode(w, &p);
    bool particle = IsParticle(lw);
    if (!u_isupper(first) && !particle && !(u_isalpha(first) && !u_islower(first))) return false;
    if (!particle) ++capitalised;
    if (lw.find(".com") != std::string::npos || lw.find(".co") != std::string::npos) return false;
  }
  // A short word in capitals beside words in mixed case is an acronym: the
  // name is an organisation's ("EFC Example Club"). (A short surname in
  // capitals after a given name, "Marie ROY", is lost with it: on the pages
  // measured, such words were prepositions before outlets and initials.)
  const bool all_capitals = std::none_of(words.begin(), words.end(), HasLowerCase);
  if (!all_capitals && std::any_of(words.begin(), words.end(), [](std::string_view w) {
        return AllCapitals(w) && w.size() <= 3;
      }))
    return false;
  // "Tim Warta" on Warta Harian is the outlet's team; "Tim Roe" is a person.
  if (LowerLatin1(words[0]) == "tim") {
    if (words.size() == 1) return false;
    const std::string_view rest = name.substr(words[1].data() - name.data());
    if (!site_name.empty() && NamesOutlet(rest, site_name)) return false;
  }
  if (words.size() == 1) {
    // One word is a person's name only where the markup says so, and never
    // initials, an acronym or a handle ("JaneR").
    const std::string_view w = words[0];
    if (!one_word_ok || AllCapitals(w) || std::any_of(w.begin() + 1, w.end(), IsAsciiUpper)) return false;
  }
  return capitalised >= 1;
}

std::vector<std::string> SplitAuthorNames(std::string_view byline, std::string_view site_name, bool one_word_ok) {
  std::vector<std::string> out;
  if (byline.size() > 300) return out;
  std::string_view text = byline.substr(CueLength(byline));
  if (text.size() == byline.size()) text = AfterDatedCue(text);
  if (LooksLikeProse(text)) return out;
  // Everything from an editor credit on is not authorship.
  if (size_t editor = EditorCreditStart(text); editor != std::string_view::npos) {
    if (editor == 0) return out;  // "Editor: X" only
    text = text.substr(0, editor);
  }
  // A date or place after a separator is not part of the names.
  // (A full-width slash, "\xEF\xBC\x8F", ends a Chinese reporter's name.)
  for (std::string_view sep :
       {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xE2\x80\xA2 ", "\n", "\xEF\xBC\x8F"}) {
    size_t at = text.find(sep);
    if (at != std::string_view::npos) text = text.substr(0, at);
  }
  const std::string normalized = MarkSeparators(text);
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= normalized.size()) {
    size_t end = normalized.find('\x1F', start);
    if (end == std::string::npos) end = normalized.size();
    std::string_view part = Trim(std::string_view(normalized).substr(start, end - start));
    start = end + 1;
    // Drop a parenthetical ("(Reuters)"); words after one make the part a
    // sentence, as in a caption ("Jane Roe (left) meets ...").
    const size_t paren = part.find('(');
    if (paren != std::string_view::npos) {
      const size_t close = part.find(')', paren);
      if (close != std::string_view::npos && !Trim(part.substr(close + 1)).empty()) continue;
      part = Trim(part.substr(0, paren));
    }
    if (part.empty() || IsRole(part)) continue;
    if (std::string name = CleanName(part); !name.empty()) MergeNames({name}, &parts);
  }
  // A byline cue ("By", "Oleh") says a person follows, even by one word.
  one_word_ok = one_word_ok || CueLength(byline) > 0;
  // A one-word name stands alone: beside another name it is a place, a
  // degree or a section ("Jane Roe, London", "Jane Roe, PhD").
  const auto plausible = [&](const std::string& part) {
    return !IsRole(part) && IsPlausiblePersonName(part, site_name, one_word_ok);
  };
  const bool alone = parts.size() == 1;
  for (const std::string& part : parts) {
    if (plausible(part) && (alone || part.find(' ') != std::string::npos)) out.push_back(part);
  }
  return out;
}

bool OpensWithBylineCue(std::string_view text) { return CueLength(text) > 0; }

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
    std::string ln = LowerLatin1(n);
    bool seen = std::any_of(into->begin(), into->end(), [&](const std::string& x) { return LowerLatin1(x) == ln; });
    if (!seen) into->push_back(n);
  }
}

}  // namespace warta::meta
