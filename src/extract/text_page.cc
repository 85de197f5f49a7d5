#include "extract/text_page.h"

#include <re2/re2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "meta/authors.h"
#include "meta/caption.h"
#include "meta/date_parse.h"
#include "meta/dateline.h"
#include "meta/sources.h"
#include "meta/url.h"

namespace warta::extract {
namespace {

enum class LineKind : uint8_t {
  kFurniture,  // share bars, pagination, "Baca juga", the site's notices
  kSection,    // a box of links: "Berita Terkait", "Related", "Trending"
  kFooter,     // what ends the article: comments, the copyright
  kByline,
  kDate,
  kCaption,
  kSignoff,    // "(Initials)" closing the article
  kParagraph,
  kShort,      // anything else short: subheads, labels, site names
};

// The dates a date line gives, in order: when published, then updated.
struct LineDates {
  meta::DateMatch match[2];
  size_t count = 0;
};

struct Line {
  std::string text;
  std::string lower;  // ASCII letters lowered, for the cue words
  int words = 0;
  bool list_item = false;  // opened by a bullet glyph
  bool said_twice = false;  // the next line repeats it
  LineKind kind = LineKind::kShort;
  LineDates dates;  // of a kDate line
};

// Whitespace of every kind (NBSP, thin spaces, ideographic space) to one
// ASCII space; zero-width characters and the BOM dropped.
std::string NormalizeLine(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  size_t pos = 0;
  bool space = true;  // drops leading spaces
  while (pos < raw.size()) {
    size_t start = pos;
    char32_t cp = utf8::Decode(raw, &pos);
    bool is_space = cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
                    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF) continue;
    if (is_space) {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    space = false;
    if (cp == utf8::kReplacement && pos - start == 1) {
      utf8::Append(cp, &out);
    } else {
      out.append(raw.substr(start, pos - start));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Words between spaces; with `count_unspaced`, kana and ideographs
// (U+3000..U+9FFF, three bytes led by E3..E9), written without spaces, count
// a word for every two, so that a line's length compares across scripts.
int CountWords(std::string_view s, bool count_unspaced = true) {
  int n = 0;
  int unspaced = 0;
  bool in = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (count_unspaced && byte >= 0xE3 && byte <= 0xE9 && i + 2 < s.size()) {
      if (unspaced++ % 2 == 0) ++n;
      in = true;
      i += 2;
      continue;
    }
    bool sp = byte == ' ' || byte == '\n' || byte == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  }
  return out;
}


// Sentence-final punctuation, closing quotes and the full-width forms
// included.
bool EndsSentence(std::string_view s) {
  for (std::string_view end : {".", "!", "?", "\"", "\xE2\x80\x9D", "\xE2\x80\x99", "'", "\xC2\xBB", "\xE2\x80\xA6",
                               "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE3\x80\x8D", "\xE3\x80\x8F"}) {
    if (s.size() >= end.size() && s.substr(s.size() - end.size()) == end) return true;
  }
  return false;
}

// Text copied from a fixed-width view (a mail, a terminal, a PDF) breaks
// paragraphs into lines. A line goes on the one before when nothing
// separates them, the one before is prose (six words or more) that has not
// ended its sentence, and this one starts in lowercase or with an opening
// parenthesis (an aside or a date in the sentence: "... on Monday" over
// "(2/3/2026)."): a new paragraph, a heading or a menu item would start with
// a capital, a digit or another mark. A parenthesis the line leaves open
// and the next one closes also joins them ("(Photo: Jane" over "Roe)").
bool ContinuesWrappedLine(int previous_words, std::string_view previous, std::string_view next) {
  if (previous_words < 6 || next.empty()) return false;
  if (!EndsSentence(previous) && ((next[0] >= 'a' && next[0] <= 'z') || next[0] == '(')) return true;
  const size_t open = previous.rfind('(');
  return open != std::string_view::npos && previous.find(')', open) == std::string_view::npos &&
         next.find(')') != std::string_view::npos && next.find('(') > next.find(')');
}

std::string_view FirstWord(std::string_view s) { return s.substr(0, s.find(' ')); }

// A physical line of the input, white space normalised; empty when blank.
struct RawLine {
  std::string text;
  int words = 0;
  size_t width = 0;  // in code points
  bool list_item = false;
};

// A line that says its start twice, an image's label run into its caption
// or a date given twice ("Jane RoeJane Roe", "3 March 20263 March 2026 by
// Jane Roe"): once. (Short repeats stay, a place may be named so: "Bora
// Bora".)
void DropRepeat(std::string* line) {
  constexpr size_t kShortestRepeat = 12, kLongestRepeat = 160;
  const std::string_view s = *line;
  for (size_t k = kShortestRepeat; k <= kLongestRepeat && 2 * k <= s.size(); ++k) {
    const size_t second = s[k] == ' ' ? k + 1 : k;
    if (second + k > s.size() || s.compare(second, k, s.substr(0, k)) != 0) continue;
    // (The repeat ends a word: "Harbor Harborside" says nothing twice.)
    if (second + k < s.size() && s[second + k] != ' ') continue;
    line->erase(0, second);
    return;
  }
}

// Drops the bullet a text browser or a list copy puts before an item
// ("• Home", "☆ Contact us"); true when there was one.
bool StripBullet(std::string* line) {
  static constexpr std::string_view kBullets[] = {
      "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x98\x86",
      "\xE2\x98\x85", "\xE2\x96\xBA", "\xE2\x96\xB8", "\xE2\x80\xA3", "\xC2\xB7", "\xE2\x97\x8F"};
  for (std::string_view b : kBullets) {
    if (line->starts_with(b) && (line->size() == b.size() || (*line)[b.size()] == ' ')) {
      line->erase(0, std::min(line->size(), b.size() + 1));
      return true;
    }
  }
  return false;
}

// How wide the view was that wrapped the text: the widest line that a
// lowercase continuation shows was wrapped, once two such lines show it;
// 0 when the text does not look wrapped. No wider view is assumed than a
// wide terminal's.
size_t WrapWidth(const std::vector<RawLine>& lines) {
  constexpr size_t kWidestView = 250;
  size_t widest = 0;
  int wrapped = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    if (lines[i].width > kWidestView || !ContinuesWrappedLine(lines[i].words, lines[i].text, lines[i + 1].text)) {
      continue;
    }
    widest = std::max(widest, lines[i].width);
    ++wrapped;
  }
  return wrapped >= 2 ? widest : 0;
}

// In wrapped text a line also goes on the one before when it starts with a
// capital, if the view had no room left for its first word (the wrapper
// would have put it there otherwise) and it reads as prose itself, six words
// or the end of a sentence: a date or byline under a title stays apart.
// A short line closing a block of two is a long headline's end, unless it
// has a digit or a byline cue (a date, a byline).
bool ContinuesAtCapital(const RawLine& previous, const RawLine& next, bool closes_block_of_two,
                        size_t wrap_width) {
  if (wrap_width == 0 || previous.words < 6 || EndsSentence(previous.text) || next.text.empty()) return false;
  const bool has_digit =
      std::any_of(next.text.begin(), next.text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool headline_end = closes_block_of_two && !has_digit && !meta::OpensWithBylineCue(next.text);
  if (next.words < 6 && !EndsSentence(next.text) && !headline_end) return false;
  return previous.width + 1 + utf8::CodePointCount(FirstWord(next.text)) > wrap_width;
}

// Whether raw line `i` ends a block of two lines, blank lines around them.
bool ClosesBlockOfTwo(const std::vector<RawLine>& raw, size_t i) {
  return i >= 1 && (i + 1 == raw.size() || raw[i + 1].text.empty()) && (i < 2 || raw[i - 2].text.empty());
}

// "By" or "Oleh:" alone on its line: a page that sets the name apart
// (a link) puts it on the next one.
bool IsLoneBylineCue(const Line& l) {
  return l.words <= 2 && !l.list_item && meta::OpensWithBylineCue(l.text) && meta::SplitAuthorNames(l.text).empty();
}

bool HasPhotoWord(std::string_view lower) {
  static const RE2 re("\\b(foto|photo|photograph|ilustrasi|illustration|getty images|shutterstock|gambar|image)\\b");
  return RE2::PartialMatch(re2::StringPiece(lower.data(), lower.size()), re);
}

// Headers of link boxes ("Berita Terkait", "Most popular today"): after the
// article, or inside it when more of the article follows.
bool IsSectionCue(std::string_view lower, int words) {
  static constexpr std::string_view kCues[] = {
      "berita terkait", "artikel terkait", "terpopuler", "berita terpopuler", "topik artikel", "topik terkait",
      "tags", "tag", "topik", "related", "related articles", "related stories", "related news", "most popular",
      "most read", "berita lainnya", "baca berita lainnya", "rekomendasi", "pilihan redaksi", "editor's picks",
      "more stories", "more from", "trending", "berita terkini", "terkini", "populer", "latest news",
      "you may also like", "recommended", "read next", "up next", "what to read next", "more on this story",
      "baca lainnya", "related posts", "related topics", "you might also like", "recent posts", "popular posts",
      "more news", "top stories", "latest stories"};
  std::string_view s = lower;
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.remove_suffix(1);
  if (std::find(std::begin(kCues), std::end(kCues), s) != std::end(kCues)) return true;
  // A short header that opens with a cue of two words or more names its
  // section further: "Most popular today", "More from the newsroom".
  if (words > 5) return false;
  return std::any_of(std::begin(kCues), std::end(kCues), [&](std::string_view cue) {
    return cue.find(' ') != std::string_view::npos && s.starts_with(cue) && s.size() > cue.size() &&
           s[cue.size()] == ' ';
  });
}

// The page's copyright line has a year or reserves rights; a photo's
// credit ("(c) Example Images", "(c) Photo: Jane Doe") is no footer.
bool IsCopyrightNotice(std::string_view lower) {
  if (HasPhotoWord(lower)) return false;
  static const RE2 kYear("\\b(?:19|20)\\d\\d\\b");
  return RE2::PartialMatch(re2::StringPiece(lower.data(), lower.size()), kYear) ||
         lower.find("rights reserved") != std::string_view::npos || lower.find("dilindungi") != std::string_view::npos;
}

// A short line naming the comments: "Top rated comments", "[ 12 comments ]".
// ("Komentar" alone also names an opinion column, so only the bare header
// counts in Indonesian.)
bool IsCommentsHeader(std::string_view lower, int words) {
  if (words > 4) return false;
  static const RE2 kComments("\\bcomments\\b");
  return RE2::PartialMatch(re2::StringPiece(lower.data(), lower.size()), kComments);
}

// The author's note under an article: "Jane Doe is a freelance writer
// living in Portville", "Penulis adalah wartawan senior". Where it stands,
// the article has ended.
bool IsAuthorBio(std::string_view line, std::string_view lower, int words) {
  if (words > 40) return false;
  if (lower.starts_with("penulis adalah") || lower.starts_with("the author is") ||
      lower.starts_with("the writer is")) {
    return true;
  }
  static const RE2 kBio(
      "^\\p{Lu}[\\pL'\\x{2019}.-]*(?: \\p{Lu}[\\pL'\\x{2019}.-]*){1,3} is (?:a|an|the) (?:[\\pL-]+ ){0,4}?"
      "(?:writer|reporter|journalist|editor|contributor|correspondent|columnist|author|professor|analyst)\\b");
  return lower.find(" is ") != std::string_view::npos &&
         RE2::PartialMatch(re2::StringPiece(line.data(), line.size()), kBio);
}

// The notes of a comment form, where the comments begin: "Your email
// address will not be published", "Notify me of follow-up comments".
bool IsCommentForm(std::string_view lower, int words) {
  static constexpr std::string_view kCues[] = {
      "email address will not be published", "e-mail address will not be published", "notify me of",
      "comments are moderated", "required fields are marked", "post a comment", "add a comment",
      "join the discussion", "join the conversation", "tulis komentar", "kirim komentar", "beri komentar"};
  if (words > 30) return false;
  return std::any_of(std::begin(kCues), std::end(kCues),
                     [&](std::string_view cue) { return lower.find(cue) != std::string_view::npos; });
}

// Headers after which nothing is the article any more: the comments, the
// author's box, the copyright.
bool IsFooterCue(std::string_view lower, int words) {
  static constexpr std::string_view kCues[] = {"komentar",        "comments",         "leave a reply",
                                               "leave a comment", "about the author", "tentang penulis"};
  std::string_view s = lower;
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.remove_suffix(1);
  if (s.starts_with("copyright") || s.starts_with("\xC2\xA9") || s.starts_with("hak cipta")) return IsCopyrightNotice(s);
  if (std::find(std::begin(kCues), std::end(kCues), s) != std::end(kCues)) return true;
  return IsCommentsHeader(s, words) || IsCommentForm(s, words);
}

// A share bar copied as one line: "Facebook Twitter WhatsApp Email",
// "Share on Facebook 0 Tweet Print". Two networks or share actions in a
// short line.
bool IsShareBar(std::string_view lower, int words) {
  static constexpr std::string_view kNames[] = {"facebook", "twitter", "whatsapp", "linkedin", "pinterest",
                                                "telegram", "reddit",  "email",    "e-mail",   "print",
                                                "tweet",    "flipboard", "messenger"};
  if (words > 15) return false;
  int names = 0;
  size_t pos = 0;
  while (pos < lower.size()) {
    size_t end = lower.find(' ', pos);
    if (end == std::string_view::npos) end = lower.size();
    std::string_view word = lower.substr(pos, end - pos);
    // A count glued to the name ("facebook0") is still the name.
    names += std::any_of(std::begin(kNames), std::end(kNames), [&](std::string_view n) { return word.starts_with(n); });
    pos = end + 1;
  }
  return names >= 2;
}

// The site's notices: the cookie consent (cookies named with the site, the
// browser, consent or privacy), the affiliate disclosure and the fine print
// of a sign-up form (two of its terms).
bool IsSiteNotice(std::string_view lower) {
  auto has = [&](std::string_view w) { return lower.find(w) != std::string_view::npos; };
  if (has("commission") && (has("affiliate") || has("links on"))) return true;
  if (has("cookie")) {
    for (std::string_view w : {"website", "browser", "consent", "privacy", "accept", "situs", "persetujuan"}) {
      if (has(w)) return true;
    }
  }
  int terms = 0;
  for (std::string_view w : {"terms of use", "terms of service", "privacy policy", "unsubscribe", "newsletter",
                             "subscription", "kebijakan privasi", "syarat dan ketentuan"}) {
    terms += has(w);
  }
  return terms >= 2;
}

// How long the article takes to read: "5 min read", "Reading time: 4
// minutes", "3 menit baca", "Lesezeit: 4 Min."
bool SaysReadingTime(std::string_view lower) {
  for (std::string_view cue : {"min read", "minute read", "minutes read", "reading time", "read time", "menit baca",
                               "waktu baca", "lesezeit"}) {
    if (lower.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

// Leftovers of page furniture, by their opening words.
bool IsFurnitureCue(std::string_view lower, int words) {
  if (words <= 5 && !lower.empty() && lower.back() == ':') return true;  // "Share :", "Halaman:"
  if (words <= 5 && SaysReadingTime(lower)) return true;
  if (words > 16) return false;
  static constexpr std::string_view kPrefixes[] = {
      "baca juga", "baca:", "baca selengkapnya", "simak juga", "simak:", "simak video", "lihat juga", "lihat:",
      "follow ", "ikuti ", "telusuri", "read more", "read also", "also read", "see also", "related:",
      "advertisement", "iklan", "scroll to", "scroll untuk", "gulir", "share", "bagikan", "download ",
      "unduh ", "klik ", "click here", "cek berita", "dapatkan ", "gabung ", "subscribe", "sign up",
      "newsletter", "watch:", "tonton", "halaman ", "halaman:", "page ", "selanjutnya", "sebelumnya",
      "next article", "previous article", "editor:", "penyunting", "redaktur:", "sumber:", "source:",
      "loading", "memuat", "video:", "cek fakta:", "kunjungi ", "jangan lewatkan", "don't miss",
      "untuk informasi", "temukan berita", "ikuti berita", "artikel ini telah", "this article was", "tag:",
      "simak ", "baca berita", "reporting by", "additional reporting", "writing by", "editing by",
      "compiled by", "our standards", "sign up", "get the latest", "follow us", "ikuti kami"};
  for (std::string_view p : kPrefixes) {
    if (lower.starts_with(p)) return true;
  }
  // Breadcrumbs: "Home > News > Dunia"; with two separators or more, also
  // when they end with the article's headline ("Home > News > Why It Rained?").
  for (std::string_view sep : {" > ", " \xE2\x80\xBA ", " \xC2\xBB ", " / "}) {
    size_t first = lower.find(sep);
    if (first == std::string_view::npos) continue;
    if (words <= 8 && !EndsSentence(lower)) return true;
    if (lower.find(sep, first + sep.size()) != std::string_view::npos) return true;
  }
  return IsShareBar(lower, words);
}

bool IsSignoff(std::string_view s, int words) {
  if (s.size() < 3 || s.front() != '(' || s.back() != ')' || words > 5) return false;
  std::string_view inner = s.substr(1, s.size() - 2);
  return inner.find_first_of("()") == std::string_view::npos;
}

// An Indonesian byline whose cue follows a word for writing it: "Ditulis
// oleh Budi Santoso", "Artikel oleh ..." -> from the cue on. (Not "Foto
// oleh", "Disunting oleh": the photographer and the editor are no authors.)
std::string_view FromBylineCue(std::string_view s) {
  static constexpr std::string_view kWritten[] = {"ditulis", "diposting", "dipublikasikan", "diterbitkan",
                                                  "dilaporkan", "artikel", "berita", "tulisan", "laporan"};
  const size_t space = s.find(' ');
  if (space == std::string_view::npos) return s;
  const std::string first = Lower(s.substr(0, space));
  std::string_view rest = s.substr(space + 1);
  const bool written = std::find(std::begin(kWritten), std::end(kWritten), first) != std::end(kWritten);
  return written && Lower(FirstWord(rest)) == "oleh" ? rest : s;
}

// Words that hold a letter or a digit: separators ("|", "·", "&") are no
// label.
int CountLabelWords(std::string_view s) {
  int n = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(' ', pos);
    if (end == std::string_view::npos) end = s.size();
    for (size_t at = pos; at < end;) {
      if (u_isalnum(static_cast<UChar32>(utf8::Decode(s, &at)))) {
        ++n;
        break;
      }
    }
    pos = end + 1;
  }
  return n;
}

std::vector<std::string> NamesBeforeDate(std::string_view line, const meta::DateMatch& date);

// A line that is mostly dates: one or two (published, then updated) and at
// most a few label words around them ("Mon 3 Mar 2026 09.15 GMT Last
// modified on Mon 3 Mar 2026 10.02 GMT", "03/03/2026 09:15 | Politics").
bool IsDateLine(std::string_view s, int words, meta::DateLocale locale, LineDates* dates) {
  constexpr int kMostLabelWords = 5;
  if (words > 24) return false;
  meta::DateParseOptions o;
  o.locale = locale;
  std::vector<meta::DateMatch> found = meta::FindDates(s, o, 2);
  if (found.empty() || found[0].value.granularity < meta::DateGranularity::kDay) return false;
  int label_words = 0;
  size_t from = 0;
  for (const meta::DateMatch& m : found) {
    label_words += CountLabelWords(s.substr(from, m.begin - from));
    from = m.end;
  }
  label_words += CountLabelWords(s.substr(from));
  // (A byline before the date is no label: "Oleh Budi Santoso pada Senin,
  // 2 Maret 2026".)
  if (label_words > kMostLabelWords) {
    label_words -= CountLabelWords(s.substr(0, found[0].begin));
    if (label_words > kMostLabelWords || NamesBeforeDate(s, found[0]).empty()) return false;
  }
  dates->count = 0;
  for (const meta::DateMatch& m : found) {
    if (m.value.granularity >= meta::DateGranularity::kDay) dates->match[dates->count++] = m;
  }
  return true;
}

// Whether the words before a date say it is when the page was updated
// ("Updated", "Diperbarui", "Last modified on").
bool LabelsUpdate(std::string_view lower_label) {
  for (std::string_view cue :
       {"diperbarui", "update", "modified", "atualizado", "actualizado", "aktualisiert", "mis \xC3\xA0 jour"}) {
    if (lower_label.find(cue) != std::string_view::npos) return true;
  }
  return false;
}

std::string GuessLanguage(const std::vector<std::string>& paragraphs) {
  static constexpr std::string_view kId[] = {"yang", "dan", "di", "dengan", "untuk", "ini", "itu", "dari",
                                             "pada", "tidak", "akan", "dalam", "adalah", "ke", "juga",
                                             "oleh", "karena", "bahwa", "telah", "sudah", "mereka"};
  static constexpr std::string_view kEn[] = {"the", "and", "of", "to", "in", "is", "that", "for", "was",
                                             "with", "on", "as", "are", "it", "by", "he", "said", "at",
                                             "from", "has", "have"};
  int id = 0, en = 0;
  for (const std::string& p : paragraphs) {
    std::string lower = Lower(p);
    size_t pos = 0;
    while (pos < lower.size()) {
      size_t end = lower.find_first_of(" ,.;:!?\"()", pos);
      if (end == std::string::npos) end = lower.size();
      std::string_view w = std::string_view(lower).substr(pos, end - pos);
      if (std::find(std::begin(kId), std::end(kId), w) != std::end(kId)) ++id;
      if (std::find(std::begin(kEn), std::end(kEn), w) != std::end(kEn)) ++en;
      pos = end + 1;
    }
  }
  if (id < 3 && en < 3) return "";
  return id >= en ? "id" : "en";
}

// The brand a copyright holder's name begins with, when the page sets it
// on a line of its own (its logo's text, a menu's title): "Harbor Daily" for
// "(c) Harbor Daily Media Group". Else the holder's name.
std::string BrandOfHolder(const std::vector<Line>& lines, const std::string& holder) {
  const std::string lower = Lower(holder);
  const Line* brand = nullptr;
  for (const Line& l : lines) {
    if (l.words == 0 || l.words > 3 || l.list_item || l.lower.size() >= lower.size() ||
        !lower.starts_with(l.lower) || lower[l.lower.size()] != ' ') {
      continue;
    }
    if (brand == nullptr || l.text.size() > brand->text.size()) brand = &l;
  }
  return brand ? brand->text : holder;
}

// The outlet's name from the page's own furniture.
std::string SiteNameFromCues(const std::vector<Line>& lines, std::string_view dateline_outlet) {
  static const RE2 kChannel(
      "(?i:follow|ikuti|gabung)\\b.{0,40}?\\b(?i:channel|saluran|kanal)\\s+([A-Z][A-Za-z0-9.]*(?:\\s[A-Z][A-Za-z0-9.]*)?)");
  // The holder after the cue and the years ("(c) 2011-2026, ", "(c) 2000- "):
  // up to four capitalised words, any two maybe joined by one particle
  // ("Gazeta de Costa", "Voice of Harbor"), or a domain written in lowercase
  // ("tepiandaru.id"). (Latin letters, accented too, spelled out: Unicode
  // classes here cost more than the rest of the page's reading.)
  static const RE2 kCopyright(
      "(?:(?i:copyright|hak cipta)\\s*(?:\\x{A9}|\\([cC]\\))?|\\x{A9})\\s*(?:(?i:copyright)\\s*)?"
      "(?:\\d{4}(?:\\s*[-\\x{2013}]\\s*(?:\\d{4})?)?\\s*,?\\s*)?(?:(?i:copyright)\\s*)?"
      "([A-Z\\x{C0}-\\x{DE}][A-Za-z0-9\\x{C0}-\\x{24F}.&'\\x{2019}-]*"
      "(?:\\s(?:(?:de|del|la|of|the|di|dan|und|and)\\s)?"
      "[A-Z\\x{C0}-\\x{DE}][A-Za-z0-9\\x{C0}-\\x{24F}.&'\\x{2019}-]*){0,3}"
      "|[a-z0-9][a-z0-9-]*\\.[a-z]{2,6}\\b)");
  std::string name;
  // `cues`: words one of which the line must hold for the pattern to be
  // tried; `from_end`: the last line that matches wins.
  auto find_match = [&](const RE2& re, std::initializer_list<std::string_view> cues, bool from_end) {
    for (size_t k = 0; k < lines.size(); ++k) {
      const Line& l = lines[from_end ? lines.size() - 1 - k : k];
      const bool has_cue = std::any_of(cues.begin(), cues.end(),
                                       [&](std::string_view cue) { return l.lower.find(cue) != std::string::npos; });
      // (A photo's credit or a licence is no outlet: "(c) Example Images",
      // "Creative Commons BY".)
      if (!has_cue || HasPhotoWord(l.lower) || l.lower.find("creative commons") != std::string::npos) continue;
      if (RE2::PartialMatch(l.text, re, &name)) {
        // "Example News. All rights reserved": the name ends with its
        // sentence.
        if (size_t stop = name.find(". "); stop != std::string::npos) name.resize(stop);
        while (!name.empty() && name.back() == '.') name.pop_back();
        if (!name.empty()) return true;
      }
    }
    return false;
  };
  if (find_match(kChannel, {"channel", "saluran", "kanal"}, false)) return name;
  // The outlet a dateline names ("JAKARTA, WARTA.com -") is the site itself.
  if (!dateline_outlet.empty()) return std::string(dateline_outlet);
  // The page's own notice is in its footer: the last one (a photo's credit
  // comes earlier, inside the article).
  if (find_match(kCopyright, {"copyright", "hak cipta", "\xC2\xA9"}, true)) {
    // Company forms are not the site's name: "PT Warta Media" -> "Warta
    // Media", "Example News LLC" -> "Example News".
    static const RE2 kCompany("^(?:PT\\.?|CV\\.?|Pt\\.?)\\s+");
    static const RE2 kLegalForm("(?:\\s+(?i:LLC|Inc|Ltd|Limited|GmbH|AG|Corp|Co|Plc|Pty|Pvt|SA|S\\.A|KG|Tbk)\\.?)+$");
    // The notice's own words end the name: "Example News All Rights
    // Reserved", "Example Kontakt Impressum".
    static const RE2 kNoticeWords("\\s+(?:All|Alle|Todos|Tous|Hak|Kontakt|Impressum|Datenschutz|Privacy|Terms)\\b.*$");
    RE2::Replace(&name, kNoticeWords, "");
    RE2::Replace(&name, kCompany, "");
    RE2::Replace(&name, kLegalForm, "");
    return BrandOfHolder(lines, name);
  }
  return "";
}

// "WARTA.com/ANDI", "ANTARA/Budi Santoso": a credit line of its own.
bool IsBareCredit(std::string_view s, int words) {
  if (words > 4 || s.find('/') == std::string_view::npos || EndsSentence(s)) return false;
  static const RE2 kShape("^[A-Z][A-Za-z0-9.&-]*(?: [A-Za-z][A-Za-z.&-]*)*/[A-Z][\\w.&-]*(?: [A-Z][\\w.&-]*)*$");
  return RE2::FullMatch(re2::StringPiece(s.data(), s.size()), kShape);
}

// An outlet's name as a byline gives it after the author: one word with a
// capital inside or a domain ("KabarNews", "Kabar.com"), or a known agency.
bool LooksLikeOutlet(std::string_view s) {
  if (CountWords(s) != 1) return !meta::KnownSourceName(s).empty();
  if (s.find('.') != std::string_view::npos) return true;
  return std::any_of(s.begin() + 1, s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) ||
         !meta::KnownSourceName(s).empty();
}

// A person's name and the job after a comma, the job's last word a
// journalist's: "Jane Roe, Senior Harbor Correspondent", "Budi Santoso,
// Wartawan Senior".
std::vector<std::string> NameWithRole(std::string_view line) {
  static constexpr std::string_view kJobs[] = {"writer", "reporter", "correspondent", "editor", "journalist",
                                               "columnist", "jurnalis", "wartawan", "koresponden", "kontributor"};
  const size_t comma = line.find(", ");
  if (comma == std::string_view::npos) return {};
  const std::string_view name = line.substr(0, comma), job = line.substr(comma + 2);
  const int job_words = CountWords(job);
  if (job_words < 2 || job_words > 4) return {};
  const std::string lower_job = Lower(job);
  const bool is_job = std::any_of(std::begin(kJobs), std::end(kJobs), [&](std::string_view w) {
    return lower_job.ends_with(w) || lower_job.starts_with(std::string(w) + " ");
  });
  const int name_words = CountWords(name);
  if (!is_job || name_words < 2 || name_words > 4 || !meta::IsPlausiblePersonName(name)) return {};
  return {std::string(name)};
}

// A byline in one field of a line of fields: "Politics | By Jane Roe |
// 4 min read", "Oleh Budi Santoso | Nasional".
std::vector<std::string> CuedNamesInFields(std::string_view line) {
  static constexpr std::string_view kFieldSeparators[] = {" | ", " \xE2\x80\xA2 ", " \xC2\xB7 "};
  for (std::string_view sep : kFieldSeparators) {
    if (line.find(sep) == std::string_view::npos) continue;
    for (size_t pos = 0; pos <= line.size();) {
      size_t end = std::min(line.find(sep, pos), line.size());
      std::string_view field = line.substr(pos, end - pos);
      if (meta::OpensWithBylineCue(field) && meta::LooksLikeByline(field)) return meta::SplitAuthorNames(field);
      pos = end + sep.size();
    }
  }
  return {};
}

// The people a byline names: one with a cue ("By", "Oleh", ", Jurnalis"),
// or a person's name and the outlet after a dash or a bar ("Jane Doe -
// KabarNews", "Jane Doe | Reuters").
std::vector<std::string> BylineNames(std::string_view line) {
  line = FromBylineCue(line);
  if (meta::LooksLikeByline(line)) return meta::SplitAuthorNames(line);
  if (std::vector<std::string> names = CuedNamesInFields(line); !names.empty()) return names;
  if (std::vector<std::string> name = NameWithRole(line); !name.empty()) return name;
  for (std::string_view sep : {" - ", " | ", " \xE2\x80\x93 "}) {
    size_t at = line.find(sep);
    if (at == std::string_view::npos) continue;
    std::string_view name = line.substr(0, at);
    const int name_words = CountWords(name);
    if (name_words < 2 || name_words > 4 || !LooksLikeOutlet(line.substr(at + sep.size()))) return {};
    if (meta::IsPlausiblePersonName(name)) return {std::string(name)};
    return {};
  }
  return {};
}

LineKind Classify(const Line& l, bool in_body, meta::DateLocale locale, LineDates* dates) {
  const std::string& lower = l.lower;
  // "Comments" or "Related" as an item of a list is a link in a share bar or
  // a menu, not the header of the section that ends the article.
  if (IsFooterCue(lower, l.words) || IsAuthorBio(l.text, lower, l.words)) return l.list_item ? LineKind::kFurniture : LineKind::kFooter;
  if (IsSectionCue(lower, l.words)) return l.list_item ? LineKind::kFurniture : LineKind::kSection;
  if (IsFurnitureCue(lower, l.words) || IsSiteNotice(lower)) return LineKind::kFurniture;
  if (IsSignoff(l.text, l.words)) return LineKind::kSignoff;
  // A date line may carry the byline too ("By Jane Doe March 3, 2026"): it
  // is read as a date line, and the names before the date as the byline.
  if (!in_body && IsDateLine(l.text, l.words, locale, dates)) return LineKind::kDate;
  if (l.words <= 12 && !BylineNames(l.text).empty()) return LineKind::kByline;
  if (l.words <= 60 && (!in_body || HasPhotoWord(lower)) && meta::HasCreditCue(l.text)) return LineKind::kCaption;
  if (!in_body && lower.starts_with("ilustrasi") && l.words <= 20) return LineKind::kCaption;
  if (!in_body && IsBareCredit(l.text, l.words)) return LineKind::kCaption;
  bool has_letters = std::any_of(l.text.begin(), l.text.end(), [](char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  }) || std::any_of(l.text.begin(), l.text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (!has_letters) return LineKind::kFurniture;
  if (l.words >= 8 || (l.words >= 2 && EndsSentence(l.text))) return LineKind::kParagraph;
  return LineKind::kShort;
}

// A line of running prose: it ends a sentence, or is too long for a
// headline or a link.
bool IsProse(const Line& l) {
  return l.kind == LineKind::kParagraph && !l.list_item &&
         (l.words >= 20 || (l.words >= 6 && EndsSentence(l.text)));
}

bool IsNeutral(LineKind kind) {
  return kind == LineKind::kByline || kind == LineKind::kDate || kind == LineKind::kCaption ||
         kind == LineKind::kSignoff;
}

// How much a line speaks for being inside the article: prose by its length,
// anything else (menus, link lists, teasers, labels) a little against it,
// the header of a link box strongly (the article goes on past a box only
// when its prose on both sides outweighs it), the comments or the copyright
// beyond appeal. Bylines, dates, captions and sign-offs are neutral: they
// sit both in and around articles.
int RegionScore(const Line& l) {
  constexpr int kSectionPenalty = 30;
  constexpr int kFooterPenalty = 1000;
  if (IsNeutral(l.kind)) return 0;
  if (l.kind == LineKind::kSection) return -kSectionPenalty;
  if (l.kind == LineKind::kFooter) return -kFooterPenalty;
  if (IsProse(l)) return l.words;
  return l.kind == LineKind::kFurniture ? -3 : -2;
}

// The article in a whole copied page: the run of lines whose scores sum
// highest (menus, teasers and footers around it sum below zero). [begin, end)
// is empty when no line is prose.
struct Region {
  size_t begin = 0, end = 0;
};

Region ArticleRegion(const std::vector<Line>& lines) {
  // The article comes before the comments and the copyright: once some prose
  // has been seen, nothing after them is looked at (teasers, a cookie
  // notice).
  constexpr int kProseBeforeFooter = 50;
  size_t last = lines.size();
  int prose_words = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind == LineKind::kFooter && prose_words >= kProseBeforeFooter) {
      last = i;
      break;
    }
    if (IsProse(lines[i])) prose_words += lines[i].words;
  }
  Region best, current;
  long best_sum = 0, sum = 0;
  for (size_t i = 0; i < last; ++i) {
    if (sum <= 0) {
      sum = 0;
      current.begin = i;
    }
    sum += RegionScore(lines[i]);
    if (sum > best_sum) {
      best_sum = sum;
      best = {current.begin, i + 1};
    }
  }
  return best;
}

// Where the article ends: past its last paragraph a page has stretches of
// non-prose (link lists, forms, teasers) between stray sentences. From the
// run's start, a non-prose line costs two more for each non-prose line
// before it in the stretch, and the article ends where the sum peaks: a
// subhead here and there costs little, a long stretch before a stray
// sentence outweighs it.
void TrimEnd(const std::vector<Line>& lines, Region* region) {
  long sum = 0, best_sum = 0;
  size_t best_end = region->begin;
  int non_prose_run = 0;
  for (size_t i = region->begin; i < region->end; ++i) {
    int score = RegionScore(lines[i]);
    if (score > 0) {
      non_prose_run = 0;
    } else if (!IsNeutral(lines[i].kind)) {
      score -= non_prose_run * 2;
      ++non_prose_run;
    }
    sum += score;
    if (sum > best_sum) {
      best_sum = sum;
      best_end = i + 1;
    }
  }
  region->end = best_end;
}

// A subhead: a short line between two paragraphs of prose.
bool IsSubhead(const std::vector<Line>& lines, size_t i) {
  return i > 0 && i + 1 < lines.size() && lines[i].words >= 2 && !lines[i].list_item && IsProse(lines[i - 1]) &&
         IsProse(lines[i + 1]);
}

// A date line's dates into the record: each one is when the page was
// updated when the words before it say so, else when it was published; the
// first of each kind counts.
void TakeLineDates(const Line& l, Record* r) {
  size_t from = 0;
  for (size_t k = 0; k < l.dates.count; ++k) {
    const meta::DateMatch& m = l.dates.match[k];
    const bool update = LabelsUpdate(std::string_view(l.lower).substr(from, m.begin - from));
    from = m.end;
    if (update) {
      if (r->modified.empty()) r->modified = meta::FormatIsoLocal(m.value);
    } else if (r->published.empty()) {
      r->published = meta::FormatIsoLocal(m.value);
      r->published_utc = meta::FormatIsoUtc(m.value);
    }
  }
}

// The byline on a date line: "By Jane Doe Updated Nov 13, 2019",
// "Jane Doe - 19 March 2026 10:31". The words before the date, less the
// labels, weekday and separators they end with, when they open with a
// byline cue or are a person's name of two to four words.
std::vector<std::string> NamesBeforeDate(std::string_view line, const meta::DateMatch& date) {
  static constexpr std::string_view kLabels[] = {
      " updated", " published", " posted", " on", " pada", " diperbarui", " diterbitkan", " publiziert am",
      " ver\xC3\xB6" "ffentlicht am", " ver\xC3\xB6" "ffentlicht", " publicado", " publi\xC3\xA9", "\xE2\x80\x93",
      "\xE2\x80\x94",
      "\xC2\xB7", " monday", " tuesday", " wednesday", " thursday", " friday", " saturday", " sunday", " senin",
      " selasa", " rabu", " kamis", " jumat", " sabtu", " minggu"};
  std::string_view before = line.substr(0, std::min(date.begin, line.size()));
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    while (!before.empty() && std::string_view(" -|,:").find(before.back()) != std::string_view::npos) {
      before.remove_suffix(1);
      trimmed = true;
    }
    std::string lower = Lower(before);
    for (std::string_view label : kLabels) {
      if (lower.size() > label.size() && lower.compare(lower.size() - label.size(), label.size(), label) == 0) {
        before.remove_suffix(label.size());
        trimmed = true;
        break;
      }
    }
  }
  // (The author's handle may follow the name: "By Jane Roe@janeroe".)
  if (size_t handle = before.find('@'); handle != std::string_view::npos && handle > 0 &&
                                        before.find(' ', handle) == std::string_view::npos) {
    before = before.substr(0, handle);
  }
  before = FromBylineCue(before);
  if (before.empty()) return {};
  if (meta::LooksLikeByline(before)) return meta::SplitAuthorNames(before);
  const int words = CountWords(before);
  if (words >= 2 && words <= 4 && meta::IsPlausiblePersonName(before)) return {std::string(before)};
  return CuedNamesInFields(before);
}

// The outlet a date line opens with, written as its domain:
// "Tepiandaru.com - 02/03/2026, 14:05 WIB".
std::string_view OutletBeforeDate(const Line& l) {
  std::string_view before = std::string_view(l.text).substr(0, std::min(l.dates.match[0].begin, l.text.size()));
  while (!before.empty() && std::string_view(" -|,:").find(before.back()) != std::string_view::npos) {
    before.remove_suffix(1);
  }
  const size_t dot = before.rfind('.');
  if (before.empty() || before.find(' ') != std::string_view::npos || dot == std::string_view::npos || dot == 0) {
    return {};
  }
  const std::string_view tld = before.substr(dot + 1);
  const bool letters = !tld.empty() && tld.size() <= 6 && std::all_of(tld.begin(), tld.end(), [](char c) {
                         return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                       });
  return letters ? before : std::string_view();
}

// The byline after the date: "Tuesday, 3 March 2026, by Jane Roe",
// "3 March 2026 | Oleh Budi Santoso", up to the next separator.
std::vector<std::string> NamesAfterDate(std::string_view line, const LineDates& dates, bool in_header) {
  static constexpr std::string_view kSeparators[] = {",", "-", "|", ":", "/", "\xE2\x80\xA2", "\xC2\xB7",
                                                     "\xE2\x80\x93", "\xE2\x80\x94"};
  std::string_view after = line.substr(std::min(dates.match[dates.count - 1].end, line.size()));
  for (bool trimmed = true; trimmed;) {
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    trimmed = false;
    for (std::string_view sep : kSeparators) {
      if (after.starts_with(sep)) {
        after.remove_prefix(sep.size());
        trimmed = true;
      }
    }
  }
  for (std::string_view sep : {" \xE2\x80\xA2", " |", " \xC2\xB7", " \xE2\x80\x93", " \xE2\x80\x94"}) {
    after = after.substr(0, after.find(sep));
  }
  if (!meta::OpensWithBylineCue(after)) {
    // In the header a person's name alone in its field, two words, is the
    // byline without a cue: "3 March 2026 | 09:15 | Jane Roe".
    if (!in_header || CountWords(after) != 2 || after.find(',') != std::string_view::npos ||
        !meta::IsPlausiblePersonName(after)) {
      return {};
    }
    return {std::string(after)};
  }
  // (A count after the name is the page's: "by Jane Roe 5 Comments".)
  for (size_t pos = 0; pos < after.size(); pos = after.find(' ', pos) + 1) {
    if (after[pos] >= '0' && after[pos] <= '9') {
      after = after.substr(0, pos);
      break;
    }
    if (after.find(' ', pos) == std::string_view::npos) break;
  }
  return meta::SplitAuthorNames(after);
}

// When it was posted: "Published 2 hours ago", "Diperbarui 1 jam lalu",
// "Updated March 3, 9:15 AM".
bool SaysWhenPosted(const Line& l) {
  if (l.words > 10) return false;
  const std::string& lower = l.lower;
  for (std::string_view cue : {"published", "updated", "posted", "diterbitkan", "diperbarui", "dipublikasikan"}) {
    if (lower.starts_with(cue)) return true;
  }
  for (std::string_view end : {" ago", " lalu"}) {
    if (lower.size() >= end.size() && lower.compare(lower.size() - end.size(), end.size(), end) == 0) return true;
  }
  return false;
}

// A name without the agency it writes for, set after it: "Jane Roe
// Associated Press" -> "Jane Roe".
std::string_view WithoutAgency(std::string_view name) {
  constexpr int kLongestAgency = 3;  // words
  size_t cut = name.size();
  for (int k = 0; k < kLongestAgency; ++k) {
    cut = name.rfind(' ', cut - 1);
    if (cut == std::string_view::npos || cut == 0) break;
    if (!meta::KnownSourceName(name.substr(cut + 1)).empty()) return name.substr(0, cut);
  }
  return name;
}

// The byline on a date line, before the date or after it (without a cue
// only in the article's header).
std::vector<std::string> NamesAroundDate(const Line& l, bool in_header) {
  std::vector<std::string> names = NamesBeforeDate(l.text, l.dates.match[0]);
  meta::MergeNames(NamesAfterDate(l.text, l.dates, in_header), &names);
  return names;
}

// The author's bare name over the date line under a headline ("Jane Roe"
// over "March 3, 2026" or "2 hours ago", maybe with the author's address
// between): a person's name of two to four words, after the label of an
// image if any ("[portrait] Jane Roe"). (Under the date line a short line
// is as often the headline itself.)
std::vector<std::string> NameOverDate(const std::vector<Line>& lines, size_t i) {
  const Line& l = lines[i];
  if (l.kind != LineKind::kShort || l.list_item) return {};
  auto is_date = [&](size_t at) {
    return at < lines.size() && (lines[at].kind == LineKind::kDate || SaysWhenPosted(lines[at]));
  };
  const bool address_between = i + 1 < lines.size() && lines[i + 1].words == 1 &&
                               lines[i + 1].text.find('@') != std::string::npos;
  if (!is_date(i + 1) && !(address_between && is_date(i + 2))) return {};
  std::string_view name = l.text;
  if (name.front() == '[') {
    const size_t close = name.find("] ");
    if (close == std::string_view::npos) return {};
    name.remove_prefix(close + 2);
  }
  if (name.ends_with(',')) name.remove_suffix(1);
  name = WithoutAgency(name);
  const int words = CountWords(name);
  // (A comma inside parts a name from its outlet or place: "Jane Roe,
  // Example Wire" is for the byline's reader.)
  if (words < 2 || words > 4 || name.find(',') != std::string_view::npos || !meta::IsPlausiblePersonName(name)) {
    return {};
  }
  return {std::string(name)};
}

// What an article's header has under its headline: a byline, a date line,
// when it was posted.
bool IsHeaderLine(const Line& l) {
  return l.kind == LineKind::kByline || l.kind == LineKind::kDate || SaysWhenPosted(l);
}

// The header under line `i`: on the next line, or after a label of up to
// three words (a section, the outlet, the author's bare name).
bool IsOverHeader(const std::vector<Line>& lines, size_t i) {
  if (i + 1 < lines.size() && IsHeaderLine(lines[i + 1])) return true;
  return i + 2 < lines.size() && lines[i + 1].kind == LineKind::kShort && lines[i + 1].words <= 3 &&
         IsHeaderLine(lines[i + 2]);
}

// Lines that are never a headline however placed: a bracketed widget or
// placeholder ("[ ] [Search]"), an image's label, a byline the name
// splitter did not take ("By Jane DoeStaff Writer"), a credit ("Jane Doe,
// Example Press") or a label with its value ("Reading time: 2 minutes").
bool CannotBeTitle(const Line& l) {
  std::string_view s = l.text;
  if (s.front() == '[' || l.list_item) return true;
  const std::string& lower = l.lower;
  for (std::string_view cue : {"by ", "oleh ", "von ", "por ", "par "}) {
    if (lower.starts_with(cue) && l.words <= 6) return true;
  }
  if (SaysWhenPosted(l)) return true;
  // An image's label: "Image of Jane Roe", "Profile picture for user jroe",
  // "Jane Roe headshot".
  for (std::string_view cue : {"image of ", "picture of ", "photo of ", "profile picture", "foto von ", "bild von "}) {
    if (lower.starts_with(cue)) return true;
  }
  for (std::string_view end : {" headshot", " mugshot", " avatar", " portrait"}) {
    if (lower.ends_with(end)) return true;
  }
  // A caption with its source in parentheses: "The old pier. (File photo)".
  if (s.back() == ')' && HasPhotoWord(lower)) return true;
  size_t comma = s.rfind(", ");
  if (comma != std::string_view::npos && l.words <= 6 && CountWords(s.substr(comma + 2)) <= 3) return true;
  size_t colon = s.find(':');
  return colon != std::string_view::npos && CountWords(s.substr(0, colon)) <= 3 &&
         CountWords(s.substr(colon + 1)) <= 2;
}

// The title: above the body, the nearest line that can be a headline (not
// the page's furniture, byline, date or captions) and over a byline or a
// date line, as an article's header has it; else the nearest line that can
// be a headline. A line ending in a full stop is a standfirst or a caption,
// taken only when no headline is near.
constexpr size_t kNoLine = static_cast<size_t>(-1);

size_t FindTitle(const std::vector<Line>& lines, size_t body_begin) {
  constexpr size_t kTitleReach = 25;  // lines between the title and the body
  size_t nearest = kNoLine, standfirst = kNoLine;
  size_t reach = 0;
  for (size_t i = body_begin; i-- > 0 && reach < kTitleReach; ++reach) {
    const Line& l = lines[i];
    // (A headline printed twice reads as a caption said twice.)
    if (l.kind != LineKind::kParagraph && l.kind != LineKind::kShort && !l.said_twice) continue;
    // (Nor is the author's name over the date line.)
    if (l.words < 3 || l.words > 40 || CannotBeTitle(l) || !NameOverDate(lines, i).empty()) continue;
    if (l.text.back() == '.') {
      if (standfirst == kNoLine) standfirst = i;
      continue;
    }
    if (IsOverHeader(lines, i)) return i;
    if (nearest == kNoLine) nearest = i;
  }
  return nearest != kNoLine ? nearest : standfirst;
}

int ProseWords(const std::vector<Line>& lines, size_t begin, size_t end) {
  int words = 0;
  for (size_t i = begin; i < end; ++i) words += IsProse(lines[i]) ? lines[i].words : 0;
  return words;
}

// A headline over a byline or a date line opens an article. When the region
// holds one, with more prose after it than before (a site's blurb, a teaser
// above), the article starts there; the title is that headline.
void StartAtArticleHeader(const std::vector<Line>& lines, Region* region, size_t* title) {
  constexpr int kLongestBlurb = 60;
  for (size_t i = region->begin; i < region->end; ++i) {
    if (!IsHeaderLine(lines[i])) continue;
    size_t headline = FindTitle(lines, i);
    if (headline == kNoLine || headline < region->begin) return;
    const int before = ProseWords(lines, region->begin, headline);
    if (before > kLongestBlurb || before >= ProseWords(lines, i, region->end)) return;
    region->begin = headline + 1;
    *title = headline;
    return;
  }
}

// A headline that asks or exclaims ("Is the ferry worth the fare?") reads
// as a sentence and opens the article's run itself. It is the title when no
// headline stands above the run.
void TakeQuestionHeadline(const std::vector<Line>& lines, Region* region, size_t* title) {
  if (region->end - region->begin < 2) return;
  if (*title != kNoLine && lines[*title].text.back() != '.') return;
  const Line& first = lines[region->begin];
  if (first.words > 20 || first.list_item || CannotBeTitle(first)) return;
  std::string_view s = first.text;
  if (s.back() != '?' && s.back() != '!') return;
  *title = region->begin++;
}

}  // namespace

Record ReadTextPage(std::string_view utf8_text, std::string_view source_name) {
  Record r;
  r.source = std::string(source_name);
  std::string repaired;
  if (!utf8::IsValid(utf8_text)) {
    repaired = utf8::Repair(utf8_text);
    utf8_text = repaired;
  }
  std::vector<RawLine> raw;
  for (size_t pos = 0; pos <= utf8_text.size();) {
    size_t end = utf8_text.find('\n', pos);
    if (end == std::string_view::npos) end = utf8_text.size();
    RawLine& l = raw.emplace_back();
    l.text = NormalizeLine(utf8_text.substr(pos, end - pos));
    DropRepeat(&l.text);
    l.list_item = StripBullet(&l.text);
    l.words = CountWords(l.text);
    l.width = utf8::CodePointCount(l.text);
    pos = end + 1;
  }
  const size_t wrap_width = WrapWidth(raw);
  std::vector<Line> lines;
  for (size_t i = 0; i < raw.size(); ++i) {
    const RawLine& l = raw[i];
    if (l.text.empty()) continue;
    const RawLine* before = i > 0 && !raw[i - 1].text.empty() ? &raw[i - 1] : nullptr;
    if (before && !l.list_item && (ContinuesWrappedLine(lines.back().words, before->text, l.text) ||
                   ContinuesAtCapital(*before, l, ClosesBlockOfTwo(raw, i), wrap_width) ||
                   IsLoneBylineCue(lines.back()))) {
      lines.back().text += ' ';
      lines.back().text += l.text;
      lines.back().words += l.words;
    } else {
      lines.push_back({l.text, "", l.words, l.list_item});
    }
  }
  for (Line& l : lines) l.lower = Lower(l.text);

  // A first guess at the language picks the numeric date order.
  std::vector<std::string> sample;
  for (size_t i = 0; i < lines.size() && i < 60; ++i) sample.push_back(lines[i].text);
  std::string lang = GuessLanguage(sample);
  meta::DateLocale locale = lang == "en" ? meta::DateLocale::kEnglish : meta::DateLocale::kIndonesian;

  // Every line is first read as if it came before the body, the article is
  // found among them, and its captions are read again as body lines (a
  // credit cue inside the article is the text's, unless a photo is named).
  // A date line stays one: inside the run it is a time stamp, not prose.
  for (size_t i = 0; i < lines.size(); ++i) {
    lines[i].kind = Classify(lines[i], false, locale, &lines[i].dates);
  }
  // A line said twice in a row is an image's alt text over the same
  // caption: read once, as a caption, wherever it stands.
  // (Of a list item and a line, the line is kept: the item is a link to it.)
  for (size_t i = 1; i < lines.size(); ++i) {
    if (lines[i].text != lines[i - 1].text) continue;
    const bool keep_second = lines[i - 1].list_item && !lines[i].list_item;
    Line& kept = lines[keep_second ? i : i - 1];
    kept.kind = LineKind::kCaption;
    kept.said_twice = true;
    lines[keep_second ? i - 1 : i].kind = LineKind::kFurniture;
  }
  Region article = ArticleRegion(lines);
  TrimEnd(lines, &article);
  const bool has_article = article.end > article.begin;
  size_t title = FindTitle(lines, has_article ? article.begin : lines.size());
  StartAtArticleHeader(lines, &article, &title);
  TakeQuestionHeadline(lines, &article, &title);
  if (title != kNoLine) r.title = lines[title].text;
  for (size_t i = article.begin; i < article.end; ++i) {
    if (lines[i].kind == LineKind::kCaption && !lines[i].said_twice) {
      lines[i].kind = Classify(lines[i], true, locale, &lines[i].dates);
    }
  }

  // Some pages set the byline over the headline, with the date or the
  // section: "Tuesday, 3 March 2026, by Jane Roe" just above it.
  constexpr size_t kHeaderAbove = 2;
  if (title != kNoLine) {
    for (size_t i = title - std::min(title, kHeaderAbove); i < title; ++i) {
      if (lines[i].kind == LineKind::kByline) meta::MergeNames(BylineNames(lines[i].text), &r.authors);
      if (lines[i].kind == LineKind::kDate) meta::MergeNames(NamesAroundDate(lines[i], true), &r.authors);
    }
  }
  std::vector<std::string> signoffs;
  std::string date_outlet;  // "Tepiandaru.com - 02/03/2026"
  bool in_link_box = false;  // from a box's header inside the article to the next prose
  for (size_t i = title == kNoLine ? 0 : title + 1; i < lines.size(); ++i) {
    const Line& l = lines[i];
    const bool in_article = i >= article.begin && i < article.end;
    if (i >= article.begin && (l.kind == LineKind::kFooter || (l.kind == LineKind::kSection && !in_article))) break;
    // After the article only its sign-off is looked for.
    if (i >= article.end && l.kind != LineKind::kSignoff) continue;
    in_link_box = in_article && (l.kind == LineKind::kSection || (in_link_box && !IsProse(l)));
    if (in_link_box) continue;
    switch (l.kind) {
      case LineKind::kByline:
        meta::MergeNames(BylineNames(l.text), &r.authors);
        break;
      case LineKind::kDate:
        meta::MergeNames(NamesAroundDate(l, i < article.begin), &r.authors);
        if (date_outlet.empty()) date_outlet = OutletBeforeDate(l);
        TakeLineDates(l, &r);
        break;
      case LineKind::kCaption: {
        meta::CaptionParts parts;
        if (IsBareCredit(l.text, l.words)) {
          parts.credit = l.text;
        } else {
          parts = meta::SplitCaption(l.text);
        }
        // A credit on its own line completes the caption above it.
        if (parts.caption.empty() && !r.images.empty() && r.images.back().credit.empty()) {
          r.images.back().credit = std::move(parts.credit);
          break;
        }
        r.images.push_back(Image{"", std::move(parts.caption), std::move(parts.credit)});
        break;
      }
      case LineKind::kSignoff:
        signoffs.push_back(l.text.substr(1, l.text.size() - 2));
        break;
      case LineKind::kParagraph:
        if (in_article) r.paragraphs.push_back(l.text);
        break;
      case LineKind::kShort:
        if (in_article && IsSubhead(lines, i)) r.paragraphs.push_back(l.text);
        if (i < article.begin) meta::MergeNames(NameOverDate(lines, i), &r.authors);
        break;
      case LineKind::kFurniture:
      case LineKind::kSection:
      case LineKind::kFooter:
        break;
    }
  }
  // A sign-off that names a person is the author when no byline did.
  // (Only the article's closing one: earlier parentheses are asides.)
  if (r.authors.empty() && !signoffs.empty()) {
    meta::MergeNames(meta::SplitAuthorNames(signoffs.back()), &r.authors);
  }
  if (r.published.empty()) {
    // The article's own date line is under its title or in its body;
    // else the nearest one above the title (the first of the page is often
    // the day's date in the site's header), else one after the body.
    // A date said to be an update's is taken only when no other is: it is
    // the nearest there is to the publication's.
    auto take_date = [&](const Line& l, bool updates_too) {
      LineDates dates;
      // (A sentence that gives a date is the text's, not the page's.)
      if (IsProse(l) || !IsDateLine(l.text, l.words, locale, &dates)) return false;
      if (!updates_too && LabelsUpdate(std::string_view(l.lower).substr(0, dates.match[0].begin))) return false;
      r.published = meta::FormatIsoLocal(dates.match[0].value);
      r.published_utc = meta::FormatIsoUtc(dates.match[0].value);
      return true;
    };
    const size_t after_title = title == kNoLine ? 0 : title + 1;
    bool found = false;
    for (bool updates_too : {false, true}) {
      for (size_t i = after_title; i < article.end && !found; ++i) found = take_date(lines[i], updates_too);
      for (size_t i = after_title; i-- > 0 && !found;) found = take_date(lines[i], updates_too);
      for (size_t i = article.end; i < lines.size() && !found; ++i) found = take_date(lines[i], updates_too);
    }
  }

  std::string dateline_outlet;
  if (!r.paragraphs.empty()) {
    if (std::optional<meta::Dateline> d = meta::DetectDateline(r.paragraphs[0])) {
      r.dateline = d->city;
      std::string agency = meta::KnownSourceName(d->agency);
      std::string lower_agency = Lower(d->agency);
      bool is_site = lower_agency.find(".com") != std::string::npos || lower_agency.find(".co") != std::string::npos;
      if (!agency.empty() && !is_site) r.sources_cited.push_back(agency);
      if (is_site) dateline_outlet = d->agency;
    }
  }
  r.site_name = SiteNameFromCues(lines, dateline_outlet.empty() ? date_outlet : dateline_outlet);
  if (r.site_name.empty()) r.site_name = meta::SiteNameFromUrl(source_name);
  for (std::string& s : meta::FindCitedSources(
           [&] {
             std::string all;
             for (const std::string& p : r.paragraphs) all += p, all += '\n';
             return all;
           }())) {
    if (std::find(r.sources_cited.begin(), r.sources_cited.end(), s) == r.sources_cited.end() &&
        Lower(s) != Lower(r.site_name)) {
      r.sources_cited.push_back(std::move(s));
    }
  }
  // Authors never include the outlet.
  std::erase_if(r.authors, [&](const std::string& a) { return !meta::IsPlausiblePersonName(a, r.site_name); });

  std::string body_lang = GuessLanguage(r.paragraphs);
  r.language = body_lang.empty() ? lang : body_lang;
  for (size_t i = 0; i < r.paragraphs.size(); ++i) {
    if (i) r.text += "\n\n";
    r.text += r.paragraphs[i];
  }
  r.word_count = CountWords(r.text, /*count_unspaced=*/false);
  return r;
}

}  // namespace warta::extract
