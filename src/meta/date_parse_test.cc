#include "meta/date_parse.h"

#include <gtest/gtest.h>

#include <thread>

namespace warta::meta {
namespace {

struct Case {
  const char* in;
  const char* local;  // FormatIsoLocal, "" = no date
  const char* utc;    // FormatIsoUtc
  DateLocale locale = DateLocale::kAuto;
};

TEST(DateParse, AbsoluteForms) {
  const Case cases[] = {
      {"Rabu 03 Desember 2025 10:43 WIB", "2025-12-03T10:43:00+07:00", "2025-12-03T03:43:00Z"},
      {"Rabu, 3 Des 2025 - 10:43 WIB", "2025-12-03T10:43:00+07:00", "2025-12-03T03:43:00Z"},
      {"Kamis, 14 Agt 2025 | 08.15 WITA", "2025-08-14T08:15:00+08:00", "2025-08-14T00:15:00Z"},
      {"Senin, 1 Sep 2025 pukul 21.05 WIT", "2025-09-01T21:05:00+09:00", "2025-09-01T12:05:00Z"},
      {"Minggu, 9 Februari 2025", "2025-02-09", ""},
      {"December 3, 2025 at 10:43 a.m. EST", "2025-12-03T10:43:00-05:00", "2025-12-03T15:43:00Z"},
      {"Dec. 3rd, 2025 11:05 PM PDT", "2025-12-03T23:05:00-07:00", "2025-12-04T06:05:00Z"},
      {"Updated 12:30 am GMT, 7 March 2024", "2024-03-07T00:30:00+00:00", "2024-03-07T00:30:00Z"},
      {"2025-12-03T10:43:00Z", "2025-12-03T10:43:00+00:00", "2025-12-03T10:43:00Z"},
      {"2025-12-03T10:43:00.123+07:00", "2025-12-03T10:43:00+07:00", "2025-12-03T03:43:00Z"},
      {"2025-12-03 22:10:05 +0100", "2025-12-03T22:10:05+01:00", "2025-12-03T21:10:05Z"},
      {"2025-12-03T10:43:00-05:00", "2025-12-03T10:43:00-05:00", "2025-12-03T15:43:00Z"},
      {"2025-12-03", "2025-12-03", ""},
      {"20251203", "2025-12-03", ""},
      {"20251203T1043Z", "2025-12-03T10:43:00+00:00", "2025-12-03T10:43:00Z"},
      {"20251203T104305+0700", "2025-12-03T10:43:05+07:00", "2025-12-03T03:43:05Z"},
      {"20251203T9999Z", "2025-12-03", ""},
      {"/news/2019/04/07/some-slug", "2019-04-07", ""},
      {"Rabu (3/12/2025)", "2025-12-03", ""},
      {"03.12.2025, 14:00 Uhr", "2025-12-03T14:00:00", ""},
      {"04.04.2020 04.04.2020", "2020-04-04", ""},
      {"Kamis, 14 Agt 2025 08.15 WIB", "2025-08-14T08:15:00+07:00", "2025-08-14T01:15:00Z"},
      {"3. Dezember 2025", "2025-12-03", ""},
      {"Stand: 17. März 2021 CET", "2021-03-17", ""},
      {"3 de diciembre de 2025", "2025-12-03", ""},
      {"Published 12 January 2024 10:00 CEST", "2024-01-12T10:00:00+02:00", "2024-01-12T08:00:00Z"},
      {"14:05 BST, 2 June 2022", "2022-06-02T14:05:00+01:00", "2022-06-02T13:05:00Z"},
      {"Updated 10:43 AM EST, Wed December 3, 2025", "2025-12-03T10:43:00-05:00", "2025-12-03T15:43:00Z"},
      {"10:43 WIB, 3 Desember 2025", "2025-12-03T10:43:00+07:00", "2025-12-03T03:43:00Z"},
      {"GMT+7 2025", "", ""},
      {"March 3, 2025 8:15 p.m. PST", "2025-03-03T20:15:00-08:00", "2025-03-04T04:15:00Z"},
      {"June 5, 2024 9:30 AM EDT", "2024-06-05T09:30:00-04:00", "2024-06-05T13:30:00Z"},
      {"12.03.2025, 14:00 Uhr CET", "2025-03-12T14:00:00+01:00", "2025-03-12T13:00:00Z"},
      {"2025-03-01 08:00 UTC", "2025-03-01T08:00:00+00:00", "2025-03-01T08:00:00Z"},
      {"Selasa, 31 Des 2024 23:30 WIB", "2024-12-31T23:30:00+07:00", "2024-12-31T16:30:00Z"},
      {"Rabu, 1 Jan 2025 06:00 WITA", "2025-01-01T06:00:00+08:00", "2024-12-31T22:00:00Z"},
      {"2025-01-01T05:00:00+09:00", "2025-01-01T05:00:00+09:00", "2024-12-31T20:00:00Z"},
      {"2025-01-01T05:00:00+0530", "2025-01-01T05:00:00+05:30", "2024-12-31T23:30:00Z"},
      {"Sat, 06 Jan 2024 09:00:00 GMT+0700", "2024-01-06T09:00:00+07:00", "2024-01-06T02:00:00Z"},
      {"November 2023", "2023-11", ""},
      {"2020年2月18日", "2020-02-18", ""},
      {"18 февраля 2020", "2020-02-18", ""},
      // Month names of more languages, and the words that join the time.
      {"3 dicembre 2025 ore 10:43", "2025-12-03T10:43:00", ""},
      {"15 aprile 2019", "2019-04-15", ""},
      {"12 maart 2024 om 14:05", "2024-03-12T14:05:00", ""},
      {"2 dezembro 2022", "2022-12-02", ""},
      {"3. joulukuuta 2025", "2025-12-03", ""},
      {"3 března 2021 10:00", "2021-03-03T10:00:00", ""},
      {"7 octombrie 2020", "2020-10-07", ""},
      {"5 Nopember 2019", "2019-11-05", ""},
      {"1 decembre 2020", "2020-12-01", ""},
      {"3 days ago 2020", "", ""},
      // Zones: named and numeric ones give the offset; a name not known
      // ("ET" is either EST or EDT) or no zone gives none.
      {"Mi, 03.12.2025 - 10:43 MEZ", "2025-12-03T10:43:00+01:00", "2025-12-03T09:43:00Z"},
      {"3 Dec 2025 10:43 GMT+8", "2025-12-03T10:43:00+08:00", "2025-12-03T02:43:00Z"},
      {"03.12.2025 10:43 UTC+01:00", "2025-12-03T10:43:00+01:00", "2025-12-03T09:43:00Z"},
      {"December 3, 2025 10:43 ET", "2025-12-03T10:43:00", ""},
      {"2025-12-03 10:43:00", "2025-12-03T10:43:00", ""},
      {"3 декабря 2025, 10:43 МСК", "2025-12-03T10:43:00", ""},
      {"3/12/2025", "2025-12-03", "", DateLocale::kIndonesian},
      {"3/12/2025", "2025-03-12", "", DateLocale::kEnglish},
      {"13/12/2025", "2025-12-13", "", DateLocale::kEnglish},
      {"12/13/2025", "2025-12-13", "", DateLocale::kIndonesian},
      {"3/12/25", "2025-12-03", ""},
      {"31/02/2025", "", ""},
      {"version 1.2.10.2025", "", ""},
      {"call 0812.3456.7890", "", ""},
      {"no date here", "", ""},
      {"", "", ""},
      {"Pukul 10.43", "", ""},
  };
  for (const Case& c : cases) {
    DateParseOptions o;
    o.locale = c.locale;
    std::optional<DateTime> dt = ParseDate(c.in, o);
    std::string local = dt ? FormatIsoLocal(*dt) : "";
    std::string utc = dt ? FormatIsoUtc(*dt) : "";
    EXPECT_EQ(local, c.local) << c.in;
    EXPECT_EQ(utc, c.utc) << c.in;
  }
}

TEST(DateParse, RelativeForms) {
  DateTime ref;
  ref.year = 2025, ref.month = 12, ref.day = 3, ref.hour = 10, ref.minute = 43;
  ref.has_time = true, ref.has_offset = true, ref.utc_offset_minutes = 420;
  ref.granularity = DateGranularity::kMinute;
  const Case cases[] = {
      {"2 jam yang lalu", "2025-12-03T08:43:00+07:00", "2025-12-03T01:43:00Z"},
      {"30 menit lalu", "2025-12-03T10:13:00+07:00", "2025-12-03T03:13:00Z"},
      {"3 hours ago", "2025-12-03T07:43:00+07:00", "2025-12-03T00:43:00Z"},
      {"an hour ago", "2025-12-03T09:43:00+07:00", "2025-12-03T02:43:00Z"},
      {"11 hours ago", "2025-12-02T23:43:00+07:00", "2025-12-02T16:43:00Z"},
      {"kemarin", "2025-12-02", ""},
      {"Kemarin, 19:20 WIB", "2025-12-02T19:20:00+07:00", "2025-12-02T12:20:00Z"},
      {"yesterday", "2025-12-02", ""},
      {"5 days ago", "2025-11-28", ""},
      {"hari ini", "2025-12-03", ""},
      {"Hari ini", "2025-12-03", ""},
      {"baru saja", "2025-12-03T10:43:00+07:00", "2025-12-03T03:43:00Z"},
      {"Just now", "2025-12-03T10:43:00+07:00", "2025-12-03T03:43:00Z"},
      {"a day ago", "2025-12-02", ""},
      {"One week ago", "2025-11-26", ""},
      {"se-hari lalu", "", ""},
      {"satu bulan yang lalu", "2025-11-03", ""},
      {"Today", "2025-12-03", ""},
      {"heute", "2025-12-03", ""},
      {"gestern", "2025-12-02", ""},
      {"a long time ago", "", ""},
      {"2 minggu lalu", "2025-11-19", ""},
      {"Minggu lalu", "", ""},
  };
  for (const Case& c : cases) {
    DateParseOptions o;
    o.reference = &ref;
    std::optional<DateTime> dt = ParseDate(c.in, o);
    EXPECT_EQ(dt ? FormatIsoLocal(*dt) : "", c.local) << c.in;
    EXPECT_EQ(dt ? FormatIsoUtc(*dt) : "", c.utc) << c.in;
  }
  // Without a reference, relative forms are not dates.
  EXPECT_FALSE(ParseDate("2 jam yang lalu").has_value());
}

TEST(DateParse, FindsEveryDateWithItsRange) {
  std::string text = "Dibuat 1 Mei 2024, diperbarui 2024-05-02T08:00:00+07:00.";
  std::vector<DateMatch> all = FindDates(text);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(FormatIsoLocal(all[0].value), "2024-05-01");
  EXPECT_EQ(text.substr(all[0].begin, all[0].end - all[0].begin), "1 Mei 2024");
  EXPECT_EQ(FormatIsoLocal(all[1].value), "2024-05-02T08:00:00+07:00");
}

// Each date FindDates reads in `text`, as "<text> = <ISO local>", relative
// to Wednesday 3 December 2025, 10:43.
std::vector<std::string> DatesIn(const std::string& text) {
  DateTime ref;
  ref.year = 2025, ref.month = 12, ref.day = 3, ref.hour = 10, ref.minute = 43;
  ref.granularity = DateGranularity::kMinute;
  DateParseOptions o;
  o.reference = &ref;
  std::vector<std::string> got;
  for (const DateMatch& m : FindDates(text, o)) {
    got.push_back(text.substr(m.begin, m.end - m.begin) + " = " + FormatIsoLocal(m.value));
  }
  return got;
}

// Running text: words that cannot open a date are skipped unread, non-ASCII
// punctuation and letters are told apart without ICU for common ones.
TEST(DateParse, FindsDatesInRunningText) {
  const std::string text =
      "The club\u2019s 5 players met \u201con 12 March 2024\u201d \u2013 "
      "\u0432\u0441\u0442\u0440\u0435\u0447\u0430 3 \u043c\u0430\u0440\u0442\u0430 2024 "
      "\u2014 and again an hour ago; Ren\u00e9e left yesterday.";
  const std::vector<std::string> want = {
      "12 March 2024 = 2024-03-12",
      "3 \u043c\u0430\u0440\u0442\u0430 2024 = 2024-03-03",
      "an hour ago = 2025-12-03T09:43:00",
      "yesterday = 2025-12-02",
  };
  EXPECT_EQ(DatesIn(text), want);
}

// Words are read sixteen bytes a step: a word ends where it ends, whichever
// byte of a step that is, and letters glued to a month make another word.
TEST(DateParse, WordsEndWhereverTheyFallInTheText) {
  using Dates = std::vector<std::string>;
  for (size_t pad = 0; pad < 40; ++pad) {
    SCOPED_TRACE(pad);
    const std::string lead(pad, 'x');
    EXPECT_EQ(DatesIn(lead + " Desember 3, 2025 and Mei2024"),
              (Dates{"Desember 3, 2025 = 2025-12-03", "Mei2024 = 2024-05"}));
    EXPECT_EQ(DatesIn(lead + "Desember 2025"), pad == 0 ? Dates{"Desember 2025 = 2025-12"} : Dates{});
    EXPECT_EQ(DatesIn(lead + " Desemberan 2025"), Dates{});
  }
}

// A word opens a date only with a number of at most four digits one or two
// tokens on (or as a relative form): month names before a day or a year.
TEST(DateParse, MonthsOpenDatesBeforeShortNumbers) {
  using Dates = std::vector<std::string>;
  EXPECT_EQ(DatesIn("Dec. 3, 2025"), (Dates{"Dec. 3, 2025 = 2025-12-03"}));
  EXPECT_EQ(DatesIn("Desember, 2025"), (Dates{"Desember, 2025 = 2025-12"}));
  EXPECT_EQ(DatesIn("May 2024 and May 20245"), (Dates{"May 2024 = 2024-05"}));
  EXPECT_EQ(DatesIn("in May the 3rd, 2024"), Dates{});
}

// The tokenizer's quick reads of common non-ASCII characters (two-byte
// letters, the signs × and ÷, dashes) and the quick month and unit tests
// answer as the full lookups do; text denser in tokens than the first
// guess grows the token buffer.
TEST(DateParse, QuickReadsAnswerAsTheLookups) {
  const std::string text =
      "d\u00e9cembre 3\u00d712\u00f72025; 3 d\u00e9cembre 2025 \u2013 4 grudnia 2024, \u0141\u00f3d\u017a; "
      "3 Hours Ago, 3 hopes ago, 2 Jam yang lalu; Sept 9, 2024";
  const std::vector<std::string> want = {
      "3 d\u00e9cembre 2025 = 2025-12-03",
      "4 grudnia 2024 = 2024-12-04",
      "3 Hours Ago = 2025-12-03T07:43:00",
      "2 Jam yang lalu = 2025-12-03T08:43:00",
      "Sept 9, 2024 = 2024-09-09",
  };
  EXPECT_EQ(DatesIn(text), want);
  std::string dense;
  for (int i = 0; i < 500; ++i) dense += "1,";
  dense += " 9 May 2024";
  std::vector<DateMatch> last = FindDates(dense);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(FormatIsoLocal(last[0].value), "2024-05-09");
}

// FindDates keeps a token buffer per thread. On a new thread (an empty
// buffer) and when a longer text makes it grow, the tokens must be read
// from where the buffer is after tokenizing (the fuzzer found a read through
// the empty buffer's null pointer when the arguments were evaluated in the
// other order).
TEST(DateParse, TokenBufferFirstUseAndGrowth) {
  std::thread([] {
    std::vector<DateMatch> first = FindDates(";1 9 May 2024");
    ASSERT_EQ(first.size(), 1u);
    std::string longer;
    for (int i = 0; i < 2000; ++i) longer += "kata ";
    longer += "9 May 2024";
    std::vector<DateMatch> grown = FindDates(longer);
    ASSERT_EQ(grown.size(), 1u);
    EXPECT_EQ(FormatIsoLocal(grown[0].value), "2024-05-09");
  }).join();
}

TEST(DateParse, ZonesAndCalendar) {
  EXPECT_EQ(ZoneOffsetMinutes("WIB"), 420);
  EXPECT_EQ(ZoneOffsetMinutes("wita"), 480);
  EXPECT_EQ(ZoneOffsetMinutes("CDT"), -300);
  EXPECT_FALSE(ZoneOffsetMinutes("XYZ").has_value());
  EXPECT_TRUE(IsValidDate(2024, 2, 29));
  EXPECT_FALSE(IsValidDate(2025, 2, 29));
  EXPECT_FALSE(IsValidDate(2025, 13, 1));
}

TEST(DateParse, HostileInputDoesNotCrash) {
  std::string junk;
  for (int i = 0; i < 5000; ++i) junk += static_cast<char>(i * 37 % 256);
  (void)FindDates(junk);
  std::string digits(100000, '9');
  EXPECT_FALSE(ParseDate(digits).has_value());
  (void)ParseDate("\xE2\x80");
  (void)ParseDate("12:");
  (void)ParseDate("2025-");
}

}  // namespace
}  // namespace warta::meta

namespace warta::meta {
namespace {

// The formatting itself, printf-style zero padding included.
TEST(DateFormat, PadsEveryField) {
  DateTime month;
  month.year = 998, month.month = 3, month.granularity = DateGranularity::kMonth;
  EXPECT_EQ(FormatIsoLocal(month), "0998-03");
  DateTime t;
  t.year = 2024, t.month = 1, t.day = 2, t.hour = 3, t.minute = 4, t.second = 5;
  t.has_time = true, t.granularity = DateGranularity::kSecond;
  EXPECT_EQ(FormatIsoLocal(t), "2024-01-02T03:04:05");
  EXPECT_EQ(FormatIsoUtc(t), "");
  t.has_offset = true, t.utc_offset_minutes = -(9 * 60 + 30);
  EXPECT_EQ(FormatIsoLocal(t), "2024-01-02T03:04:05-09:30");
  EXPECT_EQ(FormatIsoUtc(t), "2024-01-02T12:34:05Z");
  DateTime year;
  year.year = 7, year.granularity = DateGranularity::kYear;
  EXPECT_EQ(FormatIsoLocal(year), "0007");
  EXPECT_EQ(FormatIsoLocal(DateTime{}), "");
}

}  // namespace
}  // namespace warta::meta
