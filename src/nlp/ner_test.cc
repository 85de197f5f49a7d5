#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/ascii.h"
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
  // A model of other features is refused, not misread.
  std::string older = bytes;
  older[8] = static_cast<char>(nlp::kNerFeatureVersion - 1);
  EXPECT_EQ(nlp::ParseNerModel(older).status().code(), StatusCode::kUnsupported);
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

// Viterbi finds the path a back-pointer table gives, taking the first best
// predecessor on ties: small integer scores tie often, and label counts
// from 1 to 12 fill one to three vectors of four. Told that an O follows,
// it finds the path of the tokens and one more that can only be O.
TEST(NerCoreTest, ViterbiMatchesBackPointersWithTies) {
  struct Case {
    size_t labels, tokens;
    unsigned seed;
  };
  const Case cases[] = {{1, 3, 1}, {3, 5, 2}, {4, 6, 3}, {5, 7, 4}, {8, 9, 5}, {9, 12, 6}, {12, 10, 7}};
  for (const Case& c : cases) {
    const size_t L = c.labels, n = c.tokens;
    unsigned state = c.seed;
    auto small = [&] { return static_cast<float>((state = state * 1103515245u + 12345u) >> 16 & 3); };
    std::vector<uint8_t> allowed((L + 1) * L);
    std::vector<float> transitions((L + 1) * L), emissions(n * L);
    for (size_t k = 0; k < allowed.size(); ++k) allowed[k] = k % L == 0 || small() != 0;  // O always allowed
    for (float& t : transitions) t = small();
    for (float& e : emissions) e = small();
    // The reference: back-pointers, first best predecessor wins.
    const float never = -std::numeric_limits<float>::infinity();
    auto trans = [&](size_t p, size_t l) { return allowed[p * L + l] ? transitions[p * L + l] : never; };
    std::vector<float> score(n * L);
    std::vector<size_t> back(n * L);
    for (size_t l = 0; l < L; ++l) score[l] = trans(L, l) + emissions[l];
    for (size_t i = 1; i < n; ++i) {
      for (size_t l = 0; l < L; ++l) {
        float top = never;
        for (size_t p = 0; p < L; ++p) {
          const float s = score[(i - 1) * L + p] + trans(p, l);
          if (s > top) top = s, back[i * L + l] = p;
        }
        score[i * L + l] = top + emissions[i * L + l];
      }
    }
    std::vector<uint8_t> want(n);
    want[n - 1] = static_cast<uint8_t>(std::max_element(&score[(n - 1) * L], &score[n * L]) - &score[(n - 1) * L]);
    for (size_t i = n - 1; i > 0; --i) want[i - 1] = static_cast<uint8_t>(back[i * L + want[i]]);
    std::vector<uint8_t> best;
    nlp::Viterbi(emissions.data(), n, L, transitions.data(), allowed.data(), &best);
    EXPECT_EQ(best, want) << "labels " << L;
    // Followed by O: as if one more token could only be O.
    std::vector<float> then_o = emissions;
    then_o.resize((n + 1) * L, never);
    then_o[n * L + nlp::kOutside] = 0;
    std::vector<uint8_t> with_o;
    nlp::Viterbi(then_o.data(), n + 1, L, transitions.data(), allowed.data(), &with_o);
    with_o.pop_back();
    const nlp::ViterbiTable table = nlp::MakeViterbiTable(transitions.data(), allowed.data(), L);
    std::vector<float> padded(n * table.stride, 0.0f);
    for (size_t i = 0; i < n; ++i) std::copy_n(&emissions[i * L], L, &padded[i * table.stride]);
    nlp::Viterbi(table, padded.data(), n, &best, nlp::kSentenceStart, nlp::kOutside);
    EXPECT_EQ(best, with_o) << "labels " << L << ", then O";
  }
}

// The buckets are the model format: these were computed by the first
// (string-building) feature code, which the shipped models were trained
// with. A reused extractor (its token cache warm, other case modes in
// between) must give them too.
TEST(NerFeaturesTest, BucketsMatchTheModelFormat) {
  const std::vector<std::string_view> sentences[] = {
      {"Presiden", "Joko", "Widodo", "ke", "Jawa", "Barat", "."},
      {"\xc3\x9c" "BER", "\xc3\x87" "A", "x\xff", "", "Dr.", "2026", "new york"},
  };
  const std::vector<uint32_t> want[] = {
      {
      339217, 277041, 108617, 513950, 461958, 245431, 71012, 11264, 94892, 200327, 460609, 41228,
      359748, 509485, 186610, 243700, 285610, 177618, 485353, 444104, 55435, 99935, 156656, 498565,
      389731, 320030, 344399, 491574, 181695, 149475, 319025, 339217, 277041, 295295, 297984,
      450610, 245431, 268234, 282420, 25701, 412968, 460609, 479656, 359748, 259489, 480121, 481989,
      289960, 307845, 396981, 325926, 304945, 425437, 191408, 142692, 339217, 277041, 32178, 366002,
      160251, 202254, 122724, 44490, 322721, 181943, 460609, 479656, 434610, 289481, 2355, 253812,
      105812, 162916, 252454, 252794, 86056, 8250, 304945, 125415, 291832, 261988, 445014, 277541,
      339217, 277041, 179674, 246626, 128647, 155259, 52196, 506188, 127132, 202376, 518391, 479656,
      359748, 305558, 322428, 463797, 81423, 121460, 276565, 151042, 339217, 277041, 20662, 367588,
      364136, 485314, 334044, 206799, 418328, 412968, 460609, 460508, 359748, 294469, 339622,
      223487, 33555, 307845, 303747, 36924, 287755, 432823, 128373, 142692, 339217, 277041, 329102,
      485263, 456240, 515360, 87562, 466697, 256760, 318052, 460609, 479656, 103377, 312786, 398869,
      253619, 386620, 266068, 185375, 312447, 466347, 519613, 485953, 431291, 395699, 172369,
      339217, 277041, 224398, 121437, 195511, 32605, 87562, 206319, 332277, 13128, 476070, 479656,
      509455, 509030, 240313, 79078, 313155, 202663},
      {
      339217, 277041, 110855, 513950, 289099, 245431, 247292, 167596, 428780, 368664, 154769, 41228,
      432016, 6645, 249394, 506358, 454526, 18494, 123641, 289950, 468420, 262061, 440286, 505931,
      142692, 339217, 277041, 1599, 39059, 367325, 245431, 303293, 199917, 180080, 20674, 154769,
      19255, 101060, 307625, 57822, 354976, 170423, 509167, 287755, 151042, 339217, 277041, 195052,
      419583, 326165, 43047, 493296, 431614, 12654, 295789, 375326, 19255, 240914, 188445, 271168,
      507764, 332886, 82112, 156542, 151042, 339217, 277041, 80336, 522707, 294162, 94209, 346503,
      327784, 399528, 84401, 115162, 503477, 451696, 201880, 396521, 330665, 16270, 504949, 339217,
      277041, 227623, 136737, 242656, 328837, 198281, 111094, 170811, 115906, 383039, 433954,
      352963, 6004, 357290, 103089, 447944, 278432, 522516, 252637, 322074, 346695, 339217, 277041,
      31602, 269630, 448940, 498749, 87562, 420456, 59398, 247799, 482543, 520560, 498079, 382740,
      112473, 519153, 11736, 475478, 196690, 472603, 237907, 437982, 429795, 142692, 339217, 277041,
      259158, 312336, 195511, 119715, 87562, 363895, 445852, 209427, 355121, 518260, 509455, 209029,
      515213, 359258, 256922, 323573, 244573, 448814, 17390, 341272, 454983, 519024, 365499, 496040,
      85076, 152712, 215133, 319025},
  };
  nlp::FeatureExtractor extractor;
  nlp::SentenceFeatures f;
  const std::vector<std::string_view> other = {"JOKO", "WIDODO", "KE", "jawa", "barat", "dr."};
  for (int round = 0; round < 3; ++round) {
    for (size_t s = 0; s < 2; ++s) {
      extractor.Extract(sentences[s], nullptr, 19, &f);
      EXPECT_EQ(f.buckets, want[s]) << "sentence " << s << " round " << round;
      extractor.Extract(other, nullptr, 19, &f);
    }
  }
}

// A lone token's features (no gazetteer): 17 word and shape templates, the
// first shape, the length, and min(6, code points - 1) prefixes and as many
// suffixes, counted by code point.
TEST(NerFeaturesTest, AffixesUpToSixCodePoints) {
  const std::pair<std::string_view, size_t> cases[] = {
      {"a", 19},
      {"Jawa", 19 + 2 * 3},
      {"Bandung", 19 + 2 * 6},
      {"Kalimantan", 19 + 2 * 6},
      {"\xc3\x9c" "berall", 19 + 2 * 6},  // 7 code points in 8 bytes
  };
  nlp::FeatureExtractor extractor;
  nlp::SentenceFeatures f;
  for (auto [token, want] : cases) {
    const std::vector<std::string_view> tokens = {token};
    extractor.Extract(tokens, nullptr, 19, &f);
    EXPECT_EQ(f.buckets.size(), want) << token;
  }
}

// Which tokens kSkipUncased leaves out ('s') or covers ('.'), and the
// covered tokens' features are those of full coverage.
TEST(NerFeaturesTest, SkipUncasedCoversCapitalsAndTheirNeighbours) {
  const std::pair<const char*, const char*> cases[] = {
      {"kemarin ketua DPR bertemu dengan para wartawan di gedung itu .", "s...sssssss"},
      {"dia bilang bahwa semua sudah beres dan tidak ada masalah .", "..........."},
      {"DEMO BESAR DI JAKARTA HARI INI", "......"},
      {"Ahmad bin Ali pulang ke rumah setelah rapat panjang sekali .", "....sssssss"},
      {"kata dia , yang lalu biarlah berlalu , kata Budi", "ssssssss.."},
      {"pasukan di zona al - Tanf sejak lama sekali", "sss....ss"},
  };
  nlp::FeatureExtractor extractor;
  nlp::SentenceFeatures some, all;
  for (auto [sentence, want] : cases) {
    std::vector<std::string> storage;
    const auto tokens = Split(sentence, &storage);
    extractor.Extract(tokens, nullptr, 19, &some, nlp::Coverage::kSkipUncased);
    extractor.Extract(tokens, nullptr, 19, &all, nlp::Coverage::kAll);
    std::string got(tokens.size(), 's');
    for (auto [first, end] : some.covered) got.replace(first, end - first, end - first, '.');
    EXPECT_EQ(got, want) << sentence;
    ASSERT_EQ(some.size(), tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      const auto span = [](const nlp::SentenceFeatures& f, size_t t) {
        return std::vector<uint32_t>(f.buckets.begin() + f.offsets[t], f.buckets.begin() + f.offsets[t + 1]);
      };
      if (got[i] == '.') {
        EXPECT_EQ(span(some, i), span(all, i)) << sentence << " token " << i;
      }
      if (got[i] == 's') {
        EXPECT_TRUE(span(some, i).empty());
      }
    }
  }
}

// Made-up weights for ExtractForTagging: row = bucket, and each row's
// weights a hash of it and the lane (with a seed per "model").
struct FakeWeights {
  static constexpr size_t kLanes = 12;
  uint64_t seed = 0;
  static int32_t Weight(uint64_t seed, uint32_t row, size_t lane) {
    const uint64_t h = nlp::FinishHash(seed ^ (uint64_t{row} << 8) ^ lane);
    return static_cast<int16_t>(h);  // as a model's int16
  }
  static void RowsOf(const void*, const uint32_t* bucket, size_t n, uint32_t* row) { std::copy_n(bucket, n, row); }
  static void Sum(const void* self, const uint32_t* row, size_t n, int32_t* sums) {
    const uint64_t seed = static_cast<const FakeWeights*>(self)->seed;
    for (size_t l = 0; l < kLanes; ++l) {
      sums[l] = 0;
      for (size_t k = 0; k < n; ++k) sums[l] += Weight(seed, row[k], l);
    }
  }
  nlp::TaggingWeights Tagging(uint64_t model) const {
    return {.model = model, .bits = 19, .lanes = kLanes, .labels = kLanes, .rows_of = RowsOf, .sum = Sum, .weights = this};
  }
};

// ExtractForTagging's rows and sums add up to the rows of Extract's
// buckets, token by covered token: repeated words (the cache's hits), the
// three case modes, short sentences (their edges), gazetteer matches,
// tokens too long to cache or with too long a short shape, and two models
// in turn.
TEST(NerFeaturesTest, TaggingSumsEqualTheBucketsRows) {
  nlp::Gazetteer gazetteer;
  gazetteer.Parse("LOC\tjawa barat\nPER\tjoko\nROLE\tpresiden\nORG\tbank indonesia\n");
  const char* sentences[] = {
      "Presiden Joko Widodo bertemu Joko di Jawa Barat dan Jawa Barat lagi .",
      "presiden joko widodo ke jawa barat , joko lagi joko .",
      "DEMO BESAR DI JAWA BARAT HARI INI KATA JOKO",
      "Joko",
      "Joko pulang",
      "kata dia",
      "",
      "pimpinan Bank Indonesia dan Superkalifragilistikexpialidocious-Bank Indonesia bertemu .",
      "The the THE tHe The , the The .",
      // Cached by the sums only up to 16 bytes and a short shape of 8.
      "Pertanggungjawaban Gubernur , pertanggungjawaban , Kode A1b2C3d4e5 dan A1b2C3d4e5 .",
  };
  const FakeWeights models[2] = {{.seed = 1}, {.seed = 2}};
  nlp::FeatureExtractor plain, tagging;
  nlp::SentenceFeatures all;
  nlp::TaggingFeatures split;
  constexpr size_t kLanes = FakeWeights::kLanes, kGiven = nlp::TaggingFeatures::kNeighbourRows;
  for (int round = 0; round < 3; ++round) {
    for (const char* sentence : sentences) {
      for (size_t m = 0; m < 2; ++m) {
        for (auto coverage : {nlp::Coverage::kAll, nlp::Coverage::kSkipUncased}) {
          std::vector<std::string> storage;
          const auto tokens = Split(sentence, &storage);
          const FakeWeights& w = models[m];
          plain.Extract(tokens, &gazetteer, 19, &all, coverage);
          tagging.ExtractForTagging(tokens, &gazetteer, w.Tagging(100 + m), &split, coverage);
          ASSERT_EQ(split.context.covered, all.covered) << sentence;
          for (auto [first, end] : all.covered) {
            for (size_t i = first; i < end; ++i) {
              int32_t want[kLanes], got[kLanes], part[kLanes];
              FakeWeights::Sum(&w, &all.buckets[all.offsets[i]], all.offsets[i + 1] - all.offsets[i], want);
              const auto& c = split.context;
              FakeWeights::Sum(&w, &c.buckets[c.offsets[i]], c.offsets[i + 1] - c.offsets[i], got);
              FakeWeights::Sum(&w, &split.neighbour_rows[i * kGiven], kGiven, part);
              for (size_t l = 0; l < kLanes; ++l) got[l] += part[l] + split.sums[i * kLanes + l];
              EXPECT_TRUE(std::equal(want, want + kLanes, got))
                  << sentence << " token " << i << " model " << m << " round " << round;
            }
          }
        }
      }
    }
  }
}

TEST(NerModelTest, TagIdsMatchTag) {
  auto model = LoadModel("id");
  ASSERT_NE(model, nullptr);
  std::vector<std::string> storage;
  auto tokens = Split("Menteri Keuangan Sri Mulyani bertemu pimpinan Bank Indonesia di Jakarta .", &storage);
  std::vector<uint8_t> ids = {7, 7, 7};  // overwritten
  model->TagIds(tokens, &ids);
  const auto tags = model->Tag(tokens);
  ASSERT_EQ(ids.size(), tags.size());
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(model->labels()[ids[i]], tags[i]);
  model->TagIds({}, &ids);
  EXPECT_TRUE(ids.empty());
}

// The tagger's gazetteer matches are handed back when they are those of
// the tokens ASCII-lowercased: not when another letter changes case, a token
// holds a space, or there is nothing to tag.
TEST(NerModelTest, TagIdsHandsBackTheGazetteerMatchesOfAsciiLowercase) {
  auto model = LoadModel("id");
  ASSERT_NE(model, nullptr);
  const struct {
    std::vector<std::string> tokens;
    bool given;
  } cases[] = {
      {{"Presiden", "Joko", "Widodo", "tiba", "di", "Jawa", "Barat", "dan", "JAKARTA", "."}, true},
      {{"Warga", "\u201c", "Jawa", "Barat", "\u201d", "dan", "caf\u00e9", "Amerika", "Serikat"}, true},
      {{"Kota", "\u00c7ANAKKALE", "dekat", "Jawa", "Barat"}, false},
      {{"di", "Jawa Barat", "hari", "ini"}, false},
      {{}, false},
  };
  std::vector<uint8_t> ids;
  std::vector<nlp::GazetteerHit> hits, want;
  for (const auto& c : cases) {
    const std::vector<std::string_view> tokens(c.tokens.begin(), c.tokens.end());
    ASSERT_EQ(model->TagIds(tokens, &ids, &hits), c.given) << testing::PrintToString(c.tokens);
    std::vector<uint8_t> plain;
    model->TagIds(tokens, &plain);
    EXPECT_EQ(ids, plain);
    if (!c.given) continue;
    std::vector<std::string> lower;
    for (const std::string& t : c.tokens) lower.push_back(nlp::LowerAscii(t));
    model->gazetteer().Match(lower, &want);
    ASSERT_EQ(hits.size(), want.size());
    bool any = false;
    for (size_t i = 0; i < hits.size(); ++i) {
      EXPECT_EQ(hits[i].begin_mask, want[i].begin_mask) << i;
      EXPECT_EQ(hits[i].inside_mask, want[i].inside_mask) << i;
      any = any || hits[i].begin_mask != 0;
    }
    EXPECT_TRUE(any);  // the cases name places
  }
}

// Entities reuse the tagger's gazetteer matches only when the gazetteer is
// the same: the shipped models embed the shipped list.
TEST(GazetteerTest, EqualWhenParsedFromTheSameLines) {
  nlp::Gazetteer a, b, c;
  a.Parse("LOC\tnew york\nROLE\tmayor\n");
  b.Parse("LOC\tnew york\nROLE\tmayor\n");
  c.Parse("LOC\tnew york\nROLE\tgovernor\n");
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a == c);
  std::ifstream in(std::string(WARTA_SOURCE_DIR) + "/models/ner-gazetteer.tsv", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  nlp::Gazetteer shipped;
  shipped.Parse(text.str());
  for (const char* lang : {"en", "id"}) {
    auto model = LoadModel(lang);
    ASSERT_NE(model, nullptr);
    EXPECT_TRUE(model->gazetteer() == shipped) << lang;
  }
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
