#include "meta/jsonld.h"

#include <gtest/gtest.h>

namespace warta::meta {
namespace {

TEST(JsonLd, ReadsArticleFields) {
  JsonLdInfo info;
  ReadJsonLd(R"({"@context":"https://schema.org","@graph":[
      {"@type":"WebPage","datePublished":"2020-01-01T00:00:00Z","name":"Page"},
      {"@type":["NewsArticle"],"headline":"Bridge opens","datePublished":"2025-08-14T08:15:00+08:00",
       "dateModified":"2025-08-14T09:00:00+08:00","author":[{"@type":"Person","name":"Dewi A"},{"name":"Budi B"}],
       "publisher":{"@type":"Organization","name":"Kabar Harian"},"articleSection":"Nasional",
       "keywords":"jembatan, desa","inLanguage":"id-ID","image":{"url":"https://x.test/a.jpg"},
       "comment":[{"@type":"Comment","datePublished":"2025-09-01"}]},
      {"@type":"BreadcrumbList","itemListElement":[{"position":1,"name":"Home"},{"position":2,"item":{"name":"Nasional"}}]}
  ]})", &info);
  EXPECT_EQ(info.published, "2025-08-14T08:15:00+08:00");
  EXPECT_TRUE(info.published_from_article);
  EXPECT_EQ(info.modified, "2025-08-14T09:00:00+08:00");
  EXPECT_EQ(info.headline, "Bridge opens");
  EXPECT_EQ(info.authors, (std::vector<std::string>{"Dewi A", "Budi B"}));
  EXPECT_EQ(info.publisher, "Kabar Harian");
  EXPECT_EQ(info.sections, std::vector<std::string>{"Nasional"});
  EXPECT_EQ(info.keywords, (std::vector<std::string>{"jembatan", "desa"}));
  EXPECT_EQ(info.language, "id-ID");
  EXPECT_EQ(info.image, "https://x.test/a.jpg");
  EXPECT_EQ(info.breadcrumbs, (std::vector<std::string>{"Home", "Nasional"}));
}

TEST(JsonLd, ToleratesBadJson) {
  JsonLdInfo a;
  ReadJsonLd("<!-- {\"@type\":\"Article\",\"headline\":\"Line\nbreak\",\"datePublished\":\"2024-05-01\",} -->", &a);
  EXPECT_EQ(a.published, "2024-05-01");
  JsonLdInfo b;
  ReadJsonLd("{\"@type\":\"Article\" \"datePublished\":\"2024-05-02\", \"author\":{\"name\":\"Ann Lee\"", &b);
  EXPECT_EQ(b.published, "2024-05-02");
  EXPECT_EQ(b.authors, std::vector<std::string>{"Ann Lee"});
  JsonLdInfo c;
  ReadJsonLd("", &c);
  ReadJsonLd("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", &c);
  std::string deep(100000, '[');
  ReadJsonLd(deep, &c);
  EXPECT_TRUE(c.published.empty());
}

// JSON that will not parse even cleaned falls back to a lenient scan of the
// main keys: what each key takes, and what it passes over.
TEST(JsonLd, ScansKeysOfBrokenJson) {
  struct Case {
    std::string text;
    std::string published, modified, headline, author;
  } cases[] = {
      {R"({"datePublished" : "2024-05-01T10:00", "x": )", "2024-05-01T10:00", "", "", ""},
      // Too short, then a value of the right length.
      {R"({"datePublished":"2024", "datePublished": "2024-05-02" ,)", "2024-05-02", "", "", ""},
      {R"({"dateModified":"2023-01-01", {)", "", "2023-01-01", "", ""},
      // Escapes stay as written; an empty headline is passed over.
      {R"({"headline":"", "headline":"Say \"hi\" now", [)", "", "", R"(Say \"hi\" now)", ""},
      {"{\"headline\":\"Caf\xC3\xA9 opens\", [", "", "", "Caf\xC3\xA9 opens", ""},
      // The first author object's name, past other keys but not past a brace.
      {R"({"author": [{"@type":"Person", "name" : "Ann Lee"}], [)", "", "", "", "Ann Lee"},
      {R"({"author": {"url": {"name": "Nested"}}, "author": {"name":"Bo Chen"} [)", "", "", "", "Bo Chen"},
      {R"({"author": "Plain", [)", "", "", "", ""},
  };
  for (const Case& c : cases) {
    JsonLdInfo info;
    ReadJsonLd(c.text, &info);
    EXPECT_EQ(info.published, c.published) << c.text;
    EXPECT_EQ(info.modified, c.modified) << c.text;
    EXPECT_EQ(info.headline, c.headline) << c.text;
    EXPECT_EQ(info.authors.empty() ? "" : info.authors[0], c.author) << c.text;
  }
  // A headline of more than 400 characters is not taken.
  JsonLdInfo info;
  ReadJsonLd("{\"headline\":\"" + std::string(401, 'a') + "\", [", &info);
  EXPECT_EQ(info.headline, "");
  ReadJsonLd("{\"headline\":\"" + std::string(400, 'a') + "\", [", &info);
  EXPECT_EQ(info.headline.size(), 400u);
}

TEST(JsonLd, ArticleDateBeatsPageDate) {
  JsonLdInfo info;
  ReadJsonLd(R"([{"@type":"WebPage","datePublished":"2019-01-01"},{"@type":"BlogPosting","datePublished":"2019-02-02"}])", &info);
  EXPECT_EQ(info.published, "2019-02-02");
}

}  // namespace
}  // namespace warta::meta
