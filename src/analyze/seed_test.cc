// The seed page's reading (../shared/seed/expected.json): entities with
// roles, quotes with speakers, the meeting event and the date note. The body
// comes from expected.json's own paragraphs (a perfect extraction), so this
// measures the analysis alone. Skips when ../shared is absent.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "base/utf8.h"
#include "warta/analyze.h"

namespace warta {
namespace {

using nlohmann::json;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The text between two code-point offsets.
std::string Cut(const std::string& text, uint32_t begin, uint32_t end) {
  size_t pos = 0, b = text.size(), e = text.size();
  for (uint32_t cp = 0; pos <= text.size(); ++cp) {
    if (cp == begin) b = pos;
    if (cp == end) {
      e = pos;
      break;
    }
    if (pos == text.size()) break;
    utf8::Decode(text, &pos);
  }
  return b <= e ? text.substr(b, e - b) : "";
}

bool NameIs(const analysis::Entity& e, const json& expected) {
  std::vector<std::string> names = {expected["name"].get<std::string>()};
  if (expected.contains("accept")) {
    for (const json& a : expected["accept"]) names.push_back(a.get<std::string>());
  }
  for (const std::string& n : names) {
    if (Lower(e.name) == Lower(n)) return true;
    for (const std::string& a : e.aliases) {
      if (Lower(a) == Lower(n)) return true;
    }
  }
  return false;
}

class SeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::string(WARTA_SHARED_DIR) + "/seed/expected.json");
    if (!in) GTEST_SKIP() << "../shared/seed/expected.json not found; the seed test needs the shared folder";
    expected_ = json::parse(in);
    for (const json& p : expected_["record"]["body_paragraphs"]) {
      if (!text_.empty()) text_ += "\n\n";
      text_ += p.get<std::string>();
    }
    caption_ = expected_["record"]["images"][0]["caption"].get<std::string>();
    published_ = expected_["record"]["published"]["local"].get<std::string>();
    AnalyzeContext context;
    context.published_iso = published_;
    context.captions.push_back(caption_);
    analysis_ = Analyze(text_, "id", context, AnalyzeResources::Shared());
  }

  const analysis::Entity* FindEntity(const json& expected) const {
    for (const analysis::Entity& e : analysis_.entities) {
      if (NameIs(e, expected)) return &e;
    }
    return nullptr;
  }

  json expected_;
  std::string text_, caption_, published_;
  Analysis analysis_;
};

TEST_F(SeedTest, EveryEntityWithTypeAndRoles) {
  std::vector<std::string> misses;
  const std::pair<const char*, std::vector<std::string>> groups[] = {
      {"person", {"PER"}}, {"organization", {"ORG", "LOC"}}, {"location", {"LOC"}}};
  for (const auto& [group, types] : groups) {
    for (const json& want : expected_["entities"][group]) {
      const analysis::Entity* e = FindEntity(want);
      std::string name = want["name"].get<std::string>();
      if (e == nullptr) {
        misses.push_back("missing entity " + name);
        continue;
      }
      if (std::find(types.begin(), types.end(), e->type) == types.end()) {
        misses.push_back(name + " typed " + e->type);
      }
      if (!want.contains("roles")) continue;
      for (const json& role : want["roles"]) {
        bool found = false;
        for (const std::string& r : e->roles) found = found || Lower(r) == Lower(role.get<std::string>());
        if (!found) misses.push_back(name + " lacks role '" + role.get<std::string>() + "'");
      }
    }
  }
  for (const std::string& m : misses) ADD_FAILURE() << m;
  EXPECT_TRUE(misses.empty());
}

TEST_F(SeedTest, AllQuotesWithTheirSpeakers) {
  int found = 0;
  for (const json& want : expected_["quotes"]) {
    std::string content = want["text"].get<std::string>();
    std::vector<std::string> speakers = {want["speaker"].get<std::string>()};
    if (want.contains("accept_speakers")) {
      for (const json& s : want["accept_speakers"]) speakers.push_back(s.get<std::string>());
    }
    bool ok = false;
    for (const analysis::Quote& q : analysis_.quotes) {
      std::string got = Cut(text_, q.content.begin, q.content.end);
      // The expected text may leave out the quotation marks and a final comma.
      std::string core = content.substr(0, std::min<size_t>(content.size(), 40));
      if (got.find(core) == std::string::npos) continue;
      if (std::find(speakers.begin(), speakers.end(), q.speaker_name) == speakers.end()) continue;
      if (q.direct != (want["kind"] == "direct")) continue;
      ok = true;
    }
    if (ok) {
      ++found;
    } else {
      ADD_FAILURE() << "quote not found with speaker " << speakers[0] << ": " << content;
    }
  }
  EXPECT_EQ(found, 12);
}

TEST_F(SeedTest, TheFiveHourMeetingWithoutAgreement) {
  auto has = [](const std::vector<std::string>& v, std::string_view x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  const analysis::Event* meeting = nullptr;
  for (const analysis::Event& e : analysis_.events) {
    if (e.type == "meeting" && has(e.participant_names, "Vladimir Putin") && has(e.participant_names, "Steve Witkoff")) {
      meeting = &e;
      break;
    }
  }
  ASSERT_NE(meeting, nullptr) << "no meeting of Putin and Witkoff";
  EXPECT_TRUE(has(meeting->participant_names, "Jared Kushner"));
  EXPECT_TRUE(has(meeting->place, "Kremlin") || has(meeting->place, "Moskow"));
  EXPECT_TRUE(meeting->time == "2025-12-02" || meeting->time == "2025-12-03") << meeting->time;
  EXPECT_EQ(meeting->duration, "PT5H");
  EXPECT_EQ(meeting->outcome, "no agreement");
  // Caption and lead disagree on the date: both are kept and a note says so.
  EXPECT_TRUE(has(meeting->times, "2025-12-02"));
  EXPECT_TRUE(has(meeting->times, "2025-12-03"));
  bool note = false;
  for (const analysis::Note& n : analysis_.notes) note = note || n.kind == "date_conflict";
  EXPECT_TRUE(note);
}

TEST_F(SeedTest, TheOtherEvents) {
  auto find = [&](std::string_view type) -> const analysis::Event* {
    for (const analysis::Event& e : analysis_.events) {
      if (e.type == type) return &e;
    }
    return nullptr;
  };
  const analysis::Event* invasion = find("invasion");
  ASSERT_NE(invasion, nullptr);
  EXPECT_EQ(invasion->time, "2022-02");
  EXPECT_EQ(invasion->participant_names, (std::vector<std::string>{"Rusia", "Ukraina"}));
  const analysis::Event* leak = find("leak");
  ASSERT_NE(leak, nullptr);
  EXPECT_EQ(leak->time, "2025-11");
  const analysis::Event* proposal = find("proposal");
  ASSERT_NE(proposal, nullptr);
  EXPECT_EQ(proposal->participant_names, std::vector<std::string>{"Eropa"});
  bool geneva = false;
  for (const analysis::Event& e : analysis_.events) {
    geneva = geneva || (e.type == "talks" && e.place == std::vector<std::string>{"Jenewa"} &&
                        e.participant_names == std::vector<std::string>{"Amerika Serikat", "Ukraina"});
  }
  EXPECT_TRUE(geneva);
}

TEST_F(SeedTest, TimesAreNormalised) {
  std::vector<std::pair<std::string, std::string>> got;
  for (const analysis::TimeExpr& t : analysis_.times) {
    EXPECT_EQ(Cut(text_, t.begin, t.end), t.text);
    got.push_back({t.value, t.granularity});
  }
  auto has = [&](std::string v, std::string g) { return std::find(got.begin(), got.end(), std::make_pair(v, g)) != got.end(); };
  EXPECT_TRUE(has("2025-12-03", "day"));
  EXPECT_TRUE(has("2022-02", "month"));
  EXPECT_TRUE(has("2025-11", "month"));
}

}  // namespace
}  // namespace warta
