#include "meta/dateline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace warta::meta {
namespace {

TEST(Dateline, Detects) {
  struct Case {
    std::string in;
    const char* city;  // "" = no dateline
    const char* agency;
    const char* rest;  // text after the prefix
  } cases[] = {
      {"BANDUNG \xE2\x80\x93 Hujan deras mengguyur kota.", "BANDUNG", "", "Hujan deras mengguyur kota."},
      {"MEDAN, WARTAKITA.com - Harga cabai naik.", "MEDAN", "WARTAKITA.com", "Harga cabai naik."},
      {"PARIS (Reuters) - Ministers met on Monday.", "PARIS", "Reuters", "Ministers met on Monday."},
      {"NEW YORK, Dec 3 (Reuters) \xE2\x80\x94 Stocks rose.", "NEW YORK", "Reuters", "Stocks rose."},
      {"WASHINGTON \xE2\x80\x94 Congress voted.", "WASHINGTON", "", "Congress voted."},
      {"Surabaya (ANTARA) - Banjir surut.", "Surabaya", "ANTARA", "Banjir surut."},
      {"ST. LOUIS -- The river crested.", "ST. LOUIS", "", "The river crested."},
      {"Harga beras naik - kata pedagang.", "", "", ""},
      {"Bandung - Hujan deras mengguyur kota.", "Bandung", "", "Hujan deras mengguyur kota."},
      {"Jakarta, Warta Kita -- Harga cabai naik.", "Jakarta", "Warta Kita", "Harga cabai naik."},
      {"WARTA.CO, Surabaya - Banjir surut.", "Surabaya", "WARTA.CO", "Banjir surut."},
      {"Kata dia - yang enggan disebut namanya - harga naik.", "", "", ""},
      {"Pemerintah Kota - yang baru dilantik - bekerja.", "", "", ""},
      {"Rusia-Ukraina berunding lagi.", "", "", ""},
      {"UPDATE 2-Oil prices fall", "", "", ""},
      // A state or country after the city is no agency; the wire in brackets is.
      {"SPRINGFIELD, Ill. \xE2\x80\x94 The council met.", "SPRINGFIELD", "", "The council met."},
      {"MILLTOWN, N.Y. (AP) \xE2\x80\x94 Snow fell.", "MILLTOWN", "AP", "Snow fell."},
      {"Lakeview, NY \xE2\x80\x93 The plant opened.", "Lakeview", "", "The plant opened."},
      {"RIVERTON, Ohio \xE2\x80\x93 The bridge closed.", "RIVERTON", "", "The bridge closed."},
      {"PORT ROYAL, New Zealand \xE2\x80\x94 Rain fell.", "PORT ROYAL", "", "Rain fell."},
      {"DEPOK, Jawa Barat - Banjir surut.", "DEPOK", "", "Banjir surut."},
      {"Neustadt (Beispielland) - Ein Haus brannte.", "Neustadt", "", "Ein Haus brannte."},
      {"Altdorf (dpa/lby) - Ein Haus brannte.", "Altdorf", "dpa/lby", "Ein Haus brannte."},
      {"CEDAR CITY, Texas (KXYZ) -- A store closed.", "CEDAR CITY", "KXYZ", "A store closed."},
      {"Hamm/Unna (dpa) - Der Zug fiel aus.", "Hamm/Unna", "dpa", "Der Zug fiel aus."},
      {"Wien, 3. Mai 2021 \xE2\x80\x93 Die Firma meldet Gewinne.", "Wien", "", "Die Firma meldet Gewinne."},
      // Lead words, headings and kickers are no place.
      {"Quick, cheap and easy \xE2\x80\x93 that is the promise.", "", "", ""},
      {"Laut Muster.at, einem Portal \xE2\x80\x94 stieg der Preis.", "", "", ""},
      {"Gartenm\xC3\xB6bel \xE2\x80\x93 H\xC3\xA4ndler, Marken, g\xC3\xBCnstig bestellen", "", "", ""},
      {"Neuigkeiten - Folge 3 / Teil 12", "", "", ""},
      {"UPDATE \xE2\x80\x94 The road reopened.", "", "", ""},
      {"", "", "", ""},
  };
  for (const Case& c : cases) {
    std::optional<Dateline> d = DetectDateline(c.in);
    if (std::string(c.city).empty()) {
      EXPECT_FALSE(d.has_value()) << c.in;
      continue;
    }
    ASSERT_TRUE(d.has_value()) << c.in;
    EXPECT_EQ(d->city, c.city) << c.in;
    EXPECT_EQ(d->agency, c.agency) << c.in;
    EXPECT_EQ(c.in.substr(d->prefix_bytes), c.rest) << c.in;
  }
}

// The dateline may follow a caption or a teaser, but only in its surest
// shapes there; a Title Case lead counts in the first paragraph alone.
TEST(Dateline, InTheLeadParagraphs) {
  struct Case {
    std::vector<std::string> paragraphs;
    const char* city;  // "" = none
  } cases[] = {
      {{"A crowd gathers at the harbour.", "Photo: Jane Roe", "PORTVILLE \xE2\x80\x94 The ferry sank."}, "PORTVILLE"},
      {{"Eine Vorschau.", "Altdorf (dpa) - Der Zug fiel aus."}, "Altdorf"},
      {{"Eine Vorschau.", "Altdorf - Der Zug fiel aus."}, ""},
      {{"One", "Two", "Three", "LAKEVIEW \xE2\x80\x94 Too late."}, ""},
      {{"Bandung - Hujan deras turun."}, "Bandung"},
      {{}, ""},
  };
  for (const Case& c : cases) {
    std::optional<Dateline> d = DetectLeadDateline(c.paragraphs);
    EXPECT_EQ(d ? d->city : "", c.city) << c.paragraphs.size();
  }
}

}  // namespace
}  // namespace warta::meta
