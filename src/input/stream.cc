#include "input/stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace warta {
namespace {

class MemoryByteStream : public ByteStream {
 public:
  explicit MemoryByteStream(std::string_view data) : data_(data) {}
  Result<size_t> Read(char* buf, size_t n) override {
    n = std::min(n, data_.size());
    std::memcpy(buf, data_.data(), n);
    data_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view data_;
};

class FileByteStream : public ByteStream {
 public:
  FileByteStream(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~FileByteStream() override {
    if (fd_ != STDIN_FILENO) ::close(fd_);
  }
  Result<size_t> Read(char* buf, size_t n) override {
    for (;;) {
      ssize_t got = ::read(fd_, buf, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno != EINTR) return Status::IoError(path_ + ": " + std::strerror(errno));
    }
  }

 private:
  int fd_;
  std::string path_;
};

// Replays a peeked head, then reads on from the stream it came from.
class ReplayStream : public ByteStream {
 public:
  ReplayStream(std::string head, std::unique_ptr<ByteStream> rest) : head_(std::move(head)), rest_(std::move(rest)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < head_.size()) {
      n = std::min(n, head_.size() - pos_);
      std::memcpy(buf, head_.data() + pos_, n);
      pos_ += n;
      return n;
    }
    return rest_->Read(buf, n);
  }
  bool Resync() override {
    pos_ = head_.size();
    return rest_->Resync();
  }

 private:
  std::string head_;
  size_t pos_ = 0;
  std::unique_ptr<ByteStream> rest_;
};

}  // namespace

Result<std::string> PeekHead(std::unique_ptr<ByteStream>* stream, size_t n) {
  std::string head(n, '\0');
  size_t size = 0;
  while (size < n) {
    Result<size_t> got = (*stream)->Read(head.data() + size, n - size);
    if (!got.ok()) return got.status();
    if (*got == 0) break;
    size += *got;
  }
  head.resize(size);
  *stream = std::make_unique<ReplayStream>(head, std::move(*stream));
  return head;
}

std::unique_ptr<ByteStream> MemoryStream(std::string_view data) {
  return std::make_unique<MemoryByteStream>(data);
}

Result<std::unique_ptr<ByteStream>> OpenFileStream(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteStream>(std::make_unique<FileByteStream>(STDIN_FILENO, "stdin"));
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    std::string message = path + ": " + std::strerror(err);
    if (err == ENOENT) return Status::NotFound(std::move(message));
    return Status::IoError(std::move(message));
  }
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::unique_ptr<ByteStream>(std::make_unique<FileByteStream>(fd, path));
}

BufferedReader::BufferedReader(std::unique_ptr<ByteStream> stream, size_t buffer_size)
    : stream_(std::move(stream)), buf_(std::max<size_t>(buffer_size, 16), '\0') {}

Result<bool> BufferedReader::Fill() {
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
  Result<size_t> got = stream_->Read(buf_.data() + end_, buf_.size() - end_);
  if (!got.ok()) {
    stream_failed_ = true;
    return got.status();
  }
  end_ += *got;
  return *got > 0;
}

Result<bool> BufferedReader::ReadLine(std::string* line, size_t max) {
  line->clear();
  size_t scanned = 0;  // bytes of buffered() already searched for '\n'
  bool too_long = false;
  for (;;) {
    std::string_view view = buffered();
    size_t nl = view.find('\n', scanned);
    if (nl != std::string_view::npos) {
      if (!too_long && nl <= max) {
        line->assign(view.substr(0, nl));
      } else {
        too_long = true;
      }
      Consume(nl + 1);
      break;
    }
    scanned = view.size();
    if (scanned > max) {
      // Keep memory bounded: drop what is buffered, remember the verdict.
      too_long = true;
      Consume(scanned);
      scanned = 0;
    }
    Result<bool> more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) {
      view = buffered();
      if (view.empty() && !too_long) return false;
      if (!too_long) line->assign(view);
      Consume(view.size());
      break;
    }
  }
  if (too_long) return Status::TooLarge("line longer than " + std::to_string(max) + " bytes");
  return true;
}

Status BufferedReader::ReadExact(size_t n, std::string* out) {
  while (n > 0) {
    if (begin_ == end_) {
      Result<bool> more = Fill();
      if (!more.ok()) return more.status();
      if (!*more) return Status::Corrupt("truncated: stream ended " + std::to_string(n) + " bytes early");
    }
    size_t take = std::min(n, end_ - begin_);
    out->append(buf_.data() + begin_, take);
    Consume(take);
    n -= take;
  }
  return Status::Ok();
}

Status BufferedReader::Skip(uint64_t n) {
  while (n > 0) {
    if (begin_ == end_) {
      Result<bool> more = Fill();
      if (!more.ok()) return more.status();
      if (!*more) return Status::Corrupt("truncated: stream ended " + std::to_string(n) + " bytes early");
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(n, end_ - begin_));
    Consume(take);
    n -= take;
  }
  return Status::Ok();
}

Result<std::string_view> BufferedReader::Peek(size_t n) {
  while (end_ - begin_ < n) {
    Result<bool> more = Fill();
    if (!more.ok()) return more.status();
    if (!*more) break;
  }
  std::string_view view = buffered();
  return view.substr(0, std::min(n, view.size()));
}

bool BufferedReader::Resync() {
  if (!stream_->Resync()) return false;
  begin_ = end_ = 0;
  stream_failed_ = false;
  return true;
}

}  // namespace warta
