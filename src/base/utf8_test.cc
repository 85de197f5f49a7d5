#include "base/utf8.h"

#include <gtest/gtest.h>

#include "warta/arena.h"
#include "warta/status.h"

namespace warta {
namespace {

TEST(Utf8, RepairReplacesEachInvalidByte) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"abc", "abc"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},
      {"a\xFF" "b", "a\xEF\xBF\xBD" "b"},
      {"\xC3", "\xEF\xBF\xBD"},                       // truncated
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},         // overlong
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate
  };
  for (const Case& c : cases) {
    EXPECT_EQ(utf8::Repair(c.in), c.out) << c.in;
    EXPECT_EQ(utf8::IsValid(c.in), c.in == c.out) << c.in;
  }
}

TEST(Utf8, AppendAndCount) {
  std::string s;
  for (char32_t cp : {U'a', U'\u00E9', U'\u20AC', U'\U0001F600'}) utf8::Append(cp, &s);
  EXPECT_EQ(s, "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  EXPECT_EQ(utf8::CodePointCount(s), 4u);
}

TEST(Arena, CopiesOutliveTheirSource) {
  Arena arena;
  std::string_view kept;
  {
    std::string temp(10000, 'x');
    kept = arena.Copy(temp);
  }
  EXPECT_EQ(kept, std::string(10000, 'x'));
  int* ints = arena.New<int>(1000);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(ints[i], 0);
  EXPECT_GE(arena.bytes_reserved(), 10000u + 4000u);
}

TEST(Status, CarriesCodeAndMessage) {
  Status s = Status::Corrupt("gzip: truncated");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "corrupt: gzip: truncated");
  Result<int> r = 5;
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(*r, 5);
  Result<int> e = Status::NotFound("x");
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace warta
