// warta: the command-line entry point; dispatches to one subcommand.
#include <cstdio>
#include <cstring>

#include "cli/command.h"

namespace {

struct Subcommand {
  const char* name;
  int (*run)(int, char**);
  const char* help;
};

const Subcommand kSubcommands[] = {
    {"extract", warta::cli::RunExtract, "news pages in, one article record (JSON Lines) per page out"},
    {"parse", warta::cli::RunParse, "print the HTML5 tree of a page (html5lib test format)"},
    {"ner", warta::cli::RunNer, "tag named entities in a CoNLL token file"},
    {"analyze", warta::cli::RunAnalyze, "entities, quotes, times and events of article texts (JSON Lines)"},
};

void PrintUsage(FILE* out) {
  std::fprintf(out, "warta: news pages in, articles and what they say out.\n\nUsage: warta <command> [options]\n\nCommands:\n");
  for (const Subcommand& c : kSubcommands) std::fprintf(out, "  %-10s %s\n", c.name, c.help);
  std::fprintf(out, "\n`warta <command> --help` explains each command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    PrintUsage(argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  for (const Subcommand& c : kSubcommands) {
    if (std::strcmp(argv[1], c.name) == 0) return c.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "warta: unknown command '%s'\n\n", argv[1]);
  PrintUsage(stderr);
  return 2;
}
