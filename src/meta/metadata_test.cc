#include "meta/metadata.h"

#include <gtest/gtest.h>

#include "meta/collected.h"
#include "warta/html_parser.h"

namespace warta::meta {
namespace {

PageMetadata Extract(const std::string& html, std::string_view url = "") {
  std::unique_ptr<Document> doc = ParseHtml(html);
  return ExtractMetadata(*doc, url);
}

// Pages written for these tests.
constexpr char kNewsPage[] = R"(<!doctype html>
<html lang="id-ID"><head>
<title>Jembatan Baru Dibuka untuk Warga - Kabar Harian</title>
<meta property="og:title" content="Jembatan Baru Dibuka untuk Warga | Kabar Harian">
<meta property="og:site_name" content="Kabar Harian">
<meta property="og:description" content="Jembatan gantung sepanjang 120 meter diresmikan.">
<meta property="og:image" content="https://kabar.example/img/jembatan.jpg">
<meta property="article:published_time" content="2025-08-14T08:15:00+08:00">
<meta property="article:modified_time" content="2025-08-14T09:00:00+08:00">
<meta property="article:section" content="Nusantara">
<meta property="article:tag" content="jembatan">
<meta name="keywords" content="jembatan, desa, infrastruktur">
<meta name="author" content="Kabar Harian">
<link rel="canonical" href="https://kabar.example/nusantara/jembatan-baru">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Jembatan Baru Dibuka untuk Warga","datePublished":"2025-08-14T08:15:00+08:00",
 "author":[{"@type":"Person","name":"Dewi Anggraini"},{"@type":"Organization","name":"Kabar Harian"}],
 "publisher":{"@type":"Organization","name":"Kabar Harian"}}</script>
</head><body>
<nav><a href="/">Beranda</a> <span class="date">Senin, 1 Januari 2024</span></nav>
<article><h1>Jembatan Baru Dibuka untuk Warga</h1>
<div class="byline">Oleh: Dewi Anggraini</div>
<p>MAKASSAR - Jembatan itu dibuka pada Kamis.</p></article>
</body></html>)";

TEST(Metadata, ReadsANewsPage) {
  PageMetadata m = Extract(kNewsPage, "https://kabar.example/nusantara/jembatan-baru");
  EXPECT_EQ(m.title, "Jembatan Baru Dibuka untuk Warga");
  EXPECT_EQ(m.site_name, "Kabar Harian");
  EXPECT_EQ(m.authors, std::vector<std::string>{"Dewi Anggraini"});
  EXPECT_EQ(m.published, "2025-08-14T08:15:00+08:00");
  EXPECT_EQ(m.published_utc, "2025-08-14T00:15:00Z");
  EXPECT_EQ(m.modified, "2025-08-14T09:00:00+08:00");
  EXPECT_EQ(m.language_hint, "id");
  EXPECT_EQ(m.canonical_url, "https://kabar.example/nusantara/jembatan-baru");
  EXPECT_EQ(m.description, "Jembatan gantung sepanjang 120 meter diresmikan.");
  EXPECT_EQ(m.image, "https://kabar.example/img/jembatan.jpg");
  EXPECT_EQ(m.categories, std::vector<std::string>{"Nusantara"});
  EXPECT_EQ(m.tags, (std::vector<std::string>{"jembatan", "desa", "infrastruktur"}));
}

TEST(Metadata, FallsBackToVisibleDatesAndBylines) {
  struct Case {
    const char* html;
    const char* url;
    const char* published;  // first 10 characters compared
    std::vector<std::string> authors;
  } cases[] = {
      // <time> in the article, a sidebar date before it.
      {"<html><body><aside><time datetime='2020-01-01'>1 Jan</time></aside><article><h1>Story headline here</h1>"
       "<p class='meta'>By Jane Roe and John Doe</p><time datetime='2021-03-04T10:00:00+01:00'>4. März 2021</time>"
       "<p>Text.</p></article></body></html>",
       "", "2021-03-04", {"Jane Roe", "John Doe"}},
      // A German blog date in a date-classed element after the heading.
      {"<html><body><div class='calendar'>01.01.2019</div><h1>Ein Titel für den Beitrag</h1>"
       "<div class='post-datum'>Veröffentlicht am 16.08.2019 von <span class='author'>Holger Klein</span></div>"
       "<p>Inhalt.</p><div class='comments'><div class='comment-date'>24.08.2019</div></div></body></html>",
       "", "2019-08-16", {"Holger Klein"}},
      // Only the URL knows.
      {"<html><body><h1>Headline without a date</h1><p>Body text.</p></body></html>",
       "https://news.example.com/2018/05/06/headline", "2018-05-06", {}},
      // English text date, US order, rel=author, outlet names dropped.
      {"<html lang='en'><body><h1>Council votes on the ferry plan</h1><p>Posted on 03/04/2019 by "
       "<a rel='author' href='/staff'>Staff</a></p><p>Text.</p></body></html>",
       "", "2019-03-04", {}},
      // Microdata.
      {"<html><body><div itemscope itemtype='https://schema.org/Article'><h1>Microdata story title</h1>"
       "<meta itemprop='datePublished' content='2017-07-12'><span itemprop='author' itemscope>"
       "<span itemprop='name'>Ana Lima</span></span></div></body></html>",
       "", "2017-07-12", {"Ana Lima"}},
      // A UTC timestamp one day off from the day the page shows.
      {"<html><head><meta property='article:published_time' content='2023-11-09T05:30:59Z'></head><body>"
       "<h1>Late night results story</h1><p class='time'>November 8, 2023 at 11:30 p.m.</p></body></html>",
       "", "2023-11-08", {}},
  };
  for (const Case& c : cases) {
    PageMetadata m = Extract(c.html, c.url);
    EXPECT_EQ(m.published.substr(0, 10), c.published) << c.html;
    EXPECT_EQ(m.authors, c.authors) << c.html;
  }
}

// Which date a page means when its sources disagree. Pages written for
// these tests.
TEST(Metadata, PublicationDateWhenSourcesDisagree) {
  struct Case {
    const char* name;
    const char* html;
    const char* url;
    const char* published;      // as written, offset kept
    const char* published_utc;  // "" without time and offset
  } cases[] = {
      {"a footer's last-change stamp beats an event date in the text",
       "<html><body><h1>Stammtisch im Kreisverband</h1><p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 "
       "ab 19 Uhr statt.</p><div id='footer'><ul><li id='footer-lastmod'>Diese Seite wurde zuletzt am "
       "29. Januar 2020 um 13:22 Uhr geändert.</li></ul></div></body></html>",
       "", "2020-01-29T13:22:00", ""},
      {"an English last-modified stamp, in a footer",
       "<html><body><h1>Licence terms</h1><p>The terms were revised at the meeting in Boston on 29 June 2007 "
       "and apply to every release since.</p><footer><p>Last modified: 18 November 2016</p></footer></body>"
       "</html>",
       "", "2016-11-18", ""},
      {"a dateline under the headline beats a site migration's stamp",
       "<html><body><h1>Städteschutz statt Alpentrutz</h1>\n\t\t\n\t\t<p><strong>Bern,&nbsp;17.08.2007"
       "&nbsp;-&nbsp;Rede beim Städtegipfel</strong></p><p>Text der Rede.</p><p><small>Letzte Änderung "
       "14.02.2019</small></p></body></html>",
       "", "2007-08-17", ""},
      {"a publication cue in an element of its own, indentation between",
       "<html><head><meta name='date' content='2021-10-15'></head><body><h1>Neue Präsidentin gewählt</h1>"
       "<dl>\n        <dt>Erschienen am:</dt>\n        <dd>13.10.2021</dd>\n      </dl><p>Text.</p>"
       "<p>Zuletzt geändert am:</p><p>15.10.2021</p></body></html>",
       "", "2021-10-13", ""},
      {"a generic meta date contradicted by the date under the headline",
       "<html><head><meta name='date' content='2020-04-30'></head><body><h1>Mieten in der Krise</h1>"
       "<ul class='infoline'><li>Von Anna Berg</li><li class='date'><time>29.04.2020, 12:01 Uhr</time></li>"
       "</ul><p>Text.</p></body></html>",
       "", "2020-04-29T12:01:00", ""},
      {"a generic meta date the page agrees with",
       "<html><head><meta name='DC.date' content='2020-04-30T08:00:00+02:00'></head><body><h1>Mieten in der "
       "Krise</h1><p class='date'>30.04.2020</p><p>Text.</p></body></html>",
       "", "2020-04-30T08:00:00+02:00", "2020-04-30T06:00:00Z"},
      {"the last change shown with the headline, without a word of an update",
       "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
       "\"2021-12-14T15:41:07+01:00\",\"dateModified\":\"2022-02-04T15:33:00+01:00\"}</script></head><body>"
       "<h1>Warum sich das Warten lohnt</h1><div class='author'><p>04.02.2022 | 15:33 Uhr | Lena Maier</p></div>"
       "<p>Text.</p></body></html>",
       "", "2022-02-04T15:33:00+01:00", "2022-02-04T14:33:00Z"},
      {"the last change shown as an update keeps the publication",
       "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
       "\"2019-12-22T18:33:43+01:00\",\"dateModified\":\"2020-01-07T10:31:04+01:00\"}</script></head><body>"
       "<h1>Weniger Werbung unter Android</h1><p>Zuletzt geändert am <time class='modified' "
       "datetime='2020-01-07T10:31:04+01:00'>07.01.2020</time></p><p>Text.</p></body></html>",
       "", "2019-12-22T18:33:43+01:00", "2019-12-22T17:33:43Z"},
      {"the last change under the headline called an update keeps the publication",
       "<html><head><meta property='article:published_time' content='2019-11-08T15:30:00-05:00'>"
       "<meta property='article:modified_time' content='2019-11-13T10:28:18-05:00'></head><body>"
       "<h1>The law behind the smog</h1><span class='c-byline'><span>By</span> <span>Ana Reyes</span> "
       "<span>Updated</span> <time datetime='2019-11-13T15:28:18'>Nov 13, 2019, 10:28am EST</time></span>"
       "<p>Text.</p></body></html>",
       "", "2019-11-08T15:30:00-05:00", "2019-11-08T20:30:00Z"},
      {"the last change in an updated-class time of the byline keeps the publication",
       "<html><head><meta property='article:published_time' content='2018-10-07T09:00:35-08:00'>"
       "<meta property='article:modified_time' content='2018-11-12T17:36:26-08:00'></head><body>"
       "<h1>Meal prep for a busy week</h1><div class='entry-meta'><time class='entry-updated updated'>"
       "November 12, 2018</time> BY: Kim Lee</div><p>Text.</p></body></html>",
       "", "2018-10-07T09:00:35-08:00", "2018-10-07T17:00:35Z"},
      {"an Indonesian update line under the headline keeps the publication",
       "<html lang='id'><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
       "\"2025-12-03T21:43:00+07:00\",\"dateModified\":\"2025-12-04T09:00:00+07:00\"}</script></head><body>"
       "<h1>Harga cabai turun di pasar induk</h1><div class='byline'>Oleh Dewi Lestari</div><p>Diperbarui "
       "Kamis, 04 Des 2025 09:00 WIB</p><p>Teks berita.</p></body></html>",
       "", "2025-12-03T21:43:00+07:00", "2025-12-03T14:43:00Z"},
      {"an Indonesian page shown as of its last change, WITA",
       "<html lang='id'><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
       "\"2025-08-10T08:00:00+08:00\",\"dateModified\":\"2025-08-14T06:30:00+08:00\"}</script></head><body>"
       "<h1>Jembatan gantung diresmikan bupati</h1><p>Kamis, 14 Agustus 2025 06:30 WITA</p><p>Teks berita."
       "</p></body></html>",
       "", "2025-08-14T06:30:00+08:00", "2025-08-13T22:30:00Z"},
      {"a WIB page's own offset stays, UTC converted",
       "<html><head><meta property='article:published_time' content='2025-08-14T23:15:00+07:00'>"
       "<meta property='article:modified_time' content='2025-08-15T09:00:00+07:00'></head><body>"
       "<h1>Banjir rob di pesisir utara</h1><p class='date'>Kamis, 14 Agustus 2025 23:15 WIB</p></body></html>",
       "", "2025-08-14T23:15:00+07:00", "2025-08-14T16:15:00Z"},
      {"a permalink's day beats a markup date years later",
       "<html><head><meta itemprop='datePublished' content='2019-06-17T18:28:00+0200'></head><body>"
       "<h1>Das schönste Ende der Welt</h1><p>Text.</p></body></html>",
       "https://blog.example/home/2017/7/12/ende-der-welt", "2017-07-12", ""},
      {"a site's own meta key contradicted by the date under the headline",
       "<html><head><meta name='tv:publicationDate' content='2020-09-08T17:33:18+02:00'></head><body>"
       "<h1>Sport in Zeiten der Pandemie</h1><dl class='video-facts'><dt>Dauer</dt><dd>2 min</dd><dt>Datum</dt>"
       "<dd>04.04.2020</dd></dl><p>Text.</p></body></html>",
       "", "2020-04-04", ""},
      {"a site's own meta key the page agrees with",
       "<html><head><meta name='tv:publicationDate' content='2020-04-04T20:57:00+02:00'></head><body>"
       "<h1>Sport in Zeiten der Pandemie</h1><p class='date'>04.04.2020</p><p>Text.</p></body></html>",
       "", "2020-04-04T20:57:00+02:00", "2020-04-04T18:57:00Z"},
      {"a section page dated only by its list of entries stands as of the newest",
       "<html><body><nav><a href='/'>Home</a></nav><div class='teaser-list'><div class='teaser'><h3>Palm oil"
       " pledge</h3><span class='date'>Blog entry | 28 April, 2017</span></div><div class='teaser'><h3>Bank "
       "report</h3><span class='date'>Blog entry | 17 January, 2017</span></div><div class='teaser'><h3>Report"
       "</h3><span class='date'>Publication | 17 January, 2017</span></div></div></body></html>",
       "", "2017-04-28", ""},
      {"a page that shows no date, rendered from a JSON data block",
       "<html><head><script type='application/json' data-state='review'>{\"publishedDate\": "
       "\"2016-11-04T20:37:27Z\",\"updatedDate\":\"2016-11-04T20:39:47Z\"}</script></head><body>"
       "<h1>Five stars for the meal box</h1><p>Great recipes every week.</p></body></html>",
       "", "2016-11-04T20:37:27+00:00", "2016-11-04T20:37:27Z"},
      {"a JSON data block does not outrank a date the page shows",
       "<html><head><script type='application/json'>{\"createdAt\":\"2021-01-31T15:58:43+01:00\"}</script>"
       "</head><body><h1>Athletes ready for the championships</h1><p class='date'>31.01.2022</p></body></html>",
       "", "2022-01-31", ""},
      {"a slug number read as the day does not",
       "<html><head><meta property='article:published_time' content='2023-10-31T09:00:00-04:00'></head><body>"
       "<h1>Three questions for the team lead</h1><p>Text.</p></body></html>",
       "https://blog.example/2023/10/3-questions-for-the-team-lead/", "2023-10-31T09:00:00-04:00",
       "2023-10-31T13:00:00Z"},
  };
  for (const Case& c : cases) {
    PageMetadata m = Extract(c.html, c.url);
    EXPECT_EQ(m.published, c.published) << c.name;
    EXPECT_EQ(m.published_utc, c.published_utc) << c.name;
  }
}

// A date element far below the headline (other stories, comments) gives
// way to a date standing alone next to it; the headline is the h1 that
// holds the title or that the title holds, not a logo's h1.
// Markup that gives the day alone, or the instant in UTC, takes the time and
// offset the page shows with the headline when they agree.
TEST(Metadata, ShownLocalTimeCompletesTheMarkupDate) {
  struct Case {
    const char* name;
    const char* meta;
    const char* shown;
    const char* published;
  } cases[] = {
      {"the day alone", "2025-03-04", "Selasa, 4 Maret 2025 09:15 WIB", "2025-03-04T09:15:00+07:00"},
      {"the same instant in UTC", "2025-03-04T02:15:42Z", "Selasa, 4 Maret 2025 09:15 WIB",
       "2025-03-04T09:15:42+07:00"},
      {"another instant", "2025-03-04T05:00:00Z", "Selasa, 4 Maret 2025 09:15 WIB", "2025-03-04T05:00:00+00:00"},
      {"another day", "2025-03-05", "Selasa, 4 Maret 2025 09:15 WIB", "2025-03-05"},
      {"a shown time without a zone", "2025-03-04", "4 Maret 2025 09:15", "2025-03-04"},
  };
  for (const Case& c : cases) {
    std::string html = std::string("<html><head><title>Banjir surut di Kali Asem</title>") +
                       "<meta property='article:published_time' content='" + c.meta + "'></head><body>" +
                       "<h1>Banjir surut di Kali Asem</h1><p class='date'>" + c.shown + "</p>" +
                       "<p>Air mulai surut sejak pagi dan warga kembali ke rumah masing-masing.</p></body></html>";
    EXPECT_EQ(Extract(html).published, c.published) << c.name;
  }
}

TEST(Metadata, DateNextToTheHeadlineBeatsAFarElement) {
  std::string body;
  for (int i = 0; i < 30; ++i) body += "<p>Absatz Nummer " + std::to_string(i) + " des Beitrags.</p>";
  struct Case {
    const char* name;
    std::string html;
    const char* published;
  } cases[] = {
      {"a kicker above the headline, a logo h1 first",
       "<html><head><title>Saubere Schnitte an der Kreissäge | Werkstatt</title></head><body>"
       "<h1 class='logo'><a href='/'><svg></svg></a></h1><p class='kicker'>21. Jan 2022 // Jana Holz</p>"
       "<h1>Saubere Schnitte an der Kreissäge</h1>" + body +
           "<div class='more'><div class='infos'><p>06. Aug 2020 // Tipps</p></div></div></body></html>",
       "2022-01-21"},
      {"a pubdate list of other stories, a label in the headline",
       "<html><head><title>Une chronique pour la santé</title></head><body><h1 class='logo'>Le Site</h1>"
       "<h1>Une chronique pour la santé <span>Abonnés</span></h1><p><time datetime='2019-06-28T13:49:45Z'>"
       "28 juin 2019</time></p>" + body +
           "<ul class='list'><li><time datetime='2019-09-22T07:30:29Z' pubdate>22 septembre</time></li></ul>"
           "</body></html>",
       "2019-06-28T13:49:45+00:00"},  // the element's day, and its time
      {"a date element near the headline stays",
       "<html><head><title>Saubere Schnitte an der Kreissäge</title></head><body><p>21. Jan 2022</p>"
       "<h1>Saubere Schnitte an der Kreissäge</h1><div class='date'>24. Jan 2022</div>" + body + "</body></html>",
       "2022-01-24"},
  };
  for (const Case& c : cases) EXPECT_EQ(Extract(c.html).published, c.published) << c.name;
}

// Comment and related-story zones named in a later segment of a class
// ("shop-item-comment-box") hold other dates; a taxonomy class naming the
// article's own tag ("tag-kommentare") does not make a zone.
TEST(Metadata, DatesInCommentSegmentsAreNotThePages) {
  struct Case {
    const char* name;
    const char* html;
    const char* published;
  } cases[] = {
      {"a comment box named in a later segment",
       "<html><body><h1>Tomaten richtig schneiden</h1><div class='tip-author'><span>Marta</span><br> "
       "am 20.09.2020</div><p>Ein scharfes Messer hilft.</p><div class='shop-item-comment-box-middle'>"
       "<time datetime='2020-09-23T18:19:06+02:00'>23.09.20 | 18:19</time><p>Danke!</p></div></body></html>",
       "2020-09-20"},
      {"a taxonomy class on the article itself",
       "<html><body><div class='post tag-kommentare'><h1>Ein Kommentar zur Lage</h1>"
       "<time datetime='2021-05-04T09:00:00+02:00'>4. Mai 2021</time><p>Text des Kommentars.</p></div>"
       "</body></html>",
       "2021-05-04T09:00:00+02:00"},
      {"the site's clock under a masthead heading is the reader's day",
       "<html><body><h1 class='masthead'>County Ledger</h1><div class='today'>Tuesday, March 3, 2020</div>"
       "<p>Notices of new firms filed with the county clerk.</p></body></html>",
       ""},
      {"a top bar's clock above the story",
       "<html><body><div id='top'><span class='masthead-today-date'>Friday, 4 June 2021</span></div>"
       "<h1>Ferry timetable changes</h1><p class='meta'>Posted June 2, 2021</p><p>New times apply.</p>"
       "</body></html>",
       "2021-06-02"},
      {"a section merely named after the day keeps its dates",
       "<html><body><div class='todays-picks'><h1>Rail strike ends</h1><time datetime='2021-07-08'>"
       "8 July 2021</time><p>Trains run again.</p></div></body></html>",
       "2021-07-08"},
  };
  for (const Case& c : cases) EXPECT_EQ(Extract(c.html).published, c.published) << c.name;
}

// Elements found by their id, in the order asked: later questions meet the
// answers kept for the earlier ones' ancestors.
// A numeric date is read in the order of the page's language and region.
TEST(Metadata, NumericDateOrderFollowsTheLanguageTag) {
  struct Case {
    const char* lang;
    const char* published;
  } cases[] = {
      {"en-US", "2021-03-04"}, {"en", "2021-03-04"},    {"en-GB", "2021-04-03"}, {"en_AU", "2021-04-03"},
      {"en-gb", "2021-04-03"}, {"id-ID", "2021-04-03"}, {"de", "2021-04-03"},    {"en-CA", "2021-03-04"},
      {"eng", "2021-04-03"},
  };
  for (const Case& c : cases) {
    const std::string html = std::string("<html lang='") + c.lang +
                             "'><body><h1>Council approves budget</h1><p class='date'>03/04/2021</p>"
                             "<p>The vote was close.</p></body></html>";
    EXPECT_EQ(Extract(html).published, c.published) << c.lang;
  }
}

// Last guesses: a date a short body script writes where the page shows it.
TEST(Metadata, DateWrittenByABodyScript) {
  struct Case {
    const char* name;
    const char* html;
    const char* published;
  } cases[] = {
      {"a call writing the post's date",
       "<html><body><h1>Garden club meets</h1><table><tr><td><script>printStamp(\"2021/03/09 18:05:44\")</script>"
       "</td></tr></table><p>Bring seeds.</p></body></html>",
       "2021-03-09T18:05:44"},
      {"a head script's stamp is the server's, not the page's",
       "<html><head><script>var stamp = '2021-03-09T18:05:44Z';</script></head><body><h1>Garden club meets</h1>"
       "<p>Bring seeds.</p></body></html>",
       ""},
      {"a date inside code is not written out",
       "<html><body><h1>Garden club meets</h1><script>if (now > Date.parse(2021-03-09)) hide();</script>"
       "<p>Bring seeds.</p></body></html>",
       ""},
      {"the text's date comes first",
       "<html><body><h1>Garden club meets</h1><p class='date'>March 2, 2021</p>"
       "<script>printStamp(\"2021/03/09\")</script><p>Bring seeds.</p></body></html>",
       "2021-03-02"},
  };
  for (const Case& c : cases) EXPECT_EQ(Extract(c.html).published, c.published) << c.name;
}

TEST(Collected, OffTopicZones) {
  const std::string html =
      "<html><body><nav><ul><li id='n1'>Home</li><li id='n2'>World</li></ul></nav>"
      "<main><article><h1 id='h'>Harbour reopens</h1><div class='story-body'><p id='p1'>Ships came back.</p>"
      "<aside><p id='a1'>Fact box</p></aside></div>"
      "<div class='related-posts'><p id='r1'>Other story</p><p id='r2'>Another one</p></div></article></main>"
      "<div class='sidebar'><div><p id='s1'>Most read</p></div></div><p id='b1'>Footer text</p></body></html>";
  std::unique_ptr<Document> doc = ParseHtml(html);
  const Collected c = Collect(*doc);
  auto by_id = [&](std::string_view id) -> const Node* {
    for (const Node* n = doc->root(); n; n = NextInTree(n, doc->root())) {
      if (n->is_element() && AttrOr(n, "id") == id) return n;
    }
    return nullptr;
  };
  // An aside inside the article is a zone of its own; text outside every
  // zone (the body's last paragraph) is not.
  const std::pair<std::string_view, bool> cases[] = {
      {"r1", true},  {"r2", true}, {"p1", false}, {"h", false}, {"a1", true}, {"n2", true}, {"n1", true},
      {"s1", true},  {"b1", false}, {"r1", true}, {"p1", false}, {"s1", true},
  };
  for (const auto& [id, off_topic] : cases) {
    const Node* n = by_id(id);
    ASSERT_NE(n, nullptr) << id;
    EXPECT_EQ(InOffTopicZone(c, n), off_topic) << id;
    EXPECT_EQ(InOffTopicZone(c, n->first_child), off_topic) << id << " (its text)";
  }
}

TEST(Metadata, CleansTitles) {
  struct Case {
    const char* html;
    const char* title;
  } cases[] = {
      {"<title>Harga Beras Naik Lagi di Pasar Induk | Warta Kota</title><meta property='og:site_name' "
       "content='Warta Kota'>",
       "Harga Beras Naik Lagi di Pasar Induk"},
      {"<title>Warta Kota - Harga Beras Naik Lagi di Pasar Induk</title><meta property='og:site_name' "
       "content='Warta Kota'>",
       "Harga Beras Naik Lagi di Pasar Induk"},
      {"<title>Rice prices climb again at the central market - Business - City Post</title>",
       "Rice prices climb again at the central market"},
      {"<title>Hyphen-ated words - are kept when the tail is long enough to be a clause</title>",
       "Hyphen-ated words - are kept when the tail is long enough to be a clause"},
      {"<title>Short</title><h1>The real headline of this page</h1>", "Short"},
      {"<h1>The heading is the only title</h1>", "The heading is the only title"},
  };
  for (const Case& c : cases) EXPECT_EQ(Extract(c.html).title, c.title) << c.html;
}

TEST(Metadata, BreadcrumbCategories) {
  PageMetadata m = Extract(
      "<title>Harga cabai naik tajam di pasar</title><nav class='breadcrumbs'><a href='/'>Beranda</a> &gt; "
      "<a href='/ekonomi'>Ekonomi</a> &gt; <a href='/ekonomi/pangan'>Pangan</a></nav><h1>Harga cabai naik tajam "
      "di pasar</h1>");
  EXPECT_EQ(m.categories, (std::vector<std::string>{"Ekonomi", "Pangan"}));
}

TEST(Metadata, SiteNameFallsBackToTheDomain) {
  EXPECT_EQ(Extract("<p>x</p>", "https://www.beritaku.co.id/a").site_name, "beritaku.co.id");
  EXPECT_EQ(Extract("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"publisher\":{\"name\":"
                    "\"Harian Pagi\"}}</script>",
                    "https://x.example/a")
                .site_name,
            "Harian Pagi");
}

// The outlet's name as the page presents it: og:site_name cleaned of
// taglines and URLs; the title's outlet part when og:site_name is a bare
// label or a section; the JSON-LD publisher; the host as written last.
TEST(Metadata, SiteNames) {
  struct Case {
    const char* head;
    const char* url;
    const char* site;
  } cases[] = {
      {"<meta property='og:site_name' content='Kabar Harian'><title>Banjir surut - Kabar Harian</title>",
       "https://www.kabarharian.example/a", "Kabar Harian"},
      {"<meta property='og:site_name' content='Warta Kita | Berita terpercaya setiap hari'>",
       "https://wartakita.co.id/a", "Warta Kita"},
      {"<meta property='og:site_name' content='Gartenwelt | Rosen | Stauden | Teiche'>", "https://gartenwelt.example/a",
       "Gartenwelt"},
      {"<meta property='og:site_name' content='https://www.harianpagi.co.id'><title>Harga naik - Harian Pagi</title>",
       "https://www.harianpagi.co.id/a", "Harian Pagi"},
      {"<meta property='og:site_name' content='https://www.harianpagi.co.id/'>", "https://www.harianpagi.co.id/a",
       "harianpagi.co.id"},
      {"<meta property='og:site_name' content='riverdaily'><title>Storm hits the coast - riverdaily.com</title>",
       "https://www.riverdaily.com/a", "riverdaily.com"},
      {"<meta property='og:site_name' content='valleynews'><script type='application/ld+json'>{\"@type\":"
       "\"NewsArticle\",\"publisher\":{\"name\":\"The Valley News\"}}</script>",
       "https://www.valleynews.com/a", "The Valley News"},
      {"<meta property='og:site_name' content='World'><title>Ministers meet in the capital | Global Wire</title>",
       "https://www.globalwire.example/a", "Global Wire"},
      {"<title>Opinion | Rates rise again - The Harbor Times</title>", "https://www.harbortimes.example/a",
       "The Harbor Times"},
      {"<title>Ein Haus brannte | Stadt Neustadt</title>", "https://www.neustadt.example/a", "Stadt Neustadt"},
      {"<title>Rapat warga \xC2\xBB Kabar D\xC3\xA9sa</title>", "https://kabardesa.example/a", "Kabar D\xC3\xA9sa"},
      {"<title>Headline without an outlet</title>", "https://www.sampleblog.example/a", "sampleblog.example"},
      {"<title>Storm warning - Coast Herald</title>", "https://web.archive.org/web/2019/https://coastherald.example/a",
       "Coast Herald"},
      {"<meta property='og:site_name' content='Rezepte, Reisen und Geschichten aus einer kleinen K\xC3\xBC" "che am See'>",
       "https://www.seekueche.example/a", "seekueche.example"},
      {"<meta property='og:site_name' content='Lokal News | Stadt'><title>Lokal News | Stadt</title>",
       "https://www.example.org/a", "Stadt"},
  };
  for (const Case& c : cases) EXPECT_EQ(Extract(std::string("<html><head>") + c.head + "</head></html>", c.url).site_name, c.site) << c.head;
}

// A page fetched on a known day cannot have been published after it: the
// bound is the fetch time (WARC-Date) when there is one, so an archive reads
// the same whenever it is read; two days of slack for zones.
TEST(Metadata, FetchDateBoundsThePublicationDate) {
  const std::string html =
      "<html><head><meta property=\"article:published_time\" content=\"2025-12-03T10:00:00+07:00\">"
      "</head><body><p>Text.</p></body></html>";
  std::unique_ptr<Document> doc = ParseHtml(html);
  struct Case {
    const char* fetch_date;
    const char* published;
  } cases[] = {
      {"", "2025-12-03T10:00:00+07:00"},                      // bounded by now only
      {"2025-12-04T08:00:00Z", "2025-12-03T10:00:00+07:00"},  // fetched after it
      {"2025-12-02T08:00:00Z", "2025-12-03T10:00:00+07:00"},  // within the slack
      {"2025-11-20T08:00:00Z", ""},                           // a date from the future
      {"not a date", "2025-12-03T10:00:00+07:00"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ExtractMetadata(*doc, "", c.fetch_date).published, c.published) << c.fetch_date;
  }
}

TEST(Metadata, HostileInput) {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div class='date'>";
  deep += "3 Desember 2025";
  PageMetadata m = Extract(deep);
  EXPECT_EQ(m.published, "2025-12-03");
  Extract("");
  Extract("<script type='application/ld+json'>{{{{[[[,,,</script><meta name='date' content='99999999'>");
  std::string binary;
  for (int i = 0; i < 50000; ++i) binary += static_cast<char>((i * 7919) % 256);
  Extract(binary);
}

// Descriptions with white space of every kind and length between words,
// around the sixteen-byte steps of the collapsing scan: runs fold to one
// space, single spaces and words of any length stay, NBSP folds too.
TEST(ExtractMetadata, DescriptionWhiteSpaceCollapses) {
  const std::string gaps[] = {" ", "  ", "\n", " \t ", "\r\n", "\f", "\xC2\xA0", " \xC2\xA0 "};
  const std::string words[] = {"a", "word", "caf\xC3\xA9", "sixteen-letters!", "x", "seventeen-letters", "long-ish-word-here"};
  for (size_t shift = 0; shift < 8; ++shift) {
    std::string raw = gaps[shift % 8], want;
    for (size_t k = 0; k < 40; ++k) {
      const std::string& w = words[(k * 3 + shift) % 7];
      raw += w + gaps[(k + shift) % 8];
      want += (want.empty() ? "" : " ") + w;
    }
    PageMetadata m = Extract("<html><head><meta name=\"description\" content=\"" + raw + "\"></head><body></body></html>");
    EXPECT_EQ(m.description, want) << shift;
  }
}

// A meta element's key is its first non-empty property, name, itemprop or
// http-equiv, whatever the order of its attributes.
TEST(ExtractMetadata, MetaKeyPrecedence) {
  EXPECT_EQ(Extract(R"(<html><head><meta content="Site A" name="application-name" property="og:site_name">
    </head><body></body></html>)").site_name, "Site A");
  EXPECT_EQ(Extract(R"(<html><head><meta property="" content="Deck" name="description">
    </head><body></body></html>)").description, "Deck");
  EXPECT_EQ(Extract(R"(<html><head><meta itemprop="description" name="" content="Held">
    </head><body></body></html>)").description, "Held");
  EXPECT_EQ(Extract(R"(<html><head><meta name="description">
    </head><body></body></html>)").description, "");
}

}  // namespace
// Where the author comes from: people only, pages written for these tests.
TEST(Metadata, AuthorsArePeopleNotOutlets) {
  struct Case {
    const char* html;
    const char* url;
    std::vector<std::string> authors;
  } cases[] = {
      // A JSON-LD graph names the author by reference to a Person.
      {"<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"Article\",\"headline\":\"A "
       "story\",\"author\":{\"@id\":\"https://example.org/#/person/1\"}},{\"@type\":\"Person\",\"@id\":"
       "\"https://example.org/#/person/1\",\"name\":\"Lena Berg\"}]}</script></head><body><h1>A story</h1>"
       "</body></html>",
       "", {"Lena Berg"}},
      // ... or on the WebPage of the graph.
      {"<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebPage\",\"author\":{\"@id\":"
       "\"#p2\"}},{\"@type\":\"Person\",\"@id\":\"#p2\",\"name\":\"Tim Roe\"}]}</script></head><body>"
       "<h1>A story</h1></body></html>",
       "", {"Tim Roe"}},
      // The outlet as the meta author: the byline under the heading names the person.
      {"<html><head><meta property='og:site_name' content='The Valley Courier'><meta name='author' "
       "content='Valley Courier'></head><body><h1>Bridge reopens after repairs</h1><p>Von Jana Roth</p>"
       "<p>Text.</p></body></html>",
       "", {"Jana Roth"}},
      // One word that is the host's name is the outlet's.
      {"<html><head><meta name='author' content='Kotakabar'></head><body><h1>Harga cabai naik lagi</h1>"
       "</body></html>",
       "https://www.kotakabar.id/berita/1", {}},
      // One word from a class name only is no name; from rel=author it is.
      {"<html><body><h1>Spring garden notes</h1><span class='author'>Mira</span><p>Text.</p></body></html>", "",
       {}},
      {"<html><body><h1>Spring garden notes</h1><a rel='author' href='/mira'>Mira</a><p>Text.</p></body></html>",
       "", {"Mira"}},
      // A teaser's author box before the article's byline.
      {"<html><body><div class='slider'><a href='/x'>Other story</a><span class='teaser__author'>Mark Doe</span>"
       "</div><h1>Main story headline</h1><div class='author-list'><a rel='author' href='/jane'>Jane Roe</a></div>"
       "<p>Text.</p></body></html>",
       "", {"Jane Roe"}},
      // Bylines far past the first are other articles' teasers.
      {"<html><body><h1>Main story headline</h1><p class='byline'>By Jane Roe</p><p>Text.</p>"
       "<div><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p><p>g</p><p>h</p><p>i</p><p>j</p><p>k</p><p>l</p>"
       "<p>m</p><p>n</p><p>o</p><p>p</p><p>q</p><p>r</p><p>s</p><p>t</p><p>u</p><p>v</p><p>w</p><p>x</p><p>y</p>"
       "<p>z</p><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p><p>f</p></div>"
       "<div class='teaser'><h3>Other story</h3><p class='byline'>By Mark Doe</p></div></body></html>",
       "", {"Jane Roe"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Extract(c.html, c.url).authors, c.authors) << c.html;
}

}  // namespace warta::meta
