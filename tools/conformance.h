// Shared by the html5lib conformance runners: command line, test files, the
// skip list, and the one summary line with its pass/fail rule.
#ifndef WARTA_TOOLS_CONFORMANCE_H_
#define WARTA_TOOLS_CONFORMANCE_H_

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace warta::conformance {

struct Run {
  bool verbose = false;
  std::filesystem::path suite;      // <shared>/bench/html5lib-tests/<suite>
  std::set<std::string> skips;      // keys of the skip list
  size_t passed = 0, total = 0;
  std::vector<std::string> unlisted;  // failures the skip list does not name
};

// Reads `[-v] [shared_dir] [skip_file]`; the skip file defaults to
// tests/<default_skip_name> in the source tree. Skip-list lines are
// "<key> — <reason>"; the key is what the runner records for a failure.
inline Run StartRun(int argc, char** argv, const char* suite, const char* default_skip_name) {
  Run run;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-v") {
      run.verbose = true;
    } else {
      args.push_back(a);
    }
  }
  std::filesystem::path shared = args.size() > 0 ? args[0] : "../shared";
  std::filesystem::path skip_file =
      args.size() > 1 ? std::filesystem::path(args[1])
                      : std::filesystem::path(__FILE__).parent_path().parent_path() / "tests" / default_skip_name;
  run.suite = shared / "bench" / "html5lib-tests" / suite;
  std::ifstream in(skip_file);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    run.skips.insert(line.substr(0, line.find(" \xE2\x80\x94 ")));
  }
  return run;
}

// The suite's files with this extension, in name order.
inline std::vector<std::filesystem::path> SuiteFiles(const Run& run, const char* extension) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(run.suite, ec)) {
    if (e.is_regular_file() && e.path().extension() == extension) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline void Record(Run* run, bool ok, const std::string& key) {
  ++run->total;
  if (ok) {
    ++run->passed;
  } else if (!run->skips.count(key)) {
    run->unlisted.push_back(key);
  }
}

// Prints "html5lib <name>: P/T passed"; 0 when the share passed reaches
// `floor` and every failure is on the skip list, else 1.
inline int Finish(const Run& run, const char* name, double floor) {
  std::printf("html5lib %s: %zu/%zu passed\n", name, run.passed, run.total);
  for (const std::string& k : run.unlisted) std::printf("not in skip list: %s\n", k.c_str());
  bool good = run.total > 0 && run.passed >= floor * static_cast<double>(run.total) && run.unlisted.empty();
  return good ? 0 : 1;
}

}  // namespace warta::conformance

#endif  // WARTA_TOOLS_CONFORMANCE_H_
