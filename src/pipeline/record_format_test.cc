// The readable formats of a record: the body, and with --analyze the reading
// under it (entities by type, who said what, events).
#include "warta/record_format.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "warta/analyze.h"

namespace warta {
namespace {

Record AnalysedRecord() {
  Record r;
  r.title = "Jembatan Kali Asem dibuka lagi";
  r.text = "Wali Kota Rina Lestari meresmikan jembatan itu. “Warga bisa lewat lagi,” ujarnya.";
  r.paragraphs = {r.text};
  auto a = std::make_shared<Analysis>();
  a->entities.push_back({0, "PER", "Rina Lestari", {}, {"Wali Kota"}, {}});
  a->entities.push_back({1, "LOC", "Kali Asem", {}, {}, {}});
  // Code points, not bytes: the curly quotes are three bytes each.
  analysis::Quote q;
  q.content = {48, 72};
  q.speaker_name = "Rina Lestari";
  q.direct = true;
  a->quotes.push_back(q);
  analysis::Event e;
  e.type = "visit";
  e.participant_names = {"Rina Lestari"};
  e.time = "2025-03-04";
  a->events.push_back(e);
  r.analysis = a;
  return r;
}

TEST(RecordFormat, TextShowsTheReadingUnderTheBody) {
  std::string out;
  AppendRecord(AnalysedRecord(), OutputFormat::kText, &out);
  const std::string want[] = {"-- reading --\n", "People: Rina Lestari (Wali Kota)\n", "Places: Kali Asem\n",
                              "  Rina Lestari: “Warga bisa lewat lagi,”\n", "  visit: Rina Lestari; 2025-03-04\n"};
  for (const std::string& w : want) EXPECT_NE(out.find(w), std::string::npos) << w << "\nin:\n" << out;
  EXPECT_EQ(out.find("Organisations"), std::string::npos);  // no line for a type without entities
}

TEST(RecordFormat, MarkdownReadingHasAHeadingAndItems) {
  std::string out;
  AppendRecord(AnalysedRecord(), OutputFormat::kMarkdown, &out);
  EXPECT_NE(out.find("## Reading\n"), std::string::npos) << out;
  EXPECT_NE(out.find("- Rina Lestari: “Warga bisa lewat lagi,”\n"), std::string::npos) << out;
}

TEST(RecordFormat, NoReadingWithoutAnalysis) {
  Record r = AnalysedRecord();
  r.analysis.reset();
  std::string out;
  AppendRecord(r, OutputFormat::kText, &out);
  EXPECT_EQ(out.find("reading"), std::string::npos) << out;
}

}  // namespace
}  // namespace warta
