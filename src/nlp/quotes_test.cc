#include "warta/quotes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "base/utf8.h"

namespace warta {
namespace {

// Code point spans back to UTF-8 text.
class Text {
 public:
  explicit Text(const std::string& s) {
    size_t pos = 0;
    while (pos < s.size()) {
      starts_.push_back(pos);
      utf8::Decode(s, &pos);
    }
    starts_.push_back(s.size());
    s_ = s;
  }
  std::string Of(TextSpan sp) const {
    if (sp.empty() || sp.end >= starts_.size()) return "";
    return s_.substr(starts_[sp.begin], starts_[sp.end] - starts_[sp.begin]);
  }
  // The code point span of the first occurrence of `needle`.
  TextSpan Find(const std::string& needle) const {
    size_t b = s_.find(needle);
    if (b == std::string::npos) return {};
    auto cp = [&](size_t byte) {
      return static_cast<uint32_t>(std::lower_bound(starts_.begin(), starts_.end(), byte) - starts_.begin());
    };
    return {cp(b), cp(b + needle.size())};
  }

 private:
  std::string s_;
  std::vector<size_t> starts_;
};

struct Expect {
  std::string content;  // exact content text (English keeps "that", Indonesian drops "bahwa")
  std::string speaker;  // exact speaker mention ("" = none)
  std::string name;     // resolved name
  bool direct;
};

struct Case {
  const char* language;
  std::string text;
  std::vector<Expect> quotes;
};

const Quote* FindContent(const std::vector<Quote>& quotes, const Text& t, const std::string& content) {
  for (const Quote& q : quotes) {
    if (t.Of(q.content) == content) return &q;
  }
  return nullptr;
}

// Every expected quote of `c` is found with its speaker mention and name.
void ExpectQuotes(const Case& c) {
  Text t(c.text);
  std::vector<Quote> quotes = ExtractQuotes(c.text, c.language);
  for (const Expect& e : c.quotes) {
    const Quote* q = FindContent(quotes, t, e.content);
    ASSERT_NE(q, nullptr) << "missing content [" << e.content << "] in: " << c.text;
    EXPECT_EQ(t.Of(q->speaker), e.speaker) << e.content;
    EXPECT_EQ(q->speaker_name, e.name) << e.content;
    EXPECT_EQ(q->direct, e.direct) << e.content;
  }
}

TEST(QuotesTest, TableOfNewsParagraphs) {
  const Case cases[] = {
      {"en",
       "Mayor Linda Okafor said the new tram line would open in March. She added that fares would stay "
       "the same.",
       {{"the new tram line would open in March", "Mayor Linda Okafor", "Linda Okafor", false},
        {"that fares would stay the same", "She", "Linda Okafor", false}}},
      {"en",
       "“We are not done yet,” said Tomas Brandt, the union leader. “The talks go on.”",
       {{"“We are not done yet,”", "Tomas Brandt", "Tomas Brandt", true},
        {"“The talks go on.”", "Tomas Brandt", "Tomas Brandt", true}}},
      {"en",
       "Health officials met on Monday. “The outbreak is contained for now,” Dr. Rosa Lind told reporters. "
       "Lind warned that new cases could appear.",
       {{"“The outbreak is contained for now,”", "Dr. Rosa Lind", "Rosa Lind", true},
        {"that new cases could appear", "Lind", "Rosa Lind", false}}},
      {"en",
       "According to the ministry, exports rose by 4 percent last year.",
       {{"exports rose by 4 percent last year", "the ministry", "the ministry", false}}},
      {"en",
       "Exports rose sharply in the last quarter of the year, the ministry said on Friday.",
       {{"Exports rose sharply in the last quarter of the year", "the ministry", "the ministry", false}}},
      {"en",
       "The council, Ms. Varga said, had ignored the warnings for years.",
       {{"The council", "Ms. Varga", "Varga", false}}},
      {"id",
       "Gubernur Andi Saputra mengatakan bahwa banjir sudah surut. “Warga boleh pulang besok,” ujarnya.",
       {{"banjir sudah surut", "Gubernur Andi Saputra", "Andi Saputra", false},
        {"“Warga boleh pulang besok,”", "nya", "Andi Saputra", true}}},
      {"id",
       "Harga beras naik karena panen terlambat, kata Saputra. Ia menambahkan bahwa stok masih cukup.",
       {{"Harga beras naik karena panen terlambat", "Saputra", "Saputra", false},
        {"stok masih cukup", "Ia", "Saputra", false}}},
      // "Agung" completes "Jaksa Agung" (a title) but opens "Agung Nugraha"
      // (a given name).
      {"id",
       "Kepala Dinas Pendidikan Agung Nugraha mengatakan bahwa sekolah dibuka lagi.",
       {{"sekolah dibuka lagi", "Kepala Dinas Pendidikan Agung Nugraha", "Agung Nugraha", false}}},
      {"id",
       "“Kasus ini kami tutup,” kata Jaksa Agung Rudi Santoso.",
       {{"“Kasus ini kami tutup,”", "Jaksa Agung Rudi Santoso", "Rudi Santoso", true}}},
      {"id",
       "Menurut Dewi Lestari, program itu akan dilanjutkan tahun depan.",
       {{"program itu akan dilanjutkan tahun depan", "Dewi Lestari", "Dewi Lestari", false}}},
      {"id",
       "Kepala dinas, Rudi Hartono, mengatakan, “Kami sudah siap. Semua petugas sudah dikerahkan.”\n\n"
       "“Kami juga menyiapkan tenda darurat.”",
       {{"“Kami sudah siap. Semua petugas sudah dikerahkan.”", "Rudi Hartono", "Rudi Hartono", true},
        {"“Kami juga menyiapkan tenda darurat.”", "Rudi Hartono", "Rudi Hartono", true}}},
      // A quote running over two paragraphs: the first does not close.
      {"en",
       "Coach Mia Torres said: “We trained hard all winter.\n\n“Now the games begin.”",
       {{"“We trained hard all winter.\n\n“Now the games begin.”", "Coach Mia Torres", "Mia Torres", true}}},
      {"en",
       "''We have to move fast,'' Mr. Kell said.",
       {{"''We have to move fast,''", "Mr. Kell", "Kell", true}}},
      {"en",
       "HARTLEY: We are not going to raise taxes this year.",
       {{"We are not going to raise taxes this year", "HARTLEY", "HARTLEY", false}}},
      {"en",
       "In the north, according to the weather service, snow will fall until Friday.",
       {{"In the north", "the weather service", "the weather service", false},
        {"snow will fall until Friday", "the weather service", "the weather service", false}}},
      {"en",
       "Asked whether she would run again, the senator smiled.",
       {{"whether she would run again", "", "", false}}},
      {"en",
       "The award went to Paula Young, who said the school would reopen.",
       {{"the school would reopen", "who", "Paula Young", false}}},
      {"en",
       "The plan was endorsed by the council. Residents were asked of their views.",
       {}},
      // Kompas style: ” opens as well as closes; positions and acronyms are no
      // name, a rank is ("Letjen Suharyanto").
      {"id",
       "\u201DKami siap membantu warga,\u201D kata Kepala BNPB Letjen Suharyanto di Jakarta. "
       "Menteri Keuangan Sri Mulyani Indrawati menegaskan, defisit anggaran tetap terjaga.\n\n"
       "Wakil Ketua DPR Andi Malaka menilai kebijakan itu tepat.\n\n\u201CKita tunggu hasilnya,\u201D tutur Andi.",
       {{"\u201DKami siap membantu warga,\u201D", "Kepala BNPB Letjen Suharyanto", "Letjen Suharyanto", true},
        {"defisit anggaran tetap terjaga", "Menteri Keuangan Sri Mulyani Indrawati", "Sri Mulyani Indrawati", false},
        {"\u201CKita tunggu hasilnya,\u201D", "Andi", "Andi Malaka", true}}},
      {"id",
       "JAKARTA, KOMPAS \u2014 Harga cabai naik tajam pekan ini, kata Rudi Hartono.",
       {{"Harga cabai naik tajam pekan ini", "Rudi Hartono", "Rudi Hartono", false}}},
      {"en",
       "In a new survey, most residents back the park plan.",
       {{"most residents back the park plan", "a new survey", "a new survey", false}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

// What follows an English speech verb after the quote is a place, time,
// manner or addressee, not the speaker: the speaker is the subject before it.
TEST(QuotesTest, SpeakerBeforeTheVerbWhenAdjunctsFollow) {
  const Case cases[] = {
      {"en",
       "\u201CThe budget is balanced,\u201D Ana Ruiz, the city treasurer, said in a statement.",
       {{"\u201CThe budget is balanced,\u201D", "Ana Ruiz", "Ana Ruiz", true}}},
      {"en",
       "\u201CIt was a long night,\u201D Gov. Carl Dunn said by telephone.",
       {{"\u201CIt was a long night,\u201D", "Gov. Carl Dunn", "Carl Dunn", true}}},
      {"en",
       "\u201CShe never gave up,\u201D Mr. Hale said of his sister.",
       {{"\u201CShe never gave up,\u201D", "Mr. Hale", "Hale", true}}},
      {"en",
       "\u201CWe will appeal,\u201D Ruth Obi, a lawyer for the family, told the Daily Courier.",
       {{"\u201CWe will appeal,\u201D", "Ruth Obi", "Ruth Obi", true}}},
      {"en",
       "\u201CPrices will fall,\u201D Sam Cole said Tuesday on WKRN\u2019s \u201CMorning Desk.\u201D",
       {{"\u201CPrices will fall,\u201D", "Sam Cole", "Sam Cole", true}}},
      {"en",
       "\u201CThat is not how it works,\u201D the coach barked. Mayor Ana Ruiz continued:\n\n"
       "\u201CWe will rebuild every home.\u201D",
       {{"\u201CThat is not how it works,\u201D", "the coach", "the coach", true},
        {"\u201CWe will rebuild every home.\u201D", "Mayor Ana Ruiz", "Ana Ruiz", true}}},
      // A participle or a second verb takes the subject of its clause, past
      // the phrases that open the sentence.
      {"en",
       "Speaking at a rally in Dover, Delaware, Senator Ana Ruiz defended the tax plan, adding that it would "
       "help small farms.",
       {{"that it would help small farms", "Senator Ana Ruiz", "Ana Ruiz", false}}},
      {"en",
       "Earlier Tuesday, the governor visited a school and said that classes would resume.",
       {{"that classes would resume", "the governor", "the governor", false}}},
      {"en",
       "It was a long night, but Senator Ana Ruiz stayed late, adding that the bill would pass.",
       {{"that the bill would pass", "Senator Ana Ruiz", "Ana Ruiz", false}}},
      {"en",
       "Mayor Tom Beck said the meeting was over. Instead, he went home and said that the vote was rigged.",
       {{"that the vote was rigged", "he", "Tom Beck", false}}},
      {"en",
       "Mayor Tom Beck said the meeting was over. He didn't say that the vote was rigged.",
       {{"that the vote was rigged", "He", "Tom Beck", false}}},
      {"en",
       "According to Ana Ruiz of the city council, the budget is balanced.",
       {{"the budget is balanced", "Ana Ruiz", "Ana Ruiz", false}}},
      {"en",
       "\u201CWe are not done,\u201D Ana Ruiz elaborated.",
       {{"\u201CWe are not done,\u201D", "Ana Ruiz", "Ana Ruiz", true}}},
      {"en",
       "Mayor Ana Ruiz said the budget was balanced.\n\n\u201CWe cut waste everywhere.\u201D",
       {{"\u201CWe cut waste everywhere.\u201D", "Mayor Ana Ruiz", "Ana Ruiz", true}}},
      // Still passive: the subject is not the source.
      {"en", "The levy, first proposed by the mayor, was approved on Monday.", {}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

// Later mentions by the family name, the first name or the first two words
// of a three-word name resolve to the whole name.
TEST(QuotesTest, ShortFormsResolveToTheFullName) {
  const std::string intro = "Menteri Keuangan Rina Sari Wulandari meninjau pasar induk pagi ini. ";
  const Case cases[] = {
      {"id", intro + "\u201CHarga stabil,\u201D kata Rina Sari.",
       {{"\u201CHarga stabil,\u201D", "Rina Sari", "Rina Sari Wulandari", true}}},
      {"id", intro + "\u201CHarga stabil,\u201D kata Wulandari.",
       {{"\u201CHarga stabil,\u201D", "Wulandari", "Rina Sari Wulandari", true}}},
      {"id", intro + "\u201CHarga stabil,\u201D kata Rina.",
       {{"\u201CHarga stabil,\u201D", "Rina", "Rina Sari Wulandari", true}}},
      // Two other words are another person.
      {"id", intro + "\u201CHarga stabil,\u201D kata Sari Wulandari.",
       {{"\u201CHarga stabil,\u201D", "Sari Wulandari", "Sari Wulandari", true}}},
      // The title alone comes back for the person who holds it.
      {"id", "Gubernur Rina Sari Wulandari meninjau pasar. \u201CHarga stabil,\u201D tutur Gubernur.",
       {{"\u201CHarga stabil,\u201D", "Gubernur", "Rina Sari Wulandari", true}}},
      // A name read out of a long title run as a speaker comes back by one word.
      {"id",
       "Ketua Yayasan Masjid Raya Kalimaya Kiagus Rahmat Santosa mengatakan, salat digelar di lapangan. "
       "\u201CJemaah wajib membawa sajadah,\u201D kata Santosa.",
       {{"salat digelar di lapangan", "Ketua Yayasan Masjid Raya Kalimaya Kiagus Rahmat Santosa", "Rahmat Santosa",
         false},
        {"\u201CJemaah wajib membawa sajadah,\u201D", "Santosa", "Rahmat Santosa", true}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

// "Menurut" opening the sentence is no part of the name learnt there,
// whichever short form names the speaker later; a name that opens with a
// word spelt like another cue ("Said") keeps it.
TEST(QuotesTest, SentenceOpeningCueIsNoName) {
  const std::string intro = "Menurut Ade Saputra, layanan itu dipesan dua kali pekan lalu. ";
  const Case cases[] = {
      {"id", intro + "\u201CKami sudah lapor,\u201D kata Saputra.",
       {{"\u201CKami sudah lapor,\u201D", "Saputra", "Ade Saputra", true}}},
      {"id", intro + "\u201CKami sudah lapor,\u201D kata Ade.",
       {{"\u201CKami sudah lapor,\u201D", "Ade", "Ade Saputra", true}}},
      {"id", "Said Hamdan Yusuf memimpin rapat warga pagi ini di balai desa. \u201CPanen melimpah,\u201D kata Yusuf.",
       {{"\u201CPanen melimpah,\u201D", "Yusuf", "Said Hamdan Yusuf", true}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

// A time or place adjunct between the speaker and the verb ("X, Selasa,
// mengatakan", "X saat ditemui di Y, mengatakan", a bracketed date) is no
// part of the speaker.
TEST(QuotesTest, AdjunctBetweenSpeakerAndVerb) {
  const Case cases[] = {
      {"id", "Ketua koperasi Wati Anggraini, Selasa, mengatakan, simpanan anggota naik.",
       {{"simpanan anggota naik", "Ketua koperasi Wati Anggraini", "Wati Anggraini", false}}},
      {"id", "Ketua koperasi Wati Anggraini saat ditemui di Kalimaya, Selasa (3/2/2021), mengatakan, simpanan naik.",
       {{"simpanan naik", "Ketua koperasi Wati Anggraini", "Wati Anggraini", false}}},
      {"id", "Ketua koperasi Wati Anggraini, saat dihubungi Rabu (4/2/2021), menyatakan, simpanan naik.",
       {{"simpanan naik", "Ketua koperasi Wati Anggraini", "Wati Anggraini", false}}},
      {"id", "Ketua koperasi Wati Anggraini, Minggu (7/2/2021) menyatakan, simpanan naik.",
       {{"simpanan naik", "Ketua koperasi Wati Anggraini", "Wati Anggraini", false}}},
      {"id", "Ketua koperasi, Wati Anggraini, dihubungi dari Kalimaya, Selasa (9/2/2021), mengatakan, simpanan naik.",
       {{"simpanan naik", "Wati Anggraini", "Wati Anggraini", false}}},
      {"en", "Yesterday, the group, which met in Ohio, said it would appeal.",
       {{"it would appeal", "the group", "the group", false}}},
      {"id", "Ketua koperasi Wati Anggraini dalam rapat anggota menjelaskan, simpanan naik.",
       {{"simpanan naik", "Ketua koperasi Wati Anggraini", "Wati Anggraini", false}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

// A speaker behind a long Indonesian title, before or after the verb.
TEST(QuotesTest, LongTitleBeforeTheName) {
  const std::string title = "Kepala Seksi Pengendalian Hama Dinas Pertanian dan Perkebunan Kabupaten Kalimaya";
  const Case cases[] = {
      {"id", "\u201CPanen aman,\u201D kata " + title + " Tono Hariadi.",
       {{"\u201CPanen aman,\u201D", title + " Tono Hariadi", "Tono Hariadi", true}}},
      {"id", title + " Tono Hariadi mengatakan, panen aman.",
       {{"panen aman", title + " Tono Hariadi", "Tono Hariadi", false}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

// The fields of ministries and offices in an Indonesian title ("Menteri
// Pariwisata", "Kepala Biro Humas") and the word that ends an institution's
// name ("Tbk", "University") are no part of a three-word name.
TEST(QuotesTest, OfficeFieldsAreTitle) {
  const Case cases[] = {
      {"id", "Direktur PT Sinar Laut Tbk Sinta Dewi Larasati mengatakan, kapal baru tiba.",
       {{"kapal baru tiba", "Direktur PT Sinar Laut Tbk Sinta Dewi Larasati", "Sinta Dewi Larasati", false}}},
      {"en", "Kalimaya University Professor Sinta Dewi Larasati said the study was small.",
       {{"the study was small", "Kalimaya University Professor Sinta Dewi Larasati", "Sinta Dewi Larasati", false}}},
      {"id", "Kepala Biro Humas Sinta Dewi Larasati mengatakan, gedung itu dibuka lagi.",
       {{"gedung itu dibuka lagi", "Kepala Biro Humas Sinta Dewi Larasati", "Sinta Dewi Larasati", false}}},
      {"id",
       "Menteri Pariwisata Rina Sari Wulandari meninjau bandara pagi ini bersama rombongan. "
       "\u201CBandara siap,\u201D kata Rina Sari.",
       {{"\u201CBandara siap,\u201D", "Rina Sari", "Rina Sari Wulandari", true}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

// "Hal itu disampaikan X": a passive cue after a pointer that opens the
// sentence takes the sentence before, in the same paragraph, as content.
TEST(QuotesTest, PointerSentenceTakesTheSentenceBefore) {
  const Case cases[] = {
      {"id", "Jembatan itu ditutup sampai pekan depan. Hal itu disampaikan Kepala Dinas Tono Hariadi, Senin.",
       {{"Jembatan itu ditutup sampai pekan depan", "Kepala Dinas Tono Hariadi", "Tono Hariadi", false}}},
      {"id", "\u201CKami menunggu hasil uji.\u201D Hal senada diutarakan Ketua RT Wati Anggraini.",
       {{"\u201CKami menunggu hasil uji.\u201D", "Ketua RT Wati Anggraini", "Wati Anggraini", true}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
  // Across a paragraph break the pointer points at nothing quoted here.
  std::vector<Quote> none = ExtractQuotes("Jembatan itu ditutup sampai pekan depan.\n\nHal itu disampaikan Tono.", "id");
  EXPECT_TRUE(none.empty());
}

// An acronym in brackets inside a title ("Komite Nasional (KNS)") does not
// end the speaker: the name after it is; a party tag after a name is no name.
TEST(QuotesTest, BracketedAcronymInsideTheTitle) {
  const Case cases[] = {
      {"id", "Menurut Ketua Komite Nasional (KNS) Soerjo Wibowo, penyelaman dimulai Senin.",
       {{"penyelaman dimulai Senin", "Ketua Komite Nasional (KNS) Soerjo Wibowo", "Soerjo Wibowo", false}}},
      {"id", "\u201CDatanya sudah lengkap,\u201D kata Kepala Badan Statistik (BS) Tono Hariadi.",
       {{"\u201CDatanya sudah lengkap,\u201D", "Kepala Badan Statistik (BS) Tono Hariadi", "Tono Hariadi", true}}},
      {"en", "\u201CWe will win,\u201D said Rep. Hank Jansen (D-Ga.).",
       {{"\u201CWe will win,\u201D", "Rep. Hank Jansen", "Hank Jansen", true}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

// Indonesian police and military ranks and the titles "dr" and "Prof" stay
// with the name; positions in front ("Kepala", "Sekretaris Jenderal") do not.
// A later short mention comes back as the whole name, rank included.
TEST(QuotesTest, RankStaysWithTheName) {
  const Case cases[] = {
      {"id",
       "Kepala Bidang Humas Polda Komisaris Besar Hendra Wijaya mengatakan, jalan itu ditutup.",
       {{"jalan itu ditutup", "Kepala Bidang Humas Polda Komisaris Besar Hendra Wijaya",
         "Komisaris Besar Hendra Wijaya", false}}},
      {"id",
       "Kapolres Brigjen Sari Utami datang pagi itu. “Kami siaga,” kata Sari.",
       {{"“Kami siaga,”", "Sari", "Brigjen Sari Utami", true}}},
      {"id",
       "“Stok obat aman,” ujar Direktur rumah sakit dr Lina Marpaung.",
       {{"“Stok obat aman,”", "Direktur rumah sakit dr Lina Marpaung", "dr Lina Marpaung", true}}},
      {"id", "Kepala Polda Brigadir Jenderal (Pol) Hendra Wijaya mengatakan, jalan itu ditutup.",
       {{"jalan itu ditutup", "Hendra Wijaya", "Brigadir Jenderal (Pol) Hendra Wijaya", false}}},
      {"id",
       "Komandan Laksda TNI Hendra Wijaya memimpin pencarian sejak pagi tadi di laut. "
       "\u201CCuaca buruk,\u201D kata Hendra.",
       {{"\u201CCuaca buruk,\u201D", "Hendra", "Laksda TNI Hendra Wijaya", true}}},
      {"id",
       "Sekretaris Jenderal Rudi Pranata mengatakan, rapat ditunda.",
       {{"rapat ditunda", "Sekretaris Jenderal Rudi Pranata", "Rudi Pranata", false}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

// A word the text uses as a place ("di Kalimaya", "warga Kalimaya") is no
// part of the name a role phrase runs into; without such a use a three-word
// name stays whole.
TEST(QuotesTest, PlaceWordsOfTheTextLeaveTheName) {
  const Case cases[] = {
      {"id",
       "Banjir melanda rumah di Kalimaya. Kepala Dinas Sosial Kalimaya Tono Hariadi mengatakan, bantuan sudah "
       "dikirim.",
       {{"bantuan sudah dikirim", "Kepala Dinas Sosial Kalimaya Tono Hariadi", "Tono Hariadi", false}}},
      {"id",
       "Ketua Pemuda Kalimaya Tono Hariadi mengatakan, panen tahun ini melimpah. Warga Kalimaya bersyukur.",
       {{"panen tahun ini melimpah", "Ketua Pemuda Kalimaya Tono Hariadi", "Tono Hariadi", false}}},
      {"id",
       "Ketua panitia Sinta Dewi Larasati mengatakan, acara dimulai pukul delapan.",
       {{"acara dimulai pukul delapan", "Ketua panitia Sinta Dewi Larasati", "Sinta Dewi Larasati", false}}},
      // One-word names: a place, an acronym or a title right before the last
      // word is no part of the name.
      {"id",
       "Jalan di Kalimaya rusak. Ketua Karang Taruna Kalimaya Suparno mengatakan, perbaikan dimulai besok.",
       {{"perbaikan dimulai besok", "Ketua Karang Taruna Kalimaya Suparno", "Suparno", false}}},
      {"id",
       "Juru Bicara Humas BPBD Wiratmo mengatakan, air mulai surut.",
       {{"air mulai surut", "Juru Bicara Humas BPBD Wiratmo", "Wiratmo", false}}},
      // "Kota X" names a city, "Wali Kota X" a mayor.
      {"id",
       "Banjir melanda Kota Larantuka. Ketua KPU Larantuka Noor Hamid mengatakan, pemilihan tetap digelar.",
       {{"pemilihan tetap digelar", "Ketua KPU Larantuka Noor Hamid", "Noor Hamid", false}}},
      {"id",
       "Wali Kota Sinta Dewi meninjau pasar. Ketua DPRD Sinta Dewi Larasati mengatakan, anggaran cukup.",
       {{"anggaran cukup", "Ketua DPRD Sinta Dewi Larasati", "Sinta Dewi Larasati", false}}},
      {"id",
       "Gubernur Sulteng Rusdi Hamzah mengatakan, sekolah dibuka kembali.",
       {{"sekolah dibuka kembali", "Gubernur Sulteng Rusdi Hamzah", "Rusdi Hamzah", false}}},
      {"en",
       "Senate Democrat Leader Haskins said the vote would wait.",
       {{"the vote would wait", "Senate Democrat Leader Haskins", "Haskins", false}}},
  };
  for (const Case& c : cases) ExpectQuotes(c);
}

TEST(QuotesTest, MentionsNameTheSpeaker) {
  std::string text = "Kepala Dinas Kesehatan Kota Budi Santoso mengatakan bahwa vaksin sudah tiba.";
  Text t(text);
  TextSpan name = t.Find("Budi Santoso");
  std::vector<Quote> plain = ExtractQuotes(text, "id");
  std::vector<Quote> named = ExtractQuotes(text, "id", {{name, "PER"}});
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].speaker_name, "Budi Santoso");
  EXPECT_EQ(t.Of(named[0].content), "vaksin sudah tiba");
}

// A person mention that takes in the title or a place of the text in front
// gives the name without them.
// A tagger that reads the title, the company and the name as one
// organisation does not hide the person: "-nya" still finds the name.
TEST(QuotesTest, NameAfterTheInstitutionIsAPerson) {
  std::string text =
      "Direktur PT Bank Sentosa Tbk Hendra Wijaya mengatakan, kredit naik. \u201CKami optimistis,\u201D ujarnya.";
  Text t(text);
  TextSpan org = t.Find("PT Bank Sentosa Tbk Hendra Wijaya");
  std::vector<Quote> quotes = ExtractQuotes(text, "id", {{org, "ORG"}});
  const Quote* q = FindContent(quotes, t, "\u201CKami optimistis,\u201D");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker_name, "Hendra Wijaya");
}

TEST(QuotesTest, MentionLosesTitleAndPlace) {
  struct Row {
    std::string text, mention, name;
  };
  const Row rows[] = {
      {"Bupati Tono Hariadi mengatakan, jalan desa diperbaiki.", "Bupati Tono Hariadi", "Tono Hariadi"},
      {"Warga di Kalimaya mengungsi. Kepala Dinas Sosial Kalimaya Tono Hariadi mengatakan, bantuan dikirim.",
       "Kalimaya Tono Hariadi", "Tono Hariadi"},
      {"Ketua panitia Sinta Dewi Larasati mengatakan, acara dimulai.", "Sinta Dewi Larasati",
       "Sinta Dewi Larasati"},
  };
  for (const Row& r : rows) {
    Text t(r.text);
    TextSpan span = t.Find(r.mention);
    std::vector<Quote> quotes = ExtractQuotes(r.text, "id", {{span, "PER"}});
    ASSERT_EQ(quotes.size(), 1u) << r.text;
    EXPECT_EQ(quotes[0].speaker_name, r.name) << r.text;
  }
}

// A phrase that ends in a common noun describes the speaker: the capitalised
// words in it are not the speaker's name, nor is a person's name that owns
// the noun. A name before "selaku" (as) still names the speaker, an acronym
// in brackets that ends the phrase names the institution, and an aspect
// word before the verb ("mulai") is no part of the speaker.
TEST(QuotesTest, SpeakerNameOfAPhrase) {
  struct Row {
    const char* language;
    std::string text, person, name;  // person: a PER mention given to the extractor ("" = none)
  };
  const Row rows[] = {
      {"en", "The union said it would not return to the table.", "", "The union"},
      {"en", "Shipping analysts warned that delays could spread.", "", "Shipping analysts"},
      {"en", "A City Hall official said the bridge would reopen.", "", "A City Hall official"},
      {"en", "Marek Hollis's lawyer said the appeal was filed.", "Marek Hollis", "Marek Hollis's lawyer"},
      {"en", "Senator Marek Hollis said the appeal was filed.", "Marek Hollis", "Marek Hollis"},
      {"id", "Ketua RT setempat mengatakan, jalan itu ditutup.", "", "Ketua RT setempat"},
      {"id", "Tono selaku ketua panitia mengatakan, acara dimulai.", "", "Tono"},
      {"id", "Badan Cuaca dan Geologi (BCG) memperkirakan hujan turun hingga Jumat.", "", "BCG"},
      {"id", "Sebagian warga mulai mengeluhkan bahwa air sumur berbau.", "", "Sebagian warga"},
  };
  for (const Row& r : rows) {
    Text t(r.text);
    std::vector<EntityMention> mentions;
    if (!r.person.empty()) mentions.push_back({t.Find(r.person), "PER"});
    std::vector<Quote> quotes = ExtractQuotes(r.text, r.language, mentions);
    ASSERT_EQ(quotes.size(), 1u) << r.text;
    EXPECT_EQ(quotes[0].speaker_name, r.name) << r.text;
  }
}

TEST(QuotesTest, LongRunOnInputStaysFast) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "he said \u201Ca b c d e,\u201D said Bob, according to Ann, kata Budi ";
  std::vector<Quote> quotes = ExtractQuotes(text, "en");
  EXPECT_LE(quotes.size(), text.size());
}

TEST(QuotesTest, InterruptedQuoteIsOneGroup) {
  std::string text = "“The budget is tight,” Finance Minister Ana Ruiz said. “But we will manage.”";
  std::vector<Quote> quotes = ExtractQuotes(text, "en");
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].group, quotes[1].group);
  EXPECT_EQ(quotes[1].speaker_name, "Ana Ruiz");
}

TEST(QuotesTest, ScareQuotesAndSourcesAreNotQuotes) {
  const char* texts[] = {
      "The so-called “reform” was dropped.",
      "Seperti dilansir Reuters, harga minyak naik.",
      "Nobody spoke.",
  };
  for (const char* text : texts) EXPECT_TRUE(ExtractQuotes(text, "en").empty()) << text;
}

TEST(QuotesTest, GuillemetsAndLowQuotesPair) {
  std::string text = "„Wir bleiben hier und kämpfen weiter“, sagte sie. «Nous partons demain matin», dit-il.";
  Text t(text);
  std::vector<Quote> quotes = ExtractQuotes(text, "de");
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(t.Of(quotes[0].content), "„Wir bleiben hier und kämpfen weiter“");
  EXPECT_EQ(t.Of(quotes[1].content), "«Nous partons demain matin»");
}

TEST(QuotesTest, BadInputDoesNotCrash) {
  const std::string inputs[] = {"", "“", "”", "\"", "“““““", std::string(10000, '"'), "said said said",
                                ", kata", "according to", "\xff\xfe“x”\xc3", std::string(3000, '\n') + "“a"};
  for (const std::string& in : inputs) {
    for (const Quote& q : ExtractQuotes(in, "en")) EXPECT_LE(q.content.begin, q.content.end);
  }
}

// The seed page: how many of its expected quotes come out with the right
// speaker. The page is read from ../shared at run time, never copied here.
TEST(QuotesTest, SeedPage) {
  std::string dir = std::string(WARTA_SHARED_DIR) + "/seed/";
  std::ifstream page(dir + "000_6048a3ee0c389edb.txt"), expected(dir + "expected.json");
  if (!page || !expected) GTEST_SKIP() << "seed page not found under " << dir;
  std::stringstream buf;
  buf << page.rdbuf();
  std::string text = buf.str();
  nlohmann::json want = nlohmann::json::parse(expected, nullptr, false);
  ASSERT_FALSE(want.is_discarded());
  Text t(text);
  std::vector<Quote> quotes = ExtractQuotes(text, "id");
  int found = 0, total = 0;
  for (const auto& e : want["quotes"]) {
    ++total;
    TextSpan gold = t.Find(e["text"].get<std::string>());
    std::vector<std::string> names = {e["speaker"].get<std::string>()};
    for (const auto& a : e.value("accept_speakers", nlohmann::json::array())) names.push_back(a.get<std::string>());
    bool ok = false;
    for (const Quote& q : quotes) {
      uint32_t lo = std::max(q.content.begin, gold.begin), hi = std::min(q.content.end, gold.end);
      uint32_t inter = hi > lo ? hi - lo : 0;
      uint32_t uni = std::max(q.content.end, gold.end) - std::min(q.content.begin, gold.begin);
      if (gold.empty() || inter * 2 < uni) continue;
      for (const std::string& n : names) ok = ok || q.speaker_name == n;
    }
    if (!ok) ADD_FAILURE() << "seed quote not found: " << e["text"].get<std::string>();
    found += ok;
  }
  std::printf("seed quotes found with the right speaker: %d of %d\n", found, total);
  EXPECT_GE(found, 12);
}

}  // namespace
}  // namespace warta
