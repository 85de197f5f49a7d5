// InputReader: the documents found under a list of paths, one at a time.
//
// Paths may be files, folders (walked recursively in name order; hidden
// entries, symlinked folders, binary files and non-page text such as .css,
// .js, .json are skipped) or "-" for standard input. Each
// file is read by what it is, from its extension and magic bytes: gzip and
// zstd are removed transparently; WARC/ARC files yield one document per HTML
// or text response/resource/conversion record (2xx only); JSON Lines files
// ({"url":..., "html":...} per line) one per line; anything else is one
// document, HTML when it contains markup, plain text otherwise. Binary files
// and unreadable records become documents with an error status, never a
// stop: the caller writes an error record and goes on.
//
// Memory is bounded: one document (at most max_document_bytes) plus the
// read buffers of one open file, whatever the size of a WARC or the number
// of files in a folder.
//
// Thread safety: none; use one InputReader on one thread and hand the
// documents (plain values) to worker threads.
#ifndef WARTA_INPUT_H_
#define WARTA_INPUT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "warta/status.h"

namespace warta {

enum class InputFormat {
  kAuto,   // detect (options only)
  kHtml,
  kText,   // plain text, no markup
  kWarc,   // WARC or ARC (options only)
  kJsonl,  // JSON Lines (options only)
};

// "auto", "html", "text", "warc", "jsonl" -> format; false when unknown.
bool ParseInputFormat(std::string_view name, InputFormat* format);

struct InputOptions {
  InputFormat format = InputFormat::kAuto;  // forces every file's format
  size_t max_document_bytes = size_t{32} << 20;
};

struct InputDocument {
  std::string source;       // "path", "-", "file.warc.gz#urn:uuid:...", "file.jsonl:12"
  std::string url;          // WARC target / JSON "url", when known
  std::string warc_date;    // WARC-Date / ARC date, ISO 8601
  std::string bytes;        // the page as stored: not yet decoded (see encoding.h)
  std::string transport_charset;  // charset of the HTTP Content-Type; "UTF-8" for JSON
  std::string content_type;       // HTTP (or WARC resource) Content-Type
  InputFormat format = InputFormat::kHtml;  // kHtml or kText
  Status status;            // not OK: unreadable, too large, binary...
};

class InputReader {
 public:
  static Result<std::unique_ptr<InputReader>> Open(std::vector<std::string> paths, InputOptions options = {});
  ~InputReader();

  // The next document into *doc (its buffers are reused): true, or false
  // when every path is done. An error Result is reserved for failures that
  // stop all input (none today: per-file problems are documents).
  Result<bool> Next(InputDocument* doc);

 private:
  struct Impl;
  explicit InputReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// True when the first bytes of a document look like HTML (a known tag, a
// doctype or a comment near the start), as opposed to plain text.
bool LooksLikeHtml(std::string_view head);

}  // namespace warta

#endif  // WARTA_INPUT_H_
