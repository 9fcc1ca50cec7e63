// flyguard verify: compares the project's migrations with the live flyway_schema_history.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "check/history_check.h"
#include "check/project.h"
#include "cli/commands.h"
#include "cli/database_target.h"
#include "cli/output.h"
#include "db/schema_history.h"
#include "report/report.h"
#include "util/file.h"

namespace flyguard::cli {

namespace fs = std::filesystem;

namespace {

struct VerifyArgs {
  std::string project = ".";
  DatabaseArgs database;
  std::string fail_on;
  std::string config;
  OutputArgs output;
};

// Every migration file of the project's locations, resolved as Flyway resolves it.
std::vector<ResolvedMigration> local_migrations(const Project& project, const fs::path& cwd,
                                                std::vector<Diagnostic>& problems) {
  std::vector<ResolvedMigration> resolved;
  for (const FileJob& job : project_jobs(project, cwd)) {
    auto content = util::read_file(job.path);
    if (!content) {
      problems.push_back({"unreadable-file", Severity::error, job.display_path, 0, 0,
                          "cannot read the file: its checksum cannot be compared", "", ""});
      continue;
    }
    if (auto migration = resolve_migration(job.display_path, job.path.filename().string(), *content, project.flyway,
                                           read_script_config(job.path)))
      resolved.push_back(std::move(*migration));
  }
  return resolved;
}

std::string closing_line(const HistoryCheckResult& result, const std::string& table, bool exists) {
  if (!exists) return "flyguard: " + table + " does not exist yet: nothing is applied; " +
                      std::to_string(result.pending) + " migration(s) pending.";
  return "flyguard: " + table + ": current version " + result.current_version.value_or("none") + ", " +
         std::to_string(result.applied) + " applied, " + std::to_string(result.pending) + " pending.";
}

int verify_project(const Project& project, const VerifyArgs& args, const flyway::Environment& env) {
  const fs::path cwd = fs::current_path();
  DatabaseTarget target = database_target(project.flyway, args.database, env);
  std::vector<Diagnostic> diagnostics = project.notes;
  std::vector<ResolvedMigration> resolved = local_migrations(project, cwd, diagnostics);
  db::SchemaHistory history = read_history(target);

  const std::string location = project.locations.empty()
                                   ? util::display_path(project.root, cwd)
                                   : util::display_path(project.root / project.locations.front().directory, cwd);
  HistoryCheckOptions options = history_options(project.flyway, target, location);
  HistoryCheckResult result = check_against_history(resolved, history.rows, options);
  std::move(result.diagnostics.begin(), result.diagnostics.end(), std::back_inserter(diagnostics));
  sort_diagnostics(diagnostics);

  report::ReportInput input{diagnostics, report::summarize(diagnostics, resolved.size()), {}};
  for (const ResolvedMigration& m : resolved)
    input.files.push_back({m.display_path, m.name.version ? m.name.version->display() : "", m.checksum});
  if (!emit_report(args.output, input)) return kUsageOrInternal;
  std::cerr << closing_line(result, options.table_label, history.exists) << '\n';
  FailOn threshold = !args.fail_on.empty() ? *parse_fail_on(args.fail_on)
                                           : project.config.fail_on.value_or(FailOn::error);
  return fails_at(diagnostics, threshold) ? kViolations : kClean;
}

int run_verify(const VerifyArgs& args) {
  ProjectOptions options;
  options.environment = flyway::current_environment();
  if (!args.config.empty()) options.config_file = fs::absolute(args.config);
  try {
    fs::path start = fs::absolute(args.project).lexically_normal();
    Project top = load_project(find_project_root(start, start), options);
    int status = kClean;
    for (const Project& project : expand_projects(top, options))
      status = std::max(status, verify_project(project, args, options.environment));
    return status;
  } catch (const ConfigError& e) {
    std::cerr << "flyguard: " << e.what() << '\n';
  } catch (const db::DatabaseError& e) {
    std::cerr << "flyguard: verify: " << e.what() << '\n';
  }
  return kUsageOrInternal;
}

}  // namespace

std::function<int()> add_verify_command(CLI::App& app) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App* cmd = app.add_subcommand(
      "verify", "Compare the project's migrations with the database's flyway_schema_history (read-only).");
  cmd->footer(
      "Connection: --url, else flyway.url from flyway.conf/flyway.toml or FLYWAY_URL (jdbc:postgresql://,\n"
      "jdbc:redshift://, or a libpq URI); user and password likewise (FLYWAY_USER, FLYWAY_PASSWORD), else\n"
      "libpq's own PGHOST, PGUSER, PGPASSWORD, ~/.pgpass. One SELECT in a read-only transaction.\n"
      "A missing history table means nothing is applied yet.");
  cmd->add_option("project", args->project, "Flyway project directory (default: the current directory)");
  add_database_options(cmd, args->database,
                       "Database URL (jdbc:postgresql://…, jdbc:redshift://…, postgresql://…); "
                       "default: flyway.url / FLYWAY_URL");
  cmd->add_option("--fail-on", args->fail_on, "Lowest severity that fails (exit 1); default: error")
      ->check(CLI::IsMember({"error", "warning", "never"}));
  cmd->add_option("--config", args->config, "Use this .flyguard.toml instead of the project's")->check(CLI::ExistingFile);
  add_output_options(cmd, args->output, true);
  return [args] { return run_verify(*args); };
}

}  // namespace flyguard::cli
