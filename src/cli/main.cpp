#include <csignal>
#include <cstdio>
#include <exception>
#include <functional>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "flyguard_version.h"
#include "sql/pg_parser.h"
#include "util/heap.h"

namespace {

const char* kDescription =
    "flyguard guards Flyway SQL migrations for PostgreSQL and Amazon Redshift: Flyway naming, "
    "checksums, and SQL parsed with the real PostgreSQL grammar.\n"
    "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or internal error.";

int run(int argc, char** argv) {
  CLI::App app{kDescription, "flyguard"};
  app.set_version_flag("-V,--version", std::string("flyguard ") + FLYGUARD_VERSION);
  app.require_subcommand(1);
  using namespace flyguard::cli;
  const std::vector<std::pair<std::string, std::function<int()>>> commands = {
      {"check", add_check_command(app)},       {"checksum", add_checksum_command(app)},
      {"pre-commit", add_pre_commit_command(app)}, {"pre-push", add_pre_push_command(app)},
      {"pre-receive", add_pre_receive_command(app)}, {"ci", add_ci_command(app)},
      {"install", add_install_command(app)},     {"rules", add_rules_command(app)},
      {"explain", add_explain_command(app)},     {"verify", add_verify_command(app)}};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : kUsageOrInternal;
  }
  for (const auto& [name, run_command] : commands)
    if (app.got_subcommand(name)) return run_command();
  return kUsageOrInternal;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (flyguard check | head) ends output quietly instead of killing the process.
  std::signal(SIGPIPE, SIG_IGN);
  flyguard::util::keep_large_blocks_in_heap();
  flyguard::sql::PgThreadGuard parser_memory;
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "flyguard: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "flyguard: internal error\n";
  }
  return flyguard::cli::kUsageOrInternal;
}
