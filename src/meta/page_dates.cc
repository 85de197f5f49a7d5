#include "meta/page_dates.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "meta/url.h"

namespace warta::meta {
namespace {

struct DateChoice {
  DateTime value;
  bool found = false;
};

// A page cannot be published after it was fetched: the fetch time (WARC-Date)
// when known, else now, so that reading an archive gives the same answer
// whenever it is read. Two days of slack for zones and skewed clocks.
int64_t LatestPlausible(std::string_view fetch_date) {
  int64_t latest = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  std::optional<DateTime> fetched = ParseDate(fetch_date);
  if (fetched && fetched->granularity >= DateGranularity::kDay) {
    latest = LocalEpochSeconds(*fetched) - (fetched->has_offset ? int64_t{fetched->utc_offset_minutes} * 60 : 0);
  }
  return latest + 2 * 86400;
}

// A page date must be a day or finer, not before the web, not after the
// page was fetched.
bool Plausible(const DateTime& d, const DateReading& reading) {
  if (d.granularity < DateGranularity::kDay || d.year < 1995) return false;
  int64_t t = LocalEpochSeconds(d) - (d.has_offset ? int64_t{d.utc_offset_minutes} * 60 : 0);
  return t <= reading.latest_epoch_seconds;
}

// Unix time in seconds or milliseconds, as some sites write their dates.
std::optional<DateTime> EpochDate(std::string_view s) {
  if (s.size() != 10 && s.size() != 13) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (s.size() == 13) v /= 1000;
  if (v < 788918400) return std::nullopt;  // before 1995
  return DateTimeFromUnixSeconds(v);
}

std::optional<DateTime> ParseValue(std::string_view s, const DateReading& reading) {
  std::string text = Collapse(s);
  if (auto e = EpochDate(text)) return e;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  for (const DateMatch& m : FindDates(text, o, 4)) {
    if (Plausible(m.value, reading)) return m.value;
  }
  return std::nullopt;
}

// English reads "3/12/2025" as March 12 only where the region writes the
// month first: Britain and the Commonwealth write the day first ("en-GB",
// "en_AU"), as the other languages do.
DateLocale LocaleOf(std::string_view language_tag) {
  if (language_tag.size() < 2 || (language_tag.size() > 2 && language_tag[2] != '-' && language_tag[2] != '_'))
    return DateLocale::kAuto;
  const std::string_view primary = language_tag.substr(0, 2);
  if (EqualsLowerAscii(primary, "id")) return DateLocale::kIndonesian;
  if (!EqualsLowerAscii(primary, "en")) return DateLocale::kAuto;
  if (language_tag.size() < 5) return DateLocale::kEnglish;
  static constexpr std::string_view kDayFirst[] = {"gb", "uk", "au", "nz", "ie", "in", "za",
                                                   "sg", "my", "ng", "ke", "pk", "hk"};
  const std::string_view region = language_tag.substr(3, 2);
  for (std::string_view r : kDayFirst) {
    if (EqualsLowerAscii(region, r) && (language_tag.size() == 5 || !IsAsciiLetter(language_tag[5])))
      return DateLocale::kAuto;
  }
  return DateLocale::kEnglish;
}

constexpr std::string_view kPublishedKeys[] = {
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "og:published_time", "published_time", "article.published", "publication_date", "pubdate",
    "publishdate", "publish-date", "publish_date", "published_date", "published-date", "date_published",
    "article_date_original", "original-publish-date", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "citation_publication_date", "citation_date", "cxenseparse:recs:publishtime",
    "shareaholic:article_published_time", "bt:pubdate", "rnews:datepublished", "og:pubdate", "release_date",
    "pub_date", "datecreated", "article.created", "created", "dc.created", "displaydate",
    "article:post_date", "live_date", "content_create_date", "timestamp"};

// Keys that name a date but no event: as often the last change as the
// publication.
constexpr std::string_view kGenericDateKeys[] = {"dc.date", "dcterms.date", "date"};

constexpr std::string_view kModifiedKeys[] = {
    "article:modified_time", "og:updated_time", "datemodified", "article:updated_time", "dc.date.modified",
    "dcterms.modified", "last-modified", "modified", "article.updated", "lastmod", "updated_time"};

std::optional<DateTime> FromMeta(const Collected& c, std::span<const std::string_view> keys,
                                 const DateReading& reading) {
  for (std::string_view k : keys) {
    for (const auto& [key, value] : c.metas) {
      if (key != k) continue;
      if (auto d = ParseValue(value, reading)) return d;
    }
  }
  return std::nullopt;
}

// Site-specific meta names that still say what they hold
// ("five_hundred_pixels:uploaded", "vr:published_time").
std::optional<DateTime> FromLooseMeta(const Collected& c, const DateReading& reading) {
  for (const auto& [key, value] : c.metas) {
    bool dated = Has(key, "publish") || Has(key, "upload") || Has(key, "creat") || Has(key, "date") ||
                 Has(key, "issued") || Has(key, "posted");
    bool other = Has(key, "modif") || Has(key, "updat") || Has(key, "expir") || Has(key, "valid") ||
                 Has(key, "birth") || Has(key, "end") || Has(key, "start");
    if (!dated || other) continue;
    if (auto d = ParseValue(value, reading)) return d;
  }
  return std::nullopt;
}

// Words that call the date after them an update (lower case).
bool HasUpdateCue(std::string_view lower) {
  for (std::string_view cue : {"update", "aktualisiert", "diperbarui", "modified", "geändert", "edited", "actualiz",
                               "mis à jour"}) {
    if (Has(lower, cue)) return true;
  }
  return false;
}

// The date written in an element's text: the first not called an update
// ("Updated ..."), else, unless `published_only`, the first.
std::optional<DateTime> TextDate(const Node* n, const DateReading& reading, bool published_only) {
  std::string text = VisibleText(n, 400);
  if (text.size() > 300) return std::nullopt;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  std::vector<DateMatch> found = FindDates(text, o, 6);
  std::optional<DateTime> first;
  for (const DateMatch& m : found) {
    if (!Plausible(m.value, reading)) continue;
    if (!first) first = m.value;
    std::string before = Lower(text.substr(m.begin > 30 ? m.begin - 30 : 0, std::min<size_t>(m.begin, 30)));
    if (!HasUpdateCue(before)) return m.value;
  }
  return published_only ? std::nullopt : first;
}

// The date an element states: a machine-readable attribute, else its text
// (TextDate).
std::optional<DateTime> FromElement(const Node* n, const DateReading& reading, bool published_only) {
  for (std::string_view attr : {"datetime", "content", "title", "data-date", "data-time", "data-timestamp"}) {
    if (const std::string_view* v = n->Attr(attr)) {
      if (auto d = ParseValue(*v, reading)) return d;
    }
  }
  return TextDate(n, reading, published_only);
}

// The first element stating a date, looking after the main heading first:
// dates above it are often the site's ("today is ...") or other stories'.
// `found_order`, when given, receives the element's order.
template <typename List>
std::optional<DateTime> FirstElementDate(const Collected& c, List& nodes, uint32_t h1_order,
                                         const DateReading& reading, bool skip_offtopic,
                                         uint32_t* found_order = nullptr) {
  for (bool after_h1 : {true, false}) {
    if (after_h1 && h1_order == UINT32_MAX) continue;
    for (size_t i = 0; const Ordered* o = At(nodes, i); ++i) {
      if (after_h1 && o->order < h1_order) continue;
      if (skip_offtopic && InOffTopicZone(c, o->node)) continue;
      if (auto d = FromElement(o->node, reading, false)) {
        if (found_order) *found_order = o->order;
        return d;
      }
    }
  }
  return std::nullopt;
}

// A date that is all or most of its text run ("January 18, 2020",
// "02.02.2022 10:16 Uhr"), not a date inside a sentence or caption.
bool IsStandalone(const DateMatch& m, size_t text_len) {
  return text_len <= 60 || (m.end - m.begin) * 5 >= text_len * 2;
}

// Text runs either side of the main heading where its date may stand.
constexpr int64_t kNearHeading = 25;

// The index of the main heading's first text run; -1 without a heading.
int64_t HeadingTextIndex(const Collected& c) {
  if (c.headline_order == UINT32_MAX) return -1;
  auto first = std::partition_point(c.texts.begin(), c.texts.end(),
                                    [&](const Ordered& t) { return t.order <= c.headline_order; });
  return first == c.texts.end() ? -1 : first - c.texts.begin();
}

// Whether the element of order `order` stands within kNearHeading text
// runs of the main heading.
bool NearHeading(const Collected& c, uint32_t order) {
  int64_t h1_index = HeadingTextIndex(c);
  if (h1_index < 0) return false;
  auto at = std::partition_point(c.texts.begin(), c.texts.end(), [&](const Ordered& t) { return t.order <= order; });
  int64_t distance = (at - c.texts.begin()) - h1_index;
  return distance >= -kNearHeading && distance <= kNearHeading;
}

// Near the main heading, a date standing on its own ("January 18, 2020",
// "02.02.2022 10:16 Uhr") beats one inside a sentence or caption
// (`standalone_only` takes those not at all), then the nearer one wins,
// after the heading before above it.
std::optional<DateTime> NearHeadingDate(const Collected& c, const DateReading& reading, bool allow_offtopic,
                                        bool standalone_only) {
  const int64_t h1_index = HeadingTextIndex(c);
  if (h1_index < 0) return std::nullopt;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  std::optional<DateTime> near;
  int64_t near_rank = INT64_MAX;
  const int64_t last = std::min<int64_t>(h1_index + kNearHeading, static_cast<int64_t>(c.texts.size()) - 1);
  for (int64_t i = std::max<int64_t>(0, h1_index - kNearHeading); i <= last; ++i) {
    const Node* n = c.texts[i].node;
    std::vector<DateMatch> found = FindDates(n->data, o, 4);
    if (found.empty() || (allow_offtopic ? ShowsTodaysDate(n) : InOffTopicZone(c, n))) continue;
    size_t text_len = Collapse(n->data).size();
    const int64_t distance = i - h1_index;
    for (const DateMatch& m : found) {
      if (!Plausible(m.value, reading)) continue;
      bool standalone = IsStandalone(m, text_len);
      if (standalone_only && !standalone) continue;
      // Rank: standalone first, then distance, after the heading first.
      int64_t rank = (standalone ? 0 : 1000) + (distance >= 0 ? 2 * distance : -2 * distance + 1);
      if (rank < near_rank) {
        near_rank = rank;
        near = m.value;
      }
    }
  }
  return near;
}

// The first date of elements in `nodes` (FirstElementDate); from an element
// far from the main heading (a list of other stories, comments), it gives
// way to a date standing on its own near the heading.
template <typename List>
std::optional<DateTime> ElementDateNearHeading(const Collected& c, List& nodes, uint32_t h1_order,
                                               const DateReading& reading, bool skip_offtopic) {
  uint32_t order = 0;
  std::optional<DateTime> d = FirstElementDate(c, nodes, h1_order, reading, skip_offtopic, &order);
  if (!d || c.headline_order == UINT32_MAX || NearHeading(c, order)) return d;
  if (auto near = NearHeadingDate(c, reading, false, true)) return near;
  return d;
}

int64_t DayNumber(const DateTime& d) { return LocalEpochSeconds(DateTime{d.year, d.month, d.day}) / 86400; }

// Dates in the visible text: the one near the main heading
// (NearHeadingDate), else the most frequent (ties: the earliest in the
// page). With `allow_offtopic`, the last guess, dates in page furniture
// count and the latest wins: a page whose only dates are lists of entries
// (a home or section page) stands as of its newest.
std::optional<DateTime> FromText(const Collected& c, const DateReading& reading, bool allow_offtopic) {
  if (auto d = NearHeadingDate(c, reading, allow_offtopic, false)) return d;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  struct Seen {
    DateTime value;
    int count;
  };
  std::vector<Seen> seen;
  size_t budget = 400000;
  for (const Ordered& t : c.texts) {
    if (t.node->data.size() > budget) break;
    budget -= t.node->data.size();
    std::vector<DateMatch> found = FindDates(t.node->data, o, 4);
    if (found.empty()) continue;
    if (allow_offtopic ? ShowsTodaysDate(t.node) : InOffTopicZone(c, t.node)) continue;
    for (const DateMatch& m : found) {
      if (!Plausible(m.value, reading)) continue;
      auto same = [&](const Seen& s) {
        return s.value.year == m.value.year && s.value.month == m.value.month && s.value.day == m.value.day;
      };
      auto it = std::find_if(seen.begin(), seen.end(), same);
      if (it == seen.end()) {
        seen.push_back({m.value, 1});
      } else {
        ++it->count;
      }
    }
  }
  if (seen.empty()) return std::nullopt;
  const Seen* best = &seen[0];
  for (const Seen& s : seen) {
    bool better = allow_offtopic ? DayNumber(s.value) > DayNumber(best->value) : s.count > best->count;
    if (better) best = &s;
  }
  return best->value;
}

bool HasPublicationCue(std::string_view lower) {
  for (std::string_view cue : {"veröffentlicht", "publiziert", "erschienen", "erstellt", "published", "posted",
                               "publié", "publicado", "pubblicato", "diterbitkan", "dipublikasikan", "diposting",
                               "stand:", "datum:", "date:", "tanggal:", "opublikowano", "publicat"}) {
    if (Has(lower, cue)) return true;
  }
  return false;
}

// Cues of a stamp that dates the page as a whole rather than an event in
// it: when it was last changed ("Zuletzt geändert am", "Last modified on",
// "Stand:"). Such stamps sit in footers, which the publication cues skip.
// Lower folds ASCII only: "Änderung" keeps its capital.
bool HasPageStampCue(std::string_view lower) {
  for (std::string_view cue : {"last modified", "last edited", "last updated", "updated:", "update:", "zuletzt",
                               "letzte Änderung", "aktualisiert", "stand:", "diperbarui", "terakhir diubah",
                               "mis à jour", "actualizado", "aggiornato"}) {
    if (Has(lower, cue)) return true;
  }
  return false;
}

// A stretch of text runs: from the index `first_text` to the run of order
// `end_order` (UINT32_MAX: to the end).
struct TextSpan {
  size_t first_text = 0;
  uint32_t end_order = UINT32_MAX;
};

// The text runs after the main heading, as far as `runs` of them; none
// without a heading.
TextSpan TextsAfterHeading(const Collected& c, size_t runs) {
  const int64_t heading = HeadingTextIndex(c);
  if (heading < 0) return {c.texts.size(), 0};
  const size_t index = static_cast<size_t>(heading);
  size_t end = runs < c.texts.size() - index ? index + runs : c.texts.size();
  return {index, end < c.texts.size() ? c.texts[end].order : UINT32_MAX};
}

// The words just before byte `begin` of text run `index`, lower-cased
// (ASCII): up to 48 bytes of the run, after the end of the last non-blank
// run before when the date opens its run ("<dt>Erschienen am:</dt>
// <dd>13.10.2021</dd>", indentation between the two).
std::string LeadBefore(const Collected& c, size_t index, size_t begin) {
  constexpr size_t kLead = 48;
  std::string lead;
  if (begin < kLead) {
    for (size_t back = 1; back <= 3 && back <= index; ++back) {
      std::string_view prev = c.texts[index - back].node->data;
      if (IsBlank(prev)) continue;
      lead = prev.substr(prev.size() > kLead ? prev.size() - kLead : 0);
      break;
    }
  }
  std::string_view text = c.texts[index].node->data;
  lead += text.substr(begin > kLead ? begin - kLead : 0, std::min(begin, kLead));
  return Lower(lead);
}

// Dates the text itself introduces: as the publication date
// ("Veröffentlicht am 16.08.2019", "Posted on May 3, 2019") outside page
// furniture, and as the page's last change anywhere. The scan ends at the
// first publication date.
struct CuedDates {
  std::optional<DateTime> published, stamp;
};

CuedDates FromCuedText(const Collected& c, const DateReading& reading) {
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  CuedDates out;
  size_t budget = 400000;
  for (size_t i = 0; i < c.texts.size(); ++i) {
    const Ordered& t = c.texts[i];
    std::string_view text = t.node->data;
    if (text.size() > budget) break;
    budget -= text.size();
    for (const DateMatch& m : FindDates(text, o, 4)) {
      if (!Plausible(m.value, reading)) continue;
      std::string lead = LeadBefore(c, i, m.begin);
      if (HasPublicationCue(lead) && !InOffTopicZone(c, t.node)) {
        out.published = m.value;
        return out;
      }
      if (!out.stamp && HasPageStampCue(lead)) out.stamp = m.value;
    }
  }
  return out;
}


// The calendar day readers are shown: in the URL, or written in the
// article's time and date elements.
std::optional<DateTime> ShownDate(const Collected& c, const std::optional<DateTime>& url_date,
                                  const DateReading& reading) {
  if (url_date && url_date->granularity >= DateGranularity::kDay) return url_date;
  auto first = [&](auto& list) -> std::optional<DateTime> {
    for (size_t i = 0; const Ordered* o = At(list, i); ++i) {
      if (InOffTopicZone(c, o->node)) continue;
      if (auto d = TextDate(o->node, reading, false)) return d;
    }
    return std::nullopt;
  };
  if (auto d = first(c.times)) return d;
  HintList hints(c, IsDateHint);
  return first(hints);
}

// Whether an element's class, id or itemprop names a change ("updated",
// "dateModified").
bool NamesUpdate(const Node* n) {
  for (std::string_view attr : {"class", "id", "itemprop"}) {
    std::string_view v = AttrOr(n, attr);
    if (HasNoCase(v, "updat") || HasNoCase(v, "modif")) return true;
  }
  return false;
}

// Whether an element holds one whose names call it a change (a byline
// box with its "updated" time), among its first few hundred nodes.
bool HoldsUpdateStamp(const Node* root) {
  size_t budget = 300;
  for (const Node* n = root->first_child ? root->first_child : nullptr; n && budget > 0; --budget) {
    if (n->is_element() && NamesUpdate(n)) return true;
    n = NextInTree(n, root);
  }
  return false;
}

// Whether the words before a date call it a change ("Updated", "Zuletzt
// geändert am", "Stand:").
bool IsUpdateLead(std::string_view lower) { return HasUpdateCue(lower) || HasPageStampCue(lower); }

// Whether an element states when the page was changed rather than
// published: by its names (NamesUpdate), or by the words before its date or
// at its start.
bool IsUpdateStamp(const Collected& c, const Ordered& element) {
  if (NamesUpdate(element.node)) return true;
  auto inside = std::partition_point(c.texts.begin(), c.texts.end(),
                                     [&](const Ordered& t) { return t.order <= element.order; });
  if (inside == c.texts.end()) return false;
  size_t index = static_cast<size_t>(inside - c.texts.begin());
  return IsUpdateLead(LeadBefore(c, index, 0) + Lower(inside->node->data.substr(0, 48)));
}

// Dates in the text runs of `span` under the headline, outside page
// furniture: the first the text introduces as the publication date, and
// the first standing on its own (a byline's "03.04.2019 | 15:33 Uhr") not
// called a change.
struct HeadlineTextDates {
  std::optional<DateTime> cued, standalone;
};

HeadlineTextDates DatesUnderHeadline(const Collected& c, const DateReading& reading, const TextSpan& span) {
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  HeadlineTextDates out;
  size_t budget = 400000;
  for (size_t i = span.first_text; i < c.texts.size() && c.texts[i].order < span.end_order; ++i) {
    const Node* n = c.texts[i].node;
    if (n->data.size() > budget) break;
    budget -= n->data.size();
    std::vector<DateMatch> found = FindDates(n->data, o, 4);
    if (found.empty() || InOffTopicZone(c, n)) continue;
    const bool update_element = n->parent && NamesUpdate(n->parent);
    size_t text_len = 0;
    for (const DateMatch& m : found) {
      if (!Plausible(m.value, reading)) continue;
      std::string lead = LeadBefore(c, i, m.begin);
      if (HasPublicationCue(lead)) {
        out.cued = m.value;
        return out;
      }
      if (out.standalone || update_element || IsUpdateLead(lead)) continue;
      if (text_len == 0) text_len = Collapse(n->data).size();
      if (IsStandalone(m, text_len)) out.standalone = m.value;
    }
  }
  return out;
}

// A date that opens one of the first text runs under the headline, as a
// dateline's does ("Bern, 17.08.2007 - Rede ...", "JAKARTA (3/12) -").
std::optional<DateTime> DatelineDate(const Collected& c, const DateReading& reading) {
  constexpr size_t kRuns = 4, kOpening = 24;
  const int64_t heading = HeadingTextIndex(c);
  if (heading < 0) return std::nullopt;
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  size_t looked = 0;
  for (size_t i = static_cast<size_t>(heading); i < c.texts.size() && looked < kRuns; ++i) {
    const Node* n = c.texts[i].node;
    const size_t lead = n->data.find_first_not_of(" \t\r\n");
    if (lead == std::string_view::npos || HasAncestor(n, Tag::kH1)) continue;
    ++looked;
    std::vector<DateMatch> found = FindDates(n->data.substr(lead, kOpening + 40), o, 1);
    if (!found.empty() && found[0].begin <= kOpening && Plausible(found[0].value, reading)) return found[0].value;
  }
  return std::nullopt;
}

// The date the article shows with its headline, not as an update: one the
// text introduces as the publication date, else the first time element,
// date element or date on its own after the main heading, as far as
// `runs` text runs.
std::optional<DateTime> HeadlineDate(const Collected& c, const DateReading& reading, size_t runs) {
  if (c.headline_order == UINT32_MAX) return std::nullopt;
  const TextSpan after = TextsAfterHeading(c, runs);
  const HeadlineTextDates texts = DatesUnderHeadline(c, reading, after);
  if (texts.cued) return texts.cued;
  auto first = [&](auto& list) -> std::optional<DateTime> {
    for (size_t i = 0; const Ordered* o = At(list, i); ++i) {
      if (o->order <= c.headline_order) continue;
      if (o->order >= after.end_order) break;
      if (InOffTopicZone(c, o->node) || IsUpdateStamp(c, *o) || HoldsUpdateStamp(o->node)) continue;
      if (auto d = FromElement(o->node, reading, true)) return d;
    }
    return std::nullopt;
  };
  if (auto d = first(c.times)) return d;
  HintList hints(c, IsDateHint, c.headline_order);
  if (auto d = first(hints)) return d;
  return texts.standalone;
}

// HeadlineDate as far as kNearHeading runs, read on first asking: the
// markup rules and WithShownTime may each ask for it, and reading it takes
// a date search over the text runs under the headline.
class NearHeadlineDate {
 public:
  NearHeadlineDate(const Collected& c, const DateReading& reading) : c_(c), reading_(reading) {}
  const std::optional<DateTime>& Get() {
    if (!read_) {
      date_ = HeadlineDate(c_, reading_, kNearHeading);
      read_ = true;
    }
    return date_;
  }

 private:
  const Collected& c_;
  const DateReading& reading_;
  bool read_ = false;
  std::optional<DateTime> date_;
};

bool SameDay(const DateTime& a, const DateTime& b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

int64_t UtcMinute(const DateTime& d) { return (LocalEpochSeconds(d) / 60) - d.utc_offset_minutes; }

// Markup often gives the day alone, or the instant in UTC, while the page
// shows the local time with the headline ("17 Sep 2024 10:43 WIB"): the shown
// reading of the same day, or of the same minute, keeps the page's time and
// offset.
DateTime WithShownTime(const DateTime& d, NearHeadlineDate* near) {
  const bool day_only = !d.has_time;
  const bool utc = d.has_time && d.has_offset && d.utc_offset_minutes == 0;
  if (!day_only && !utc) return d;
  std::optional<DateTime> shown = near->Get();
  if (!shown || !shown->has_time || !shown->has_offset) return d;
  if (day_only) return SameDay(*shown, d) ? *shown : d;
  if (UtcMinute(*shown) != UtcMinute(d)) return d;
  // The same minute: the markup's seconds at the page's offset.
  shown->second = d.second;
  shown->granularity = std::max(shown->granularity, d.granularity);
  return *shown;
}

// The publication date the page's markup states: JSON-LD, <meta> tags and
// microdata.
std::optional<DateTime> FromMarkup(const Collected& c, const JsonLdInfo& ld, const DateReading& reading,
                                   const std::optional<DateTime>& url_date, const std::optional<DateTime>& modified,
                                   NearHeadlineDate* near) {
  // A UTC timestamp may fall on another calendar day than the one the
  // newsroom printed: when the page shows the neighbouring day and a
  // plausible zone (within ten hours) explains the difference, that day wins.
  auto settle = [&](const DateTime& d) {
    if (!d.has_time || !d.has_offset || d.utc_offset_minutes != 0) return d;
    // Between 10:00 and 14:00 UTC no zone within ten hours changes the day.
    if (d.hour >= 10 && d.hour < 14) return d;
    std::optional<DateTime> shown = ShownDate(c, url_date, reading);
    if (!shown) return d;
    int64_t diff = DayNumber(*shown) - DayNumber(d);
    if ((diff == 1 && d.hour >= 14) || (diff == -1 && d.hour < 10)) return *shown;
    return d;
  };
  // A page that shows its last change with the headline, without a word
  // of an update, presents itself as that edition.
  auto edition = [&](const DateTime& d) {
    if (!modified || DayNumber(*modified) <= DayNumber(d)) return settle(d);
    const std::optional<DateTime>& shown = near->Get();
    return shown && SameDay(*shown, *modified) ? *modified : settle(d);
  };
  std::optional<DateTime> ld_date;
  if (!ld.published.empty()) ld_date = ParseValue(ld.published, reading);
  if (ld_date && ld.published_from_article) return edition(*ld_date);
  if (auto d = FromMeta(c, kPublishedKeys, reading)) return edition(*d);
  if (auto d = FromMeta(c, kGenericDateKeys, reading)) {
    // A generic date that the date shown with the headline contradicts is
    // the last change, not the publication.
    std::optional<DateTime> shown = HeadlineDate(c, reading, SIZE_MAX);
    return shown && !SameDay(*shown, *d) ? *shown : settle(*d);
  }
  if (ld_date) return edition(*ld_date);
  if (auto d = ElementDateNearHeading(c, c.itemprop_dates, UINT32_MAX, reading, false)) return d;
  // A site's own key is read by its name only: the date shown with the
  // headline outranks it.
  std::optional<DateTime> loose = FromLooseMeta(c, reading);
  if (!loose) return loose;
  const std::optional<DateTime>& shown = near->Get();
  return shown && !SameDay(*shown, *loose) ? shown : loose;
}

// A page that shows no date may still render from a JSON data block that
// holds one: the first value of a key naming the publication, in the
// keys' order.
std::optional<DateTime> FromJsonData(const Collected& c, const DateReading& reading) {
  for (std::string_view key : {"\"datePublished\"", "\"publishedDate\"", "\"publishDate\"", "\"publishedAt\"",
                               "\"published_at\"", "\"publicationDate\"", "\"dateCreated\"", "\"createdAt\"",
                               "\"created_at\""}) {
    for (std::string_view block : c.json_data) {
      size_t at = block.find(key);
      if (at == std::string_view::npos) continue;
      size_t colon = block.find_first_not_of(" \t\r\n", at + key.size());
      if (colon == std::string_view::npos || block[colon] != ':') continue;
      size_t open = block.find_first_not_of(" \t\r\n", colon + 1);
      if (open == std::string_view::npos || block[open] != '"') continue;
      size_t close = block.find('"', open + 1);
      if (close == std::string_view::npos || close - open > 40) continue;
      if (auto d = ParseValue(block.substr(open + 1, close - open - 1), reading)) return d;
    }
  }
  return std::nullopt;
}

// A date a short body script writes as the page renders
// ('printStamp("2021/03/09 18:05:44")'): what a page without a date in its
// text or markup shows its readers. The date must be all of a string
// literal, not a piece of code.
std::optional<DateTime> FromBodyScripts(const Collected& c, const DateReading& reading) {
  DateParseOptions o;
  o.locale = reading.locale;
  o.min_year = 1995;
  for (std::string_view script : c.body_scripts) {
    for (const DateMatch& m : FindDates(script, o, 2)) {
      if (m.begin == 0 || m.end >= script.size()) continue;
      const char open = script[m.begin - 1];
      if ((open != '"' && open != '\'') || !Plausible(m.value, reading)) continue;
      size_t close = script.find(open, m.end);
      if (close != std::string_view::npos && close - m.end <= 12) return m.value;
    }
  }
  return std::nullopt;
}

}  // namespace

DateReading ReadingFor(std::string_view language_tag, std::string_view fetch_date) {
  return DateReading{LocaleOf(language_tag), LatestPlausible(fetch_date)};
}

std::optional<DateTime> ModifiedDate(const Collected& c, const JsonLdInfo& ld, const DateReading& reading) {
  std::optional<DateTime> modified;
  if (!ld.modified.empty()) modified = ParseValue(ld.modified, reading);
  if (!modified) modified = FromMeta(c, kModifiedKeys, reading);
  return modified;
}

std::optional<DateTime> ChoosePublished(const Collected& c, const JsonLdInfo& ld, std::string_view url,
                                        const DateReading& reading, const std::optional<DateTime>& modified) {
  std::optional<DateTime> url_date = DateFromUrl(url);
  if (url_date && !Plausible(*url_date, reading)) url_date.reset();
  NearHeadlineDate near(c, reading);
  if (auto d = FromMarkup(c, ld, reading, url_date, modified, &near)) {
    // A permalink keeps the day of first publication: a markup date more
    // than a month later (past a slug number read as the day) is a later
    // edition's.
    if (url_date && DayNumber(*d) - DayNumber(*url_date) > 31) return url_date;
    return WithShownTime(*d, &near);
  }
  if (url_date) return url_date;
  const CuedDates cued = FromCuedText(c, reading);
  if (cued.published) return cued.published;
  if (auto d = ElementDateNearHeading(c, c.times, c.headline_order, reading, true)) return d;
  HintList hints(c, IsDateHint);
  if (auto d = ElementDateNearHeading(c, hints, c.headline_order, reading, true)) return d;
  if (cued.stamp) {
    // A dateline under the headline dates the article itself; a stamp of
    // the last change may be a site migration's.
    if (auto d = DatelineDate(c, reading)) return d;
    return cued.stamp;
  }
  if (auto d = FromText(c, reading, false)) return d;
  // A guess from anywhere beats no answer: the footer's "Stand" date, say.
  if (auto d = FromText(c, reading, true)) return d;
  if (auto d = FromJsonData(c, reading)) return d;
  return FromBodyScripts(c, reading);
}

}  // namespace warta::meta
