// .flyguard.toml. Strict on purpose: a misspelt key silently ignored would leave a rule on (or off)
// that the team believes they changed, so every unknown key or bad value is a problem with a position.
#include "config/flyguard_config.h"

#include <algorithm>
#include <array>
#include <sstream>

#include <toml++/toml.h>

#include "flyway/version.h"
#include "util/glob.h"

namespace flyguard {
namespace {

constexpr std::string_view kFileLabel = ".flyguard.toml";

struct Context {
  const std::string& file;
  std::vector<ConfigProblem>& problems;

  void add(const toml::source_region& where, std::string message) {
    problems.push_back({file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column),
                        std::move(message)});
  }
};

// "got \"mysql\"" or "got integer": enough for the user to spot the typo.
std::string got(const toml::node& node) {
  if (const auto* text = node.as_string()) return "got \"" + text->get() + "\"";
  std::ostringstream out;
  out << "got " << node.type();
  if (const auto* number = node.as_integer()) out << " " << number->get();
  return out.str();
}

void bad_value(Context& ctx, std::string_view key, const toml::node& node, std::string_view expected) {
  ctx.add(node.source(), "invalid value for '" + std::string(key) + "' in " + std::string(kFileLabel) +
                             ": expected " + std::string(expected) + ", " + got(node));
}

void read_dialect(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  const auto* text = node.as_string();
  const auto dialect = text != nullptr ? parse_dialect(text->get()) : std::nullopt;
  if (!dialect) return bad_value(ctx, "dialect", node, "\"postgres\" or \"redshift\"");
  config.dialect = dialect;
}

void read_fail_on(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  const auto* text = node.as_string();
  const auto fail_on = text != nullptr ? parse_fail_on(text->get()) : std::nullopt;
  if (!fail_on) return bad_value(ctx, "fail_on", node, "\"error\", \"warning\" or \"never\"");
  config.fail_on = fail_on;
}

void read_pg_version(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  const auto* number = node.as_integer();
  if (number == nullptr || number->get() < 9 || number->get() > 18) {
    return bad_value(ctx, "pg_version", node, "an integer from 9 to 18");
  }
  config.pg_version = static_cast<int>(number->get());
}

void read_max_file_size(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  const auto* number = node.as_integer();
  if (number == nullptr || number->get() <= 0) {
    return bad_value(ctx, "max_file_size", node, "a positive integer (bytes)");
  }
  config.max_file_size = static_cast<std::size_t>(number->get());
}

std::optional<std::vector<std::string>> string_array(Context& ctx, std::string_view key, const toml::node& node) {
  const auto* array = node.as_array();
  if (array == nullptr) {
    bad_value(ctx, key, node, "an array of strings");
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (const auto& element : *array) {
    const auto* text = element.as_string();
    if (text == nullptr) {
      bad_value(ctx, key, element, "an array of strings");
      return std::nullopt;
    }
    items.push_back(text->get());
  }
  return items;
}

void read_locations(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  if (auto items = string_array(ctx, "locations", node)) config.locations = std::move(*items);
}

void read_projects(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  if (auto items = string_array(ctx, "projects", node)) config.projects = std::move(*items);
}

void read_protected_branches(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  if (auto items = string_array(ctx, "protected_branches", node)) config.protected_branches = std::move(*items);
}

void read_start_after(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  const auto* text = node.as_string();
  if (text == nullptr) return bad_value(ctx, "start_after", node, "a Flyway version string such as \"1.2\"");
  std::string reason;
  if (!flyway::MigrationVersion::parse(text->get(), &reason)) {
    return ctx.add(node.source(), "invalid value for 'start_after' in " + std::string(kFileLabel) +
                                      ": expected a Flyway version such as \"1.2\", " + got(node) +
                                      (reason.empty() ? "" : " (" + reason + ")"));
  }
  config.start_after = text->get();
}

// Rule ids are kebab-case; catching `no_drop` or `NoDrop` here gives a clearer message than
// "unknown rule" later.
bool is_kebab_case(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-' || id.find("--") != std::string_view::npos) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// A table of rule-id = severity, as [rules] and the `rules` of [[paths]] have.
void read_rule_table(Context& ctx, const toml::node& node, std::string_view key_name,
                     std::map<std::string, std::string>& out) {
  const auto* table = node.as_table();
  if (table == nullptr)
    return bad_value(ctx, key_name, node, "a table of rule-id = \"error\" | \"warning\" | \"off\"");
  for (const auto& [key, value] : *table) {
    const std::string id(key.str());
    if (!is_kebab_case(id)) {
      ctx.add(key.source(), "invalid rule id '" + id + "' in " + std::string(key_name) + " of " +
                                std::string(kFileLabel) + ": rule ids are kebab-case, e.g. \"ban-drop-column\"");
      continue;
    }
    const auto* text = value.as_string();
    if (text == nullptr || (text->get() != "error" && text->get() != "warning" && text->get() != "off")) {
      bad_value(ctx, std::string(key_name) + "." + id, value, "\"error\", \"warning\" or \"off\"");
      continue;
    }
    out[id] = text->get();
  }
}

void read_rules(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  read_rule_table(ctx, node, "rules", config.rules);
}

// One [[paths]] block: match = ["glob", …] and rules = { … }, nothing else.
void read_path_block(Context& ctx, const toml::table& block, FlyguardConfig& config) {
  PathRules path_rules;
  for (const auto& [key, value] : block) {
    if (key.str() == "match") {
      const auto* globs = value.as_array();
      if (globs == nullptr || globs->empty()) {
        bad_value(ctx, "paths.match", value, "a non-empty array of globs such as [\"sql/legacy/**\"]");
        continue;
      }
      for (const toml::node& glob : *globs) {
        if (const auto* text = glob.as_string(); text != nullptr && !text->get().empty())
          path_rules.match.push_back(text->get());
        else
          bad_value(ctx, "paths.match", glob, "a glob string");
      }
    } else if (key.str() == "rules") {
      read_rule_table(ctx, value, "paths.rules", path_rules.rules);
    } else {
      ctx.add(key.source(), "unknown key '" + std::string(key.str()) + "' in [[paths]] of " +
                                std::string(kFileLabel) + " (known keys: match, rules)");
    }
  }
  if (path_rules.match.empty() && !block.empty())
    ctx.add(block.source(), "[[paths]] in " + std::string(kFileLabel) + " needs match = [\"glob\", …]");
  config.paths.push_back(std::move(path_rules));
}

void read_paths(Context& ctx, const toml::node& node, FlyguardConfig& config) {
  const auto* blocks = node.as_array();
  if (blocks == nullptr || !blocks->is_array_of_tables())
    return bad_value(ctx, "paths", node, "[[paths]] tables with match = [...] and rules = { ... }");
  for (const toml::node& block : *blocks) read_path_block(ctx, *block.as_table(), config);
}

// [override] belongs to the server's configuration; a repository must not grant itself overrides,
// so the table is accepted here only to be reported as ignored.
void read_override(Context&, const toml::node& node, FlyguardConfig& config) {
  config.override_line = static_cast<int>(node.source().begin.line);
  if (config.override_line == 0) config.override_line = 1;
}

using Reader = void (*)(Context&, const toml::node&, FlyguardConfig&);

constexpr std::array<std::pair<std::string_view, Reader>, 11> kReaders{{
    {"dialect", read_dialect},
    {"fail_on", read_fail_on},
    {"pg_version", read_pg_version},
    {"max_file_size", read_max_file_size},
    {"locations", read_locations},
    {"projects", read_projects},
    {"protected_branches", read_protected_branches},
    {"start_after", read_start_after},
    {"rules", read_rules},
    {"paths", read_paths},
    {"override", read_override},
}};

std::string known_keys() {
  std::string out;
  for (const auto& [name, reader] : kReaders) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

}  // namespace

const std::map<std::string, std::string>& rules_for_path(const FlyguardConfig& config, std::string_view relative_path,
                                                         std::map<std::string, std::string>& storage) {
  const std::map<std::string, std::string>* result = &config.rules;
  for (const PathRules& block : config.paths) {
    if (std::none_of(block.match.begin(), block.match.end(),
                     [&](const std::string& glob) { return util::glob_match(glob, relative_path); }))
      continue;
    if (result != &storage) storage = config.rules;
    for (const auto& [id, severity] : block.rules) storage[id] = severity;
    result = &storage;
  }
  return *result;
}

std::string format_problems(const std::vector<ConfigProblem>& problems) {
  std::string message;
  for (const ConfigProblem& p : problems) {
    if (!message.empty()) message += '\n';
    message += p.file;
    if (p.line > 0) message += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    message += ": " + p.message;
  }
  return message;
}

std::optional<FailOn> parse_fail_on(std::string_view text) {
  if (text == "error") return FailOn::error;
  if (text == "warning") return FailOn::warning;
  if (text == "never") return FailOn::never;
  return std::nullopt;
}

std::optional<FlyguardConfig> parse_flyguard_config(std::string_view text, const std::string& source_name,
                                                    std::vector<ConfigProblem>& problems) {
  Context ctx{source_name, problems};
  toml::table root;
  try {
    root = toml::parse(text, source_name);
  } catch (const toml::parse_error& error) {
    ctx.add(error.source(), "invalid TOML in " + std::string(kFileLabel) + ": " + std::string(error.description()));
    return std::nullopt;
  }
  const std::size_t before = problems.size();
  FlyguardConfig config;
  config.source = source_name;
  for (const auto& [key, node] : root) {
    const std::string_view name = key.str();  // structured bindings cannot be captured before Clang 16
    const auto reader = std::find_if(kReaders.begin(), kReaders.end(), [name](const auto& r) { return r.first == name; });
    if (reader == kReaders.end()) {
      ctx.add(key.source(), "unknown key '" + std::string(key.str()) + "' in " + std::string(kFileLabel) +
                                " (known keys: " + known_keys() + ")");
      continue;
    }
    reader->second(ctx, node, config);
  }
  if (problems.size() != before) return std::nullopt;
  return config;
}

}  // namespace flyguard
