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
                                std::string("a\0b", 3), "Mr.", "U.S."};
  for (const std::string& in : inputs) {
    Segmentation seg = Segment(in);
    for (const Sentence& s : seg.sentences) EXPECT_LE(s.token_begin, s.token_end);
  }
}

}  // namespace
}  // namespace warta::nlp
