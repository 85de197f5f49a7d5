// Date and time strings in news pages -> a structured value -> ISO 8601.
//
// Reads what news pages write: ISO 8601 and compact forms from metadata
// ("2025-12-03T10:43:00Z", "20251203"), numeric dates (3/12/2025 is
// day/month/year unless the locale says US English), written dates in
// Indonesian and English (plus the common European month names, because
// multilingual pages are normal input): "Rabu 03 Desember 2025 10:43 WIB",
// "December 3, 2025 at 10:43 a.m. EST", time-zone abbreviations and numeric
// offsets, and relative forms ("2 jam yang lalu", "yesterday") against a
// reference time.
//
// Pure functions over the given text; no allocation beyond the returned
// strings. Thread-safe.
#ifndef WARTA_META_DATE_PARSE_H_
#define WARTA_META_DATE_PARSE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warta::meta {

enum class DateGranularity : uint8_t { kNone, kYear, kMonth, kDay, kMinute, kSecond };

struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  int utc_offset_minutes = 0;  // local = UTC + offset
  bool has_offset = false;
  DateGranularity granularity = DateGranularity::kNone;
};

enum class DateLocale : uint8_t {
  kAuto,        // day/month/year for ambiguous numeric dates
  kIndonesian,  // day/month/year
  kEnglish,     // month/day/year when both readings are possible (US usage)
};

struct DateParseOptions {
  DateLocale locale = DateLocale::kAuto;
  // "Now" for relative forms ("3 hours ago"); without it they are not read.
  const DateTime* reference = nullptr;
  // Years outside [min_year, max_year] are not dates (phone numbers, ids).
  int min_year = 1900;
  int max_year = 2100;
};

// One date found in a text: the value and the byte range it was read from.
struct DateMatch {
  DateTime value;
  size_t begin = 0, end = 0;
};

// The first date (with its time and zone when written next to it) in `text`.
std::optional<DateTime> ParseDate(std::string_view text, const DateParseOptions& options = {});

// Every date in `text`, in order, at most `max_matches`.
std::vector<DateMatch> FindDates(std::string_view text, const DateParseOptions& options = {},
                                 size_t max_matches = 64);

// The zone offset of an abbreviation ("WIB" -> 420, "EST" -> -300), if known.
std::optional<int> ZoneOffsetMinutes(std::string_view abbreviation);

// True for a valid calendar date (leap years included).
bool IsValidDate(int year, int month, int day);

// Seconds since 1970-01-01T00:00:00 of the local wall-clock fields (offset
// not applied) — the building block for UTC conversion and comparisons.
int64_t LocalEpochSeconds(const DateTime& dt);

// The UTC date and time of a Unix timestamp (offset +00:00, second granularity).
DateTime DateTimeFromUnixSeconds(int64_t seconds);

// ISO 8601 as written on the page: "2025-12-03T10:43:00+07:00" with an offset,
// "2025-12-03T10:43:00" without one, "2025-12-03" without a time, "2025-12"
// for a month, "2025" for a year; "" for an empty value.
std::string FormatIsoLocal(const DateTime& dt);

// ISO 8601 in UTC ("2025-12-03T03:43:00Z"); needs a time and an offset, else "".
std::string FormatIsoUtc(const DateTime& dt);

}  // namespace warta::meta

#endif  // WARTA_META_DATE_PARSE_H_
