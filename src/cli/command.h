// The warta CLI's subcommands. Each lives in its own file (parse.cc,
// extract.cc, ...) and is listed in main.cc. Subcommands call the public API
// in include/warta only.
#ifndef WARTA_CLI_COMMAND_H_
#define WARTA_CLI_COMMAND_H_

namespace warta::cli {

// Each takes the arguments after the subcommand name and returns the process
// exit code: 0 all inputs read, 1 some records carry an error, 2 usage error.
int RunParse(int argc, char** argv);
int RunExtract(int argc, char** argv);
int RunNer(int argc, char** argv);
int RunAnalyze(int argc, char** argv);

}  // namespace warta::cli

#endif  // WARTA_CLI_COMMAND_H_
