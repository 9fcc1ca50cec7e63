// Loads Flyway's own configuration: flyway.conf / flyway.toml, then FLYWAY_* environment variables.
//
// Precedence (later wins): conf/flyway.conf, conf/flyway.toml, flyway.conf, flyway.toml, environment.
// conf/ comes first because it is the Flyway install directory's config, which the project-level file
// refines (Flyway reads <install>/conf before the working directory). Within one directory the TOML
// file wins because it is the format Flyway 10+ prefers. Flyway itself ignores the .conf files once any
// TOML file exists; merging both instead means a half-migrated project still gets its settings.
#include <array>
#include <set>
#include <cctype>
#include <iterator>
#include <system_error>

#include "util/ascii.h"
#include "util/file.h"
#include "flyway/settings.h"
#include "flyway/settings_internal.h"

extern char** environ;

namespace flyguard::flyway {
namespace {

using TextSetter = void (*)(FlywaySettings&, std::string);
using FlagSetter = void (*)(FlywaySettings&, bool);
using ListSetter = void (*)(FlywaySettings&, std::vector<std::string>);

struct Spec {
  std::string_view name;  // camelCase, as in flyway.conf after "flyway." and in [flyway]
  std::variant<TextSetter, FlagSetter, ListSetter> set;
};

using S = FlywaySettings;
using Str = std::string;
using List = std::vector<std::string>;

const std::array<Spec, 26>& specs() {
  static const std::array<Spec, 26> table{{
      {"locations", ListSetter{[](S& s, List v) { s.locations = std::move(v); }}},
      {"url", TextSetter{[](S& s, Str v) { s.url = std::move(v); }}},
      {"user", TextSetter{[](S& s, Str v) { s.user = std::move(v); }}},
      {"password", TextSetter{[](S& s, Str v) { s.password = std::move(v); }}},
      {"schemas", ListSetter{[](S& s, List v) { s.schemas = std::move(v); }}},
      {"defaultSchema", TextSetter{[](S& s, Str v) { s.default_schema = std::move(v); }}},
      {"table", TextSetter{[](S& s, Str v) { s.table = std::move(v); }}},
      {"sqlMigrationPrefix", TextSetter{[](S& s, Str v) { s.naming.versioned_prefix = std::move(v); }}},
      {"undoSqlMigrationPrefix", TextSetter{[](S& s, Str v) { s.naming.undo_prefix = std::move(v); }}},
      {"repeatableSqlMigrationPrefix", TextSetter{[](S& s, Str v) { s.naming.repeatable_prefix = std::move(v); }}},
      {"baselineMigrationPrefix", TextSetter{[](S& s, Str v) { s.naming.baseline_prefix = std::move(v); }}},
      {"sqlMigrationSeparator", TextSetter{[](S& s, Str v) { s.naming.separator = std::move(v); }}},
      {"sqlMigrationSuffixes", ListSetter{[](S& s, List v) { s.naming.suffixes = std::move(v); }}},
      {"placeholderPrefix", TextSetter{[](S& s, Str v) { s.placeholders.prefix = std::move(v); }}},
      {"placeholderSuffix", TextSetter{[](S& s, Str v) { s.placeholders.suffix = std::move(v); }}},
      {"placeholderSeparator", TextSetter{[](S& s, Str v) { s.placeholders.separator = std::move(v); }}},
      {"placeholderReplacement", FlagSetter{[](S& s, bool v) { s.placeholders.enabled = v; }}},
      {"outOfOrder", FlagSetter{[](S& s, bool v) { s.out_of_order = v; }}},
      {"ignoreMigrationPatterns", ListSetter{[](S& s, List v) { s.ignore_migration_patterns = std::move(v); }}},
      {"validateMigrationNaming", FlagSetter{[](S& s, bool v) { s.validate_migration_naming = v; }}},
      {"executeInTransaction", FlagSetter{[](S& s, bool v) { s.execute_in_transaction = v; }}},
      {"mixed", FlagSetter{[](S& s, bool v) { s.mixed = v; }}},
      {"group", FlagSetter{[](S& s, bool v) { s.group = v; }}},
      {"postgresql.transactional.lock", FlagSetter{[](S& s, bool v) { s.postgresql_transactional_lock = v; }}},
      {"encoding", TextSetter{[](S& s, Str v) { s.encoding = std::move(v); }}},
      {"environment", TextSetter{[](S&, Str) {}}},  // read up front: it selects the environment
  }};
  return table;
}

// sqlMigrationPrefix -> FLYWAY_SQL_MIGRATION_PREFIX, postgresql.transactional.lock ->
// FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK: Flyway's environment variable naming.
std::string env_name(std::string_view camel) {
  std::string out = "FLYWAY_";
  for (const char c : camel) {
    if (c == '.') {
      out += '_';
      continue;
    }
    if (std::isupper(static_cast<unsigned char>(c))) out += '_';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

void type_problem(const SettingValue& value, std::string_view expected, std::vector<SettingsProblem>& problems) {
  problems.push_back(
      {value.file, value.line, "invalid value for " + value.key + ": expected " + std::string(expected)});
}

void apply_text(FlywaySettings& s, TextSetter set, const SettingValue& value, std::vector<SettingsProblem>& problems) {
  if (const auto* text = std::get_if<std::string>(&value.value)) set(s, *text);
  else type_problem(value, "a string", problems);
}

void apply_flag(FlywaySettings& s, FlagSetter set, const SettingValue& value, std::vector<SettingsProblem>& problems) {
  if (const auto* flag = std::get_if<bool>(&value.value)) {
    set(s, *flag);
  } else if (const auto* text = std::get_if<std::string>(&value.value); text && parse_bool(*text)) {
    set(s, *parse_bool(*text));
  } else {
    const std::string shown = text ? " (got '" + *text + "')" : "";
    problems.push_back({value.file, value.line,
                        "invalid value for " + value.key + ": expected true or false" + shown});
  }
}

std::optional<std::vector<std::string>> as_list(const SettingValue& value) {
  if (const auto* text = std::get_if<std::string>(&value.value)) return split_list(*text);
  if (const auto* list = std::get_if<std::vector<std::string>>(&value.value)) {
    std::vector<std::string> items;
    for (const auto& item : *list) {
      if (auto trimmed = trim(item); !trimmed.empty()) items.push_back(std::move(trimmed));
    }
    return items;
  }
  return std::nullopt;
}

void apply_list(FlywaySettings& s, std::string_view name, ListSetter set, const SettingValue& value,
                std::vector<SettingsProblem>& problems) {
  auto items = as_list(value);
  if (!items) return type_problem(value, "a comma-separated string or a list of strings", problems);
  // Without a suffix no file could ever be a migration; keeping the previous suffixes is safer.
  if (name == "sqlMigrationSuffixes" && items->empty()) return type_problem(value, "at least one suffix", problems);
  set(s, std::move(*items));
}

void apply_conf(std::string_view text, const std::string& file, FlywaySettings& settings,
                std::vector<SettingsProblem>& problems) {
  static constexpr std::string_view kPlaceholders = "flyway.placeholders.";
  static constexpr std::string_view kFlyway = "flyway.";
  for (const auto& [key, entry] : parse_properties(text)) {
    const std::string_view k = key;
    if (k.starts_with(kPlaceholders) && k.size() > kPlaceholders.size()) {
      settings.placeholders.values[to_lower(k.substr(kPlaceholders.size()))] = entry.first;
    } else if (k.starts_with(kFlyway)) {
      apply_named_setting(settings, k.substr(kFlyway.size()), {entry.first, key, file, entry.second}, problems);
    }
  }
}

bool apply_environment(const Environment& env, FlywaySettings& settings, std::vector<SettingsProblem>& problems) {
  bool used = false;
  for (const auto& spec : specs()) {
    const std::string name = env_name(spec.name);
    if (const auto it = env.find(name); it != env.end()) {
      used = apply_named_setting(settings, spec.name, {it->second, name, "environment", 0}, problems) || used;
    }
  }
  static constexpr std::string_view kPlaceholders = "FLYWAY_PLACEHOLDERS_";
  for (const auto& [name, value] : env) {
    const std::string_view n = name;
    if (n.starts_with(kPlaceholders) && n.size() > kPlaceholders.size()) {
      settings.placeholders.values[to_lower(n.substr(kPlaceholders.size()))] = value;
      used = true;
    }
  }
  return used;
}

// Flyway's docs spell this variable in lower case; accept both spellings.
std::optional<std::string> environment_from_env(const Environment& env) {
  for (const char* name : {"FLYWAY_ENVIRONMENT", "flyway_environment"}) {
    if (const auto it = env.find(name); it != env.end() && !trim(it->second).empty()) return trim(it->second);
  }
  return std::nullopt;
}

}  // namespace

std::optional<bool> parse_bool(std::string_view text) {
  const std::string lowered = to_lower(trim(text));
  if (lowered == "true") return true;
  if (lowered == "false") return false;
  return std::nullopt;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (auto item = trim(text.substr(start, end - start)); !item.empty()) items.push_back(std::move(item));
    start = end + 1;
  }
  return items;
}

bool apply_named_setting(FlywaySettings& settings, std::string_view name, const SettingValue& value,
                         std::vector<SettingsProblem>& problems) {
  for (const auto& spec : specs()) {
    if (spec.name != name) continue;
    if (const auto* text = std::get_if<TextSetter>(&spec.set)) apply_text(settings, *text, value, problems);
    else if (const auto* flag = std::get_if<FlagSetter>(&spec.set)) apply_flag(settings, *flag, value, problems);
    else apply_list(settings, name, std::get<ListSetter>(spec.set), value, problems);
    if (name == "locations") settings.locations_source = value.file;
    return true;
  }
  return false;
}

namespace {

// Flyway's ValidatePattern: <migration type>:<migration state>, both case-insensitive.
void check_ignore_patterns(const FlywaySettings& settings, std::vector<SettingsProblem>& problems) {
  static const std::set<std::string> types{"*", "repeatable", "versioned"};
  static const std::set<std::string> states{"*", "missing", "pending", "ignored", "future"};
  for (const std::string& pattern : settings.ignore_migration_patterns) {
    const std::size_t colon = pattern.find(':');
    const bool valid = colon != std::string::npos && types.count(util::ascii_lower(pattern.substr(0, colon))) &&
                       states.count(util::ascii_lower(pattern.substr(colon + 1)));
    if (!valid)
      problems.push_back({"ignoreMigrationPatterns", 0,
                          "Invalid pattern '" + pattern +
                              "'. Pattern must be of the form <migration_type>:<migration_state> (types *, "
                              "repeatable, versioned; states *, missing, pending, ignored, future)"});
  }
}

}  // namespace

bool ignores_migrations(const std::vector<std::string>& patterns, bool repeatable, std::string_view state) {
  for (const std::string& pattern : patterns) {
    const std::size_t colon = pattern.find(':');
    if (colon == std::string::npos) continue;
    const std::string type = util::ascii_lower(pattern.substr(0, colon));
    const std::string wanted = util::ascii_lower(pattern.substr(colon + 1));
    if ((type == "*" || type == (repeatable ? "repeatable" : "versioned")) && (wanted == "*" || wanted == state))
      return true;
  }
  return false;
}

FlywaySettings load_flyway_settings(const FileReader& read, const Environment& env,
                                    std::vector<SettingsProblem>& problems) {
  static constexpr std::array<std::string_view, 4> kFiles{"conf/flyway.conf", "conf/flyway.toml", "flyway.conf",
                                                          "flyway.toml"};
  std::array<std::optional<std::string>, kFiles.size()> texts;
  // The environment must be known before any TOML file is applied, and a later file may name it.
  std::optional<std::string> environment = environment_from_env(env);
  std::string environment_origin = environment ? "environment" : "";
  for (std::size_t i = 0; i < kFiles.size(); ++i) {
    texts[i] = read(std::string(kFiles[i]));
    if (texts[i] && kFiles[i].ends_with(".toml") && environment_origin != "environment") {
      if (auto name = toml_environment_name(*texts[i])) {
        environment = std::move(name);
        environment_origin = kFiles[i];
      }
    }
  }
  FlywaySettings settings;
  bool environment_found = false;
  bool any_toml = false;
  for (std::size_t i = 0; i < kFiles.size(); ++i) {
    if (!texts[i]) continue;
    const std::string file(kFiles[i]);
    settings.sources.push_back(file);
    if (file.ends_with(".conf")) {
      apply_conf(*texts[i], file, settings, problems);
    } else {
      any_toml = true;
      environment_found =
          apply_flyway_toml(*texts[i], file, environment.value_or("default"), settings, problems) || environment_found;
    }
  }
  if (environment && any_toml && !environment_found) {
    problems.push_back({environment_origin, 0,
                        "environment '" + *environment + "' is selected but no [environments." + *environment +
                            "] table is defined"});
  }
  if (apply_environment(env, settings, problems)) settings.sources.emplace_back("environment");
  check_ignore_patterns(settings, problems);
  return settings;
}

Environment current_environment() {
  Environment env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
  }
  return env;
}

FileReader disk_reader(const std::filesystem::path& project_root) {
  return [project_root](const std::string& relative_path) -> std::optional<std::string> {
    const std::filesystem::path path = project_root / std::filesystem::path(relative_path);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    return util::read_file(path);
  };
}

}  // namespace flyguard::flyway
