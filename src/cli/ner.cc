// `warta ner`: tags named entities in CoNLL-style token files.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command.h"
#include "warta/ner.h"

namespace warta::cli {

namespace {

constexpr const char* kHelp =
    "Usage: warta ner --conll IN [--lang id|en] [--model PATH]\n"
    "\n"
    "Tags named entities (PER, ORG, LOC, and MISC for English) in a CoNLL file:\n"
    "one token per line, a blank line between sentences. The token is the first\n"
    "column: columns are TAB-separated when the line has a TAB (tokens may then\n"
    "hold spaces), else whitespace-separated; other columns are ignored.\n"
    "IN may be - for standard input. Output: `token TAG` per line (TAB instead of\n"
    "the space when the token holds a space), IOB2 tags, blank lines kept.\n"
    "-DOCSTART- lines are copied with tag O.\n"
    "\n"
    "  --lang id|en   model language; default: guessed from the first 2000\n"
    "                 tokens (Indonesian vs English function words)\n"
    "  --model PATH   model file (default: ner-<lang>.bin found via $WARTA_MODELS,\n"
    "                 <exe dir>/../models or the source tree's models/)\n";

// Sentences with no blank line for this many tokens are cut, so memory stays
// bounded on any input.
constexpr size_t kMaxSentence = 10000;
constexpr size_t kGuessTokens = 2000;

std::string_view FirstColumn(std::string_view line) {
  if (size_t tab = line.find('\t'); tab != std::string_view::npos) return line.substr(0, tab);
  size_t start = line.find_first_not_of(" \v\f");
  if (start == std::string_view::npos) return {};
  size_t end = line.find_first_of(" \v\f", start);
  return line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t\v\f") == std::string_view::npos; }

// "id" or "en" from how often each language's commonest words occur.
std::string GuessLanguage(const std::vector<std::string>& lines) {
  static constexpr std::string_view kId[] = {"yang", "dan", "di", "ini", "itu", "dengan", "untuk",
                                             "dari", "tidak", "ke", "pada", "akan", "dalam", "juga"};
  static constexpr std::string_view kEn[] = {"the", "of", "and", "to", "in", "is", "that",
                                             "for", "was", "said", "on", "with", "by", "it"};
  int id = 0, en = 0;
  for (const std::string& l : lines) {
    std::string lower(FirstColumn(l));
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    for (std::string_view w : kId) id += lower == w;
    for (std::string_view w : kEn) en += lower == w;
  }
  return id > en ? "id" : "en";
}

class ConllTagger {
 public:
  ConllTagger(const NerModel& model, FILE* out) : model_(model), out_(out) {}

  void Line(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlank(line)) {
      Flush();
      std::fputc('\n', out_);
      return;
    }
    std::string_view token = FirstColumn(line);
    if (token == "-DOCSTART-") {
      Flush();
      std::fprintf(out_, "-DOCSTART- O\n");
      return;
    }
    tokens_.emplace_back(token);
    if (tokens_.size() >= kMaxSentence) Flush();
  }

  void Flush() {
    if (tokens_.empty()) return;
    std::vector<std::string_view> views(tokens_.begin(), tokens_.end());
    std::vector<std::string_view> tags = model_.Tag(views);
    for (size_t i = 0; i < views.size(); ++i) {
      char sep = views[i].find(' ') == std::string_view::npos ? ' ' : '\t';
      std::fwrite(views[i].data(), 1, views[i].size(), out_);
      std::fputc(sep, out_);
      std::fwrite(tags[i].data(), 1, tags[i].size(), out_);
      std::fputc('\n', out_);
    }
    tokens_.clear();
  }

 private:
  const NerModel& model_;
  FILE* out_;
  std::vector<std::string> tokens_;
};

}  // namespace

int RunNer(int argc, char** argv) {
  std::string in_path, lang, model_path;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](std::string* dst) {
      if (i + 1 >= argc) return false;
      *dst = argv[++i];
      return true;
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    bool ok = a == "--conll" ? value(&in_path)
              : a == "--lang" ? value(&lang)
              : a == "--model" ? value(&model_path)
                               : false;
    if (!ok) {
      std::fprintf(stderr, "warta ner: bad argument '%s'\n\n%s", argv[i], kHelp);
      return 2;
    }
  }
  if (in_path.empty() || (!lang.empty() && lang != "id" && lang != "en")) {
    std::fputs(kHelp, stderr);
    return 2;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (in_path != "-") {
    file.open(in_path, std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "warta ner: cannot open %s\n", in_path.c_str());
      return 1;
    }
    in = &file;
  }
  // Buffer the start of the input to guess the language from.
  std::vector<std::string> head;
  std::string line;
  size_t head_tokens = 0;
  while (lang.empty() && head_tokens < kGuessTokens && std::getline(*in, line)) {
    head_tokens += !IsBlank(line);
    head.push_back(std::move(line));
  }
  if (lang.empty()) lang = GuessLanguage(head);
  if (model_path.empty()) model_path = NerModel::DefaultPath(lang);
  auto model = NerModel::Load(model_path);
  if (!model.ok()) {
    std::fprintf(stderr, "warta ner: %s\n", model.status().ToString().c_str());
    return 1;
  }
  ConllTagger tagger(**model, stdout);
  for (const std::string& l : head) tagger.Line(l);
  while (std::getline(*in, line)) tagger.Line(line);
  tagger.Flush();
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace warta::cli
