#include "check/project.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <string_view>
#include <system_error>
#include <thread>

#include "check/gate.h"
#include "rules/rule.h"
#include "util/file.h"
#include "util/heap.h"

namespace flyguard {

namespace fs = std::filesystem;

namespace {

constexpr const char* kConfigFileName = ".flyguard.toml";

bool path_exists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool has_flyway_config(const fs::path& dir) {
  for (const char* name : {"flyway.conf", "flyway.toml", "conf/flyway.conf", "conf/flyway.toml"})
    if (path_exists(dir / name)) return true;
  return false;
}

// [rules] may only name lint rules. A gate id is refused with its own reason: a repository must not
// be able to switch off the checks that protect applied migrations.
void check_rule_ids(const std::map<std::string, std::string>& rules, const std::string& label,
                    const std::string& where) {
  for (const auto& [id, severity] : rules) {
    if (is_gate_rule(id))
      throw ConfigError(label + ": '" + id + "' in " + where + " is a git gate, not a lint rule: gates cannot be " +
                        "switched off or re-graded (only the audited server-side override passes them)");
    if (!rules::find_rule(id))
      throw ConfigError(label + ": unknown rule '" + id + "' in " + where + "; `flyguard rules` lists the rule ids");
  }
}

void check_rule_ids(const FlyguardConfig& config, const std::string& label) {
  check_rule_ids(config.rules, label, "[rules]");
  for (const PathRules& block : config.paths) check_rule_ids(block.rules, label, "[[paths]] rules");
}

FlyguardConfig parse_config_text(const std::string& text, const std::string& label) {
  std::vector<ConfigProblem> problems;
  auto config = parse_flyguard_config(text, label, problems);
  if (!config || !problems.empty()) {
    std::string message = format_problems(problems);
    throw ConfigError(message.empty() ? label + ": invalid configuration" : message);
  }
  check_rule_ids(*config, label);
  config->source = label;
  return *config;
}

void throw_settings_problems(const std::vector<flyway::SettingsProblem>& problems, const fs::path& root) {
  if (problems.empty()) return;
  std::string message;
  for (const flyway::SettingsProblem& p : problems) {
    if (!message.empty()) message += '\n';
    std::string where = p.file == "environment" ? p.file : (root / p.file).string();
    message += where + (p.line > 0 ? ":" + std::to_string(p.line) : "") + ": " + p.message;
  }
  throw ConfigError(message);
}

Dialect choose_dialect(const ProjectOptions& options, const FlyguardConfig& config,
                       const flyway::FlywaySettings& settings) {
  if (options.dialect) return *options.dialect;
  if (config.dialect) return *config.dialect;
  if (settings.url)
    if (auto detected = dialect_from_jdbc_url(*settings.url)) return *detected;
  return Dialect::postgres;
}

void load_flyway(Project& project, const ProjectSource& source, const ProjectOptions& options) {
  std::vector<flyway::SettingsProblem> problems;
  project.flyway = flyway::load_flyway_settings(source.read, options.environment, problems);
  throw_settings_problems(problems, source.label);
  if (!project.config.locations.empty()) {
    project.flyway.locations = project.config.locations;
    project.flyway.locations_source = ".flyguard.toml";
  }
  project.locations = flyway::resolve_locations(project.flyway, source.is_directory, problems);
  // A location flyguard cannot read (s3:, gcs:) is skipped with a warning, not a configuration error.
  for (const flyway::SettingsProblem& p : problems)
    project.notes.push_back({"unsupported-location", Severity::warning, (source.label / fs::path(p.file)).string(),
                             p.line, p.line > 0 ? 1 : 0, p.message, "", ""});
  if (project.config.override_line > 0)
    project.notes.push_back({"ignored-override", Severity::warning, project.config.source, project.config.override_line,
                             1, "[override] in the repository's .flyguard.toml is ignored: who may override is "
                             "server policy, read only from the server's own configuration (--config / FLYGUARD_CONFIG)",
                             "", ""});
  project.dialect = choose_dialect(options, project.config, project.flyway);
}

ProjectSource disk_source(const fs::path& root) {
  return ProjectSource{flyway::disk_reader(root), [root](const std::string& relative) { return is_dir(root / relative); },
                       root};
}

// The same source seen from a sub-directory.
ProjectSource sub_source(const ProjectSource& source, const std::string& relative) {
  std::string prefix = relative + "/";
  return ProjectSource{[read = source.read, prefix](const std::string& path) { return read(prefix + path); },
                       [is = source.is_directory, relative, prefix](const std::string& path) {
                         return is(path.empty() ? relative : prefix + path);
                       },
                       source.label / relative};
}

}  // namespace

FileCheckOptions check_options(const Project& project) {
  FileCheckOptions options;
  options.dialect = project.dialect;
  options.flyway = &project.flyway;
  options.max_file_size = project.config.max_file_size;
  options.pg_version = project.config.pg_version;
  options.rule_severities = &project.config.rules;
  if (project.config.start_after) options.start_after = flyway::MigrationVersion::parse(*project.config.start_after);
  return options;
}

bool is_project_root(const fs::path& dir) {
  if (path_exists(dir / kConfigFileName) || has_flyway_config(dir)) return true;
  for (const char* location : {"sql", "db/migration", "src/main/resources/db/migration"})
    if (is_dir(dir / location)) return true;
  return false;
}

fs::path find_project_root(const fs::path& start, const fs::path& fallback) {
  ProjectRootMemo memo;
  return find_project_root(start, fallback, memo);
}

fs::path find_project_root(const fs::path& start, const fs::path& fallback, ProjectRootMemo& memo) {
  std::vector<std::string> passed;
  fs::path root = fallback;
  for (fs::path dir = util::absolute_normal(start); !dir.empty(); dir = dir.parent_path()) {
    if (auto known = memo.find(dir.native()); known != memo.end()) {
      root = known->second;
      break;
    }
    passed.push_back(dir.native());
    if (path_exists(dir / kConfigFileName) || has_flyway_config(dir)) {
      root = dir;
      break;
    }
    if (path_exists(dir / ".git") || dir == dir.root_path()) break;
  }
  for (std::string& dir : passed) memo.emplace(std::move(dir), root);
  return root;
}

Project load_project_from(const ProjectSource& source, const ProjectOptions& options) {
  Project project;
  project.root = source.label;
  if (auto text = source.read(kConfigFileName)) project.config = parse_config_text(*text, (source.label / kConfigFileName).string());
  load_flyway(project, source, options);
  return project;
}

Project load_project(const fs::path& root, const ProjectOptions& options) {
  if (!options.config_file) return load_project_from(disk_source(root), options);
  Project project;
  project.root = root;
  auto text = util::read_file(*options.config_file);
  if (!text) throw ConfigError("cannot read configuration file " + options.config_file->string());
  project.config = parse_config_text(*text, options.config_file->string());
  load_flyway(project, disk_source(root), options);
  return project;
}

std::vector<Project> expand_projects_from(const Project& project, const ProjectSource& source,
                                          const ProjectOptions& options) {
  if (project.config.projects.empty()) return {project};
  std::vector<Project> projects;
  for (const std::string& relative : project.config.projects) {
    if (!source.is_directory(relative))
      throw ConfigError(project.config.source + ": project '" + relative + "' is not a directory");
    Project sub;
    ProjectSource sub_files = sub_source(source, relative);
    sub.root = sub_files.label;
    sub.config = project.config;
    sub.config.projects.clear();
    load_flyway(sub, sub_files, options);
    projects.push_back(std::move(sub));
  }
  return projects;
}

std::vector<Project> expand_projects(const Project& project, const ProjectOptions& options) {
  return expand_projects_from(project, disk_source(project.root), options);
}

std::vector<FileJob> project_jobs(const Project& project, const fs::path& cwd) {
  std::vector<FileJob> jobs;
  for (const flyway::Location& location : project.locations) {
    for (const flyway::DiscoveredFile& file : flyway::scan_location(project.root, location)) {
      std::string name = file.path.filename().string();
      // Sidecar configuration belongs to its migration; other files are not Flyway's.
      if (!flyway::is_sql_candidate(name, project.flyway.naming)) continue;
      jobs.push_back({file.path, util::display_path(file.path, cwd), true, &project, std::nullopt});
    }
  }
  return jobs;
}

std::vector<FileJob> directory_jobs(const fs::path& dir, const Project& project, const fs::path& cwd) {
  flyway::Location location{dir.string(), dir.string()};
  std::vector<FileJob> jobs;
  for (const flyway::DiscoveredFile& file : flyway::scan_location(fs::path(), location)) {
    if (!flyway::is_sql_candidate(file.path.filename().string(), project.flyway.naming)) continue;
    jobs.push_back({file.path, util::display_path(file.path, cwd), true, &project, std::nullopt});
  }
  return jobs;
}

// The file's path from its project root, '/'-separated, for [[paths]] globs.
std::string project_relative(const FileJob& job) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(job.project->root, ec);
  fs::path file = fs::weakly_canonical(fs::absolute(job.path), ec);
  return file.lexically_relative(root).generic_string();
}

CheckedFile run_job(const FileJob& job) {
  FileCheckOptions options = check_options(*job.project);
  options.check_name = job.check_name;
  std::map<std::string, std::string> path_rules;
  if (!job.project->config.paths.empty())
    options.rule_severities = &rules_for_path(job.project->config, project_relative(job), path_rules);
  std::string name = job.path.filename().string();
  std::optional<std::string> content = job.stdin_content;
  if (!content) {
    thread_local util::DirectoryCache directories;  // a thread's files mostly come from one directory in turn
    util::LimitedRead read = util::read_file_within(job.path, options.max_file_size, &directories, job.known_regular);
    if (!read.content) {
      CheckedFile result{job.display_path, std::nullopt, std::nullopt, {}};
      result.diagnostics.push_back(read.too_large ? file_too_large(job.display_path, read.size, options.max_file_size)
                                                  : Diagnostic{"unreadable-file", Severity::error, job.display_path, 0,
                                                               0, "cannot read the file: " + read.error, "", ""});
      return result;
    }
    content = std::move(read.content);
  }
  std::optional<std::string> script_config =
      job.has_script_config.value_or(true) ? read_script_config(job.path) : std::nullopt;
  CheckedFile checked = check_file(job.display_path, name, *content, options, script_config);
  sort_diagnostics(checked.diagnostics);  // here, on the worker threads, so that the final order is a merge
  return checked;
}

std::optional<std::string> read_script_config(const fs::path& migration) {
  fs::path sidecar = migration;
  sidecar += ".conf";
  return util::read_file(sidecar);  // nullopt when there is none: no separate existence check
}

std::pair<std::string_view, std::string_view> split_directory(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return {std::string_view(), path};
  return {path.substr(0, slash), path.substr(slash + 1)};
}

DirectoryListings list_crowded_directories(const std::vector<std::string_view>& paths) {
  constexpr std::size_t kListFrom = 16;  // files in one directory; fewer are looked up one by one
  std::map<std::string_view, std::size_t> counts;
  for (std::string_view path : paths)
    if (auto [directory, name] = split_directory(path); !directory.empty()) ++counts[directory];
  DirectoryListings listings;
  for (const auto& [directory, count] : counts) {
    if (count < kListFrom) continue;
    std::string name(directory);
    if (auto listing = util::DirectoryListing::read(name)) listings.emplace(std::move(name), std::move(*listing));
  }
  return listings;
}

void find_script_configs(std::vector<FileJob>& jobs) {
  std::vector<std::string_view> unknown;
  for (const FileJob& job : jobs)
    if (!job.stdin_content && !job.has_script_config) unknown.push_back(job.path.native());
  const DirectoryListings listings = list_crowded_directories(unknown);
  if (listings.empty()) return;
  std::string sidecar;
  for (FileJob& job : jobs) {
    if (job.stdin_content || job.has_script_config) continue;
    auto [directory, name] = split_directory(job.path.native());
    auto listing = listings.find(directory);
    if (listing == listings.end()) continue;  // looked up when the file is read
    sidecar.assign(name).append(".conf");
    job.has_script_config = listing->second.contains(sidecar);
  }
}

std::vector<CheckedFile> run_jobs(const std::vector<FileJob>& jobs, unsigned threads, std::size_t huge_heap) {
  std::vector<CheckedFile> results(jobs.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) results[i] = run_job(jobs[i]);
  };
  threads = std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(jobs.size() / 8 + 1)));
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t)
    workers.emplace_back([&] {
      if (huge_heap > 0) util::prefer_huge_pages_for_heap(huge_heap);  // this thread's own malloc arena
      work();
    });
  work();
  for (std::thread& worker : workers) worker.join();
  return results;
}

}  // namespace flyguard
