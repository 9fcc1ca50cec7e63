// Lint rules as a user meets them: [rules] in .flyguard.toml, `flyguard rules`, `flyguard explain`,
// and docs/rules.md, which must match what the binary prints.
#include "cli_fixtures.h"

namespace flyguard::test {
namespace {

using RuleConfig = CliTest;

TEST_F(RuleConfig, DefaultSeverityApplies) {
  write_sql("V1__drop.sql", "DROP TABLE legacy;\n");
  CheckReport r = check_json();
  ASSERT_EQ(with_rule(r.json, "ban-drop-table").size(), 1U) << r.json.dump(2);
  EXPECT_EQ(with_rule(r.json, "ban-drop-table")[0]["severity"], "warning");
  EXPECT_EQ(r.status, 0);
}

TEST_F(RuleConfig, SeverityFromRulesTable) {
  write_sql("V1__drop.sql", "DROP TABLE legacy;\n");
  write(".flyguard.toml", "[rules]\nban-drop-table = \"error\"\n");
  CheckReport r = check_json();
  ASSERT_EQ(with_rule(r.json, "ban-drop-table").size(), 1U) << r.json.dump(2);
  EXPECT_EQ(with_rule(r.json, "ban-drop-table")[0]["severity"], "error");
  EXPECT_EQ(r.status, 1);
}

TEST_F(RuleConfig, OffSwitchesTheRuleOff) {
  write_sql("V1__drop.sql", "DROP TABLE legacy;\n");
  write(".flyguard.toml", "[rules]\nban-drop-table = \"off\"\n");
  CheckReport r = check_json();
  EXPECT_TRUE(with_rule(r.json, "ban-drop-table").empty()) << r.json.dump(2);
  EXPECT_EQ(r.status, 0);
}

TEST_F(RuleConfig, UnknownRuleIdExitsTwoNamingIt) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  write(".flyguard.toml", "[rules]\nban-drop-tabel = \"off\"\n");
  RunResult r = run({"check"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "unknown rule 'ban-drop-tabel'"));
  EXPECT_TRUE(contains(r.err, ".flyguard.toml"));
}

TEST_F(RuleConfig, GateRuleCannotBeConfigured) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  write(".flyguard.toml", "[rules]\nduplicate-version = \"off\"\n");
  RunResult r = run({"check"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "'duplicate-version' in [rules] is a git gate"));
}

TEST_F(RuleConfig, InlineSuppressionWithReasonSilencesOneFinding) {
  write_sql("V1__drop.sql",
            "SET lock_timeout = '5s';\n"
            "SET statement_timeout = '30s';\n"
            "DROP TABLE legacy; -- flyguard:ignore ban-drop-table -- archived in OPS-12\n"
            "DROP TABLE other;\n");
  CheckReport r = check_json();
  std::vector<Json> found = with_rule(r.json, "ban-drop-table");
  ASSERT_EQ(found.size(), 1U) << r.json.dump(2);
  EXPECT_EQ(found[0]["line"], 4);
  EXPECT_EQ(rule_set(r.json), std::set<std::string>{"ban-drop-table"});
}

TEST_F(RuleConfig, SuppressingAGateIsAnError) {
  write_sql("V1__a.sql", "SELECT 1; -- flyguard:ignore duplicate-version -- no\n");
  write_sql("V01__b.sql", "SELECT 2;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(with_rule(r.json, "duplicate-version").size(), 1U) << r.json.dump(2);
  EXPECT_EQ(with_rule(r.json, "invalid-suppression").size(), 1U) << r.json.dump(2);
}

// ---- flyguard rules / explain --------------------------------------------------------------------

using RulesCommand = CliTest;

TEST_F(RulesCommand, TextListsEveryRuleWithSeverityAndDialects) {
  RunResult r = run({"rules"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "require-concurrent-index-creation"));
  std::string line;
  for (const std::string& l : split_lines(r.out))
    if (l.rfind("ban-drop-table ", 0) == 0) line = l;
  EXPECT_TRUE(contains(line, "warning"));
  EXPECT_TRUE(contains(line, "postgres, redshift"));
}

TEST_F(RulesCommand, JsonCarriesTheWholeDocumentation) {
  RunResult r = run({"rules", "--format", "json"});
  EXPECT_EQ(r.status, 0) << r.err;
  Json doc = parse_report(r.out);
  ASSERT_TRUE(doc["rules"].is_array());
  EXPECT_GE(doc["rules"].size(), 10U);
  const Json& first = doc["rules"][0];
  for (const char* key : {"id", "severity", "opt_in", "dialects", "summary", "rationale", "bad_example",
                          "good_example", "fix"})
    EXPECT_TRUE(first.contains(key)) << key;
}

TEST_F(RulesCommand, ExplainPrintsWhyAndWhatToWriteInstead) {
  RunResult r = run({"explain", "constraint-missing-not-valid"});
  EXPECT_EQ(r.status, 0) << r.err;
  for (const char* part : {"Why is this bad?", "Use instead", "NOT VALID", "VALIDATE CONSTRAINT"})
    EXPECT_TRUE(contains(r.out, part));
}

TEST_F(RulesCommand, ExplainUnknownRuleExitsTwo) {
  RunResult r = run({"explain", "no-such-rule"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "unknown rule 'no-such-rule'"));
  EXPECT_TRUE(r.out.empty());
}

TEST_F(RulesCommand, ExplainDescribesBuiltInChecksAndGates) {
  RunResult gate = run({"explain", "applied-migration-modified"});
  EXPECT_EQ(gate.status, 0) << gate.err;
  EXPECT_TRUE(contains(gate.out, "git gate, error"));
  EXPECT_TRUE(contains(gate.out, "docs/git-gates.md"));
  RunResult check = run({"explain", "syntax-error"});
  EXPECT_EQ(check.status, 0) << check.err;
  EXPECT_TRUE(contains(check.out, "built-in check"));
  EXPECT_TRUE(contains(check.out, "docs/checks.md"));
}

// docs/rules.md is generated; regenerate it with `flyguard rules --format markdown > docs/rules.md`.
TEST_F(RulesCommand, DocsRulesMdIsUpToDate) {
  RunResult r = run({"rules", "--format", "markdown"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::string committed = read_binary(std::filesystem::path(FLYGUARD_SOURCE_DIR) / "docs" / "rules.md");
  EXPECT_TRUE(committed == r.out)
      << "docs/rules.md is stale: run `flyguard rules --format markdown > docs/rules.md`";
}

}  // namespace
}  // namespace flyguard::test

namespace flyguard::test {
namespace {

// start_after: migrations written before flyguard was adopted keep only the findings that still
// matter to Flyway (names, encoding); SQL findings start after that version. Repeatables always count.
TEST_F(CliTest, StartAfterLeavesOldMigrationsSqlAlone) {
  write(".flyguard.toml", "start_after = \"2\"\n[rules]\nrequire-lock-timeout = \"off\"\n"
                          "require-statement-timeout = \"off\"\n");
  write_sql("V1__old.sql", "DROP TABLE a;\nSELEC 1;\n");
  write_sql("V2__old.sql", "DROP TABLE b;\n");
  write_sql("V2_1__new.sql", "DROP TABLE c;\n");
  write_sql("R__view.sql", "DROP TABLE d;\n");
  write_sql("v2__misnamed.sql", "DROP TABLE e;\n");  // Flyway skips it: still reported
  CheckReport r = check_json();
  std::set<std::string> flagged;
  for (const Json& d : r.diagnostics()) flagged.insert(d["file"].get<std::string>() + " " + d["rule"].get<std::string>());
  EXPECT_EQ(flagged, (std::set<std::string>{"sql/V2_1__new.sql ban-drop-table", "sql/R__view.sql ban-drop-table",
                                            "sql/v2__misnamed.sql ignored-migration-name",
                                            "sql/v2__misnamed.sql ban-drop-table"}));
}

}  // namespace
}  // namespace flyguard::test

namespace flyguard::test {
namespace {

TEST_F(CliTest, PathRulesApplyToTheMatchingFilesOnly) {
  write(".flyguard.toml",
        "[rules]\nrequire-lock-timeout = \"off\"\nrequire-statement-timeout = \"off\"\n"
        "[[paths]]\nmatch = [\"sql/legacy/**\"]\nrules = { ban-drop-table = \"off\" }\n");
  write_sql("legacy/V1__old.sql", "DROP TABLE a;\n");
  write_sql("V2__new.sql", "DROP TABLE b;\n");
  CheckReport r = check_json();
  EXPECT_EQ(files_with(r.json, "ban-drop-table"), std::set<std::string>{"sql/V2__new.sql"});
  write(".flyguard.toml", "[[paths]]\nmatch = [\"sql/**\"]\nrules = { no-such-rule = \"off\" }\n");
  RunResult bad = run({"check"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(contains(bad.err, "unknown rule 'no-such-rule' in [[paths]] rules"));
}

}  // namespace
}  // namespace flyguard::test
