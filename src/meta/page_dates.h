// The dates of a page: when it was published and last modified, chosen
// among what its markup, URL and visible text say (ranked as metadata.h
// tells).
//
// Internal to src/meta. Reads a Collected (collected.h) and the page's
// JSON-LD; pure functions, thread-safe.
#ifndef WARTA_META_PAGE_DATES_H_
#define WARTA_META_PAGE_DATES_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "meta/collected.h"
#include "meta/date_parse.h"
#include "meta/jsonld.h"

namespace warta::meta {

// How a page's dates are read: the day/month order its language implies,
// and the latest moment a publication date can have.
struct DateReading {
  DateLocale locale;
  int64_t latest_epoch_seconds;
};

// The reading for a page in the language `language_tag` ("en", "en-GB",
// "id_ID") fetched at `fetch_date` (ISO 8601; empty: now). The region
// settles the order of English numeric dates.
DateReading ReadingFor(std::string_view language_tag, std::string_view fetch_date);

// When the page says it was last changed (JSON-LD, then meta tags).
std::optional<DateTime> ModifiedDate(const Collected& c, const JsonLdInfo& ld, const DateReading& reading);

// When the page was published; `modified` is ModifiedDate's answer.
std::optional<DateTime> ChoosePublished(const Collected& c, const JsonLdInfo& ld, std::string_view url,
                                        const DateReading& reading, const std::optional<DateTime>& modified);

}  // namespace warta::meta

#endif  // WARTA_META_PAGE_DATES_H_
