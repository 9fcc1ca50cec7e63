#include "cli/gate_support.h"

#include <fnmatch.h>

#include <iostream>

#include "cli/commands.h"
#include "report/report.h"

namespace flyguard::cli {

namespace {

TrustedProjects expand(const Project& top, const ProjectSource& source, const ProjectOptions& options) {
  TrustedProjects trusted;
  trusted.config = top.config;
  trusted.projects = expand_projects_from(top, source, options);
  for (const Project& project : trusted.projects) {
    trusted.notes.insert(trusted.notes.end(), project.notes.begin(), project.notes.end());
    for (const flyway::Location& location : project.locations) {
      std::string root = project.root.generic_string();
      trusted.prefixes.push_back(root.empty() || root == "." ? location.directory : root + "/" + location.directory);
    }
  }
  return trusted;
}

EntryType entry_type(git::EntryKind kind) {
  switch (kind) {
    case git::EntryKind::file: return EntryType::file;
    case git::EntryKind::executable: return EntryType::executable;
    case git::EntryKind::symlink: return EntryType::symlink;
    case git::EntryKind::submodule: return EntryType::submodule;
    case git::EntryKind::other: return EntryType::other;
  }
  return EntryType::other;
}

ChangeType change_type(git::ChangeKind kind) {
  switch (kind) {
    case git::ChangeKind::added: return ChangeType::added;
    case git::ChangeKind::deleted: return ChangeType::deleted;
    case git::ChangeKind::modified: return ChangeType::modified;
    case git::ChangeKind::renamed: return ChangeType::renamed;
    case git::ChangeKind::type_changed: return ChangeType::type_changed;
  }
  return ChangeType::modified;
}

TreeFile tree_file(const git::Entry& entry) { return TreeFile{entry.path, entry_type(entry.kind), git::to_hex(entry.id)}; }

}  // namespace

TrustedProjects load_trusted_projects(const git::Repository& repo, const std::optional<git_oid>& tree,
                                      const std::optional<git_oid>& layout_tree, const ProjectOptions& options) {
  ProjectSource source;
  source.label = "";
  source.read = [&repo, tree](const std::string& path) -> std::optional<std::string> {
    if (!tree) return std::nullopt;
    return repo.read_file(*tree, path);
  };
  std::optional<git_oid> layout = tree ? tree : layout_tree;
  source.is_directory = [&repo, layout](const std::string& path) {
    return layout && repo.is_directory(*layout, path);
  };
  Project top = load_project_from(source, options);
  return expand(top, source, options);
}

TrustedProjects load_disk_projects(const std::filesystem::path& root, const ProjectOptions& options) {
  Project top = load_project(root, options);
  top.root = "";
  ProjectSource source{flyway::disk_reader(root),
                       [root](const std::string& path) {
                         std::error_code ec;
                         return std::filesystem::is_directory(root / path, ec);
                       },
                       ""};
  return expand(top, source, options);
}

std::vector<TreeFile> to_tree_files(const std::vector<git::Entry>& entries) {
  std::vector<TreeFile> out;
  out.reserve(entries.size());
  for (const git::Entry& entry : entries) out.push_back(tree_file(entry));
  return out;
}

std::vector<TreeChange> to_tree_changes(const std::vector<git::Change>& changes) {
  std::vector<TreeChange> out;
  for (const git::Change& change : changes) {
    TreeChange c{change_type(change.kind), std::nullopt, std::nullopt};
    if (change.before) c.before = tree_file(*change.before);
    if (change.after) c.after = tree_file(*change.after);
    out.push_back(std::move(c));
  }
  return out;
}

ContentLoader blob_loader(const git::Repository& repo) {
  return [&repo](const TreeFile& file) -> std::optional<std::string> {
    git_oid id;
    if (git_oid_fromstr(&id, file.id.c_str()) < 0) return std::nullopt;
    return repo.read_blob(id);
  };
}

std::vector<GateProject> gate_projects(const TrustedProjects& trusted) {
  std::vector<GateProject> out;
  for (const Project& project : trusted.projects) {
    GateProject gate;
    std::string root = project.root.generic_string();
    gate.root = root == "." ? "" : root;
    gate.settings = project.flyway;
    for (const flyway::Location& location : project.locations)
      gate.locations.push_back(gate.root.empty() ? location.directory : gate.root + "/" + location.directory);
    gate.lint = check_options(project);  // `trusted` outlives the gate run; the gate points flyway at its copy
    gate.path_rules = &project.config;
    out.push_back(std::move(gate));
  }
  return out;
}

std::optional<GateInput> tree_gate_input(const git::Repository& repo, const TrustedProjects& trusted,
                                         const std::optional<git_oid>& applied, const std::optional<git_oid>& from,
                                         const std::optional<git_oid>& to, bool skip_unchanged) {
  GateInput input;
  input.changes = to_tree_changes(repo.diff(from, to, trusted.prefixes));
  if (skip_unchanged && input.changes.empty()) return std::nullopt;
  input.projects = gate_projects(trusted);
  input.applied = to_tree_files(repo.list(applied, trusted.prefixes));
  input.result = to_tree_files(repo.list(to, trusted.prefixes));
  input.load = blob_loader(repo);
  return input;
}

void Verdict::add(std::vector<Diagnostic> findings, const std::string& label) {
  for (Diagnostic& d : findings) {
    if (!label.empty()) d.message = label + ": " + d.message;
    if (d.severity == Severity::error) refused = true;
    diagnostics.push_back(std::move(d));
  }
}

bool matches_any(const std::string& branch, const std::vector<std::string>& patterns) {
  for (const std::string& pattern : patterns)
    if (fnmatch(pattern.c_str(), branch.c_str(), 0) == 0) return true;
  return false;
}

std::optional<std::string> protected_ref(const git::Repository& repo, const std::vector<std::string>& patterns,
                                         bool prefer_remote) {
  for (const std::string& pattern : patterns) {
    if (pattern.find_first_of("*?[") != std::string::npos) continue;
    std::vector<std::string> candidates = {"refs/heads/" + pattern};
    if (prefer_remote) candidates.insert(candidates.begin(), "refs/remotes/origin/" + pattern);
    for (const std::string& ref : candidates)
      if (repo.resolve_commit(ref)) return ref;
  }
  return std::nullopt;
}

void Verdict::count(const GateResult& result) {
  files += result.files_checked;
  checked.insert(checked.end(), result.checked_paths.begin(), result.checked_paths.end());
}

int print_verdict(const Verdict& verdict, const OutputArgs& output, const std::string& closing) {
  std::vector<Diagnostic> diagnostics = verdict.diagnostics;
  sort_diagnostics(diagnostics);
  report::ReportInput input{diagnostics, report::summarize(diagnostics, verdict.files), {}};
  for (const std::string& path : verdict.checked) input.files.push_back({path, "", std::nullopt});
  if (!emit_report(output, input, closing, true)) return kUsageOrInternal;
  return verdict.refused ? 1 : 0;
}

}  // namespace flyguard::cli
