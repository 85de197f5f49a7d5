// Arena: a bump allocator that owns every node, attribute and decoded string
// of one document, and frees them all at once.
//
// Nothing allocated from an arena is freed on its own; destructors of objects
// placed in it are never run, so only trivially destructible types go there.
// Memory grows in blocks (doubling up to 1 MiB, larger requests get their own
// block), so a document's footprint is its content plus a bounded slack.
//
// Thread safety: none. One arena belongs to one document on one thread.
#ifndef WARTA_ARENA_H_
#define WARTA_ARENA_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <type_traits>
#include <vector>

namespace warta {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  // Uninitialised bytes aligned to `align` (a power of two).
  void* Allocate(size_t bytes, size_t align = alignof(std::max_align_t)) {
    uintptr_t p = (reinterpret_cast<uintptr_t>(cursor_) + align - 1) & ~(uintptr_t(align) - 1);
    if (p + bytes > reinterpret_cast<uintptr_t>(limit_) || cursor_ == nullptr) {
      return AllocateSlow(bytes, align);
    }
    cursor_ = reinterpret_cast<char*>(p + bytes);
    return reinterpret_cast<void*>(p);
  }

  // A value-initialised T (or array of n of them).
  template <typename T>
  T* New(size_t n = 1) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    void* p = Allocate(sizeof(T) * n, alignof(T));
    T* out = static_cast<T*>(p);
    for (size_t i = 0; i < n; ++i) new (out + i) T();
    return out;
  }

  // A copy of `s` that lives as long as the arena.
  std::string_view Copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(Allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // Bytes handed out plus block slack: what the arena holds from the system.
  size_t bytes_reserved() const { return reserved_; }

 private:
  void* AllocateSlow(size_t bytes, size_t align);

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
  size_t next_block_ = 4096;
  size_t reserved_ = 0;
};

}  // namespace warta

#endif  // WARTA_ARENA_H_
