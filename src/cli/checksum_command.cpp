#include <filesystem>
#include <iostream>

#include "util/file.h"
#include "check/project.h"
#include "cli/commands.h"

namespace flyguard::cli {

namespace fs = std::filesystem;

namespace {

// Prints one line per file; returns false when Flyway could not checksum it either.
bool print_checksum(const std::string& argument, const ProjectOptions& options, const fs::path& cwd) {
  fs::path path = fs::absolute(argument).lexically_normal();
  auto content = util::read_file(path);
  if (!content || fs::is_directory(path)) {
    std::cerr << "flyguard: " << argument << ": cannot read the file\n";
    return false;
  }
  Project project = load_project(find_project_root(path.parent_path(), cwd), options);
  ChecksumOutcome outcome =
      compute_checksum(*content, path.filename().string(), project.flyway, read_script_config(path));
  if (!outcome.checksum) {
    std::cerr << "flyguard: " << argument << ": no checksum: " << outcome.why_not << '\n';
    return false;
  }
  std::cout << *outcome.checksum << '\t' << argument << '\n';
  return true;
}

}  // namespace

std::function<int()> add_checksum_command(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand(
      "checksum", "Print Flyway's checksum of each file: the number in flyway_schema_history.checksum.");
  cmd->footer("Output: <checksum><TAB><path> per file. Repeatable migrations are checksummed after\n"
              "placeholder replacement, with placeholders from the file's Flyway project.");
  cmd->add_option("files", *files, "Migration files")->required();
  return [files] {
    ProjectOptions options;
    options.environment = flyway::current_environment();
    fs::path cwd = fs::current_path();
    bool all_ok = true;
    try {
      for (const std::string& file : *files) all_ok = print_checksum(file, options, cwd) && all_ok;
    } catch (const ConfigError& e) {
      std::cerr << "flyguard: " << e.what() << '\n';
      return static_cast<int>(kUsageOrInternal);
    }
    return static_cast<int>(all_ok ? kClean : kViolations);
  };
}

}  // namespace flyguard::cli
