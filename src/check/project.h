#pragma once
// A Flyway project on disk: its root, flyguard and Flyway configuration, and migration locations.
#include <filesystem>
#include <map>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "check/diagnostic.h"
#include "check/file_check.h"
#include "config/flyguard_config.h"
#include "flyway/settings.h"
#include "util/file.h"

namespace flyguard {

// Invalid configuration: the command stops with exit status 2.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Project {
  std::filesystem::path root;
  FlyguardConfig config;
  flyway::FlywaySettings flyway;
  Dialect dialect = Dialect::postgres;
  std::vector<flyway::Location> locations;
  std::vector<Diagnostic> notes;  // configuration findings worth telling (not errors)
};

struct ProjectOptions {
  std::optional<std::filesystem::path> config_file;  // --config
  std::optional<Dialect> dialect;                    // --dialect
  flyway::Environment environment;
};

// Where a project's files come from: the disk, or a git tree (the trusted configuration of a gate).
struct ProjectSource {
  flyway::FileReader read;                                   // root-relative '/'-path -> content
  std::function<bool(const std::string&)> is_directory;      // root-relative '/'-path
  std::filesystem::path label;                               // root as shown in messages; Project::root
};

// The nearest directory at or above `start` that holds .flyguard.toml, flyway.conf/flyway.toml
// (root or conf/), stopping at a repository top (.git); `fallback` when there is none.
std::filesystem::path find_project_root(const std::filesystem::path& start, const std::filesystem::path& fallback);

// Answers of find_project_root by directory, for many lookups with one fallback: a walk upwards stops at
// the first directory already answered, and records the answer for every directory it passed.
using ProjectRootMemo = std::map<std::string, std::filesystem::path, std::less<>>;
std::filesystem::path find_project_root(const std::filesystem::path& start, const std::filesystem::path& fallback,
                                        ProjectRootMemo& memo);

// True when `dir` looks like a project root rather than a folder of migrations.
bool is_project_root(const std::filesystem::path& dir);

// How check_file judges this project's files (dialect, limits, rule configuration, start_after).
FileCheckOptions check_options(const Project& project);

// Loads configuration; throws ConfigError with a message naming the file and key.
Project load_project(const std::filesystem::path& root, const ProjectOptions& options);

Project load_project_from(const ProjectSource& source, const ProjectOptions& options);

// The Flyway projects listed by `projects = [...]`, or the project itself.
std::vector<Project> expand_projects(const Project& project, const ProjectOptions& options);
std::vector<Project> expand_projects_from(const Project& project, const ProjectSource& source,
                                          const ProjectOptions& options);

// One file to check.
struct FileJob {
  std::filesystem::path path;
  std::string display_path;
  bool check_name = true;
  const Project* project = nullptr;
  std::optional<std::string> stdin_content;  // --stdin-filepath
  std::optional<bool> has_script_config{};   // whether `<path>.conf` exists; unset: look when the file is read
  bool known_regular = false;                // a directory listing says it is a regular file: no stat needed
};

// Every file in the project's locations (names of non-SQL files are not Flyway's concern).
std::vector<FileJob> project_jobs(const Project& project, const std::filesystem::path& cwd);
// Every SQL file under an explicit directory.
std::vector<FileJob> directory_jobs(const std::filesystem::path& dir, const Project& project,
                                    const std::filesystem::path& cwd);

// The content of a migration's `<file>.conf` sidecar (Flyway's per-script settings), when it has one.
std::optional<std::string> read_script_config(const std::filesystem::path& migration);

// Checks the jobs on up to `threads` threads; results come back in job order. `huge_heap`: each thread it
// starts first asks for transparent huge pages for this much of its heap (util/heap.h), as the caller did.
std::vector<CheckedFile> run_jobs(const std::vector<FileJob>& jobs, unsigned threads, std::size_t huge_heap = 0);

// The directories holding many of `paths` (absolute and normal), each listed once: a shell glob's thousand
// files then need one readdir instead of a stat, and a failed open of a `.conf` sidecar, each.
using DirectoryListings = std::map<std::string, util::DirectoryListing, std::less<>>;
DirectoryListings list_crowded_directories(const std::vector<std::string_view>& paths);

// The directory part and the name of an absolute path ("" for a path right below the root).
std::pair<std::string_view, std::string_view> split_directory(std::string_view path);

// Sets has_script_config, where it is not yet set, for the files of directories that hold many of them,
// from one listing of each directory instead of one failed open per file.
void find_script_configs(std::vector<FileJob>& jobs);

}  // namespace flyguard
