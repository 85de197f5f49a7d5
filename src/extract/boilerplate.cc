#include "extract/boilerplate.h"

#include <array>
#include <cstring>

namespace warta::extract {
namespace {

// How a cue word must sit inside one class/id token.
enum class Match : uint8_t {
  kAnywhere,   // "comment" in "post-comments"
  kWordStart,  // "nav" in "main-nav", "navbar" but not "canvas"
  kWord,       // "ad" in "ad-slot", "top-ad" but not "add" or "head"
};

struct CueWord {
  const char* word;
  Match match;
  Cue cue;
};

constexpr Cue B = Cue::kBoilerplate;
constexpr Cue C = Cue::kContent;
constexpr Cue K = Cue::kCaption;

// Checked in order; the first boilerplate or caption hit decides, content hits
// only count when nothing else matched.
constexpr CueWord kCueWords[] = {
    // Comments and reader interaction.
    {"comment", Match::kAnywhere, B}, {"disqus", Match::kAnywhere, B},
    {"respond", Match::kAnywhere, B}, {"reply", Match::kAnywhere, B},
    {"komentar", Match::kAnywhere, B}, {"rating", Match::kAnywhere, B},
    // Links to other pages.
    {"related", Match::kAnywhere, B}, {"terkait", Match::kAnywhere, B},
    {"recommend", Match::kAnywhere, B}, {"rekomendasi", Match::kAnywhere, B},
    {"popular", Match::kAnywhere, B}, {"populer", Match::kAnywhere, B},
    {"trending", Match::kAnywhere, B}, {"most-read", Match::kAnywhere, B},
    {"mostread", Match::kAnywhere, B}, {"baca-juga", Match::kAnywhere, B},
    {"bacajuga", Match::kAnywhere, B}, {"read-more", Match::kAnywhere, B},
    {"readmore", Match::kAnywhere, B}, {"more-stories", Match::kAnywhere, B},
    {"more-articles", Match::kAnywhere, B}, {"also-read", Match::kAnywhere, B},
    {"recirc", Match::kAnywhere, B}, {"lainnya", Match::kAnywhere, B},
    {"terbaru", Match::kAnywhere, B}, {"pagination", Match::kAnywhere, B},
    {"pager", Match::kWordStart, B}, {"breadcrumb", Match::kAnywhere, B},
    {"tagcloud", Match::kAnywhere, B}, {"tag-cloud", Match::kAnywhere, B},
    {"tags", Match::kWord, B}, {"post-tags", Match::kAnywhere, B},
    {"entry-tags", Match::kAnywhere, B},
    // Site furniture.
    {"nav", Match::kWordStart, B}, {"menu", Match::kAnywhere, B},
    {"sidebar", Match::kAnywhere, B}, {"side-bar", Match::kAnywhere, B},
    {"widget", Match::kAnywhere, B}, {"footer", Match::kAnywhere, B},
    {"header", Match::kWordStart, B}, {"masthead", Match::kAnywhere, B},
    {"toolbar", Match::kAnywhere, B}, {"tools", Match::kWord, B},
    {"search", Match::kWordStart, B}, {"logo", Match::kWordStart, B},
    {"meta", Match::kWord, B}, {"byline", Match::kAnywhere, B},
    {"author", Match::kAnywhere, B}, {"skip", Match::kWord, B},
    {"sr-only", Match::kAnywhere, B}, {"screen-reader", Match::kAnywhere, B},
    {"visually-hidden", Match::kAnywhere, B}, {"visuallyhidden", Match::kAnywhere, B},
    // Sharing and following.
    {"share", Match::kWordStart, B}, {"sharing", Match::kAnywhere, B},
    {"social", Match::kAnywhere, B}, {"sosmed", Match::kAnywhere, B},
    {"follow", Match::kWordStart, B},
    // Advertising and promotion.
    {"ad", Match::kWord, B}, {"ads", Match::kWord, B}, {"advert", Match::kAnywhere, B},
    {"adsense", Match::kAnywhere, B}, {"adslot", Match::kAnywhere, B},
    {"adunit", Match::kAnywhere, B}, {"dfp", Match::kWord, B},
    {"iklan", Match::kAnywhere, B}, {"sponsor", Match::kAnywhere, B},
    {"promo", Match::kAnywhere, B}, {"banner", Match::kAnywhere, B},
    {"outbrain", Match::kAnywhere, B}, {"taboola", Match::kAnywhere, B},
    // Sign-up, consent, overlays.
    {"newsletter", Match::kAnywhere, B}, {"subscri", Match::kAnywhere, B},
    {"signup", Match::kAnywhere, B}, {"sign-up", Match::kAnywhere, B},
    {"login", Match::kAnywhere, B}, {"cookie", Match::kAnywhere, B},
    {"consent", Match::kAnywhere, B}, {"gdpr", Match::kAnywhere, B},
    {"popup", Match::kAnywhere, B}, {"modal", Match::kAnywhere, B},
    // Captions.
    {"caption", Match::kAnywhere, K}, {"keterangan", Match::kAnywhere, K},
    {"credit", Match::kWordStart, K},
    // Article bodies.
    {"article", Match::kAnywhere, C}, {"content", Match::kAnywhere, C},
    {"entry", Match::kAnywhere, C}, {"story", Match::kAnywhere, C},
    {"artikel", Match::kAnywhere, C}, {"berita", Match::kAnywhere, C},
    {"konten", Match::kAnywhere, C}, {"post", Match::kWordStart, C},
    {"body", Match::kWordStart, C}, {"text", Match::kWordStart, C},
    {"main", Match::kWordStart, C}, {"detail", Match::kWordStart, C},
    {"prose", Match::kWordStart, C},
};

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool Matches(std::string_view token, const CueWord& cw) {
  size_t len = std::strlen(cw.word);
  for (size_t pos = token.find(cw.word); pos != std::string_view::npos;
       pos = token.find(cw.word, pos + 1)) {
    if (cw.match == Match::kAnywhere) return true;
    bool starts = pos == 0 || !IsLetter(token[pos - 1]);
    if (!starts) continue;
    if (cw.match == Match::kWordStart) return true;
    if (pos + len == token.size() || !IsLetter(token[pos + len])) return true;
  }
  return false;
}

// Layout switches ("has-sidebar", "no-comments", "with-ads") describe the
// page, not the element: they are ignored.
bool IsModifierToken(std::string_view token) {
  for (std::string_view prefix : {"has-", "no-", "with-", "without-", "hide-", "show-"}) {
    if (token.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

Cue ClassifyNames(std::string_view names) {
  Cue found = Cue::kNone;
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && names[i] == ' ') ++i;
    size_t j = i;
    while (j < names.size() && names[j] != ' ') ++j;
    std::string_view token = names.substr(i, j - i);
    i = j;
    if (token.empty() || IsModifierToken(token)) continue;
    for (const CueWord& cw : kCueWords) {
      if (cw.cue == Cue::kContent && found != Cue::kNone) break;
      if (!Matches(token, cw)) continue;
      if (cw.cue != Cue::kContent) return cw.cue;
      found = Cue::kContent;
      break;
    }
  }
  return found;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// True when `text` starts with `prefix` (ASCII case-insensitive) followed by
// the end or a non-letter, so "Share" does not match "Shareholders".
bool StartsWithWord(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  if (!EqualsIgnoreCase(text.substr(0, prefix.size()), prefix)) return false;
  return text.size() == prefix.size() || !IsLetter(prefix.back()) ||
         !IsLetter(text[prefix.size()]);
}

bool StartsWithAny(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes) {
    if (StartsWithWord(text, p)) return true;
  }
  return false;
}

std::string_view TrimPunctuation(std::string_view s) {
  auto is_trim = [](char c) {
    return c == ' ' || c == ':' || c == '.' || c == '!' || c == '|' || c == '-' || c == '>' ||
           c == '\xbb' || c == '#';
  };
  while (!s.empty() && is_trim(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_trim(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

Cue ClassifyElement(const Node& element) {
  if (element.type != NodeType::kElement) return Cue::kNone;
  switch (element.tag) {
    case Tag::kNav:
    case Tag::kAside:
    case Tag::kFooter:
    case Tag::kHeader:
    case Tag::kMenu:
    case Tag::kDialog:
      return Cue::kBoilerplate;
    case Tag::kFigcaption:
      return Cue::kCaption;
    default:
      break;
  }
  // class, id, role and itemprop values, lowercased, space-separated; long
  // values are cut, the cue words sit in the first few tokens anyway.
  std::array<char, 256> buf;
  size_t n = 0;
  bool article_body = false;
  for (uint32_t a = 0; a < element.attr_count; ++a) {
    const Attribute& attr = element.attrs[a];
    bool is_role = attr.name == "role";
    bool is_itemprop = attr.name == "itemprop";
    if (!(attr.name == "class" || attr.name == "id" || is_role || is_itemprop)) continue;
    if (is_itemprop && EqualsIgnoreCase(attr.value, "articleBody")) article_body = true;
    if (is_role) {
      for (std::string_view r : {"navigation", "banner", "contentinfo", "complementary", "search",
                                 "menu", "menubar", "dialog"}) {
        if (EqualsIgnoreCase(attr.value, r)) return Cue::kBoilerplate;
      }
    }
    for (char c : attr.value) {
      if (n + 1 >= buf.size()) break;
      buf[n++] = (c == '\t' || c == '\n' || c == '\r' || c == '\f') ? ' ' : Lower(c);
    }
    if (n + 1 < buf.size()) buf[n++] = ' ';
  }
  if (article_body) return Cue::kArticleBody;
  Cue cue = ClassifyNames(std::string_view(buf.data(), n));
  if (cue == Cue::kNone && (element.tag == Tag::kArticle || element.tag == Tag::kMain)) {
    return Cue::kContent;
  }
  return cue;
}

bool IsHiddenElement(const Node& element) {
  for (uint32_t a = 0; a < element.attr_count; ++a) {
    const Attribute& attr = element.attrs[a];
    if (attr.name == "hidden") return true;
    if (attr.name == "aria-hidden" && EqualsIgnoreCase(attr.value, "true")) return true;
    if (attr.name == "style") {
      std::array<char, 128> buf;
      size_t n = 0;
      for (char c : attr.value) {
        if (c == ' ' || c == '\t' || c == '\n') continue;
        if (n == buf.size()) break;
        buf[n++] = Lower(c);
      }
      std::string_view style(buf.data(), n);
      if (style.find("display:none") != std::string_view::npos ||
          style.find("visibility:hidden") != std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

bool IsBoilerplateLine(std::string_view text) {
  if (text.size() > 250) return false;
  if (StartsWithAny(text, {"baca juga", "baca:", "lihat juga", "simak juga", "tonton juga",
                           "simak video", "saksikan juga", "berita terkait", "artikel terkait",
                           "read more", "read also", "also read", "related:", "more:",
                           "see also:", "advertisement", "scroll to continue", "share this",
                           "share on", "follow us", "sign up", "subscribe to", "click here to",
                           "download aplikasi", "ikuti kami", "ikuti berita", "(adsbygoogle",
                           "loading"})) {
    return true;
  }
  std::string_view core = TrimPunctuation(text);
  for (std::string_view w : {"advertisement", "iklan", "share", "tweet", "komentar", "comments",
                             "print", "email", "facebook", "twitter", "whatsapp", "copy link",
                             "selengkapnya", "more", "terpopuler", "related", "bagikan",
                             "anzeige", "werbung", "teilen"}) {
    if (EqualsIgnoreCase(core, w)) return true;
  }
  return false;
}

bool IsBoilerplateHeading(std::string_view text) {
  std::string_view core = TrimPunctuation(text);
  if (core.empty() || core.size() > 80) return false;
  return StartsWithAny(
      core, {"berita terkait", "artikel terkait", "baca juga", "terpopuler", "populer",
             "berita populer", "berita terbaru", "terbaru", "pilihan redaksi", "rekomendasi",
             "berita lainnya", "artikel lainnya", "video terkait", "foto terkait", "topik",
             "komentar", "bagikan", "related", "more from", "more on", "more stories",
             "recommended", "you may also like", "you might also like", "most popular",
             "most read", "trending", "latest news", "latest stories", "top stories",
             "comments", "comment", "leave a reply", "leave a comment", "share this", "tags",
             "read next", "editor's picks", "editors' picks", "sponsored", "advertisement",
             "newsletter", "sign up", "follow us", "popular", "also read", "see also",
             "ähnliche beiträge", "das könnte", "mehr zum thema", "kommentare",
             "weitere artikel", "auch interessant", "verwandte", "schlagworte"});
}

}  // namespace warta::extract
