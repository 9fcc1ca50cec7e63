#pragma once
// Flyway's own configuration as flyguard needs it: flyway.conf / flyway.toml (project root or conf/),
// overridden by FLYWAY_* environment variables, as Flyway does.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flyway/naming.h"
#include "flyway/placeholders.h"

namespace flyguard::flyway {

using Environment = std::map<std::string, std::string>;
Environment current_environment();

// Reads a file of the project by its '/'-separated path relative to the project root; nullopt when
// absent. Lets the same loader read a directory on disk or (later) a git tree.
using FileReader = std::function<std::optional<std::string>(const std::string& relative_path)>;
FileReader disk_reader(const std::filesystem::path& project_root);

struct SettingsProblem {
  std::string file;  // config file, or "environment"
  int line = 0;      // 1-based, 0 when unknown
  std::string message;
};

struct FlywaySettings {
  std::vector<std::string> locations;  // as configured ("filesystem:sql", "classpath:db/migration", "sql"); empty = unset
  std::string locations_source;        // file (or "environment") that set `locations`, for problems about them
  NamingConventions naming;
  PlaceholderSettings placeholders;
  bool out_of_order = false;
  std::vector<std::string> ignore_migration_patterns{"*:future"};  // <type>:<state>, validated
  bool validate_migration_naming = false;
  bool execute_in_transaction = true;
  bool mixed = false;
  bool postgresql_transactional_lock = true;  // postgresql.transactional.lock: Flyway's lock in a transaction
  bool group = false;
  std::string encoding = "UTF-8";
  std::optional<std::string> url;
  std::optional<std::string> user;
  std::optional<std::string> password;  // never printed
  std::vector<std::string> schemas;
  std::optional<std::string> default_schema;
  std::string table = "flyway_schema_history";
  std::vector<std::string> sources;  // what was read, in order: "flyway.conf", "conf/flyway.toml", "environment"
};

// flyway.conf (Java properties, keys `flyway.*`) and flyway.toml (`[flyway]` table, `[environments.*]`
// url/user/schemas) from the project root and conf/, then FLYWAY_* variables, which win.
// Precedence, later wins: conf/flyway.conf, conf/flyway.toml, flyway.conf, flyway.toml, environment.
// The TOML environment is FLYWAY_ENVIRONMENT, else the last `[flyway] environment`, else "default".
// Unknown flyway.* keys are ignored (Flyway has hundreds); malformed values are problems.
FlywaySettings load_flyway_settings(const FileReader& read, const Environment& env,
                                    std::vector<SettingsProblem>& problems);

// Whether ignoreMigrationPatterns (FlywaySettings::ignore_migration_patterns) ignore migrations of this
// kind in this state ("missing", "ignored", "pending", "future"), as flyway validate does.
bool ignores_migrations(const std::vector<std::string>& patterns, bool repeatable, std::string_view state);

// A configured location resolved to a directory relative to the project root ('/'-separated,
// "" = the root itself). Wildcard locations keep their pattern for the scanner.
struct Location {
  std::string configured;  // as written
  std::string directory;   // e.g. "sql", "src/main/resources/db/migration"
};

// Maps configured locations: filesystem:<p> -> p; classpath:<p> and bare <p> -> src/main/resources/<p>;
// other schemes (s3:, gcs:) become problems. With no locations configured, the existing ones of
// sql/, db/migration/ and src/main/resources/db/migration/ (is_directory tells which exist).
// As in Flyway, duplicates and locations inside another location are dropped.
std::vector<Location> resolve_locations(const FlywaySettings& settings,
                                        const std::function<bool(const std::string&)>& is_directory,
                                        std::vector<SettingsProblem>& problems);

// A file found in a location.
struct DiscoveredFile {
  std::filesystem::path path;   // on disk
  std::string display_path;     // relative to the project root when possible, as shown to users
  std::string script;           // relative to the location root, '/'-separated: Flyway's `script` column
  bool is_symlink = false;
};

// Recursively lists the regular files (symlinks followed, as Flyway does) under a location directory,
// skipping hidden directories, sorted like Flyway. Non-candidate files are included; callers filter.
std::vector<DiscoveredFile> scan_location(const std::filesystem::path& project_root, const Location& location);

// A `<migration>.conf` sidecar file (Java properties).
struct ScriptConfig {
  std::optional<bool> execute_in_transaction;
  std::optional<bool> placeholder_replacement;
  std::optional<std::string> encoding;
};
// Unknown keys and non-boolean values are problems with Flyway's messages.
ScriptConfig parse_script_config(std::string_view text, const std::string& file_name,
                                 std::vector<SettingsProblem>& problems);

// Java .properties parsing shared by flyway.conf and .sql.conf: key -> (value, 1-based line).
std::map<std::string, std::pair<std::string, int>> parse_properties(std::string_view text);

}  // namespace flyguard::flyway
