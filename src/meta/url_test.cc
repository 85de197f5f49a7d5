#include "meta/url.h"

#include <gtest/gtest.h>

namespace warta::meta {
namespace {

TEST(Url, HostAndSiteName) {
  struct Case {
    const char* url;
    const char* host;
    const char* site;
  } cases[] = {
      {"https://www.Warta-Kita.co.id:8080/a/b?x=1", "www.warta-kita.co.id", "warta-kita.co.id"},
      {"http://news.example.com/story", "news.example.com", "news.example.com"},
      {"https://berita.example.id/x", "berita.example.id", "berita.example.id"},
      {"www.sample.org/page", "www.sample.org", "sample.org"},
      {"https://m.kabar.example/a", "m.kabar.example", "kabar.example"},
      {"000_abcdef.txt", "", ""},
      {"page.html", "", ""},
      {"", "", ""},
      {"http://localhost/", "", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(HostOf(c.url), c.host) << c.url;
    EXPECT_EQ(SiteNameFromUrl(c.url), c.site) << c.url;
  }
}

TEST(Url, DateInPath) {
  struct Case {
    const char* url;
    const char* date;
  } cases[] = {
      {"https://x.com/2019/04/07/slug", "2019-04-07"},
      {"https://x.com/news/2019-4-7-slug.html", "2019-04-07"},
      {"https://x.com/read/20191231/123/slug", "2019-12-31"},
      {"https://x.com/2019/04/slug", "2019-04"},
      {"https://x.com/meldungen/29-10-2021", "2021-10-29"},
      {"https://x.com/article/123456789", ""},
      {"https://x.com/2019/13/45/", ""},
      {"https://x.com/p?date=2019/04/07", ""},
  };
  for (const auto& c : cases) {
    std::optional<DateTime> d = DateFromUrl(c.url);
    EXPECT_EQ(d ? FormatIsoLocal(*d) : "", c.date) << c.url;
  }
}

}  // namespace
}  // namespace warta::meta
