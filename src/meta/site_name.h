// Site name: the outlet's name as the page presents it. og:site_name
// cleaned of taglines and URLs, unless it is a bare host label or a section
// while the title's outlet part spells the host; else that title part, the
// JSON-LD publisher, application-name, and the host as written as the last
// resort ("warta.co.id", never a bare "warta").
//
// Pure functions over what the metadata walk collected; thread-safe.
#ifndef WARTA_META_SITE_NAME_H_
#define WARTA_META_SITE_NAME_H_

#include <string>
#include <string_view>

#include "meta/collected.h"
#include "meta/jsonld.h"

namespace warta::meta {

// `page_url` is the page's own URL (a web.archive.org copy counts as the
// archived site's page).
std::string SiteName(const Collected& c, const JsonLdInfo& ld, std::string_view page_url);

}  // namespace warta::meta

#endif  // WARTA_META_SITE_NAME_H_
