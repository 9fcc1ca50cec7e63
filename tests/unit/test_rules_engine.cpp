// The rule registry's metadata and the engine's choices: severities from [rules], dialects, and
// whether Flyway runs a script in a transaction.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "check/file_check.h"
#include "check/gate.h"
#include "rules/engine.h"

namespace flyguard::rules {
namespace {

TEST(RuleRegistry, EveryRuleIsFullyDescribed) {
  std::set<std::string_view> ids;
  for (const Rule* rule : all_rules()) {
    SCOPED_TRACE(std::string(rule->id));
    EXPECT_TRUE(ids.insert(rule->id).second) << "duplicate id";
    EXPECT_EQ(rule->id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string_view::npos);
    EXPECT_FALSE(is_gate_rule(std::string(rule->id)));
    EXPECT_NE(rule->dialects, 0U);
    for (std::string_view text : {rule->summary, rule->rationale, rule->bad_example, rule->good_example, rule->fix})
      EXPECT_FALSE(text.empty());
    EXPECT_EQ(find_rule(rule->id), rule);
  }
  EXPECT_EQ(find_rule("no-such-rule"), nullptr);
}

std::set<std::string> rules_found(std::string_view sql) {
  static const std::map<std::string, std::string> with_opt_in = [] {
    std::map<std::string, std::string> on;
    for (const Rule* rule : all_rules())
      if (rule->opt_in) on[std::string(rule->id)] = "warning";
    return on;
  }();
  FileCheckOptions options;
  options.rule_severities = &with_opt_in;  // opt-in rules' examples are documented too
  CheckedFile checked = check_file("example.sql", "V1__example.sql", sql, options, std::nullopt);
  std::set<std::string> out;
  for (const Diagnostic& d : checked.diagnostics) out.insert(d.rule);
  return out;
}

// The documentation's examples are code too: the bad one must trigger its rule, the good one must not.
TEST(RuleRegistry, DocumentedExamplesBehaveAsDocumented) {
  for (const Rule* rule : all_rules()) {
    if (!applies_to(rule->dialects, Dialect::postgres)) continue;
    std::string id(rule->id);
    EXPECT_EQ(rules_found(rule->bad_example).count(id), 1U) << id << " bad example:\n" << rule->bad_example;
    EXPECT_EQ(rules_found(rule->good_example).count(id), 0U) << id << " good example:\n" << rule->good_example;
  }
}

TEST(RuleEngine, SeverityComesFromTheRulesTable) {
  const Rule& rule = *find_rule("ban-drop-table");
  EXPECT_EQ(effective_severity(rule, nullptr), rule.severity);
  RuleSeverities severities{{"ban-drop-table", "error"}};
  EXPECT_EQ(effective_severity(rule, &severities), Severity::error);
  severities["ban-drop-table"] = "off";
  EXPECT_EQ(effective_severity(rule, &severities), std::nullopt);
}

TEST(RuleEngine, OptInRulesStartOff) {
  Rule rule{};
  rule.id = "some-opt-in-rule";
  rule.opt_in = true;
  EXPECT_EQ(effective_severity(rule, nullptr), std::nullopt);
  RuleSeverities severities{{"some-opt-in-rule", "warning"}};
  EXPECT_EQ(effective_severity(rule, &severities), Severity::warning);
}

bool in_transaction(const char* sql, std::optional<int> pg_version = std::nullopt,
                    std::optional<bool> sidecar = std::nullopt) {
  sql::ParsedScript script = sql::parse_script(sql, Dialect::postgres);
  return runs_in_transaction(script.statements, sql, Dialect::postgres, pg_version, sidecar);
}

TEST(RuleEngine, FlywayLeavesTheTransactionOutForNonTransactionalStatements) {
  EXPECT_FALSE(in_transaction("CREATE INDEX i ON t (a); VACUUM ANALYZE t;"));
  EXPECT_TRUE(in_transaction("CREATE INDEX i ON t (a); ANALYZE t;"));
  EXPECT_FALSE(in_transaction("CREATE INDEX CONCURRENTLY i ON t (a);"));
  EXPECT_FALSE(in_transaction("DROP INDEX CONCURRENTLY i;"));
  EXPECT_FALSE(in_transaction("COPY t FROM STDIN;\n1\n\\.\n"));
  EXPECT_TRUE(in_transaction("COPY t FROM '/tmp/x';"));
  EXPECT_TRUE(in_transaction("ALTER TYPE e ADD VALUE 'x';", 12));
  EXPECT_FALSE(in_transaction("ALTER TYPE e ADD VALUE 'x';", 11));
  EXPECT_FALSE(in_transaction("REINDEX DATABASE d;"));
  EXPECT_TRUE(in_transaction("REINDEX TABLE t;"));
}

TEST(RuleEngine, SidecarDecides) {
  EXPECT_FALSE(in_transaction("SELECT 1;", std::nullopt, false));
  EXPECT_TRUE(in_transaction("CREATE INDEX CONCURRENTLY i ON t (a);", std::nullopt, true));
}

}  // namespace
}  // namespace flyguard::rules
