#include "meta/caption.h"

#include <gtest/gtest.h>

namespace warta::meta {
namespace {

TEST(Caption, SplitsCaptionAndCredit) {
  struct Case {
    const char* in;
    const char* caption;
    const char* credit;
  } cases[] = {
      {"Warga antre minyak goreng di Bekasi, 4 Mei 2025. (Foto: Pool via Reuters)",
       "Warga antre minyak goreng di Bekasi, 4 Mei 2025.", "Pool via Reuters"},
      {"Petugas memeriksa kendaraan. Foto: Antara/Budi Santoso", "Petugas memeriksa kendaraan.",
       "Antara/Budi Santoso"},
      {"FOTO: ANTARA/Rina Lestari", "", "ANTARA/Rina Lestari"},
      {"Banjir merendam jalan utama | Foto: Dok. Warga", "Banjir merendam jalan utama", "Dok. Warga"},
      {"Firefighters battle the blaze on Sunday. (AP Photo/Jane Doe)", "Firefighters battle the blaze on Sunday.",
       "AP Photo/Jane Doe"},
      {"The harbour at dawn. Photo: John Smith", "The harbour at dawn.", "John Smith"},
      {"Crowds gather outside the court. John Smith/Getty Images", "Crowds gather outside the court.",
       "John Smith/Getty Images"},
      {"Supporters cheer in the square (Reuters)", "Supporters cheer in the square", "Reuters"},
      {"A view of the dam. Credit: City Water Board", "A view of the dam.", "City Water Board"},
      {"Ilustrasi kebakaran hutan. (Foto: Freepik)", "Ilustrasi kebakaran hutan.", "Freepik"},
      {"Ilustrasi pemilu (Warta/Andi)", "Ilustrasi pemilu", "Warta/Andi"},
      {"Presiden berpidato di depan para menteri (kiri) di istana", "Presiden berpidato di depan para menteri (kiri) di istana", ""},
      {"Pemandangan kota (tampak dari atas gedung)", "Pemandangan kota (tampak dari atas gedung)", ""},
      {"Workers picket outside the terminal. REUTERS/Sam Ortiz", "Workers picket outside the terminal.",
       "REUTERS/Sam Ortiz"},
      {"The 2020/21 season opened. Fans cheered", "The 2020/21 season opened. Fans cheered", ""},
      // Copyright marks: the short credit after the last one; a word mark
      // only where a credit may stand.
      {"Boats in the harbour \u00a9 Jane Roe / Harbor Agency", "Boats in the harbour", "Jane Roe / Harbor Agency"},
      {"The old mill at dusk.\u00a9 2021 Sam Ortiz", "The old mill at dusk.", "Sam Ortiz"},
      {"\u00a9 Foto: Sam Ortiz", "", "Sam Ortiz"},
      {"Image copyright Harbor Agency", "", "Harbor Agency"},
      {"The copyright case went to court", "The copyright case went to court", ""},
      {"Fotos \u00a9 Sam Ortiz", "", "Sam Ortiz"},
      // Brackets, German and archive cues, credits alone, stock names and
      // agencies after the last sentence (an initial closes none).
      {"Troops leave the base [File: Reuters]", "Troops leave the base", "Reuters"},
      {"A bridge over the river [City Co via Harbor Agency]", "A bridge over the river", "City Co via Harbor Agency"},
      {"Der Hafen am Morgen. Bild: Jana Roth", "Der Hafen am Morgen.", "Jana Roth"},
      {"Umsatz nach Regionen. Quelle: Statistikamt", "Umsatz nach Regionen.", "Statistikamt"},
      {"FILE PHOTO: A ferry leaves the port. REUTERS/Jane Roe", "A ferry leaves the port.", "REUTERS/Jane Roe"},
      {"Jane Roe/Harbor Times", "", "Jane Roe/Harbor Times"},
      {"Reuters", "", "Reuters"},
      {"Farmers at the market. EFE", "Farmers at the market.", "EFE"},
      {"A bus in the rain. Getty", "A bus in the rain.", "Getty"},
      {"Candidates on stage. Sam T. Ortiz / Harbor Times / Getty Images", "Candidates on stage.",
       "Sam T. Ortiz / Harbor Times / Getty Images"},
      {"Ships at anchor. (Image credit: Harbor Agency)", "Ships at anchor.", "Harbor Agency"},
      {"Stadtpark im Herbst / Quelle: Pixabay, Archiv", "Stadtpark im Herbst", "Pixabay, Archiv"},
      // A cue word in capitals; the Kelvin sign is no 'K'.
      {"Jalan rusak. KREDIT: Budi", "Jalan rusak.", "Budi"},
      {"Jalan rusak. \u212Aredit: Budi", "Jalan rusak. \u212Aredit: Budi", ""},
      {"", "", ""},
  };
  for (const auto& c : cases) {
    CaptionParts p = SplitCaption(c.in);
    EXPECT_EQ(p.caption, c.caption) << c.in;
    EXPECT_EQ(p.credit, c.credit) << c.in;
  }
  EXPECT_TRUE(HasCreditCue("Jalan rusak. (Foto: Warga)"));
  EXPECT_FALSE(HasCreditCue("Jalan rusak parah sejak pekan lalu."));
}

}  // namespace
}  // namespace warta::meta
