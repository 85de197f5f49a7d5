#include "nlp/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace warta::nlp {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Segmentation seg = Segment(text);
  std::vector<std::string> out;
  for (const Sentence& s : seg.sentences) {
    const Token& a = seg.tokens[s.token_begin];
    const Token& b = seg.tokens[s.token_end - 1];
    out.push_back(text.substr(a.byte_begin, b.byte_end - a.byte_begin));
  }
  return out;
}

struct SplitCase {
  const char* text;
  std::vector<std::string> sentences;
};

TEST(SentencesTest, SplitsAndKeepsAbbreviations) {
  const SplitCase cases[] = {
      {"The mayor spoke. Then she left.", {"The mayor spoke.", "Then she left."}},
      {"Dr. Amanda Reyes met Mr. Tan on Nov. 4 in the U.S. Senate.",
       {"Dr. Amanda Reyes met Mr. Tan on Nov. 4 in the U.S. Senate."}},
      {"Prof. Budi tinggal di Jl. Melati No. 7 bersama istrinya. Ia pensiun.",
       {"Prof. Budi tinggal di Jl. Melati No. 7 bersama istrinya.", "Ia pensiun."}},
      {"Karya J. K. Marlow dibahas oleh Rina dkk. pada rapat itu.",
       {"Karya J. K. Marlow dibahas oleh Rina dkk. pada rapat itu."}},
      {"H. Salim datang pukul 9 a.m. dan pulang sore.", {"H. Salim datang pukul 9 a.m. dan pulang sore."}},
      {"“We will win.” The crowd cheered.", {"“We will win.”", "The crowd cheered."}},
      {"He left (for good.) Nobody knew.", {"He left (for good.)", "Nobody knew."}},
      {"Gov. Marsh and Sen. Oduya voted no. The bill failed.",
       {"Gov. Marsh and Sen. Oduya voted no.", "The bill failed."}},
      {"First line\nSecond line", {"First line", "Second line"}},
      // The initialism's period joins it and the sentence still ends there.
      {"She moved to Washington, D.C. The city suits her. She stays.",
       {"She moved to Washington, D.C.", "The city suits her.", "She stays."}},
      {"It rained in the U.K.", {"It rained in the U.K."}},
  };
  for (const SplitCase& c : cases) EXPECT_EQ(Sentences(c.text), c.sentences) << c.text;
}

// What ICU's root word break iterator gave on these, written down when our
// own UAX #29 scanner replaced it (token text + kind: W word, N number,
// P punctuation).
struct TokenCase {
  const char* text;
  std::vector<std::string> tokens;
};

std::vector<std::string> Tokens(const std::string& text) {
  Segmentation seg = Segment(text);
  std::vector<std::string> out;
  for (const Token& t : seg.tokens) {
    const char* kind = t.kind == TokenKind::kWord ? "W" : t.kind == TokenKind::kNumber ? "N" : "P";
    out.push_back(std::string(seg.TokenText(text, t)) + "/" + kind);
  }
  return out;
}

TEST(SentencesTest, TokensFollowIcuWordBreaks) {
  const TokenCase cases[] = {
      {"3.5 or 1,000 or 1.000.000 and Rp 5.000,00", {"3.5/N", "or/W", "1,000/N", "or/W", "1.000.000/N", "and/W",
                                                      "Rp/W", "5.000,00/N"}},
      // A departure from ICU: an initialism takes the period after it.
      {"the U.S. e.g. a.m.", {"the/W", "U.S./W", "e.g./W", "a.m./W"}},
      {"U.S.A. and U.S, x.y. and A.B.C", {"U.S.A./W", "and/W", "U.S/W", ",/P", "x.y./W", "and/W", "A.B.C/W"}},
      {"in the U.S. The end.", {"in/W", "the/W", "U.S./W", "The/W", "end/W", "./P"}},
      {"Rabu (3/12/2025) lalu", {"Rabu/W", "(/P", "3/N", "//P", "12/N", "//P", "2025/N", ")/P", "lalu/W"}},
      {"well-known COVID-19", {"well/W", "-/P", "known/W", "COVID/W", "-/P", "19/N"}},
      // A departure from ICU: the possessive "'s" is a token of its own.
      {"don't don\u2019t Jakarta's 3'000", {"don't/W", "don\u2019t/W", "Jakarta/W", "'s/W", "3'000/N"}},
      {"3rd a3 A3.5 3.5a 3_ _a _", {"3rd/W", "a3/N", "A3.5/N", "3.5a/W", "3_/N", "_a/W", "_/P"}},
      {"x:y 10:30 50% $5", {"x/W", ":/P", "y/W", "10/N", ":/P", "30/N", "50/N", "%/P", "$/P", "5/N"}},
      {"https://example.com/a?x=1 me@example.co.id",
       {"https/W", ":/P", "//P", "//P", "example.com/W", "//P", "a/W", "?/P", "x/W", "=/P", "1/N",
        "me@example.co.id/W"}},
      {"Wait... no\u2026 end.Start", {"Wait/W", "./P", "./P", "./P", "no/W", "\u2026/P", "end.Start/W"}},
      {"\u201CYa,\u201D na\u00EFve caf\u00E9 soft\u00ADhyphen",
       {"\u201C/P", "Ya/W", ",/P", "\u201D/P", "na\u00EFve/W", "caf\u00E9/W", "soft\u00ADhyphen/W"}},
      {"\u041C\u043E\u0441\u043A\u0432\u04302 \u040E\u0437\u0431\u0435\u043A\u0301\u0438\u0441\u0442\u043E\u043D "
       "caf\u00E9\u0301 x\u00D7y caf\u00E9\u2019s",
       {"\u041C\u043E\u0441\u043A\u0432\u04302/N",
        "\u040E\u0437\u0431\u0435\u043A\u0301\u0438\u0441\u0442\u043E\u043D/W", "caf\u00E9\u0301/W", "x/W",
        "\u00D7/P", "y/W", "caf\u00E9/W", "\u2019s/W"}},
      {"ok \U0001F44D\U0001F3FD \U0001F1EE\U0001F1E9 a\u00A0b",
       {"ok/W", "\U0001F44D\U0001F3FD/P", "\U0001F1EE\U0001F1E9/P", "a/W", "b/W"}},
  };
  for (const TokenCase& c : cases) EXPECT_EQ(Tokens(c.text), c.tokens) << c.text;
}

// An ASCII word ends where a longer character that no run takes in follows
// (a closing quote, a no-break space, a line separator, Han, kana, a flag),
// and goes on over one that joins or attaches (a letter, a combining mark,
// an apostrophe between letters, a connector).
TEST(SentencesTest, AsciiWordsBeforeLongerCharacters) {
  const TokenCase cases[] = {
      {"abc”def", {"abc/W", "”/P", "def/W"}},
      {"abc def 12 ", {"abc/W", "def/W", "12/N"}},
      {"abc def", {"abc/W", "def/W"}},
      {"abc中 12あい", {"abc/W", "中/W", "12/N", "あい/W"}},
      {"ab🇮🇩", {"ab/W", "🇮🇩/P"}},
      {"abcé abćd 12́", {"abcé/W", "abćd/W", "12́/N"}},
      {"abc’s abc‿def", {"abc/W", "’s/W", "abc‿def/W"}},
  };
  for (const TokenCase& c : cases) EXPECT_EQ(Tokens(c.text), c.tokens) << c.text;
}

// Text denser in tokens than the tokenizer's first guess (a token every
// four bytes) grows its buffer; a space after a word is read with the word
// unless a character that may attach to it follows.
TEST(SentencesTest, DenseTextAndSpacesAfterWords) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "a,";
  Segmentation seg = Segment(text);
  ASSERT_EQ(seg.tokens.size(), 2000u);
  EXPECT_EQ(seg.tokens[1999].begin, 1999u);
  EXPECT_EQ(seg.tokens[1999].byte_end, 2000u);
  EXPECT_EQ(Tokens("end "), (std::vector<std::string>{"end/W"}));
  EXPECT_EQ(Tokens("a \u0301b c"), (std::vector<std::string>{"a/W", "b/W", "c/W"}));
  seg = Segment("a \u0301b c");
  ASSERT_EQ(seg.tokens.size(), 3u);
  EXPECT_EQ(seg.tokens[1].begin, 3u);  // the combining mark rides with the space
  EXPECT_EQ(seg.tokens[2].begin, 5u);
}

TEST(SentencesTest, SentenceBreaksFollowIcu) {
  const SplitCase cases[] = {
      {"Born in 1990. 2020 was hard.", {"Born in 1990. 2020 was hard."}},  // the next letter is lowercase
      {"Items 1. 2. 3.", {"Items 1.", "2.", "3."}},
      {"Wait... what? Really!", {"Wait... what?", "Really!"}},
      {"It ends.\"Then", {"It ends.\"", "Then"}},
      {"He paused., Then", {"He paused., Then"}},
      {"Hi!  \"no\" she said.", {"Hi!", "\"no\" she said."}},
      {"\u201CWhy?\u201D she asked.", {"\u201CWhy?\u201D she asked."}},
      {"See example.com/a?x=1 now.", {"See example.com/a?", "x=1 now."}},
      {"Score 3.Next one", {"Score 3.", "Next one"}},
      {"It was 3. \u2014 and then", {"It was 3. \u2014 and then"}},
      {"Done.\r\nNext", {"Done.", "Next"}},
  };
  for (const SplitCase& c : cases) EXPECT_EQ(Sentences(c.text), c.sentences) << c.text;
}

TEST(SentencesTest, OffsetsAreCodePoints) {
  std::string text = "Ça va? “Ya,” ujarnya.";
  Segmentation seg = Segment(text);
  ASSERT_EQ(seg.sentences.size(), 2u);
  EXPECT_EQ(seg.sentences[0].begin, 0u);
  EXPECT_EQ(seg.sentences[0].end, 6u);   // "Ça va?" is 6 code points, 7 bytes
  EXPECT_EQ(seg.sentences[1].begin, 7u);
  EXPECT_EQ(seg.sentences[1].end, 21u);
  const Token& open = seg.tokens[seg.sentences[1].token_begin];
  EXPECT_EQ(seg.TokenText(text, open), "“");
  EXPECT_EQ(open.end - open.begin, 1u);
}

TEST(SentencesTest, ParagraphsCountLineBreaks) {
  Segmentation seg = Segment("One. Two.\n\nThree.\nFour.");
  ASSERT_EQ(seg.sentences.size(), 4u);
  EXPECT_EQ(seg.sentences[0].paragraph, 0u);
  EXPECT_EQ(seg.sentences[1].paragraph, 0u);
  EXPECT_EQ(seg.sentences[2].paragraph, 1u);
  EXPECT_EQ(seg.sentences[3].paragraph, 2u);
}

TEST(SentencesTest, OddInputDoesNotCrash) {
  const std::string inputs[] = {"", " ", "\n\n\n", ".", "...", "“", std::string(5000, '.'),
                                std::string("a\0b", 3), "Mr.", "U.S.", "\xE2\x80", "a\xFF.b \xC3. X",
                                "\xCC\x81start", "\xF0\x9F\x87\xAE", "x.\xE2\x80\xA8Y", std::string(3000, '_')};
  for (const std::string& in : inputs) {
    Segmentation seg = Segment(in);
    uint32_t next = 0;
    for (const Sentence& s : seg.sentences) {
      EXPECT_EQ(s.token_begin, next);
      EXPECT_LT(s.token_begin, s.token_end);
      next = s.token_end;
    }
    EXPECT_EQ(next, seg.tokens.size());
    for (const Token& t : seg.tokens) {
      EXPECT_LT(t.byte_begin, t.byte_end);
      EXPECT_LE(t.byte_end, in.size());
    }
  }
}

}  // namespace
}  // namespace warta::nlp
