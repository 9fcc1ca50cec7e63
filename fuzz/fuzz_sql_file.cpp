// A whole migration file through everything check runs on it: encoding, name, placeholders, splitting,
// parsing (both dialects), the Redshift pre-pass and every lint rule, opt-in ones included.
// The first byte picks the dialect and the PostgreSQL version; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "check/file_check.h"
#include "rules/rule.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::map<std::string, std::string> every_rule = [] {
    std::map<std::string, std::string> on;
    for (const flyguard::rules::Rule* rule : flyguard::rules::all_rules()) on[std::string(rule->id)] = "warning";
    return on;
  }();
  static flyguard::flyway::FlywaySettings settings = [] {
    flyguard::flyway::FlywaySettings s;
    s.placeholders.values["schema"] = "app";
    return s;
  }();
  flyguard::FileCheckOptions options;
  options.dialect = (data[0] & 1U) ? flyguard::Dialect::redshift : flyguard::Dialect::postgres;
  options.pg_version = 10 + (data[0] >> 1U) % 9;
  options.flyway = &settings;
  options.rule_severities = &every_rule;
  std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  (void)flyguard::check_file("sql/V1__fuzz.sql", "V1__fuzz.sql", content, options, std::nullopt);
  return 0;
}
