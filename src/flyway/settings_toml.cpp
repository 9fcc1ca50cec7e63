// flyway.toml: the `[flyway]` table (same camelCase keys as flyway.conf), `[flyway.placeholders]`, and
// the selected `[environments.<name>]` (url, user, schemas, and an optional nested `flyway` table).
#include <sstream>

#include <toml++/toml.h>

#include "flyway/settings.h"
#include "flyway/settings_internal.h"

namespace flyguard::flyway {
namespace {

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

std::optional<toml::table> parse_toml(std::string_view text, const std::string& file,
                                      std::vector<SettingsProblem>* problems) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    if (problems != nullptr) {
      problems->push_back({file, static_cast<int>(error.source().begin.line),
                           "invalid TOML: " + std::string(error.description())});
    }
    return std::nullopt;
  }
}

// Placeholder values are text to Flyway; numbers and booleans written bare in TOML mean the same text.
std::optional<std::string> scalar_text(const toml::node& node) {
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* i = node.as_integer()) return std::to_string(i->get());
  if (const auto* b = node.as_boolean()) return b->get() ? "true" : "false";
  if (const auto* f = node.as_floating_point()) {
    std::ostringstream out;
    out << f->get();
    return out.str();
  }
  return std::nullopt;
}

// Converts a TOML value to the loose form the shared setters check; nullopt for tables and
// arrays holding anything but strings.
std::optional<SettingValue> to_setting_value(const toml::node& node, const std::string& key, const std::string& file) {
  SettingValue value{std::string(), key, file, line_of(node)};
  if (const auto* b = node.as_boolean()) {
    value.value = b->get();
  } else if (const auto* array = node.as_array()) {
    std::vector<std::string> items;
    for (const auto& element : *array) {
      const auto* s = element.as_string();
      if (s == nullptr) return std::nullopt;
      items.push_back(s->get());
    }
    value.value = std::move(items);
  } else if (auto text = scalar_text(node)) {
    value.value = std::move(*text);
  } else {
    return std::nullopt;
  }
  return value;
}

void apply_placeholders(const toml::node& node, const std::string& prefix, const std::string& file,
                        FlywaySettings& settings, std::vector<SettingsProblem>& problems) {
  const auto* table = node.as_table();
  if (table == nullptr) {
    problems.push_back({file, line_of(node), "invalid value for " + prefix + ": expected a table"});
    return;
  }
  for (const auto& [name, value] : *table) {
    if (auto text = scalar_text(value)) {
      settings.placeholders.values[to_lower(name.str())] = std::move(*text);
    } else {
      problems.push_back({file, line_of(value),
                          "invalid value for " + prefix + "." + std::string(name.str()) + ": expected a string"});
    }
  }
}

// `prefix` is the dotted TOML path of `table`, used to name keys in messages.
void apply_flyway_table(const toml::table& table, const std::string& prefix, const std::string& file,
                        FlywaySettings& settings, std::vector<SettingsProblem>& problems) {
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    const std::string dotted = prefix + "." + name;
    if (name == "placeholders") {
      apply_placeholders(node, dotted, file, settings, problems);
      continue;
    }
    // [flyway.postgresql] transactional.lock = false, the same as [flyway.postgresql.transactional] lock = false.
    if (name == "postgresql" && node.is_table()) {
      if (const toml::node* lock = node.as_table()->at_path("transactional.lock").node()) {
        if (auto value = to_setting_value(*lock, dotted + ".transactional.lock", file))
          apply_named_setting(settings, "postgresql.transactional.lock", *value, problems);
      }
      continue;
    }
    auto value = to_setting_value(node, dotted, file);
    if (value) {
      apply_named_setting(settings, name, *value, problems);
    } else if (node.is_array()) {
      problems.push_back({file, line_of(node), "invalid value for " + dotted + ": expected a list of strings"});
    }
    // Other tables under [flyway] (e.g. [flyway.postgresql]) hold settings flyguard does not use.
  }
}

void apply_environment_table(const toml::table& env, const std::string& prefix, const std::string& file,
                             FlywaySettings& settings, std::vector<SettingsProblem>& problems) {
  for (const char* name : {"url", "user", "password", "schemas"}) {
    const toml::node* node = env.get(name);
    if (node == nullptr) continue;
    const std::string dotted = prefix + "." + name;
    if (auto value = to_setting_value(*node, dotted, file)) {
      apply_named_setting(settings, name, *value, problems);
    } else {
      problems.push_back({file, line_of(*node), "invalid value for " + dotted + ": expected a string"});
    }
  }
  if (const toml::node* nested = env.get("flyway")) {
    if (const auto* table = nested->as_table()) {
      apply_flyway_table(*table, prefix + ".flyway", file, settings, problems);
    }
  }
}

}  // namespace

std::optional<std::string> toml_environment_name(std::string_view text) {
  const auto root = parse_toml(text, "flyway.toml", nullptr);
  if (!root) return std::nullopt;
  if (auto name = (*root)["flyway"]["environment"].value<std::string>(); name && !trim(*name).empty()) {
    return trim(*name);
  }
  return std::nullopt;
}

bool apply_flyway_toml(std::string_view text, const std::string& file, const std::string& environment,
                       FlywaySettings& settings, std::vector<SettingsProblem>& problems) {
  const auto root = parse_toml(text, file, &problems);
  if (!root) return false;
  if (const toml::node* flyway = root->get("flyway")) {
    if (const auto* table = flyway->as_table()) apply_flyway_table(*table, "flyway", file, settings, problems);
    else problems.push_back({file, line_of(*flyway), "invalid value for flyway: expected a table"});
  }
  // Indexing (not at_path) because an environment name may itself contain dots.
  const toml::node* env = (*root)["environments"][environment].node();
  if (env == nullptr) return false;
  const auto* table = env->as_table();
  if (table == nullptr) {
    problems.push_back({file, line_of(*env), "invalid value for environments." + environment + ": expected a table"});
    return false;
  }
  apply_environment_table(*table, "environments." + environment, file, settings, problems);
  return true;
}

}  // namespace flyguard::flyway
