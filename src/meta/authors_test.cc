#include "meta/authors.h"

#include <gtest/gtest.h>

namespace warta::meta {
namespace {

TEST(Authors, SplitsBylines) {
  struct Case {
    const char* in;
    std::vector<std::string> want;
  } cases[] = {
      {"By Jane Roe and John Doe", {"Jane Roe", "John Doe"}},
      {"Oleh: Budi Santoso", {"Budi Santoso"}},
      {"Penulis: Ani Wijaya, Rudi Hartono dan Siti Aminah", {"Ani Wijaya", "Rudi Hartono", "Siti Aminah"}},
      {"Dewi Lestari, Jurnalis", {"Dewi Lestari"}},
      {"Reporter: Agus Salim | Editor: Maria Ulfa", {"Agus Salim"}},
      {"Reporter: Agus Salim, Editor: Maria Ulfa", {"Agus Salim"}},
      {"Editor: Maria Ulfa", {}},
      {"By Reuters", {}},
      {"By Staff", {}},
      {"Redaksi", {}},
      {"Tim Warta", {}},
      {"Tim Liputan", {}},
      {"Oleh: Tim", {}},
      {"By Tim Roe", {"Tim Roe"}},
      {"By Mary Major, Staff Writer", {"Mary Major"}},
      {"By KAREN SMITH", {"Karen Smith"}},
      {"By Ahmad bin Ali and Carla van der Berg", {"Ahmad bin Ali", "Carla van der Berg"}},
      {"By Jane Roe | December 3, 2025", {"Jane Roe"}},
      {"by admin", {}},
      {"https://example.com/people/jane", {}},
      {"Warta Harian", {}},
      {"di", {}},
      {"Foto: Budi", {}},
      // Separators and editor credits, in any case.
      {"Ana Ruiz y Luis Gomez", {"Ana Ruiz", "Luis Gomez"}},
      {"By Yusuf Hamid & Rina Sari; Tom Ray", {"Yusuf Hamid", "Rina Sari", "Tom Ray"}},
      {"Agus Salim, REDAKTUR: Maria Ulfa", {"Agus Salim"}},
      {"Agus Salim (Penyunting Maria Ulfa)", {"Agus Salim"}},
      {"Budi Santoso, Kolumnis", {"Budi Santoso"}},
  };
  for (const auto& c : cases) EXPECT_EQ(SplitAuthorNames(c.in, "Warta Harian"), c.want) << c.in;
}

// What is set beside a name in bylines (invented ones) and is no part of it.
TEST(Authors, CleansNamesOfWhatSurroundsThem) {
  struct Case {
    const char* in;
    std::vector<std::string> want;
  } cases[] = {
      // Button and link words, a weekday, a glued link.
      {"By Jane Roe Share", {"Jane Roe"}},
      {"Jane Roe and Mark Doe Monday, March 3, 2025", {"Jane Roe", "Mark Doe"}},
      {"Von Jane Roe Fr, 7. März", {"Jane Roe"}},
      {"Jane RoeFollow", {"Jane Roe"}},
      {"Lena Berg and Tom HaleReporter Example", {"Lena Berg", "Tom Hale"}},
      {"ArchivesWebsiteTwitter", {}},
      // Surnames with an inner capital stay whole.
      {"By Ana McDonald and Leo DiMarco", {"Ana McDonald", "Leo DiMarco"}},
      // An outlet after a full stop; a title's full stop is no end.
      {"Jane Roe. Example Weekly", {"Jane Roe"}},
      {"Prof. Jane Roe", {"Prof. Jane Roe"}},
      {"Laura J. Pike", {"Laura J. Pike"}},
      // Cues in other languages, per name; a name written twice.
      {"Von Clara Berg, von Max Stein", {"Clara Berg", "Max Stein"}},
      {"Par Marie Dupont", {"Marie Dupont"}},
      {"Por: Ana Ruiz", {"Ana Ruiz"}},
      {"di Paolo Rossi", {"Paolo Rossi"}},
      {"Autor Jana Roth Jana Roth", {"Jana Roth"}},
      {"Veröffentlicht von Jana Roth", {"Jana Roth"}},
      // A date after a preposition or a cue after a date.
      {"Oleh Budi Santoso pada Kamis, 3 Maret 2025", {"Budi Santoso"}},
      {"By Jane Roe on March 3, 2025", {"Jane Roe"}},
      {"Posted on March 3, 2025 by Jane Roe", {"Jane Roe"}},
      {"\xE8\xA8\x98\xE8\x80\x85\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E\xEF\xBC\x8F\xE5\x8F\xB0\xE5\x8C\x97",
       {"\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E"}},
      // Degrees, places and sections beside a name.
      {"Jane Roe, PhD", {"Jane Roe"}},
      {"Jane Roe, Lisbon", {"Jane Roe"}},
      {"Lisbon, Portugal", {}},
      {"Jane Roe, Kolumnist", {"Jane Roe"}},
      // Names in capitals only are title-cased; mixed case is kept.
      {"By MARY O'BRIEN and JOHN MCKAY", {"Mary O'Brien", "John McKay"}},
      {"Karim BENALI", {"Karim Benali"}},
      {"Jane McDONALD", {"Jane McDONALD"}},
      {"Jeanne ROUVEL et Awa KEBRAN", {"Jeanne Rouvel", "Awa Kebran"}},
      {"By Jane Roe AFP", {"Jane Roe"}},
      {"By JAMES ROE III", {"James Roe III"}},
      // Outlets, newsrooms, organisations and credits.
      {"Redaktion", {}},
      {"Redacci\xC3\xB3n Central", {}},
      {"Example GmbH & Co. KG", {}},
      {"Copyright Example Verlag", {}},
      {"EFC Example Club", {}},
      {"The Example Chronicle", {}},
      {"news.example.md", {}},
      {"Example.de-Redaktion", {}},
      {"No Author", {}},
      {"Agencia Ejemplo", {}},
      {"Wednesday", {}},
      {"Em Lisboa", {}},
      // An outlet or desk in other scripts: a Chinese "... net", a Hindi "... bureau".
      {"\xE5\x8C\x97\xE4\xBA\xAC\xE7\xA4\xBA\xE4\xBE\x8B\xE7\xB6\xB2", {}},
      {"\xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB2\xE0\xA5\x8D\xE0\xA4\xB2\xE0\xA5\x80 "
       "\xE0\xA4\xAC\xE0\xA5\x8D\xE0\xA4\xAF\xE0\xA5\x82\xE0\xA4\xB0\xE0\xA5\x8B",
       {}},
      // Initials lines of Indonesian portals.
      {"(abc/def)", {}},
      {"ABC/DEF", {}},
      // A caption in a byline-classed element is prose.
      {"Jane Roe (left) and Mark Doe (right) met at the harbour on Friday", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(SplitAuthorNames(c.in, "Warta Harian"), c.want) << c.in;
}

// A name of one word counts only where the markup says it names a person
// (the third argument), alone, and never as initials, acronym or handle.
TEST(Authors, OneWordNames) {
  struct Case {
    const char* in;
    bool marked;
    std::vector<std::string> want;
  } cases[] = {
      {"Budi", true, {"Budi"}},
      {"Budi", false, {}},
      {"By Budi", false, {"Budi"}},
      {"Budi, Lisbon", true, {}},
      {"Jessie, von Jessie", true, {"Jessie"}},
      {"JR", true, {}},
      {"EXN", true, {}},
      {"JaneR", true, {}},
      {"JaneRoe", true, {}},
      {"Monday", true, {}},
  };
  for (const auto& c : cases) EXPECT_EQ(SplitAuthorNames(c.in, "", c.marked), c.want) << c.in;
}

TEST(Authors, NamesOutlet) {
  struct Case {
    const char* name;
    const char* outlet;
    bool want;
  } cases[] = {
      {"Example Times", "The Example Times", true},
      {"Exampletimes", "exampletimes.com", true},
      {"Example.de", "EXAMPLE", true},
      {"Example Daily", "www.exampledaily.com", true},
      {"Example", "Example Sport", true},
      {"Example Deutschland", "Example", true},
      {"Example Kota", "Example Kota | Berita dari kota", true},
      {"Example Kota", "Rubrik Olahraga - Example Kota", true},
      {"Jane Roe", "Rubrik - Kota | Berita - Warta", false},
      {"Jane Roe", "Example Times", false},
      // A person's own site: their name before more words is theirs.
      {"Jane Roe", "Jane Roe's Blog", false},
      {"Jane Roe", "Jane Roe Photography", false},
  };
  for (const auto& c : cases) EXPECT_EQ(NamesOutlet(c.name, c.outlet), c.want) << c.name << " / " << c.outlet;
  std::vector<std::string> names{"Jane Roe", "Budi", "Example Times", "Examplenews"};
  DropOutletNames({"The Example Times", ""}, "www.examplenews.co.id", &names);
  EXPECT_EQ(names, (std::vector<std::string>{"Jane Roe", "Budi"}));
  // A person's full name may be their site's host name.
  names = {"Jane Roe"};
  DropOutletNames({}, "janeroe.com", &names);
  EXPECT_EQ(names, std::vector<std::string>{"Jane Roe"});
}

TEST(Authors, BylineShapes) {
  EXPECT_TRUE(LooksLikeByline("Dewi Lestari, Jurnalis"));
  EXPECT_TRUE(LooksLikeByline("Oleh Budi Santoso"));
  EXPECT_TRUE(LooksLikeByline("By Jane Roe"));
  EXPECT_FALSE(LooksLikeByline("Oleh karena itu, warga diminta waspada."));
  EXPECT_FALSE(LooksLikeByline("Bypass road closed"));
  EXPECT_FALSE(LooksLikeByline("Harga naik, kata pedagang"));
  // A role after the last comma, in any case; only ASCII letters fold (the
  // Kelvin sign is no 'K').
  EXPECT_TRUE(LooksLikeByline("Dewi Lestari, STAFF WRITER"));
  EXPECT_FALSE(LooksLikeByline("Dewi Lestari, \u212Aolumnis"));
  EXPECT_FALSE(LooksLikeByline("Dewi Lestari, Kolumni"));
  // Cue words after white space, in any case; lines opening otherwise.
  EXPECT_TRUE(LooksLikeByline(" \t\nWRITTEN BY Jane Roe"));
  EXPECT_TRUE(LooksLikeByline("KONTRIBUTOR: Budi Santoso"));
  EXPECT_FALSE(LooksLikeByline("  Jane Roe wrote this"));
  EXPECT_FALSE(LooksLikeByline(""));
}

}  // namespace
}  // namespace warta::meta
