#include "config/server_config.h"

#include <toml++/toml.h>

namespace flyguard {

namespace {

struct Reader {
  const std::string& file;
  std::vector<ConfigProblem>& problems;

  void problem(const toml::source_region& where, const std::string& message) {
    problems.push_back({file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), message});
  }

  std::optional<std::vector<std::string>> strings(const toml::node& node, const std::string& key) {
    const toml::array* array = node.as_array();
    std::vector<std::string> out;
    bool ok = array != nullptr;
    if (array)
      for (const toml::node& item : *array) {
        if (const auto* text = item.as_string()) out.push_back(text->get());
        else ok = false;
      }
    if (!ok) problem(node.source(), "'" + key + "' in " + file + " must be an array of strings");
    return ok ? std::optional(out) : std::nullopt;
  }

  std::optional<std::string> string(const toml::node& node, const std::string& key) {
    if (const auto* text = node.as_string(); text && !text->get().empty()) return text->get();
    problem(node.source(), "'" + key + "' in " + file + " must be a non-empty string");
    return std::nullopt;
  }

  void override_table(const toml::node& node, ServerConfig& config) {
    const toml::table* table = node.as_table();
    if (!table) return problem(node.source(), "'override' in " + file + " must be a table");
    for (const auto& [key, value] : *table) {
      std::string name(key.str());
      if (name == "allowed_users") {
        if (auto users = strings(value, "override.allowed_users")) config.override_users = *users;
      } else if (name == "audit_log") {
        config.audit_log = string(value, "override.audit_log");
      } else if (name == "identity_env") {
        config.identity_env = string(value, "override.identity_env");
      } else {
        problem(key.source(), "unknown key 'override." + name + "' in " + file +
                                  " (known keys: allowed_users, audit_log, identity_env)");
      }
    }
  }

  void top_level(const std::string& name, const toml::node& value, ServerConfig& config, const toml::key& key) {
    if (name == "protected_branches") {
      config.protected_branches = strings(value, name);
    } else if (name == "gate") {
      auto text = string(value, name);
      if (text == "all") config.gate = GateScope::all_branches;
      else if (text == "protected") config.gate = GateScope::protected_branches;
      else if (text) problem(value.source(), "'gate' in " + file + " must be \"protected\" or \"all\"");
    } else if (name == "override") {
      override_table(value, config);
    } else {
      problem(key.source(), "unknown key '" + name + "' in " + file + " (known keys: protected_branches, gate, override)");
    }
  }
};

}  // namespace

std::optional<ServerConfig> parse_server_config(std::string_view text, const std::string& source_name,
                                                std::vector<ConfigProblem>& problems) {
  Reader reader{source_name, problems};
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& error) {
    reader.problem(error.source(), "invalid TOML in " + source_name + ": " + std::string(error.description()));
    return std::nullopt;
  }
  std::size_t before = problems.size();
  ServerConfig config;
  config.source = source_name;
  for (const auto& [key, value] : root) reader.top_level(std::string(key.str()), value, config, key);
  if (problems.size() != before) return std::nullopt;
  return config;
}

}  // namespace flyguard
