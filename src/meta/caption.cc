#include "meta/caption.h"

#include <algorithm>
#include <optional>

#include "meta/sources.h"
#include "meta/word_set.h"

namespace warta::meta {
namespace {

std::string_view Trim(std::string_view s, std::string_view extra = "") {
  auto strip = [&](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || extra.find(static_cast<char>(c)) != std::string_view::npos;
  };
  while (!s.empty() && strip(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && strip(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  // U+00A0, dashes and bullets around separators.
  for (std::string_view junk : {"\xC2\xA0", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x99", "\xE2\x80\xA2"}) {
    while (s.size() >= junk.size() && s.substr(s.size() - junk.size()) == junk) {
      s.remove_suffix(junk.size());
      s = Trim(s, extra);
    }
  }
  return s;
}

// The words that open a credit, tried in this order: the first one that
// its joint follows wins.
constexpr std::string_view kStartCueWords[] = {
    "foto", "photo", "photograph", "photos", "image", "images", "gambar", "credit", "credits", "kredit",
    "sumber foto", "sumber", "source", "picture", "pictures", "ilustrasi", "illustration", "video", "dok",
    "dokumentasi", "doc", "bild", "quelle", "file", "fotos"};

// The length of the cue that opens a credit ("Foto:", "Photo by") at the
// start of `text`, 0 when it has none: the pattern
// ^\s*(?:start cue words)\s*(?::|/|oleh\b|by\b)\s*, ASCII case-blind.
size_t StartCueLength(std::string_view text) {
  const size_t start = SkipRe2Space(text, 0);
  for (std::string_view w : kStartCueWords) {
    if (!LowerAsciiAt(text, start, w)) continue;
    const size_t p = SkipRe2Space(text, start + w.size());
    if (p < text.size() && (text[p] == ':' || text[p] == '/')) return SkipRe2Space(text, p + 1);
    for (std::string_view joint : {"oleh", "by"}) {
      const size_t end = p + joint.size();
      if (LowerAsciiAt(text, p, joint) && (end == text.size() || !IsRe2Word(text[end]))) return SkipRe2Space(text, end);
    }
  }
  return 0;
}

// The words of a cue inside the text.
constexpr std::string_view kInsideCueWords[] = {"foto",   "photo",  "photograph", "image", "gambar",
                                                "credit", "kredit", "picture",    "bild",  "quelle"};

// A cue inside the text, after a sentence or separator ("... di Jakarta.
// Foto: Ana"), ASCII case-blind: the pattern
//   (?:^|[.|;,)]\s*|\s[|\x{2013}\x{2014}-]\s*|\s)(?:inside cue words)\s*(?::|\bby\b|\boleh\b)\s*

// Where a cue inside the text starts when its word stands at text[word],
// searching from `from`; nullopt when none does. The leftmost of its
// openings: "^" (the word at `from`), "[.|;,)]\s*", "\s[|\x{2013}\x{2014}-]\s*"
// or "\s" right before the word.
std::optional<size_t> CueInsideStart(std::string_view text, size_t from, size_t word) {
  if (word == from) return from;
  size_t run = word;  // the \s* right before the word
  while (run > from && IsRe2Space(text[run - 1])) --run;
  if (run > from) {
    const char c = text[run - 1];
    const std::string_view last3 = run >= from + 3 ? text.substr(run - 3, 3) : std::string_view();
    const bool long_dash = last3 == "\xE2\x80\x93" || last3 == "\xE2\x80\x94";  // U+2013, U+2014
    const size_t dash = c == '|' || c == '-' ? run - 1 : long_dash ? run - 3 : std::string_view::npos;
    if (dash != std::string_view::npos && dash > from && IsRe2Space(text[dash - 1])) return dash - 1;
    if (c == '.' || c == '|' || c == ';' || c == ',' || c == ')') return run - 1;
  }
  if (run < word) return word - 1;
  return std::nullopt;
}

// Where the joint after an inside cue's word (ending at text[pos]) ends:
// "\s*(?::|\bby\b|\boleh\b)\s*", nullopt when it is not there.
std::optional<size_t> CueInsideJointEnd(std::string_view text, size_t pos) {
  const size_t p = SkipRe2Space(text, pos);
  if (p < text.size() && text[p] == ':') return SkipRe2Space(text, p + 1);
  if (p == pos) return std::nullopt;  // the word's last letter and "by" or "oleh" have no \b between
  for (std::string_view joint : {"by", "oleh"}) {
    const size_t end = p + joint.size();
    if (LowerAsciiAt(text, p, joint) && (end == text.size() || !IsRe2Word(text[end]))) return SkipRe2Space(text, end);
  }
  return std::nullopt;
}

struct Span {
  size_t begin, end;
};

// The first inside cue in text[from, ...), "^" standing for `from`. Starts grow with the word's place (only white
// space and punctuation stand between a start and its word), so the first
// word with a start and a joint gives the leftmost match; there the first
// alternative whose joint follows ("photo" before "photograph").
std::optional<Span> NextCueInside(std::string_view text, size_t from) {
  for (size_t word = from; word < text.size(); ++word) {
    for (std::string_view w : kInsideCueWords) {
      if (!LowerAsciiAt(text, word, w)) continue;
      std::optional<size_t> end = CueInsideJointEnd(text, word + w.size());
      if (!end) continue;
      std::optional<size_t> start = CueInsideStart(text, from, word);
      if (!start) break;
      return Span{*start, *end};
    }
  }
  return std::nullopt;
}

// Whether `text` holds a word of kInsideCueWords: most captions hold none,
// and are not scanned for a cue.
bool MayHoldCueInside(std::string_view text) {
  static const WordSet* words = new WordSet(kInsideCueWords);
  return words->FoundIn(text);
}

// The last inside cue in `text`, each search starting where the cue before
// ended.
std::optional<Span> LastCueInside(std::string_view text) {
  std::optional<Span> last;
  if (!MayHoldCueInside(text)) return last;
  for (std::optional<Span> m = NextCueInside(text, 0); m; m = NextCueInside(text, m->end)) last = m;
  return last;
}

int WordCount(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

bool ContainsCi(std::string_view hay, std::string_view needle) {
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return (a >= 'A' && a <= 'Z' ? a | 0x20 : a) == (b >= 'A' && b <= 'Z' ? b | 0x20 : b);
  });
  return it != hay.end();
}

bool HasStockOrAgency(std::string_view s) {
  for (std::string_view name : {"getty images", "shutterstock", "istock", "unsplash", "freepik", "pixabay",
                                "ap photo", "/reuters", "/afp", "/ap", "/epa", "/antara", "antara foto"}) {
    if (ContainsCi(s, name)) return true;
  }
  return false;
}

// A stock library or agency named alone ("Getty", "Shutterstock").
bool IsStockName(std::string_view s) {
  for (std::string_view name : {"getty", "getty images", "shutterstock", "istock", "alamy", "unsplash", "pixabay",
                                "freepik", "pexels", "adobe stock"}) {
    if (s.size() == name.size() && ContainsCi(s, name)) return true;
  }
  return !KnownSourceName(s).empty();
}

// A parenthesised tail that is a credit: a cue, a "Name/Agency" shape, or
// a known agency name.
bool IsCreditText(std::string_view inner) {
  if (StartCueLength(inner) > 0) return true;
  if (WordCount(inner) > 8) return false;
  if (HasStockOrAgency(inner) || IsStockName(inner)) return true;
  // "Pool via Reuters", "Jane Roe via Harbor Agency".
  const size_t via = inner.rfind(" via ");
  if (via != std::string_view::npos && (WordCount(inner) <= 5 || IsStockName(inner.substr(via + 5)))) return true;
  return inner.find('/') != std::string_view::npos && WordCount(inner) <= 6;
}

std::string StripCue(std::string_view credit) {
  return std::string(Trim(credit.substr(StartCueLength(credit)), ".)"));
}

// Index of the '(' or '[' matching a final ')' or ']', or npos.
size_t OpenOfFinalParen(std::string_view s) {
  if (s.empty() || (s.back() != ')' && s.back() != ']')) return std::string_view::npos;
  const char close = s.back(), open = close == ')' ? '(' : '[';
  int depth = 0;
  for (size_t i = s.size(); i-- > 0;) {
    if (s[i] == close) ++depth;
    if (s[i] == open && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// Where a copyright mark opens the credit at the end of a caption ("...
// in the park. © Jane Roe", "Image copyright Agency X"), npos when none
// does; *credit_begin is set past the mark and a year after it.
size_t CopyrightStart(std::string_view s, size_t* credit_begin) {
  size_t at = std::string_view::npos, len = 0;
  for (std::string_view mark : {"\xC2\xA9", "(c) ", "(C) ", "copyright ", "Copyright "}) {
    const size_t p = s.rfind(mark);
    if (p != std::string_view::npos && (at == std::string_view::npos || p > at) &&
        (p == 0 || mark[0] == '\xC2' || !IsRe2Word(s[p - 1]))) {
      at = p, len = mark.size();
    }
  }
  if (at == std::string_view::npos) return at;
  size_t begin = SkipRe2Space(s, at + len);
  size_t digits = begin;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits - begin == 4) begin = SkipRe2Space(s, digits);
  *credit_begin = begin;
  return at;
}

// A caption part that is only a cue word or a copyright mark, or that
// ends with one after a bracket or a sentence ("Ships at anchor. (Image",
// "Boats in the bay. Photo", "Image"): what a credit cut leaves.
std::string_view DropCueStub(std::string_view caption) {
  caption = Trim(caption, ":");
  if (caption.ends_with("\xC2\xA9")) caption = Trim(caption.substr(0, caption.size() - 2), ":");
  const size_t cut = caption.find_last_of(" (");
  const size_t word = cut == std::string_view::npos ? 0 : cut + 1;
  const std::string_view stub = caption.substr(word);
  const std::string_view before = Trim(caption.substr(0, word), "(");
  if (!before.empty() && caption[word - 1] == ' ' && before.back() != '.') return caption;
  for (std::string_view w : kStartCueWords) {
    if (stub.size() == w.size() && LowerAsciiAt(stub, 0, w)) return before;
  }
  return caption;
}

// The start of the text's last sentence: after the last ". " that no
// initial closes ("Sam T. Ortiz" is one name).
size_t LastSentenceStop(std::string_view s) {
  size_t stop = s.rfind(". ");
  while (stop != std::string_view::npos && stop >= 1 && s[stop - 1] >= 'A' && s[stop - 1] <= 'Z' &&
         (stop == 1 || s[stop - 2] == ' ')) {
    stop = stop >= 2 ? s.rfind(". ", stop - 2) : std::string_view::npos;
  }
  return stop;
}

// Whether `s` is capitalised words ([A-Z][\w.&-]*) parted by single
// spaces, nothing else.
bool IsCapitalisedWords(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= 'A' && s[i] <= 'Z') {
    size_t end = i + 1;
    while (end < s.size() && (IsRe2Word(s[end]) || s[end] == '.' || s[end] == '&' || s[end] == '-')) ++end;
    if (end == s.size()) return true;
    if (s[end] != ' ') return false;
    i = end + 1;
  }
  return false;
}

// "REUTERS/Jane Doe", "ANTARA FOTO/Budi": capitalised words around a slash
// (the pattern ^W(?: W)*/W(?: W)*$ for such words W, which hold no
// slash).
bool IsSlashCredit(std::string_view s) {
  if (WordCount(s) > 6) return false;
  const size_t slash = s.find('/');
  return slash != std::string_view::npos && IsCapitalisedWords(s.substr(0, slash)) &&
         IsCapitalisedWords(s.substr(slash + 1));
}

}  // namespace

CaptionParts SplitCaption(std::string_view text) {
  CaptionParts out;
  std::string_view s = Trim(text);
  // "FILE PHOTO:" labels an archive picture; it is no credit cue.
  for (std::string_view label : {"file photo:", "file:"}) {
    if (LowerAsciiAt(s, 0, label)) s = Trim(s.substr(label.size()));
  }
  std::string_view tail = Trim(s, ".");
  size_t open = OpenOfFinalParen(tail);
  if (open != std::string_view::npos) {
    std::string_view inner = tail.substr(open + 1, tail.size() - open - 2);
    if (IsCreditText(inner)) {
      out.caption = std::string(Trim(s.substr(0, open), "|"));
      out.credit = StripCue(inner);
      return out;
    }
  }
  // The last cue inside the text starts the credit.
  if (std::optional<Span> cue = LastCueInside(s)) {
    const size_t cue_begin = cue->begin, cue_end = cue->end;
    std::string_view before = s.substr(0, cue_begin);
    // Keep the sentence's own period on the caption side.
    if (cue_begin < s.size() && s[cue_begin] == '.') before = s.substr(0, cue_begin + 1);
    out.caption = std::string(DropCueStub(Trim(before, "|,;/")));
    std::string_view credit = Trim(s.substr(cue_end), ".)");
    if (credit.starts_with("\xC2\xA9")) credit = Trim(credit.substr(2));
    out.credit = std::string(credit);
    return out;
  }
  // A copyright mark and a short credit after it. A word mark ("(c)",
  // "copyright") counts at the start, after a sentence or after a cue word
  // ("Image copyright"), not inside one ("the copyright case").
  size_t credit_begin = 0;
  if (size_t mark = CopyrightStart(s, &credit_begin); mark != std::string_view::npos) {
    std::string_view credit = Trim(s.substr(credit_begin), ".");
    std::string_view before = Trim(s.substr(0, mark), "|,;");
    std::string_view caption = DropCueStub(before);
    const bool symbol = s.compare(mark, 2, "\xC2\xA9") == 0;
    const bool placed = symbol || caption.size() != before.size() || before.empty() || before.back() == '.' ||
                        before.back() == '!' || before.back() == '?';
    if (!credit.empty() && WordCount(credit) <= 8 && placed) {
      out.caption = std::string(caption);
      out.credit = std::string(credit.substr(StartCueLength(credit)));
      return out;
    }
  }
  // A trailing "Name/Getty Images", "AGENCY/Name" or agency after the last sentence.
  size_t stop = LastSentenceStop(s);
  if (stop != std::string_view::npos) {
    std::string_view last = Trim(s.substr(stop + 1), ".");
    if ((WordCount(last) <= 10 && HasStockOrAgency(last)) || IsSlashCredit(last) || IsStockName(last)) {
      out.caption = std::string(s.substr(0, stop + 1));
      out.credit = StripCue(last);
      return out;
    }
  } else if (IsSlashCredit(s) || (WordCount(s) <= 6 && s.find(',') == std::string_view::npos && HasStockOrAgency(s)) ||
             IsStockName(s)) {
    // The whole text a credit: "Jane Roe/Warta", "Jane Roe via Getty Images".
    out.credit = StripCue(s);
    return out;
  }
  out.caption = std::string(s);
  return out;
}

bool HasCreditCue(std::string_view text) {
  CaptionParts parts = SplitCaption(text);
  return !parts.credit.empty();
}

}  // namespace warta::meta
