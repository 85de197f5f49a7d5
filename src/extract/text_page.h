// The plain-text page reader: text copied from a news page -> Record.
//
// A copied page is the article's lines mixed with the page's furniture:
// title, byline ("Name, Jurnalis", "Oleh ...", "By ..."), a date line, photo
// captions with credits, share/pagination/"Baca juga"/"Berita Terkait"
// leftovers and a sign-off ("(initials)"). Each line is classified by cue
// words and its shape (length, terminal punctuation, position relative to the
// body), never by a site's exact wording. Body paragraphs are kept whole; the
// first one may carry the dateline ("JAKARTA – ..."), which is also reported
// on its own.
//
// Pure functions; the Record owns its strings. Thread-safe.
#ifndef WARTA_EXTRACT_TEXT_PAGE_H_
#define WARTA_EXTRACT_TEXT_PAGE_H_

#include <string_view>

#include "warta/record.h"

namespace warta::extract {

// Reads a UTF-8 plain-text page. `source_name` is recorded as Record::source
// and, when it names a domain ("www.example.co.id/..."), hints the site name.
Record ReadTextPage(std::string_view utf8_text, std::string_view source_name);

}  // namespace warta::extract

#endif  // WARTA_EXTRACT_TEXT_PAGE_H_
