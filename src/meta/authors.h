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

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace warta::meta {

// The people named in a byline. `site_name`, when given, is never an author.
// A name of one word ("Budi") counts only with `one_word_ok`, which callers
// set where the markup says the text names the author (JSON-LD, a meta
// author, itemprop or rel=author), and only when it stands alone.
std::vector<std::string> SplitAuthorNames(std::string_view byline, std::string_view site_name = "",
                                          bool one_word_ok = false);

// True for text shaped like one person's name: capitalised words, two to
// five (one with `one_word_ok`, and then no initials, acronym or handle), no
// digits, domain or weekday, not a role, outlet or collective.
bool IsPlausiblePersonName(std::string_view name, std::string_view site_name = "", bool one_word_ok = false);

// True when `name` is the outlet's name however written: case, spacing,
// punctuation, a leading "The" and a domain ending aside ("Example Times",
// "the example times", "exampletimes.com"), one part of a site name split at
// "|" or "-" ("Example | News from the valley", "Sport - Example"), one word
// that opens it ("Example" for "Example Sport"), or the outlet's name with
// words after it ("Example Deutschland").
bool NamesOutlet(std::string_view name, std::string_view outlet);

// Drops the names that name one of `outlets` (site name, publisher), and
// one-word names that are the host's name ("Example" on example.com): a
// person's own site may bear their full name.
void DropOutletNames(std::initializer_list<std::string_view> outlets, std::string_view host,
                     std::vector<std::string>* names);

// True when the line opens with a byline cue ("By", "Oleh", "Penulis:",
// "Reporter:") or ends with a journalist role (", Jurnalis").
bool LooksLikeByline(std::string_view line);

// True when the text opens with a byline cue ("By", "Oleh", "Penulis:").
bool OpensWithBylineCue(std::string_view text);

// Appends names not already present (case-insensitive).
void MergeNames(const std::vector<std::string>& names, std::vector<std::string>* into);

}  // namespace warta::meta

#endif  // WARTA_META_AUTHORS_H_
