#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <thread>

#include "check/project.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "report/report.h"
#include "util/file.h"
#include "util/heap.h"

namespace flyguard::cli {

namespace fs = std::filesystem;

namespace {

struct CheckArgs {
  std::vector<std::string> paths;
  OutputArgs output;
  std::string fail_on;
  std::string dialect;
  std::string config;
  std::string stdin_filepath;
  unsigned jobs = 0;
};

// Loads each project root once, however many paths point into it.
class ProjectCache {
 public:
  ProjectCache(ProjectOptions options, fs::path cwd) : options_(std::move(options)), cwd_(std::move(cwd)) {}

  // The project a file or directory below `dir` belongs to; the walk upwards is done once per directory
  // (a thousand files given one by one share a handful of directories).
  const Project& containing(const fs::path& dir) { return containing(std::string_view(dir.native())); }

  // The project of a file given by its absolute, normal path (no fs::path built for its directory unless
  // that directory is new).
  const Project& containing_file(const fs::path& file) {
    std::string_view native = file.native();
    std::size_t slash = native.rfind('/');
    return containing(native.substr(0, slash == 0 ? 1 : slash));
  }

  const Project& at(const fs::path& root) {
    auto it = index_.find(root);
    if (it != index_.end()) return *it->second;
    projects_.push_back(load_project(root, options_));
    index_[root] = &projects_.back();
    return projects_.back();
  }

  // `without_locations` receives the roots of the (sub)projects where no migration location was found.
  std::vector<FileJob> whole_project(const fs::path& root, std::vector<fs::path>* without_locations = nullptr) {
    const Project& top = at(root);
    std::vector<FileJob> jobs;
    std::vector<const Project*> targets;
    if (top.config.projects.empty()) {
      targets.push_back(&top);
    } else {
      for (Project& sub : expand_projects(top, options_)) {
        projects_.push_back(std::move(sub));
        targets.push_back(&projects_.back());
      }
    }
    for (const Project* project : targets) {
      if (without_locations && project->locations.empty()) without_locations->push_back(project->root);
      auto found = project_jobs(*project, cwd_);
      jobs.insert(jobs.end(), found.begin(), found.end());
    }
    return jobs;
  }

  const Project* first() const { return projects_.empty() ? nullptr : &projects_.front(); }
  std::vector<const Project*> all() const {
    std::vector<const Project*> out;
    for (const Project& p : projects_) out.push_back(&p);
    return out;
  }

 private:
  ProjectOptions options_;
  fs::path cwd_;
  std::deque<Project> projects_;
  std::map<fs::path, Project*> index_;
  ProjectRootMemo roots_;  // directory -> its project root (keyed by string: fs::path compares slowly)
  // The last answer: file arguments come sorted, so most of them share the previous one's directory.
  std::string last_dir_;
  const Project* last_project_ = nullptr;

  const Project& containing(std::string_view dir) {
    if (last_project_ != nullptr && dir == last_dir_) return *last_project_;
    auto it = roots_.find(dir);
    if (it == roots_.end()) {
      fs::path root = find_project_root(fs::path(dir), cwd_, roots_);  // records `dir` when it is normal
      it = roots_.emplace(std::string(dir), std::move(root)).first;
    }
    last_project_ = &at(it->second);
    last_dir_.assign(dir);
    return *last_project_;
  }
};

// Whether `path` needs a stat: a listing of its directory can already show it to be a regular file.
const util::DirectoryListing* listing_showing_regular(const fs::path& path, const DirectoryListings& listings) {
  auto [directory, name] = split_directory(path.native());
  auto listing = listings.find(directory);
  return listing != listings.end() && listing->second.is_regular_file(name) ? &listing->second : nullptr;
}

// `path`: the argument made absolute and normal.
std::vector<FileJob> jobs_for_path(const std::string& argument, fs::path path, const DirectoryListings& listings,
                                   ProjectCache& cache, const fs::path& cwd) {
  const util::DirectoryListing* listed = listing_showing_regular(path, listings);
  if (listed == nullptr) {
    thread_local util::DirectoryCache directories;  // arguments from a shell glob share their directories
    struct stat info {};
    if (directories.lstat(path.native(), &info) != 0) throw ConfigError(argument + ": no such file or directory");
    // A symlink is followed (as Flyway follows it); anything else already says what it is.
    std::error_code ec;
    const bool directory = S_ISLNK(info.st_mode) ? fs::is_directory(fs::status(path, ec)) : S_ISDIR(info.st_mode);
    if (directory) {
      if (is_project_root(path)) return cache.whole_project(path);
      return directory_jobs(path, cache.containing(path), cwd);
    }
  }
  const Project& project = cache.containing_file(path);
  std::string shown = util::display_path(path, cwd);
  FileJob job{std::move(path), std::move(shown), true, &project, std::nullopt};
  if (listed != nullptr) {
    job.has_script_config = listed->contains(std::string(split_directory(job.path.native()).second) + ".conf");
    job.known_regular = true;
  }
  std::vector<FileJob> jobs;  // not a braced list, whose elements could only be copied out
  jobs.push_back(std::move(job));
  return jobs;
}

std::vector<FileJob> collect_jobs(const CheckArgs& args, ProjectCache& cache, const fs::path& cwd) {
  if (!args.stdin_filepath.empty()) {
    fs::path path = util::absolute_normal(args.stdin_filepath);
    const Project& project = cache.at(find_project_root(path.parent_path(), cwd));
    std::string content{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    return {FileJob{path, util::display_path(path, cwd), true, &project, std::move(content)}};
  }
  if (args.paths.empty()) {
    std::vector<fs::path> without_locations;
    std::vector<FileJob> jobs = cache.whole_project(is_project_root(cwd) ? cwd : find_project_root(cwd, cwd), &without_locations);
    if (!without_locations.empty())
      throw ConfigError("no Flyway migration location found in " + without_locations.front().string() +
                        " (looked for flyway.locations, sql/, db/migration/, src/main/resources/db/migration/); "
                        "pass the migration files or directories to check");
    find_script_configs(jobs);
    return jobs;
  }
  std::vector<fs::path> absolute;
  std::vector<std::string_view> native;
  absolute.reserve(args.paths.size());
  for (const std::string& argument : args.paths)
    native.push_back(absolute.emplace_back(util::absolute_normal(argument, cwd)).native());
  const DirectoryListings listings = list_crowded_directories(native);
  std::vector<FileJob> jobs;
  std::set<std::string> seen;  // fs::path compares component by component: strings are much cheaper
  for (std::size_t i = 0; i < args.paths.size(); ++i)
    for (FileJob& job : jobs_for_path(args.paths[i], std::move(absolute[i]), listings, cache, cwd))
      if (seen.insert(job.path.native()).second) jobs.push_back(std::move(job));
  find_script_configs(jobs);
  return jobs;
}

std::vector<Diagnostic> duplicates_per_project(const std::vector<FileJob>& jobs, const std::vector<CheckedFile>& files) {
  std::map<const Project*, std::vector<NamedMigration>> by_project;
  for (std::size_t i = 0; i < jobs.size(); ++i)
    if (files[i].migration) by_project[jobs[i].project].push_back({files[i].display_path, &*files[i].migration});
  std::vector<Diagnostic> out;
  for (auto& [project, group] : by_project) {
    auto found = check_duplicates(group);
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// From this many files on, a run touches enough fresh memory for huge pages to pay (util/heap.h).
constexpr std::size_t kManyFiles = 64;
constexpr std::size_t kHugeHeap = std::size_t{32} << 20;

FailOn fail_threshold(const CheckArgs& args, const Project* project) {
  if (!args.fail_on.empty()) return *parse_fail_on(args.fail_on);
  if (project && project->config.fail_on) return *project->config.fail_on;
  return FailOn::error;
}

int run_check(const CheckArgs& args) {
  fs::path cwd = fs::current_path();
  ProjectOptions options;
  options.environment = flyway::current_environment();
  if (!args.config.empty()) options.config_file = fs::absolute(args.config);
  if (!args.dialect.empty()) options.dialect = parse_dialect(args.dialect);
  ProjectCache cache(options, cwd);
  // Thousands of file arguments (a shell glob) already make a large job list: its memory is advised too.
  if (args.paths.size() >= kManyFiles) util::prefer_huge_pages_for_heap(kHugeHeap);
  std::vector<FileJob> jobs;
  try {
    jobs = collect_jobs(args, cache, cwd);
  } catch (const ConfigError& e) {
    std::cerr << "flyguard: " << e.what() << '\n';
    return kUsageOrInternal;
  }
  unsigned threads = args.jobs ? args.jobs : std::max(1U, std::thread::hardware_concurrency());
  const bool many = jobs.size() >= kManyFiles;
  if (many) util::prefer_huge_pages_for_heap(kHugeHeap);
  std::vector<CheckedFile> files = run_jobs(jobs, threads, many ? kHugeHeap : 0);
  std::vector<Diagnostic> others = duplicates_per_project(jobs, files);
  for (const Project* project : cache.all()) others.insert(others.end(), project->notes.begin(), project->notes.end());
  std::vector<std::vector<Diagnostic>*> per_file;
  for (CheckedFile& file : files) per_file.push_back(&file.diagnostics);
  std::vector<Diagnostic> diagnostics = merge_diagnostics(std::move(per_file), std::move(others));
  report::ReportInput input{diagnostics, report::summarize(diagnostics, files.size()), {}};
  for (const CheckedFile& file : files) {
    std::string version = file.migration && file.migration->version ? file.migration->version->display() : "";
    input.files.push_back({file.display_path, std::move(version), file.checksum});
  }
  if (!emit_report(args.output, input)) return kUsageOrInternal;
  return fails_at(diagnostics, fail_threshold(args, cache.first())) ? kViolations : kClean;
}

}  // namespace

std::function<int()> add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand("check", "Check Flyway migrations on disk: names, encoding, SQL syntax, lint rules.");
  cmd->footer(
      "With no PATH, checks the Flyway project in the current directory (flyway.locations from\n"
      "flyway.conf/flyway.toml or FLYWAY_LOCATIONS, else sql/, db/migration/, src/main/resources/db/migration/).\n"
      "A PATH may be a project root, a directory of migrations, or a file.");
  cmd->add_option("paths", args->paths, "Project roots, migration directories or files");
  add_output_options(cmd, args->output, true);
  cmd->add_option("--fail-on", args->fail_on, "Lowest severity that fails (exit 1); default: error")
      ->check(CLI::IsMember({"error", "warning", "never"}));
  cmd->add_option("--dialect", args->dialect, "SQL dialect; default: .flyguard.toml, then flyway.url, then postgres")
      ->check(CLI::IsMember({"postgres", "redshift"}));
  cmd->add_option("--config", args->config, "Use this .flyguard.toml instead of the project's")->check(CLI::ExistingFile);
  cmd->add_option("--stdin-filepath", args->stdin_filepath, "Read the file's content from standard input (for editors)");
  cmd->add_option("-j,--jobs", args->jobs, "Files checked in parallel; default: one per core");
  return [args] { return run_check(*args); };
}

}  // namespace flyguard::cli
