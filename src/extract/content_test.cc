#include "extract/content.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "extract/boilerplate.h"
#include "warta/html_parser.h"

namespace warta::extract {
namespace {

struct Extracted {
  std::unique_ptr<Document> doc;
  Content content;
};

Extracted Extract(const std::string& html) {
  Extracted e;
  e.doc = ParseHtml(html);
  e.content = ExtractContent(*e.doc, {});
  return e;
}

bool Has(const std::vector<std::string>& paragraphs, std::string_view needle) {
  for (const std::string& p : paragraphs) {
    if (p.find(needle) != std::string::npos) return true;
  }
  return false;
}

// An Indonesian portal: navigation, share bar, "Baca juga" inserts inside the
// story, an ad slot, a "Berita Terkait" list and a "Terpopuler" sidebar.
constexpr const char* kPortalPage = R"(<!doctype html>
<html lang="id"><head><title>Banjir Rendam Ratusan Rumah di Pesisir - Kabar Nusantara</title></head>
<body>
<header class="site-header"><a class="logo" href="/">Kabar Nusantara</a>
 <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/bisnis">Bisnis</a></li>
 <li><a href="/olahraga">Olahraga</a></li><li><a href="/hiburan">Hiburan</a></li></ul></nav></header>
<div class="container">
 <div class="col-main">
  <article class="detail">
   <h1 class="detail__title">Banjir Rendam Ratusan Rumah di Pesisir Utara</h1>
   <div class="detail__author">Ahmad Fauzi - detikNusantara</div>
   <div class="detail__date">Selasa, 03 Des 2025 10:43 WIB</div>
   <div class="share-box"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
   <figure class="detail__media"><img src="/foto/banjir.jpg" alt="banjir">
    <figcaption>Warga mengungsi dari rumah yang terendam. Foto: Dok. Warga</figcaption></figure>
   <div class="detail__body-text">
    <p><strong>Semarang</strong> - Hujan deras yang turun sejak Senin malam membuat ratusan rumah di kawasan pesisir utara terendam banjir setinggi lutut orang dewasa.</p>
    <p>Kepala pelaksana badan penanggulangan bencana setempat mengatakan air mulai naik sekitar pukul 02.00 dini hari dan terus bertambah hingga pagi.</p>
    <p><strong>Baca juga:</strong> <a href="/berita/1">Jalan Tol Ditutup Sementara karena Genangan Air</a></p>
    <p>"Kami sudah mengerahkan perahu karet untuk mengevakuasi warga lanjut usia dan anak-anak ke posko pengungsian terdekat," ujarnya kepada wartawan.</p>
    <div class="ads-inarticle">ADVERTISEMENT</div>
    <h2>Posko pengungsian</h2>
    <p>Pemerintah kota menyiapkan tiga posko pengungsian di gedung sekolah dan balai kelurahan yang tidak terdampak banjir, lengkap dengan dapur umum.</p>
    <p>Baca juga: Warga Diminta Waspada Cuaca Ekstrem Sepekan ke Depan</p>
    <p>Hingga siang hari, petugas masih mendata jumlah warga yang mengungsi dan kerugian yang ditimbulkan oleh banjir tersebut.</p>
   </div>
   <div class="detail__tags"><a href="/tag/banjir">banjir</a> <a href="/tag/semarang">semarang</a></div>
   <div class="box-terkait"><h3>Berita Terkait</h3><ul>
    <li><a href="/b/2">Sungai Meluap, Dua Desa Terisolasi</a></li>
    <li><a href="/b/3">BMKG Prediksi Hujan Lebat Hingga Akhir Pekan</a></li></ul></div>
  </article>
 </div>
 <aside class="col-side">
  <div class="box"><h3>Terpopuler</h3><ol>
   <li><a href="/p/1">Harga Cabai Melonjak Jelang Akhir Tahun di Berbagai Pasar Tradisional</a></li>
   <li><a href="/p/2">Timnas Menang Tipis atas Lawan di Laga Uji Coba Internasional</a></li></ol></div>
 </aside>
</div>
<footer class="site-footer"><p>Copyright 2025 Kabar Nusantara. All rights reserved.</p></footer>
</body></html>)";

TEST(ExtractContent, IndonesianPortalKeepsStoryDropsFurniture) {
  Extracted e = Extract(kPortalPage);
  const auto& p = e.content.paragraphs;
  ASSERT_EQ(p.size(), 6u) << ::testing::PrintToString(p);
  EXPECT_EQ(p[0].substr(0, 20), "Semarang - Hujan der");
  EXPECT_EQ(p[3], "Posko pengungsian");
  EXPECT_TRUE(Has(p, "kerugian yang ditimbulkan"));
  for (std::string_view dropped :
       {"Banjir Rendam Ratusan Rumah", "Baca juga", "Jalan Tol Ditutup", "ADVERTISEMENT", "Facebook",
        "Berita Terkait", "Sungai Meluap", "Terpopuler", "Harga Cabai", "Copyright", "Ahmad Fauzi",
        "Warga mengungsi"}) {
    EXPECT_FALSE(Has(p, dropped)) << dropped;
  }
  ASSERT_EQ(e.content.images.size(), 1u);
  EXPECT_EQ(e.content.images[0].src, "/foto/banjir.jpg");
  EXPECT_EQ(e.content.images[0].caption_raw, "Warga mengungsi dari rumah yang terendam. Foto: Dok. Warga");
  ASSERT_NE(e.content.main, nullptr);
}

// An English wire story with an in-article ad, a photo, sign-off lines and a
// related-stories rail.
constexpr const char* kWirePage = R"(<html><body>
<div id="top-bar"><a href="/">World</a> | <a href="/markets">Markets</a> | <a href="/tech">Technology</a></div>
<main>
 <div class="article-header"><h1>Central bank holds rates steady as inflation cools</h1>
  <p class="byline">By Jane Doe and John Roe</p><time>December 3, 2025</time></div>
 <div class="article-body" itemprop="articleBody">
  <p>JAKARTA (Reuters) - The central bank kept its benchmark interest rate unchanged on Wednesday, saying inflation had eased back into its target range for the first time this year.</p>
  <figure><img data-src="https://img.example.com/bank.jpg" src="data:image/gif;base64,R0lGOD">
   <figcaption>The central bank headquarters in Jakarta. REUTERS/Photographer Name</figcaption></figure>
  <p>The decision was expected by all 25 economists polled last week, most of whom see the first rate cut arriving in the second quarter of next year.</p>
  <div class="ad-container"><span>Advertisement</span><p>Scroll to continue with content</p></div>
  <p>"We will remain vigilant to global uncertainty and keep the currency stable," the governor told a news conference after the two-day policy meeting.</p>
  <p>Reporting by Jane Doe; Editing by Sam Poe</p>
 </div>
 <section class="related-stories"><h2>More from Reuters</h2>
  <article><a href="/a">Oil prices slip as demand worries weigh on markets across Asia</a><p>Crude fell for a third straight session on Tuesday as traders weighed weaker factory data from the region.</p></article>
 </section>
</main>
<footer><a href="/terms">Terms of use</a> <a href="/privacy">Privacy</a></footer>
</body></html>)";

TEST(ExtractContent, EnglishWireStory) {
  Extracted e = Extract(kWirePage);
  const auto& p = e.content.paragraphs;
  ASSERT_EQ(p.size(), 4u) << ::testing::PrintToString(p);
  EXPECT_EQ(p[0].substr(0, 18), "JAKARTA (Reuters) ");
  EXPECT_EQ(p[3], "Reporting by Jane Doe; Editing by Sam Poe");
  for (std::string_view dropped : {"Central bank holds", "By Jane Doe", "Advertisement",
                                   "Scroll to continue", "More from Reuters", "Crude fell", "Terms"}) {
    EXPECT_FALSE(Has(p, dropped)) << dropped;
  }
  ASSERT_EQ(e.content.images.size(), 1u);
  EXPECT_EQ(e.content.images[0].src, "https://img.example.com/bank.jpg");
  EXPECT_EQ(e.content.images[0].caption_raw,
            "The central bank headquarters in Jakarta. REUTERS/Photographer Name");
}

// A blog post followed by long reader comments: the comments must not win.
constexpr const char* kBlogPage = R"(<html><body>
<div id="wrapper"><div id="header"><h1><a href="/">My Garden Notes</a></h1></div>
<div id="content">
 <div class="post hentry">
  <h2 class="entry-title"><a href="/2025/tomatoes">Growing tomatoes on a small balcony</a></h2>
  <div class="entry-content">
   <p>Last spring I finally tried growing tomatoes in pots on my tiny balcony, and the results surprised me more than I expected.</p>
   <p>The key was choosing compact varieties, using large containers with good drainage, and watering every single morning before work.</p>
  </div>
  <p class="postmetadata">Posted in <a href="/c/garden">Garden</a> | <a href="#comments">3 Comments</a></p>
 </div>
 <div id="comments"><h3>3 Responses to this post</h3>
  <ol class="commentlist">
   <li class="comment"><div class="comment-author">Maria</div><div class="comment-body"><p>Thank you for this post! I have been trying to grow tomatoes for three years now and they always get some kind of disease halfway through the summer, so I will definitely try your watering routine and the compact varieties you recommend next spring.</p></div></li>
   <li class="comment"><div class="comment-author">Budi</div><div class="comment-body"><p>Great tips. In my experience the size of the container matters even more than the variety, because small pots dry out so quickly in hot weather that the plants get stressed and stop producing fruit entirely.</p></div></li>
  </ol>
  <div id="respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published.</p></form></div>
 </div>
</div></div></body></html>)";

TEST(ExtractContent, BlogPostWithoutComments) {
  Extracted e = Extract(kBlogPage);
  const auto& p = e.content.paragraphs;
  ASSERT_EQ(p.size(), 2u) << ::testing::PrintToString(p);
  EXPECT_TRUE(Has(p, "Last spring I finally"));
  EXPECT_TRUE(Has(p, "watering every single morning"));
  for (std::string_view dropped : {"Thank you for this post", "Great tips", "Leave a Reply",
                                   "Posted in", "Growing tomatoes on a small balcony"}) {
    EXPECT_FALSE(Has(p, dropped)) << dropped;
  }
}

// A live page: many short timestamped entries in one container.
constexpr const char* kLivePage = R"(<html><body>
<nav><a href="/">Home</a> <a href="/live">Live</a> <a href="/sport">Sport</a></nav>
<div class="live-blog">
 <h1>Live: election count updates</h1>
 <div class="live-post"><time>10:05</time><p>Polling stations across the eastern provinces have closed and counting has begun in most districts.</p></div>
 <div class="live-post"><time>10:20</time><p>Turnout in the capital is reported at around 71 percent, slightly higher than at the previous election.</p></div>
 <div class="live-post"><time>10:42</time><p>The electoral commission says the first official results are expected shortly after midnight local time.</p>
  <div class="share-post"><a href="#">Share</a> <a href="#">Copy link</a></div></div>
</div>
<div class="most-read"><h2>Most read</h2><ul><li><a href="/x">Storm warning issued for the coast this weekend</a></li></ul></div>
</body></html>)";

TEST(ExtractContent, LivePageKeepsEntries) {
  Extracted e = Extract(kLivePage);
  const auto& p = e.content.paragraphs;
  EXPECT_TRUE(Has(p, "Polling stations across"));
  EXPECT_TRUE(Has(p, "Turnout in the capital"));
  EXPECT_TRUE(Has(p, "first official results"));
  for (std::string_view dropped : {"Share", "Copy link", "Most read", "Storm warning", "Home"}) {
    EXPECT_FALSE(Has(p, dropped)) << dropped;
  }
}

// Old-style body: text runs in one div separated by <br>.
constexpr const char* kBrPage = R"(<html><body>
<table><tr><td class="menu"><a href="/">Beranda</a><br><a href="/arsip">Arsip</a><br><a href="/kontak">Kontak</a></td>
<td><div class="isi-berita">
<b>Surabaya</b> - Pemerintah provinsi meresmikan jembatan baru yang menghubungkan dua kecamatan di tepi sungai besar itu pada Senin pagi.<br><br>
Jembatan sepanjang 120 meter tersebut dibangun selama delapan belas bulan dengan anggaran dari pemerintah pusat dan daerah.<br><br>
Warga menyambut gembira karena waktu tempuh ke pasar dan sekolah kini jauh lebih singkat dibandingkan sebelumnya.<br>
</div></td></tr></table>
</body></html>)";

TEST(ExtractContent, BrSeparatedBody) {
  Extracted e = Extract(kBrPage);
  const auto& p = e.content.paragraphs;
  ASSERT_EQ(p.size(), 3u) << ::testing::PrintToString(p);
  EXPECT_EQ(p[0].substr(0, 22), "Surabaya - Pemerintah ");
  EXPECT_TRUE(Has(p, "delapan belas bulan"));
  EXPECT_FALSE(Has(p, "Beranda"));
}

// The page states its body in JSON-LD: that outweighs a wordier sidebar.
constexpr const char* kJsonLdPage = R"(<html><head><script type="application/ld+json">
{"@type":"NewsArticle","articleBody":"Para nelayan di pantai selatan kembali melaut setelah gelombang tinggi mereda sejak Kamis pagi.\nHasil tangkapan hari pertama cukup baik menurut pengurus koperasi nelayan setempat, terutama ikan tongkol."}
</script></head><body>
<div class="a1"><p>Para nelayan di pantai selatan kembali melaut setelah gelombang tinggi mereda sejak Kamis pagi.</p>
<p>Hasil tangkapan hari pertama cukup baik menurut pengurus koperasi nelayan setempat, terutama ikan tongkol.</p></div>
<div class="b2"><p>Kabar Pesisir adalah media daring yang meliput berita kelautan, perikanan dan kehidupan masyarakat pesisir di seluruh Nusantara sejak tahun dua ribu sepuluh.</p>
<p>Redaksi menerima tulisan opini dari pembaca dengan panjang maksimal delapan ratus kata yang dikirim melalui surat elektronik beserta identitas lengkap penulis.</p>
<p>Untuk pemasangan iklan dan kerja sama, silakan hubungi bagian pemasaran kami pada hari dan jam kerja melalui nomor telepon kantor redaksi.</p></div>
</body></html>)";

TEST(ExtractContent, JsonLdArticleBodyConfirmsTheBody) {
  Extracted e = Extract(kJsonLdPage);
  const auto& p = e.content.paragraphs;
  ASSERT_EQ(p.size(), 2u) << ::testing::PrintToString(p);
  EXPECT_TRUE(Has(p, "Para nelayan"));
  EXPECT_FALSE(Has(p, "Redaksi menerima"));
}

// JSON-LD scripts found wherever they sit: inside the body (in a hidden
// wrapper too), after it, and the first in document order wins.
TEST(ExtractContent, JsonLdArticleBodyInDocumentOrder) {
  const std::string page = kJsonLdPage;
  size_t open = page.find("<script");
  size_t close = page.find("</script>") + std::string_view("</script>").size();
  const std::string script = page.substr(open, close - open);
  std::string bare = page;
  bare.erase(open, close - open);
  const std::string sidebar_script =
      "<script type=\"application/ld+json\">{\"articleBody\":\"Kabar Pesisir adalah media daring "
      "yang meliput berita kelautan, perikanan dan kehidupan masyarakat pesisir di seluruh "
      "Nusantara sejak tahun dua ribu sepuluh.\\nRedaksi menerima tulisan opini dari pembaca dengan "
      "panjang maksimal delapan ratus kata yang dikirim melalui surat elektronik beserta identitas "
      "lengkap penulis.\"}</script>";
  auto insert = [](std::string html, std::string_view after, const std::string& what) {
    html.insert(html.find(after) + after.size(), what);
    return html;
  };
  struct OrderCase {
    std::string html;
    bool body_first;  // the fishermen story, not the sidebar
  };
  const OrderCase cases[] = {
      {insert(bare, "<body>", "<div hidden>" + script + "</div>"), true},
      {insert(bare, "</body>", script), true},
      {insert(bare, "<body>", "<form style=\"display: none\"><div>" + script + "</div></form>"), true},
      {insert(insert(bare, "<head>", sidebar_script), "<body>", script), false},
      {insert(insert(bare, "<head>", script), "<body>", sidebar_script), true},
  };
  for (const OrderCase& c : cases) {
    Extracted e = Extract(c.html);
    const auto& p = e.content.paragraphs;
    EXPECT_EQ(Has(p, "Para nelayan"), c.body_first) << c.html;
    EXPECT_EQ(Has(p, "Redaksi menerima"), !c.body_first) << c.html;
  }
}

// A grid of teaser cards with prose-like blurbs and no telling class names,
// and a list of linked excerpts cut off with an ellipsis.
constexpr const char* kTeaserPage = R"(<html><body>
<div class="story"><p>The city council approved the new budget on Thursday after a six-hour debate that stretched late into the evening.</p>
<p>Spending on public transport rises by twelve percent, while the road maintenance fund stays flat for the third year in a row.</p>
<p>Opposition members said the plan relies on optimistic revenue forecasts that may not hold if the economy slows next year.</p></div>
<div class="grid">
 <div class="card"><h3><a href="/1">Library opens new wing for young readers</a></h3><p>The expanded children's section adds reading rooms, a small theatre and a garden for outdoor story hours.</p></div>
 <div class="card"><h3><a href="/2">Bus drivers agree on new contract terms</a></h3><p>The two-year agreement raises wages and limits split shifts that drivers had complained about for years.</p></div>
 <div class="card"><h3><a href="/3">Harbour festival returns after long break</a></h3><p>Organisers expect record crowds for the weekend of concerts, boat parades and food stalls along the pier.</p></div>
</div>
<ul><li><a href="/4">Schools prepare for the winter term</a> Teachers say class sizes remain the biggest worry as the new term begins in ...</li>
<li><a href="/5">Market prices steady</a> Vegetable prices held steady this week despite the heavy rains that hit farms in the ...</li></ul>
</body></html>)";

TEST(ExtractContent, TeaserCardsAndExcerptsAreDropped) {
  Extracted e = Extract(kTeaserPage);
  const auto& p = e.content.paragraphs;
  ASSERT_EQ(p.size(), 3u) << ::testing::PrintToString(p);
  for (std::string_view dropped : {"children's section", "two-year agreement", "record crowds",
                                   "class sizes", "Vegetable prices"}) {
    EXPECT_FALSE(Has(p, dropped)) << dropped;
  }
}

// A short diary post whose lines barely score, inside a page wrapper full of
// navigation, and a consent form with one long paragraph that outscores it.
constexpr const char* kShortPostPage = R"(<!doctype html>
<html lang="de"><head><title>Ein stiller Abend am See | Notizen aus dem Garten</title></head>
<body><div class="site">
 <div class="menu"><a href="/">Start</a> <a href="/archiv">Archiv</a> <a href="/fotos">Fotos</a>
  <a href="/rezepte">Rezepte</a> <a href="/reisen">Reisen</a> <a href="/kontakt">Kontakt</a>
  <a href="/impressum">Impressum</a> <a href="/links">Links</a> <a href="/gaeste">Gästebuch</a></div>
 <div class="post-17 post">
  <h1>Ein stiller Abend am See</h1>
  <p>Heute war der See ganz still und glatt.</p>
  <p>Wir saßen lange am Ufer und schwiegen.</p>
  <p>Kein Wind, kein Boot, nur ein paar Enten.</p>
  <p>Erst als es dunkel wurde, gingen wir heim.</p>
 </div>
 <div class="links"><a href="/a">Ältere Beiträge</a> <a href="/b">Neuere Beiträge</a>
  <a href="/c">Kategorien</a> <a href="/d">Schlagwörter</a> <a href="/e">Blogroll</a></div>
 <div class="archive"><a href="/2019">Alle Beiträge aus dem Jahr 2019</a> <a href="/2020">Alle
  Beiträge aus dem Jahr 2020</a> <a href="/2021">Alle Beiträge aus dem Jahr 2021</a> <a href="/2022">Alle
  Beiträge aus dem Jahr 2022</a> <a href="/2023">Alle Beiträge aus dem Jahr 2023</a></div>
 <div class="tags"><a href="/t/1">Gartenarbeit im Frühling</a> <a href="/t/2">Spaziergänge am
  Wasser</a> <a href="/t/3">Vögel beobachten</a> <a href="/t/4">Kochen mit Kräutern</a> <a
  href="/t/5">Ausflüge in die Umgebung</a> <a href="/t/6">Fotografie bei Nacht</a> <a
  href="/t/7">Bücher für den Winter</a> <a href="/t/8">Basteln mit Kindern</a></div>
</div>
<form class="consent"><p>Diese Seite verwendet Cookies, um die Nutzung zu analysieren und Inhalte
 bereitzustellen. Wenn du die Seite weiterhin nutzt, stimmst du der Verwendung zu. Weitere
 Informationen, auch zur Kontrolle der gespeicherten Daten, findest du in der Richtlinie.</p></form>
</body></html>)";

TEST(ExtractContent, ShortPostUnderItsHeadlineWinsOverConsentForm) {
  Extracted e = Extract(kShortPostPage);
  const auto& p = e.content.paragraphs;
  EXPECT_TRUE(Has(p, "Heute war der See ganz still")) << testing::PrintToString(p);
  EXPECT_TRUE(Has(p, "Erst als es dunkel wurde"));
  EXPECT_FALSE(Has(p, "verwendet Cookies"));
}

// A podcast episode: one long citation paragraph outscores the episode
// page, whose show notes are mostly links; the page is the body.
constexpr const char* kEpisodePage = R"(<!doctype html>
<html lang="en"><head><title>Episode 12: Bees in the City - Backyard Radio</title></head>
<body><div class="site"><main>
 <article class="episode">
  <header class="entry-header"><h1>Episode 12: Bees in the City</h1></header>
  <p>This week we visit three rooftop hives in the old harbour district.</p>
  <p>Our guest keeps bees on a parking garage and sells honey by the jar.</p>
  <ul><li><a href="/l/1">Rooftop beekeeping association homepage</a></li>
   <li><a href="/l/2">Guide to urban hive registration rules</a></li>
   <li><a href="/l/3">Map of public gardens with flowering trees</a></li>
   <li><a href="/l/4">Interview from last year about swarming season</a></li>
   <li><a href="/l/5">Honey tasting notes from the spring harvest</a></li></ul>
  <p>Cite this episode: Backyard Radio, episode 12, Bees in the City, recorded in the spring,
   published under a Creative Commons licence, with all show notes and audio files available
   at the address of this page for anyone who wants to reuse them.</p>
 </article>
</main></div></body></html>)";

TEST(ExtractContent, LoneParagraphBesideHeadlineGrowsToTheEpisode) {
  Extracted e = Extract(kEpisodePage);
  const auto& p = e.content.paragraphs;
  EXPECT_TRUE(Has(p, "three rooftop hives")) << testing::PrintToString(p);
  EXPECT_TRUE(Has(p, "Our guest keeps bees"));
  EXPECT_TRUE(Has(p, "Cite this episode"));
}

// A photo log entry: a short headline that opens <title>, a few caption
// lines, and a sidebar <aside> headed by the site name whose long "about"
// widget outscores the entry.
constexpr const char* kPhotoLogPage = R"(<!doctype html>
<html lang="de"><head><title>Mondfinsternis, Mai - Sternwarte am Hang</title></head>
<body><div class="page">
 <div class="entry">
  <h1 class="entry-title">Mondfinsternis, Mai</h1>
  <p>Aufgenommen vom Balkon kurz nach Mitternacht.</p>
  <p>Teleskop: kleiner Refraktor mit 80 mm Öffnung</p>
  <p>Belichtung: zwanzig Einzelbilder zu je zwei Sekunden</p>
 </div>
 <aside class="sidebar">
  <h3>Sternwarte am Hang</h3>
  <p>Die Sternwarte am Hang war ein Verein von Hobbyastronomen, der seit vielen Jahren
   Beobachtungsabende, Vorträge und Kurse für Einsteiger anbot. Nach der Auflösung des
   Vereins führen einige Mitglieder dieses Fototagebuch weiter und zeigen hier ihre
   schönsten Aufnahmen von Mond, Planeten und Sternhaufen.</p>
  <p>Wer selbst mit dem Beobachten beginnen will, findet in unserem Ratgeber für den Start
   viele Tipps zur Wahl des ersten Fernrohrs und zur Orientierung am Himmel.</p>
 </aside>
</div></body></html>)";

TEST(ExtractContent, HeadlineOpeningTheTitleBeatsASidebar) {
  Extracted e = Extract(kPhotoLogPage);
  const auto& p = e.content.paragraphs;
  EXPECT_TRUE(Has(p, "Aufgenommen vom Balkon")) << testing::PrintToString(p);
  EXPECT_TRUE(Has(p, "Belichtung: zwanzig Einzelbilder"));
  EXPECT_FALSE(Has(p, "Hobbyastronomen"));
}

// The same entry when the headline sets typographic quotes and <title>
// plain ones: they are the same headline.
TEST(ExtractContent, HeadlineMatchesTheTitleWhateverItsQuotes) {
  std::string page = kPhotoLogPage;
  page.replace(page.find("<title>Mondfinsternis, Mai"), 25, "<title>Mondfinsternis am 'Hang', Mai");
  page.replace(page.find(">Mondfinsternis, Mai<"), 21, ">Mondfinsternis am \u2018Hang\u2019, Mai<");
  Extracted e = Extract(page);
  const auto& p = e.content.paragraphs;
  EXPECT_TRUE(Has(p, "Aufgenommen vom Balkon")) << testing::PrintToString(p);
  EXPECT_FALSE(Has(p, "Hobbyastronomen"));
}

// A magazine story: headline and a lead paragraph of several sentences in
// the <header>, a one-line byline, the body in its own container below.
constexpr const char* kLeadPage = R"(<!doctype html>
<html lang="de"><head><title>Neue Fähre für die Inselgemeinde | Küstenblatt</title></head>
<body><div class="page"><article>
 <header class="intro">
  <h1>Neue Fähre für die Inselgemeinde</h1>
  <p class="lead">Nach zwei Jahren Bauzeit ist die neue Fähre in Dienst gestellt worden. Sie
   fährt mit Strom aus dem eigenen Windpark und bietet Platz für doppelt so viele Fahrräder.
   Die Inselbewohner hatten lange auf den Ersatz für das alte Schiff gewartet.</p>
  <p class="byline">Von Jana Hinrichs, 12. März</p>
 </header>
 <div class="article-body">
  <p>Am Montagmorgen legte die Fähre zum ersten Mal planmäßig im Hafen ab, begleitet von
   zahlreichen Schaulustigen, die trotz des kalten Windes an der Mole standen.</p>
  <p>Der Kapitän lobte die ruhige Lage des Schiffes im Seegang und die leisen Motoren, die
   auch bei voller Fahrt kaum zu hören seien, wie er nach der Ankunft erzählte.</p>
  <p>Die Gemeinde rechnet damit, dass die Überfahrt künftig zehn Minuten kürzer dauert und
   die Fahrpläne im Sommer um zwei zusätzliche Abfahrten erweitert werden können.</p>
 </div>
</article></div></body></html>)";

TEST(ExtractContent, LeadBetweenHeadlineAndBodyIsKept) {
  Extracted e = Extract(kLeadPage);
  const auto& p = e.content.paragraphs;
  ASSERT_FALSE(p.empty());
  EXPECT_NE(p[0].find("Nach zwei Jahren Bauzeit"), std::string::npos) << testing::PrintToString(p);
  EXPECT_TRUE(Has(p, "Am Montagmorgen legte die Fähre"));
  EXPECT_FALSE(Has(p, "Von Jana Hinrichs"));
}

// Links inside paragraphs: one whose class names the story ("story-link",
// "post-link") is a linked phrase of the sentence, not a block of its own;
// a hover card set into a sentence, whose headline links follow one another
// with white space between, is cut from it.
constexpr const char* kInlineLinkPage = R"(<html><body><div class="story-body">
 <p>The district council voted on Tuesday to keep the ferry line, which was <a class="story-link" href="/a">sold off</a> to a private operator two years ago, under public control.</p>
 <p>Council member <a class="person-link" href="/p/1">Maria Santos</a><span class="card"><img src="/p/1.jpg"><a class="name" href="/p/1">Maria Santos</a><a class="post-articles" href="/x/1">Harbour budget passes after a long night of debate</a> <a class="post-articles" href="/x/2">New timetable cuts the crossing by ten minutes</a> <a href="/p/1">MORE</a></span> said the vote showed that residents wanted the service kept as it is.</p>
 <p>The operator has until the end of the month to hand over the two vessels and the ticket offices on both sides of the bay, the council said in a statement.</p>
</div></body></html>)";

TEST(ExtractContent, InlineLinksStayInTheirSentence) {
  Extracted e = Extract(kInlineLinkPage);
  const auto& p = e.content.paragraphs;
  ASSERT_EQ(p.size(), 3u) << testing::PrintToString(p);
  EXPECT_EQ(p[0].substr(0, 95), "The district council voted on Tuesday to keep the ferry line, which was sold off to a private o");
  EXPECT_TRUE(Has(p, "said the vote showed"));
  EXPECT_FALSE(Has(p, "Harbour budget")) << p[1];
  EXPECT_FALSE(Has(p, "New timetable")) << p[1];
}

// Captions and credits leave the body wherever they sit: a caption-named
// element inside a <figure> whose picture loads lazily (no <img>), one
// below a slide show a few links after its picture, one wrapping its
// picture, and a credit line of its own; a page wrapper named after
// captions is no caption. Links written out as addresses are the author's text: a list of
// shop links below each item stays.
constexpr const char* kCaptionPage = R"(<html><body class="site-captions"><div class="post-body">
 <p>The harbour festival returns this weekend with a parade of tall ships, a night market along the quay and fireworks over the water on Saturday.</p>
 <figure class="media"><div class="lazy-image" data-src="/img/ships.jpg"></div>
  <span class="image-copyright">Harbour Photo Agency</span></figure>
 <p>Organisers expect more than forty thousand visitors over the three days and have asked people to come by train, as parking near the quay will be closed.</p>
 <div class="gallery"><ul><li><img src="/img/market.jpg" width="800"></li></ul>
  <div class="controls"><a href="#prev">Prev</a> <a href="#next">Next</a></div>
  <div class="caption-full">Stalls on the quay during last year's night market, which drew record crowds</div></div>
 <p><span class="wp-caption"><a href="/img/big.jpg"><img src="/img/lighthouse.jpg"></a><span>The lighthouse at dawn. (Town Archive)</span></span></p>
 <p>1) A ship in a bottle, handmade by a local carver</p>
 <p><a href="http://shop.example/a1">http://shop.example/a1</a></p>
 <p>2) A print of the old lighthouse from the town museum</p>
 <p><a href="http://shop.example/b2">http://shop.example/b2</a></p>
 <p>The fireworks start at nine on Saturday evening and can be seen from both sides of the bay, the organisers said.</p>
 <p>Foto: Dok. Panitia Festival</p>
</div></body></html>)";

// Prompts to the reader at the edges of the body go; the same words inside
// the story stay.
constexpr const char* kPromptPage = R"(<html><body><div class="article-text">
 <p>Start your morning with the Harbour Brief, the newsletter our readers love. Sign up for the free daily newsletter.</p>
 <p>The city council approved the new ferry timetable on Monday after a long debate about fares for students and pensioners.</p>
 <p>Several council members said they had learnt of the plan from a newsletter the operator sent to subscribers; sign up for that list was free, they noted, but few residents knew about it.</p>
 <p>The timetable takes effect in March, when two more crossings will be added on weekday mornings and evenings.</p>
 <p>Follow us on Twitter and Facebook for the latest from the harbour.</p>
</div></body></html>)";

TEST(ExtractContent, PromptsAtTheEdgesAreDropped) {
  Extracted e = Extract(kPromptPage);
  const auto& p = e.content.paragraphs;
  ASSERT_EQ(p.size(), 3u) << testing::PrintToString(p);
  EXPECT_EQ(p[0].substr(0, 20), "The city council app");
  EXPECT_EQ(p[1].substr(0, 20), "Several council memb");
  EXPECT_EQ(p[2].substr(0, 20), "The timetable takes ");
}

TEST(ExtractContent, ContributorNoteClosingTheStoryGoes) {
  std::string page = kPromptPage;
  page.replace(page.find(" <p>Follow us on Twitter"), 0,
               " <p>Jane Roe is a senior reporter for the Harbour Post, covering transport and city hall.</p>\n");
  Extracted e = Extract(page);
  const auto& p = e.content.paragraphs;
  EXPECT_FALSE(Has(p, "senior reporter")) << testing::PrintToString(p);
  EXPECT_TRUE(Has(p, "The timetable takes effect"));
}

// A furniture section inside a body whose text sits straight in the
// container, between <br>s: the section goes, the container's own text
// after it stays.
constexpr const char* kLooseTextPage = R"(<html><body><div class="story">
 <p>Shares in the region rose for a third day on Tuesday as investors bet that the central bank would hold rates steady next month.</p>
 <div class="inline-links"><h4>Trending</h4><a href="/a">Bond yields slip to a two-month low</a></div>
 Outlook stays cautious<br>
 "It is a stock-picker's market now, not one for broad bets," said a fund manager in the city, adding that valuations were stretched.<br>
 <p>Analysts expect earnings to pick up in the second half of the year as demand for credit recovers across the region.</p>
</div></body></html>)";

// A sentence whose names are linked is prose; a linked headline set
// between paragraphs, bare or after a label, is not.
constexpr const char* kLinkedSentencePage = R"(<html><body><div class="story-text">
 <p>The striker signed a three-year contract on Friday after weeks of talks between the two clubs and her agent.</p>
 <p>The fee was not disclosed, but people close to the deal said it was the highest the club had ever paid for a player, and that it would be spread over three seasons.</p>
 <p><a href="/p/berg">Anna Berg</a> has joined <a href="/c/harbour">Harbour United Women</a> on a free transfer from <a href="/c/north">Northside Rovers FC</a>.</p>
 <p><a href="/n/1">Ferry fares to rise again next spring, operator says</a></p>
 <p>Mehr dazu lesen Sie hier: <a href="/n/2">Neue Fähre für die Inseln</a></p>
 <p>She scored twenty-one goals last season and was named the league's best young player in a vote of coaches.</p>
 <p>Her first match for the new club is expected to be the home game against the league leaders at the end of the month, the coach told reporters.</p>
</div></body></html>)";

// A related-stories section inside the body's container whose teasers
// carry long blurbs: the heading takes its section along, as it is a small
// part of the container's prose.
constexpr const char* kRelatedBlurbsPage = R"(<html><body><div class="page-content">
 <div class="text">
  <p>The regional rail operator will add four more trains a day between the coast and the capital from March, the transport ministry said on Monday.</p>
  <p>The extra services follow a year in which passenger numbers on the line rose by almost a fifth, with trains at peak hours often running over capacity.</p>
  <p>Commuter groups welcomed the plan but said the operator also needed to fix the frequent delays at the junction outside the capital, which has been under repair for two years.</p>
  <p>The ministry said the repairs would be finished by the summer and that it expected punctuality on the line to improve markedly once the work was done.</p>
  <p>Ticket prices on the line will stay the same until the end of the year, the operator added, after a rise of four percent in January.</p>
  <p>The new timetable will be published in February, two weeks before the first of the additional trains runs.</p>
 </div>
 <div class="more"><div class="headline">Das könnte Sie auch interessieren</div>
  <div class="box"><div>Night buses will replace the last two trains of the day during the repairs at the junction, the operator announced after talks with the regional council.</div></div>
  <div class="box"><div>The old station hall on the coast is to become a market and a cafe after the town bought the building from the rail company last spring for a symbolic sum.</div></div>
 </div>
</div></body></html>)";

// A key-points box above the story whose heading is classed like
// furniture goes with its heading; an ad label inside a chunk of the
// story takes nothing with it.
constexpr const char* kKeyPointsPage = R"(<html><body><div class="article-main">
 <div class="points-box"><div class="points-header">Key Points</div>
  <ul><li>The port authority approved a new container terminal on the northern shore of the bay.</li>
   <li>Construction is to start next year and take about four years, the authority said.</li></ul></div>
 <div class="story-chunk">
  <p>The port authority on Tuesday approved plans for a new container terminal on the northern shore of the bay, ending a debate that had lasted almost a decade.</p>
  <aside class="inline-promo"><p class="note">Advertisement</p></aside>
  <p>The terminal will double the port's capacity and is expected to create around two thousand jobs once it is running, according to the authority's own estimates.</p>
 </div>
 <div class="story-chunk">
  <p>Environmental groups said they would study the decision closely, as the site borders a wetland that is home to several protected species of birds.</p>
  <p>The authority said the plans included a new nature reserve twice the size of the land taken for the terminal, to be set up before construction begins.</p>
 </div>
</div></body></html>)";

// A pull quote set in an <aside> inside the story is the story's when the
// page's JSON-LD articleBody holds it; another aside there is not.
constexpr const char* kPullQuotePage = R"(<html><head><script type="application/ld+json">
{"@type":"NewsArticle","articleBody":"Fishermen in the bay reported the largest catch of the season on Monday, after weeks of rough weather kept most boats in the harbour. \"The sea finally gave something back this week, and everyone in the village felt it\" Prices at the morning auction fell by a third as buyers from the city arrived early to secure the best of the haul, traders said."}
</script></head><body><div class="story">
 <p>Fishermen in the bay reported the largest catch of the season on Monday, after weeks of rough weather kept most boats in the harbour.</p>
 <aside class="pull"><p>"The sea finally gave something back this week, and everyone in the village felt it"</p></aside>
 <p>Prices at the morning auction fell by a third as buyers from the city arrived early to secure the best of the haul, traders said.</p>
 <aside class="promo"><p>Our weekly market report arrives every Friday with prices from all the harbours along the coast.</p></aside>
</div></body></html>)";

// A furniture heading set straight in the story's container, in French,
// with the lines of its list read as short plain paragraphs after it.
constexpr const char* kBareTailHeadingPage = R"(<html><body><div class="texte">
 <p>Le conseil municipal a voté mardi soir la rénovation complète du vieux marché couvert, fermé depuis trois ans pour des raisons de sécurité.</p>
 <p>Les travaux doivent commencer au printemps et durer dix-huit mois, selon le maire, qui promet un lieu ouvert aux producteurs de la région.</p>
 <p>L'opposition a dénoncé un coût trop élevé pour une commune de cette taille et demande que le projet soit soumis à une consultation des habitants avant l'été.</p>
 <h3>Aller plus loin</h3>
 <p>Rapport sur les halles et marchés des villes moyennes, 2019.</p>
 <p>Colloque sur le commerce de proximité, actes publiés.</p>
</div></body></html>)";

// A section heading that only opens like a furniture one, followed by
// more of the story: nothing is cut.
constexpr const char* kStoryHeadingPage = R"(<html><body><div class="texte">
 <p>Gardeners in the valley have planted more climbing roses this year than in any season the nursery can remember, its owner said.</p>
 <p>The warm spring helped, and so did a television show that featured the old walled garden behind the church in its first episode.</p>
 <h3>Popular varieties this year</h3>
 <p>The owner said the pale yellow rambler sold out twice in May, and that the deep red climbers were close behind, with orders coming in from three counties.</p>
 <p>She expects the same next year, and has already doubled her order of young plants from the growers in the south.</p>
</div></body></html>)";

// An ad label set bare before the story's last paragraph: the story goes
// on below it.
constexpr const char* kLateAdLabelPage = R"(<html><body><div class="texte">
 <p>The regional airline will resume flights to the islands in March, after a winter in which storms cancelled more than half of its departures.</p>
 <p>It has leased two new turboprop aircraft that can land on the short runways in strong crosswinds, the airline's chief executive said on Monday.</p>
 <p>Fares will stay at last year's level for residents of the islands, while visitors will pay a seasonal surcharge from June to August.</p>
 <p>The airline also plans to add a third daily flight to the largest island in the summer, if the airport there extends its opening hours.</p>
 <h4>Advertisement</h4>
 <p>Bookings open next week.</p>
</div></body></html>)";

// A server's error message printed above the footer.
constexpr const char* kScriptErrorPage = R"(<html><body><div class="entry-content">
 <p>The walking trail along the old railway line reopened on Saturday after the bridge over the canal was repaired by volunteers.</p>
 <p>Warning: Undefined variable $sidebar in /var/www/site/theme/footer.php on line 42</p>
</div></body></html>)";

// A deals post: lists of links to shops between its paragraphs are the
// story's; a list of the site's own stories is not.
constexpr const char* kShopLinksPage = R"(<html><head>
<link rel="canonical" href="https://www.gadget-digest.example/deals/weekend-deals">
</head><body><div class="post">
 <p>Several shops have cut the prices of wireless headphones and small speakers this weekend, and a few of the offers are the lowest we have seen this year.</p>
 <ul><li><a href="https://shop-one.example/item/123?tag=aff">Over-ear headphones with noise cancelling for 89 euros</a></li>
  <li><a href="https://go.shop-two.example/x9">Portable speaker with a ten-hour battery for 39 euros</a></li></ul>
 <p>The headphones come in three colours, and the speaker survives a drop into the pool, according to the maker, which also promises two years of updates.</p>
 <p>Both shops deliver within two days in most regions, and both accept returns within a month if the buyer keeps the original packaging and receipt.</p>
 <p>Our testers liked the headphones for long train journeys, where the noise cancelling made the engine hum all but vanish, though the ear cups grow warm after an hour.</p>
 <ul><li><a href="https://www.gadget-digest.example/reviews/speakers">Our review of the best speakers of the year</a></li>
  <li><a href="/guides/headphones">Which headphones suit you: the buying guide</a></li>
  <li><a href="https://gadget-digest.co.uk/deals/uk">The same deals for readers in Britain</a></li></ul>
 <p>All offers were checked on Saturday morning and may end without notice once the shops run out of stock.</p>
</div></body></html>)";

// A picture with two captions in its wrapper: a description, then the
// photo's source.
constexpr const char* kTwoCaptionsPage = R"(<html><body><div class="news-detail">
 <p>The regional parliament elected a new speaker on Thursday after two rounds of voting, ending weeks of talks between the three largest groups.</p>
 <div class="photo-box"><div class="photo-box__pic"><img data-src="/img/parliament.jpg" alt="">
  <p class="photo-box__caption">Members of the regional parliament during the vote on Thursday.</p>
  <p class="photo-box__caption photo-box__caption--author">Jane Roe, Harbour Street, Northport.</p></div></div>
 <p>The new speaker, a former mayor of the port city, promised to hold the first session of the new term before the end of the month.</p>
 <div class="cta-box"><p>Never miss a story: get our morning briefing with the five things to know before nine o'clock.</p></div>
</div></body></html>)";

// An interview whose questions are named anchors for a table of contents:
// anchors lead nowhere, their text is the story's. A script's button
// without an href is still a link.
constexpr const char* kNamedAnchorPage = R"(<html><body><div class="transcript">
 <p>The harbour master spoke to us on Friday about the new tide tables and the dredging of the inner basin, which starts in the autumn.</p>
 <p><a name="dredging">When will the inner basin be closed to ships?</a></p>
 <p>For about six weeks from the middle of October, he said, and the ferries will use the outer quay in that time, with buses to the town centre.</p>
 <p>Most fishing boats will stay at their moorings, because the work moves from one side of the basin to the other in two stages.</p>
 <p><a class="load-button" onclick='more()'>Load more interviews from the harbour</a></p>
</div></body></html>)";

// A news site drawing its pictures by script: the caption's class names
// the image, there is no <img> yet.
constexpr const char* kScriptedImagePage = R"(<html><body><div class="article-body">
 <div class="lazy-placeholder"></div>
 <p class="inline-photo-caption">The new terminal building seen from the runway during the opening ceremony on Monday.</p>
 <p>The airport opened its new terminal on Monday, two years later than planned, with room for twice as many passengers as the old one.</p>
 <p>Airlines will move their check-in desks to the new building over the next three weeks, the operator said in a statement.</p>
</div></body></html>)";

// A short post among classless <div>s, its source linked below it: alike
// siblings, but a story, not a teaser card.
constexpr const char* kPostAmongSiblingsPage = R"(<html><head><title>Ferry timetable doubles in summer / Harbour Blog</title></head><body>
<div id="wrap">
 <div id="top"><h1>Ferry timetable doubles in summer</h1></div>
 <div id="side"><p>Archive</p></div>
 <div id="post">
  <p>The island ferry will run twice an hour from June to September, the operator said, after two summers of queues that reached the end of the harbour road on sunny weekends.</p>
  <p><a href="https://ferry-operator.example/summer">The new summer timetable at a glance</a></p>
  <p>(via <a href="https://news.example/">Coast News</a>)</p>
 </div>
 <div id="more"><p><a href="/older">Older posts</a></p></div>
</div></body></html>)";

// A short post followed by a sidebar that holds more prose than it: the
// sidebar keeps its cue.
constexpr const char* kLongSidebarPage = R"(<html><head><title>New reading room opens / Town Library</title></head><body>
<div id="page">
 <div class="main"><h1>New reading room opens</h1>
  <p>The town library opened a new reading room on its second floor on Monday, with forty seats, long tables and a view over the river.</p>
  <p>It stays open until ten in the evening during the exam weeks, the head librarian said.</p></div>
 <div class="column sidebar">
  <div class="block"><p>Our volunteers read to children every Saturday morning in the hall, and new helpers are always welcome to join the group for a trial session.</p></div>
  <div class="block"><p>The library lends tools, games and musical instruments as well as books; ask at the front desk for the full list and the conditions of each loan.</p></div>
  <div class="block"><p>Members can reserve up to ten items at once online, and collect them at any of the three branches in the district within a week of the notice.</p></div>
 </div>
</div></body></html>)";

// A cookie notice set after the story at the foot of the page.
constexpr const char* kCookieNoticePage = R"(<html><body>
<div class="text">
 <p>The council approved the budget for the new swimming pool on Wednesday, and building work is to start in the spring after the last permits arrive.</p>
 <p>The pool will have six lanes, a separate basin for children and a sauna, and should open in the summer of the following year, the mayor said.</p>
 <p>Entry prices will stay at the level of the old pool for the first season, and residents of the town will pay less than visitors.</p>
</div>
<div id="notice"><p>What are cookies?</p>
 <p>A cookie is a small text file that your browser stores when you visit a website, so that the site can remember your settings the next time.</p>
 <p>You can switch cookies off in your browser at any time, though some parts of the site may then not work as intended.</p></div>
</body></html>)";

// A blurb of another story set after this one, closing with a "read on"
// link.
constexpr const char* kReadMoreBlurbPage = R"(<html><body><div class="article">
 <p>The old lighthouse on the northern cape will open to visitors again in May, after two years of repairs to its stairs and lantern room.</p>
 <p>Tickets will be sold at the gate only, and groups of more than ten people are asked to book a guided tour in advance.</p>
 <p>Summer is here, and the beaches along the cape are filling up with families from the city. See where to find a quiet spot! <a href="/beaches">Weiterlesen</a></p>
</div></body></html>)";

// A recipe closing with plain lists in boxes of their own: the items are
// the recipe's; a list of bare tokens is not.
constexpr const char* kClosingListsPage = R"(<html><body><div class="recipe">
 <div class="intro">
  <p>This plum cake is the one my grandmother baked every September, when the trees behind the house gave more fruit than anyone could eat.</p>
  <p>It keeps for three days under a cloth, and it tastes even better on the second day, when the plums have soaked into the dough.</p>
 </div>
 <div class="facts"><h3>Per slice</h3><ul><li>310 kcal</li><li>6 g protein</li><li>11 g fat</li>
  <li>Category: <a href="/cakes">Cakes</a></li><li>Baking time: 45 minutes at 180 degrees</li></ul></div>
 <div class="tips"><ul><li>Serve it warm with whipped cream.</li><li>Apricots work just as well as plums.</li></ul></div>
 <div class="sizes"><ul><li>narrow-screen</li><li>wide-screen-and-larger</li></ul></div>
</div></body></html>)";

// A short story under a long discussion: the comment section holds most
// of the page's prose and stays furniture.
constexpr const char* kLongDiscussionPage = R"(<html><head><title>Bridge closed for repairs</title></head><body>
<div class="story"><h1>Bridge closed for repairs</h1>
 <p>The old stone bridge over the river will be closed to cars for three months from Monday while its arches are repaired, the council said.</p></div>
<div class="comments-area">
 <p>I cross that bridge every morning on my way to work and the detour through the industrial estate will add twenty minutes each way.</p>
 <p>Three months sounds optimistic to me, the last repair on the northern bank took almost a year and nobody ever explained why.</p>
 <p>At least cyclists and walkers can still use it, which is more than we were promised the last time the council closed a bridge here.</p>
</div></body></html>)";

// A page builder's story: image-and-text sections whose text sits in
// <header> elements.
constexpr const char* kHeaderSectionsPage = R"(<html><body><main><div class="sections">
 <p>It was the evening the whole federation had waited for since the new stadium opened, and the stands were full an hour before the start.</p>
  <p>Four runners who had never won a senior medal together lined up in the outside lane, with the favourites from the north on either side of them.</p>
  <p>What followed took less than three minutes and will be remembered for much longer, the federation's president said after the ceremony.</p>
  <p>The youngest of the four had been picked only in the spring, after a trial race on a wet track that most of the national squad had skipped.</p>
  <p>The oldest, at thirty-one, had said before the season that it would be her last, and she repeated it on Saturday with a laugh.</p>
  <p>Ticket sales for the rest of the championships doubled overnight, the organisers said on Sunday morning.</p>
 <section><article class="media-text"><header class="media-text__words">
  <p>The relay team set a national record on Saturday, finishing the final in under three minutes for the first time in the country's history.</p>
  <p>Their coach said the team had trained at altitude for six weeks before the championships and had changed the running order only the day before, after the second runner complained of a sore ankle in the warm-up.</p>
  <p>The old record had stood for eleven years and belonged to a team that included the current coach's sister.</p>
 </header></article></section>
 <section><article class="media-text"><header class="media-text__words">
  <p>The anchor runner, who turned nineteen last month, overtook two rivals on the final bend and crossed the line with her arms raised.</p>
  <p>She said afterwards that she had not looked at the clock and only learned of the record from her teammates in the mixed zone, where reporters had already gathered around the team's coach and the federation's president.</p>
  <p>Her parents had driven through the night to watch the final from the stand behind the finish line.</p>
 </header></article></section>
 <section><article class="media-text"><header class="media-text__words">
  <p>The team will be honoured at a reception in the capital next week, the federation said, before the squad travels to the next meeting.</p>
 </header></article></section>
</div></main></body></html>)";

// A cooking tip written in one <div> with <br> between its lines: the
// short first and last lines are the tip's.
constexpr const char* kBrLinesPage = R"(<html><body><div class="layout"><div class="tip-step">
 You know the problem!<br>
 You want to cut a ripe tomato into thin slices, but the knife squashes it and the juice runs all over the board before the first slice is done.<br>
 The trick is a serrated knife: it bites through the skin without pressing down, and the slices come out clean even when the tomato is very soft.<br>
 Try it!
</div></div></body></html>)";

// A page wrapper carrying a cookie plugin's state class: it holds the
// headline, so it is a wrapper, and the lead under the headline stays.
constexpr const char* kStateClassPage = R"(<html><head><title>Harbour cranes to be replaced</title></head><body>
<div id="page" class="site cookies-not-set">
 <div class="intro"><h1>Harbour cranes to be replaced</h1>
  <p>The port authority will replace all six container cranes on the east quay over the next four years, in the largest investment in the harbour since the new lock was opened, its director told a meeting of shippers on Tuesday evening.</p></div>
 <div class="entry-content">
  <p>The first two cranes are to arrive by ship from the manufacturer next spring and will be assembled on the quay over the summer months.</p>
  <p>The old cranes will be taken apart and sold for scrap, except one, which a local museum has asked to keep as a monument.</p>
  <p>Shipping lines welcomed the plan but asked that the work be done in stages, so that the quay stays open throughout.</p>
 </div>
</div>
<div class="cookie-notice"><p>We use cookies to give you the best experience on our website and to count our visitors.</p></div>
</body></html>)";

// A story wrapper whose class mentions image captions: a large subtree,
// not a caption.
constexpr const char* kCaptionNamedWrapperPage = R"(<html><body><div class="image-captions-on">
 <p>The city's oldest bakery will close at the end of the year after 140 years, its owners said, because none of their children want to take it over.</p>
 <p>Customers queued around the block on Saturday morning for a last chance to buy the rye bread the bakery has made to the same recipe since it opened.</p>
 <p>The owners said they hoped another baker would rent the premises and keep the ovens going, and that they would share the recipe with the right person.</p>
 <p>The building itself belongs to the city, which has promised to keep the shop front as it is whatever business moves in.</p>
</div></body></html>)";

// A hero with the headline and a long lead above a layout-named wrapper
// that holds the story's <article>: the wrapper is a wrapper.
constexpr const char* kHeroPage = R"(<html><head><title>Night trains return to the coast line</title></head><body>
<div class="hero"><h1>Night trains return to the coast line</h1>
 <p>After nine years without a single sleeper service, the coast line will again see night trains from December, with two departures a week in each direction and new cabins for families.</p></div>
<div class="content-sidebar-wrap">
 <article>
  <p>The operator said the first trains would leave the capital on Friday evenings and arrive at the coast early on Saturday morning, in time for breakfast by the sea.</p>
  <p>Tickets go on sale next month, and a cabin for four is to cost less than two hotel rooms for one night, the operator's director said at the launch.</p>
  <p>Railway unions welcomed the return of the service but warned that the sleeper carriages, bought second-hand, will need frequent repairs.</p>
  <p>Tourism officials on the coast hope the trains will bring visitors outside the summer season, when many hotels stand half empty.</p>
 </article>
 <div class="widget"><p>Subscribe</p></div>
</div></body></html>)";

// The pages above: phrases the body keeps and phrases it loses.
TEST(ExtractContent, PagesKeepTheStoryAndLoseTheFurniture) {
  struct Case {
    const char* name;
    const char* page;
    std::vector<std::string_view> kept, dropped;
  } cases[] = {
      {"captions and credits leave, written-out links stay", kCaptionPage,
       {"The harbour festival returns", "The fireworks start at nine", "http://shop.example/a1", "http://shop.example/b2"},
       {"Harbour Photo Agency", "Stalls on the quay", "The lighthouse at dawn", "Foto: Dok."}},
      {"container text after a furniture section stays", kLooseTextPage,
       {"a stock-picker's market now", "Analysts expect earnings"},
       {"Bond yields slip", "Trending"}},
      {"a linked sentence stays, a linked headline goes", kLinkedSentencePage,
       {"Anna Berg has joined Harbour United Women on a free transfer from Northside Rovers FC.", "twenty-one goals"},
       {"Ferry fares to rise", "Mehr dazu"}},
      {"a related section with blurbs goes", kRelatedBlurbsPage,
       {"The new timetable will be published"},
       {"Night buses will replace", "old station hall"}},
      {"key points go, an ad label takes nothing", kKeyPointsPage,
       {"ending a debate that had lasted", "double the port's capacity", "new nature reserve"},
       {"Key Points", "Construction is to start next year", "Advertisement"}},
      {"a pull quote in the articleBody stays", kPullQuotePage,
       {"The sea finally gave something back", "Prices at the morning auction"},
       {"weekly market report"}},
      {"a bare furniture heading ends the story", kBareTailHeadingPage,
       {"vieux marché couvert", "dix-huit mois"},
       {"Aller plus loin", "Rapport sur les halles", "Colloque"}},
      {"a heading followed by prose cuts nothing", kStoryHeadingPage,
       {"climbing roses", "pale yellow rambler", "doubled her order"},
       {}},
      {"links to other sites inside the story stay, the site's own go", kShopLinksPage,
       {"Over-ear headphones with noise cancelling", "Portable speaker with a ten-hour battery", "All offers were checked"},
       {"Our review of the best speakers", "the buying guide", "readers in Britain"}},
      {"a second caption and a call-to-action box go", kTwoCaptionsPage,
       {"elected a new speaker", "promised to hold the first session"},
       {"during the vote on Thursday", "Harbour Street", "morning briefing"}},
      {"a named anchor's text is plain text", kNamedAnchorPage,
       {"When will the inner basin be closed to ships?", "six weeks"},
       {"Load more interviews"}},
      {"a caption naming its picture goes without an <img>", kScriptedImagePage,
       {"opened its new terminal", "check-in desks"},
       {"seen from the runway"}},
      {"a short post among alike siblings is no teaser card", kPostAmongSiblingsPage,
       {"twice an hour from June to September"},
       {"Older posts"}},
      {"a sidebar after a short post keeps its cue", kLongSidebarPage,
       {"opened a new reading room", "exam weeks"},
       {"volunteers read to children", "lends tools", "reserve up to ten items"}},
      {"a cookie notice after the story goes", kCookieNoticePage,
       {"swimming pool", "six lanes", "Entry prices"},
       {"What are cookies", "small text file", "switch cookies off"}},
      {"a blurb closing with a read-more link goes", kReadMoreBlurbPage,
       {"old lighthouse", "guided tour"},
       {"beaches along the cape", "Weiterlesen"}},
      {"plain lists closing the body stay, token lists go", kClosingListsPage,
       {"plum cake", "310 kcal", "11 g fat", "Baking time: 45 minutes", "whipped cream", "Apricots work"},
       {"narrow-screen", "wide-screen-and-larger"}},
      {"a comment section outweighing the story stays furniture", kLongDiscussionPage,
       {"old stone bridge"},
       {"cross that bridge every morning", "sounds optimistic", "cyclists and walkers"}},
      {"headers of prose paragraphs are the story's", kHeaderSectionsPage,
       {"national record", "trained at altitude", "anchor runner", "from her teammates"},
       {}},
      {"short lines of the prose's own element stay", kBrLinesPage,
       {"You know the problem!", "serrated knife", "Try it!"},
       {}},
      {"a wrapper with a boilerplate state class is a wrapper", kStateClassPage,
       {"all six container cranes", "first two cranes", "stays open throughout"},
       {"We use cookies"}},
      {"a wrapper named after image captions is no caption", kCaptionNamedWrapperPage,
       {"oldest bakery", "rye bread", "shop front"},
       {}},
      {"a wrapper holding the story's article is a wrapper", kHeroPage,
       {"first trains would leave", "cabin for four", "half empty"},
       {"Subscribe"}},
      {"an ad label cuts nothing", kLateAdLabelPage,
       {"resume flights", "third daily flight", "Bookings open next week."},
       {"Advertisement"}},
      {"a script's error message goes", kScriptErrorPage,
       {"walking trail"},
       {"Undefined variable"}},
  };
  for (const Case& c : cases) {
    Extracted e = Extract(c.page);
    const auto& p = e.content.paragraphs;
    for (std::string_view phrase : c.kept) EXPECT_TRUE(Has(p, phrase)) << c.name << ": " << phrase << " in " << testing::PrintToString(p);
    for (std::string_view phrase : c.dropped) EXPECT_FALSE(Has(p, phrase)) << c.name << ": " << phrase;
  }
}

// A story that ends on an embedded post: its attribution line, set in
// the quote around the post's paragraph, closes the body.
constexpr const char* kClosingTweetPage = R"(<html><body><div class="story">
 <p>The mayor announced on Tuesday that the old ferry pier will be rebuilt next year, after a survey found its wooden piles badly rotten.</p>
 <p>Residents had campaigned for the repair for more than five years, and many of them shared the news on social media within minutes.</p>
 <blockquote class="twitter-tweet"><p>Five years of letters, meetings and petitions, and the pier will finally be rebuilt. Thank you to everyone who signed!</p>— Harbour Friends (@harbourfriends) <a href="https://x.example/1">March 4, 2025</a></blockquote>
</div></body></html>)";

TEST(ExtractContent, ClosingTweetKeepsItsAttribution) {
  Extracted e = Extract(kClosingTweetPage);
  const auto& p = e.content.paragraphs;
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p.back(), "— Harbour Friends (@harbourfriends) March 4, 2025") << testing::PrintToString(p);
}

TEST(ExtractContent, BadInputNeverCrashes) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div><span>";
  deep += "text at the bottom of a very deep tree, long enough to count as a paragraph of prose.";
  const std::vector<std::string> inputs = {
      "", "plain text without markup", "<p>", "\xff\xfe\x00\x01<p>\x80\x81</p>", deep,
      "<frameset><frame src=a></frameset>", "<img src=x><figcaption>orphan caption</figcaption>"};
  for (const std::string& html : inputs) {
    Extracted e = Extract(html);
    for (const std::string& p : e.content.paragraphs) EXPECT_FALSE(p.empty());
  }
}

struct CollapseCase {
  const char* html;      // the opening of the paragraph, as written
  const char* expected;  // as extracted
};

// Text is copied in runs between special bytes: every kind of whitespace,
// NBSP, invisible characters and non-ASCII text next to them.
TEST(ExtractContent, WhitespaceCollapsesAndInvisibleCharactersDrop) {
  const CollapseCase cases[] = {
      {"Alpha  beta\n\t gamma", "Alpha beta gamma"},
      {"Alpha\n\u2018quoted\u2019 word", "Alpha \u2018quoted\u2019 word"},
      {"Alpha \u201cquoted\u201d\n\u2014 word", "Alpha \u201cquoted\u201d \u2014 word"},
      {"Alpha&nbsp;beta\u00a0 gamma", "Alpha beta gamma"},
      {"Al\u00adpha be\u200bta gam\ufeffma\u2060", "Alpha beta gamma"},
      {"\n   Alpha <b>beta</b> <i>gamma</i>", "Alpha beta gamma"},
      {"Caf\u00e9 \u00a9 na\u00efve \u2013 r\u00e9sum\u00e9", "Caf\u00e9 \u00a9 na\u00efve \u2013 r\u00e9sum\u00e9"},
  };
  const std::string tail =
      " and then the paragraph goes on long enough to be read as the prose of the story itself.";
  for (const CollapseCase& c : cases) {
    Extracted e = Extract("<html><body><article><p>" + std::string(c.html) + tail +
                          "  \n</p></article></body></html>");
    ASSERT_EQ(e.content.paragraphs.size(), 1u) << c.html;
    EXPECT_EQ(e.content.paragraphs[0], c.expected + tail) << c.html;
  }
}

// White space between tags and around words, of every length the sixteen-
// and eight-byte steps see (whole, partial, overlapping), and runs that
// stop at their last byte.
TEST(ExtractContent, WhitespaceRunsOfEveryLengthCollapse) {
  const std::string tail =
      " and then the paragraph goes on long enough to be read as the prose of the story itself.";
  for (size_t n = 1; n <= 40; ++n) {
    std::string run;
    for (size_t k = 0; k < n; ++k) run.push_back(" \t\n\r\f"[k % 5]);
    for (const std::string& html : {"Alpha<b>" + run + "</b>beta" + run + "gamma", run + "Alpha <i>" + run + "beta</i>" + run + "x gamma",
                                     "Alpha" + run.substr(0, n - 1) + "\u00e9 beta " + run + "gamma"}) {
      Extracted e = Extract("<html><body><article><p>" + html + tail + run + "</p></article></body></html>");
      ASSERT_EQ(e.content.paragraphs.size(), 1u) << n;
      std::string want = html.find("x gamma") != std::string::npos ? "Alpha beta x gamma"
                         : html.find("\u00e9") != std::string::npos ? (n == 1 ? "Alpha\u00e9 beta gamma" : "Alpha \u00e9 beta gamma")
                                                                     : "Alpha beta gamma";
      EXPECT_EQ(e.content.paragraphs[0], want + tail) << n;
    }
  }
}

// Which attribute gives an image's source (lazy-loading ones before src,
// data: URLs passed over, the first srcset candidate last), and which
// sizes mark an icon.
TEST(ExtractContent, ImageSourcesAndTinyImages) {
  const std::string prose =
      "<p>The paragraph goes on long enough to be read as the prose of the story itself, and then some more.</p>";
  struct Case {
    const char* img;
    const char* src;  // "" when the image is not kept
  } cases[] = {
      {"<img src=\"/a.jpg\">", "/a.jpg"},
      {"<img src=\"/a.jpg\" data-lazy-src=\" /lazy.jpg \">", "/lazy.jpg"},
      {"<img data-original=\"/orig.jpg\" data-src=\"data:image/gif;base64,AA\" src=\"/a.jpg\">", "/orig.jpg"},
      {"<img srcset=\" /s1.jpg 1x, /s2.jpg 2x\" data-srcset=\"/d1.jpg 1x\">", "/d1.jpg"},
      {"<img src=\"data:image/gif;base64,AA\" srcset=\"/s1.jpg,/s2.jpg\">", "/s1.jpg"},
      {"<img src=\"/icon.png\" width=\"16\" height=\"300\">", ""},
      {"<img src=\"/wide.png\" width=\"600px\" height=\"auto\">", "/wide.png"},
      {"<img src=\"/px.gif\" height=\"1\">", ""},
  };
  for (const Case& c : cases) {
    Extracted e = Extract("<html><body><article>" + std::string(c.img) + prose + prose + "</article></body></html>");
    if (std::string_view(c.src).empty()) {
      EXPECT_TRUE(e.content.images.empty()) << c.img;
    } else {
      ASSERT_EQ(e.content.images.size(), 1u) << c.img;
      EXPECT_EQ(e.content.images[0].src, c.src) << c.img;
    }
  }
}

struct CueCase {
  const char* html;
  Cue cue;
};

TEST(ClassifyElement, Cues) {
  const CueCase cases[] = {
      {"<div class='entry-content'>", Cue::kContent},
      {"<div itemprop='articleBody' class='comments'>", Cue::kArticleBody},
      {"<div id='comments'>", Cue::kBoilerplate},
      {"<div class='comment-content'>", Cue::kBoilerplate},
      {"<div class='box-terkait'>", Cue::kBoilerplate},
      {"<div class='ad-slot'>", Cue::kLayout},
      {"<div class='header'>", Cue::kLayout},
      {"<div class='subheader'>", Cue::kNone},
      {"<div class='address'>", Cue::kNone},
      {"<div class='page-ad-margins'>", Cue::kNone},
      {"<div class='article-body l-sidebar-fixed'>", Cue::kNone},
      {"<div class='has-sidebar no-comments'>", Cue::kNone},
      {"<article class='post category-advertising author-jane tag-news'>", Cue::kContent},
      {"<nav>", Cue::kLayout},
      {"<figcaption>", Cue::kCaption},
      {"<div role='navigation'>", Cue::kLayout},
      {"<span class='off-screen'>", Cue::kLayout},
      {"<span class='story-image-copyright'>", Cue::kCaption},
      {"<div class='footer-copyright'>", Cue::kLayout},
      {"<div class='social-media-embed'>", Cue::kContent},
      {"<div class='social-share'>", Cue::kLayout},
      {"<div class='slider slider--teaser'>", Cue::kLayout},
      {"<div class='owl-carousel'>", Cue::kLayout},
      {"<div class='legend'>", Cue::kCaption},
      {"<section class='editorial-disclosure'>", Cue::kBoilerplate},
      {"<div class='hang-glider-story'>", Cue::kContent},
      // Next and previous post links; call-to-action boxes.
      {"<div class='pager-box prev-next-links'>", Cue::kLayout},
      {"<div class='entry-previous-link'>", Cue::kLayout},
      {"<div class='prevention-tips'>", Cue::kNone},
      {"<div class='cta-box'>", Cue::kBoilerplate},
      {"<div class='octagon'>", Cue::kNone},
      // Tokens split by any whitespace, folded, read past 64 bytes and
      // across a 16-byte step; BEM modifiers and modifier prefixes dropped.
      {"<div class='x\tSIDEBAR'>", Cue::kLayout},
      {"<div class='section--ads teaser--no-comments --ads'>", Cue::kNone},
      {"<div class='abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123 \n sidebar'>",
       Cue::kLayout},
      {"<div class='abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstu-sidebar'>", Cue::kLayout},
      {"<div class='abcdefghijklm comment'>", Cue::kBoilerplate},
      {"<div class='has-sidebar'>", Cue::kNone},
      // Words longer than the eight bytes compared at once, upper case, a
      // word at the very end of a value, and words past the 256-byte cut.
      {"<div class='Visually-Hidden'>", Cue::kLayout},
      {"<div class='visually-hiddenx'>", Cue::kLayout},
      {"<div class='visually-hidde'>", Cue::kNone},
      {"<div class='TOP-AD'>", Cue::kLayout},
      {"<div class='xyzzy-abcdef-ad'>", Cue::kLayout},
      {"<div class='xyzzy-abcdef-a'>", Cue::kNone},
      {"<div class='abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01"
       "23456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrst"
       "uvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789ab sidebar'>",
       Cue::kNone},
  };
  for (const CueCase& c : cases) {
    auto doc = ParseHtml(c.html);
    const Node* el = doc->body()->first_child;
    ASSERT_NE(el, nullptr) << c.html;
    EXPECT_EQ(ClassifyElement(*el), c.cue) << c.html;
  }
}

// Hidden elements give no cue, whichever attribute hides them and wherever
// it sits among the cue-giving ones.
// Token cues are remembered from value to value and page to page: tokens
// that differ only far in, or around the longest remembered size, keep
// their own cues however often they come back.
TEST(ClassifyElement, RepeatedTokensKeepTheirCues) {
  struct TokenCase {
    const char* cls;
    Cue cue;
  } cases[] = {
      {"xxxxxxxxxxxxxxxxsidebar", Cue::kLayout},     {"xxxxxxxxxxxxxxxxsidebaz", Cue::kNone},
      {"xxxxxxxxxxxxxxxxxsidebar", Cue::kLayout},    {"xxxxxxxxxxxxxxxxxxsidebar", Cue::kLayout},
      {"xxxxxxxxxxxxxxxxxxsidebaz", Cue::kNone},     {"entry-content", Cue::kContent},
      {"entri-contenu", Cue::kNone},                 {"col-md-8 entry-content", Cue::kContent},
  };
  for (int round = 0; round < 3; ++round) {
    for (const TokenCase& c : cases) {
      const std::string html = std::string("<div class='") + c.cls + "'>";  // the document keeps views of it
      auto doc = ParseHtml(html);
      const Node* el = doc->body()->first_child;
      ASSERT_NE(el, nullptr) << c.cls;
      CueCache cache;
      EXPECT_EQ(ClassifyRendered(*el, &cache), c.cue) << c.cls << " round " << round;
      EXPECT_EQ(ClassifyElement(*el), c.cue) << c.cls << " round " << round;
    }
  }
}

// Values of one length that differ in a single byte, at every position:
// each keeps its own cue set, from the cache as from the first look-up.
TEST(CueCache, TellsApartValuesDifferingInOneByte) {
  std::vector<std::pair<std::string, uint8_t>> values;  // long values are cached as views: they stay
  for (size_t n = 1; n <= 40; ++n) {
    for (size_t pos = 0; pos < n; ++pos) {
      std::string value(n, 'a');
      value[pos] = 'b';
      values.emplace_back(value, static_cast<uint8_t>(n * 7 + pos));
    }
  }
  CueCache cache;
  for (int round = 0; round < 2; ++round) {
    for (const auto& [value, expected] : values) {
      EXPECT_EQ(cache.Get(value, [&](std::string_view) { return expected; }), expected) << value;
    }
  }
}

// Class values of every length up to past two words of bits: the folding
// reads them in overlapping steps, and each byte's case, white space and
// dashes must land where the tokens are cut.
TEST(ClassifyElement, ValuesOfEveryLength) {
  struct LengthCase {
    std::string prefix, suffix;
    Cue cue;
  };
  const LengthCase cases[] = {
      {"", "\tSIDEBAR", Cue::kLayout},         {"SIDEBAR\n", "", Cue::kLayout},
      {"", " has-sidebar", Cue::kNone},          {"", " x--sidebar", Cue::kNone},
      {"", "-sidebaz", Cue::kNone},              {"", "-Entry-Content", Cue::kContent},
  };
  for (const LengthCase& c : cases) {
    for (size_t pad = 1; pad <= 140; ++pad) {
      const std::string cls = c.prefix + std::string(pad, 'q') + c.suffix;
      const std::string html = "<div class='" + cls + "'>";
      auto doc = ParseHtml(html);
      const Node* el = doc->body()->first_child;
      ASSERT_NE(el, nullptr) << cls;
      EXPECT_EQ(ClassifyElement(*el), c.cue) << cls;
    }
  }
}

// One cache read by document after document: short values are kept as
// copies past Clear, long ones are views and forgotten; either way each
// value gets its own cue.
TEST(CueCache, ServesDocumentAfterDocument) {
  const std::string long_layout = "x-" + std::string(40, 'a') + " sidebar";
  const std::string long_plain = "x-" + std::string(40, 'a') + " sidebaz";
  struct ValueCase {
    const char* cls;
    Cue cue;
  };
  const ValueCase cases[] = {
      {"entry-content", Cue::kContent}, {"sidebar", Cue::kLayout}, {"sidebaz", Cue::kNone},
      {long_layout.c_str(), Cue::kLayout}, {long_plain.c_str(), Cue::kNone},
  };
  CueCache cache;
  for (int round = 0; round < 3; ++round) {
    for (const ValueCase& c : cases) {
      cache.Clear();
      const std::string html = std::string("<div class='") + c.cls + "'>";
      auto doc = ParseHtml(html);
      const Node* el = doc->body()->first_child;
      ASSERT_NE(el, nullptr) << c.cls;
      EXPECT_EQ(ClassifyRendered(*el, &cache), c.cue) << c.cls << " round " << round;
    }
  }
}

TEST(ClassifyRendered, HiddenAndCues) {
  struct RenderedCase {
    const char* html;
    std::optional<Cue> cue;
  };
  const RenderedCase cases[] = {
      {"<div class='entry-content'>", Cue::kContent},
      {"<div hidden class='entry-content'>", std::nullopt},
      {"<div class='entry-content' aria-hidden='TRUE'>", std::nullopt},
      {"<div aria-hidden='false' class='sidebar'>", Cue::kLayout},
      {"<div style='Display: None' itemprop='articleBody'>", std::nullopt},
      {"<div itemprop='articleBody' style='visibility:hidden'>", std::nullopt},
      {"<div style='color:navy; display :\t\nNONE' class='sidebar'>", std::nullopt},
      {"<div style='color: navy; height: 2px' class='sidebar'>", Cue::kLayout},
      {"<div style='display:block;visibility: Hidden'>", std::nullopt},
      {"<div style='display:block' class='sidebar'>", Cue::kLayout},
      {"<div style='display:\fnone' class='sidebar'>", Cue::kLayout},  // \f is kept, unlike ' ', \t and \n
      {"<div style='color: red' itemprop='articleBody' role='navigation'>", Cue::kArticleBody},
      {"<div role='navigation' itemprop='articleBody'>", Cue::kLayout},
      {"<nav class='entry-content'>", Cue::kLayout},
      {"<nav hidden>", std::nullopt},
      {"<h2 id='comments' class='title'>", Cue::kNone},
      {"<main>", Cue::kContent},
  };
  for (const RenderedCase& c : cases) {
    auto doc = ParseHtml(c.html);
    const Node* el = doc->body()->first_child;
    ASSERT_NE(el, nullptr) << c.html;
    CueCache cache;
    EXPECT_EQ(ClassifyRendered(*el, &cache), c.cue) << c.html;
    if (c.cue) {
      EXPECT_EQ(ClassifyElement(*el), *c.cue) << c.html;
    }
  }
}

TEST(BoilerplateLines, CallsToAction) {
  for (const char* line :
       {"Follow us on Twitter and Facebook for the latest news.", "Follow The Daily Post on Instagram.",
        "Get the morning briefing in your inbox. Sign up for our free newsletter.",
        "Like this story? Share it with a friend!", "Have a tip? Our reporter may be reached at desk@example.com.",
        "Ikuti kami di media sosial untuk berita terbaru.", "Simak berita lainnya, klik di sini.",
        "We'd like to hear what you think about this story. Here's our email: letters@example.com.",
        "Follow WhatsApp Channel Harian Kota untuk update berita terbaru setiap hari",
        "Dapatkan update berita pilihan setiap hari dari Harian Kota."}) {
    EXPECT_TRUE(IsCallToAction(line)) << line;
  }
  for (const char* line :
       {"The minister said on Twitter that the talks would follow the election.",
        "Followers of the club gathered outside the stadium on Sunday.",
        "Subscribers to the service rose by a third, the company said.",
        "Warga mengikuti upacara di alun-alun kota sejak pagi."}) {
    EXPECT_FALSE(IsCallToAction(line)) << line;
  }
}

TEST(BoilerplateLines, ContributorNotes) {
  for (const char* line :
       {"Jane Roe is a senior writer for the Daily Post. @janeroe", "Freier Autor in Berlin und Übersetzer.",
        "Budi Santoso adalah wartawan yang meliput isu lingkungan.",
        "Anna Berg ist Redakteurin im Ressort Wirtschaft."}) {
    EXPECT_TRUE(IsContributorNote(line)) << line;
  }
  for (const char* line :
       {"The writer said the book took ten years to finish.", "Editors at the paper voted to strike on Monday.",
        "Penulisan ulang undang-undang itu selesai pekan lalu."}) {
    EXPECT_FALSE(IsContributorNote(line)) << line;
  }
}

TEST(BoilerplateLines, Lines) {
  EXPECT_TRUE(IsBoilerplateLine("Baca juga: Harga Cabai Naik"));
  EXPECT_TRUE(IsBoilerplateLine("ADVERTISEMENT"));
  EXPECT_TRUE(IsBoilerplateLine("Share"));
  EXPECT_FALSE(IsBoilerplateLine("Shareholders approved the merger on Monday."));
  EXPECT_FALSE(IsBoilerplateLine("Subscribers paid more this year, the company said."));
  // Disclaimers, pleas and prompts in several languages; image credits.
  EXPECT_TRUE(IsBoilerplateLine("Dieser Beitrag gibt die Meinung der Gastautorin wieder."));
  EXPECT_TRUE(IsBoilerplateLine("Join our weekly garden newsletter"));
  EXPECT_TRUE(IsBoilerplateLine("Zapraszamy do lektury kolejnego numeru."));
  EXPECT_TRUE(IsBoilerplateLine("Puede escribirnos a la redacción o seguirnos en la radio."));
  EXPECT_TRUE(IsBoilerplateLine("Die Hafenmauer bei Nacht. | \u00a9 Bildagentur / Fotograf"));
  EXPECT_TRUE(IsBoilerplateLine("Kontakt"));
  EXPECT_TRUE(IsBoilerplateLine("Weitere Informationen"));
  EXPECT_TRUE(IsBoilerplateLine("Bild anzeigen Bild schließen"));
  EXPECT_TRUE(IsBoilerplateLine("Vergrößern Der neue Bahnsteig am Morgen nach der Eröffnung."));
  EXPECT_TRUE(IsBoilerplateLine("Abbildung: Pegelstände am Fluss im Vergleich der letzten Jahre"));
  EXPECT_TRUE(IsBoilerplateLine("Stand: 12. März 2024"));
  EXPECT_FALSE(IsBoilerplateLine("Standortwechsel sind für viele Betriebe teuer."));
  EXPECT_TRUE(IsBoilerplateLine("Foto: Dok. Humas Pemkot"));
  EXPECT_TRUE(IsBoilerplateLine("Photo: Jane Roe, AP"));
  EXPECT_TRUE(IsBoilerplateLine("Photo by Sam Poe on a stock site"));
  EXPECT_TRUE(IsBoilerplateLine("Image copyright"));
  EXPECT_TRUE(IsBoilerplateLine("(Credit: Jane Roe / Agency)"));
  EXPECT_TRUE(IsBoilerplateLine("(Bild: Max Muster)"));
  EXPECT_FALSE(IsBoilerplateLine("Photographers lined the street before dawn."));
  EXPECT_FALSE(IsBoilerplateLine("Fotografer itu tiba sebelum subuh."));
  EXPECT_FALSE(IsBoilerplateLine("Kontakt zur Polizei nahm der Fahrer erst am Morgen auf."));
  EXPECT_FALSE(IsBoilerplateLine("Dieselpreise stiegen im Herbst erneut."));
  EXPECT_FALSE(IsBoilerplateLine(
      "Der Verlag \u00a9 wurde 1901 gegründet, und seither erschienen dort mehr als "
      "zweitausend Bücher über Seefahrt, Häfen und die Geschichte der Küstenstädte."));
  EXPECT_TRUE(IsBoilerplateLine("Empfohlener redaktioneller Inhalt"));
  EXPECT_TRUE(IsBoilerplateLine("An dieser Stelle findet ihr einen externen Inhalt, der den Artikel ergänzt."));
  EXPECT_TRUE(IsBoilerplateLine("This slideshow requires JavaScript."));
  EXPECT_TRUE(IsBoilerplateLine("[Gambas:Video Harian Kota]"));
  EXPECT_TRUE(IsBoilerplateLine("Penulis: Rina Kusuma | Editor: Budi Santoso"));
  EXPECT_TRUE(IsBoilerplateLine("Pewarta: Rina Kusuma"));
  EXPECT_FALSE(IsBoilerplateLine("Editorial boards across the country weighed in on Sunday."));
  EXPECT_TRUE(IsBoilerplateLine("(dnu/dnu)"));
  EXPECT_TRUE(IsBoilerplateLine("(*)"));
  EXPECT_TRUE(IsBoilerplateLine("(Rina Kusuma)"));
  EXPECT_TRUE(IsBoilerplateLine("Artikel ini telah tayang di Harian Kota dengan judul \"Banjir Rendam Pesisir\""));
  EXPECT_FALSE(IsBoilerplateLine("(Nama tersangka disamarkan untuk melindungi keluarganya, termasuk anak-anaknya yang masih kecil.)"));
  EXPECT_FALSE(IsBoilerplateLine("(12)"));
  EXPECT_TRUE(IsBoilerplateLine("Advert"));
  EXPECT_TRUE(IsBoilerplateLine("DON'T MISS"));
  EXPECT_TRUE(IsBoilerplateLine("Filed under: Opini |"));
  EXPECT_TRUE(IsBoilerplateLine("Waktu baca: 3 menit"));
  EXPECT_FALSE(IsBoilerplateLine("Advertisers pulled out of the deal in March."));
  EXPECT_TRUE(IsBoilerplateHeading("Berita Terkait"));
  EXPECT_TRUE(IsBoilerplateHeading("Related Articles"));
  EXPECT_FALSE(IsBoilerplateHeading("Posko pengungsian"));
  EXPECT_TRUE(IsBoilerplateHeading("11 responses to \u201cThe longest night of the year on the northern coast of the island\u201d"));
  EXPECT_TRUE(IsBoilerplateHeading("3 Komentar"));
  EXPECT_TRUE(IsBoilerplateHeading("Key Points"));
  EXPECT_TRUE(IsBoilerplateHeading("2 thoughts on \u201cA walk by the river\u201d"));
  EXPECT_FALSE(IsBoilerplateHeading("3 comments from the minister that changed the debate about the new bridge over the river"));
  EXPECT_FALSE(IsBoilerplateHeading("2024 in review"));
  // Related-links headings of other languages.
  for (const char* heading : {"Beliebt.", "Meistgelesen", "Weitere Meldungen", "À lire aussi", "Sur le même sujet",
                              "Noticias relacionadas", "Lo más leído", "Czytaj także", "Leggi anche",
                              "Leia também"}) {
    EXPECT_TRUE(IsBoilerplateHeading(heading)) << heading;
  }
  EXPECT_FALSE(IsBoilerplateHeading("Lirecourt, un village en fête"));
  EXPECT_TRUE(IsSlotLabel("ADVERTISEMENT"));
  EXPECT_TRUE(IsSlotLabel("Key points:"));
  EXPECT_FALSE(IsSlotLabel("Related articles"));
  // A cookie notice's sections.
  EXPECT_TRUE(IsBoilerplateHeading("This website uses cookies"));
  EXPECT_FALSE(IsBoilerplateHeading("Cookies and cakes at the village fair"));
  EXPECT_TRUE(IsBoilerplateLine("Warning: Undefined variable $x in /var/www/a.php on line 7"));
  EXPECT_TRUE(IsBoilerplateLine("Deprecated: Function create_function() is deprecated in /srv/b.php on line 120"));
  EXPECT_FALSE(IsBoilerplateLine("Warning: the footage below shows the flood at its height."));
  EXPECT_TRUE(IsBoilerplateLine("[button link=\"https://example.org/send\" size=\"big\"] Send us your photos[/button]"));
  EXPECT_TRUE(IsBoilerplateLine("[note]Prices as of Monday[/note]"));
  EXPECT_TRUE(IsReadMore("Weiterlesen"));
  EXPECT_TRUE(IsReadMore("Read more \u00bb"));
  EXPECT_TRUE(IsReadMore("Lire la suite\u2026"));
  EXPECT_TRUE(IsReadMore("mehr"));
  EXPECT_FALSE(IsReadMore("More than a game"));
  EXPECT_FALSE(IsReadMore("The council"));
  // Download links.
  EXPECT_TRUE(IsBoilerplateLine("123 KB"));
  EXPECT_TRUE(IsBoilerplateLine("Download (1,5 MB)"));
  EXPECT_TRUE(IsBoilerplateLine("Broschüre herunterladen (2,4 MB)"));
  EXPECT_TRUE(IsBoilerplateLine("Das Protokoll als PDF herunterladen"));
  EXPECT_FALSE(IsBoilerplateLine("Storage: 128 GB"));
  EXPECT_TRUE(IsBoilerplateLine("http://site.example/up/a.jpeg 1200 676 admin http://site.example/up/b.jpg admin2018-10-12"));
  EXPECT_FALSE(IsBoilerplateLine("https://report.example/2024/flood-study.pdf"));
  EXPECT_FALSE(IsBoilerplateLine("http and https are both accepted by the new gateway, the ministry said on Monday."));
  EXPECT_FALSE(IsBoilerplateLine("Memory (16 GB)"));
  EXPECT_FALSE(IsBoilerplateLine("8 GB"));
  EXPECT_FALSE(IsBoilerplateLine("Download speeds doubled to 300 MB"));
  EXPECT_FALSE(IsBoilerplateLine("The new model doubles the memory to 16 GB"));
  EXPECT_FALSE(IsBoilerplateLine("[Update] The road reopened at noon."));
  EXPECT_FALSE(IsBoilerplateLine("[a] first item [/b]"));
  EXPECT_FALSE(IsBoilerplateLine("Notice: the bridge is closed to traffic on line 4 of the tram network"));
}

}  // namespace
}  // namespace warta::extract
