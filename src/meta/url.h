// What a page's URL says about it: the host, a site name guessed from the
// host, and a publication date written in the path.
//
// Pure functions; thread-safe.
#ifndef WARTA_META_URL_H_
#define WARTA_META_URL_H_

#include <optional>
#include <string>
#include <string_view>

#include "meta/date_parse.h"

namespace warta::meta {

// "https://www.Example.co.id:8080/a/b" -> "www.example.co.id"; "" when the
// text has no plausible host (a file name like "page.txt" has none).
std::string HostOf(std::string_view url);

// "www.warta.co.id" -> "warta", "news.example.com" -> "example": the label
// a registrable domain names, lower case; "" without a host.
std::string HostLabel(std::string_view url);

// The host as a site name, "www." and mobile prefixes dropped:
// "https://www.warta.co.id/a" -> "warta.co.id". A last resort: pages name
// themselves better, and a bare label ("Warta") would pass for a name the
// site never gave itself.
std::string SiteNameFromUrl(std::string_view url);

// A date in the URL path: /2025/12/03/, /2025-12-03-, /20251203/, /03-12-2025, and
// /2025/12/ (month granularity). Query strings are ignored.
std::optional<DateTime> DateFromUrl(std::string_view url);

}  // namespace warta::meta

#endif  // WARTA_META_URL_H_
