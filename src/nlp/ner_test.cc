#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/gazetteer.h"
#include "nlp/ner_features.h"
#include "nlp/ner_model.h"
#include "warta/ner.h"

namespace warta {
namespace {

std::vector<std::string_view> Split(const std::string& s, std::vector<std::string>* storage) {
  std::istringstream in(s);
  std::string w;
  storage->clear();
  while (in >> w) storage->push_back(w);
  return {storage->begin(), storage->end()};
}

// Every I-X follows B-X or I-X.
bool ValidIob2(const std::vector<std::string_view>& tags) {
  std::string_view prev = "O";
  for (std::string_view t : tags) {
    if (t != "O" && (t.size() < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-')) return false;
    if (t[0] == 'I' && (prev == "O" || prev.substr(2) != t.substr(2))) return false;
    prev = t;
  }
  return true;
}

std::unique_ptr<NerModel> LoadModel(const std::string& lang) {
  auto m = NerModel::Load(std::string(WARTA_SOURCE_DIR) + "/models/ner-" + lang + ".bin");
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  return m.ok() ? std::move(m).value() : nullptr;
}

struct Case {
  const char* lang;
  const char* sentence;
  size_t index;      // a token
  const char* want;  // its expected tag
};

TEST(NerModelTest, TagsObviousNames) {
  const Case cases[] = {
      {"en", "Barack Obama met Angela Merkel in Berlin on Tuesday .", 1, "I-PER"},
      {"en", "Barack Obama met Angela Merkel in Berlin on Tuesday .", 6, "B-LOC"},
      {"en", "The United Nations said aid would reach Kenya next week .", 1, "B-ORG"},
      {"en", "The United Nations said aid would reach Kenya next week .", 7, "B-LOC"},
      {"id", "Presiden Joko Widodo mengunjungi Surabaya pada hari Senin .", 1, "B-PER"},
      {"id", "Presiden Joko Widodo mengunjungi Surabaya pada hari Senin .", 4, "B-LOC"},
      {"id", "gubernur jawa barat meresmikan jalan tol baru .", 1, "B-LOC"},
  };
  for (const Case& c : cases) {
    auto model = LoadModel(c.lang);
    ASSERT_NE(model, nullptr);
    EXPECT_EQ(model->language(), c.lang);
    std::vector<std::string> storage;
    auto tokens = Split(c.sentence, &storage);
    auto tags = model->Tag(tokens);
    ASSERT_EQ(tags.size(), tokens.size());
    EXPECT_TRUE(ValidIob2(tags)) << c.sentence;
    EXPECT_EQ(tags[c.index], std::string_view(c.want)) << c.sentence << " token " << tokens[c.index];
  }
}

TEST(NerModelTest, OddInputGivesOneValidTagPerToken) {
  auto model = LoadModel("en");
  ASSERT_NE(model, nullptr);
  EXPECT_TRUE(model->Tag({}).empty());
  const std::string huge(100000, 'A');
  const std::vector<std::string_view> odd = {"", "\xff\xfe", "\xe2\x82", huge, "\t", "Ünïcödé", "Z"};
  auto tags = model->Tag(odd);
  EXPECT_EQ(tags.size(), odd.size());
  EXPECT_TRUE(ValidIob2(tags));
  std::vector<std::string_view> long_sentence(5000, "Smith");  // tagged in pieces
  tags = model->Tag(long_sentence);
  EXPECT_EQ(tags.size(), long_sentence.size());
  EXPECT_TRUE(ValidIob2(tags));
}

TEST(NerModelTest, ConcurrentTaggingMatchesSerial) {
  auto model = LoadModel("id");
  ASSERT_NE(model, nullptr);
  std::vector<std::string> storage;
  auto tokens = Split("Menteri Keuangan Sri Mulyani bertemu pimpinan Bank Indonesia di Jakarta .", &storage);
  const auto want = model->Tag(tokens);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 200; ++k) mismatches[t] += model->Tag(tokens) != want;
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(NerModelTest, DefaultPathHonoursEnvironment) {
  setenv("WARTA_MODELS", WARTA_SOURCE_DIR "/models", 1);
  EXPECT_EQ(NerModel::DefaultPath("en"), WARTA_SOURCE_DIR "/models/ner-en.bin");
  unsetenv("WARTA_MODELS");
  EXPECT_NE(NerModel::DefaultPath("id").find("ner-id.bin"), std::string::npos);
}

TEST(NerModelTest, RejectsDamagedFiles) {
  auto missing = NerModel::Load("/nonexistent/ner-xx.bin");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  std::ifstream in(std::string(WARTA_SOURCE_DIR) + "/models/ner-id.bin", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 1000u);
  for (size_t cut : {size_t{0}, size_t{5}, size_t{40}, bytes.size() / 2, bytes.size() - 1}) {
    auto r = nlp::ParseNerModel(std::string_view(bytes).substr(0, cut));
    EXPECT_FALSE(r.ok()) << "cut at " << cut;
  }
  std::string bad = bytes;
  bad[12] = 30;  // bits beyond the maximum
  EXPECT_EQ(nlp::ParseNerModel(bad).status().code(), StatusCode::kCorrupt);
  EXPECT_TRUE(nlp::ParseNerModel(bytes).ok());
}

TEST(GazetteerTest, MatchesLongestPhrasePerType) {
  nlp::Gazetteer g;
  EXPECT_EQ(g.Parse("LOC\tnew york\nLOC\tyork\nROLE\tmayor\nBAD\tx\nno tab\nMISC\tgerman\r\n"), 4u);
  std::vector<std::string> toks = {"the", "mayor", "of", "new", "york", "met", "german", "envoys"};
  std::vector<nlp::GazetteerHit> hits;
  g.Match(toks, &hits);
  ASSERT_EQ(hits.size(), toks.size());
  const uint8_t loc = 1, misc = 2, role = 4;
  EXPECT_EQ(hits[1].begin_mask, role);
  EXPECT_EQ(hits[3].begin_mask, loc);
  EXPECT_EQ(hits[4].inside_mask, loc);
  EXPECT_EQ(hits[4].begin_mask, loc);  // "york" alone also starts a match
  EXPECT_EQ(hits[6].begin_mask, misc);
  EXPECT_EQ(hits[0].begin_mask | hits[0].inside_mask, 0);

  // A corpus token may hold spaces (nerp): it matches the phrase's tokens.
  g.Match({"di", "new york", "city"}, &hits);
  EXPECT_EQ(hits[1].begin_mask, loc);
  EXPECT_EQ(hits[2].begin_mask | hits[2].inside_mask, 0);
}

TEST(NerCoreTest, ViterbiNeverStartsWithInside) {
  const std::vector<std::string> labels = {"O", "B-PER", "I-PER"};
  auto allowed = nlp::AllowedTransitions(labels);
  EXPECT_EQ(allowed[3 * 3 + 2], 0);  // start -> I-PER
  EXPECT_EQ(allowed[0 * 3 + 2], 0);  // O -> I-PER
  EXPECT_EQ(allowed[1 * 3 + 2], 1);  // B-PER -> I-PER
  std::vector<float> transitions(12, 0.0f);
  // I-PER scores best everywhere, yet must be preceded by B-PER.
  std::vector<float> emissions = {0, 1, 5, 0, 1, 5};
  std::vector<uint8_t> best;
  nlp::Viterbi(emissions.data(), 2, 3, transitions.data(), allowed.data(), &best);
  EXPECT_EQ(best, (std::vector<uint8_t>{1, 2}));
}

TEST(NerFeaturesTest, LowercasesUnicode) {
  const std::pair<const char*, const char*> cases[] = {
      {"JAKARTA", "jakarta"}, {"Ünïcödé", "ünïcödé"}, {"ÇA", "ça"}, {"123-Ab", "123-ab"}, {"", ""}};
  for (auto [in, want] : cases) {
    std::string out;
    nlp::LowerUtf8(in, &out);
    EXPECT_EQ(out, want);
  }
}

}  // namespace
}  // namespace warta
