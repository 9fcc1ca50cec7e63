#include "check/gate.h"

#include <map>
#include <set>
#include <unordered_map>
#include <stdexcept>
#include <variant>

#include "check/naming_check.h"
#include "util/paths.h"

namespace flyguard {

namespace {

using flyway::MigrationKind;
using flyway::MigrationName;

const std::set<std::string, std::less<>> kGateRules = {
    "applied-migration-modified", "applied-migration-reformatted", "applied-migration-deleted",
    "applied-migration-renamed", "applied-migration-type-changed", "applied-migration-mode-changed",
    "out-of-order-version", "duplicate-version", "duplicate-repeatable", "ignored-migration-name",
    "invalid-migration-name", "suspicious-version", "version-too-long"};

using util::base_name;

Diagnostic finding(const std::string& path, const std::string& rule, Severity severity, std::string message,
                   std::string hint = {}) {
  return Diagnostic{rule, severity, path, 0, 0, std::move(message), std::move(hint), ""};
}

struct Applied {
  const TreeFile* file = nullptr;
  const GateProject* project = nullptr;
  const MigrationName& name;  // owned by Gate::names_
};

class Gate {
 public:
  explicit Gate(const GateInput& input) : input_(input) {}

  GateResult run() {
    for (const TreeFile& file : input_.result) result_by_path_.emplace(file.path, &file);
    index_applied();
    for (const TreeChange& change : input_.changes) judge(change);
    check_new_versions();
    check_result_files();
    if (!input_.enforce)
      for (Diagnostic& d : result_.diagnostics)
        if (d.severity == Severity::error) d.severity = Severity::warning;
    return std::move(result_);
  }

 private:
  const GateInput& input_;
  GateResult result_;
  // Keys view the paths of input_, which outlives the gate; a hook meets thousands of applied files.
  std::unordered_map<std::string_view, Applied> applied_;
  std::map<const GateProject*, flyway::MigrationVersion> highest_applied_;
  std::map<const GateProject*, std::string> next_migration_;  // see next_migration()
  std::set<std::string, std::less<>> changed_;  // tree-B paths added or changed by this change
  std::set<std::string, std::less<>> renamed_applied_;  // new paths of applied migrations renamed without Flyway noticing
  std::unordered_map<std::string_view, const TreeFile*> result_by_path_;
  std::unordered_map<std::string_view, std::optional<MigrationName>> names_;

  void add(Diagnostic d) { result_.diagnostics.push_back(std::move(d)); }

  const GateProject* project_of(const std::string& path) const { return flyguard::project_of(input_.projects, path); }

  // Applied and result trees share most paths: each name is parsed once. `path` must be a TreeFile's path
  // from input_ (the cache keeps a view of it).
  const std::optional<MigrationName>& name_of(std::string_view path, const GateProject& project) {
    auto [it, inserted] = names_.try_emplace(path);
    if (inserted) {
      auto parsed = flyway::parse_migration_name(base_name(path), project.settings.naming);
      if (auto* name = std::get_if<MigrationName>(&parsed)) it->second = std::move(*name);
    }
    return it->second;
  }

  std::string load(const TreeFile& file) const {
    auto content = input_.load(file);
    if (!content) throw std::runtime_error("object " + file.id + " of " + file.path + " is missing");
    return *content;
  }

  void index_applied() {
    for (const TreeFile& file : input_.applied) {
      const GateProject* project = project_of(file.path);
      if (!project || !flyway::is_sql_candidate(base_name(file.path), project->settings.naming)) continue;
      const auto& name = name_of(file.path, *project);
      if (!name || name->kind == MigrationKind::callback) continue;
      applied_.emplace(file.path, Applied{&file, project, *name});
      bool versioned = name->kind == MigrationKind::versioned && name->version;
      if (!versioned) continue;
      auto it = highest_applied_.find(project);
      if (it == highest_applied_.end() || it->second < *name->version) highest_applied_.insert_or_assign(project, *name->version);
    }
  }

  std::string label(const Applied& a) const { return a.file->path + " is applied (it is on " + input_.applied_label + ")"; }

  // "V3__…": the name of the migration that should carry a change instead, above every version that is
  // applied or already in tree B. Worked out once per project: a push may touch many applied files.
  const std::string& next_migration(const GateProject* project) {
    auto [cached, inserted] = next_migration_.try_emplace(project);
    if (!inserted) return cached->second;
    std::optional<flyway::MigrationVersion> highest;
    if (auto it = highest_applied_.find(project); it != highest_applied_.end()) highest = it->second;
    for (const TreeFile& file : input_.result) {
      if (project_of(file.path) != project || !flyway::is_sql_candidate(base_name(file.path), project->settings.naming))
        continue;
      const auto& name = name_of(file.path, *project);
      if (name && name->kind == MigrationKind::versioned && name->version && (!highest || *highest < *name->version))
        highest = name->version;
    }
    std::string next = highest ? flyway::suggest_next_version(*highest) : "";
    cached->second = project->settings.naming.versioned_prefix + (next.empty() ? "<next>" : next) +
                     project->settings.naming.separator + "…";
    return cached->second;
  }

  void judge(const TreeChange& change) {
    if (change.after && project_of(change.after->path)) changed_.insert(change.after->path);
    if (!change.before) return;
    auto it = applied_.find(change.before->path);
    if (it == applied_.end()) return;
    const Applied& applied = it->second;
    switch (change.type) {
      case ChangeType::deleted: return deleted(applied);
      case ChangeType::type_changed: return type_changed(applied, *change.after);
      case ChangeType::renamed: return renamed(applied, *change.after);
      case ChangeType::modified: return modified(applied, *change.after);
      case ChangeType::added: return;
    }
  }

  void deleted(const Applied& a) {
    const std::string& path = a.file->path;
    if (a.name.kind == MigrationKind::repeatable) {
      add(finding(path, "applied-migration-deleted", Severity::error,
                  label(a) + " and was deleted: Flyway reports the applied repeatable migration as missing "
                             "(\"Detected applied migration not resolved locally\")",
                  "restore it; to stop using it, replace its content instead"));
      return;
    }
    bool newest = true;
    for (const TreeFile& file : input_.result) {
      const GateProject* project = project_of(file.path);
      if (project != a.project) continue;
      const auto& name = name_of(file.path, *project);
      if (name && name->version && name->kind == MigrationKind::versioned && !(*name->version < *a.name.version))
        newest = false;
    }
    std::string why = newest ? "Flyway hides a deleted newest migration as \"future\" (ignored by default), so the "
                               "database keeps a change nobody can see any more"
                             : "Flyway fails validation (\"Detected applied migration not resolved locally\")";
    add(finding(path, "applied-migration-deleted", Severity::error, label(a) + " and was deleted: " + why,
                "restore it; to undo its effect, add a new migration " + next_migration(a.project)));
  }

  void type_changed(const Applied& a, const TreeFile& after) {
    add(finding(a.file->path, "applied-migration-type-changed", Severity::error,
                label(a) + " and was replaced by a " + std::string(after.type == EntryType::symlink ? "symbolic link"
                                                       : after.type == EntryType::submodule ? "submodule"
                                                                                            : "non-file entry") +
                    ": Flyway can no longer read the migration it applied",
                "restore the regular file"));
  }

  void renamed(const Applied& a, const TreeFile& after) {
    const GateProject* project = project_of(after.path);
    const MigrationName* name = project && name_of(after.path, *project) ? &*name_of(after.path, *project) : nullptr;
    std::string moved = label(a) + " and was renamed to " + after.path;
    if (!project || !name) {
      add(finding(after.path, "applied-migration-renamed", Severity::error,
                  moved + (project ? ", a name Flyway does not run" : ", outside the migration locations") +
                      ": Flyway reports the applied migration as missing",
                  "move it back to " + a.file->path));
      return;
    }
    bool same_identity = a.name.kind == name->kind && a.name.description == name->description &&
                         (a.name.kind == MigrationKind::repeatable || (name->version && *name->version == *a.name.version));
    if (same_identity) {
      renamed_applied_.insert(after.path);  // still the applied migration: not a new, out-of-order one
      add(finding(after.path, "applied-migration-renamed", Severity::warning,
                  moved + "; Flyway matches it by version and description, which did not change, so it will not notice"));
    } else {
      add(finding(after.path, "applied-migration-renamed", Severity::error,
                  moved + ", which changes its " + (a.name.kind == MigrationKind::repeatable ? "description" : "version or description") +
                      ": Flyway reports it as missing or mismatched at deploy time",
                  "keep the applied name " + std::string(base_name(a.file->path))));
    }
  }

  void modified(const Applied& a, const TreeFile& after) {
    if (after.type == EntryType::symlink || after.type == EntryType::submodule) return type_changed(a, after);
    if (after.id == a.file->id) {
      add(finding(a.file->path, "applied-migration-mode-changed", Severity::warning,
                  label(a) + " and only its file mode changed; Flyway does not notice"));
      return;
    }
    if (a.name.kind == MigrationKind::repeatable) return;  // Flyway re-runs a changed repeatable
    auto before_sum = compute_checksum(load(*a.file), base_name(a.file->path), a.project->settings, std::nullopt);
    auto after_sum = compute_checksum(load(after), base_name(after.path), a.project->settings, std::nullopt);
    if (before_sum.checksum && after_sum.checksum && *before_sum.checksum == *after_sum.checksum) {
      add(finding(a.file->path, "applied-migration-reformatted", Severity::warning,
                  label(a) + "; its bytes changed (line endings or BOM) but its Flyway checksum " +
                      std::to_string(*before_sum.checksum) + " did not, so Flyway will not notice"));
      return;
    }
    std::string sums = before_sum.checksum && after_sum.checksum
                           ? " (checksum " + std::to_string(*before_sum.checksum) + " -> " + std::to_string(*after_sum.checksum) + ")"
                           : "";
    add(finding(a.file->path, "applied-migration-modified", Severity::error,
                label(a) + " and its content changed" + sums +
                    ": Flyway fails validation with a checksum mismatch, and the database never gets the edit",
                "revert the edit and add a new migration " + next_migration(a.project) + " with the change instead"));
  }

  void check_new_versions() {
    for (const TreeFile& file : input_.result) {
      if (!changed_.count(file.path) || applied_.count(file.path) || renamed_applied_.count(file.path)) continue;
      const GateProject* project = project_of(file.path);
      const MigrationName* name = project && name_of(file.path, *project) ? &*name_of(file.path, *project) : nullptr;
      if (!name || name->kind != MigrationKind::versioned || !name->version) continue;
      auto highest = highest_applied_.find(project);
      if (highest == highest_applied_.end() || !(*name->version < highest->second)) continue;
      if (project->settings.out_of_order) continue;
      add(finding(file.path, "out-of-order-version", Severity::error,
                  "version " + name->version->display() + " is below the highest applied version " +
                      highest->second.display() +
                      ": Flyway ignores it (\"Detected resolved migration not applied to database\") unless outOfOrder=true",
                  "rename it to " + project->settings.naming.versioned_prefix +
                      flyway::suggest_next_version(highest->second) + project->settings.naming.separator +
                      name->description + " (spaces as _)"));
    }
  }

  void check_result_files() {
    std::map<const GateProject*, std::vector<NamedMigration>> named;
    for (const TreeFile& file : input_.result) {
      const GateProject* project = project_of(file.path);
      if (!project || !flyway::is_sql_candidate(base_name(file.path), project->settings.naming)) continue;
      if (const auto& name = name_of(file.path, *project)) named[project].push_back({file.path, &*name});
      if (input_.check_every_file || changed_.count(file.path)) lint(file, *project);
    }
    for (auto& [project, files] : named) {
      auto found = check_duplicates(files, [this](const NamedMigration& a, const NamedMigration& b) {
        return input_.check_every_file || changed_.count(a.path) || changed_.count(b.path);
      });
      result_.diagnostics.insert(result_.diagnostics.end(), found.begin(), found.end());
    }
  }

  void lint(const TreeFile& file, const GateProject& project) {
    ++result_.files_checked;
    result_.checked_paths.push_back(file.path);
    if (file.type == EntryType::symlink || file.type == EntryType::submodule || file.type == EntryType::other) {
      add(finding(file.path, "migration-not-a-file", Severity::error,
                  "a " + std::string(file.type == EntryType::symlink ? "symbolic link" : "submodule") +
                      " stands where a migration should be: flyguard judges what git stores, and Flyway on another "
                      "machine may not find its target",
                  "commit the migration as a regular file"));
      return;
    }
    FileCheckOptions options = project.lint;
    options.flyway = &project.settings;
    std::map<std::string, std::string> path_rules;
    if (project.path_rules && options.rule_severities) {
      const std::string relative = project.root.empty() ? file.path : file.path.substr(project.root.size() + 1);
      options.rule_severities = &rules_for_path(*project.path_rules, relative, path_rules);
    }
    std::string content = load(file);
    if (content.size() > options.max_file_size) {
      add(file_too_large(file.path, content.size(), options.max_file_size));
      return;
    }
    std::optional<std::string> sidecar;
    const std::string sidecar_path = file.path + ".conf";
    if (auto it = result_by_path_.find(sidecar_path); it != result_by_path_.end()) sidecar = load(*it->second);
    CheckedFile checked = check_file(file.path, base_name(file.path), content, options, sidecar);
    for (Diagnostic& d : checked.diagnostics) add(std::move(d));
  }
};

}  // namespace

bool is_gate_rule(const std::string& rule) { return kGateRules.count(rule) > 0; }

const GateProject* project_of(const std::vector<GateProject>& projects, std::string_view path) {
  const GateProject* best = nullptr;
  std::size_t best_length = 0;
  for (const GateProject& project : projects)
    for (const std::string& location : project.locations)
      if (util::is_within(path, location) && (!best || location.size() >= best_length)) {
        best = &project;
        best_length = location.size();
      }
  return best;
}

GateResult run_gate(const GateInput& input) { return Gate(input).run(); }

}  // namespace flyguard
