#include "warta/encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/utf8.h"

namespace warta {
namespace {

namespace fs = std::filesystem;

std::string Lowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

TEST(CanonicalEncodingTest, Labels) {
  struct Case {
    const char* label;
    const char* name;
  } cases[] = {
      {"utf-8", "UTF-8"},          {" UTF8 ", "UTF-8"},           {"iso-8859-1", "windows-1252"},
      {"Latin1", "windows-1252"},  {"ascii", "windows-1252"},     {"US-ASCII", "windows-1252"},
      {"gb2312", "GBK"},           {"GBK", "GBK"},                {"x-sjis", "Shift_JIS"},
      {"utf-16", "UTF-16LE"},      {"unicodeFFFE", "UTF-16BE"},   {"iso-2022-kr", "replacement"},
      {"x-user-defined", "x-user-defined"}, {"ks_c_5601-1987", "EUC-KR"}, {"tis-620", "windows-874"},
      {"iso-8859-9", "windows-1254"}, {"koi8-ru", "KOI8-U"},      {"\tbig5-hkscs\n", "Big5"},
      {"iso8859-2", "ISO-8859-2"}, {"utf-7", ""},                 {"", ""},
      {"no-such-encoding-with-a-very-long-name", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(CanonicalEncoding(c.label), c.name) << c.label;
}

TEST(PrescanTest, Cases) {
  struct Case {
    const char* html;
    const char* name;
  } cases[] = {
      {"<meta charset=utf-8>", "UTF-8"},
      {"<META CHARSET='ISO-8859-2'>", "ISO-8859-2"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", "windows-1251"},
      {"<meta content=\"text/html; charset=windows-1251\" http-equiv=\"content-type\">", "windows-1251"},
      {"<meta content=\"text/html; charset=windows-1251\">", ""},  // no pragma
      {"<meta charset=utf-16>", "UTF-8"},
      {"<meta charset=x-user-defined>", "windows-1252"},
      {"<!-- <meta charset=koi8-r> --><meta charset=gbk>", "GBK"},
      {"<title>x</title><meta charset=\"bogus\"><meta charset=euc-jp>", "EUC-JP"},
      {"<div title='<meta charset=koi8-r>'><meta charset=big5>", "Big5"},
      {"<meta charset=\"euc-kr", ""},  // runs out mid-value
      {"<meta http-equiv=content-type content='charset = \"sjis\"'>", "Shift_JIS"},
      {"<meta http-equiv=content-type content='text/html;charset'>", ""},
      {"<meta/charset=utf-8>", "UTF-8"},
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(PrescanMetaCharset(c.html), c.name) << c.html;
  std::string late(1100, ' ');
  late += "<meta charset=gbk>";
  EXPECT_EQ(PrescanMetaCharset(late), "");
}

TEST(CharsetFromContentTypeTest, Cases) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=UTF-8"), "UTF-8");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=\"iso-8859-1\""), "iso-8859-1");
  EXPECT_EQ(CharsetFromContentType("text/html; foo=bar; Charset = gbk ;x"), "gbk");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(CharsetFromContentType("text/html; charset"), "");
}

struct DecodeCase {
  std::string name;
  std::string bytes;
  std::string transport;
  std::string encoding;
  EncodingSource source;
  std::string utf8;
};

TEST(DecodeTest, Cases) {
  const std::string page_1252 = "<p>caf\xE9 \x80 na\xEFve</p>";
  // Longer than the 64-byte steps the UTF-8 scan skips ASCII with.
  const std::string long_head = "<html><head><title>Harbour news</title></head><body><div class=\"story-body\">";
  const std::vector<DecodeCase> cases = {
      {"ascii default", "<p>hi</p>", "", "windows-1252", EncodingSource::kDefault, "<p>hi</p>"},
      {"utf8 bom", "\xEF\xBB\xBFh\xC3\xA9", "windows-1252", "UTF-8", EncodingSource::kBom, "h\xC3\xA9"},
      {"utf16le bom", std::string("\xFF\xFEh\0\xE9\0", 6), "", "UTF-16LE", EncodingSource::kBom,
       "h\xC3\xA9"},
      {"utf16be bom", std::string("\xFE\xFF\0h\x30\x42", 6), "", "UTF-16BE", EncodingSource::kBom,
       "h\xE3\x81\x82"},
      {"transport 1252", page_1252, "iso-8859-1", "windows-1252", EncodingSource::kTransport,
       "<p>caf\xC3\xA9 \xE2\x82\xAC na\xC3\xAFve</p>"},
      {"meta 1252", "<meta charset=latin1>" + page_1252, "", "windows-1252", EncodingSource::kMeta,
       "<meta charset=latin1><p>caf\xC3\xA9 \xE2\x82\xAC na\xC3\xAFve</p>"},
      {"transport beats meta", "<meta charset=utf-8>\xE9", "latin1", "windows-1252",
       EncodingSource::kTransport, "<meta charset=utf-8>\xC3\xA9"},
      {"meta beats a latin1 server default", "<meta charset=windows-1251>\xEC\xE8\xF0", "iso-8859-1",
       "windows-1251", EncodingSource::kMeta, "<meta charset=windows-1251>\xD0\xBC\xD0\xB8\xD1\x80"},
      {"transport beats meta otherwise", "<meta charset=windows-1251>\xEC\xE8\xF0", "iso-8859-2",
       "ISO-8859-2", EncodingSource::kTransport, "<meta charset=windows-1251>\xC4\x9B\xC4\x8D\xC4\x91"},
      {"valid utf8 beats latin1 declaration", "<p>caf\xC3\xA9</p>", "iso-8859-1", "UTF-8",
       EncodingSource::kValidUtf8, "<p>caf\xC3\xA9</p>"},
      {"undeclared utf8", "<p>caf\xC3\xA9</p>", "", "UTF-8", EncodingSource::kValidUtf8,
       "<p>caf\xC3\xA9</p>"},
      {"utf8 with stray latin1", "<p>caf\xC3\xA9 und Mitgef\xFChl \xE2\x80\x94</p>", "utf-8", "UTF-8",
       EncodingSource::kTransport, "<p>caf\xC3\xA9 und Mitgef\xC3\xBChl \xE2\x80\x94</p>"},
      {"utf8 page with a stray byte declared latin1", "<p>\xE4\xB8\xAD\xE6\x96\x87\xFF</p>", "latin1",
       "UTF-8", EncodingSource::kValidUtf8, "<p>\xE4\xB8\xAD\xE6\x96\x87\xC3\xBF</p>"},
      {"latin1 page with a utf8 fragment", "<p>f\xFCr und f\xC3\xBCr</p>", "iso-8859-1",
       "windows-1252", EncodingSource::kTransport, "<p>f\xC3\xBCr und f\xC3\xBCr</p>"},
      {"refuted utf8 transport falls back to meta", "<meta charset=koi8-r>\xF0\xD2\xC9\xD7\xC5\xD4", "utf-8",
       "KOI8-R", EncodingSource::kMeta, "<meta charset=koi8-r>\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      {"eight utf8 sequences outweigh a cjk meta",
       "<meta charset=shift_jis>\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87", "",
       "UTF-8", EncodingSource::kValidUtf8,
       "<meta charset=shift_jis>\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD\xE6\x96\x87"},
      {"shift_jis", "<meta charset=shift_jis>\x93\xFA\x96\x7B", "", "Shift_JIS", EncodingSource::kMeta,
       "<meta charset=shift_jis>\xE6\x97\xA5\xE6\x9C\xAC"},
      {"short euc-kr that happens to be valid utf8", "a\xC4\xA1", "euc-kr", "EUC-KR",
       EncodingSource::kTransport, "a\xEC\xB9\x98"},
      {"koi8-r", "\xF0\xD2\xC9\xD7\xC5\xD4", "koi8-r", "KOI8-R", EncodingSource::kTransport,
       "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      {"x-user-defined", "a\x80", "x-user-defined", "x-user-defined", EncodingSource::kTransport,
       "a\xEF\x9E\x80"},
      {"replacement", "abc\xFF", "iso-2022-kr", "replacement", EncodingSource::kTransport,
       "\xEF\xBF\xBD"},
      {"utf16 transport on ascii is ignored", "<p>x</p>", "utf-16", "windows-1252",
       EncodingSource::kDefault, "<p>x</p>"},
      {"empty", "", "", "windows-1252", EncodingSource::kDefault, ""},
      {"long ascii opening, then utf8", long_head + "caf\xC3\xA9", "", "UTF-8", EncodingSource::kValidUtf8,
       long_head + "caf\xC3\xA9"},
      {"long ascii opening, then latin1", long_head + "caf\xE9", "iso-8859-1", "windows-1252",
       EncodingSource::kTransport, long_head + "caf\xC3\xA9"},
      {"long ascii opening only", long_head + long_head, "", "windows-1252", EncodingSource::kDefault,
       long_head + long_head},
  };
  for (const auto& c : cases) {
    DecodeOptions options;
    options.transport_charset = c.transport;
    auto decoded = DecodeToUtf8(c.bytes, options);
    ASSERT_TRUE(decoded.ok()) << c.name << ": " << decoded.status().ToString();
    EXPECT_EQ(decoded->info.encoding, c.encoding) << c.name;
    EXPECT_EQ(decoded->info.source, c.source) << c.name;
    EXPECT_EQ(decoded->utf8, c.utf8) << c.name;

    std::string in_place = c.bytes;
    auto info = DecodeToUtf8InPlace(&in_place, options);
    ASSERT_TRUE(info.ok()) << c.name;
    EXPECT_EQ(info->encoding, c.encoding) << c.name;
    EXPECT_EQ(in_place, c.utf8) << c.name;

    std::string scratch;
    auto view = DecodeToUtf8View(c.bytes, &scratch, options);
    ASSERT_TRUE(view.ok()) << c.name;
    EXPECT_EQ(*view, c.utf8) << c.name;
  }
}

TEST(DecodeTest, ViewOfValidUtf8IsTheInputPastTheBom) {
  const std::string bytes = "\xEF\xBB\xBF<p>caf\xC3\xA9</p>";
  std::string scratch;
  auto view = DecodeToUtf8View(bytes, &scratch);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->data(), bytes.data() + 3);
  EXPECT_EQ(*view, "<p>caf\xC3\xA9</p>");
  EXPECT_TRUE(scratch.empty());

  DecodeOptions tight;
  tight.max_output = 4;
  EXPECT_FALSE(DecodeToUtf8View(bytes, &scratch, tight).ok());
}

// Well-formed UTF-8 with evidence enough is the input itself whatever a
// <meta> or the server says, unless they say UTF-16 (checked the slow way).
TEST(DecodeTest, ViewOfPlainUtf8IgnoresDeclarations) {
  std::string bytes = "<meta charset=windows-1252><p>";
  for (int i = 0; i < 8; ++i) bytes += "caf\xC3\xA9 \xE2\x80\x94 ";
  bytes += std::string(100, 'a') + "</p>";
  for (const char* transport : {"", "iso-8859-1", "shift_jis", "utf-16"}) {
    DecodeOptions options;
    options.transport_charset = transport;
    std::string scratch;
    auto view = DecodeToUtf8View(bytes, &scratch, options);
    ASSERT_TRUE(view.ok()) << transport;
    EXPECT_EQ(view->data(), bytes.data()) << transport;
    EXPECT_TRUE(scratch.empty()) << transport;
  }
}

// ASCII reads as itself in windows-1252 (the default of an undeclared page)
// and Shift_JIS: the view is the input, with no copy of the page made.
TEST(DecodeTest, ViewOfAsciiIsTheInputInAsciiCompatibleEncodings) {
  for (const char* page : {"<p>plain words</p>", "<meta charset=shift_jis><p>plain words</p>"}) {
    std::string bytes = page;
    std::string scratch;
    auto view = DecodeToUtf8View(bytes, &scratch);
    ASSERT_TRUE(view.ok()) << page;
    EXPECT_EQ(view->data(), bytes.data()) << page;
    EXPECT_TRUE(scratch.empty()) << page;
  }
}

// The UTF-8 scan skips ASCII 64, 32 and 8 bytes a step: a page of every
// length up to past two 64-byte steps, ASCII but for one byte at each
// place, is read right, and never past its end (each page is a buffer of
// exactly its size, for the address sanitizer to see).
TEST(DecodeTest, OneHighByteAtEachPlaceOfShortPages) {
  for (size_t n = 1; n <= 130; ++n) {
    for (size_t at = 0; at <= n; ++at) {  // at == n: all ASCII
      for (const std::string_view high : {std::string_view("\xE9"), std::string_view("\xC3\xA9")}) {
        if (at < n && at + high.size() > n) continue;
        std::string page(n, 'a');
        std::string expected = page;
        if (at < n) {
          page.replace(at, high.size(), high);
          expected.replace(at, high.size(), "\xC3\xA9");  // windows-1252 for the lone byte
        }
        auto exact = std::make_unique<char[]>(n);
        std::memcpy(exact.get(), page.data(), n);
        std::string scratch;
        auto view = DecodeToUtf8View(std::string_view(exact.get(), n), &scratch);
        ASSERT_TRUE(view.ok()) << n << " " << at;
        ASSERT_EQ(*view, expected) << n << " " << at << " " << high.size();
      }
    }
  }
}

TEST(DecodeTest, InPlaceKeepsValidUtf8Buffer) {
  std::string text(4096, 'a');
  text += "\xC3\xA9";
  const char* before = text.data();
  ASSERT_TRUE(DecodeToUtf8InPlace(&text).ok());
  EXPECT_EQ(text.data(), before);
}

TEST(DecodeTest, OutputCap) {
  DecodeOptions options;
  options.max_output = 10;
  options.transport_charset = "windows-1252";
  auto r = DecodeToUtf8(std::string(20, '\xE9'), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  options.transport_charset = "gbk";
  r = DecodeToUtf8(std::string(8, '\xB0'), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
}

TEST(DecodeTest, RandomBytesAlwaysGiveValidUtf8) {
  std::mt19937 rng(42);
  const char* transports[] = {"", "utf-8", "gbk", "shift_jis", "utf-16be", "iso-2022-jp", "euc-kr", "big5"};
  for (int i = 0; i < 400; ++i) {
    std::string bytes(rng() % 300, '\0');
    for (auto& b : bytes) b = static_cast<char>(rng());
    DecodeOptions options;
    options.transport_charset = transports[i % std::size(transports)];
    auto r = DecodeToUtf8(bytes, options);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(utf8::IsValid(r->utf8)) << options.transport_charset;
  }
}

// html5lib-tests/encoding: "#data" then "#encoding"; these test the prescan
// (and the windows-1252 default for pages without a declaration).
TEST(Html5libEncodingTest, Prescan) {
  fs::path dir = fs::path(WARTA_SHARED_DIR) / "bench/html5lib-tests/encoding";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir << " (../shared absent)";
  int total = 0;
  int passed = 0;
  int passed_1024 = 0;
  for (const char* name : {"tests1.dat", "tests2.dat", "test-yahoo-jp.dat"}) {
    std::ifstream in(dir / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string content = ss.str();
    size_t pos = 0;
    while ((pos = content.find("#data\n", pos)) != std::string::npos) {
      size_t data_start = pos + 6;
      size_t enc = content.find("\n#encoding\n", data_start);
      if (enc == std::string::npos) break;
      std::string data = content.substr(data_start, enc - data_start);
      size_t enc_start = enc + 11;
      size_t enc_end = content.find('\n', enc_start);
      std::string expected = content.substr(enc_start, enc_end - enc_start);
      pos = enc_end;
      ++total;
      // The files are stored as UTF-8 whatever they declare, so the
      // declaration is what is compared, not DecodeToUtf8's final choice.
      const bool bom = data.rfind("\xEF\xBB\xBF", 0) == 0;
      std::string_view got = bom ? "UTF-8" : PrescanMetaCharset(data, data.size());
      if (got.empty()) got = "windows-1252";
      if (Lowered(got) == Lowered(CanonicalEncoding(expected))) {
        ++passed;
      } else {
        ADD_FAILURE() << name << ": expected " << expected << " got " << got << " for:\n"
                      << data.substr(0, 300);
      }
      std::string_view spec = bom ? "UTF-8" : PrescanMetaCharset(data);
      if (spec.empty()) spec = "windows-1252";
      if (Lowered(spec) == Lowered(CanonicalEncoding(expected))) ++passed_1024;
    }
  }
  std::printf("html5lib encoding tests: %d/%d passed (%d with a strict 1024-byte prescan)\n",
              passed, total, passed_1024);
  EXPECT_GT(total, 70);
}

std::string Gunzip(const fs::path& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  std::string out;
  char buf[65536];
  int n;
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

size_t CountOf(std::string_view s, std::string_view needle) {
  size_t count = 0;
  for (size_t p = s.find(needle); p != std::string_view::npos; p = s.find(needle, p + 1)) ++count;
  return count;
}

// Real pages, some of which declare one charset and use another: decoding
// must give valid UTF-8 with (almost) no mojibake or U+FFFD.
TEST(TrafilaturaPagesTest, NoMojibake) {
  fs::path dir = fs::path(WARTA_SHARED_DIR) / "bench/trafilatura/html";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir << " (../shared absent)";
  const char* mojibake[] = {"\xC3\x83\xC2", "\xC3\xA2\xE2\x82\xAC", "\xC3\x83\xC6\x92"};  // Ã+x, â€, Ãƒ
  int pages = 0, with_mojibake = 0, with_fffd = 0, overridden = 0, detected = 0;
  size_t fffd_total = 0;
  size_t total_bytes = 0;
  std::chrono::steady_clock::duration decode_time{};
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string bytes = Gunzip(entry.path());
    auto start = std::chrono::steady_clock::now();
    auto decoded = DecodeToUtf8(bytes);
    decode_time += std::chrono::steady_clock::now() - start;
    total_bytes += bytes.size();
    ASSERT_TRUE(decoded.ok()) << entry.path();
    ASSERT_TRUE(utf8::IsValid(decoded->utf8)) << entry.path();
    ++pages;
    size_t moji = 0;
    // Mojibake already in the page's own bytes (double-encoded by the site)
    // is not ours.
    for (const char* m : mojibake) moji += CountOf(decoded->utf8, m) - CountOf(bytes, m);
    size_t fffd = CountOf(decoded->utf8, "\xEF\xBF\xBD") - CountOf(bytes, "\xEF\xBF\xBD");
    if (moji > 0) ++with_mojibake;
    if (fffd > 0) ++with_fffd;
    fffd_total += fffd;
    if (decoded->info.source == EncodingSource::kValidUtf8) ++overridden;
    if (decoded->info.source == EncodingSource::kDetector) ++detected;
    if (moji > 0 || fffd > 0) {
      std::printf("  %s: %s, %zu mojibake, %zu U+FFFD\n", entry.path().filename().c_str(),
                  std::string(decoded->info.encoding).c_str(), moji, fffd);
    }
  }
  std::printf("trafilatura pages: %d, with mojibake %d, with new U+FFFD %d (%zu total), "
              "valid-UTF-8 override %d, detector %d\n",
              pages, with_mojibake, with_fffd, fffd_total, overridden, detected);
  double seconds = std::chrono::duration<double>(decode_time).count();
  std::printf("DecodeToUtf8 throughput: %.0f pages/s, %.0f MB/s\n", pages / seconds, total_bytes / seconds / 1e6);
  EXPECT_EQ(with_mojibake, 0);
  EXPECT_EQ(with_fffd, 0);
}

// `utf8` in a legacy encoding; "" when some character has no mapping there.
std::string Encode(const std::string& utf8, const char* encoding) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* to = ucnv_open(encoding, &err);
  ucnv_setFromUCallBack(to, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  UConverter* from = ucnv_open("UTF-8", &err);
  std::string out(utf8.size() * 2 + 16, '\0');
  char* target = out.data();
  const char* source = utf8.data();
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, utf8.data() + utf8.size(), nullptr,
                 nullptr, nullptr, nullptr, true, true, &err);
  ucnv_close(to);
  ucnv_close(from);
  if (U_FAILURE(err)) return {};
  out.resize(target - out.data());
  return out;
}

// Pages without any declaration: the detector's job.
TEST(DecodeTest, UndeclaredLegacyText) {
  struct Case {
    const char* encoding;
    const char* text;
  } cases[] = {
      {"Shift_JIS", "今日、東京で新しい会議が開かれました。政府は経済政策について発表し、多くの記者が集まりました。"},
      {"EUC-JP", "今日、東京で新しい会議が開かれました。政府は経済政策について発表し、多くの記者が集まりました。"},
      {"GBK", "今天在北京举行了新的会议。政府宣布了新的经济政策，许多记者参加了新闻发布会。"},
      {"Big5", "今天在臺北舉行了新的會議。政府宣布了新的經濟政策，許多記者參加了新聞發布會。"},
      {"EUC-KR", "오늘 서울에서 새로운 회의가 열렸습니다. 정부는 경제 정책을 발표했고 많은 기자들이 모였습니다."},
      {"windows-1251", "Сегодня в Москве прошло новое заседание. Правительство объявило о новой экономической политике."},
      {"windows-1252", "Die Regierung hat heute in Köln über die Wirtschaftspolitik gesprochen. Viele Bürger äußerten Kritik."},
      {"ISO-2022-JP", "今日、東京で新しい会議が開かれました。"},
  };
  for (const auto& c : cases) {
    std::string body = std::string("<p>") + c.text + c.text + "</p>";
    std::string legacy = Encode(body, c.encoding);
    ASSERT_FALSE(legacy.empty()) << c.encoding;
    auto decoded = DecodeToUtf8(legacy);
    ASSERT_TRUE(decoded.ok());
    // gb18030 for GBK text is right too: the text is what must match.
    EXPECT_EQ(decoded->utf8, body) << c.encoding << " decoded as " << decoded->info.encoding;
  }
}

// Converters and detectors are per thread: concurrent decoding must agree
// with sequential decoding.
TEST(DecodeTest, ConcurrentThreads) {
  const std::string sjis = Encode("<p>東京で会議が開かれました。政府は経済政策を発表しました。</p>", "Shift_JIS");
  const std::string cyrillic = Encode("<p>Правительство объявило о новой экономической политике.</p>", "windows-1251");
  const std::string expected_sjis = DecodeToUtf8(sjis)->utf8;
  const std::string expected_cyrillic = DecodeToUtf8(cyrillic)->utf8;
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (DecodeToUtf8(sjis)->utf8 != expected_sjis) ++mismatches;
        DecodeOptions gbk;
        gbk.transport_charset = "gbk";
        (void)DecodeToUtf8(sjis, gbk);
        if (DecodeToUtf8(cyrillic)->utf8 != expected_cyrillic) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

// The same real pages re-encoded in a legacy encoding while their <meta>
// still says UTF-8 (a common server/CMS mistake): the UTF-8 check rejects
// the declaration and the detector must find the real encoding.
TEST(TrafilaturaPagesTest, MisdeclaredLegacyPages) {
  fs::path dir = fs::path(WARTA_SHARED_DIR) / "bench/trafilatura/html";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir << " (../shared absent)";
  int tried = 0, exact = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string page = Gunzip(entry.path());
    if (!utf8::IsValid(page) || utf8::CodePointCount(page) + 200 > page.size()) continue;
    for (const char* encoding : {"windows-1252", "windows-1250", "windows-1251"}) {
      std::string legacy = Encode(page, encoding);
      if (legacy.empty()) continue;
      ++tried;
      // ICU drops default-ignorable characters (U+200B...) it cannot encode,
      // so the reference is the legacy bytes read back in their encoding.
      DecodeOptions truth;
      truth.transport_charset = encoding;
      auto expected = DecodeToUtf8(legacy, truth);
      auto decoded = DecodeToUtf8(legacy);
      ASSERT_TRUE(decoded.ok() && expected.ok());
      if (decoded->utf8 == expected->utf8) {
        ++exact;
      } else {
        std::printf("  %s as %s: decoded as %s\n", entry.path().filename().c_str(), encoding,
                    std::string(decoded->info.encoding).c_str());
      }
      break;
    }
  }
  std::printf("mis-declared legacy pages: %d/%d decoded exactly\n", exact, tried);
  EXPECT_GE(exact * 100, tried * 90);
}

}  // namespace
}  // namespace warta
