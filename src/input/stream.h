// Byte streams for the input stage: a pull interface over files, stdin and
// memory, and a buffered reader on top that reads lines and counted blocks
// (what WARC, ARC and JSON Lines need) with bounded memory.
//
// Thread safety: none; a stream belongs to one reader thread.
#ifndef WARTA_INPUT_STREAM_H_
#define WARTA_INPUT_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "warta/status.h"

namespace warta {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Up to `n` bytes into `buf`; 0 only at the end of the stream.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // After Read failed on corrupt data: skip to the next point where reading
  // can start again (a decompressor's next member). False when there is none.
  virtual bool Resync() { return false; }
};

// Reads `data`, which must outlive the stream.
std::unique_ptr<ByteStream> MemoryStream(std::string_view data);
// A file, or standard input for "-".
Result<std::unique_ptr<ByteStream>> OpenFileStream(const std::string& path);

// Up to `n` first bytes of *stream, which is replaced by a stream that
// yields them again before the rest: format sniffing without seeking.
Result<std::string> PeekHead(std::unique_ptr<ByteStream>* stream, size_t n);

// A stream with a look-ahead buffer. Lines end at "\n" (a "\r" before it is
// kept, callers trim); lines longer than the caller's cap are skipped whole.
class BufferedReader {
 public:
  explicit BufferedReader(std::unique_ptr<ByteStream> stream, size_t buffer_size = 64 << 10);

  // The next line without its "\n" into *line. False at the end of the
  // stream. A line longer than `max` is consumed and reported as TooLarge.
  Result<bool> ReadLine(std::string* line, size_t max);
  // Exactly `n` bytes appended to *out; Corrupt("truncated") when the stream
  // ends first (what was read is kept).
  Status ReadExact(size_t n, std::string* out);
  // Discards `n` bytes; Corrupt("truncated") when the stream ends first.
  Status Skip(uint64_t n);
  // At least `n` bytes buffered if the stream has them; returns the view.
  Result<std::string_view> Peek(size_t n);
  // True when the last failure came from the stream itself (corrupt
  // compressed data, I/O), not from running out of bytes.
  bool stream_failed() const { return stream_failed_; }
  // After a stream failure: asks the stream to resync (see ByteStream) and,
  // when it can, forgets the buffered bytes of the damaged part.
  bool Resync();

  // Bytes consumed so far (decompressed, for compressed streams).
  uint64_t position() const { return position_; }
  ByteStream* stream() { return stream_.get(); }

 private:
  // Reads more into the buffer; false at the end of the stream.
  Result<bool> Fill();
  std::string_view buffered() const { return {buf_.data() + begin_, end_ - begin_}; }
  void Consume(size_t n) {
    begin_ += n;
    position_ += n;
  }

  std::unique_ptr<ByteStream> stream_;
  std::string buf_;
  size_t begin_ = 0;
  size_t end_ = 0;
  uint64_t position_ = 0;
  bool stream_failed_ = false;
};

}  // namespace warta

#endif  // WARTA_INPUT_STREAM_H_
