#include "cli/ci_database.h"

#include <map>


namespace flyguard::cli {

namespace {

bool inside(const std::string& path, const std::string& directory) {
  return directory.empty() || (path.size() > directory.size() && path.compare(0, directory.size(), directory) == 0 &&
                               path[directory.size()] == '/');
}

std::string file_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

std::vector<ResolvedMigration> head_migrations(const GateInput& input, const GateProject& project) {
  std::map<std::string, const TreeFile*> by_path;
  for (const TreeFile& file : input.result) by_path[file.path] = &file;
  std::vector<ResolvedMigration> resolved;
  for (const TreeFile& file : input.result) {
    bool in_location = false;
    for (const std::string& location : project.locations) in_location = in_location || inside(file.path, location);
    if (!in_location || file.type == EntryType::symlink || file.type == EntryType::submodule) continue;
    if (!flyway::is_sql_candidate(file_name(file.path), project.settings.naming)) continue;
    auto content = input.load(file);
    if (!content) throw std::runtime_error("object " + file.id + " of " + file.path + " is missing");
    std::optional<std::string> sidecar;
    if (auto it = by_path.find(file.path + ".conf"); it != by_path.end()) sidecar = input.load(*it->second);
    if (auto migration = resolve_migration(file.path, file_name(file.path), *content, project.settings, sidecar))
      resolved.push_back(std::move(*migration));
  }
  return resolved;
}

}  // namespace

std::vector<Diagnostic> judge_against_database(const GateInput& input, const DatabaseArgs& args,
                                               const flyway::Environment& env) {
  std::vector<Diagnostic> diagnostics;
  for (const GateProject& project : input.projects) {
    DatabaseTarget target = database_target(project.settings, args, env);
    db::SchemaHistory history = read_history(target);
    HistoryCheckOptions options =
        history_options(project.settings, target, project.locations.empty() ? project.root : project.locations.front());
    HistoryCheckResult result = check_against_history(head_migrations(input, project), history.rows, options);
    std::move(result.diagnostics.begin(), result.diagnostics.end(), std::back_inserter(diagnostics));
  }
  return diagnostics;
}

}  // namespace flyguard::cli
