// warta extract: pages in (files, folders, stdin, .gz, WARC, JSON Lines,
// plain text), one article record per page out, in input order at any --jobs.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#include "cli/command.h"
#include "warta/extract.h"
#include "warta/input.h"
#include "warta/record_format.h"

namespace warta::cli {
namespace {

constexpr const char* kExamples = R"(
Examples:
  warta extract page.html                      one record as JSON Lines
  warta extract -j 2 crawl/ -o articles.jsonl  a folder, recursively, two threads
  warta extract crawl.warc.gz                  every HTML response of a WARC
  curl -s URL | warta extract - --format text  stdin, readable text
  warta extract pages.jsonl                    JSON Lines of {"url": ..., "html": ...}
  warta extract copied.txt --input-format text a page copied as plain text
  warta extract page.html --analyze -f text    the body, then who is named, who said what, events

Exit status: 0 every input was read, 1 some records carry "error", 2 usage error.
)";

struct Settings {
  std::vector<std::string> paths;
  std::string output;
  OutputFormat format = OutputFormat::kJson;
  ExtractOptions extract;
  InputOptions input;
  unsigned jobs = 1;
  bool progress = false;
};

struct Work {
  uint64_t seq = 0;
  InputDocument doc;
};

// Extracts one input document into its formatted output lines, reading its
// bytes first when the reader left them (defer_file_reads): on the worker.
std::string Process(InputDocument* doc_in, const Settings& s, bool* had_error) {
  doc_in->Load();
  const InputDocument& doc = *doc_in;
  Record r;
  if (!doc.status.ok()) {
    r.source = doc.source;
    r.url = doc.url;
    r.error = doc.status.ToString();
  } else {
    Page page;
    page.bytes = doc.bytes();
    page.source = doc.source;
    page.url = doc.url;
    page.transport_charset = doc.transport_charset;
    page.fetch_date = doc.warc_date;
    page.format = doc.format;
    r = ExtractRecord(page, s.extract);
  }
  *had_error = !r.error.empty();
  std::string out;
  AppendRecord(r, s.format, &out);
  return out;
}

class Output {
 public:
  explicit Output(FILE* f) : file_(f) {}
  void Write(const std::string& s) { std::fwrite(s.data(), 1, s.size(), file_); }

 private:
  FILE* file_;
};

void ShowProgress(uint64_t done, bool final) {
  std::fprintf(stderr, "\rwarta: %llu records%s", static_cast<unsigned long long>(done), final ? "\n" : "");
}

// Single-threaded: read, extract, write, one document at a time.
int RunSequential(InputReader* reader, const Settings& s, Output* out) {
  int exit_code = 0;
  uint64_t done = 0;
  InputDocument doc;
  for (;;) {
    Result<bool> more = reader->Next(&doc);
    if (!more.ok()) {
      std::fprintf(stderr, "warta: %s\n", more.status().ToString().c_str());
      exit_code = 1;
      continue;
    }
    if (!*more) break;
    bool had_error = false;
    out->Write(Process(&doc, s, &had_error));
    if (had_error) exit_code = 1;
    if (s.progress && ++done % 100 == 0) ShowProgress(done, false);
  }
  if (s.progress) ShowProgress(done, true);
  return exit_code;
}

// Documents in flight for `jobs` workers: enough to keep them busy, but as
// each one waiting for a worker holds an open file (deferred reads), no more
// than half the descriptors the process may open.
size_t Window(unsigned jobs) {
  rlimit limit{};
  size_t files = ::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY ? limit.rlim_cur / 2 : 512;
  return std::max<size_t>(jobs, std::min<size_t>(8 * jobs, files));
}

// Parallel: the calling thread reads and writes; workers extract. At most
// `window` documents are in flight, so memory stays bounded, and results are
// written in input order, so output does not depend on --jobs.
int RunParallel(InputReader* reader, const Settings& s, Output* out) {
  std::mutex mu;
  std::condition_variable work_ready, result_ready;
  std::deque<Work> queue;
  std::map<uint64_t, std::pair<std::string, bool>> results;
  bool reading_done = false;
  const size_t window = Window(s.jobs);
  // While reading goes on, the writer sleeps until half the window is done
  // (the oldest record among them): a wake-up per batch, not per record,
  // and the workers still have the other half queued.
  const size_t batch = window / 2;
  uint64_t next_seq = 0, next_to_write = 0;

  std::vector<std::thread> workers;
  for (unsigned i = 0; i < s.jobs; ++i) {
    workers.emplace_back([&] {
      for (;;) {
        Work w;
        {
          std::unique_lock lock(mu);
          work_ready.wait(lock, [&] { return !queue.empty() || reading_done; });
          if (queue.empty()) return;
          w = std::move(queue.front());
          queue.pop_front();
        }
        bool had_error = false;
        std::string text = Process(&w.doc, s, &had_error);
        bool wanted;
        {
          std::lock_guard lock(mu);
          results.emplace(w.seq, std::make_pair(std::move(text), had_error));
          wanted = results.begin()->first == next_to_write && (results.size() >= batch || reading_done);
        }
        if (wanted) result_ready.notify_one();
      }
    });
  }

  int exit_code = 0;
  auto write_ready = [&](std::unique_lock<std::mutex>& lock) {
    while (!results.empty() && results.begin()->first == next_to_write) {
      auto node = results.extract(results.begin());
      lock.unlock();
      out->Write(node.mapped().first);
      if (node.mapped().second) exit_code = 1;
      lock.lock();
      ++next_to_write;
      if (s.progress && next_to_write % 100 == 0) ShowProgress(next_to_write, false);
    }
  };

  for (;;) {
    Work w;
    Result<bool> more = reader->Next(&w.doc);
    if (!more.ok()) {
      std::fprintf(stderr, "warta: %s\n", more.status().ToString().c_str());
      exit_code = 1;
      continue;
    }
    if (!*more) break;
    std::unique_lock lock(mu);
    w.seq = next_seq++;
    queue.push_back(std::move(w));
    work_ready.notify_one();
    // Wait for room in the window, writing finished records meanwhile.
    while (next_seq - next_to_write >= window) {
      write_ready(lock);
      if (next_seq - next_to_write < window) break;
      result_ready.wait(lock);
    }
    write_ready(lock);
  }
  {
    std::unique_lock lock(mu);
    reading_done = true;
    work_ready.notify_all();
    while (next_to_write < next_seq) {
      write_ready(lock);
      if (next_to_write < next_seq) result_ready.wait(lock);
    }
  }
  for (std::thread& t : workers) t.join();
  if (s.progress) ShowProgress(next_to_write, true);
  return exit_code;
}

}  // namespace

int RunExtract(int argc, char** argv) {
  Settings s;
  CLI::App app("warta extract: news pages in, one article record per page out.", "warta extract");
  app.footer(kExamples);
  app.add_option("paths", s.paths, "files, folders (recursive), .gz, .warc[.gz], .jsonl, or - for stdin");
  app.add_option("-o,--output", s.output, "write records here instead of stdout");
  std::string format = "json";
  app.add_option("-f,--format", format, "json (JSON Lines), text or markdown")->capture_default_str();
  std::string input_format = "auto";
  app.add_option("--input-format", input_format, "auto, html, text (a page copied as plain text), warc or jsonl")
      ->capture_default_str();
  s.jobs = std::max(1u, std::thread::hardware_concurrency());
  app.add_option("-j,--jobs", s.jobs, "worker threads")->capture_default_str()->check(CLI::Range(1u, 256u));
  app.add_option("--max-size", s.extract.max_document_bytes,
                 "largest page in bytes, after decompression; larger ones become error records")
      ->capture_default_str();
  app.add_flag("--analyze", s.extract.analyze,
               "also annotate each record: sentences, entities, quotes, times, events, notes");
  bool no_progress = false;
  app.add_flag("--no-progress", no_progress, "no progress line on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (!ParseOutputFormat(format, &s.format)) {
    std::fprintf(stderr, "warta extract: unknown --format '%s' (json, text, markdown)\n", format.c_str());
    return 2;
  }
  if (!ParseInputFormat(input_format, &s.input.format)) {
    std::fprintf(stderr, "warta extract: unknown --input-format '%s' (auto, html, text, warc, jsonl)\n",
                 input_format.c_str());
    return 2;
  }
  if (s.paths.empty()) {
    if (isatty(STDIN_FILENO)) {
      std::fprintf(stderr, "warta extract: no input (give paths, or - for stdin; --help for examples)\n");
      return 2;
    }
    s.paths.push_back("-");
  }
  s.input.max_document_bytes = s.extract.max_document_bytes;
  s.input.defer_file_reads = true;
  FILE* file = stdout;
  if (!s.output.empty()) {
    file = std::fopen(s.output.c_str(), "wb");
    if (file == nullptr) {
      std::fprintf(stderr, "warta extract: cannot write %s\n", s.output.c_str());
      return 2;
    }
  }
  s.progress = !no_progress && isatty(STDERR_FILENO);
  Result<std::unique_ptr<InputReader>> reader = InputReader::Open(s.paths, s.input);
  if (!reader.ok()) {
    std::fprintf(stderr, "warta extract: %s\n", reader.status().ToString().c_str());
    return 2;
  }
  Output out(file);
  int code = s.jobs == 1 ? RunSequential(reader->get(), s, &out) : RunParallel(reader->get(), s, &out);
  if (file != stdout) std::fclose(file);
  return code;
}

}  // namespace warta::cli
