#pragma once
// The immutability gate: judges a change from tree A to tree B of a repository against the set of
// migrations that are already applied. Knows nothing of git: trees arrive as file lists and changes.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.h"
#include "check/file_check.h"
#include "config/flyguard_config.h"
#include "flyway/settings.h"

namespace flyguard {

enum class EntryType { file, executable, symlink, submodule, other };

struct TreeFile {
  std::string path;  // repository-relative, '/'-separated
  EntryType type = EntryType::file;
  std::string id;    // content id: equal ids mean equal bytes
};

enum class ChangeType { added, deleted, modified, renamed, type_changed };

struct TreeChange {
  ChangeType type = ChangeType::modified;
  std::optional<TreeFile> before;
  std::optional<TreeFile> after;
};

// Reads a file's bytes (a blob), nullopt when the object is missing.
using ContentLoader = std::function<std::optional<std::string>(const TreeFile&)>;

struct GateProject {
  std::string root;                        // repository-relative, "" = the repository root
  flyway::FlywaySettings settings;
  std::vector<std::string> locations;      // repository-relative migration directories
  FileCheckOptions lint;                   // dialect, size limit, pg version (flyway pointer set by the gate)
  const FlyguardConfig* path_rules = nullptr;  // its [[paths]] rule settings; not owned
};

struct GateInput {
  std::vector<GateProject> projects;
  std::vector<TreeFile> applied;           // files of the applied tree inside the locations
  std::vector<TreeChange> changes;         // tree A -> tree B inside the locations
  std::vector<TreeFile> result;            // every file of tree B inside the locations
  ContentLoader load;
  bool enforce = true;                     // false: gate findings become warnings (unprotected branches)
  bool check_every_file = false;           // ci: names, duplicates and syntax of every file in tree B
  std::string applied_label = "the protected branch";  // where "applied" comes from, for messages
};

struct GateResult {
  std::vector<Diagnostic> diagnostics;
  std::size_t files_checked = 0;
  std::vector<std::string> checked_paths;
};

// Rule ids of gate findings: they ignore rule configuration and inline suppressions.
bool is_gate_rule(const std::string& rule);

GateResult run_gate(const GateInput& input);

// The project whose migration location holds `path` (the innermost location when they nest), or nullptr.
const GateProject* project_of(const std::vector<GateProject>& projects, std::string_view path);

}  // namespace flyguard
