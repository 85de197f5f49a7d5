// Time expressions: meta's date parser reads the absolute forms and the
// digit-relative ones ("2 hari lalu"); here come the forms it leaves alone —
// bare months ("pada November"), weekdays ("last Tuesday", "Selasa lalu"),
// number words ("two weeks ago") and the time of day ("lewat tengah malam").
#include <algorithm>
#include <cstdio>

#include "analyze/doc.h"
#include "base/utf8.h"

namespace warta::analyze {
namespace {

struct Word {
  std::string_view word;
  int value;
};

constexpr Word kMonths[] = {
    {"januari", 1}, {"februari", 2}, {"maret", 3},     {"april", 4},    {"mei", 5},       {"juni", 6},
    {"juli", 7},    {"agustus", 8},  {"september", 9}, {"oktober", 10}, {"november", 11}, {"desember", 12},
    {"january", 1}, {"february", 2}, {"march", 3},     {"may", 5},      {"june", 6},      {"july", 7},
    {"august", 8},  {"october", 10}, {"december", 12},
};
// 0 = Monday.
constexpr Word kWeekdays[] = {
    {"senin", 0},  {"selasa", 1},  {"rabu", 2},      {"kamis", 3},    {"jumat", 4},  {"sabtu", 5},
    {"minggu", 6}, {"monday", 0},  {"tuesday", 1},   {"wednesday", 2}, {"thursday", 3}, {"friday", 4},
    {"saturday", 5}, {"sunday", 6},
};
constexpr Word kNumbers[] = {
    {"satu", 1},  {"dua", 2},    {"tiga", 3},   {"empat", 4}, {"lima", 5},   {"enam", 6},    {"tujuh", 7},
    {"delapan", 8}, {"sembilan", 9}, {"sepuluh", 10}, {"sebelas", 11}, {"se", 1}, {"one", 1}, {"a", 1},
    {"an", 1},    {"two", 2},    {"three", 3},  {"four", 4},  {"five", 5},   {"six", 6},     {"seven", 7},
    {"eight", 8}, {"nine", 9},   {"ten", 10},   {"eleven", 11}, {"twelve", 12}, {"several", 3}, {"beberapa", 3},
};
// Days per unit (0 for units below a day).
constexpr Word kUnits[] = {{"hari", 1}, {"minggu", 7}, {"pekan", 7}, {"bulan", 30}, {"tahun", 365},
                           {"day", 1},  {"days", 1},   {"week", 7},  {"weeks", 7},  {"month", 30},
                           {"months", 30}, {"year", 365}, {"years", 365}};
// Words before a bare month that make it a date ("pada November", "in May").
constexpr std::string_view kMonthLead[] = {"pada", "sejak", "bulan", "hingga", "sampai", "awal", "akhir",
                                           "pertengahan", "in", "since", "until", "early", "late", "last",
                                           "mid", "by", "during", "selama"};

template <size_t N>
int Find(const Word (&list)[N], std::string_view w) {
  for (const Word& x : list) {
    if (x.word == w) return x.value;
  }
  return -1;
}

// The words a relative expression starts from.
const nlp::WordShapes& StartWords() {
  static const nlp::WordShapes* s = [] {
    auto* w = new nlp::WordShapes;
    for (const Word& x : kWeekdays) w->Add(x.word);
    for (const Word& x : kMonths) w->Add(x.word);
    for (const Word& x : kNumbers) w->Add(x.word);
    for (std::string_view x : {"tahun", "bulan", "year", "month", "tengah", "midnight"}) w->Add(x);
    return w;
  }();
  return *s;
}

class TimeFinder {
 public:
  TimeFinder(const Doc& doc, const meta::DateTime* published) : doc_(doc), pub_(published) {}

  std::vector<analysis::TimeExpr> Run() {
    covered_.assign(doc_.seg.tokens.size(), 0);
    meta::DateParseOptions o;
    o.locale = doc_.indonesian ? meta::DateLocale::kIndonesian : meta::DateLocale::kAuto;
    o.reference = pub_;
    for (const meta::DateMatch& m : meta::FindDates(doc_.text, o, 256)) {
      // "kemarin", "3 hours ago": read against the publication time.
      std::string_view written = doc_.text.substr(m.begin, m.end - m.begin);
      bool relative = written.ends_with("lalu") || written.ends_with("ago") ||
                      std::none_of(written.begin(), written.end(), [](char c) { return c >= '0' && c <= '9'; });
      Add(CpOfByte(m.begin), CpOfByte(m.end), m.value, m.value.granularity, relative, m.begin, m.end);
    }
    if (pub_ != nullptr) {
      const nlp::WordShapes& starts = StartWords();
      for (size_t t = 0; t < doc_.seg.tokens.size(); ++t) {
        // The filter first: it turns away nearly every token, the kind test a quarter.
        if (starts.MayKey(doc_.shape[t]) && doc_.seg.tokens[t].kind == nlp::TokenKind::kWord && !covered_[t]) {
          Relative(t);
        }
      }
    }
    std::sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
    return std::move(out_);
  }

 private:
  uint32_t CpOfByte(size_t byte) const {
    const auto& toks = doc_.seg.tokens;
    auto it = std::upper_bound(toks.begin(), toks.end(), byte,
                               [](size_t b, const nlp::Token& t) { return b < t.byte_begin; });
    if (it == toks.begin()) return static_cast<uint32_t>(utf8::CodePointCount(doc_.text.substr(0, byte)));
    --it;
    return it->begin + static_cast<uint32_t>(utf8::CodePointCount(
                           doc_.text.substr(it->byte_begin, byte - std::min<size_t>(byte, it->byte_begin))));
  }

  void Add(uint32_t begin, uint32_t end, const meta::DateTime& v, meta::DateGranularity g, bool relative,
           size_t byte_begin, size_t byte_end) {
    analysis::TimeExpr t;
    t.begin = begin;
    t.end = end;
    t.text = std::string(doc_.text.substr(byte_begin, byte_end - byte_begin));
    meta::DateTime value = v;
    value.granularity = g;
    if (g < meta::DateGranularity::kMinute) value.has_time = false;
    t.value = meta::FormatIsoLocal(value);
    t.granularity = g == meta::DateGranularity::kYear    ? "year"
                    : g == meta::DateGranularity::kMonth ? "month"
                    : g == meta::DateGranularity::kDay   ? "day"
                                                         : "time";
    t.anchor = relative ? "published" : "absolute";
    const auto& toks = doc_.seg.tokens;
    auto it = std::lower_bound(toks.begin(), toks.end(), begin,
                               [](const nlp::Token& t, uint32_t b) { return t.begin < b; });
    for (; it != toks.end() && it->end <= end; ++it) covered_[it - toks.begin()] = 1;
    out_.push_back(std::move(t));
  }

  void AddTokens(size_t b, size_t e, const meta::DateTime& v, meta::DateGranularity g) {
    const auto& toks = doc_.seg.tokens;
    Add(toks[b].begin, toks[e - 1].end, v, g, true, toks[b].byte_begin, toks[e - 1].byte_end);
  }

  std::string_view L(size_t t) const { return t < doc_.lower.size() ? doc_.lower[t] : std::string_view(); }

  meta::DateTime DaysBefore(int days) const {
    meta::DateTime d = meta::DateTimeFromUnixSeconds(meta::LocalEpochSeconds(*pub_) - int64_t{days} * 86400);
    d.has_time = d.has_offset = false;
    return d;
  }

  int WeekdayOfPublished() const {
    int64_t days = meta::LocalEpochSeconds(*pub_) / 86400;  // 1970-01-01 was a Thursday (3)
    return static_cast<int>(((days % 7) + 7 + 3) % 7);
  }

  // "Rabu (3/12/2025)": the weekday and its parentheses join the date.
  bool JoinWeekday(size_t t) {
    const auto& toks = doc_.seg.tokens;
    bool paren = L(t + 1) == "(";
    size_t k = paren ? t + 2 : t + 1;
    if (k >= toks.size() || !covered_[k]) return false;
    for (analysis::TimeExpr& x : out_) {
      if (x.begin != toks[k].begin) continue;
      size_t last = k;
      while (last + 1 < toks.size() && toks[last + 1].end <= x.end) ++last;
      if (paren && L(last + 1) == ")") ++last;
      x.begin = toks[t].begin;
      x.end = toks[last].end;
      x.text = std::string(doc_.Range(t, last + 1));
      covered_[t] = 1;
      return true;
    }
    return false;
  }

  void Relative(size_t t) {
    std::string_view w = L(t);
    bool last = t > 0 && (L(t - 1) == "last" || L(t - 1) == "lalu");
    // Weekdays: the latest such day up to publication ("last": strictly before).
    // (Capitalisation first: it rules out most words before a list search.)
    const bool capitalized = doc_.Capitalized(t);
    if (int wd = capitalized ? Find(kWeekdays, w) : -1; wd >= 0) {
      if (JoinWeekday(t)) return;
      bool lalu = L(t + 1) == "lalu";
      bool lead = t > 0 && (L(t - 1) == "pada" || L(t - 1) == "on" || L(t - 1) == "hari" || last);
      if (!lalu && !lead) return;
      int back = (WeekdayOfPublished() - wd + 7) % 7;
      if (back == 0 && (lalu || last)) back = 7;
      size_t b = last && L(t - 1) == "last" ? t - 1 : t;
      AddTokens(b, lalu ? t + 2 : t + 1, DaysBefore(back), meta::DateGranularity::kDay);
      return;
    }
    // Bare months: the latest such month up to publication.
    if (int month = capitalized ? Find(kMonths, w) : -1; month > 0 && t > 0 &&
                                      std::find(std::begin(kMonthLead), std::end(kMonthLead), L(t - 1)) !=
                                          std::end(kMonthLead)) {
      if (t + 1 < doc_.seg.tokens.size() && doc_.seg.tokens[t + 1].kind == nlp::TokenKind::kNumber) return;
      meta::DateTime d;
      d.year = month <= pub_->month ? pub_->year : pub_->year - 1;
      d.month = month;
      AddTokens(t, t + 1, d, meta::DateGranularity::kMonth);
      return;
    }
    // "two weeks ago", "dua minggu lalu", "tiga hari yang lalu".
    if (int n = Find(kNumbers, w); n > 0) {
      int unit = Find(kUnits, L(t + 1));
      if (unit <= 0) return;
      size_t e = t + 2;
      if (L(e) == "yang" && L(e + 1) == "lalu") {
        e += 2;
      } else if (L(e) == "lalu" || L(e) == "ago") {
        ++e;
      } else {
        return;
      }
      meta::DateTime d = DaysBefore(n * unit);
      auto g = unit >= 365 ? meta::DateGranularity::kYear
               : unit >= 30 ? meta::DateGranularity::kMonth
                            : meta::DateGranularity::kDay;
      AddTokens(t, e, d, g);
      return;
    }
    // "tahun lalu" / "last year", "bulan lalu" / "last month".
    if ((w == "tahun" || w == "bulan") && L(t + 1) == "lalu") {
      meta::DateTime d = DaysBefore(w == "tahun" ? 365 : 30);
      AddTokens(t, t + 2, d, w == "tahun" ? meta::DateGranularity::kYear : meta::DateGranularity::kMonth);
      return;
    }
    if ((w == "year" || w == "month") && t > 0 && L(t - 1) == "last") {
      meta::DateTime d = DaysBefore(w == "year" ? 365 : 30);
      AddTokens(t - 1, t + 1, d, w == "year" ? meta::DateGranularity::kYear : meta::DateGranularity::kMonth);
      return;
    }
    // Midnight: a time of day without a date of its own.
    if ((w == "tengah" && L(t + 1) == "malam") || w == "midnight") {
      size_t b = t > 0 && (L(t - 1) == "lewat" || L(t - 1) == "past" || L(t - 1) == "after") ? t - 1 : t;
      size_t e = w == "tengah" ? t + 2 : t + 1;
      const auto& toks = doc_.seg.tokens;
      analysis::TimeExpr x;
      x.begin = toks[b].begin;
      x.end = toks[e - 1].end;
      x.text = std::string(doc_.Range(b, e));
      x.value = "T00:00";
      x.granularity = "time";
      x.anchor = "event";
      for (size_t k = b; k < e; ++k) covered_[k] = 1;
      out_.push_back(std::move(x));
    }
  }

  const Doc& doc_;
  const meta::DateTime* pub_;
  std::vector<uint8_t> covered_;  // per token, 1 when a time expression holds it (bytes: no bit packing)
  std::vector<analysis::TimeExpr> out_;
};

}  // namespace

int NumberWord(std::string_view lower) {
  // Most words are none: a filter turns them away before the list search.
  static const nlp::WordShapes* numbers = [] {
    auto* w = new nlp::WordShapes;
    for (const Word& x : kNumbers) w->Add(x.word);
    return w;
  }();
  return numbers->May(lower) ? Find(kNumbers, lower) : -1;
}

bool IsCalendarWord(std::string_view lower) { return Find(kMonths, lower) > 0 || Find(kWeekdays, lower) >= 0; }

std::vector<analysis::TimeExpr> FindTimes(const Doc& doc, const meta::DateTime* published) {
  return TimeFinder(doc, published).Run();
}

}  // namespace warta::analyze
