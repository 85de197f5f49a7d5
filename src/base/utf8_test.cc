#include "base/utf8.h"

#include <gtest/gtest.h>

#include <algorithm>

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

// IsValid (a vectorised validator) and Repair (Decode, byte-wise) must agree
// on what is well-formed, or text judged valid could still hold bytes that
// Repair would replace. Random well-formed sequences with the odd stray
// byte, long enough to cross the validator's blocks; about half the strings
// come out valid.
TEST(Utf8, IsValidAgreesWithDecode) {
  uint32_t state = 12345;
  auto next = [&] { return (state = state * 1664525u + 1013904223u) >> 8; };
  const char* kPieces[] = {"a", " ", "\xC3\xA9", "\xE2\x82\xAC", "\xED\x9F\xBF", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF"};
  const unsigned char kStray[] = {0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF};
  int valid = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (size_t n = next() % 60; n > 0; --n) {
      if (next() % 40 == 0) {
        s += static_cast<char>(kStray[next() % sizeof kStray]);
      } else {
        s += kPieces[next() % std::size(kPieces)];
      }
    }
    bool is_valid = utf8::Repair(s) == s;
    valid += is_valid;
    EXPECT_EQ(utf8::IsValid(s), is_valid) << round;
  }
  EXPECT_GT(valid, 5000);
  EXPECT_LT(valid, 15000);
}

TEST(Utf8, AppendAndCount) {
  std::string s;
  for (char32_t cp : {U'a', U'\u00E9', U'\u20AC', U'\U0001F600'}) utf8::Append(cp, &s);
  EXPECT_EQ(s, "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  EXPECT_EQ(utf8::CodePointCount(s), 4u);
}

// Every length across the sixteen- and eight-byte steps, and every offset
// of a multi-byte character within them, against a byte-at-a-time count.
TEST(Utf8, CodePointCountAcrossItsSteps) {
  const std::string pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
  for (size_t seed = 0; seed < 4; ++seed) {
    std::string s;
    for (size_t k = 0; s.size() < 70; ++k) {
      s += pieces[(seed + k * k) % 4];
      const size_t want = std::count_if(s.begin(), s.end(), [](char c) { return utf8::IsLeadByte(static_cast<unsigned char>(c)); });
      EXPECT_EQ(utf8::CodePointCount(s), want) << s.size();
    }
  }
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
