// Status and Result<T>: how warta reports recoverable errors.
//
// No exception crosses the public API. A function that can fail returns a
// Status (no value) or a Result<T> (a value or a Status). An OK Status carries
// no message and costs one small object; an error carries a code and a message
// meant for people ("gzip: truncated member at byte 1234").
//
// Thread safety: values; copy them freely between threads.
#ifndef WARTA_STATUS_H_
#define WARTA_STATUS_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace warta {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller asked for something that makes no sense
  kNotFound,         // a file or record that is not there
  kIoError,          // reading or writing failed
  kCorrupt,          // the input is malformed beyond recovery (bad gzip, bad WARC)
  kTooLarge,         // a size cap was hit
  kUnsupported,      // a format or feature warta does not read
  kInternal,         // a bug in warta
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corrupt(std::string m) { return {StatusCode::kCorrupt, std::move(m)}; }
  static Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corrupt: gzip: truncated member" — for logs and error records.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none. Reading value() of
// an error Result is a bug (checked by assert in debug builds).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace warta

#endif  // WARTA_STATUS_H_
