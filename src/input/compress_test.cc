#include "input/compress.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <random>
#include <string>

#include "input/test_util.h"

namespace warta {
namespace {

using test::Deflate;
using test::Gzip;
using test::Zstd;

std::string Text(size_t n, unsigned seed = 1) {
  std::mt19937 rng(seed);
  std::string s;
  const char* words[] = {"news ", "warta ", "jakarta ", "record ", "\xC3\xA9t\xC3\xA9 ", "\n"};
  while (s.size() < n) s += words[rng() % 6];
  s.resize(n);
  return s;
}

// Reads a whole stream through a small buffer (exercises partial reads).
Result<std::string> Drain(ByteStream* stream, size_t chunk = 7) {
  std::string out;
  std::string buf(chunk, '\0');
  for (;;) {
    Result<size_t> got = stream->Read(buf.data(), buf.size());
    if (!got.ok()) return got.status();
    if (*got == 0) return out;
    out.append(buf.data(), *got);
  }
}

TEST(CompressTest, Detect) {
  EXPECT_EQ(DetectCompression(Gzip("x")), Compression::kGzip);
  EXPECT_EQ(DetectCompression(Zstd("x")), Compression::kZstd);
  EXPECT_EQ(DetectCompression("WARC/1.0"), Compression::kNone);
  EXPECT_EQ(DetectCompression(""), Compression::kNone);
}

struct Case {
  const char* name;
  std::string compressed;
  Compression compression;
  bool ok;
  std::string expected;  // when ok
};

TEST(CompressTest, OneShot) {
  const std::string a = Text(100000, 1), b = Text(3000, 2);
  std::string gz = Gzip(a);
  const Case cases[] = {
      {"gzip", gz, Compression::kGzip, true, a},
      {"gzip members", Gzip(a) + Gzip(b) + Gzip(""), Compression::kGzip, true, a + b + ""},
      {"gzip empty input", "", Compression::kGzip, true, ""},
      {"gzip truncated", gz.substr(0, gz.size() / 2), Compression::kGzip, false, ""},
      {"gzip garbage after", gz + "garbage", Compression::kGzip, false, ""},
      {"not gzip", "plain text", Compression::kGzip, false, ""},
      {"zlib deflate", Deflate(a, 15), Compression::kDeflate, true, a},
      {"raw deflate", Deflate(b, -15), Compression::kDeflate, true, b},
      {"zstd frames", Zstd(a) + Zstd(b), Compression::kZstd, true, a + b},
      {"zstd truncated", Zstd(a).substr(0, 50), Compression::kZstd, false, ""},
      {"zstd garbage", "\x28\xB5\x2F\xFDnonsense", Compression::kZstd, false, ""},
      {"none", "as is", Compression::kNone, true, "as is"},
  };
  for (const auto& c : cases) {
    Result<std::string> got = Decompress(c.compressed, c.compression, 1 << 20);
    EXPECT_EQ(got.ok(), c.ok) << c.name << ": " << got.status().ToString();
    if (got.ok() && c.ok) {
      EXPECT_EQ(*got, c.expected) << c.name;
    }
  }
}

TEST(CompressTest, OutputCap) {
  std::string bomb = Gzip(std::string(10 << 20, 'a'));
  Result<std::string> got = Decompress(bomb, Compression::kGzip, 1 << 20);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kTooLarge);
  got = Decompress(Zstd(std::string(10 << 20, 'a')), Compression::kZstd, 1 << 20);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kTooLarge);
  got = Decompress(Gzip(std::string(1000, 'a')), Compression::kGzip, 1000);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->size(), 1000u);
}

TEST(CompressTest, SmallReadsAndHighRatio) {
  std::string big(1 << 20, 'z');
  for (Compression c : {Compression::kGzip, Compression::kZstd}) {
    std::string packed = c == Compression::kGzip ? Gzip(big) : Zstd(big);
    auto stream = DecompressingStream(MemoryStream(packed), c);
    Result<std::string> got = Drain(stream.get(), 4096);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    EXPECT_EQ(*got, big);
  }
}

TEST(CompressTest, GzipResyncSkipsDamagedMember) {
  const std::string a = Text(5000, 3), b = Text(6000, 4), c = Text(7000, 5);
  std::string damaged = Gzip(b);
  for (size_t i = 20; i < damaged.size() - 20; i += 3) damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
  std::string all = Gzip(a) + damaged + Gzip(c);
  auto stream = DecompressingStream(MemoryStream(all), Compression::kGzip);
  std::string out;
  int errors = 0;
  char buf[1000];
  for (int guard = 0; guard < 1000; ++guard) {
    Result<size_t> got = stream->Read(buf, sizeof(buf));
    if (!got.ok()) {
      ++errors;
      ASSERT_TRUE(stream->Resync());
      continue;
    }
    if (*got == 0) break;
    out.append(buf, *got);
  }
  EXPECT_GE(errors, 1);
  EXPECT_EQ(out.substr(0, a.size()), a);
  EXPECT_EQ(out.substr(out.size() - c.size()), c);
}

TEST(BufferedReaderTest, LinesAndBlocks) {
  std::string data = "first\r\nsecond\n" + std::string(100, 'x') + "\nblock!tail";
  BufferedReader reader(MemoryStream(data), 16);
  std::string line;
  ASSERT_TRUE(*reader.ReadLine(&line, 50));
  EXPECT_EQ(line, "first\r");
  ASSERT_TRUE(*reader.ReadLine(&line, 50));
  EXPECT_EQ(line, "second");
  Result<bool> long_line = reader.ReadLine(&line, 50);
  ASSERT_FALSE(long_line.ok());
  EXPECT_EQ(long_line.status().code(), StatusCode::kTooLarge);
  auto peek = reader.Peek(5);
  ASSERT_TRUE(peek.ok());
  EXPECT_EQ(*peek, "block");
  std::string block;
  ASSERT_TRUE(reader.ReadExact(6, &block).ok());
  EXPECT_EQ(block, "block!");
  ASSERT_TRUE(*reader.ReadLine(&line, 50));
  EXPECT_EQ(line, "tail");
  EXPECT_FALSE(*reader.ReadLine(&line, 50));
  EXPECT_FALSE(reader.Skip(1).ok());
  EXPECT_EQ(reader.position(), data.size());
}

}  // namespace
}  // namespace warta
