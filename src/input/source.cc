#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "input/compress.h"
#include "input/jsonl.h"
#include "input/stream.h"
#include "input/text.h"
#include "warta/encoding.h"
#include "warta/input.h"
#include "warta/warc.h"

namespace warta {

struct InputFile {
  InputFile(int fd, uint64_t size_hint, size_t max_bytes) : fd(fd), size_hint(size_hint), max_bytes(max_bytes) {}
  ~InputFile() { ::close(fd); }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;

  // The whole file into *out, its size into *size (pread: copies of a
  // document may read at once).
  Status Read(const std::string& source, std::unique_ptr<char[]>* out, size_t* size) const;

  int fd;
  uint64_t size_hint;  // the size when opened; the file may have changed since
  size_t max_bytes;
};

namespace {

namespace fs = std::filesystem;

// Up to `n` bytes at `offset` into `buf`, fewer only at the end of the file;
// -1 (errno set) on a read error.
ssize_t ReadAt(int fd, char* buf, size_t n, uint64_t offset) {
  size_t size = 0;
  while (size < n) {
    ssize_t got = ::pread(fd, buf + size, n - size, static_cast<off_t>(offset + size));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return -1;
    if (got == 0) break;
    size += static_cast<size_t>(got);
  }
  return static_cast<ssize_t>(size);
}

Status TooLargeFile(const std::string& source, size_t max) {
  return Status::TooLarge(source + ": larger than " + std::to_string(max) + " bytes");
}

// All that `read` (char* buf, size_t n) -> Result<size_t> gives, 0 at the
// end, into *buf: it grows by doubling from `first` bytes (never
// zero-filled) and is kept, with its size in *capacity, for reuse. More than
// `max` bytes is TooLarge. Returns the size read.
template <typename ReadFn>
Result<size_t> ReadCapped(const std::string& source, size_t max, size_t first, ReadFn read,
                          std::unique_ptr<char[]>* buf, size_t* capacity) {
  size_t size = 0;
  for (;;) {
    if (size == *capacity) {
      if (size > max) return TooLargeFile(source, max);
      const size_t grown = std::min(max + 1, *capacity == 0 ? first : *capacity * 2);
      auto bigger = std::make_unique_for_overwrite<char[]>(grown);
      if (size > 0) std::memcpy(bigger.get(), buf->get(), size);
      *buf = std::move(bigger);
      *capacity = grown;
    }
    Result<size_t> got = read(buf->get() + size, *capacity - size);
    if (!got.ok()) return got.status();
    if (*got == 0) return size;
    size += *got;
  }
}

constexpr size_t kSniffBytes = 4096;
// WARC blocks carry HTTP headers on top of the page.
constexpr size_t kHttpHeaderSlack = 1 << 20;

constexpr std::string_view kHtmlTags[] = {
    "html", "head", "body", "title", "meta", "link", "script", "style", "div", "span", "p",
    "a", "br", "hr", "img", "table", "tr", "td", "ul", "ol", "li", "h1", "h2", "h3", "h4",
    "h5", "h6", "article", "section", "header", "footer", "nav", "main", "form", "iframe",
    "noscript", "b", "i", "em", "strong", "pre", "blockquote", "figure", "base", "svg"};

bool IsHtmlTag(std::string_view name) {
  return std::find(std::begin(kHtmlTags), std::end(kHtmlTags), name) != std::end(kHtmlTags);
}

// Whether the head opens with markup (after spaces and a UTF-8 BOM) that
// LooksLikeHtml accepts: a page, whatever stray bytes it carries further on.
bool OpensWithMarkup(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() && text::IsSpace(head.front())) head.remove_prefix(1);
  return head.starts_with('<') && LooksLikeHtml(head);
}

// NUL bytes or many control characters: an image, a PDF, an archive. A page
// that opens with markup may hold a few NUL bytes (a broken template, a
// truncated copy): the parser reads them as the WHATWG rules say, so only
// their share counts, as for other control characters.
bool LooksBinary(std::string_view head) {
  if (head.size() >= 2 && (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF")) return false;
  size_t controls = 0;
  bool nul = false;
  for (unsigned char c : head) {
    nul |= c == 0;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) ++controls;
  }
  if (nul && !OpensWithMarkup(head)) return true;
  return controls * 20 > head.size();
}

std::string_view StripCompressionSuffix(std::string_view name) {
  for (std::string_view suffix : {".gz", ".gzip", ".zst", ".zstd"}) {
    if (text::EndsWithNoCase(name, suffix)) return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

// Text files that sit next to pages in crawl folders but are not pages.
// They are skipped when found in a folder (a path given by name is read).
bool IsSupportFile(std::string_view path) {
  std::string_view name = StripCompressionSuffix(path);
  for (std::string_view ext : {".css", ".js", ".json", ".xml", ".csv", ".tsv", ".md", ".yml", ".yaml", ".log",
                               ".ini", ".cfg", ".toml", ".map", ".svg", ".py", ".sh"}) {
    if (text::EndsWithNoCase(name, ext)) return true;
  }
  std::string_view base = name.substr(name.find_last_of('/') + 1);
  base = base.substr(0, base.find('.'));
  for (std::string_view doc : {"LICENSE", "LICENCE", "NOTICE", "README", "COPYING", "CHANGELOG", "AUTHORS"}) {
    if (text::EqualsNoCase(base, doc)) return true;
  }
  return false;
}

InputFormat DetectFormat(std::string_view path, std::string_view head) {
  std::string_view start = head;
  while (!start.empty() && text::IsSpace(start.front())) start.remove_prefix(1);
  if (start.substr(0, 5) == "WARC/" || start.substr(0, 11) == "filedesc://") return InputFormat::kWarc;
  std::string_view name = StripCompressionSuffix(path);
  for (std::string_view ext : {".warc", ".arc"}) {
    if (text::EndsWithNoCase(name, ext)) return InputFormat::kWarc;
  }
  for (std::string_view ext : {".jsonl", ".ndjson", ".jl"}) {
    if (text::EndsWithNoCase(name, ext)) return InputFormat::kJsonl;
  }
  for (std::string_view ext : {".html", ".htm", ".xhtml", ".shtml"}) {
    if (text::EndsWithNoCase(name, ext)) return InputFormat::kHtml;
  }
  for (std::string_view ext : {".txt", ".text"}) {
    if (text::EndsWithNoCase(name, ext)) return InputFormat::kText;
  }
  if (!start.empty() && start.front() == '{') return InputFormat::kJsonl;
  return InputFormat::kAuto;
}

// The format of a WARC payload from its Content-Type (sniffed when absent);
// kAuto for payloads that are not pages (images, scripts, PDFs).
InputFormat PayloadFormat(std::string_view content_type, std::string_view payload) {
  std::string mime = text::Lowered(text::Trim(content_type.substr(0, content_type.find(';'))));
  if (mime == "text/html" || mime == "application/xhtml+xml") return InputFormat::kHtml;
  if (mime == "text/plain") return InputFormat::kText;
  if (mime.empty() || mime == "application/octet-stream" || mime == "unknown/unknown") {
    std::string_view head = payload.substr(0, std::min(payload.size(), kSniffBytes));
    if (!LooksBinary(head) && LooksLikeHtml(head)) return InputFormat::kHtml;
  }
  return InputFormat::kAuto;
}

void ClearDocument(InputDocument* doc) {
  doc->source.clear();
  doc->url.clear();
  doc->warc_date.clear();
  doc->mutable_bytes().clear();
  doc->transport_charset.clear();
  doc->content_type.clear();
  doc->format = InputFormat::kHtml;
  doc->status = Status::Ok();
  doc->unread.reset();
}

bool WantedWarcType(std::string_view type) {
  return type == "response" || type == "resource" || type == "conversion";
}

// Crawler logs and DNS lookups are stored as resources too.
bool IsCrawlerUri(std::string_view uri) {
  for (std::string_view scheme : {"metadata:", "dns:", "filedesc:", "urn:"}) {
    if (uri.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

}  // namespace

Status InputFile::Read(const std::string& source, std::unique_ptr<char[]>* out, size_t* size) const {
  // One byte past the expected size, so a file that grew is noticed.
  const size_t first = static_cast<size_t>(std::min<uint64_t>(size_hint, max_bytes)) + 1;
  uint64_t offset = 0;
  auto read = [&](char* buf, size_t n) -> Result<size_t> {
    ssize_t got = ReadAt(fd, buf, n, offset);
    if (got < 0) return Status::IoError(source + ": " + std::strerror(errno));
    offset += static_cast<uint64_t>(got);
    return static_cast<size_t>(got);
  };
  size_t capacity = 0;
  Result<size_t> read_size = ReadCapped(source, max_bytes, first, read, out, &capacity);
  if (!read_size.ok()) return read_size.status();
  *size = *read_size;
  return Status::Ok();
}

void InputDocument::Load() {
  if (unread == nullptr) return;
  std::shared_ptr<const InputFile> file = std::move(unread);
  unread.reset();
  std::unique_ptr<char[]> data;
  size_t size = 0;
  Status s = file->Read(source, &data, &size);
  mutable_bytes().clear();
  if (!s.ok()) {
    status = std::move(s);
    return;
  }
  loaded_ = std::move(data);
  loaded_size_ = size;
}

bool LooksLikeHtml(std::string_view head) {
  head = head.substr(0, std::min(head.size(), kSniffBytes));
  if (head.size() >= 2 && (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF")) return true;
  for (size_t pos = head.find('<'); pos != std::string_view::npos; pos = head.find('<', pos + 1)) {
    std::string_view rest = head.substr(pos + 1);
    if (rest.substr(0, 3) == "!--" || text::ContainsNoCase(rest.substr(0, 8), "!doctype")) return true;
    if (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
    size_t n = 0;
    while (n < rest.size() && n < 10 && std::isalnum(static_cast<unsigned char>(rest[n]))) ++n;
    if (n == 0 || n == rest.size()) continue;
    char after = rest[n];
    if ((after == '>' || after == '/' || text::IsSpace(after)) && IsHtmlTag(text::Lowered(rest.substr(0, n)))) {
      return true;
    }
  }
  return false;
}

bool ParseInputFormat(std::string_view name, InputFormat* format) {
  static constexpr std::pair<std::string_view, InputFormat> kNames[] = {
      {"auto", InputFormat::kAuto}, {"html", InputFormat::kHtml},   {"text", InputFormat::kText},
      {"warc", InputFormat::kWarc}, {"jsonl", InputFormat::kJsonl},
  };
  for (const auto& [n, f] : kNames) {
    if (text::EqualsNoCase(name, n)) {
      *format = f;
      return true;
    }
  }
  return false;
}

struct InputReader::Impl {
  struct Pending {
    std::string path;
    bool named;  // given by the caller, not found in a folder
  };

  InputOptions options;
  std::vector<Pending> stack;  // next path at the back
  std::string container_path;
  std::unique_ptr<WarcReader> warc;
  std::unique_ptr<JsonlReader> jsonl;
  WarcRecord record;
  JsonlItem item;
  // Whole files are read here first: the buffer is kept from file to file
  // and never zero-filled, and the document gets one copy of exact size
  // (a document handed to another thread keeps no capacity to reuse).
  std::unique_ptr<char[]> read_buffer;
  size_t read_capacity = 0;
  std::string head_buffer;  // a deferred file's first bytes, for sniffing

  Result<bool> Next(InputDocument* doc) {
    for (;;) {
      if (warc != nullptr) {
        if (NextFromWarc(doc)) return true;
        continue;
      }
      if (jsonl != nullptr) {
        if (NextFromJsonl(doc)) return true;
        continue;
      }
      if (stack.empty()) return false;
      Pending next = std::move(stack.back());
      stack.pop_back();
      if (OpenPath(next, doc)) return true;
    }
  }

  static bool Fail(InputDocument* doc, Status status) {
    doc->status = std::move(status);
    return true;
  }

  // True when *doc was produced (a whole-file document or an error);
  // false when the path opened a container or a folder, or was skipped.
  bool OpenPath(const Pending& p, InputDocument* doc) {
    ClearDocument(doc);
    doc->source = p.path;
    if (!p.named && IsSupportFile(p.path)) return false;
    bool regular = false;
    if (p.path != "-") {
      std::error_code ec;
      fs::file_status st = fs::status(p.path, ec);
      if (ec) {
        std::string message = p.path + ": " + ec.message();
        return Fail(doc, ec == std::errc::no_such_file_or_directory ? Status::NotFound(std::move(message))
                                                                     : Status::IoError(std::move(message)));
      }
      if (fs::is_directory(st)) {
        Status s = ExpandDirectory(p.path);
        return s.ok() ? false : Fail(doc, std::move(s));
      }
      regular = fs::is_regular_file(st);
      if (!regular && st.type() != fs::file_type::fifo) {
        return p.named && Fail(doc, Status::Unsupported(p.path + ": not a regular file"));
      }
    }
    if (regular && options.defer_file_reads) {
      if (std::optional<bool> produced = OpenDeferred(p, doc)) return *produced;
    }
    Result<std::unique_ptr<ByteStream>> file = OpenFileStream(p.path);
    if (!file.ok()) return Fail(doc, file.status());
    std::unique_ptr<ByteStream> stream = std::move(*file);
    Compression compression;
    Status s = AutoDecompress(&stream, &compression);
    if (!s.ok()) return Fail(doc, std::move(s));
    Result<std::string> head = PeekHead(&stream, kSniffBytes);
    if (!head.ok()) return Fail(doc, head.status());

    InputFormat format = Sniff(p.path, *head);
    if (format == InputFormat::kWarc) {
      WarcOptions wo;
      wo.max_record_bytes = options.max_document_bytes + kHttpHeaderSlack;
      wo.want_block = WantedWarcType;
      Result<std::unique_ptr<WarcReader>> reader = WarcReader::FromStream(std::move(stream), std::move(wo));
      if (!reader.ok()) return Fail(doc, Status(reader.status().code(), p.path + ": " + reader.status().message()));
      warc = std::move(*reader);
      container_path = p.path;
      return false;
    }
    if (format == InputFormat::kJsonl) {
      // JSON escaping can double a page's size.
      jsonl = std::make_unique<JsonlReader>(std::move(stream), 2 * options.max_document_bytes + 4096);
      container_path = p.path;
      return false;
    }
    if (format == InputFormat::kAuto) return FailBinary(p, doc);
    doc->format = format;
    ReadWhole(stream.get(), doc);
    return true;
  }

  // What a file holds, from its name and first bytes: a container (kWarc,
  // kJsonl), a page (kHtml, kText), or kAuto for binary data.
  InputFormat Sniff(std::string_view path, std::string_view head) const {
    if (options.format != InputFormat::kAuto) return options.format;
    InputFormat format = DetectFormat(path, head);
    if (format == InputFormat::kWarc || format == InputFormat::kJsonl) return format;
    if (LooksBinary(head)) return InputFormat::kAuto;
    if (format != InputFormat::kAuto) return format;
    return LooksLikeHtml(head) ? InputFormat::kHtml : InputFormat::kText;
  }

  static bool FailBinary(const Pending& p, InputDocument* doc) {
    return p.named && Fail(doc, Status::Unsupported(p.path + ": binary data, not a page"));
  }

  // A plain file opened and sniffed, its bytes left to InputDocument::Load;
  // nullopt when the file needs the stream path (compressed, a container,
  // or an error that path reports).
  std::optional<bool> OpenDeferred(const Pending& p, InputDocument* doc) {
    int fd = ::open(p.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      return std::nullopt;
    }
    auto file = std::make_shared<const InputFile>(fd, static_cast<uint64_t>(st.st_size), options.max_document_bytes);
    head_buffer.resize(kSniffBytes);
    ssize_t size = ReadAt(fd, head_buffer.data(), kSniffBytes, 0);
    if (size < 0) return std::nullopt;
    std::string_view head(head_buffer.data(), static_cast<size_t>(size));
    if (DetectCompression(head) != Compression::kNone) return std::nullopt;
    InputFormat format = Sniff(p.path, head);
    if (format == InputFormat::kWarc || format == InputFormat::kJsonl) return std::nullopt;
    if (format == InputFormat::kAuto) return FailBinary(p, doc);
    doc->format = format;
    doc->unread = std::move(file);
    return true;
  }

  // The rest of the stream into doc->bytes, up to the document cap (else
  // an error status).
  void ReadWhole(ByteStream* stream, InputDocument* doc) {
    auto read = [stream](char* buf, size_t n) { return stream->Read(buf, n); };
    Result<size_t> size =
        ReadCapped(doc->source, options.max_document_bytes, size_t{64} << 10, read, &read_buffer, &read_capacity);
    doc->mutable_bytes().clear();
    if (!size.ok()) {
      doc->status = size.status();
      return;
    }
    doc->mutable_bytes().assign(read_buffer.get(), *size);
  }

  Status ExpandDirectory(const std::string& path) {
    std::vector<std::string> entries;
    std::error_code ec;
    fs::directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Status::IoError(path + ": " + ec.message());
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) return Status::IoError(path + ": " + ec.message());
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::error_code link_ec;
      // Symlinked folders could loop; symlinked files are fine.
      if (it->is_symlink(link_ec) && it->is_directory(link_ec)) continue;
      entries.push_back(it->path().string());
    }
    std::sort(entries.begin(), entries.end(), std::greater<>());
    for (std::string& e : entries) stack.push_back({std::move(e), false});
    return Status::Ok();
  }

  // True with *doc filled; false (and the reader closed) at its end.
  bool NextFromWarc(InputDocument* doc) {
    for (;;) {
      ClearDocument(doc);
      Result<bool> more = warc->Next(&record);
      if (!more.ok() || !*more) {
        warc.reset();
        if (!more.ok()) {
          doc->source = container_path;
          return Fail(doc, more.status());
        }
        return false;
      }
      doc->source = container_path + "#" + RecordLabel();
      doc->url = record.target_uri;
      doc->warc_date = record.date;
      if (!record.status.ok()) {
        if (!record.type.empty() && !WantedWarcType(record.type)) continue;
        return Fail(doc, record.status);
      }
      if (!WantedWarcType(record.type) || IsCrawlerUri(record.target_uri)) continue;
      bool http = record.http_status != 0;
      if (record.type == "response" && (!http || record.http_status < 200 || record.http_status >= 300)) continue;
      doc->content_type = http ? record.http_content_type : record.content_type;
      doc->format = PayloadFormat(doc->content_type, record.payload);
      if (doc->format == InputFormat::kAuto) continue;
      doc->transport_charset = std::string(CharsetFromContentType(doc->content_type));
      if (record.payload.size() > options.max_document_bytes) {
        return Fail(doc, Status::TooLarge("page larger than " + std::to_string(options.max_document_bytes) +
                                          " bytes"));
      }
      doc->mutable_bytes().swap(record.payload);
      return true;
    }
  }

  std::string RecordLabel() const {
    std::string_view id = record.record_id;
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    return id.empty() ? std::to_string(record.offset) : std::string(id);
  }

  bool NextFromJsonl(InputDocument* doc) {
    ClearDocument(doc);
    Result<bool> more = jsonl->Next(&item);
    if (!more.ok() || !*more) {
      jsonl.reset();
      if (!more.ok()) {
        doc->source = container_path;
        return Fail(doc, more.status());
      }
      return false;
    }
    doc->source = container_path + ":" + std::to_string(item.line);
    doc->url = std::move(item.url);
    if (!item.status.ok()) return Fail(doc, item.status);
    if (item.content.size() > options.max_document_bytes) {
      return Fail(doc, Status::TooLarge("page larger than " + std::to_string(options.max_document_bytes) +
                                        " bytes"));
    }
    doc->mutable_bytes().swap(item.content);
    doc->transport_charset = "UTF-8";
    doc->format = item.plain_text ? InputFormat::kText : InputFormat::kHtml;
    return true;
  }
};

InputReader::InputReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
InputReader::~InputReader() = default;

Result<std::unique_ptr<InputReader>> InputReader::Open(std::vector<std::string> paths, InputOptions options) {
  if (paths.empty()) return Status::InvalidArgument("no input paths");
  if (options.max_document_bytes == 0) return Status::InvalidArgument("max_document_bytes must be positive");
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  for (auto it = paths.rbegin(); it != paths.rend(); ++it) impl->stack.push_back({std::move(*it), true});
  return std::unique_ptr<InputReader>(new InputReader(std::move(impl)));
}

Result<bool> InputReader::Next(InputDocument* doc) { return impl_->Next(doc); }

}  // namespace warta
