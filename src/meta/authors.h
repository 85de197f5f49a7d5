// Author names from bylines: people only, never the outlet.
//
// "By Jane Roe and John Doe" / "Oleh: Budi Santoso" / "Penulis: A, B dan C" /
// "Rahman Asmardika, Jurnalis" -> the names, with "Editor: ..." parts, roles
// ("Jurnalis", "Staff Writer"), outlets, agencies and collective names
// ("Redaksi", "Tim", "Admin", "Staff", "Reuters") dropped.
//
// Pure functions; thread-safe.
#ifndef WARTA_META_AUTHORS_H_
#define WARTA_META_AUTHORS_H_

#include <string>
#include <string_view>
#include <vector>

namespace warta::meta {

// The people named in a byline. `site_name`, when given, is never an author.
std::vector<std::string> SplitAuthorNames(std::string_view byline, std::string_view site_name = "");

// True for text shaped like one person's name (capitalised words, no digits,
// not a role, outlet or collective).
bool IsPlausiblePersonName(std::string_view name, std::string_view site_name = "");

// True when the line opens with a byline cue ("By", "Oleh", "Penulis:",
// "Reporter:") or ends with a journalist role (", Jurnalis").
bool LooksLikeByline(std::string_view line);

// Appends names not already present (case-insensitive).
void MergeNames(const std::vector<std::string>& names, std::vector<std::string>* into);

}  // namespace warta::meta

#endif  // WARTA_META_AUTHORS_H_
