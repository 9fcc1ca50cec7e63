#pragma once
// Shared between the settings loaders (properties, TOML, environment); not part of the public API.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "flyway/settings.h"

namespace flyguard::flyway {

// true/false, case-insensitive, surrounding blanks ignored (Flyway's Boolean parsing is strict).
std::optional<bool> parse_bool(std::string_view text);
std::string to_lower(std::string_view text);
std::string trim(std::string_view text);
// Flyway's comma-separated lists: items trimmed, empty items dropped.
std::vector<std::string> split_list(std::string_view text);

// One configured value from any source, before it is checked against the setting's type.
struct SettingValue {
  std::variant<std::string, bool, std::vector<std::string>> value;
  std::string key;   // as the user wrote it, for messages: "flyway.outOfOrder", "FLYWAY_OUT_OF_ORDER"
  std::string file;  // config file, or "environment"
  int line = 0;
};

// Applies the camelCase setting `name` (e.g. "sqlMigrationPrefix"); false when flyguard does not use it.
bool apply_named_setting(FlywaySettings& settings, std::string_view name, const SettingValue& value,
                         std::vector<SettingsProblem>& problems);

// flyway.toml: `[flyway].environment`, or nullopt when unset or the text is not valid TOML.
std::optional<std::string> toml_environment_name(std::string_view text);

// Applies `[flyway]` and `[environments.<environment>]`; true when that environment is defined here.
bool apply_flyway_toml(std::string_view text, const std::string& file, const std::string& environment,
                       FlywaySettings& settings, std::vector<SettingsProblem>& problems);

}  // namespace flyguard::flyway
