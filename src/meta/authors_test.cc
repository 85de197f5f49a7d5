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
      {"By Mary Major, Staff Writer", {"Mary Major"}},
      {"By KAREN SMITH", {"KAREN SMITH"}},
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
  EXPECT_FALSE(LooksLikeByline("Dewi Lestari, Kolumnist"));
  // Cue words after white space, in any case; lines opening otherwise.
  EXPECT_TRUE(LooksLikeByline(" \t\nWRITTEN BY Jane Roe"));
  EXPECT_TRUE(LooksLikeByline("KONTRIBUTOR: Budi Santoso"));
  EXPECT_FALSE(LooksLikeByline("  Jane Roe wrote this"));
  EXPECT_FALSE(LooksLikeByline(""));
}

}  // namespace
}  // namespace warta::meta
