#include "nlp/language.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::nlp {
namespace {

struct LanguageCase {
  const char* text;
  const char* declared;
  const char* want;
};

TEST(LanguageTest, DetectsWithHints) {
  const LanguageCase cases[] = {
      {"Pemerintah kota mengatakan bahwa jalan baru itu akan dibuka pada bulan depan karena pekerjaan "
       "sudah hampir selesai dan warga bisa segera menggunakannya untuk pergi ke pasar.",
       "", "id"},
      {"The city council said on Tuesday that the new bridge would open next month because the work "
       "was nearly finished and residents could soon use it to reach the market.",
       "", "en"},
      {"Der Stadtrat sagte am Dienstag, dass die neue Brücke im nächsten Monat eröffnet werde, weil die "
       "Arbeiten fast abgeschlossen seien.",
       "", "de"},
      // Short text: the stopwords and the declared language decide.
      {"Dia tidak datang ke rapat itu.", "id", "id"},
      {"He said it was over.", "", "en"},
      {"Kantor pos.", "id-ID", "id"},
      {"", "en-US", "en"},
      {"", "", ""},
      {"12345 !!!", "", ""},
  };
  for (const LanguageCase& c : cases) EXPECT_EQ(DetectLanguage(c.text, c.declared), c.want) << c.text;
}

TEST(LanguageTest, PrefersIndonesianOverMalayWhenHinted) {
  std::string text =
      "Menteri itu menyampaikan bahwa anggaran tahun ini akan dipakai untuk membangun sekolah di desa "
      "terpencil, karena banyak anak belum bisa belajar dengan layak.";
  EXPECT_EQ(DetectLanguage(text, "id"), "id");
}

// An English article on a page whose later text (comments, a translated
// summary) is in another language: the lead decides. CLD2 alone, reading the
// whole sample, answered with the other language.
TEST(LanguageTest, PlainEnglishLeadDecides) {
  std::string text =
      "The union and the carmaker said on Friday that they had reached a tentative deal to end the "
      "strike, which has lasted six weeks and cost the company more than a billion dollars, and that "
      "workers would vote on it next week. The agreement was welcomed by the governor of the state. ";
  for (int i = 0; i < 40; ++i) {
    text += "Les lecteurs ont longuement discuté de cette affaire dans les commentaires, et plusieurs "
            "d'entre eux estiment que la grève aurait pu être évitée bien plus tôt. ";
  }
  EXPECT_EQ(DetectLanguage(text, "en"), "en");
  EXPECT_EQ(DetectLanguage(text, ""), "en");
  // Another declared language is not overruled by the shortcut.
  EXPECT_EQ(DetectLanguage(text.substr(text.find("Les")), "fr"), "fr");
}

TEST(LanguageTest, InvalidUtf8IsAccepted) {
  std::string bad = "The minister said \xff\xfe that the plan \xc3 would work for everyone in the city.";
  EXPECT_EQ(DetectLanguage(bad, ""), "en");
}

}  // namespace
}  // namespace warta::nlp
