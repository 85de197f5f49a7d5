#include "nlp/word_shapes.h"

#include <gtest/gtest.h>

#include <string_view>

namespace warta::nlp {
namespace {

// Listed words always pass; a word's key, computed once, answers as the word.
TEST(WordShapesTest, KeysAnswerAsTheirWords) {
  const std::string_view listed[] = {"a", "an", "said", "menurut", "presiden", "x", "\xC3\xA9t\xC3\xA9"};
  const std::string_view others[] = {"b", "the", "mengatakan", "jakarta", "zz", "\xD0\x9C"};
  WordShapes shapes;
  for (std::string_view w : listed) shapes.Add(w);
  for (std::string_view w : listed) {
    EXPECT_TRUE(shapes.May(w)) << w;
    EXPECT_TRUE(shapes.MayKey(WordShapes::Key(w))) << w;
  }
  for (std::string_view w : others) EXPECT_EQ(shapes.MayKey(WordShapes::Key(w)), shapes.May(w)) << w;
  EXPECT_FALSE(shapes.May(""));
}

}  // namespace
}  // namespace warta::nlp
