// Analyze on sentences written for these tests, in the style of Indonesian
// and English news: entities and roles, times, events, offsets, bad input.
#include "warta/analyze.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "base/utf8.h"

namespace warta {
namespace {

const AnalyzeResources& Res() { return AnalyzeResources::Shared(); }

Analysis AnalyzeText(std::string_view text, std::string_view lang, std::string_view published = "2025-06-12T10:00:00+07:00") {
  AnalyzeContext context;
  context.published_iso = published;
  return Analyze(text, lang, context, Res());
}

std::string Cut(const std::string& text, uint32_t begin, uint32_t end) {
  size_t pos = 0, b = std::string::npos, e = text.size();
  for (uint32_t cp = 0;; ++cp) {
    if (cp == begin) b = pos;
    if (cp == end) {
      e = pos;
      break;
    }
    if (pos >= text.size()) break;
    utf8::Decode(text, &pos);
  }
  return b == std::string::npos ? "" : text.substr(b, e - b);
}

const analysis::Entity* Named(const Analysis& a, std::string_view name) {
  for (const analysis::Entity& e : a.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

bool Has(const std::vector<std::string>& v, std::string_view x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST(AnalyzeEntities, TitleSurnameAndAppositiveRoles) {
  Analysis a = AnalyzeText(
      "Presiden Prancis Emmanuel Macron menerima Kanselir Jerman Olaf Scholz di Paris. "
      "Penasihat senior Macron untuk urusan Eropa, Clement Beaune, mengatakan Macron optimistis.",
      "id");
  const analysis::Entity* macron = Named(a, "Emmanuel Macron");
  ASSERT_NE(macron, nullptr);
  EXPECT_EQ(macron->type, "PER");
  EXPECT_TRUE(Has(macron->roles, "Presiden Prancis"));
  EXPECT_TRUE(Has(macron->aliases, "Macron"));
  EXPECT_GE(macron->mentions.size(), 3u);
  const analysis::Entity* beaune = Named(a, "Clement Beaune");
  ASSERT_NE(beaune, nullptr);
  EXPECT_TRUE(Has(beaune->roles, "Penasihat senior Macron untuk urusan Eropa"));
  EXPECT_FALSE(Has(macron->roles, "Penasihat senior"));
}

// A language without a tagger of its own gets no NER (the English model
// reads every capitalised German noun as a name): places from the
// gazetteer only, and a note saying so.
TEST(AnalyzeEntities, OtherLanguagesGetGazetteerPlacesOnly) {
  Analysis a = AnalyzeText(
      "Die Deutsche Bahn ändert die Regeln für ihre Lounges. Ein Sprecher in Berlin sagte, die Änderung gelte ab "
      "Dezember für alle Kunden.",
      "de");
  for (const analysis::Entity& e : a.entities) EXPECT_NE(e.type, "PER") << e.name;
  EXPECT_NE(Named(a, "Berlin"), nullptr);
  ASSERT_FALSE(a.notes.empty());
  EXPECT_EQ(a.notes[0].kind, "ner_unavailable");
  EXPECT_NE(a.notes[0].text.find("\"de\""), std::string::npos) << a.notes[0].text;
}

TEST(AnalyzeEntities, AcronymJoinsItsExpansion) {
  Analysis a = AnalyzeText("Amerika Serikat (AS) menutup kedutaannya di Jakarta. Pejabat AS menyebut alasan keamanan.", "id");
  const analysis::Entity* us = Named(a, "Amerika Serikat");
  ASSERT_NE(us, nullptr);
  EXPECT_TRUE(Has(us->aliases, "AS"));
}

TEST(AnalyzeEntities, EnglishAppositiveAfterTheName) {
  Analysis a = AnalyzeText("Maria Lopez, a spokeswoman for the ministry, said the talks would resume.", "en");
  const analysis::Entity* lopez = Named(a, "Maria Lopez");
  ASSERT_NE(lopez, nullptr);
  EXPECT_TRUE(Has(lopez->roles, "spokeswoman for the ministry"));
}

// Before the name, an article opens the phrase but is not part of the role,
// nor is what comes before an "of" ahead of the role word; an adverbial
// phrase ("Through a spokesperson") names someone else: no role at all.
TEST(AnalyzeEntities, EnglishAppositiveBeforeTheName) {
  const struct {
    const char* text;
    const char* name;
    const char* role;  // nullptr: no role
  } kCases[] = {
      {"The airline's chief executive, Dana Whitfield, said fares would rise.", "Dana Whitfield",
       "airline's chief executive"},
      {"A spokeswoman for the council, Ruth Okafor, confirmed the closure.", "Ruth Okafor",
       "spokeswoman for the council"},
      {"Through a spokesperson, Dana Whitfield declined to comment on the fares.", "Dana Whitfield", nullptr},
      {"Since the vote, the hopes of Veloria’s president, Tomas Arvid, have grown.", "Tomas Arvid",
       "Veloria’s president"},
      {"The envoy wrote to the Chief Secretary, Priya Raman, on Monday.", "Priya Raman", "Chief Secretary"},
  };
  for (const auto& c : kCases) {
    Analysis a = AnalyzeText(c.text, "en");
    const analysis::Entity* person = Named(a, c.name);
    ASSERT_NE(person, nullptr) << c.text;
    if (c.role == nullptr) {
      EXPECT_TRUE(person->roles.empty()) << c.text << " -> " << person->roles[0];
    } else {
      EXPECT_TRUE(Has(person->roles, c.role)) << c.text << " -> " << (person->roles.empty() ? "" : person->roles[0]);
    }
  }
}

// The tagger reads "State Marcus Ellery" after "Secretary of" as one
// organisation; the person named earlier takes the name back and the title,
// with the country before it, becomes the role.
TEST(AnalyzeEntities, PersonNameInsideATitledOrganisationSpan) {
  Analysis a = AnalyzeText(
      "Marcus Ellery arrived in Jakarta on Tuesday for two days of talks. "
      "U.S. Secretary of State Marcus Ellery said the talks were useful.",
      "en");
  const analysis::Entity* ellery = Named(a, "Marcus Ellery");
  ASSERT_NE(ellery, nullptr);
  EXPECT_EQ(ellery->type, "PER");
  EXPECT_EQ(ellery->mentions.size(), 2u);
  EXPECT_TRUE(Has(ellery->roles, "U.S. Secretary of State"));
  EXPECT_EQ(Named(a, "State Marcus Ellery"), nullptr);
}

// English titles put their modifiers before the head word: they belong to
// the role.
TEST(AnalyzeEntities, EnglishTitleKeepsItsModifiers) {
  Analysis a = AnalyzeText(
      "Officials said Interior Minister Clara Voss visited the port on Monday.", "en");
  const analysis::Entity* voss = Named(a, "Clara Voss");
  ASSERT_NE(voss, nullptr);
  EXPECT_TRUE(Has(voss->roles, "Interior Minister")) << (voss->roles.empty() ? "" : voss->roles[0]);
}

// The possessive is a token of its own: the owner is a mention, merged with
// the full name and keeping its type, and "X's aide" is the aide's role.
TEST(AnalyzeEntities, PossessiveOwnerIsAMentionAndARole) {
  Analysis a = AnalyzeText(
      "President Aleksei Varnov met the envoy in Geneva on Monday. Varnov's aide Pavel Drozd said the talks "
      "lasted three hours.",
      "en");
  const analysis::Entity* varnov = Named(a, "Aleksei Varnov");
  const analysis::Entity* drozd = Named(a, "Pavel Drozd");
  ASSERT_NE(varnov, nullptr);
  ASSERT_NE(drozd, nullptr);
  EXPECT_EQ(varnov->type, "PER");
  EXPECT_EQ(varnov->mentions.size(), 2u);
  EXPECT_TRUE(Has(drozd->roles, "Varnov's aide")) << (drozd->roles.empty() ? "" : drozd->roles[0]);
}

// A possessive inside a tagged name ends it: the owner and the thing owned
// are two names.
TEST(AnalyzeEntities, PossessiveSplitsATaggedSpan) {
  Analysis a = AnalyzeText("The company said Kestrel\u2019s Harbor Line would open in May.", "en");
  EXPECT_NE(Named(a, "Kestrel"), nullptr);
  EXPECT_NE(Named(a, "Harbor Line"), nullptr);
  for (const analysis::Entity& e : a.entities) EXPECT_EQ(e.name.find("\u2019s"), std::string::npos) << e.name;
}

// A wire story's dateline is a place and its agency an organisation; the
// story's first word is read as the start of a sentence, not as a name.
TEST(AnalyzeEntities, DatelinePlaceAndAgency) {
  Analysis a = AnalyzeText(
      "KALMBERG (Reuters) - Ferry crews at the two largest harbours stayed off the job on Tuesday, "
      "union leader Mira Halvorsen said.",
      "en");
  const analysis::Entity* place = Named(a, "KALMBERG");
  const analysis::Entity* agency = Named(a, "Reuters");
  ASSERT_NE(place, nullptr);
  ASSERT_NE(agency, nullptr);
  EXPECT_EQ(place->type, "LOC");
  EXPECT_EQ(agency->type, "ORG");
  EXPECT_EQ(Named(a, "Ferry"), nullptr);
  EXPECT_NE(Named(a, "Mira Halvorsen"), nullptr);
}

TEST(AnalyzeEntities, MentionOffsetsAreCodePoints) {
  std::string text = "“Ini penting,” kata Menteri Keuangan Sri Mulyani di Zürich, Swiss, pada Senin.";
  Analysis a = AnalyzeText(text, "id");
  ASSERT_FALSE(a.entities.empty());
  for (const analysis::Entity& e : a.entities) {
    for (const analysis::Mention& m : e.mentions) EXPECT_EQ(Cut(text, m.begin, m.end), m.text);
  }
  for (const analysis::TimeExpr& t : a.times) EXPECT_EQ(Cut(text, t.begin, t.end), t.text);
}

struct TimeCase {
  const char* text;
  const char* lang;
  const char* value;
  const char* granularity;
};

class AnalyzeTimes : public ::testing::TestWithParam<TimeCase> {};

// Published Thursday 2025-06-12.
TEST_P(AnalyzeTimes, Normalised) {
  const TimeCase& c = GetParam();
  Analysis a = AnalyzeText(c.text, c.lang);
  bool found = false;
  for (const analysis::TimeExpr& t : a.times) {
    if (t.value != c.value || t.granularity != c.granularity) continue;
    found = true;
    bool written_out = std::any_of(t.text.begin(), t.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (t.granularity != "time") {
      EXPECT_EQ(t.anchor, written_out ? "absolute" : "published") << t.text;
    }
  }
  EXPECT_TRUE(found) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, AnalyzeTimes,
    ::testing::Values(TimeCase{"Gempa terjadi pada Senin (9/6/2025) pagi.", "id", "2025-06-09", "day"},
                      TimeCase{"Banjir melanda kota itu kemarin.", "id", "2025-06-11", "day"},
                      TimeCase{"Harga beras naik sejak Maret.", "id", "2025-03", "month"},
                      TimeCase{"Proyek itu dimulai pada Agustus 2019.", "id", "2019-08", "month"},
                      TimeCase{"Ia tiba dua minggu lalu.", "id", "2025-05-29", "day"},
                      TimeCase{"Rapat digelar Selasa lalu.", "id", "2025-06-10", "day"},
                      TimeCase{"The bridge collapsed two weeks ago.", "en", "2025-05-29", "day"},
                      TimeCase{"Troops withdrew last Friday.", "en", "2025-06-06", "day"},
                      TimeCase{"Sales fell in November.", "en", "2024-11", "month"},
                      TimeCase{"Sidang berlangsung hingga lewat tengah malam.", "id", "T00:00", "time"}));

TEST(AnalyzeTimesText, WeekdayJoinsItsDate) {
  Analysis a = AnalyzeText("Gempa terjadi pada Senin (9/6/2025) pagi.", "id");
  ASSERT_EQ(a.times.size(), 1u);
  EXPECT_EQ(a.times[0].text, "Senin (9/6/2025)");
  EXPECT_EQ(a.times[0].anchor, "absolute");
}

TEST(AnalyzeEvents, MeetingDurationOutcomeAndReference) {
  Analysis a = AnalyzeText(
      "Perdana Menteri Jepang Shigeru Ishiba bertemu dengan Presiden Korea Selatan Lee Jae-myung di Tokyo pada "
      "Senin (9/6/2025). Pertemuan selama tiga jam itu gagal mencapai kesepakatan soal perdagangan.",
      "id");
  ASSERT_FALSE(a.events.empty());
  const analysis::Event& e = a.events.front();
  EXPECT_EQ(e.type, "meeting");
  EXPECT_EQ(e.place, std::vector<std::string>{"Tokyo"});
  EXPECT_EQ(e.time, "2025-06-09");
  EXPECT_EQ(e.duration, "PT3H");
  EXPECT_EQ(e.outcome, "no agreement");
  EXPECT_EQ(e.evidence, (std::vector<uint32_t>{0, 1}));
  EXPECT_GE(e.participants.size(), 2u);
}

TEST(AnalyzeEvents, EnglishHyphenatedDurationAndAgreement) {
  Analysis a = AnalyzeText("The two-day summit in Geneva ended on Tuesday and the delegations agreed on a ceasefire.", "en");
  ASSERT_FALSE(a.events.empty());
  EXPECT_EQ(a.events.front().type, "meeting");
  EXPECT_EQ(a.events.front().duration, "P2D");
  EXPECT_EQ(a.events.front().outcome, "agreed");
}

// "met X": the object is a participant; an agreement, or its failure, in
// the next sentence is the meeting's outcome.
TEST(AnalyzeEvents, MetObjectAndOutcomeInTheNextSentence) {
  struct Case {
    std::string text, lang, other, outcome;
  } cases[] = {
      {"President Aleksei Varnov met Chancellor Ida Brenner in Geneva on Tuesday. The two leaders agreed to "
       "resume gas deliveries.",
       "en", "Ida Brenner", "agreed"},
      {"Presiden Aleksei Varnov menemui Kanselir Ida Brenner di Jenewa, Selasa. Kedua pemimpin itu gagal "
       "mencapai kesepakatan.",
       "id", "Ida Brenner", "no agreement"},
  };
  for (const Case& c : cases) {
    Analysis a = AnalyzeText(c.text, c.lang);
    ASSERT_EQ(a.events.size(), 1u) << c.text;
    const analysis::Event& e = a.events.front();
    EXPECT_EQ(e.type, "meeting");
    EXPECT_TRUE(Has(e.participant_names, c.other)) << c.text;
    EXPECT_EQ(e.outcome, c.outcome) << c.text;
  }
}

TEST(AnalyzeEvents, CaptionDateConflictIsNoted) {
  AnalyzeContext context;
  context.published_iso = "2025-06-12T10:00:00+07:00";
  std::string caption = "Suasana pertemuan di Tokyo, 10 Juni 2025.";
  context.captions.push_back(caption);
  Analysis a = Analyze("Menteri Luar Negeri Sugiono bertemu dengan Menteri Luar Negeri Jepang Takeshi Iwaya di Tokyo "
                       "pada Rabu (11/6/2025).",
                       "id", context, Res());
  ASSERT_FALSE(a.events.empty());
  EXPECT_TRUE(Has(a.events.front().times, "2025-06-10"));
  EXPECT_TRUE(Has(a.events.front().times, "2025-06-11"));
  ASSERT_FALSE(a.notes.empty());
  EXPECT_EQ(a.notes.front().kind, "date_conflict");
}

TEST(AnalyzeRobustness, BadInputNeverCrashes) {
  const std::string inputs[] = {
      "", "\xff\xfe\x00\x01", std::string(5000, '('), std::string(100000, 'A') + " bertemu di " + "\xc3",
      "( AS ) ( ) , , di", "Presiden", "“", "selama lima", "pada"};
  for (const std::string& in : inputs) {
    Analysis a = AnalyzeText(in, "id");
    Analysis b = AnalyzeText(in, "en", "");
    Analysis c = AnalyzeText(in, "", "garbage");
    EXPECT_LE(a.sentences.size(), in.size() + 1);
  }
}

TEST(AnalyzeJson, WritesEveryField) {
  Analysis a = AnalyzeText("Presiden Prancis Emmanuel Macron tiba di Jakarta kemarin.", "id");
  std::string out;
  AppendAnalysisJson("x1", a, &out);
  for (const char* key : {"\"id\":\"x1\"", "\"sentences\"", "\"entities\"", "\"quotes\"", "\"times\"", "\"events\"",
                          "\"notes\""}) {
    EXPECT_NE(out.find(key), std::string::npos) << key;
  }
  EXPECT_EQ(out.back(), '\n');
}

}  // namespace
}  // namespace warta
