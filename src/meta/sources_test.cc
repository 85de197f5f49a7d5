#include "meta/sources.h"

#include <gtest/gtest.h>

namespace warta::meta {
namespace {

TEST(Sources, FindsCitedOutlets) {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  } cases[] = {
      {"Harga minyak naik tajam, sebagaimana dilansir Reuters.", {"Reuters"}},
      {"Seperti dikutip dari AFP, korban bertambah.", {"AFP"}},
      {"Kabar itu dilansir dari laman resmi Kyodo News, Senin.", {"Kyodo"}},
      {"Melansir Bloomberg, saham turun. Mengutip kantor berita ANTARA, hujan reda.", {"Bloomberg", "Antara"}},
      {"Menurut laporan Tempo, proyek itu molor.", {"Tempo"}},
      {"Hasil survei dilansir Harian Pagi Raya kemarin.", {"Harian Pagi Raya"}},
      {"The plant closed, according to Reuters.", {"Reuters"}},
      {"Two people died, the Associated Press reported.", {"AP"}},
      {"A spokesman told Reuters on Monday.", {"Reuters"}},
      {"WASHINGTON (AP) - Lawmakers met. Officials told The New York Times the deal held.", {"AP", "The New York Times"}},
      {"According to Maria Lopez, the bridge is safe.", {}},
      {"Kata Presiden Joko Widodo, ekonomi tumbuh.", {}},
      {"Amerika Serikat (AS) dan Rusia berunding.", {}},
      {"mengutip pernyataan resmi kementerian.", {}},
      {"dilansir Reuters dan dilansir Reuters lagi.", {"Reuters"}},
      {"Data itu dikutip dari Lembaga Survei Nusantara.", {}},
      {"Data itu dikutip dari Warta.com hari ini.", {"Warta.com"}},
      {"(Reuters) - Prices fell. (Bloomberg)", {"Reuters", "Bloomberg"}},
      // An acronym in brackets that the sentence goes on from spells out a
      // name, not a wire credit; a lower-case agency and its desk are one.
      {"The Democratic Party of Avalon (DPA) won the vote.", {}},
      {"Altdorf (dpa/lby) - Ein Haus brannte.", {"dpa"}},
      // The known agency before generic media words; a capitalised "The"
      // after a cue opens a title; domains and media words make outlets.
      {"AFP News Agency reported the strike.", {"AFP"}},
      {"The mayor told The Valley Ledger on Monday.", {"The Valley Ledger"}},
      {"The Health Ministry reported ten cases.", {}},
      {"according to The Film Reporter, sales rose", {"The Film Reporter"}},
      {"the minister told Kabar.az on Friday", {"Kabar.az"}},
      {"the official told U.S. officials", {}},
      // Cue words: whole words only, ASCII case-blind (a long s is no 's'),
      // a prefix before a media cue.
      {"SEPERTI DILANSIR Reuters, harga naik.", {"Reuters"}},
      {"Ia berkata Reuters salah; katanya Bloomberg juga.", {}},
      {"Harga naik, dilan\u017Fir Reuters.", {}},
      {"((AFP)) (Abcdefghijklmnopq) (AFP", {"AFP"}},
      {"(Reutersx) (R) (reuters)", {"Reuters"}},
      {"Two people died, the Associated Press REPORTED.", {}},
      // kAfter verbs that no capitalised word right before them makes a
      // cue, and ones that do, across tabs, line breaks and punctuation.
      {"The reporters said it was reported widely, as the report shows.", {}},
      {"Prices rose, Reuters reports.", {"Reuters"}},
      {"Prices rose, Reuters\n\treported; AFP reportedly did not.", {"Reuters"}},
      {"Kompas.com menulis hal itu, dan Tempo memberitakannya.", {"Kompas.com"}},
      {"Hal itu, tulis detik.com melaporkan, terjadi Senin; ANTARA melaporkan.", {"Antara"}},
      {"It was Bloomberg's team that wrote it; BLOOMBERG-NEWS wrote too.", {}},
      // The name phrase as the pattern reads it: from the leftmost start, with the
      // most words; inside a run of name bytes, and right after a match.
      {"AP reported Reuters reported.", {"AP"}},
      {"xReuters reported", {"Reuters"}},
      {"Reuters reported.AFP reported", {"Reuters", "AFP"}},
      {"Di Jakarta, Kompas.com\t\tmenulis bahwa", {"Kompas.com"}},
      {"", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(FindCitedSources(c.text), c.want) << c.text;
}

TEST(Sources, OwnOutletAndDatelineCredit) {
  struct Own {
    const char* source;
    const char* site;
    const char* url;
    bool own;
  } own_cases[] = {
      {"KXYZ", "KXYZ Springfield", "https://www.kxyz.example/news/a", true},
      {"Valley News", "Valley News", "https://valley.example/a", true},
      {"Kabar News", "", "https://kabar.go.id/a", true},
      {"Kabar", "Kabar Online", "", true},
      {"Reuters", "Valley News", "https://valley.example/a", false},
      {"CNN", "Kabar CNN Hari Ini", "https://kabarcnn.example/a", false},
      {"", "Valley News", "https://valley.example/a", false},
  };
  for (const Own& c : own_cases) EXPECT_EQ(IsOwnOutlet(c.source, c.site, c.url), c.own) << c.source;
  struct Credit {
    const char* agency;
    const char* source;
  } credits[] = {{"AP", "AP"}, {"dpa/lby", "dpa"}, {"ANTARA", "Antara"}, {"KXYZ", ""}, {"WABC", ""},
                 {"WARTA.com", "WARTA.com"}, {"", ""}};
  for (const Credit& c : credits) EXPECT_EQ(DatelineSource(c.agency), c.source) << c.agency;
}

// Regression (found by meta_fuzz): an after-verb phrase holding line breaks
// ("xz\n\n... W wrote") looped for ever, the word splitter stopping at the
// '\n' without stepping over it.
TEST(Sources, PhraseWithLineBreaksEnds) {
  const std::string text = "&<z tqd=a.xz" + std::string(79, '\n') + " iozz W wrote. Ae & = to";
  EXPECT_TRUE(FindCitedSources(text).empty());
  EXPECT_EQ(FindCitedSources("Two died,\nthe\nAssociated Press reported."), std::vector<std::string>{"AP"});
}

// Cues and verbs are looked for where a word starts, sixteen bytes a
// step: every offset from the text's start and around a step's end, after
// ASCII and non-ASCII bytes, and cut short by the text's end.
TEST(Sources, CuesAtEveryOffset) {
  struct Case {
    const char* lead;
    const char* cue;
    std::vector<std::string> want;
  } cases[] = {
      {" ", "according to Reuters", {"Reuters"}},
      {" ", "Reuters reported", {"Reuters"}},
      {"\u00e9", "told Reuters", {"Reuters"}},  // a non-ASCII byte is no word byte
      {"x", "told Reuters", {}},
      {"_", "Told AFP", {}},
      {" ", "according Reuters", {}},
      {" ", "reported Reuters", {}},
      {" ", "(AFP)", {"AFP"}},
  };
  for (const Case& c : cases) {
    for (size_t offset = 0; offset < 40; ++offset) {
      std::string text = std::string(offset, 'a') + c.lead + c.cue;
      EXPECT_EQ(FindCitedSources(text), c.want) << text;
    }
  }
  for (std::string_view cut : {"according t", "told", "Reuters report", "dilansi"}) {
    EXPECT_TRUE(FindCitedSources(cut).empty()) << cut;
  }
}

TEST(Sources, KnownNamesAndOutletShapes) {
  EXPECT_EQ(KnownSourceName("ANTARA"), "Antara");
  EXPECT_EQ(KnownSourceName("Associated Press"), "AP");
  EXPECT_EQ(KnownSourceName("Budi"), "");
  EXPECT_TRUE(LooksLikeOutlet("Kabar Kota News"));
  EXPECT_TRUE(LooksLikeOutlet("beritaku.co.id"));
  EXPECT_FALSE(LooksLikeOutlet("Joko Widodo"));
}

}  // namespace
}  // namespace warta::meta
