// Memory for large tables read at random (NER weight rows, the feature
// cache): 2 MiB-aligned, with the kernel asked for transparent huge pages,
// so that a random read does not also miss the TLB as it would over
// thousands of 4 KiB pages. The advice is honoured when transparent huge
// pages are set to "madvise" or "always", and harmless otherwise. Smaller
// requests get ordinary 64-byte-aligned memory.
//
// The caller owns the memory (LargeArray frees it); it is not initialised.
#ifndef WARTA_BASE_LARGE_ALLOC_H_
#define WARTA_BASE_LARGE_ALLOC_H_

#include <cstddef>
#include <cstdlib>
#include <memory>

namespace warta {

struct FreeLarge {
  void operator()(void* p) const { std::free(p); }
};
template <typename T>
using LargeArray = std::unique_ptr<T[], FreeLarge>;

// nullptr when the memory cannot be had.
void* AllocateLarge(size_t bytes);

}  // namespace warta

#endif  // WARTA_BASE_LARGE_ALLOC_H_
