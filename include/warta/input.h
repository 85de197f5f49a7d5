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
// (a NUL byte in the first 4 KiB, unless the file opens with markup, or
// control characters past 1 in 20 bytes) and unreadable records become
// documents with an error status, never a stop: the caller writes an error
// record and goes on.
//
// Memory is bounded: one document (at most max_document_bytes) plus the
// read buffers of one open file, whatever the size of a WARC or the number
// of files in a folder.
//
// Deferred reads (InputOptions::defer_file_reads): a plain file (not
// compressed, not a container) is opened and sniffed by Next(), but its
// bytes are read by InputDocument::Load(), on whichever thread calls it.
// A caller that hands documents to worker threads thus has the copying out
// of the kernel done there, in parallel, into memory the worker also frees.
// Each document not yet loaded holds an open file descriptor, so callers
// bound how many they keep. Files are read, not mapped: a mapped file
// truncated by someone else while we parse it would kill the process
// (SIGBUS) unless a process-wide signal handler patched it, and mapping
// saved only some 5-8 % of the CPU time of `warta extract` on cached pages.
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
  // Leave plain files' bytes to InputDocument::Load() (see above).
  bool defer_file_reads = false;
};

// A file opened by InputReader whose bytes are still to be read; opaque.
struct InputFile;

struct InputDocument {
  std::string source;       // "path", "-", "file.warc.gz#urn:uuid:...", "file.jsonl:12"
  std::string url;          // WARC target / JSON "url", when known
  std::string warc_date;    // WARC-Date / ARC date, ISO 8601
  std::string transport_charset;  // charset of the HTTP Content-Type; "UTF-8" for JSON
  std::string content_type;       // HTTP (or WARC resource) Content-Type
  InputFormat format = InputFormat::kHtml;  // kHtml or kText
  Status status;            // not OK: unreadable, too large, binary...
  // Set, with bytes() still empty, for a deferred file (see above); the file
  // stays open until the last copy of the document is loaded or dies.
  std::shared_ptr<const InputFile> unread;

  // The page as stored: not yet decoded (see encoding.h). Valid until the
  // document is changed or dies.
  std::string_view bytes() const { return loaded_ != nullptr ? std::string_view(loaded_.get(), loaded_size_) : text_; }
  // The bytes as a string to fill or swap in place (the reader's in-memory
  // documents: streams, WARC and JSON Lines records); drops loaded bytes.
  std::string& mutable_bytes() {
    loaded_.reset();
    loaded_size_ = 0;
    return text_;
  }

  // Reads a deferred file into bytes() and drops `unread`; a no-op for any
  // other document. A read error, or a file grown past the size cap since
  // Next(), becomes `status`; a file changed since Next() is read as it is
  // now. Any thread may call it; copies of one document may be loaded on
  // different threads at once.
  void Load();

 private:
  std::string text_;
  // What Load() read: a buffer of its own, as a string would be zero-filled
  // first (3 % of `warta extract`); shared, immutable, by copies.
  std::shared_ptr<const char[]> loaded_;
  size_t loaded_size_ = 0;
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
