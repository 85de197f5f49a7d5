#include "input/compress.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>

namespace warta {
namespace {

constexpr size_t kInputBuffer = 64 << 10;
constexpr std::string_view kGzipMagic = "\x1F\x8B\x08";

// Compressed input held ahead of the decompressor.
class InputBuffer {
 public:
  explicit InputBuffer(std::unique_ptr<ByteStream> source) : source_(std::move(source)), buf_(kInputBuffer, '\0') {}

  std::string_view view() const { return {buf_.data() + begin_, end_ - begin_}; }
  void Consume(size_t n) {
    begin_ += n;
    offset_ += n;
  }
  // Absolute offset of view().data() in the compressed stream.
  uint64_t offset() const { return offset_; }

  // More bytes appended to view(); false at the end of the source.
  Result<bool> Fill() {
    if (begin_ > 0) {
      std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    if (end_ == buf_.size()) return true;
    Result<size_t> got = source_->Read(buf_.data() + end_, buf_.size() - end_);
    if (!got.ok()) return got.status();
    end_ += *got;
    return *got > 0;
  }

 private:
  std::unique_ptr<ByteStream> source_;
  std::string buf_;
  size_t begin_ = 0;
  size_t end_ = 0;
  uint64_t offset_ = 0;
};

// zlib inflate. In gzip mode any number of members follow each other, and
// Resync skips to the next member header after damage.
class InflateStream : public ByteStream {
 public:
  InflateStream(std::unique_ptr<ByteStream> source, Compression c) : in_(std::move(source)), gzip_(c == Compression::kGzip) {
    zs_.zalloc = Z_NULL;
    zs_.zfree = Z_NULL;
    zs_.opaque = Z_NULL;
  }
  ~InflateStream() override {
    if (initialised_) inflateEnd(&zs_);
  }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!error_.ok()) return error_;
    for (;;) {
      if (between_members_) {
        Result<bool> next = StartMember();
        if (!next.ok()) return Fail(next.status());
        if (!*next) return size_t{0};
      }
      if (in_.view().empty() && !pending_) {
        Result<bool> more = in_.Fill();
        if (!more.ok()) return Fail(more.status());
        if (!*more) return Fail(Status::Corrupt(Name() + ": truncated stream"));
      }
      std::string_view input = in_.view();
      zs_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
      zs_.avail_in = static_cast<uInt>(input.size());
      zs_.next_out = reinterpret_cast<Bytef*>(buf);
      zs_.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
      int rc = inflate(&zs_, Z_NO_FLUSH);
      in_.Consume(input.size() - zs_.avail_in);
      size_t produced = reinterpret_cast<char*>(zs_.next_out) - buf;
      pending_ = zs_.avail_out == 0;
      if (rc == Z_STREAM_END) {
        between_members_ = true;
        pending_ = false;
        if (!gzip_) done_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return Fail(Status::Corrupt(Name() + ": " + (zs_.msg != nullptr ? zs_.msg : "corrupt data") +
                                    " near compressed byte " + std::to_string(in_.offset())));
      }
      if (produced > 0) return produced;
    }
  }

  bool Resync() override {
    if (!gzip_) return false;
    error_ = Status::Ok();
    pending_ = false;
    // Never restart at the member that just failed.
    uint64_t min_offset = member_start_ + 1;
    for (;;) {
      std::string_view view = in_.view();
      size_t skip = in_.offset() < min_offset ? std::min<uint64_t>(min_offset - in_.offset(), view.size()) : 0;
      size_t at = view.find(kGzipMagic, skip);
      if (at != std::string_view::npos) {
        in_.Consume(at);
        between_members_ = true;
        return true;
      }
      // Keep a possible partial magic at the end of the buffer.
      in_.Consume(view.size() > 2 ? view.size() - 2 : 0);
      Result<bool> more = in_.Fill();
      if (!more.ok() || !*more) {
        error_ = Status::Corrupt(Name() + ": no further member");
        return false;
      }
    }
  }

 private:
  std::string Name() const { return gzip_ ? "gzip" : "deflate"; }

  Status Fail(Status s) {
    error_ = s;
    return s;
  }

  // At a member boundary: true when a new member starts, false at a clean end.
  Result<bool> StartMember() {
    if (done_) return false;
    while (in_.view().size() < kGzipMagic.size()) {
      Result<bool> more = in_.Fill();
      if (!more.ok()) return more.status();
      if (!*more) break;
    }
    std::string_view head = in_.view();
    if (head.empty() && (started_ || gzip_)) return false;
    int window_bits;
    if (gzip_) {
      if (head.substr(0, 2) != kGzipMagic.substr(0, 2)) {
        return Status::Corrupt("gzip: no member header at compressed byte " + std::to_string(in_.offset()));
      }
      window_bits = 15 + 16;
    } else {
      // zlib-wrapped when the two header bytes check out, raw deflate otherwise.
      bool zlib = head.size() >= 2 && (head[0] & 0x0F) == 8 &&
                  ((static_cast<unsigned char>(head[0]) << 8) | static_cast<unsigned char>(head[1])) % 31 == 0;
      window_bits = zlib ? 15 : -15;
    }
    int rc = initialised_ ? inflateReset2(&zs_, window_bits) : inflateInit2(&zs_, window_bits);
    if (rc != Z_OK) return Status::Internal("zlib: cannot initialise inflate");
    initialised_ = true;
    started_ = true;
    between_members_ = false;
    member_start_ = in_.offset();
    return true;
  }

  InputBuffer in_;
  bool gzip_;
  z_stream zs_{};
  bool initialised_ = false;
  bool started_ = false;
  bool between_members_ = true;
  bool done_ = false;
  bool pending_ = false;  // the last call filled the output: zlib may hold more
  uint64_t member_start_ = 0;
  Status error_;
};

class ZstdStream : public ByteStream {
 public:
  explicit ZstdStream(std::unique_ptr<ByteStream> source) : in_(std::move(source)), ds_(ZSTD_createDStream()) {}
  ~ZstdStream() override { ZSTD_freeDStream(ds_); }

  Result<size_t> Read(char* buf, size_t n) override {
    if (!error_.ok()) return error_;
    if (ds_ == nullptr) return Fail(Status::Internal("zstd: cannot create a decoder"));
    for (;;) {
      if (in_.view().empty() && !pending_) {
        Result<bool> more = in_.Fill();
        if (!more.ok()) return Fail(more.status());
        if (!*more) {
          if (in_frame_) return Fail(Status::Corrupt("zstd: truncated frame"));
          return size_t{0};
        }
      }
      std::string_view input = in_.view();
      ZSTD_inBuffer zin{input.data(), input.size(), 0};
      ZSTD_outBuffer zout{buf, n, 0};
      size_t rc = ZSTD_decompressStream(ds_, &zout, &zin);
      in_.Consume(zin.pos);
      if (ZSTD_isError(rc)) return Fail(Status::Corrupt(std::string("zstd: ") + ZSTD_getErrorName(rc)));
      // With no progress, rc is a hint about the next frame, not this one.
      if (zin.pos > 0 || zout.pos > 0) in_frame_ = rc != 0;
      pending_ = zout.pos == zout.size;
      if (zout.pos > 0) return zout.pos;
    }
  }

 private:
  Status Fail(Status s) {
    error_ = s;
    return s;
  }

  InputBuffer in_;
  ZSTD_DStream* ds_;
  bool in_frame_ = false;
  bool pending_ = false;
  Status error_;
};

}  // namespace

Compression DetectCompression(std::string_view head) {
  if (head.size() >= 2 && head[0] == '\x1F' && head[1] == '\x8B') return Compression::kGzip;
  if (head.size() >= 4 && head.substr(0, 4) == "\x28\xB5\x2F\xFD") return Compression::kZstd;
  return Compression::kNone;
}

std::unique_ptr<ByteStream> DecompressingStream(std::unique_ptr<ByteStream> source, Compression c) {
  switch (c) {
    case Compression::kGzip:
    case Compression::kDeflate:
      return std::make_unique<InflateStream>(std::move(source), c);
    case Compression::kZstd:
      return std::make_unique<ZstdStream>(std::move(source));
    case Compression::kNone:
      break;
  }
  return source;
}

Status AutoDecompress(std::unique_ptr<ByteStream>* stream, Compression* found) {
  Result<std::string> head = PeekHead(stream, 4);
  if (!head.ok()) return head.status();
  *found = DetectCompression(*head);
  *stream = DecompressingStream(std::move(*stream), *found);
  return Status::Ok();
}

Result<std::string> Decompress(std::string_view data, Compression c, size_t max_output) {
  std::unique_ptr<ByteStream> stream = DecompressingStream(MemoryStream(data), c);
  std::string out;
  out.resize(std::min(max_output + 1, std::max<size_t>(data.size() * 4, 4096)));
  size_t size = 0;
  for (;;) {
    if (size == out.size()) {
      if (size > max_output) {
        return Status::TooLarge("decompressed data exceeds " + std::to_string(max_output) + " bytes");
      }
      out.resize(std::min(max_output + 1, out.size() * 2));
    }
    Result<size_t> got = stream->Read(out.data() + size, out.size() - size);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    size += *got;
  }
  if (size > max_output) return Status::TooLarge("decompressed data exceeds " + std::to_string(max_output) + " bytes");
  out.resize(size);
  return out;
}

}  // namespace warta
