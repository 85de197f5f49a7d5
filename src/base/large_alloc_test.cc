#include "base/large_alloc.h"

#include <cstdint>
#include <cstring>

#include <gtest/gtest.h>

namespace warta {
namespace {

TEST(LargeAllocTest, AlignsAndHoldsWhatWasAsked) {
  const struct {
    size_t bytes;
    size_t alignment;
  } cases[] = {{0, 64}, {1, 64}, {4096, 64}, {(size_t{1} << 20) - 1, 64}, {size_t{1} << 20, size_t{2} << 20},
               {(size_t{3} << 20) + 5, size_t{2} << 20}};
  for (const auto& c : cases) {
    LargeArray<char> p(static_cast<char*>(AllocateLarge(c.bytes)));
    ASSERT_NE(p, nullptr) << c.bytes;
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p.get()) % c.alignment, 0u) << c.bytes;
    std::memset(p.get(), 0xAB, c.bytes);
    if (c.bytes > 0) {
      EXPECT_EQ(p[c.bytes - 1], static_cast<char>(0xAB));
    }
  }
}

}  // namespace
}  // namespace warta
