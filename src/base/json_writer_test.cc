#include "base/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace warta
