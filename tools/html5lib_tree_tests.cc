// Conformance runner for the html5lib tree-construction tests.
//
// Usage: html5lib_tree_tests [-v] [shared_dir] [skip_file]
//   shared_dir defaults to ../shared; skip_file to tests/html5lib_tree_skip.txt
//   beside this source file. Runs <shared>/bench/html5lib-tests/tree-construction/
//   *.dat (not scripted/), compares DumpTree with #document and prints one
//   summary line. A test without #script-on/#script-off must pass with the
//   scripting flag both on and off (it counts once). Exits 0 when at least 90%
//   pass and every failure is listed in the skip file as "<file>:<index>"
//   (index: 0-based position of the test in its file). -v prints each failure
//   with its input, expected and actual trees.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "warta/dom.h"
#include "warta/html_parser.h"

namespace fs = std::filesystem;

namespace {

struct TreeTest {
  std::string data;
  std::string fragment;  // context, or empty for a document
  bool has_fragment = false;
  int scripting = -1;  // -1: run both, 0: off, 1: on
  std::string expected;
};

std::vector<TreeTest> ReadTests(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<TreeTest> tests;
  enum class Section { kNone, kData, kErrors, kFragment, kDocument } section = Section::kNone;
  std::vector<std::string> data, doc;
  auto finish = [&]() {
    if (section == Section::kNone) return;
    while (!doc.empty() && doc.back().empty()) doc.pop_back();
    TreeTest& t = tests.back();
    for (size_t i = 0; i < data.size(); ++i) t.data += (i ? "\n" : "") + data[i];
    for (size_t i = 0; i < doc.size(); ++i) t.expected += (i ? "\n" : "") + doc[i];
    data.clear();
    doc.clear();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    bool boundary = i == 0 || lines[i - 1].empty();
    if (line == "#data" && (boundary || section == Section::kNone)) {
      finish();
      tests.emplace_back();
      section = Section::kData;
      continue;
    }
    if (section == Section::kNone) continue;
    if (section == Section::kData && line != "#errors") {
      data.push_back(line);
      continue;
    }
    if (section != Section::kDocument) {
      if (line == "#errors" || line == "#new-errors") {
        section = Section::kErrors;
      } else if (line == "#document-fragment") {
        section = Section::kFragment;
        tests.back().has_fragment = true;
      } else if (line == "#script-on") {
        tests.back().scripting = 1;
      } else if (line == "#script-off") {
        tests.back().scripting = 0;
      } else if (line == "#document") {
        section = Section::kDocument;
      } else if (section == Section::kFragment) {
        tests.back().fragment = line;
      }
      continue;
    }
    doc.push_back(line);
  }
  finish();
  return tests;
}

std::string Run(const TreeTest& t, bool scripting) {
  warta::ParseOptions options;
  options.scripting = scripting;
  if (t.has_fragment) warta::SetFragmentContext(t.fragment, &options);
  std::unique_ptr<warta::Document> doc = warta::ParseHtml(t.data, options);
  std::string dump = warta::DumpTree(doc->root());
  if (!dump.empty() && dump.back() == '\n') dump.pop_back();
  return dump;
}

// "<file>:<index>" keys of the skip file (the text before " — ").
std::set<std::string> LoadSkipList(const fs::path& path) {
  std::set<std::string> keys;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t dash = line.find(" \xE2\x80\x94 ");
    keys.insert(line.substr(0, dash));
  }
  return keys;
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-v") {
      verbose = true;
    } else {
      args.push_back(a);
    }
  }
  fs::path shared = args.size() > 0 ? fs::path(args[0]) : fs::path("../shared");
  fs::path skip_file = args.size() > 1 ? fs::path(args[1])
                                       : fs::path(__FILE__).parent_path().parent_path() / "tests" /
                                             "html5lib_tree_skip.txt";
  fs::path dir = shared / "bench" / "html5lib-tests" / "tree-construction";
  if (!fs::is_directory(dir)) {
    std::fprintf(stderr, "no tree-construction tests at %s\n", dir.c_str());
    return 1;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".dat") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::set<std::string> skips = LoadSkipList(skip_file);

  size_t passed = 0, total = 0;
  std::vector<std::string> unlisted;
  for (const fs::path& file : files) {
    std::vector<TreeTest> tests = ReadTests(file);
    for (size_t index = 0; index < tests.size(); ++index) {
      const TreeTest& t = tests[index];
      ++total;
      std::string actual;
      bool ok = true;
      for (int scripting = 0; scripting <= 1 && ok; ++scripting) {
        if (t.scripting >= 0 && t.scripting != scripting) continue;
        actual = Run(t, scripting == 1);
        if (actual != t.expected) {
          ok = false;
          if (verbose) {
            std::printf("FAIL %s:%zu (scripting %s%s%s)\n#data\n%s\n#expected\n%s\n#actual\n%s\n\n",
                        file.filename().c_str(), index, scripting ? "on" : "off",
                        t.has_fragment ? ", fragment " : "", t.fragment.c_str(), t.data.c_str(),
                        t.expected.c_str(), actual.c_str());
          }
        }
      }
      if (ok) {
        ++passed;
        continue;
      }
      std::string key = file.filename().string() + ":" + std::to_string(index);
      if (!skips.count(key)) unlisted.push_back(key);
    }
  }
  std::printf("html5lib tree-construction: %zu/%zu passed\n", passed, total);
  if (verbose) {
    for (const std::string& k : unlisted) std::printf("not in skip list: %s\n", k.c_str());
  }
  bool good = total > 0 && passed >= 0.90 * static_cast<double>(total) && unlisted.empty();
  return good ? 0 : 1;
}
