// libFuzzer target: Analyze on arbitrary bytes, as body and as caption, in
// both languages, with and without a publication time.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "warta/analyze.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const warta::AnalyzeResources& resources = warta::AnalyzeResources::Shared();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  warta::AnalyzeContext context;
  if (size % 3 != 0) context.published_iso = "2025-12-03T10:43:00+07:00";
  context.captions.push_back(text.substr(0, 80));
  warta::Analyze(text, size % 2 == 0 ? "id" : "en", context, resources);
  return 0;
}
