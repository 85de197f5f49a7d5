// LookupTag/TagName: tag name <-> Tag id. LookupTag runs once per tag token,
// so it is a compile-time-built open-addressing hash table: one hash over the
// name, usually one probe and one memcmp.
#include <array>
#include <cstring>
#include <string_view>

#include "warta/dom.h"

namespace warta {
namespace {

constexpr std::string_view kNames[] = {
    "",
#define WARTA_TAG_NAME(id, name) name,
    WARTA_TAG_LIST(WARTA_TAG_NAME)
#undef WARTA_TAG_NAME
};
static_assert(std::size(kNames) == static_cast<size_t>(Tag::kCount));

constexpr size_t kMaxNameLength = [] {
  size_t m = 0;
  for (std::string_view n : kNames) m = n.size() > m ? n.size() : m;
  return m;
}();

constexpr uint32_t Hash(std::string_view s) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

constexpr size_t kSlots = 512;  // power of two, > 3x the tag count: short probes
static_assert(kSlots > 3 * static_cast<size_t>(Tag::kCount));

constexpr std::array<uint16_t, kSlots> kTable = [] {
  std::array<uint16_t, kSlots> t{};  // 0 = empty (Tag::kUnknown is never stored)
  for (size_t i = 1; i < std::size(kNames); ++i) {
    size_t slot = Hash(kNames[i]) & (kSlots - 1);
    while (t[slot] != 0) slot = (slot + 1) & (kSlots - 1);
    t[slot] = static_cast<uint16_t>(i);
  }
  return t;
}();

}  // namespace

Tag LookupTag(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength) return Tag::kUnknown;
  size_t slot = Hash(name) & (kSlots - 1);
  while (uint16_t id = kTable[slot]) {
    std::string_view candidate = kNames[id];
    if (candidate.size() == name.size() && std::memcmp(candidate.data(), name.data(), name.size()) == 0) {
      return static_cast<Tag>(id);
    }
    slot = (slot + 1) & (kSlots - 1);
  }
  return Tag::kUnknown;
}

std::string_view TagName(Tag tag) {
  size_t i = static_cast<size_t>(tag);
  return i < std::size(kNames) ? kNames[i] : std::string_view();
}

}  // namespace warta
