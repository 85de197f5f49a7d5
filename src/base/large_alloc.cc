#include "base/large_alloc.h"

#include <sys/mman.h>

namespace warta {

void* AllocateLarge(size_t bytes) {
  constexpr size_t kHugePage = size_t{2} << 20;
  // Below half a huge page the rounding would waste more than it saves.
  const size_t align = bytes >= kHugePage / 2 ? kHugePage : 64;
  const size_t rounded = (bytes + align - 1) & ~(align - 1);
  void* p = std::aligned_alloc(align, rounded == 0 ? align : rounded);
  if (p != nullptr && align == kHugePage) madvise(p, rounded, MADV_HUGEPAGE);
  return p;
}

}  // namespace warta
