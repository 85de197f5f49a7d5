// Cited sources: which outlets or agencies a text says it took its facts from.
//
// Reads attribution cues in Indonesian ("dilansir Reuters", "seperti dikutip
// dari AFP", "melansir", "mengutip") and English ("according to Reuters",
// "Reuters reported", "told Reuters", "(AP)"), and keeps only names that are
// plausibly sources: known agencies and outlets, or capitalised names that look
// like media (acronyms, "*.com", "... News", "... Times"). Names come back in
// a canonical spelling ("ANTARA" -> "Antara"), deduplicated, in order of first
// mention.
//
// Pure functions; thread-safe.
#ifndef WARTA_META_SOURCES_H_
#define WARTA_META_SOURCES_H_

#include <string>
#include <string_view>
#include <vector>

namespace warta::meta {

std::vector<std::string> FindCitedSources(std::string_view text);

// The canonical name of a known news agency or outlet ("reuters" ->
// "Reuters", "Associated Press" -> "AP"), or "" when the name is not known.
std::string KnownSourceName(std::string_view name);

// True for a name that reads as a media outlet even when it is not known:
// an all-capitals acronym, a domain, or a name ending in a media word.
bool LooksLikeOutlet(std::string_view name);

// Whether a cited name is the page's own outlet: its site name, or the
// name its host spells, alone or with a media word ("KXYZ" on kxyz.example,
// "Warta News" on warta.co.id, "Kabar" when the site is "Kabar Online").
bool IsOwnOutlet(std::string_view source, std::string_view site_name, std::string_view url);

// The source a dateline's credit names: the canonical agency ("dpa/lno" ->
// "dpa"), the credit as written, or "" for a broadcaster's call letters
// ("KXYZ"), which are the station's own.
std::string DatelineSource(std::string_view agency);

}  // namespace warta::meta

#endif  // WARTA_META_SOURCES_H_
