#include "warta/arena.h"

#include <algorithm>

namespace warta {

void* Arena::AllocateSlow(size_t bytes, size_t align) {
  constexpr size_t kMaxBlock = 1 << 20;
  size_t need = bytes + align;
  if (need > next_block_ / 2) {
    // A large request gets a block of its own so the current block's tail
    // stays usable for the small allocations that follow.
    blocks_.emplace_back(new char[need]);
    reserved_ += need;
    uintptr_t p = (reinterpret_cast<uintptr_t>(blocks_.back().get()) + align - 1) & ~(uintptr_t(align) - 1);
    return reinterpret_cast<void*>(p);
  }
  blocks_.emplace_back(new char[next_block_]);
  reserved_ += next_block_;
  cursor_ = blocks_.back().get();
  limit_ = cursor_ + next_block_;
  next_block_ = std::min(next_block_ * 2, kMaxBlock);
  uintptr_t p = (reinterpret_cast<uintptr_t>(cursor_) + align - 1) & ~(uintptr_t(align) - 1);
  cursor_ = reinterpret_cast<char*>(p + bytes);
  return reinterpret_cast<void*>(p);
}

}  // namespace warta
