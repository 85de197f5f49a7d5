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
