#include "warta/warc.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "input/compress.h"
#include "input/test_util.h"

namespace warta {
namespace {

namespace fs = std::filesystem;
using test::Gzip;
using test::Zstd;

std::string WarcRecordText(const std::string& type, const std::string& uri, const std::string& block,
                           const std::string& id = "<urn:uuid:0001>") {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
                  "\r\nWARC-Date: 2025-12-03T03:43:00Z\r\nWARC-Record-ID: " + id +
                  "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                  std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string Http(const std::string& headers, const std::string& body) {
  return "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
}

const std::string kPage = "<html><head><title>Warta</title></head><body><p>Kabar hari ini.</p></body></html>";

struct Summary {
  std::vector<std::string> types;
  std::vector<std::string> payloads;
  std::vector<int> http_status;
  int errors = 0;
  std::vector<StatusCode> codes;
  std::vector<std::string> messages;
  bool open_ok = true;
};

Summary ReadAll(Result<std::unique_ptr<WarcReader>> reader) {
  Summary s;
  if (!reader.ok()) {
    s.open_ok = false;
    return s;
  }
  WarcRecord record;
  for (int guard = 0; guard < 10000; ++guard) {
    Result<bool> more = (*reader)->Next(&record);
    if (!more.ok()) {
      ++s.errors;
      break;
    }
    if (!*more) break;
    if (!record.status.ok()) {
      ++s.errors;
      s.messages.push_back(record.status.ToString());
      s.codes.push_back(record.status.code());
      continue;
    }
    s.types.push_back(record.type);
    s.payloads.push_back(record.payload);
    s.http_status.push_back(record.http_status);
  }
  return s;
}

Summary ReadMemory(const std::string& data, WarcOptions options = {}) {
  return ReadAll(WarcReader::FromMemory(data, std::move(options)));
}

TEST(WarcReaderTest, PlainAndCompressed) {
  std::string r1 = WarcRecordText("warcinfo", "", "software: warta-test\r\n");
  std::string r2 = WarcRecordText("response", "<https://example.id/a>",
                                  Http("Content-Type: text/html; charset=utf-8\r\n", kPage));
  std::string r3 = WarcRecordText("request", "https://example.id/a", "GET /a HTTP/1.1\r\n\r\n");
  for (const std::string& data :
       {r1 + r2 + r3, Gzip(r1) + Gzip(r2) + Gzip(r3), Gzip(r1 + r2 + r3), Zstd(r1 + r2 + r3)}) {
    Summary s = ReadMemory(data);
    ASSERT_TRUE(s.open_ok);
    EXPECT_EQ(s.errors, 0);
    ASSERT_EQ(s.types, (std::vector<std::string>{"warcinfo", "response", "request"}));
    EXPECT_EQ(s.payloads[1], kPage);
    EXPECT_EQ(s.http_status[1], 200);
    EXPECT_EQ(s.http_status[2], 0);  // requests are not parsed as responses
  }
}

TEST(WarcReaderTest, RecordFields) {
  std::string data = WarcRecordText("response", "<https://example.id/a b>",
                                    Http("Content-Type: text/html; charset=ISO-8859-1\r\nX-Folded: a\r\n b\r\n",
                                         kPage),
                                    "<urn:uuid:42>");
  auto reader = WarcReader::FromMemory(data);
  ASSERT_TRUE(reader.ok());
  WarcRecord r;
  ASSERT_TRUE(*(*reader)->Next(&r));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.type, "response");
  EXPECT_EQ(r.target_uri, "https://example.id/a b");
  EXPECT_EQ(r.date, "2025-12-03T03:43:00Z");
  EXPECT_EQ(r.record_id, "<urn:uuid:42>");
  EXPECT_EQ(r.content_type, "application/http; msgtype=response");
  EXPECT_EQ(r.http_content_type, "text/html; charset=ISO-8859-1");
  EXPECT_EQ(r.HttpHeader("x-folded"), "a b");
  EXPECT_EQ(r.Header("warc-type"), "response");
  EXPECT_FALSE(*(*reader)->Next(&r));
}

TEST(WarcReaderTest, HttpBodies) {
  struct Case {
    const char* name;
    std::string headers;
    std::string body;
    std::string payload;
  } cases[] = {
      {"chunked", "Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n",
       "hello, world"},
      {"bad chunks kept raw", "Transfer-Encoding: chunked\r\n", "zz\r\nhello", "zz\r\nhello"},
      {"gzip", "Content-Encoding: gzip\r\n", Gzip(kPage), kPage},
      {"gzip declared, stored decoded", "Content-Encoding: gzip\r\n", kPage, kPage},
      {"chunked gzip", "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
       [] {
         std::string gz = Gzip(kPage);
         char size[16];
         std::snprintf(size, sizeof(size), "%zx", gz.size());
         return std::string(size) + "\r\n" + gz + "\r\n0\r\n\r\n";
       }(),
       kPage},
      {"deflate", "Content-Encoding: deflate\r\n", test::Deflate(kPage, 15), kPage},
      {"no body", "", "", ""},
  };
  for (const auto& c : cases) {
    Summary s = ReadMemory(WarcRecordText("response", "https://x.id/", Http(c.headers, c.body)));
    ASSERT_EQ(s.errors, 0) << c.name;
    ASSERT_EQ(s.payloads.size(), 1u) << c.name;
    EXPECT_EQ(s.payloads[0], c.payload) << c.name;
  }
}

TEST(WarcReaderTest, DamageIsPerRecord) {
  std::string good1 = WarcRecordText("response", "https://x.id/1", Http("", "one"));
  std::string good2 = WarcRecordText("response", "https://x.id/2", Http("", "two"));
  std::string no_length = "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n";
  std::string damaged = Gzip(WarcRecordText("response", "https://x.id/3", std::string(5000, 'q')));
  for (size_t i = 15; i + 15 < damaged.size(); i += 2) damaged[i] ^= 0x33;

  struct Case {
    const char* name;
    std::string data;
    int errors;
    std::vector<std::string> payloads;
  } cases[] = {
      {"garbage between", good1 + "junk line\r\nmore junk\r\n" + good2, 1, {"one", "two"}},
      {"missing length", good1 + no_length + good2, 2, {"one", "two"}},
      {"truncated last", good1 + good2.substr(0, good2.size() - 8), 1, {"one"}},
      {"corrupt gzip member", Gzip(good1) + damaged + Gzip(good2), 1, {"one", "two"}},
      {"truncated gzip", Gzip(good1) + Gzip(good2).substr(0, 30), 1, {"one"}},
      {"empty", "", 0, {}},
  };
  for (const auto& c : cases) {
    Summary s = ReadMemory(c.data);
    ASSERT_TRUE(s.open_ok) << c.name;
    EXPECT_EQ(s.errors, c.errors) << c.name;
    EXPECT_EQ(s.payloads, c.payloads) << c.name;
  }
  EXPECT_FALSE(WarcReader::FromMemory("<html>not a warc</html>").ok());
}

TEST(WarcReaderTest, SizeCapAndFilter) {
  std::string big = WarcRecordText("response", "https://x.id/big", Http("", std::string(5000, 'b')));
  std::string small = WarcRecordText("response", "https://x.id/s", Http("", "small"));
  std::string req = WarcRecordText("request", "https://x.id/s", "GET / HTTP/1.1\r\n\r\n");
  WarcOptions options;
  options.max_record_bytes = 1000;
  Summary s = ReadMemory(big + small, options);
  EXPECT_EQ(s.errors, 1);
  ASSERT_EQ(s.codes.size(), 1u);
  EXPECT_EQ(s.codes[0], StatusCode::kTooLarge);
  EXPECT_EQ(s.payloads, (std::vector<std::string>{"small"}));

  WarcOptions filter;
  filter.want_block = [](std::string_view type) { return type == "response"; };
  s = ReadMemory(req + small, filter);
  EXPECT_EQ(s.errors, 0);
  EXPECT_EQ(s.payloads, (std::vector<std::string>{"", "small"}));
}

TEST(WarcReaderTest, Arc) {
  std::string desc = "1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n";
  std::string body = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + kPage;
  std::string arc = "filedesc://test.arc 0.0.0.0 20251203034300 text/plain " + std::to_string(desc.size()) +
                    "\n" + desc + "\n" + "http://x.id/a b 10.0.0.1 20251203034301 text/html " +
                    std::to_string(body.size()) + "\n" + body + "\n";
  for (const std::string& data : {arc, Gzip(arc)}) {
    auto reader = WarcReader::FromMemory(data);
    ASSERT_TRUE(reader.ok());
    EXPECT_TRUE((*reader)->is_arc());
    WarcRecord r;
    ASSERT_TRUE(*(*reader)->Next(&r));
    EXPECT_EQ(r.type, "warcinfo");
    ASSERT_TRUE(*(*reader)->Next(&r));
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_EQ(r.type, "response");
    EXPECT_EQ(r.target_uri, "http://x.id/a b");
    EXPECT_EQ(r.date, "2025-12-03T03:43:01Z");
    EXPECT_EQ(r.http_status, 200);
    EXPECT_EQ(r.payload, kPage);
    EXPECT_FALSE(*(*reader)->Next(&r));
  }
}

// Real pages as a per-record gzip WARC in memory: reading speed (printed,
// not asserted) and that every page comes back intact.
TEST(WarcReaderTest, TrafilaturaPagesThroughput) {
  fs::path dir = fs::path(WARTA_SHARED_DIR) / "bench/trafilatura/html";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir << " (../shared absent)";
  std::string warc;
  size_t pages = 0, page_bytes = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string gz((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Result<std::string> page = Decompress(gz, Compression::kGzip, 64 << 20);
    ASSERT_TRUE(page.ok());
    warc += Gzip(WarcRecordText("response", "https://x.id/" + std::to_string(pages),
                                Http("Content-Type: text/html\r\n", *page)));
    ++pages;
    page_bytes += page->size();
  }
  auto start = std::chrono::steady_clock::now();
  Summary s = ReadMemory(warc);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(s.errors, 0);
  EXPECT_EQ(s.payloads.size(), pages);
  std::printf("WARC.gz reading: %zu pages, %.0f pages/s, %.0f MB/s of pages\n", pages, pages / seconds,
              page_bytes / seconds / 1e6);
}

// The warcio and jwarc fixtures (../shared/bench/warc), broken ones included.
TEST(WarcFixturesTest, ReadsEveryFile) {
  fs::path dir = fs::path(WARTA_SHARED_DIR) / "bench/warc";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir << " (../shared absent)";
  struct Expect {
    const char* file;
    int records;    // records read without error
    int errors;
    int responses;  // response records with an HTTP status
  } expected[] = {
      {"jwarc/cc.warc.gz", 1, 0, 1},
      {"jwarc/gzip_extra_sl.warc.gz", 1, 0, 0},
      {"warcio/example.warc", 6, 0, 1},
      {"warcio/example.warc.gz", 6, 0, 1},
      {"warcio/example-digest.warc", 4, 0, 0},
      {"warcio/example-iana.org-chunked.warc", 3, 0, 1},
      {"warcio/example-resource.warc.gz", 3, 0, 0},
      {"warcio/example-space-in-target-uri.warc.gz", 2, 0, 0},
      {"warcio/example-wget-bad-target-uri.warc.gz", 6, 0, 1},
      {"warcio/example-wrong-chunks.warc.gz", 2, 0, 1},
      {"warcio/example-bad-non-chunked.warc.gz", 6, 0, 1},
      {"warcio/post-test.warc.gz", 6, 0, 3},
      // One gzip stream for the whole file: "bad" for warcio, fine here.
      {"warcio/example-bad.warc.gz.bad", 6, 0, 2},
      // The response's gzip body is cut short; the records after it still read.
      {"warcio/example-trunc.warc", 3, 2, 0},
      {"warcio/example.arc", 2, 0, 1},
      {"warcio/example.arc.gz", 2, 0, 1},
      // The file is 12 bytes shorter than its last record says.
      {"warcio/example-space-in-url.arc", 1, 1, 0},
      {"warcio/bad.arc", 1, 2, 0},
  };
  for (const auto& e : expected) {
    Summary s = ReadAll(WarcReader::Open((dir / e.file).string()));
    ASSERT_TRUE(s.open_ok) << e.file;
    int responses = 0;
    for (size_t i = 0; i < s.types.size(); ++i) responses += s.types[i] == "response" && s.http_status[i] > 0;
    EXPECT_EQ(static_cast<int>(s.types.size()), e.records) << e.file;
    EXPECT_EQ(s.errors, e.errors) << e.file;
    EXPECT_EQ(responses, e.responses) << e.file;
  }
}

}  // namespace
}  // namespace warta
