// Datelines: the place (and agency) a news story opens with.
//
// "JAKARTA – ...", "JAKARTA, KOMPAS.com - ...", "LONDON (Reuters) - ...",
// "WASHINGTON, Dec 3 (Reuters) — ...", "Jakarta (ANTARA) - ..." -> city
// "JAKARTA" / "LONDON" (as written), agency "KOMPAS.com" / "Reuters", and the
// byte length of the prefix so callers can strip it.
//
// Pure functions; thread-safe.
#ifndef WARTA_META_DATELINE_H_
#define WARTA_META_DATELINE_H_

#include <optional>
#include <string>
#include <string_view>

namespace warta::meta {

struct Dateline {
  std::string city;
  std::string agency;     // "Reuters", "KOMPAS.com"; empty when none
  size_t prefix_bytes = 0;  // through the dash and the spaces after it
};

std::optional<Dateline> DetectDateline(std::string_view paragraph);

}  // namespace warta::meta

#endif  // WARTA_META_DATELINE_H_
