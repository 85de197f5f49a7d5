#include "meta/word_set.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::meta {
namespace {

constexpr std::string_view kWords[] = {"date", "author", "reported by", "bio"};
constexpr std::string_view kLong[] = {"breadcrumb", "byline"};

TEST(WordSet, FindsWordsAnywhereWhateverTheirCase) {
  const WordSet set(kWords);
  const WordSet long_words(kLong);
  struct Case {
    const WordSet* set;
    std::string text;
    bool found;
  } cases[] = {
      {&set, "", false},
      {&set, "d", false},
      {&set, "date", true},
      {&set, "post-DATE", true},
      {&set, "xx-upDate-yy", true},
      {&set, "dat", false},
      {&set, "da te", false},
      {&set, "entry-AUTHOR", true},
      {&set, "Reported By", true},
      {&set, "reported  by", false},
      {&set, "bIo", true},
      {&set, "b-i-o", false},
      {&set, "\xC3\xA9" "date\xC3\xA9", true},
      {&set, "d\xC3\xA1te", false},
      {&long_words, "site-breadcrumbs", true},
      {&long_words, "BREADCRUMB", true},
      {&long_words, "bread-crumb", false},
      {&long_words, "xbyline", true},
      {&long_words, "bylin", false},
  };
  for (const Case& c : cases) EXPECT_EQ(c.set->FoundIn(c.text), c.found) << c.text;
}

// Every position and case of a word in padding is found by the sampled scan.
TEST(WordSet, FindsWordAtEveryOffset) {
  const WordSet set(kWords);
  for (std::string_view word : {"date", "AuThOr", "reported by"}) {
    for (size_t pad = 0; pad < 12; ++pad) {
      std::string text = std::string(pad, 'x') + std::string(word) + std::string(pad % 5, 'y');
      EXPECT_TRUE(set.FoundIn(text)) << text;
    }
  }
}

TEST(WordSet, FoldsAsciiLettersOnly) {
  // U+017F LONG S and U+212A KELVIN SIGN, which some regex engines fold to
  // 's' and 'k', and the sharp s do not stand for ASCII letters here.
  static constexpr std::string_view kSk[] = {"desk", "kiosk"};
  const WordSet skills(kSk);
  EXPECT_TRUE(skills.FoundIn("DeSK"));
  EXPECT_FALSE(skills.FoundIn("de\xC5\xBF\xE2\x84\xAA"));  // deſK
  EXPECT_FALSE(skills.FoundIn("de\xC3\x9F"));               // deß
}

}  // namespace
}  // namespace warta::meta
