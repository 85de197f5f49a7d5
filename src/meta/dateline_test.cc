#include "meta/dateline.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace warta::meta
