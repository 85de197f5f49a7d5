#include "warta/warc.h"

#include <algorithm>
#include <charconv>

#include "input/compress.h"
#include "input/stream.h"
#include "input/text.h"

namespace warta {
namespace {

constexpr size_t kMaxLine = 64 << 10;
constexpr size_t kMaxHeaders = 1000;

std::string_view FindHeader(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (text::EqualsNoCase(key, name)) return value;
  }
  return {};
}

// "Name: value" into *headers; a line starting with white space continues
// the previous value (obsolete folding, still seen in old WARCs).
void AddHeaderLine(std::string_view line, HeaderList* headers) {
  if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !headers->empty()) {
    headers->back().second += ' ';
    headers->back().second += text::Trim(line);
    return;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;  // tolerated: not a header
  headers->emplace_back(std::string(text::Trim(line.substr(0, colon))),
                        std::string(text::Trim(line.substr(colon + 1))));
}

bool ParseUint(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

// Chunked transfer coding removed; false when `in` is not well-formed
// (callers then keep the body as it is, as browsers do).
bool Dechunk(std::string_view in, size_t max, std::string* out) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) return false;
    std::string_view size_line = text::Trim(in.substr(pos, nl - pos));
    size_line = size_line.substr(0, size_line.find(';'));
    uint64_t size = 0;
    auto [ptr, ec] = std::from_chars(size_line.data(), size_line.data() + size_line.size(), size, 16);
    if (size_line.empty() || size_line.size() > 15 || ec != std::errc() ||
        ptr != size_line.data() + size_line.size()) {
      return false;
    }
    pos = nl + 1;
    if (size == 0) return true;
    if (size > in.size() - pos || out->size() + size > max) return false;
    out->append(in.substr(pos, size));
    pos += size;
    if (in.compare(pos, 2, "\r\n") == 0) {
      pos += 2;
    } else if (in.compare(pos, 1, "\n") == 0) {
      pos += 1;
    }
  }
}

Status DecodeContentEncoding(std::string_view encoding, size_t max, std::string* body) {
  std::string lower = text::Lowered(text::Trim(encoding));
  Compression c = Compression::kNone;
  if (lower == "gzip" || lower == "x-gzip") {
    c = Compression::kGzip;
  } else if (lower == "deflate") {
    c = Compression::kDeflate;
  } else if (lower == "zstd") {
    c = Compression::kZstd;
  } else if (lower == "br") {
    return Status::Unsupported("http body: brotli content encoding");
  } else {
    return Status::Ok();  // identity, or a coding nobody applied
  }
  // Archives often store the body already decoded under the original header.
  if (c != Compression::kDeflate && DetectCompression(*body) != c) return Status::Ok();
  Result<std::string> decoded = Decompress(*body, c, max);
  if (decoded.ok()) {
    body->swap(*decoded);
    return Status::Ok();
  }
  if (c == Compression::kDeflate) return Status::Ok();  // probably not deflated at all
  return Status(decoded.status().code(), "http body: " + decoded.status().message());
}

// "20140216050221" -> "2014-02-16T05:02:21Z"; anything else unchanged.
std::string ArcDate(std::string_view d) {
  if (d.size() != 14 || !std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::string(d);
  }
  std::string out;
  out.reserve(20);
  out.append(d.substr(0, 4)).append("-").append(d.substr(4, 2)).append("-").append(d.substr(6, 2));
  out.append("T").append(d.substr(8, 2)).append(":").append(d.substr(10, 2)).append(":");
  out.append(d.substr(12, 2)).append("Z");
  return out;
}

struct ArcHeader {
  std::string url;
  std::string_view date;
  std::string_view content_type;
  uint64_t length = 0;
};

// An ARC record line: "URL IP date type length" (v1) or the ten fields of
// v2; URLs may contain spaces, so fields are counted from the end.
bool ParseArcHeader(std::string_view line, int version, ArcHeader* h) {
  std::vector<std::string_view> f = text::SplitSpaces(line);
  size_t tail = version == 2 ? 9 : 4;  // fields after the URL
  if (f.size() < tail + 1) return false;
  if (!ParseUint(f.back(), &h->length)) return false;
  size_t n = f.size();
  std::string_view date = f[n - tail + 1];
  if (date.size() < 8 || !std::all_of(date.begin(), date.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  h->date = date;
  h->content_type = f[n - tail + 2];
  h->url.clear();
  for (size_t i = 0; i < n - tail; ++i) {
    if (i > 0) h->url += ' ';
    h->url += f[i];
  }
  return h->url.find(':') != std::string::npos;
}

void ClearRecord(WarcRecord* r) {
  r->type.clear();
  r->target_uri.clear();
  r->date.clear();
  r->record_id.clear();
  r->content_type.clear();
  r->content_length = 0;
  r->offset = 0;
  r->headers.clear();
  r->http_status = 0;
  r->http_headers.clear();
  r->http_content_type.clear();
  r->payload.clear();
  r->status = Status::Ok();
}

}  // namespace

std::string_view WarcRecord::Header(std::string_view name) const { return FindHeader(headers, name); }
std::string_view WarcRecord::HttpHeader(std::string_view name) const { return FindHeader(http_headers, name); }

Status ParseHttpResponse(std::string&& message, size_t max_body, WarcRecord* record) {
  std::string body = std::move(message);
  size_t header_end = body.find("\r\n\r\n");
  size_t body_start = header_end + 4;
  if (header_end == std::string::npos) {
    header_end = body.find("\n\n");
    body_start = header_end + 2;
  }
  if (header_end == std::string::npos) header_end = body_start = body.size();
  std::string_view head(body.data(), header_end);
  size_t line_end = std::min(head.find('\n'), head.size());
  std::string_view status_line = text::Trim(head.substr(0, line_end));
  size_t space = status_line.find(' ');
  uint64_t code = 0;
  if (space != std::string_view::npos && ParseUint(status_line.substr(space + 1, 3), &code) && code < 1000) {
    record->http_status = static_cast<int>(code);
  }
  record->http_headers.clear();
  while (line_end < head.size()) {
    size_t next = std::min(head.find('\n', line_end + 1), head.size());
    std::string_view line = head.substr(line_end + 1, next - line_end - 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (record->http_headers.size() < kMaxHeaders) AddHeaderLine(line, &record->http_headers);
    line_end = next;
  }
  record->http_content_type = std::string(record->HttpHeader("Content-Type"));
  body.erase(0, body_start);

  if (text::ContainsNoCase(record->HttpHeader("Transfer-Encoding"), "chunked")) {
    std::string dechunked;
    if (Dechunk(body, max_body, &dechunked)) body.swap(dechunked);
  }
  Status s = DecodeContentEncoding(record->HttpHeader("Content-Encoding"), max_body, &body);
  record->payload = std::move(body);
  if (s.ok() && record->payload.size() > max_body) {
    return Status::TooLarge("http body exceeds " + std::to_string(max_body) + " bytes");
  }
  return s;
}

WarcReader::WarcReader(std::unique_ptr<BufferedReader> reader, bool arc, WarcOptions options)
    : reader_(std::move(reader)), arc_(arc), options_(std::move(options)) {}

WarcReader::~WarcReader() = default;

Result<std::unique_ptr<WarcReader>> WarcReader::Open(const std::string& path, WarcOptions options) {
  Result<std::unique_ptr<ByteStream>> file = OpenFileStream(path);
  if (!file.ok()) return file.status();
  std::unique_ptr<ByteStream> stream = std::move(*file);
  Compression c;
  Status s = AutoDecompress(&stream, &c);
  if (!s.ok()) return s;
  return FromStream(std::move(stream), std::move(options));
}

Result<std::unique_ptr<WarcReader>> WarcReader::FromMemory(std::string_view data, WarcOptions options) {
  std::unique_ptr<ByteStream> stream = MemoryStream(data);
  Compression c;
  Status s = AutoDecompress(&stream, &c);
  if (!s.ok()) return s;
  return FromStream(std::move(stream), std::move(options));
}

Result<std::unique_ptr<WarcReader>> WarcReader::FromStream(std::unique_ptr<ByteStream> stream,
                                                           WarcOptions options) {
  Result<std::string> head = PeekHead(&stream, 64);
  if (!head.ok()) return head.status();
  std::string_view start = *head;
  while (!start.empty() && (start[0] == '\r' || start[0] == '\n')) start.remove_prefix(1);
  bool arc = start.substr(0, 11) == "filedesc://";
  if (!arc && !start.empty() && start.substr(0, 5) != std::string_view("WARC/").substr(0, start.size())) {
    return Status::Unsupported("not a WARC or ARC file");
  }
  auto reader = std::make_unique<BufferedReader>(std::move(stream));
  return std::unique_ptr<WarcReader>(new WarcReader(std::move(reader), arc, std::move(options)));
}

bool WarcReader::Recover(const Status& cause) {
  if (cause.code() == StatusCode::kIoError) return false;
  if (!reader_->stream_failed()) return true;  // bad data, sound stream: scan on
  return reader_->Resync();
}

Result<bool> WarcReader::Next(WarcRecord* record) {
  ClearRecord(record);
  if (done_) return false;
  return arc_ ? NextArc(record) : NextWarc(record);
}

Status WarcReader::ReadBlock(WarcRecord* record, bool http) {
  uint64_t length = record->content_length;
  if (options_.want_block && !options_.want_block(record->type)) return reader_->Skip(length);
  if (length > options_.max_record_bytes) {
    Status s = reader_->Skip(length);
    if (!s.ok()) return s;
    return Status::TooLarge("record block of " + std::to_string(length) + " bytes exceeds " +
                            std::to_string(options_.max_record_bytes));
  }
  record->payload.reserve(length);
  Status s = reader_->ReadExact(length, &record->payload);
  if (!s.ok()) return s;
  if (http && record->payload.compare(0, 5, "HTTP/") == 0) {
    return ParseHttpResponse(std::move(record->payload), options_.max_record_bytes, record);
  }
  return Status::Ok();
}

WarcReader::Scan WarcReader::FindRecordStart(WarcRecord* record,
                                             const std::function<bool(const std::string&)>& is_start) {
  uint64_t garbage = 0;
  for (;;) {
    if (!have_line_) {
      record->offset = reader_->position();
      Result<bool> got = reader_->ReadLine(&line_, kMaxLine);
      if (!got.ok() && got.status().code() == StatusCode::kTooLarge) {
        garbage += kMaxLine;
        continue;
      }
      if (!got.ok()) {
        record->status = got.status();
        if (!Recover(record->status)) done_ = true;
        return Scan::kReport;
      }
      if (!*got) {
        done_ = true;
        if (garbage == 0) return Scan::kEnd;
        record->status = Status::Corrupt(std::to_string(garbage) + " bytes of trailing garbage");
        return Scan::kReport;
      }
      if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    }
    have_line_ = false;
    if (line_.empty()) continue;
    if (is_start(line_)) break;
    garbage += line_.size() + 1;
  }
  if (garbage == 0) return Scan::kStart;
  have_line_ = true;  // the start line opens the next call's record
  record->status = Status::Corrupt("skipped " + std::to_string(garbage) + " bytes that are not a record");
  return Scan::kReport;
}

Result<bool> WarcReader::NextWarc(WarcRecord* record) {
  Scan scan = FindRecordStart(record, [](const std::string& line) { return line.compare(0, 5, "WARC/") == 0; });
  if (scan != Scan::kStart) return scan == Scan::kReport;
  for (;;) {
    Result<bool> got = reader_->ReadLine(&line_, kMaxLine);
    if (!got.ok() || !*got) {
      record->status = got.ok() ? Status::Corrupt("truncated WARC headers") : got.status();
      if (!got.ok() && !Recover(record->status)) done_ = true;
      return true;
    }
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();
    if (line_.empty()) break;
    if (line_.compare(0, 5, "WARC/") == 0) {  // headers cut short by the next record
      have_line_ = true;
      record->status = Status::Corrupt("WARC headers without an end");
      return true;
    }
    if (record->headers.size() < kMaxHeaders) AddHeaderLine(line_, &record->headers);
  }
  record->type = std::string(record->Header("WARC-Type"));
  std::string_view uri = record->Header("WARC-Target-URI");
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  record->target_uri = std::string(uri);
  record->date = std::string(record->Header("WARC-Date"));
  record->record_id = std::string(record->Header("WARC-Record-ID"));
  record->content_type = std::string(record->Header("Content-Type"));
  if (!ParseUint(text::Trim(record->Header("Content-Length")), &record->content_length)) {
    record->status = Status::Corrupt("WARC record without a valid Content-Length");
    return true;
  }
  Status s = ReadBlock(record, record->type == "response");
  if (!s.ok()) {
    record->status = std::move(s);
    if (!Recover(record->status)) done_ = true;
  }
  return true;
}

Result<bool> WarcReader::NextArc(WarcRecord* record) {
  ArcHeader h;
  Scan scan = FindRecordStart(record, [&](const std::string& line) { return ParseArcHeader(line, arc_version_, &h); });
  if (scan != Scan::kStart) return scan == Scan::kReport;
  record->content_length = h.length;
  record->target_uri = std::move(h.url);
  record->date = ArcDate(h.date);
  record->content_type = std::string(h.content_type);
  bool filedesc = record->target_uri.compare(0, 11, "filedesc://") == 0;
  record->type = filedesc ? "warcinfo" : "response";
  Status s = ReadBlock(record, !filedesc);
  if (filedesc && s.ok() && record->payload.compare(0, 2, "2 ") == 0) arc_version_ = 2;
  if (!s.ok()) {
    record->status = std::move(s);
    if (!Recover(record->status)) done_ = true;
  }
  return true;
}

}  // namespace warta
