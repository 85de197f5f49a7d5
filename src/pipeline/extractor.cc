// ExtractRecord: decode -> (plain text | parse -> content + metadata) ->
// the text-level readings shared by both paths (dateline, cited sources,
// captions, language, counts, id).
#include "warta/extract.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/utf8.h"
#include "extract/content.h"
#include "extract/text_page.h"
#include "meta/caption.h"
#include "meta/dateline.h"
#include "meta/metadata.h"
#include "meta/sources.h"
#include "nlp/language.h"
#include "pipeline/record_id.h"
#include "warta/analyze.h"
#include "warta/encoding.h"
#include "warta/html_parser.h"

namespace warta {
namespace {

void JoinParagraphs(Record* r) {
  size_t size = 0;
  for (const std::string& p : r->paragraphs) size += p.size() + 2;
  r->text.clear();
  r->text.reserve(size);
  for (const std::string& p : r->paragraphs) {
    if (!r->text.empty()) r->text.append("\n\n");
    r->text.append(p);
  }
}

constexpr std::array<uint8_t, 256> MakeWordBreaks() {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {' ', '\n', '\t', '\r'}) t[c] = 1;
  return t;
}
constexpr auto kWordBreaks = MakeWordBreaks();

// Words start where a byte that is no break follows a break (or opens the
// text). Sixteen bytes a step where SSE2 is at hand: each byte is compared
// with the one before it (an unaligned load one byte back), and the starts
// are summed per byte lane, folded into the total before a lane can wrap.
int CountWords(std::string_view text) {
  const char* s = text.data();
  const size_t n = text.size();
  int words = 0;
  uint8_t after_break = 1;
  size_t i = 0;
#if defined(__SSE2__)
  auto breaks = [](__m128i v) {
    auto eq = [&v](char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
    return _mm_or_si128(_mm_or_si128(eq(' '), eq('\n')), _mm_or_si128(eq('\t'), eq('\r')));
  };
  if (n >= 17) {
    words = !kWordBreaks[static_cast<unsigned char>(s[0])];
    i = 1;
    while (i + 16 <= n) {
      __m128i lanes = _mm_setzero_si128();
      for (int step = 0; step < 255 && i + 16 <= n; ++step, i += 16) {
        __m128i here = breaks(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i)));
        __m128i before = breaks(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i - 1)));
        lanes = _mm_sub_epi8(lanes, _mm_andnot_si128(here, before));  // a start is -1 in its lane
      }
      __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
      words += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
    }
    after_break = kWordBreaks[static_cast<unsigned char>(s[i - 1])];
  }
#endif
  for (; i < n; ++i) {
    uint8_t is_break = kWordBreaks[static_cast<unsigned char>(s[i])];
    words += after_break & (is_break ^ 1);
    after_break = is_break;
  }
  return words;
}

void AddUnique(std::vector<std::string>* list, const std::string& item) {
  for (const std::string& have : *list) {
    if (have == item) return;
  }
  list->push_back(item);
}

// A few kilobytes of body say the language as surely as the whole article
// and keep detection cost flat on long pages.
std::string_view LanguageSample(const Record& r) {
  constexpr size_t kSampleBytes = 4096;
  std::string_view text = r.text.empty() ? std::string_view(r.title) : std::string_view(r.text);
  if (text.size() <= kSampleBytes) return text;
  size_t end = kSampleBytes;
  while (end > 0 && !utf8::IsLeadByte(static_cast<unsigned char>(text[end]))) --end;
  return text.substr(0, end);
}

// Readings over the body text that do not depend on where it came from.
void FinishRecord(std::string_view language_hint, Record* r) {
  if (r->dateline.empty()) {
    if (std::optional<meta::Dateline> dateline = meta::DetectLeadDateline(r->paragraphs)) {
      r->dateline = dateline->city;
      if (std::string source = meta::DatelineSource(dateline->agency); !source.empty()) {
        AddUnique(&r->sources_cited, source);
      }
    }
  }
  for (const std::string& p : r->paragraphs) {
    for (const std::string& s : meta::FindCitedSources(p)) AddUnique(&r->sources_cited, s);
  }
  std::erase_if(r->sources_cited, [r](const std::string& s) { return meta::IsOwnOutlet(s, r->site_name, r->url); });
  JoinParagraphs(r);
  if (r->language.empty()) r->language = nlp::DetectLanguage(LanguageSample(*r), language_hint);
  r->word_count = CountWords(r->text);
  r->id = RecordId(*r);
}

Record FromHtml(std::string_view utf8, const Page& page, std::string* language_hint) {
  Record r;
  std::unique_ptr<Document> doc = ParseHtml(utf8);
  meta::PageMetadata m = meta::ExtractMetadata(*doc, page.url, page.fetch_date);
  extract::Content content = extract::ExtractContent(*doc, {page.url, m.language_hint});
  r.canonical_url = std::move(m.canonical_url);
  r.title = std::move(m.title);
  r.authors = std::move(m.authors);
  r.published = std::move(m.published);
  r.published_utc = std::move(m.published_utc);
  r.modified = std::move(m.modified);
  r.site_name = std::move(m.site_name);
  r.description = std::move(m.description);
  r.categories = std::move(m.categories);
  r.tags = std::move(m.tags);
  r.paragraphs = std::move(content.paragraphs);
  for (extract::ContentImage& image : content.images) {
    meta::CaptionParts parts = meta::SplitCaption(image.caption_raw);
    r.images.push_back({std::move(image.src), std::move(parts.caption), std::move(parts.credit)});
  }
  if (r.images.empty() && !m.image.empty()) r.images.push_back({std::move(m.image), "", ""});
  *language_hint = std::move(m.language_hint);
  return r;
}

void Analyze(Record* r) {
  AnalyzeContext context;
  context.published_iso = r->published;
  for (const Image& image : r->images) {
    if (!image.caption.empty()) context.captions.push_back(image.caption);
  }
  r->analysis = std::make_shared<const Analysis>(
      warta::Analyze(r->text, r->language, context, AnalyzeResources::Shared()));
}

}  // namespace

Record ExtractRecord(const Page& page, const ExtractOptions& options) {
  Record r;
  if (page.bytes.size() > options.max_document_bytes) {
    r.error = "too large: " + std::to_string(page.bytes.size()) + " bytes (cap " +
              std::to_string(options.max_document_bytes) + ")";
  } else {
    DecodeOptions decode;
    decode.transport_charset = page.transport_charset;
    decode.max_output = options.max_document_bytes * 4;
    std::string converted;  // stays empty for pages already in UTF-8, most of the web
    Result<std::string_view> utf8 = DecodeToUtf8View(page.bytes, &converted, decode);
    if (!utf8.ok()) {
      r.error = utf8.status().ToString();
    } else {
      bool text = page.format == InputFormat::kText ||
                  (page.format == InputFormat::kAuto && !LooksLikeHtml(*utf8));
      std::string language_hint;
      r = text ? extract::ReadTextPage(*utf8, page.source) : FromHtml(*utf8, page, &language_hint);
      r.source = std::string(page.source);
      r.url = std::string(page.url);
      FinishRecord(language_hint, &r);
      if (options.analyze) Analyze(&r);
      return r;
    }
  }
  r.source = std::string(page.source);
  r.url = std::string(page.url);
  return r;
}

}  // namespace warta
