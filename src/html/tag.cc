// LookupTag/TagName: tag name <-> Tag id. LookupTag runs once per tag token,
// so it is a compile-time-built open-addressing hash table: one hash over the
// name, usually one probe and one memcmp.
#include <array>
#include <bit>
#include <cstring>
#include <string_view>

#include "warta/dom.h"

static_assert(std::endian::native == std::endian::little, "tag hashing assumes little-endian loads");

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

// Mixes up to the first and the last 8 bytes of the name with its length:
// a handful of instructions for any tag name, and at most 5 probes over the
// known names.
constexpr uint64_t Load8(const char* p, size_t n) {  // little-endian, n <= 8
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) w |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return w;
}

constexpr size_t kSlotBits = 9;

constexpr uint32_t Hash(std::string_view s, uint64_t head, uint64_t tail) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t w = head;
  if (s.size() > 8) w ^= tail * kMul;
  w += s.size();
  return static_cast<uint32_t>((w * kMul) >> (64 - kSlotBits));
}

constexpr uint32_t HashConst(std::string_view s) {
  size_t n = s.size();
  return Hash(s, Load8(s.data(), n < 8 ? n : 8), n > 8 ? Load8(s.data() + n - 8, 8) : 0);
}

constexpr size_t kSlots = size_t{1} << kSlotBits;  // > 3x the tag count: short probes
static_assert(kSlots > 3 * static_cast<size_t>(Tag::kCount));

constexpr std::array<uint16_t, kSlots> kTable = [] {
  std::array<uint16_t, kSlots> t{};  // 0 = empty (Tag::kUnknown is never stored)
  for (size_t i = 1; i < std::size(kNames); ++i) {
    size_t slot = HashConst(kNames[i]);
    while (t[slot] != 0) slot = (slot + 1) & (kSlots - 1);
    t[slot] = static_cast<uint16_t>(i);
  }
  return t;
}();

}  // namespace

Tag LookupTag(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength) return Tag::kUnknown;
  size_t n = name.size();
  uint64_t head = 0, tail = 0;
  if (n >= 8) {
    std::memcpy(&head, name.data(), 8);
    std::memcpy(&tail, name.data() + n - 8, 8);
  } else {
    std::memcpy(&head, name.data(), n);  // a variable-length copy of < 8 bytes
  }
  size_t slot = Hash(name, head, tail);
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
