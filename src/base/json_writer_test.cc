#include "base/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace warta {
namespace {

TEST(JsonWriter, EscapesAndNests) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Member("title", "Kata \"dia\"\n\ttab");
  w.Member("count", int64_t{3});
  w.Member("tags", std::vector<std::string>{"a", "b\\c"});
  w.Key("nested");
  w.BeginArray();
  w.BeginObject();
  w.Member("x", "y");
  w.EndObject();
  w.Null();
  w.Bool(true);
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(out, R"({"title":"Kata \"dia\"\n\ttab","count":3,"tags":["a","b\\c"],"nested":[{"x":"y"},null,true]})");
  EXPECT_NO_THROW(nlohmann::json::parse(out));
}

TEST(JsonWriter, OutputIsValidJsonWhateverTheBytes) {
  const std::string cases[] = {std::string("\x01\x1f", 2), "\xff\xfe", "caf\xC3\xA9", "\xE2\x80\xA8", std::string("\0", 1)};
  for (const std::string& c : cases) {
    std::string out;
    JsonWriter::AppendEscaped(c, &out);
    EXPECT_NO_THROW(nlohmann::json::parse(out)) << out;
  }
}

TEST(JsonWriter, EscapesExactly) {
  struct Case {
    std::string in, out;
  } cases[] = {
      {"", R"("")"},
      {"plain ASCII text longer than sixteen bytes", R"("plain ASCII text longer than sixteen bytes")"},
      {"0123456789abcdef\"", R"("0123456789abcdef\"")"},
      {"0123456789abcde\\x", R"("0123456789abcde\\x")"},
      {std::string("0123456789abcdefghijklmnopqrstu\x1f", 32), R"("0123456789abcdefghijklmnopqrstu\u001f")"},
      {"tab\there, del \x7f stays", "\"tab\\there, del \x7f stays\""},
      {"Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve, long enough for a block", "\"Caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve, long enough for a block\""},
      {"line\xE2\x80\xA8sep\xE2\x80\xA9para", R"("line\u2028sep\u2029para")"},
      {"bad \xff byte and a cut \xC3", "\"bad \xEF\xBF\xBD byte and a cut \xEF\xBF\xBD\""},
      {"bad \xff, then\xE2\x80\xA8" "a separator and \xE2\x80\x99", "\"bad \xEF\xBF\xBD, then\\u2028a separator and \xE2\x80\x99\""},
  };
  for (const Case& c : cases) {
    std::string out = "x";
    JsonWriter::AppendEscaped(c.in, &out);
    EXPECT_EQ(out, "x" + c.out) << c.in;
  }
}

// Every special byte or sequence at every offset around the 16-byte blocks
// the scan takes: the output parses back to the (repaired) input.
TEST(JsonWriter, RoundTripsAtEveryOffset) {
  const std::string specials[] = {"\"", "\\", "\n", std::string("\0", 1), "\x1f", "\x7f", "\xC3\xA9",
                                  "\xE2\x80\xA8", "\xF0\x9F\x98\x80", "\xff", "\xE2\x80"};
  for (const std::string& special : specials) {
    for (size_t pos = 0; pos <= 48; ++pos) {
      std::string in = std::string(pos, 'a') + special + std::string(48 - pos, 'b');
      std::string out;
      JsonWriter::AppendEscaped(in, &out);
      nlohmann::json parsed;
      ASSERT_NO_THROW(parsed = nlohmann::json::parse(out)) << out;
      EXPECT_EQ(parsed.get<std::string>(), utf8::Repair(in)) << pos;
      EXPECT_EQ(out.find("\xE2\x80\xA8"), std::string::npos) << pos;
    }
  }
}

}  // namespace
}  // namespace warta
