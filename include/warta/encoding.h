// Encoding: turning the bytes of a web page into UTF-8.
//
// Follows the WHATWG Encoding and HTML standards for *which* encoding a page
// is in (byte order mark, then the transport charset, then the <meta>
// prescan), with two departures that make extracted text
// better on the real web:
//  * bytes that are UTF-8 (non-ASCII, well-formed but for a few stray bytes)
//    are read as UTF-8 whatever the declaration says: servers that send
//    "charset=ISO-8859-1" for UTF-8 pages are common, while windows-1252
//    text that happens to be well-formed UTF-8 is vanishingly rare (CJK
//    declarations need more evidence, as their byte pairs often are);
//  * a transport charset of ISO-8859-1 (an old server default), or of UTF-8
//    that the bytes refute, yields to the page's own <meta>; a page declared
//    UTF-8 whose bytes are not goes to the detector;
//  * stray bytes in UTF-8 are read as windows-1252 (Latin-1 pasted into a
//    UTF-8 template), and Latin-letter UTF-8 fragments in a windows-1252
//    page as UTF-8, instead of U+FFFD and mojibake;
//  * undeclared non-UTF-8 pages go through uchardet (fed the non-ASCII words
//    only) before falling back to windows-1252.
// Conversion of other encodings uses ICU; invalid sequences become U+FFFD.
// Every input, however malformed, yields valid UTF-8 or a TooLarge status.
//
// Ownership: results own their strings; CanonicalEncoding returns views of
// static storage. Thread safety: all functions may be called concurrently
// (converters and detectors are cached per thread).
#ifndef WARTA_ENCODING_H_
#define WARTA_ENCODING_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "warta/status.h"

namespace warta {

// Where the chosen encoding came from.
enum class EncodingSource {
  kBom,        // a UTF-8 / UTF-16 byte order mark
  kTransport,  // the caller's transport charset (HTTP Content-Type)
  kMeta,       // <meta charset> or <meta http-equiv=Content-Type> (see PrescanMetaCharset)
  kValidUtf8,  // the bytes are non-ASCII UTF-8, but for a few stray bytes (overrides declarations)
  kDetector,   // uchardet's guess
  kDefault,    // nothing known: windows-1252
};

struct DecodeOptions {
  std::string_view transport_charset;  // a label, e.g. from "text/html; charset=..."
  size_t max_output = size_t{64} << 20;  // bytes of UTF-8 output, else TooLarge
  bool use_detector = true;  // run uchardet when nothing is declared
};

struct EncodingInfo {
  std::string_view encoding;  // canonical WHATWG name, e.g. "windows-1252"
  EncodingSource source = EncodingSource::kDefault;
};

struct Decoded {
  std::string utf8;
  EncodingInfo info;
};

// The canonical WHATWG name of an encoding label ("latin1" -> "windows-1252",
// " UTF8 " -> "UTF-8", "gb2312" -> "GBK"), or "" when the label is unknown.
std::string_view CanonicalEncoding(std::string_view label);

// The WHATWG "prescan a byte stream" of the first `limit` bytes: the
// encoding a <meta> declares (UTF-16 declarations mean UTF-8, x-user-defined
// means windows-1252), or "" when there is none. The standard prescans 1024
// bytes and lets the parser switch encoding on a later <meta>; DecodeToUtf8
// approximates that by prescanning kMetaScanBytes.
inline constexpr size_t kMetaScanBytes = 64 << 10;
std::string_view PrescanMetaCharset(std::string_view bytes, size_t limit = 1024);

// The charset parameter of a Content-Type value ("text/html; charset=utf-8"
// -> "utf-8"), or "" when absent. Quotes are removed; no label lookup.
std::string_view CharsetFromContentType(std::string_view content_type);

// Which encoding `bytes` are in, without converting.
EncodingInfo SniffEncoding(std::string_view bytes, const DecodeOptions& options = {});

// `bytes` converted to UTF-8 (a BOM is removed).
Result<Decoded> DecodeToUtf8(std::string_view bytes, const DecodeOptions& options = {});

// The same as a view: `bytes` themselves (past a BOM) when they already are
// valid UTF-8, with no copy; otherwise the conversion, written to `*scratch`.
// The view is valid while both `bytes` and `*scratch` are unchanged.
Result<std::string_view> DecodeToUtf8View(std::string_view bytes, std::string* scratch,
                                          const DecodeOptions& options = {});

// The same, converting `text` in place: valid UTF-8 without a BOM is left
// untouched (no copy), the hot path for most of the web.
Result<EncodingInfo> DecodeToUtf8InPlace(std::string* text, const DecodeOptions& options = {});

}  // namespace warta

#endif  // WARTA_ENCODING_H_
