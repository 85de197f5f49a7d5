#include "extract/text_page.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "warta/input.h"

namespace warta::extract {
namespace {

// A page in the shape of a copied Indonesian news page; every sentence is
// invented for this test.
constexpr char kIndonesianPage[] =
    "Kabar Harian\n"
    "Jembatan Gantung Baru di Lembah Hijau Resmi Dibuka untuk Warga Desa\n"
    "\n"
    "Dewi Anggraini, Jurnalis\n"
    "Kamis 14 Agustus 2025 08:15 WITA\n"
    "Warga melintasi jembatan gantung di Lembah Hijau, 13 Agustus 2025. (Foto: Dok. Pemkab)\n"
    "Share :\n"
    "\n"
    "MAKASSAR \xE2\x80\x93 Pemerintah kabupaten meresmikan jembatan gantung sepanjang 120 meter yang "
    "menghubungkan dua desa di Lembah Hijau pada Kamis pagi.\n"
    "\n"
    "Baca juga: Harga Pupuk Turun Menjelang Musim Tanam\n"
    "\n"
    "Kepala dinas pekerjaan umum mengatakan jembatan itu dibangun dalam enam bulan, seperti dilansir "
    "Antara.\n"
    "\xC2\xA0\n"
    "\xE2\x80\x9C" "Anak-anak kini tidak perlu menyeberang sungai lagi,\xE2\x80\x9D kata seorang warga.\n"
    "\n"
    "Ia berharap jembatan itu dirawat dengan baik.\n"
    "\n"
    "(Dewi Anggraini)\n"
    "\n"
    "Halaman:\n"
    "Share :\n"
    "Follow WhatsApp Channel Kabarharian untuk berita terbaru\n"
    "Topik Artikel :\n"
    "Berita Terkait\n"
    "Jalan Desa Diperbaiki Setelah Banjir Besar Melanda Kawasan Itu Pekan Lalu Menurut Warga Setempat\n"
    "Terpopuler\n";

TEST(TextPage, ReadsAnIndonesianPage) {
  Record r = ReadTextPage(kIndonesianPage, "fixture.txt");
  EXPECT_EQ(r.title, "Jembatan Gantung Baru di Lembah Hijau Resmi Dibuka untuk Warga Desa");
  EXPECT_EQ(r.authors, std::vector<std::string>{"Dewi Anggraini"});
  EXPECT_EQ(r.published, "2025-08-14T08:15:00+08:00");
  EXPECT_EQ(r.published_utc, "2025-08-14T00:15:00Z");
  EXPECT_EQ(r.language, "id");
  EXPECT_EQ(r.site_name, "Kabarharian");
  EXPECT_EQ(r.dateline, "MAKASSAR");
  ASSERT_EQ(r.images.size(), 1u);
  EXPECT_EQ(r.images[0].caption, "Warga melintasi jembatan gantung di Lembah Hijau, 13 Agustus 2025.");
  EXPECT_EQ(r.images[0].credit, "Dok. Pemkab");
  EXPECT_EQ(r.sources_cited, std::vector<std::string>{"Antara"});
  ASSERT_EQ(r.paragraphs.size(), 4u);
  EXPECT_EQ(r.paragraphs[3], "Ia berharap jembatan itu dirawat dengan baik.");
  EXPECT_EQ(r.text.find("Baca juga"), std::string::npos);
  EXPECT_EQ(r.text.find("Jalan Desa"), std::string::npos);
  EXPECT_GT(r.word_count, 40);
}

constexpr char kEnglishPage[] =
    "Harbor Town Votes to Expand Ferry Service After Long Debate\n"
    "By Laura Chen and Mark Osei\n"
    "December 3, 2025 at 10:43 a.m. EST\n"
    "Passengers board the morning ferry. Photo: Sam Ortiz\n"
    "PORTVILLE \xE2\x80\x94 The council approved two new routes on Tuesday, according to Reuters.\n"
    "Officials said the boats would run every hour from spring, the Associated Press reported.\n"
    "Read more: City budget passes\n"
    "Related Articles\n"
    "A different story about something else entirely that should not be read here.\n";

TEST(TextPage, ReadsAnEnglishPage) {
  Record r = ReadTextPage(kEnglishPage, "https://www.harbortimes.example.com/2025/12/03/ferry");
  EXPECT_EQ(r.title, "Harbor Town Votes to Expand Ferry Service After Long Debate");
  EXPECT_EQ(r.authors, (std::vector<std::string>{"Laura Chen", "Mark Osei"}));
  EXPECT_EQ(r.published, "2025-12-03T10:43:00-05:00");
  EXPECT_EQ(r.published_utc, "2025-12-03T15:43:00Z");
  EXPECT_EQ(r.language, "en");
  EXPECT_EQ(r.site_name, "harbortimes.example.com");
  EXPECT_EQ(r.dateline, "PORTVILLE");
  ASSERT_EQ(r.images.size(), 1u);
  EXPECT_EQ(r.images[0].credit, "Sam Ortiz");
  EXPECT_EQ(r.sources_cited, (std::vector<std::string>{"Reuters", "AP"}));
  EXPECT_EQ(r.paragraphs.size(), 2u);
}

// Another layout: breadcrumbs above the title, the outlet and date on one
// line, "Penulis | Editor", a caption with its credit on the next line, the
// outlet named in the dateline, promotional lines after the body.
constexpr char kSecondLayout[] =
    "Beranda\n"
    "Ekonomi\n"
    "Pemerintah Tambah Kuota Pupuk Bersubsidi untuk Musim Tanam\n"
    "Wartaku.com - 04/12/2025, 14:20 WIB\n"
    "Penulis: Sari Dewanti | Editor: Bambang Purwo\n"
    "Ilustrasi petani menanam padi.\n"
    "WARTAKU.com/ANDI\n"
    "JAKARTA, WARTAKU.com - Pemerintah menambah kuota pupuk bersubsidi sebanyak 500.000 ton untuk musim "
    "tanam tahun depan, kata menteri dalam jumpa pers, Kamis.\n"
    "Menurut dia, tambahan itu diberikan karena permintaan meningkat di sejumlah daerah.\n"
    "Baca juga: Harga Gabah Turun di Tingkat Petani\n"
    "\"Kami ingin petani tidak kesulitan,\" ujarnya, seperti dikutip dari Antara.\n"
    "Simak berita pilihan kami langsung di ponselmu.\n"
    "Copyright 2008 - 2025 PT Wartaku Media. All Rights Reserved.\n";

TEST(TextPage, ReadsASecondLayout) {
  Record r = ReadTextPage(kSecondLayout, "page.txt");
  EXPECT_EQ(r.title, "Pemerintah Tambah Kuota Pupuk Bersubsidi untuk Musim Tanam");
  EXPECT_EQ(r.authors, std::vector<std::string>{"Sari Dewanti"});
  EXPECT_EQ(r.published, "2025-12-04T14:20:00+07:00");
  EXPECT_EQ(r.site_name, "WARTAKU.com");
  EXPECT_EQ(r.dateline, "JAKARTA");
  ASSERT_EQ(r.images.size(), 1u);
  EXPECT_EQ(r.images[0].caption, "Ilustrasi petani menanam padi.");
  EXPECT_EQ(r.images[0].credit, "WARTAKU.com/ANDI");
  EXPECT_EQ(r.sources_cited, std::vector<std::string>{"Antara"});
  EXPECT_EQ(r.paragraphs.size(), 3u);
}

// A page copied from a fixed-width view: paragraphs hard-wrapped, a blank
// line between them. Wrapped lines join, also before a capital ("Mayor Ines
// / Okafor") when the line had no room left for the next word; the title,
// the byline and the date line, short lines with room to spare, keep their
// own.
TEST(TextPage, JoinsHardWrappedParagraphs) {
  constexpr char kWrapped[] =
      "Harbor Board Delays Vote on New Ferry Terminal Until After the Audit\n"
      "By Laura Chen\n"
      "Tuesday, 3 March 2026\n"
      "\n"
      "PORTVILLE - The harbor board put off a vote on the new ferry terminal\n"
      "on Tuesday after residents asked for more time to study the plan and\n"
      "its cost to the town.\n"
      "\n"
      "Board members said they would meet again in two weeks, when engineers\n"
      "are expected to present a revised budget for the project to Mayor Ines\n"
      "Okafor and the town council, which has the final word on the terminal.\n";
  Record r = ReadTextPage(kWrapped, "wrapped.txt");
  EXPECT_EQ(r.title, "Harbor Board Delays Vote on New Ferry Terminal Until After the Audit");
  ASSERT_EQ(r.paragraphs.size(), 2u);
  EXPECT_EQ(r.paragraphs[0],
            "PORTVILLE - The harbor board put off a vote on the new ferry terminal on Tuesday after residents "
            "asked for more time to study the plan and its cost to the town.");
  EXPECT_EQ(r.paragraphs[1],
            "Board members said they would meet again in two weeks, when engineers are expected to present a "
            "revised budget for the project to Mayor Ines Okafor and the town council, which has the final word "
            "on the terminal.");
}

// Lines that are not wrapped (one paragraph a line, as a browser copies
// them) never join at a capital, however they end.
TEST(TextPage, UnwrappedLinesStayApart) {
  constexpr char kUnwrapped[] =
      "Council Names New Harbor Master\n"
      "The town council on Monday named a new harbor master for the port of Portville and its two busy marinas "
      "on the river\n"
      "The appointment follows a year in which the post stood empty after the last holder retired early in the "
      "spring\n"
      "Residents welcomed the news at the meeting, which ran late into the evening at the town hall.\n";
  Record r = ReadTextPage(kUnwrapped, "unwrapped.txt");
  EXPECT_EQ(r.paragraphs.size(), 3u);
}

// A whole page as a text browser or "select all, copy" gives it: the
// site's menu (bulleted), teaser headlines, the article, a share bar, a
// related list and the footer. Only the article is the body.
constexpr char kWholePage[] =
    "Skip to content\n"
    "[ ] [Search]\n"
    "  \xE2\x80\xA2 Home\n"
    "  \xE2\x80\xA2 News\n"
    "  \xE2\x80\xA2 Sports\n"
    "  \xE2\x80\xA2 Weather\n"
    "Trending\n"
    "Ferry fares to rise in spring after board review of fuel costs\n"
    "Library reopens its east wing with a new reading room for children\n"
    "\n"
    "The Harbor Gazette is supported by readers like you, who make our local reporting possible every day.\n"
    "\n"
    "Harbor Board Approves New Pier for Fishing Fleet\n"
    "By Laura Chen\n"
    "March 3, 2026\n"
    "  \xE2\x80\xA2 Facebook\n"
    "  \xE2\x80\xA2 Comments\n"
    "  \xE2\x80\xA2 Email\n"
    "Boats moored at the old pier.\n"
    "Boats moored at the old pier.\n"
    "PORTVILLE - The harbor board on Tuesday approved a new pier for the town's fishing fleet, ending a "
    "debate that had run for two years.\n"
    "The pier will cost about four million dollars and should open next summer, the board's chair said.\n"
    "Advertisement\n"
    "Fishermen at the meeting welcomed the vote and said the old pier was no longer safe in winter storms.\n"
    "  \xE2\x80\xA2 Ferry fares to rise in spring after board review of fuel costs\n"
    "  \xE2\x80\xA2 Library reopens its east wing with a new reading room for children\n"
    "Related\n"
    "A different story about the marina that should not be read as part of this article at all.\n"
    "\xC2\xA9 2026 Harbor Gazette\n";

struct WholePageCase {
  const char* name;
  const char* page;
  const char* title;
  size_t paragraphs;
  const char* first_paragraph_starts;
  std::vector<const char*> left_out;  // in no paragraph
};

TEST(TextPage, FindsTheArticleInAWholePage) {
  const WholePageCase cases[] = {
      {"menus, teasers, share bar and related list around the article", kWholePage,
       "Harbor Board Approves New Pier for Fishing Fleet", 3, "PORTVILLE - The harbor board",
       {"Home", "Ferry fares", "Library reopens", "supported by readers", "Boats moored", "different story",
        "Advertisement"}},
      // Title candidates that are page furniture: a credit, a byline the
      // name splitter does not take, a label with its value, a caption
      // with its source in parentheses.
      {"furniture between the headline and the body",
       "Council Names New Harbor Master After Long Search\n"
       "By Laura ChenStaff Writer\n"
       "Reading time: 2 minutes\n"
       "Sam Ortiz, Example Press\n"
       "The harbor office at dusk (File photo)\n"
       "The town council on Monday named a new harbor master for the port, filling a post that stood empty "
       "for a year.\n"
       "Residents welcomed the news at the meeting, which ran late into the evening.\n",
       "Council Names New Harbor Master After Long Search", 2, "The town council", {"Reading time"}},
      // A list item "Comments" is a link in a share bar; the header
      // "Comments" on its own line still ends the article.
      {"a share bar link is no section header",
       "Dam Repairs Finish Ahead of Rainy Season\n"
       "\xE2\x80\xA2 Comments\n"
       "Workers finished repairs on the river dam two weeks early, the water authority said on Friday.\n"
       "Comments\n"
       "What a great job by the crews, I walked past it yesterday and it looks solid.\n",
       "Dam Repairs Finish Ahead of Rainy Season", 1, "Workers finished", {"great job"}},
      // A section header that goes on past its cue ("Most popular today")
      // ends the article as the bare cue would.
      {"a longer section header ends the article",
       "Night Market Returns to the Old Square\n"
       "The night market returned to the old square on Saturday after a two-year break, drawing large crowds.\n"
       "Stall holders said sales were better than they had hoped for the first weekend.\n"
       "Most popular today\n"
       "A long piece about something else that happened in another town and is not part of this story.\n",
       "Night Market Returns to the Old Square", 2, "The night market", {"another town"}},
      // A headline that asks a question reads as a sentence; with nothing
      // above it, it is still the title.
      {"a question headline",
       "Is the New Ferry Worth the Higher Fare?\n"
       "Commuters on the harbor route have paid a third more since the new boats arrived in the spring.\n"
       "Most say the trip is faster, but some still take the bridge to save money each month.\n",
       "Is the New Ferry Worth the Higher Fare?", 2, "Commuters on the harbor", {}},
      // A share bar on one line, a "posted" line: neither is a title nor
      // the body.
      {"a share bar and a posted line above the body",
       "Harbor Board Approves New Pier\n"
       "Published 2 hours ago\n"
       "Facebook0 Twitter Email Print\n"
       "The harbor board on Tuesday approved a new pier for the town's fishing fleet after two years of "
       "debate.\n"
       "Work on the pier is due to start in the autumn, the board said.\n",
       "Harbor Board Approves New Pier", 2, "The harbor board", {"Facebook", "Published"}},
      // Of the headlines above the body, the one over the byline and the
      // date is the article's; teasers nearer the body are not.
      {"the headline over the byline",
       "Harbor Board Approves New Pier for Fishing Fleet\n"
       "By Laura Chen\n"
       "March 3, 2026\n"
       "Watch our live harbor camera\n"
       "Ferry fares to rise in spring after review\n"
       "The harbor board on Tuesday approved a new pier for the town's fishing fleet after two years of "
       "debate.\n"
       "Work on the pier is due to start in the autumn, the board said.\n",
       "Harbor Board Approves New Pier for Fishing Fleet", 2, "The harbor board", {"Ferry fares"}},
      // A box of related links inside the article does not end it when the
      // article's prose on both sides outweighs the box.
      {"a related box inside the article",
       "Harbor Board Approves New Pier for Fishing Fleet\n"
       "The harbor board on Tuesday approved a new pier for the town's fishing fleet, ending a debate that had "
       "run for two years and split the council down the middle.\n"
       "The vote was five to two, with both members from the east side of the bay voting against the plan "
       "and asking for a new study.\n"
       "Related\n"
       "Ferry fares to rise in spring after review\n"
       "Library reopens its east wing\n"
       "The pier will cost about four million dollars and should open next summer, the board's chair said at "
       "the end of a long meeting on Tuesday evening.\n"
       "Fishermen at the meeting welcomed the vote and said the old pier was no longer safe in the winter "
       "storms that hit the coast every year.\n"
       "Some residents asked the board to make sure the new pier would also have room for the small boats of "
       "the sailing club, which lost its moorings last year.\n",
       "Harbor Board Approves New Pier for Fishing Fleet", 5, "The harbor board", {"Ferry fares", "Library"}},
      // The copyright line ends the page: the teasers after it (a headline
      // and its summary each) are not the article, however long. A photo
      // credit opening with the copyright sign is no such line.
      {"teasers after the copyright, a credit with the copyright sign",
       "Harbor Board Approves New Pier\n"
       "The harbor board on Tuesday approved a new pier for the town's fishing fleet after two years of "
       "debate.\n"
       "\xC2\xA9 Photo: Sam Ortiz\n"
       "Work on the pier is due to start in the autumn, the board said, and should take a year.\n"
       "Fishermen welcomed the vote and said the old pier, built more than sixty years ago, was no longer safe "
       "in the winter storms that hit the coast.\n"
       "\xC2\xA9 2026 Harbor Gazette. All rights reserved.\n"
       "Why farmers in the valley are planting sunflowers this year\n"
       "Growers say the flowers need less water than maize and sell well at the markets in town, and several "
       "of them have already signed contracts with a mill for the whole of next year's harvest.\n"
       "Town hall to open on Saturdays\n"
       "The mayor wants residents to be able to pick up permits and papers at the weekend, when most of them "
       "are not at work, and the council is expected to agree to the plan next month.\n",
       "Harbor Board Approves New Pier", 3, "The harbor board", {"sunflowers", "permits", "Sam Ortiz"}},
      // The site's notices are not prose of the article.
      {"a cookie notice, an affiliate disclosure and a sign-up form's fine print",
       "Harbor Board Approves New Pier\n"
       "When you buy through links on our site, we may earn an affiliate commission at no cost to you.\n"
       "Our website uses cookies to improve your experience and to show you offers. You can change your "
       "cookie settings in your browser at any time, as our privacy policy explains.\n"
       "The harbor board on Tuesday approved a new pier for the town's fishing fleet after two years of "
       "debate.\n"
       "Work on the pier is due to start in the autumn, the board said, and should take a year.\n"
       "By signing up you agree to our Terms of Use and Privacy Policy and to receive our newsletter.\n",
       "Harbor Board Approves New Pier", 2, "The harbor board", {"cookies", "signing up", "affiliate"}},
      // Where the comments begin: a short line naming them, the notes of
      // the comment form. Nothing after is the article.
      {"a comments header and a comment form",
       "Harbor Board Approves New Pier\n"
       "The harbor board on Tuesday approved a new pier for the town's fishing fleet after two years of "
       "debate.\n"
       "Work on the pier is due to start in the autumn, the board said, and should take a year.\n"
       "Fishermen welcomed the vote and said the old pier, built more than sixty years ago, was no longer safe "
       "in the winter storms that hit the coast.\n"
       "[ 14 comments ]\n"
       "I have fished off that old pier since I was a boy and I am glad they are finally replacing it.\n"
       "Your email address will not be published. Required fields are marked.\n"
       "What about the parking near the pier, which is already full on most summer weekends?\n",
       "Harbor Board Approves New Pier", 3, "The harbor board", {"since I was a boy", "parking"}},
      // After the article, a long stretch of links before a stray sentence
      // ends it; a subhead inside it does not, and is kept.
      {"a long stretch of links after the article",
       "Harbor Board Approves New Pier\n"
       "The harbor board on Tuesday approved a new pier for the town's fishing fleet after two years of "
       "debate.\n"
       "What happens next\n"
       "Work on the pier is due to start in the autumn, the board said, and should take a year.\n"
       "Ferry timetable\n"
       "Parking permits\n"
       "Beach webcams\n"
       "Harbor events\n"
       "Tide tables\n"
       "Sailing club news\n"
       "Our reporters cover the harbor, the council and the schools of the whole bay area every day.\n",
       "Harbor Board Approves New Pier", 3, "The harbor board", {"Our reporters", "Tide"}},
      // A label between the headline and its date line (the section, the
      // outlet) still leaves the headline over its header.
      {"a section label between the headline and the date",
       "Harbor Board Approves New Pier for Fishing Fleet\n"
       "Local News\n"
       "Updated March 3, 2026, 9:15 AM\n"
       "Watch our live harbor camera\n"
       "Ferry fares to rise in spring after review\n"
       "The harbor board on Tuesday approved a new pier for the town's fishing fleet after two years of "
       "debate.\n"
       "Work on the pier is due to start in the autumn, the board said, and should take a year.\n",
       "Harbor Board Approves New Pier for Fishing Fleet", 2, "The harbor board", {"Ferry fares"}},
      // Breadcrumbs that end with the headline are furniture; a headline
      // with a label before a colon is still a headline when more than a
      // value follows ("Reading time: 2 minutes" is not).
      {"a breadcrumb ending with the headline, a labelled headline",
       "Home > Podcasts > Harbor Tales > Episode 12: The Night the Pier Burned\n"
       "Episode 12: The Night the Pier Burned\n"
       "March 3, 2026\n"
       "Reading time: 2 minutes\n"
       "The old pier burned down on a winter night in 1987, and the town still argues about what started the "
       "fire.\n"
       "In this episode two fishermen who were there remember the night and the weeks after it.\n",
       "Episode 12: The Night the Pier Burned", 2, "The old pier", {"Podcasts", "Reading time"}},
      // The author's note ends the article; a sentence of the article of
      // the same turn ("The new harbor master is a former reporter") does not.
      {"the author's note after the article",
       "Harbor Master Named\n"
       "The council on Monday named a new harbor master for the port after a search that lasted a year.\n"
       "The new harbor master is a former reporter who covered the port for the local paper.\n"
       "She starts work in April and will live in the old lighthouse keeper's house by the pier.\n"
       "Laura Chen is a freelance writer living in Portville.\n"
       "Every day we send an email with the best stories of the bay area, straight to your inbox.\n",
       "Harbor Master Named", 3, "The council on Monday", {"freelance", "Every day"}},
      // A headline printed twice (a breadcrumb's last item, then the
      // headline itself) is still the title.
      {"a headline printed twice",
       "\xE2\x80\xA2 Home\n"
       "\xE2\x80\xA2 Is the New Ferry Worth the Higher Fare?\n"
       "Is the New Ferry Worth the Higher Fare?\n"
       "Commuters on the harbor route have paid a third more since the new boats arrived in the spring.\n"
       "Most say the trip is faster, but some still take the bridge to save money each month.\n",
       "Is the New Ferry Worth the Higher Fare?", 2, "Commuters on the harbor", {"Home"}},
  };
  for (const WholePageCase& c : cases) {
    SCOPED_TRACE(c.name);
    Record r = ReadTextPage(c.page, "page.txt");
    EXPECT_EQ(r.title, c.title);
    ASSERT_EQ(r.paragraphs.size(), c.paragraphs);
    EXPECT_EQ(r.paragraphs[0].rfind(c.first_paragraph_starts, 0), 0u) << r.paragraphs[0];
    for (const char* phrase : c.left_out) EXPECT_EQ(r.text.find(phrase), std::string::npos) << phrase;
  }
}

// The date of a whole page is the article's, not the day's date in the
// site's header; the article's may stand inside the run of its lines.
TEST(TextPage, TakesTheArticlesDateOverTheHeaders) {
  constexpr char kPage[] =
      "Monday, March 9, 2026\n"
      "Home News Sports Weather\n"
      "Harbor Board Approves New Pier\n"
      "The harbor board approved a new pier for the town's fishing fleet after two years of debate.\n"
      "March 3, 2026\n"
      "Work on the pier is due to start in the autumn, the board said, and should take a year.\n";
  Record r = ReadTextPage(kPage, "page.txt");
  EXPECT_EQ(r.title, "Harbor Board Approves New Pier");
  EXPECT_EQ(r.published.substr(0, 10), "2026-03-03");

  // A longer date line inside the run (a place before the date) is still
  // the date.
  constexpr char kLongDateLine[] =
      "Monday, March 9, 2026\n"
      "Harbor Board Approves New Pier\n"
      "The harbor board approved a new pier for the town's fishing fleet after two years of debate.\n"
      "Portville harbor office, Tuesday, March 3, 2026, 10:00 EST\n"
      "Work on the pier is due to start in the autumn, the board said, and should take a year.\n";
  r = ReadTextPage(kLongDateLine, "page.txt");
  EXPECT_EQ(r.published.substr(0, 10), "2026-03-03");
}

// A short story whose headline is followed by `line` (a byline, a date line).
std::string PageUnderAHeadline(const char* line) {
  return std::string("Harbor Board Approves New Pier for the Fleet\n") + line +
         "\nThe harbor board on Tuesday approved a new pier for the fishing fleet after two years of debate.\n"
         "Work on the pier is due to start in the autumn, the board said, and should take a year.\n";
}

// A byline and the date on one line: the names before the date, when they
// open with a byline cue or are a person's name; a city before the date is
// no author.
TEST(TextPage, ReadsTheBylineOnADateLine) {
  struct Case {
    const char* line;
    std::vector<std::string> authors;
  };
  const Case cases[] = {
      {"By Laura Chen Updated March 3, 2026, 10:28am EST", {"Laura Chen"}},
      {"By Mark Osei March 3, 2026, 07:47 PM EST", {"Mark Osei"}},
      {"Laura Chen - Mar 3, 2026, 10:31 pm CST", {"Laura Chen"}},
      {"Portville - March 3, 2026", {}},
      {"Tuesday, March 3, 2026 10:43 EST", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    std::string page = PageUnderAHeadline(c.line);
    Record r = ReadTextPage(page, "page.txt");
    EXPECT_EQ(r.authors, c.authors);
    EXPECT_EQ(r.published.substr(0, 10), "2026-03-03");
  }
}

// A date line may give two dates and a few labels around them: each date
// is the publication's or, when its label says so, the update's.
TEST(TextPage, ReadsPublishedAndUpdatedOnOneDateLine) {
  struct Case {
    const char* line;
    const char* published;
    const char* modified;
  };
  const Case cases[] = {
      {"Tue 3 Mar 2026 09.15 GMT Last modified on Tue 3 Mar 2026 11.40 GMT", "2026-03-03T09:15:00+00:00",
       "2026-03-03T11:40:00+00:00"},
      {"Mar 3, 2026 Â· Updated: Mar 4, 2026", "2026-03-03", "2026-03-04"},
      {"Selasa, 03 Maret 2026 | 09:15 WIB | Diperbarui 04 Maret 2026", "2026-03-03T09:15:00+07:00", "2026-03-04"},
      {"03.03.2026, 09:15 | Politics & Law | Comment now", "2026-03-03T09:15:00", ""},
      {"By Jane Roe 2026-03-03T09:15:00Z Science & Space", "2026-03-03T09:15:00+00:00", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    Record r = ReadTextPage(PageUnderAHeadline(c.line), "page.txt");
    EXPECT_EQ(r.title, "Harbor Board Approves New Pier for the Fleet");
    EXPECT_EQ(r.published, c.published);
    EXPECT_EQ(r.modified, c.modified);
  }
}

// The byline may stand over the headline with the date; and the author's
// name over a date line is never the headline, however close to the body.
TEST(TextPage, ReadsTheBylineAboveTheHeadline) {
  Record above = ReadTextPage("Tuesday, 3 March 2026, by Jane Roe\n" + PageUnderAHeadline(""), "page.txt");
  EXPECT_EQ(above.title, "Harbor Board Approves New Pier for the Fleet");
  EXPECT_EQ(above.authors, std::vector<std::string>{"Jane Roe"});
  EXPECT_EQ(above.published, "2026-03-03");
  Record posted = ReadTextPage(PageUnderAHeadline("Margaret Rowe\n2 hours ago"), "page.txt");
  EXPECT_EQ(posted.title, "Harbor Board Approves New Pier for the Fleet");
  EXPECT_EQ(posted.authors, std::vector<std::string>{"Margaret Rowe"});
  Record no_title = ReadTextPage(
      "Margaret Anne Rowe\nMarch 3, 2026\n"
      "The harbor board on Tuesday approved a new pier for the fishing fleet after two years of debate.\n"
      "Work on the pier is due to start in the autumn, the board said, and should take a year.\n",
      "page.txt");
  EXPECT_EQ(no_title.title, "");
  EXPECT_EQ(no_title.authors, std::vector<std::string>{"Margaret Anne Rowe"});
}

// Indonesian headers: the byline after a word for writing it ("Ditulis
// oleh"), the date after "pada", the outlet's domain opening the date line;
// a photographer named so is no author.
TEST(TextPage, ReadsIndonesianHeaderLines) {
  struct Case {
    const char* header;
    std::vector<std::string> authors;
    const char* published;
    const char* site_name;
  };
  const Case cases[] = {
      {"Ditulis oleh Budi Santoso pada Senin, 2 Maret 2026 14:05 WIB", {"Budi Santoso"}, "2026-03-02T14:05:00+07:00",
       ""},
      {"Tepiandaru.com - 02/03/2026, 14:05 WIB", {}, "2026-03-02T14:05:00+07:00", "Tepiandaru.com"},
      {"Foto oleh Budi Santoso\nSenin, 2 Maret 2026 14:05 WIB", {}, "2026-03-02T14:05:00+07:00", ""},
      {"Penulis: Siti Aminah | Editor: Agus Wibowo\n2 Maret 2026 | 14:05 WIB", {"Siti Aminah"},
       "2026-03-02T14:05:00+07:00", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.header);
    std::string page = std::string("Jembatan Baru di Lembah Hijau Dibuka untuk Warga\n") + c.header +
                       "\nPemerintah kabupaten meresmikan jembatan gantung yang menghubungkan dua desa "
                       "pada Senin pagi.\n"
                       "Kepala dinas mengatakan jembatan itu dibangun dalam enam bulan dan akan dirawat "
                       "bersama warga.\n";
    Record r = ReadTextPage(page, "halaman.txt");
    EXPECT_EQ(r.title, "Jembatan Baru di Lembah Hijau Dibuka untuk Warga");
    EXPECT_EQ(r.authors, c.authors);
    EXPECT_EQ(r.published, c.published);
    EXPECT_EQ(r.site_name, c.site_name);
  }
}

// How long it takes to read, or an image's label, is never the headline.
TEST(TextPage, ReadingTimeAndImageLabelsAreNoHeadline) {
  for (const char* line : {"4 min read", "Reading time: 4 minutes", "3 menit baca",
                           "Profile picture for user Margaret Rowe", "Margaret Rowe headshot"}) {
    SCOPED_TRACE(line);
    Record r = ReadTextPage(PageUnderAHeadline(line), "page.txt");
    EXPECT_EQ(r.title, "Harbor Board Approves New Pier for the Fleet");
    EXPECT_EQ(r.text.find(line), std::string::npos);
  }
}

// An update's date under the headline is no publication date when the page
// gives another one, even above the headline.
TEST(TextPage, PrefersADateNotSaidToBeAnUpdate) {
  Record r = ReadTextPage("Tuesday, 3 March 2026\n" + PageUnderAHeadline("Updated March 5, 2026"), "page.txt");
  EXPECT_EQ(r.published, "2026-03-03");
  EXPECT_EQ(r.modified, "2026-03-05");
  Record only_update = ReadTextPage(PageUnderAHeadline("Updated March 5, 2026"), "page.txt");
  EXPECT_EQ(only_update.published, "2026-03-05");
}

// The byline set apart from the date line: a bare name over it, the cue
// alone on the line before the name, the name after the date; a short line
// under the date is no author (it is as often the headline).
TEST(TextPage, ReadsTheBylineAroundTheDateLine) {
  struct Case {
    const char* header;
    std::vector<std::string> authors;
  };
  const Case cases[] = {
      {"Jane Roe\nMarch 3, 2026 10:15 AM", {"Jane Roe"}},
      {"[portrait] Jane Roe\nMarch 3, 2026", {"Jane Roe"}},
      {"By\nJane Roe\nMarch 3, 2026", {"Jane Roe"}},
      {"Oleh:\nBudi Santoso\nSelasa, 3 Maret 2026 09:15 WIB", {"Budi Santoso"}},
      {"Tuesday, March 3, 2026, by Jane Roe", {"Jane Roe"}},
      {"3 March 2026 \xE2\x80\xA2 By Jane Roe \xE2\x80\xA2 Harbor", {"Jane Roe"}},
      {"March 3, 2026\nHarbor Works Begin", {}},
      {"Jane Roe, Example Wire\nMarch 3, 2026", {}},
      {"Jane Roe, Senior Harbor Correspondent\nMarch 3, 2026", {"Jane Roe"}},
      {"Budi Santoso, Wartawan Senior\nSelasa, 3 Maret 2026 09:15 WIB", {"Budi Santoso"}},
      {"Jane Roe\njane.roe@example.com\nMarch 3, 2026", {"Jane Roe"}},
      {"Budi Santoso Antara\nSelasa, 3 Maret 2026 09:15 WIB", {"Budi Santoso"}},
      {"By Jane Roe@harborjane Mar 3, 2026, 11:47am EST", {"Jane Roe"}},
      {"March 3, 2026 by Jane Roe 5 Comments", {"Jane Roe"}},
      {"Harbor | By Jane Roe | March 3, 2026", {"Jane Roe"}},
      {"Politics | Oleh Budi Santoso | 4 min\nMarch 3, 2026", {"Budi Santoso"}},
      {"3 March 2026 | 09:15 | Jane Roe", {"Jane Roe"}},
      {"March 3, 2026 // Jane Roe", {"Jane Roe"}},
      {"March 3, 2026 | Politics, Local", {}},
      {"March 3, 2026 by Jane Roe \xE2\x80\x94 Comments", {"Jane Roe"}},
      {"Von Jane Roe ver\xC3\xB6" "ffentlicht am 3. M\xC3\xA4rz 2026", {"Jane Roe"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.header);
    Record r = ReadTextPage(PageUnderAHeadline(c.header), "page.txt");
    EXPECT_EQ(r.authors, c.authors);
    EXPECT_EQ(r.published.substr(0, 10), "2026-03-03");
  }
}

// An image's label run into its caption, or a date given twice, says a
// line or its start twice: it is read once, so the byline over the date is
// found and the headline kept.
TEST(TextPage, ReadsALineSaidTwiceOnItselfOnce) {
  Record r = ReadTextPage(PageUnderAHeadline("Margaret RoweMargaret Rowe\n3 March 20263 March 2026"), "page.txt");
  EXPECT_EQ(r.title, "Harbor Board Approves New Pier for the Fleet");
  EXPECT_EQ(r.authors, std::vector<std::string>{"Margaret Rowe"});
  EXPECT_EQ(r.published, "2026-03-03");
  Record start = ReadTextPage(PageUnderAHeadline("3 March 20263 March 2026 by Margaret Rowe"), "page.txt");
  EXPECT_EQ(start.authors, std::vector<std::string>{"Margaret Rowe"});
  EXPECT_EQ(start.published, "2026-03-03");
}

// The site's name from the copyright footer, without the company's legal
// form, or the brand it begins with when the page sets that on a line of
// its own; a photo's credit or a licence names no outlet.
TEST(TextPage, ReadsTheSiteNameFromTheCopyright) {
  struct Case {
    const char* footer;
    const char* site_name;
  };
  const Case cases[] = {
      {"\xC2\xA9 2026 Harbor Daily LLC. All rights reserved.", "Harbor Daily"},
      {"Copyright \xC2\xA9 2026 Harbor Press Pty Ltd", "Harbor Press"},
      {"\xC2\xA9 2026 Harbor Press LTD", "Harbor Press"},
      {"Copyright 2026 PT Kabar Pelabuhan Tbk", "Kabar Pelabuhan"},
      {"\xC2\xA9 Example Images / Photo\n\xC2\xA9 2026 Harbor Daily", "Harbor Daily"},
      {"Text licensed under Creative Commons BY 2026", ""},
      {"Copyright \xC2\xA9 2011-2026, Voz de Ribe\xC3\xB1" "a | Terms of Service", "Voz de Ribe\xC3\xB1" "a"},
      {"\xC2\xA9 2026 Copyright Harbor Daily Media Pvt. Ltd.. All Rights reserved.", "Harbor Daily Media"},
      {"\xC2\xA9 2000- tepiandaru.id", "tepiandaru.id"},
      {"\xC2\xA9The Anti-Fog Gazette 2011-2026", "The Anti-Fog Gazette"},
      {"\xC2\xA9 2026 Harbor Daily All Rights Reserved", "Harbor Daily"},
      {"\xC2\xA9 Margaret Rowe\n\xC2\xA9 2026 Harbor Daily", "Harbor Daily"},
      {"Harbor Daily\n\xC2\xA9 2026 Harbor Daily Media Group", "Harbor Daily"},
      {"\xC2\xA9 2026 Harbor Daily Media Group", "Harbor Daily Media Group"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.footer);
    Record r = ReadTextPage(PageUnderAHeadline("March 3, 2026") + "\n" + c.footer + "\n", "page.txt");
    EXPECT_EQ(r.site_name, c.site_name);
  }
}

// A whole Indonesian page: menu, popular list, the site's blurb and
// breadcrumbs above the headline; "Name - Outlet" and the date under it; a
// share bar, "Baca juga" and the ad labels inside the article; related
// links, comments and the copyright after it.
constexpr char kIndonesianWholePage[] =
    "Masuk\n"
    "Daftar\n"
    "  \xE2\x80\xA2 Berita\n"
    "  \xE2\x80\xA2 Ekonomi\n"
    "  \xE2\x80\xA2 Olahraga\n"
    "Terpopuler\n"
    "Harga Cabai Naik Jelang Musim Hujan di Sejumlah Pasar\n"
    "Tim Voli Putri Lolos ke Final Setelah Menang Dramatis\n"
    "Kabar Harian adalah portal berita yang menyajikan informasi terkini dari seluruh penjuru nusantara setiap "
    "hari.\n"
    "Beranda > Berita > Daerah\n"
    "Banjir Rendam Ratusan Rumah di Lembah Hijau, Warga Mengungsi ke Balai Desa\n"
    "Dewi Anggraini - KabarNews\n"
    "Kamis, 14 Agu 2025 08:15 WIB\n"
    "Bagikan\n"
    "Facebook Twitter WhatsApp\n"
    "Warga mengevakuasi barang di Lembah Hijau, Kamis (14/8/2025). (Foto: Dok. BPBD)\n"
    "LEMBAH HIJAU - Banjir merendam ratusan rumah di tiga desa di Lembah Hijau setelah hujan deras mengguyur "
    "kawasan itu sejak Rabu malam.\n"
    "Kepala BPBD setempat mengatakan ketinggian air mencapai satu meter di beberapa titik, sehingga warga "
    "terpaksa mengungsi ke balai desa.\n"
    "Baca juga: Jembatan Gantung Baru Resmi Dibuka untuk Warga Desa\n"
    "ADVERTISEMENT\n"
    "SCROLL TO CONTINUE WITH CONTENT\n"
    "\"Kami sudah menyiapkan dapur umum dan tenda darurat untuk para pengungsi,\" ujarnya kepada wartawan di "
    "lokasi.\n"
    "Ia menambahkan bahwa petugas masih mendata kerugian akibat banjir tersebut.\n"
    "(dwi/dwi)\n"
    "Berita Terkait\n"
    "Jalan Desa Rusak Parah Setelah Diterjang Banjir Bandang Pekan Lalu\n"
    "Komentar\n"
    "Semoga cepat surut dan warga diberi kesabaran menghadapi musibah ini bersama keluarga.\n"
    "Copyright \xC2\xA9 2025 Kabar Harian. All rights reserved.\n";

TEST(TextPage, ReadsAWholeIndonesianPage) {
  Record r = ReadTextPage(kIndonesianWholePage, "page.txt");
  EXPECT_EQ(r.title, "Banjir Rendam Ratusan Rumah di Lembah Hijau, Warga Mengungsi ke Balai Desa");
  EXPECT_EQ(r.authors, std::vector<std::string>{"Dewi Anggraini"});
  EXPECT_EQ(r.published, "2025-08-14T08:15:00+07:00");
  EXPECT_EQ(r.dateline, "LEMBAH HIJAU");
  EXPECT_EQ(r.site_name, "Kabar Harian");
  EXPECT_EQ(r.language, "id");
  ASSERT_EQ(r.images.size(), 1u);
  EXPECT_EQ(r.images[0].credit, "Dok. BPBD");
  ASSERT_EQ(r.paragraphs.size(), 4u);
  EXPECT_EQ(r.paragraphs[3], "Ia menambahkan bahwa petugas masih mendata kerugian akibat banjir tersebut.");
  for (const char* phrase : {"portal berita", "Baca juga", "ADVERTISEMENT", "SCROLL", "Jalan Desa", "Semoga",
                             "Copyright", "Facebook"}) {
    EXPECT_EQ(r.text.find(phrase), std::string::npos) << phrase;
  }
}

// A byline without a cue: a person's name and the outlet after a dash or a
// bar. A headline of the same shape names no outlet.
TEST(TextPage, ReadsANameAndOutletByline) {
  struct Case {
    const char* line;
    std::vector<std::string> authors;
  };
  const Case cases[] = {
      {"Dewi Anggraini - KabarNews", {"Dewi Anggraini"}},
      {"Laura Chen | Reuters", {"Laura Chen"}},
      {"Sari Dewi \xE2\x80\x93 Kabarharian.com", {"Sari Dewi"}},
      {"Harga Cabai Naik - Ini Penyebabnya", {}},
      {"Pemerintah Kota Bandung - Humas", {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    std::string page = PageUnderAHeadline(c.line);
    EXPECT_EQ(ReadTextPage(page, "page.txt").authors, c.authors);
  }
}

// Text written without spaces (Chinese, Japanese) is prose by its length in
// characters and ends its sentences with full-width marks.
TEST(TextPage, ReadsTextWithoutSpaces) {
  constexpr char kPage[] =
      "\xE9\xA6\x96\xE9\xA1\xB5\n"                                                  // a one-word menu item
      "\xE6\xB8\x94\xE6\xB8\xAF\xE6\x96\xB0\xE7\xA0\x81\xE5\xA4\xB4\xE8\x8E\xB7\xE6\x89\xB9\xE5\x87\x86\n"  // headline
      "\xE5\xB8\x82\xE6\x94\xBF\xE5\xBA\x9C\xE5\x91\xA8\xE4\xBA\x8C\xE6\x89\xB9\xE5\x87\x86\xE4\xBA\x86"
      "\xE4\xB8\x80\xE4\xB8\xAA\xE6\x96\xB0\xE7\x9A\x84\xE6\xB8\x94\xE6\xB8\xAF\xE7\xA0\x81\xE5\xA4\xB4"
      "\xE5\xBB\xBA\xE8\xAE\xBE\xE8\xAE\xA1\xE5\x88\x92\xEF\xBC\x8C\xE9\xA2\x84\xE8\xAE\xA1\xE6\x98\x8E"
      "\xE5\xB9\xB4\xE5\xA4\x8F\xE5\xA4\xA9\xE5\xAE\x8C\xE5\xB7\xA5\xE3\x80\x82\n"
      "\xE6\xB8\x94\xE6\xB0\x91\xE4\xBB\xAC\xE8\xA1\xA8\xE7\xA4\xBA\xEF\xBC\x8C\xE6\x97\xA7\xE7\xA0\x81"
      "\xE5\xA4\xB4\xE5\x9C\xA8\xE5\x86\xAC\xE5\xA4\xA9\xE7\x9A\x84\xE9\xA3\x8E\xE6\x9A\xB4\xE4\xB8\xAD"
      "\xE5\xB7\xB2\xE7\xBB\x8F\xE4\xB8\x8D\xE5\xAE\x89\xE5\x85\xA8\xE4\xBA\x86\xE3\x80\x82\n";
  Record r = ReadTextPage(kPage, "page.txt");
  EXPECT_EQ(r.title, "\xE6\xB8\x94\xE6\xB8\xAF\xE6\x96\xB0\xE7\xA0\x81\xE5\xA4\xB4\xE8\x8E\xB7\xE6\x89\xB9\xE5\x87\x86");
  EXPECT_EQ(r.paragraphs.size(), 2u);
}

// A date line inside the article's run is its time stamp, with the byline
// when it carries one; it is no paragraph of the body.
TEST(TextPage, ADateLineInsideTheArticleIsNoParagraph) {
  constexpr char kPage[] =
      "Harbor Board Approves New Pier\n"
      "The harbor board on Tuesday approved a new pier for the town's fishing fleet after two years of debate.\n"
      "By Laura Chen, Tuesday, March 3, 2026 10:00 EST\n"
      "Work on the pier is due to start in the autumn, the board said, and should take a year.\n";
  Record r = ReadTextPage(kPage, "page.txt");
  EXPECT_EQ(r.authors, std::vector<std::string>{"Laura Chen"});
  EXPECT_EQ(r.published.substr(0, 10), "2026-03-03");
  EXPECT_EQ(r.paragraphs.size(), 2u);
  EXPECT_EQ(r.text.find("March 3"), std::string::npos);
}

TEST(TextPage, HostileInput) {
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk += static_cast<char>((i * 131) % 256);
  Record r = ReadTextPage(junk, "junk");
  (void)r;
  Record empty = ReadTextPage("", "");
  EXPECT_TRUE(empty.paragraphs.empty());
  EXPECT_TRUE(empty.title.empty());
}

// Three kinds of copied page, each whole (menus, share bars, related links
// and footers included) and again hard-wrapped by a narrow view: an
// Indonesian portal with "Baca juga" lines in its body, an English wire
// story and a blog post. Every line is invented for this test.
constexpr char kPortalCopy[] =
    "Beranda\n"
    "Nasional\n"
    "Ekonomi\n"
    "Olahraga\n"
    "Terpopuler\n"
    "Banjir Rob Rendam Ratusan Rumah di Pesisir Utara\n"
    "\n"
    "Nasional\n"
    "Pemkot Siapkan Pompa Tambahan untuk Atasi Banjir Rob di Kawasan Pelabuhan Lama\n"
    "\n"
    "Penulis: Siti Rahmawati | Editor: Agus Wibowo\n"
    "Senin, 2 Maret 2026 | 14:05 WIB\n"
    "Petugas memasang pompa air di kawasan pelabuhan lama, Senin (2/3/2026). (Foto: Dok. Pemkot)\n"
    "Bagikan:\n"
    "Facebook Twitter WhatsApp\n"
    "\n"
    "SURABAYA, TepiAndaru.com \xE2\x80\x93 Pemerintah kota menyiapkan enam pompa tambahan untuk mengatasi "
    "banjir rob yang merendam kawasan pelabuhan lama sejak Sabtu malam.\n"
    "\n"
    "Baca juga: Harga Ikan Laut Naik karena Cuaca Buruk\n"
    "\n"
    "Kepala dinas pekerjaan umum mengatakan pompa itu akan bekerja siang dan malam sampai air surut, "
    "sementara tanggul darurat dibangun di dua titik yang paling rendah.\n"
    "\n"
    "Baca juga: Nelayan Libur Melaut Selama Sepekan\n"
    "\n"
    "Warga diminta memindahkan barang berharga ke tempat yang lebih tinggi dan mengikuti arahan petugas di lapangan.\n"
    "\n"
    "(sar/agw)\n"
    "\n"
    "Berita Terkait\n"
    "Tanggul Darurat Dibangun di Dua Titik Rawan Banjir\n"
    "Terpopuler\n"
    "\xC2\xA9 2026 PT Tepi Andaru Media. All rights reserved.\n";

constexpr char kWireCopy[] =
    "Skip to main content\n"
    "World\n"
    "Business\n"
    "Markets\n"
    "Harbor strike halts cargo at northern port as talks stall\n"
    "\n"
    "By Jane Roe and Tom Alder\n"
    "March 3, 2026 4:15 PM GMT Updated 2 hours ago\n"
    "\n"
    "Dockworkers stand by idle cranes at the northern port, March 3, 2026. HARBOR WIRE/John Doe\n"
    "\n"
    "ROTTERDAM, March 3 (Harbor Wire) - Cargo handling at the northern port stopped on Tuesday as "
    "dockworkers walked out after wage talks with terminal operators broke down overnight, a union "
    "spokesperson said.\n"
    "\n"
    "The strike is the first at the port in more than a decade and comes as shipping lines are already "
    "struggling with delays elsewhere in the region.\n"
    "\n"
    "\"We have made our last offer and we are waiting for an answer,\" the spokesperson told reporters "
    "outside the terminal gates on Tuesday morning.\n"
    "\n"
    "Reporting by Jane Roe; Editing by Tom Alder\n"
    "Our Standards: How we report the news.\n"
    "Read Next\n"
    "Markets slip as oil climbs on supply worries\n";

constexpr char kBlogCopy[] =
    "Harbor Notes\n"
    "Small stories from a small port\n"
    "Home About Archive Contact\n"
    "Why I Still Walk the Old Pier Every Morning\n"
    "Posted on March 3, 2026 by Margaret Rowe\n"
    "Every morning before the town wakes up I walk the length of the old pier and back, counting the "
    "boats that have come in overnight and the gulls that have found them.\n"
    "\n"
    "It started as a way to clear my head after a long winter, but over the years it has become the part "
    "of the day I would least like to give up.\n"
    "\n"
    "Some mornings the fog is so thick that the far end of the pier simply disappears, and the walk "
    "feels like stepping off the edge of the map.\n"
    "\n"
    "Share this:\n"
    "Twitter Facebook\n"
    "Like this:\n"
    "12 Comments\n"
    "Leave a Reply\n"
    "Your email address will not be published.\n"
    "Copyright \xC2\xA9 2026 Harbor Notes\n";

// `text` as a fixed-width view of `width` columns breaks it: each line cut
// at the last space that fits (ASCII width; the pages above keep their
// non-ASCII letters on lines that fit).
std::string HardWrap(std::string_view text, size_t width) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    while (line.size() > width) {
      size_t cut = line.rfind(' ', width);
      if (cut == std::string_view::npos || cut == 0) break;
      out.append(line.substr(0, cut)).push_back('\n');
      line.remove_prefix(cut + 1);
    }
    out.append(line).push_back('\n');
    pos = end + 1;
  }
  return out;
}

// A headline too long for a narrow view ends on a short line of its own;
// the short line is joined back unless it is a date or a byline.
TEST(TextPage, JoinsAWrappedHeadlineBack) {
  const std::string page = HardWrap(
      "Harbor Board Approves a New Pier for the Old Fishing Fleet\n"
      "\n"
      "March 3, 2026\n"
      "\n"
      "The harbor board on Tuesday approved a new pier for the fishing fleet after two years of debate "
      "about its cost and its place in the old port.\n"
      "\n"
      "Work on the pier is due to start in the autumn, the board said, and should take about a year "
      "if the weather allows it.\n",
      50);
  ASSERT_NE(page.find("Old\nFishing Fleet\n"), std::string::npos) << page;
  Record r = ReadTextPage(page, "page.txt");
  EXPECT_EQ(r.title, "Harbor Board Approves a New Pier for the Old Fishing Fleet");
  EXPECT_EQ(r.published, "2026-03-03");
  ASSERT_EQ(r.paragraphs.size(), 2u);
  const std::string header = HardWrap("Harbor Board Approves a New Pier for the Old Fishing Fleet\nBy Jane Roe\n", 50);
  Record by = ReadTextPage(
      header + "\nThe harbor board on Tuesday approved a new pier for the fishing fleet after two years of debate.\n",
      "page.txt");
  EXPECT_EQ(by.authors, std::vector<std::string>{"Jane Roe"});
}

TEST(TextPage, ReadsThreeKindsOfCopiedPage) {
  struct Case {
    const char* page;
    size_t wrap;  // 0: as copied
    const char* title;
    std::vector<std::string> authors;
    const char* published;
    const char* site_name;
    const char* dateline;
    const char* caption;
    const char* credit;
    size_t paragraphs;
    const char* first_words;
  };
  const Case cases[] = {
      {kPortalCopy, 0, "Pemkot Siapkan Pompa Tambahan untuk Atasi Banjir Rob di Kawasan Pelabuhan Lama",
       {"Siti Rahmawati"}, "2026-03-02T14:05:00+07:00", "TepiAndaru.com", "SURABAYA",
       "Petugas memasang pompa air di kawasan pelabuhan lama, Senin (2/3/2026).", "Dok. Pemkot", 3, "SURABAYA,"},
      {kPortalCopy, 90, "Pemkot Siapkan Pompa Tambahan untuk Atasi Banjir Rob di Kawasan Pelabuhan Lama",
       {"Siti Rahmawati"}, "2026-03-02T14:05:00+07:00", "TepiAndaru.com", "SURABAYA",
       "Petugas memasang pompa air di kawasan pelabuhan lama, Senin (2/3/2026).", "Dok. Pemkot", 3, "SURABAYA,"},
      {kWireCopy, 0, "Harbor strike halts cargo at northern port as talks stall", {"Jane Roe", "Tom Alder"},
       "2026-03-03T16:15:00+00:00", "", "ROTTERDAM",
       "Dockworkers stand by idle cranes at the northern port, March 3, 2026.", "HARBOR WIRE/John Doe", 3,
       "ROTTERDAM,"},
      {kWireCopy, 100, "Harbor strike halts cargo at northern port as talks stall", {"Jane Roe", "Tom Alder"},
       "2026-03-03T16:15:00+00:00", "", "ROTTERDAM",
       "Dockworkers stand by idle cranes at the northern port, March 3, 2026.", "HARBOR WIRE/John Doe", 3,
       "ROTTERDAM,"},
      {kBlogCopy, 0, "Why I Still Walk the Old Pier Every Morning", {"Margaret Rowe"}, "2026-03-03", "Harbor Notes",
       "", nullptr, nullptr, 3, "Every morning"},
      {kBlogCopy, 70, "Why I Still Walk the Old Pier Every Morning", {"Margaret Rowe"}, "2026-03-03",
       "Harbor Notes", "", nullptr, nullptr, 3, "Every morning"},
  };
  for (const Case& c : cases) {
    std::string page = c.wrap ? HardWrap(c.page, c.wrap) : std::string(c.page);
    SCOPED_TRACE(page.substr(0, page.find('\n', 60)) + " wrapped at " + std::to_string(c.wrap));
    Record r = ReadTextPage(page, "copy.txt");
    EXPECT_EQ(r.title, c.title);
    EXPECT_EQ(r.authors, c.authors);
    EXPECT_EQ(r.published, c.published);
    EXPECT_EQ(r.site_name, c.site_name);
    EXPECT_EQ(r.dateline, c.dateline);
    if (c.caption) {
      ASSERT_EQ(r.images.size(), 1u);
      EXPECT_EQ(r.images[0].caption, c.caption);
      EXPECT_EQ(r.images[0].credit, c.credit);
    } else {
      EXPECT_TRUE(r.images.empty());
    }
    ASSERT_EQ(r.paragraphs.size(), c.paragraphs);
    EXPECT_TRUE(r.paragraphs[0].starts_with(c.first_words)) << r.paragraphs[0];
    // Wrapped, the paragraphs are joined back whole.
    if (c.wrap) {
      EXPECT_EQ(r.text, ReadTextPage(c.page, "copy.txt").text);
    }
    // The leftovers never reach the body.
    for (const char* leftover : {"Baca juga", "Bagikan", "Berita Terkait", "Editor", "(sar/agw)", "Reporting by",
                                 "Our Standards", "Read Next", "Share this", "Comments", "Leave a Reply",
                                 "Copyright", "\xC2\xA9"}) {
      EXPECT_EQ(r.text.find(leftover), std::string::npos) << leftover;
    }
  }
}

// The input stage decides what is a text page; a copied news page must not
// pass for HTML.
TEST(TextPage, CopiedPageIsNotTakenForHtml) {
  EXPECT_FALSE(LooksLikeHtml(kIndonesianPage));
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html><body>x</body></html>"));
  EXPECT_TRUE(LooksLikeHtml("  \n<div class=a>hello</div>"));
}

// The seed page from ../shared, read at run time (never copied here).
TEST(TextPage, SeedPage) {
  std::string dir = std::string(WARTA_SHARED_DIR) + "/seed/";
  std::ifstream page_in(dir + "000_6048a3ee0c389edb.txt", std::ios::binary);
  std::ifstream expected_in(dir + "expected.json");
  if (!page_in || !expected_in) GTEST_SKIP() << "seed page not found under " << dir;
  std::stringstream page;
  page << page_in.rdbuf();
  nlohmann::json expected = nlohmann::json::parse(expected_in)["record"];

  Record r = ReadTextPage(page.str(), "000_6048a3ee0c389edb.txt");
  EXPECT_EQ(r.title, expected["title"].get<std::string>());
  EXPECT_EQ(r.authors, expected["authors"].get<std::vector<std::string>>());
  EXPECT_EQ(r.published, expected["published"]["local"].get<std::string>());
  EXPECT_EQ(r.published_utc, expected["published"]["utc"].get<std::string>());
  EXPECT_EQ(r.language, expected["language"].get<std::string>());
  EXPECT_EQ(r.site_name, expected["site_name"]["value"].get<std::string>());
  EXPECT_EQ(r.dateline, expected["dateline"].get<std::string>());
  ASSERT_EQ(r.images.size(), expected["images"].size());
  for (size_t i = 0; i < r.images.size(); ++i) {
    EXPECT_EQ(r.images[i].caption, expected["images"][i]["caption"].get<std::string>());
    EXPECT_EQ(r.images[i].credit, expected["images"][i]["credit"].get<std::string>());
  }
  EXPECT_EQ(r.sources_cited, expected["sources_cited"].get<std::vector<std::string>>());
  std::vector<std::string> want = expected["body_paragraphs"].get<std::vector<std::string>>();
  ASSERT_EQ(r.paragraphs.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    if (i == 0 && r.paragraphs[0] != want[0]) {
      // The dateline prefix may be dropped from the first paragraph.
      EXPECT_NE(want[0].find(r.paragraphs[0]), std::string::npos) << r.paragraphs[0];
      continue;
    }
    EXPECT_EQ(r.paragraphs[i], want[i]) << "paragraph " << i;
  }
  for (const auto& line : expected["must_not_appear_in_body"]) {
    EXPECT_EQ(r.text.find(line.get<std::string>()), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace warta::extract
