#include "nlp/ascii.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::nlp {
namespace {

std::string Lowered(const std::string& s) {
  std::string out(s.size(), '\0');
  LowerAscii(s, out.data());
  return out;
}

TEST(AsciiTest, LowersOnlyAsciiLetters) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"A", "a"},
      {"Jakarta MENURUT Reuters", "jakarta menurut reuters"},
      {"@[`{ AZaz 09 ~\x7F", "@[`{ azaz 09 ~\x7F"},
      {"\xC3\x89TAT \xC3\x89t\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",  // UTF-8 bytes stay
       "\xC3\x89tat \xC3\x89t\xC3\xA9 \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(Lowered(in), want) << in;
}

TEST(AsciiTest, EveryByteAtEveryOffsetMatchesTheScalarRule) {
  for (int b = 0; b < 256; ++b) {
    for (size_t len = 1; len <= 33; ++len) {  // the 16- and 8-byte steps and the tail
      std::string s(len, 'x');
      s[len - 1] = static_cast<char>(b);
      char want = b >= 'A' && b <= 'Z' ? static_cast<char>(b + 32) : static_cast<char>(b);
      EXPECT_EQ(Lowered(s)[len - 1], want) << b << " " << len;
    }
  }
}

}  // namespace
}  // namespace warta::nlp
