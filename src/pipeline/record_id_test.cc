#include "pipeline/record_id.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>

namespace warta {
namespace {

// FNV-1a one byte at a time, as RecordId is defined.
std::string ReferenceId(const Record& r) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (const std::string* s : {r.canonical_url.empty() ? &r.url : &r.canonical_url, &r.title, &r.text}) {
    for (unsigned char c : *s) h = (h ^ c) * 0x100000001b3ull;
    h = (h ^ 0xff) * 0x100000001b3ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof(hex), "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

TEST(RecordId, IsFnv1aOverUrlTitleAndTextAtEveryLength) {
  Record r;
  r.url = "https://example.com/a";
  for (size_t n = 0; n < 40; ++n) {
    r.title = std::string(n % 11, 'T');
    r.text.clear();
    for (size_t i = 0; i < n; ++i) r.text.push_back(static_cast<char>(0x20 + (i * 37) % 200));
    EXPECT_EQ(RecordId(r), ReferenceId(r)) << n;
  }
}

TEST(RecordId, PrefersTheCanonicalUrl) {
  Record a, b;
  a.url = "https://example.com/a?utm=1";
  a.canonical_url = "https://example.com/a";
  b.url = "https://example.com/a";
  EXPECT_EQ(RecordId(a), RecordId(b));
  EXPECT_EQ(RecordId(a), ReferenceId(a));
}

}  // namespace
}  // namespace warta
