// `metagate format`: formats Cedar policy files the way Cedar's own formatter does.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "commands.h"
#include "metagate/cedar/formatter.h"
#include "metagate/common/file_util.h"

namespace metagate::cli {

namespace {

// Reads `path`, or standard input for "-".
Result<std::string> ReadInput(const std::string& path) {
  if (path != "-") return ReadFile(path);
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

}  // namespace

int RunFormat(int argc, char** argv) {
  CLI::App app{
      "Formats Cedar policy files with the layout of Cedar's own formatter (`cedar format`):\n"
      "comments are kept, and formatting twice changes nothing. Prints each formatted file to\n"
      "stdout, or with --write rewrites the files in place, or with --check lists the files\n"
      "that would change. Exit status: 0 success; 1 (--check) some file would change;\n"
      "2 a file cannot be read or does not parse (the message names line and column).",
      "metagate format"};
  std::vector<std::string> paths;
  bool write = false;
  bool check = false;
  cedar::FormatOptions options;
  app.add_option("files", paths, "Cedar policy files (.cedar); `-` reads standard input")
      ->required();
  app.add_flag("-w,--write", write, "Rewrite each file in place (atomically) when it changes");
  app.add_flag("--check", check, "Print the files that are not formatted; change nothing");
  app.add_option("--line-width", options.line_width, "Maximum line width (default 80)")
      ->check(CLI::Range(1, 10000));
  app.add_option("--indent", options.indent_width, "Indentation width (default 2)")
      ->check(CLI::Range(0, 100));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (write && check) {
    std::fputs("metagate format: --write and --check cannot be combined\n", stderr);
    return 2;
  }
  int status = 0;
  for (const std::string& path : paths) {
    if (path == "-" && write) {
      std::fputs("metagate format: --write needs files, not standard input\n", stderr);
      status = 2;
      continue;
    }
    Result<std::string> text = ReadInput(path);
    if (!text.ok()) {
      std::fprintf(stderr, "%s\n", text.status().ToString().c_str());
      status = 2;
      continue;
    }
    Result<std::string> formatted = cedar::FormatPolicies(*text, options);
    if (!formatted.ok()) {
      std::fprintf(stderr, "%s:%s\n", path.c_str(), formatted.status().ToString().c_str());
      status = 2;
      continue;
    }
    if (check) {
      if (*formatted != *text) {
        std::printf("%s\n", path.c_str());
        if (status == 0) status = 1;
      }
    } else if (write) {
      if (*formatted == *text) continue;
      Status st = WriteFileAtomic(path, *formatted);
      if (!st.ok()) {
        std::fprintf(stderr, "%s\n", st.ToString().c_str());
        status = 2;
      }
    } else {
      std::fputs(formatted->c_str(), stdout);
    }
  }
  return status;
}

}  // namespace metagate::cli
