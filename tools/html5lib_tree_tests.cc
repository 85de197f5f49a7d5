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

#include "tools/conformance.h"
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

}  // namespace

int main(int argc, char** argv) {
  warta::conformance::Run run =
      warta::conformance::StartRun(argc, argv, "tree-construction", "html5lib_tree_skip.txt");
  std::vector<fs::path> files = warta::conformance::SuiteFiles(run, ".dat");
  if (files.empty()) {
    std::fprintf(stderr, "no tree-construction tests at %s\n", run.suite.c_str());
    return 1;
  }
  for (const fs::path& file : files) {
    std::vector<TreeTest> tests = ReadTests(file);
    for (size_t index = 0; index < tests.size(); ++index) {
      const TreeTest& t = tests[index];
      std::string actual;
      bool ok = true;
      for (int scripting = 0; scripting <= 1 && ok; ++scripting) {
        if (t.scripting >= 0 && t.scripting != scripting) continue;
        actual = Run(t, scripting == 1);
        if (actual != t.expected) {
          ok = false;
          if (run.verbose) {
            std::printf("FAIL %s:%zu (scripting %s%s%s)\n#data\n%s\n#expected\n%s\n#actual\n%s\n\n",
                        file.filename().c_str(), index, scripting ? "on" : "off",
                        t.has_fragment ? ", fragment " : "", t.fragment.c_str(), t.data.c_str(),
                        t.expected.c_str(), actual.c_str());
          }
        }
      }
      warta::conformance::Record(&run, ok, file.filename().string() + ":" + std::to_string(index));
    }
  }
  return warta::conformance::Finish(run, "tree-construction", 0.90);
}
