#pragma once
// .flyguard.toml: flyguard's own configuration. Unknown keys are errors that name the key and file.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sql/dialect.h"

namespace flyguard {

enum class FailOn { error, warning, never };
std::optional<FailOn> parse_fail_on(std::string_view text);

struct ConfigProblem {
  std::string file;
  int line = 0;    // 1-based, 0 when unknown
  int column = 0;
  std::string message;
};

// [[paths]]: rule settings for the files that match one of `match` (globs relative to the project root).
struct PathRules {
  std::vector<std::string> match;
  std::map<std::string, std::string> rules;  // rule-id = "error" | "warning" | "off", over [rules]
};

struct FlyguardConfig {
  std::string source;                         // file it came from, "" = defaults
  std::optional<Dialect> dialect;             // dialect = "postgres" | "redshift"
  std::optional<FailOn> fail_on;              // fail_on = "error" | "warning" | "never"
  std::optional<int> pg_version;              // pg_version = 15 (target server major version)
  std::size_t max_file_size = 10u << 20;      // max_file_size = bytes; larger files get a diagnostic
  std::vector<std::string> locations;         // locations = ["filesystem:sql"]: overrides Flyway's
  std::vector<std::string> projects;          // projects = ["svc-a", "svc-b"]: several Flyway project roots
  std::vector<std::string> protected_branches{"main", "master"};  // protected_branches = [...] (globs)
  std::optional<std::string> start_after;     // start_after = "<version>": leave older migrations alone
  std::map<std::string, std::string> rules;   // [rules] rule-id = "error" | "warning" | "off"
  std::vector<PathRules> paths;               // [[paths]] blocks, in file order (later ones win)
  int override_line = 0;                      // line of an [override] table: server policy, ignored here
};

// The rule settings for a file at `relative_path` (from the project root): [rules] with every matching
// [[paths]] block applied in order. Returns config.rules itself when no block matches, else `storage`.
const std::map<std::string, std::string>& rules_for_path(const FlyguardConfig& config, std::string_view relative_path,
                                                         std::map<std::string, std::string>& storage);

// "file:line:column: message" lines, one per problem.
std::string format_problems(const std::vector<ConfigProblem>& problems);

// Parses the text of a .flyguard.toml. Returns nullopt (and problems) when it is invalid.
std::optional<FlyguardConfig> parse_flyguard_config(std::string_view text, const std::string& source_name,
                                                    std::vector<ConfigProblem>& problems);

}  // namespace flyguard
