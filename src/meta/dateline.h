// Datelines: the place (and agency) a news story opens with.
//
// "JAKARTA – ...", "JAKARTA, KOMPAS.com - ...", "LONDON (Reuters) - ...",
// "WASHINGTON, Dec 3 (Reuters) — ...", "Jakarta (ANTARA) - ..." -> city
// "JAKARTA" / "LONDON" (as written), agency "KOMPAS.com" / "Reuters", and the
// byte length of the prefix so callers can strip it. A region after the
// city ("MILLTOWN, N.Y. —", "LAKEVIEW, Texas —") is no agency.
//
// Pure functions; thread-safe.
#ifndef WARTA_META_DATELINE_H_
#define WARTA_META_DATELINE_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace warta::meta {

struct Dateline {
  std::string city;
  std::string agency;     // "Reuters", "KOMPAS.com"; empty when none
  size_t prefix_bytes = 0;  // through the dash and the spaces after it
};

std::optional<Dateline> DetectDateline(std::string_view paragraph);

// The dateline of a story: in its first paragraph, or in one of the next
// two when a caption or a teaser came first and the dateline is surely one
// ("KOBE -", "PARIS (Reuters) -").
std::optional<Dateline> DetectLeadDateline(std::span<const std::string> paragraphs);

}  // namespace warta::meta

#endif  // WARTA_META_DATELINE_H_
