// libFuzzer target for the meta stage: arbitrary bytes as date strings,
// captions, datelines, bylines and cited-source text, as a JSON-LD block, and
// as an HTML page through ExtractMetadata. Traps when a formatted date is not
// the shape FormatIsoLocal/FormatIsoUtc promise or a dateline prefix runs past
// its paragraph.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "meta/authors.h"
#include "meta/caption.h"
#include "meta/date_parse.h"
#include "meta/dateline.h"
#include "meta/jsonld.h"
#include "meta/metadata.h"
#include "meta/sources.h"
#include "warta/html_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string text = warta::utf8::Repair(bytes);
  warta::meta::DateTime ref;
  ref.year = 2025, ref.month = 12, ref.day = 3, ref.hour = 10, ref.minute = 43;
  ref.has_time = ref.has_offset = true;
  ref.granularity = warta::meta::DateGranularity::kMinute;
  warta::meta::DateParseOptions options;
  options.reference = &ref;
  for (const warta::meta::DateMatch& m : warta::meta::FindDates(text, options)) {
    if (m.end > text.size() || m.begin > m.end) __builtin_trap();
    std::string utc = warta::meta::FormatIsoUtc(m.value);
    if (!utc.empty() && (utc.size() != 20 || utc.back() != 'Z')) __builtin_trap();
    (void)warta::meta::FormatIsoLocal(m.value);
  }
  (void)warta::meta::SplitCaption(text);
  if (auto d = warta::meta::DetectDateline(text)) {
    if (d->prefix_bytes > text.size()) __builtin_trap();
  }
  (void)warta::meta::SplitAuthorNames(text);
  (void)warta::meta::FindCitedSources(text);
  warta::meta::JsonLdInfo info;
  warta::meta::ReadJsonLd(text, &info);
  std::unique_ptr<warta::Document> doc = warta::ParseHtml(text);
  (void)warta::meta::ExtractMetadata(*doc, "https://example.com/2025/12/03/x");
  return 0;
}
