// WarcReader: records of a WARC (1.0/1.1) or ARC file, one at a time.
//
// Reads .warc, .warc.gz (one gzip member per record, or the whole file as
// one stream), .warc.zst and .arc/.arc.gz, streaming: memory is bounded by
// the largest record kept (WarcOptions::max_record_bytes), never the file.
// For `response` records (and ARC records) the HTTP status line and headers
// are parsed and the payload is the HTTP body, de-chunked and
// gzip/deflate-decoded; for other records the payload is the whole block.
//
// A damaged record is returned with a non-OK `status` (and whatever headers
// were read); the reader then resynchronises at the next "WARC/1." line or
// the next gzip member, so one bad record does not end the file.
//
// Ownership: Next() overwrites the caller's record (its buffers are reused).
// Thread safety: one reader per thread; independent readers are independent.
#ifndef WARTA_WARC_H_
#define WARTA_WARC_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "warta/status.h"

namespace warta {

class ByteStream;  // internal to the input stage (src/input/stream.h)
class BufferedReader;

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct WarcRecord {
  std::string type;          // WARC-Type: "response", "resource", "request", "warcinfo"...
  std::string target_uri;    // WARC-Target-URI (angle brackets removed)
  std::string date;          // WARC-Date, ISO 8601 ("2017-03-06T04:03:53Z")
  std::string record_id;     // WARC-Record-ID, e.g. "<urn:uuid:...>"
  std::string content_type;  // Content-Type of the block
  uint64_t content_length = 0;
  uint64_t offset = 0;       // where the record starts in the decompressed stream
  HeaderList headers;        // every WARC header, in order

  int http_status = 0;            // 0 when the block is not an HTTP response
  HeaderList http_headers;
  std::string http_content_type;  // the HTTP Content-Type value
  std::string payload;            // HTTP body, or the whole block

  Status status;  // not OK: this record is damaged (the next one may be fine)

  // The first header named `name` (ASCII case-insensitive), "" when absent.
  std::string_view Header(std::string_view name) const;
  std::string_view HttpHeader(std::string_view name) const;
};

struct WarcOptions {
  // Blocks larger than this are skipped and reported as TooLarge.
  size_t max_record_bytes = size_t{32} << 20;
  // When set, blocks of records whose WARC-Type it rejects are skipped
  // unread (headers are still returned): cheap filtering of request and
  // metadata records.
  std::function<bool(std::string_view type)> want_block;
};

class WarcReader {
 public:
  // A file ("-" for stdin); compression is detected from magic bytes.
  static Result<std::unique_ptr<WarcReader>> Open(const std::string& path, WarcOptions options = {});
  // Bytes in memory, which must outlive the reader.
  static Result<std::unique_ptr<WarcReader>> FromMemory(std::string_view data, WarcOptions options = {});
  // An already decompressed stream (the input stage's own plumbing).
  static Result<std::unique_ptr<WarcReader>> FromStream(std::unique_ptr<ByteStream> stream,
                                                        WarcOptions options = {});
  ~WarcReader();

  // The next record into *record: true, or false at the end of the input.
  // An error Result means reading cannot go on (an I/O error); a damaged
  // record is a true return with record->status set.
  Result<bool> Next(WarcRecord* record);

  bool is_arc() const { return arc_; }

 private:
  WarcReader(std::unique_ptr<BufferedReader> reader, bool arc, WarcOptions options);
  Result<bool> NextWarc(WarcRecord* record);
  Result<bool> NextArc(WarcRecord* record);
  // Reads (or skips) the block of `record` and parses its HTTP message.
  Status ReadBlock(WarcRecord* record, bool http);
  // Skips to the line that starts the next record (line_). kReport: a
  // problem was put in record->status instead.
  enum class Scan { kStart, kReport, kEnd };
  Scan FindRecordStart(WarcRecord* record, const std::function<bool(const std::string&)>& is_start);
  // After a damaged record: true when reading may go on.
  bool Recover(const Status& cause);

  std::unique_ptr<BufferedReader> reader_;
  bool arc_;
  int arc_version_ = 1;
  WarcOptions options_;
  std::string line_;
  bool have_line_ = false;  // line_ holds the next record's first line
  bool done_ = false;
};

// The HTTP body of `message` (status line, headers, body) de-chunked and
// decompressed per its headers; fills status/headers of *record. Exposed for
// tests and for readers of other containers.
Status ParseHttpResponse(std::string&& message, size_t max_body, WarcRecord* record);

}  // namespace warta

#endif  // WARTA_WARC_H_
