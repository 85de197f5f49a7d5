// libFuzzer target for the input stage: arbitrary bytes through encoding
// sniffing and conversion, decompression, the WARC/ARC reader and the JSON
// Lines reader. Traps when decoding yields invalid UTF-8 or a reader returns
// more records than the input could hold (a reader that stops making
// progress).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "input/compress.h"
#include "input/jsonl.h"
#include "input/stream.h"
#include "warta/encoding.h"
#include "warta/input.h"
#include "warta/warc.h"

namespace {

constexpr size_t kCap = 1 << 20;

void CheckDecode(std::string_view bytes, std::string_view transport, bool detector) {
  warta::DecodeOptions options;
  options.transport_charset = transport;
  options.use_detector = detector;
  options.max_output = kCap;
  auto decoded = warta::DecodeToUtf8(bytes, options);
  if (decoded.ok() && !warta::utf8::IsValid(decoded->utf8)) __builtin_trap();
  std::string in_place(bytes);
  auto info = warta::DecodeToUtf8InPlace(&in_place, options);
  if (info.ok() && !warta::utf8::IsValid(in_place)) __builtin_trap();
  (void)warta::PrescanMetaCharset(bytes, bytes.size());
}

void ReadWarc(std::string_view bytes) {
  warta::WarcOptions options;
  options.max_record_bytes = kCap;
  auto reader = warta::WarcReader::FromMemory(bytes, options);
  if (!reader.ok()) return;
  warta::WarcRecord record;
  for (size_t n = 0;; ++n) {
    if (n > bytes.size() + 2) __builtin_trap();
    auto more = (*reader)->Next(&record);
    if (!more.ok() || !*more) break;
  }
}

void ReadJsonl(std::string_view bytes) {
  warta::JsonlReader reader(warta::MemoryStream(bytes), kCap);
  warta::JsonlItem item;
  for (size_t n = 0;; ++n) {
    if (n > bytes.size() + 2) __builtin_trap();
    auto more = reader.Next(&item);
    if (!more.ok() || !*more) break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* kTransports[] = {"",       "utf-8",     "windows-1252", "gbk",      "shift_jis",
                                      "euc-jp", "iso-2022-jp", "utf-16le",   "utf-16be", "big5",
                                      "euc-kr", "x-user-defined", "replacement", "koi8-r", "gb18030"};
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view transport = size > 0 ? kTransports[data[0] % std::size(kTransports)] : "";
  // uchardet costs microseconds per byte and is not ours to fuzz: half the
  // inputs skip it.
  CheckDecode(bytes, transport, size > 1 && (data[1] & 1) != 0);
  (void)warta::LooksLikeHtml(bytes);

  for (auto c : {warta::Compression::kGzip, warta::Compression::kZstd, warta::Compression::kDeflate}) {
    (void)warta::Decompress(bytes, c, kCap);
  }
  ReadWarc(bytes);
  // Prefixed so that mutations reach header and block parsing quickly.
  std::string warc = "WARC/1.0\r\nWARC-Type: response\r\n";
  warc.append(bytes);
  ReadWarc(warc);
  std::string arc = "filedesc://f 0.0.0.0 20250101000000 text/plain 0\n\n";
  arc.append(bytes);
  ReadWarc(arc);
  ReadJsonl(bytes);
  return 0;
}
