// LookupTag/TagName: tag name <-> Tag id, over the compile-time perfect hash
// table of html/tag_table.h: no loop over the name, exactly one probe.
#include "html/tag_table.h"

namespace warta {

Tag LookupTag(std::string_view name) { return html::tag_table::Lookup(name); }

std::string_view TagName(Tag tag) {
  size_t i = static_cast<size_t>(tag);
  const auto& names = html::tag_table::kNames;
  return i < std::size(names) ? names[i] : std::string_view();
}

}  // namespace warta
