#include "cli/ci_database.h"

#include <map>
#include <string_view>

#include "util/paths.h"

namespace flyguard::cli {

namespace {

// The head tree's migrations of `project` as Flyway resolves them; `by_path` indexes input.result.
std::vector<ResolvedMigration> head_migrations(const GateInput& input, const GateProject& project,
                                               const std::map<std::string_view, const TreeFile*>& by_path) {
  std::vector<ResolvedMigration> resolved;
  for (const TreeFile& file : input.result) {
    if (project_of(input.projects, file.path) != &project || file.type == EntryType::symlink ||
        file.type == EntryType::submodule)
      continue;
    const std::string_view name = util::base_name(file.path);
    if (!flyway::is_sql_candidate(name, project.settings.naming)) continue;
    auto content = input.load(file);
    if (!content) throw std::runtime_error("object " + file.id + " of " + file.path + " is missing");
    std::optional<std::string> sidecar;
    if (auto it = by_path.find(file.path + ".conf"); it != by_path.end()) sidecar = input.load(*it->second);
    if (auto migration = resolve_migration(file.path, name, *content, project.settings, sidecar))
      resolved.push_back(std::move(*migration));
  }
  return resolved;
}

}  // namespace

std::vector<Diagnostic> judge_against_database(const GateInput& input, const DatabaseArgs& args,
                                               const flyway::Environment& env) {
  std::map<std::string_view, const TreeFile*> by_path;
  for (const TreeFile& file : input.result) by_path[file.path] = &file;
  std::vector<Diagnostic> diagnostics;
  for (const GateProject& project : input.projects) {
    DatabaseTarget target = database_target(project.settings, args, env);
    db::SchemaHistory history = read_history(target);
    HistoryCheckOptions options =
        history_options(project.settings, target, project.locations.empty() ? project.root : project.locations.front());
    HistoryCheckResult result = check_against_history(head_migrations(input, project, by_path), history.rows, options);
    std::move(result.diagnostics.begin(), result.diagnostics.end(), std::back_inserter(diagnostics));
  }
  return diagnostics;
}

}  // namespace flyguard::cli
