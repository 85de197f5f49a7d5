#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "input/test_util.h"
#include "warta/input.h"

namespace warta {
namespace {

namespace fs = std::filesystem;
using test::Gzip;
using test::Zstd;

const std::string kHtml = "<!doctype html><html><head><title>Satu</title></head><body><p>Isi berita.</p></body></html>";

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("warta_input_test_" + std::to_string(::getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& data) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string WarcResponse(const std::string& id, const std::string& uri, const std::string& http) {
  return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <" + id + ">\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2025-12-03T03:43:00Z\r\nContent-Length: " + std::to_string(http.size()) + "\r\n\r\n" +
         http + "\r\n\r\n";
}

struct Doc {
  std::string source;
  std::string url;
  std::string bytes;
  std::string charset;
  InputFormat format;
  StatusCode code;
  bool operator==(const Doc& o) const {
    return std::tie(source, url, bytes, charset, format, code) ==
           std::tie(o.source, o.url, o.bytes, o.charset, o.format, o.code);
  }
};

// Loads each document (a no-op unless options.defer_file_reads).
std::vector<Doc> ReadOneWay(std::vector<std::string> paths, InputOptions options) {
  std::vector<Doc> docs;
  auto reader = InputReader::Open(std::move(paths), options);
  EXPECT_TRUE(reader.ok());
  if (!reader.ok()) return docs;
  InputDocument doc;
  for (int guard = 0; guard < 1000; ++guard) {
    Result<bool> more = (*reader)->Next(&doc);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    doc.Load();
    docs.push_back({doc.source, doc.url, std::string(doc.bytes()), doc.transport_charset, doc.format, doc.status.code()});
  }
  return docs;
}

// The documents of `paths`, which must be the same whether files are read
// by the reader or deferred to InputDocument::Load.
std::vector<Doc> ReadAll(std::vector<std::string> paths, InputOptions options = {}) {
  options.defer_file_reads = false;
  std::vector<Doc> read = ReadOneWay(paths, options);
  options.defer_file_reads = true;
  EXPECT_EQ(ReadOneWay(paths, options), read);
  return read;
}

// Next() from a deferred reader: the one document of `path`, not loaded.
InputDocument NextDeferred(const std::string& path, size_t max_bytes = size_t{32} << 20) {
  InputOptions options;
  options.defer_file_reads = true;
  options.max_document_bytes = max_bytes;
  InputDocument doc;
  auto reader = InputReader::Open({path}, options);
  EXPECT_TRUE(reader.ok());
  if (reader.ok()) {
    EXPECT_TRUE((*reader)->Next(&doc).ok());
  }
  return doc;
}

TEST(LooksLikeHtmlTest, Cases) {
  struct Case {
    const char* text;
    bool html;
  } cases[] = {
      {"<!DOCTYPE html><title>x</title>", true},
      {"  <html lang=id>", true},
      {"<!-- comment -->text", true},
      {"Teks biasa dengan <3 dan a < b > c.", false},
      {"Berita hari ini.\n\nParagraf kedua.", false},
      {"<p>Satu paragraf</p>", true},
      {"<DIV class=x>", true},
      {"Email <redaksi@example.id>", false},
      {"", false},
  };
  for (const auto& c : cases) EXPECT_EQ(LooksLikeHtml(c.text), c.html) << c.text;
}

TEST(InputReaderTest, WalksFolderOfMixedFormats) {
  TempDir dir;
  std::string warc = WarcResponse("urn:uuid:1", "https://x.id/1",
                                  "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n" + kHtml) +
                     WarcResponse("urn:uuid:2", "https://x.id/logo.png",
                                  "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG") +
                     WarcResponse("urn:uuid:3", "https://x.id/gone",
                                  "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>") +
                     WarcResponse("urn:uuid:4", "https://x.id/t",
                                  "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nplain words");
  dir.Write("a.html", kHtml);
  dir.Write("b.txt", "Hanya teks.\n");
  dir.Write("c.html.gz", Gzip(kHtml));
  dir.Write("d.warc.gz", Gzip(warc));
  dir.Write("e.jsonl",
            "{\"url\": \"https://x.id/j\", \"html\": \"<p>j\\u00e9</p>\"}\n"
            "{not json\n"
            "\n"
            "{\"url\": \"https://x.id/k\"}\n"
            "{\"text\": \"teks saja\"}\n");
  dir.Write("f.jsonl.zst", Zstd("{\"url\":\"https://x.id/z\",\"html\":\"<p>z</p>\"}\n"));
  dir.Write("sub/g.htm", kHtml);
  dir.Write("sub/notes", "no extension, no markup");
  dir.Write(".hidden.html", kHtml);
  dir.Write("site.css", "p { color: red }");
  dir.Write("LICENSE", "Permission is granted...");
  dir.Write("meta.json", "{\n  \"crawl\": 1\n}\n");
  dir.Write("image.png", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));

  std::vector<Doc> docs = ReadAll({dir.path()});
  std::string root = dir.path() + "/";
  std::vector<std::pair<std::string, StatusCode>> got;
  for (const Doc& d : docs) got.emplace_back(d.source.substr(root.size()), d.code);
  std::vector<std::pair<std::string, StatusCode>> want = {
      {"a.html", StatusCode::kOk},
      {"b.txt", StatusCode::kOk},
      {"c.html.gz", StatusCode::kOk},
      {"d.warc.gz#urn:uuid:1", StatusCode::kOk},
      {"d.warc.gz#urn:uuid:4", StatusCode::kOk},
      {"e.jsonl:1", StatusCode::kOk},
      {"e.jsonl:2", StatusCode::kCorrupt},
      {"e.jsonl:4", StatusCode::kInvalidArgument},
      {"e.jsonl:5", StatusCode::kOk},
      {"f.jsonl.zst:1", StatusCode::kOk},
      {"sub/g.htm", StatusCode::kOk},
      {"sub/notes", StatusCode::kOk},
  };
  ASSERT_EQ(got, want);
  EXPECT_EQ(docs[0].bytes, kHtml);
  EXPECT_EQ(docs[0].format, InputFormat::kHtml);
  EXPECT_EQ(docs[1].format, InputFormat::kText);
  EXPECT_EQ(docs[2].bytes, kHtml);
  EXPECT_EQ(docs[3].url, "https://x.id/1");
  EXPECT_EQ(docs[3].charset, "windows-1252");
  EXPECT_EQ(docs[3].bytes, kHtml);
  EXPECT_EQ(docs[4].format, InputFormat::kText);
  EXPECT_EQ(docs[5].url, "https://x.id/j");
  EXPECT_EQ(docs[5].bytes, "<p>j\xC3\xA9</p>");
  EXPECT_EQ(docs[5].charset, "UTF-8");
  EXPECT_EQ(docs[8].format, InputFormat::kText);
  EXPECT_EQ(docs[9].bytes, "<p>z</p>");
  EXPECT_EQ(docs[11].format, InputFormat::kText);
}

TEST(InputReaderTest, NamedPathsReportProblems) {
  TempDir dir;
  std::string binary = dir.Write("x.bin", std::string("\0\1\2\3garbage", 11));
  std::string big = dir.Write("big.html", "<p>" + std::string(5000, 'x') + "</p>");
  std::string small = dir.Write("small.html", kHtml);
  std::string bad_gz = dir.Write("bad.html.gz", Gzip(kHtml).substr(0, 20));
  InputOptions options;
  options.max_document_bytes = 1000;
  std::vector<Doc> docs = ReadAll({dir.path() + "/missing.html", binary, big, small, bad_gz}, options);
  ASSERT_EQ(docs.size(), 5u);
  EXPECT_EQ(docs[0].code, StatusCode::kNotFound);
  EXPECT_EQ(docs[1].code, StatusCode::kUnsupported);
  EXPECT_EQ(docs[2].code, StatusCode::kTooLarge);
  EXPECT_EQ(docs[2].bytes, "");
  EXPECT_EQ(docs[3].code, StatusCode::kOk);
  EXPECT_EQ(docs[3].bytes, kHtml);
  EXPECT_EQ(docs[4].code, StatusCode::kCorrupt);
}

// A NUL byte marks binary data, unless the file opens with markup: then it
// is a page with stray NULs, read like any other (the parser replaces them).
TEST(InputReaderTest, NulBytesInAPageAreNotBinary) {
  TempDir dir;
  std::string page = "<!doctype html><p>a" + std::string(1, '\0') + "b</p>";
  std::string indented = "\xEF\xBB\xBF\n  <html><body>" + std::string(100, 'x') + std::string(3, '\0') + "</body></html>";
  std::string image = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) + "<html>";
  std::string dense = "<p>" + std::string(400, '\0') + "</p>";  // NULs past the control share
  std::vector<Doc> docs = ReadAll({dir.Write("page.html", page), dir.Write("indented.html", indented),
                                   dir.Write("image.html", image), dir.Write("dense.html", dense)});
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0].code, StatusCode::kOk);
  EXPECT_EQ(docs[0].format, InputFormat::kHtml);
  EXPECT_EQ(docs[0].bytes, page);
  EXPECT_EQ(docs[1].code, StatusCode::kOk);
  EXPECT_EQ(docs[2].code, StatusCode::kUnsupported);
  EXPECT_EQ(docs[3].code, StatusCode::kUnsupported);
}

// Whole files go through one read buffer kept from file to file: a long
// page (the buffer grows), a short one after it, and pages right at the cap.
TEST(InputReaderTest, ReadsWholeFilesOfAnySize) {
  TempDir dir;
  std::string long_page = "<p>";
  for (int i = 0; long_page.size() < (200 << 10); ++i) long_page += "kalimat ke-" + std::to_string(i) + ". ";
  long_page += "</p>";
  std::string at_cap = "<p>" + std::string(293, 'a') + "</p>";  // 300 bytes
  InputOptions options;
  options.max_document_bytes = 300;
  std::vector<Doc> capped = ReadAll({dir.Write("c1.html", at_cap), dir.Write("c2.html", at_cap + "x")}, options);
  ASSERT_EQ(capped.size(), 2u);
  EXPECT_EQ(capped[0].code, StatusCode::kOk);
  EXPECT_EQ(capped[0].bytes, at_cap);
  EXPECT_EQ(capped[1].code, StatusCode::kTooLarge);

  std::vector<Doc> docs = ReadAll({dir.Write("long.html.gz", Gzip(long_page)), dir.Write("short.html", kHtml),
                                   dir.Write("long.html", long_page)});
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].bytes, long_page);
  EXPECT_EQ(docs[1].bytes, kHtml);
  EXPECT_EQ(docs[2].bytes, long_page);
}

TEST(InputReaderTest, FormatOverride) {
  TempDir dir;
  std::string page = dir.Write("page.html", kHtml);
  InputOptions options;
  ASSERT_TRUE(ParseInputFormat("text", &options.format));
  std::vector<Doc> docs = ReadAll({page}, options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].format, InputFormat::kText);
  EXPECT_FALSE(ParseInputFormat("pdf", &options.format));
  EXPECT_FALSE(InputReader::Open({}).ok());
}

TEST(InputReaderTest, StandardInput) {
  TempDir dir;
  std::string path = dir.Write("stdin.warc.gz",
                               Gzip(WarcResponse("urn:uuid:9", "https://x.id/s",
                                                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kHtml)));
  int saved = ::dup(STDIN_FILENO);
  FILE* f = std::fopen(path.c_str(), "rb");
  ASSERT_NE(f, nullptr);
  ::dup2(::fileno(f), STDIN_FILENO);
  std::vector<Doc> docs = ReadOneWay({"-"}, {});  // stdin can be read once
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  std::fclose(f);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].source, "-#urn:uuid:9");
  EXPECT_EQ(docs[0].bytes, kHtml);
}

TEST(InputReaderTest, DeferredReadWaitsForLoad) {
  TempDir dir;
  InputDocument doc = NextDeferred(dir.Write("page.html", kHtml));
  EXPECT_TRUE(doc.status.ok());
  EXPECT_EQ(doc.format, InputFormat::kHtml);
  EXPECT_NE(doc.unread, nullptr);
  EXPECT_EQ(doc.bytes(), "");
  doc.Load();
  EXPECT_EQ(doc.unread, nullptr);
  EXPECT_EQ(doc.bytes(), kHtml);
  doc.Load();  // again: nothing to do
  EXPECT_EQ(doc.bytes(), kHtml);

  InputDocument empty = NextDeferred(dir.Write("empty.html", ""));
  empty.Load();
  EXPECT_TRUE(empty.status.ok());
  EXPECT_EQ(empty.bytes(), "");
}

// Between Next() and Load() the file may change: it is read as it is then,
// shorter, longer (up to the cap) or already deleted; never a crash.
TEST(InputReaderTest, DeferredFileChangedBeforeLoad) {
  TempDir dir;
  const std::string long_page = "<p>" + std::string(100 << 10, 'k') + "</p>";
  struct Case {
    const char* name;
    std::string change_to;  // empty: deleted
    StatusCode code;
    std::string bytes;
  } cases[] = {
      {"shrunk.html", "<p>pendek</p>", StatusCode::kOk, "<p>pendek</p>"},
      {"emptied.html", "\n", StatusCode::kOk, "\n"},
      {"grown.html", long_page, StatusCode::kOk, long_page},
      {"too-big.html", long_page + long_page, StatusCode::kTooLarge, ""},
      {"deleted.html", "", StatusCode::kOk, kHtml},
  };
  for (const Case& c : cases) {
    std::string path = dir.Write(c.name, kHtml);
    InputDocument doc = NextDeferred(path, 150 << 10);
    if (c.change_to.empty()) {
      fs::remove(path);
    } else {
      dir.Write(c.name, c.change_to);  // truncates in place: the open file sees it
    }
    doc.Load();
    EXPECT_EQ(doc.status.code(), c.code) << c.name;
    EXPECT_EQ(doc.bytes(), c.bytes) << c.name;
  }
}

// Copies of a deferred document share the open file and load on their own.
TEST(InputReaderTest, DeferredCopiesLoadOnTwoThreads) {
  TempDir dir;
  InputDocument first = NextDeferred(dir.Write("page.html", kHtml));
  InputDocument second = first;
  std::thread other([&] { second.Load(); });
  first.Load();
  other.join();
  EXPECT_EQ(first.bytes(), kHtml);
  EXPECT_EQ(second.bytes(), kHtml);
}

// The shared WARC fixtures through the walker: every page comes out, errors
// are documents, nothing stops the run.
TEST(InputReaderTest, SharedWarcFolder) {
  fs::path dir = fs::path(WARTA_SHARED_DIR) / "bench/warc";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir << " (../shared absent)";
  std::vector<Doc> docs = ReadAll({dir.string()});
  int ok = 0, errors = 0;
  for (const Doc& d : docs) (d.code == StatusCode::kOk ? ok : errors)++;
  std::printf("shared warc folder: %d pages, %d error documents\n", ok, errors);
  // 11 pages (wget's logs, LICENSE and NOTICE are not pages); the errors are
  // bad.arc (2), example-trunc.warc (2) and the short example-space-in-url.arc.
  EXPECT_EQ(ok, 11);
  EXPECT_EQ(errors, 5);
}

}  // namespace
}  // namespace warta
