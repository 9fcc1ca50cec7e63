#pragma once
// Glue between the git layer and the gate: trusted configuration read from a tree, trees and diffs
// turned into the gate's input, and the verdict printed. Shared by pre-commit, pre-push,
// pre-receive and ci.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "check/gate.h"
#include "check/project.h"
#include "cli/output.h"
#include "config/server_config.h"
#include "git/repository.h"

namespace flyguard::cli {

struct TrustedProjects {
  std::vector<Project> projects;
  std::vector<std::string> prefixes;  // repository-relative migration directories of every project
  FlyguardConfig config;              // the top-level .flyguard.toml
  std::vector<Diagnostic> notes;
};

// Reads .flyguard.toml and Flyway's configuration from `tree` (never from the commits being judged).
// Without a tree (an empty repository), defaults are used and `layout_tree` tells which default
// locations exist.
TrustedProjects load_trusted_projects(const git::Repository& repo, const std::optional<git_oid>& tree,
                                      const std::optional<git_oid>& layout_tree, const ProjectOptions& options);
// Reads the configuration from the working tree (local hooks: advisory, the user's own files).
TrustedProjects load_disk_projects(const std::filesystem::path& root, const ProjectOptions& options);

std::vector<TreeFile> to_tree_files(const std::vector<git::Entry>& entries);
std::vector<TreeChange> to_tree_changes(const std::vector<git::Change>& changes);
ContentLoader blob_loader(const git::Repository& repo);
std::vector<GateProject> gate_projects(const TrustedProjects& trusted);

// Protected branch names and globs (fnmatch): server policy first, then the trusted .flyguard.toml.
bool matches_any(const std::string& branch, const std::vector<std::string>& patterns);

// The first protected branch (a plain name, not a glob) this repository has, as a ref to resolve.
std::optional<std::string> protected_ref(const git::Repository& repo, const std::vector<std::string>& patterns,
                                         bool prefer_remote);

// The gate's input for a change from tree `from` to tree `to`, with the migrations of `applied` as the
// applied set. With `skip_unchanged`, nullopt when nothing in the locations changed (nothing else is read).
std::optional<GateInput> tree_gate_input(const git::Repository& repo, const TrustedProjects& trusted,
                                         const std::optional<git_oid>& applied, const std::optional<git_oid>& from,
                                         const std::optional<git_oid>& to, bool skip_unchanged);

struct Verdict {
  std::vector<Diagnostic> diagnostics;
  std::size_t files = 0;
  std::vector<std::string> checked;  // paths of the files the gate checked
  bool refused = false;

  // Counts the files a gate run checked.
  void count(const GateResult& result);
  // Adds findings (each message prefixed with `label`, when given); any error refuses.
  void add(std::vector<Diagnostic> findings, const std::string& label = "");
};

// Reports the diagnostics (cli/output.h) and returns 1 when refused, 0 when not, 2 when the report
// file cannot be written.
int print_verdict(const Verdict& verdict, const OutputArgs& output, const std::string& closing);

}  // namespace flyguard::cli
