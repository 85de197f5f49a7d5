// The perfect hash table behind LookupTag/TagName (tag.cc), in a header so
// that the tokenizer can inline the lookup it runs for every tag.
//
// Internal to src/html. Everything here is compile-time data or pure
// functions: safe from any thread.
#ifndef WARTA_HTML_TAG_TABLE_H_
#define WARTA_HTML_TAG_TABLE_H_

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "warta/dom.h"

static_assert(std::endian::native == std::endian::little, "tag hashing assumes little-endian loads");

namespace warta::html::tag_table {

inline constexpr std::string_view kNames[] = {
    "",
#define WARTA_TAG_NAME(id, name) name,
    WARTA_TAG_LIST(WARTA_TAG_NAME)
#undef WARTA_TAG_NAME
};
static_assert(std::size(kNames) == static_cast<size_t>(Tag::kCount));

inline constexpr size_t kMaxNameLength = [] {  // <= 16: Key covers the whole name
  size_t m = 0;
  for (std::string_view n : kNames) m = n.size() > m ? n.size() : m;
  return m;
}();
static_assert(kMaxNameLength <= 16);

// A name of up to 16 bytes as two little-endian words: its first 8 bytes
// (zero-padded) and, past 8 bytes, its last 8. With the length, the key
// identifies the name exactly, so a probe compares integers, not strings.
struct Key {
  uint64_t head = 0, tail = 0;
  bool operator==(const Key&) const = default;
};

constexpr uint64_t Load(const char* p, size_t n) {  // n <= 8
  uint64_t w = 0;
  for (size_t i = 0; i < n; ++i) w |= uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  return w;
}

constexpr Key KeyOf(std::string_view s) {
  size_t n = s.size();
  return {Load(s.data(), n < 8 ? n : 8), n > 8 ? Load(s.data() + n - 8, 8) : 0};
}

// KeyOf with fixed-size loads (overlapping ones for 1-7 bytes) instead of a
// byte loop or a variable-length memcpy call; the same value for any name.
inline uint64_t Load4(const char* p) {
  uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}
inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline Key LoadKey(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  if (n >= 8) return {Load8(p), n > 8 ? Load8(p + n - 8) : 0};
  auto byte = [](char c) { return uint64_t{static_cast<unsigned char>(c)}; };
  if (n >= 4) return {Load4(p) | Load4(p + n - 4) << (8 * (n - 4)), 0};
  return {byte(p[0]) | byte(p[n / 2]) << (8 * (n / 2)) | byte(p[n - 1]) << (8 * (n - 1)), 0};
}

inline constexpr size_t kSlotBits = 10;
inline constexpr size_t kSlots = size_t{1} << kSlotBits;
static_assert(static_cast<size_t>(Tag::kCount) <= 256, "table entries are bytes");

// kSpread was searched for (by trying random odd multipliers) so that no two
// known names share a slot; kTable's construction fails to compile if a
// change to the tag list breaks that: then search again.
constexpr size_t Slot(Key k, size_t length) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  constexpr uint64_t kSpread = 0x3fbdbcb4eb981b93ull;
  uint64_t w = (k.head ^ k.tail * kMul) + length;
  return static_cast<size_t>((w * kSpread) >> (64 - kSlotBits));
}

inline constexpr std::array<Key, std::size(kNames)> kKeys = [] {
  std::array<Key, std::size(kNames)> keys{};
  for (size_t i = 0; i < std::size(kNames); ++i) keys[i] = KeyOf(kNames[i]);
  return keys;
}();

inline void SlotCollision() {}  // not constexpr: calling it stops compilation

inline constexpr std::array<uint8_t, kSlots> kTable = [] {
  std::array<uint8_t, kSlots> t{};  // 0 = empty (Tag::kUnknown is never stored)
  for (size_t i = 1; i < std::size(kNames); ++i) {
    size_t slot = Slot(kKeys[i], kNames[i].size());
    if (t[slot] != 0) SlotCollision();
    t[slot] = static_cast<uint8_t>(i);
  }
  return t;
}();

// The name of a tag id from Lookup (TagName without its range check, for
// the tree builder, which names every element it creates).
inline std::string_view Name(Tag tag) { return kNames[static_cast<size_t>(tag)]; }

// The id of an ASCII-lowercase name; Tag::kUnknown for any other name.
inline Tag Lookup(Key key, size_t n) {
  size_t id = kTable[Slot(key, n)];  // 0 (kUnknown) for an empty slot
  return kNames[id].size() == n && kKeys[id] == key ? static_cast<Tag>(id) : Tag::kUnknown;
}

inline Tag Lookup(std::string_view name) {
  size_t n = name.size();
  if (n == 0 || n > kMaxNameLength) return Tag::kUnknown;
  return Lookup(LoadKey(name), n);
}

// Lookup for a name of which 8 bytes from its start may be read even when it
// is shorter (a name inside a larger buffer): the key takes one load and a mask.
inline Tag LookupReadable(const char* p, size_t n) {
  if (n == 0 || n > kMaxNameLength) return Tag::kUnknown;
  uint64_t head = Load8(p);
  if (n < 8) head &= (uint64_t{1} << (8 * n)) - 1;
  return Lookup(Key{head, n > 8 ? Load8(p + n - 8) : 0}, n);
}

}  // namespace warta::html::tag_table

#endif  // WARTA_HTML_TAG_TABLE_H_
