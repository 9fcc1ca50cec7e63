#include <gtest/gtest.h>

#include <map>
#include <set>

#include "check/gate.h"

namespace flyguard {
namespace {

// A gate over in-memory trees: paths -> content; content ids are the content itself.
class GateTest : public ::testing::Test {
 protected:
  std::map<std::string, std::string> applied_tree{{"sql/V1__a.sql", "create table a(id bigint);\n"},
                                                  {"sql/V1_1__b.sql", "create table b(id bigint);\n"},
                                                  {"sql/V2__c.sql", "create table c(id bigint);\n"},
                                                  {"sql/R__view.sql", "create view v as select 1;\n"}};

  static TreeFile file(const std::string& path, const std::string& content, EntryType type = EntryType::file) {
    return TreeFile{path, type, content};
  }

  GateResult judge(const std::map<std::string, std::string>& result_tree, const std::vector<TreeChange>& changes,
                   bool out_of_order = false) {
    GateInput input;
    GateProject project;
    project.settings.out_of_order = out_of_order;
    project.locations = {"sql"};
    input.projects = {project};
    for (const auto& [path, content] : applied_tree) input.applied.push_back(file(path, content));
    for (const auto& [path, content] : result_tree) input.result.push_back(file(path, content));
    input.changes = changes;
    input.load = [](const TreeFile& f) { return std::optional<std::string>(f.id); };
    return run_gate(input);
  }

  std::map<std::string, std::string> with(std::map<std::string, std::string> tree,
                                          const std::map<std::string, std::string>& changes,
                                          const std::set<std::string>& removed = {}) {
    for (const auto& [path, content] : changes) tree[path] = content;
    for (const std::string& path : removed) tree.erase(path);
    return tree;
  }

  static std::multiset<std::string> rules(const GateResult& result, Severity severity) {
    std::multiset<std::string> out;
    for (const Diagnostic& d : result.diagnostics)
      if (d.severity == severity) out.insert(d.rule);
    return out;
  }
};

// The hint names a version that is free in the new tree, not just above the applied ones.
TEST_F(GateTest, TheSuggestedMigrationVersionIsFreeInTheNewTree) {
  auto tree = with(applied_tree, {{"sql/V1__a.sql", "create table a(id bigint, n int);\n"},
                                  {"sql/V3__d.sql", "create table d(id bigint);\n"}});
  auto result = judge(tree, {{ChangeType::modified, file("sql/V1__a.sql", "create table a(id bigint);\n"),
                              file("sql/V1__a.sql", "create table a(id bigint, n int);\n")},
                             {ChangeType::added, std::nullopt, file("sql/V3__d.sql", "create table d(id bigint);\n")}});
  ASSERT_EQ(rules(result, Severity::error), std::multiset<std::string>{"applied-migration-modified"});
  for (const Diagnostic& d : result.diagnostics)
    if (d.rule == "applied-migration-modified") {
      EXPECT_NE(d.hint.find("V4__"), std::string::npos) << d.hint;
    }
}

TEST_F(GateTest, LineEndingRewriteIsReformattedNotModified) {
  auto result = judge(with(applied_tree, {{"sql/V1__a.sql", "create table a(id bigint);\r\n"}}),
                      {{ChangeType::modified, file("sql/V1__a.sql", "create table a(id bigint);\n"),
                        file("sql/V1__a.sql", "create table a(id bigint);\r\n")}});
  EXPECT_EQ(rules(result, Severity::warning), std::multiset<std::string>{"applied-migration-reformatted"});
  EXPECT_TRUE(rules(result, Severity::error).empty());
}

TEST_F(GateTest, RenameFlywayDoesNotNoticeIsOnlyAWarning) {
  // V1_1 and V1.1 are the same version with the same description: not a new, out-of-order migration.
  auto tree = with(applied_tree, {{"sql/V1.1__b.sql", "create table b(id bigint);\n"}}, {"sql/V1_1__b.sql"});
  auto result = judge(tree, {{ChangeType::renamed, file("sql/V1_1__b.sql", "create table b(id bigint);\n"),
                              file("sql/V1.1__b.sql", "create table b(id bigint);\n")}});
  EXPECT_EQ(rules(result, Severity::warning), std::multiset<std::string>{"applied-migration-renamed"});
  EXPECT_TRUE(rules(result, Severity::error).empty());
}

TEST_F(GateTest, RenameThatChangesTheDescriptionIsAnError) {
  auto tree = with(applied_tree, {{"sql/V2__renamed.sql", "create table c(id bigint);\n"}}, {"sql/V2__c.sql"});
  auto result = judge(tree, {{ChangeType::renamed, file("sql/V2__c.sql", "create table c(id bigint);\n"),
                              file("sql/V2__renamed.sql", "create table c(id bigint);\n")}});
  EXPECT_EQ(rules(result, Severity::error), std::multiset<std::string>{"applied-migration-renamed"});
}

TEST_F(GateTest, RepeatableContentMayChangeButNotDisappear) {
  auto changed = judge(with(applied_tree, {{"sql/R__view.sql", "create view v as select 2;\n"}}),
                       {{ChangeType::modified, file("sql/R__view.sql", "create view v as select 1;\n"),
                         file("sql/R__view.sql", "create view v as select 2;\n")}});
  EXPECT_TRUE(rules(changed, Severity::error).empty());
  auto deleted = judge(with(applied_tree, {}, {"sql/R__view.sql"}),
                       {{ChangeType::deleted, file("sql/R__view.sql", "create view v as select 1;\n"), std::nullopt}});
  EXPECT_EQ(rules(deleted, Severity::error), std::multiset<std::string>{"applied-migration-deleted"});
}

TEST_F(GateTest, DeletingTheNewestSaysFlywayHidesIt) {
  auto result = judge(with(applied_tree, {}, {"sql/V2__c.sql"}),
                      {{ChangeType::deleted, file("sql/V2__c.sql", "create table c(id bigint);\n"), std::nullopt}});
  ASSERT_EQ(rules(result, Severity::error), std::multiset<std::string>{"applied-migration-deleted"});
  EXPECT_NE(result.diagnostics[0].message.find("future"), std::string::npos) << result.diagnostics[0].message;
}

TEST_F(GateTest, OutOfOrderUnlessFlywayAllowsIt) {
  auto tree = with(applied_tree, {{"sql/V1_5__late.sql", "create table late(id bigint);\n"}});
  std::vector<TreeChange> added{{ChangeType::added, std::nullopt, file("sql/V1_5__late.sql", "create table late(id bigint);\n")}};
  EXPECT_EQ(rules(judge(tree, added), Severity::error), std::multiset<std::string>{"out-of-order-version"});
  EXPECT_TRUE(rules(judge(tree, added, true), Severity::error).empty());
}

TEST_F(GateTest, NewVersionEqualToAnAppliedOneIsADuplicate) {
  auto tree = with(applied_tree, {{"sql/V002__again.sql", "select 1;\n"}});
  auto result = judge(tree, {{ChangeType::added, std::nullopt, file("sql/V002__again.sql", "select 1;\n")}});
  EXPECT_EQ(rules(result, Severity::error), std::multiset<std::string>{"duplicate-version"});
}

TEST_F(GateTest, ModeOnlyAndTypeChanges) {
  auto mode = judge(applied_tree, {{ChangeType::modified, file("sql/V1__a.sql", "create table a(id bigint);\n"),
                                    file("sql/V1__a.sql", "create table a(id bigint);\n", EntryType::executable)}});
  EXPECT_EQ(rules(mode, Severity::warning), std::multiset<std::string>{"applied-migration-mode-changed"});
  auto link = judge(applied_tree, {{ChangeType::type_changed, file("sql/V1__a.sql", "create table a(id bigint);\n"),
                                    file("sql/V1__a.sql", "V2__c.sql", EntryType::symlink)}});
  EXPECT_EQ(rules(link, Severity::error), std::multiset<std::string>{"applied-migration-type-changed"});
}

TEST_F(GateTest, UnenforcedBranchesOnlyWarn) {
  GateInput input;
  GateProject project;
  project.locations = {"sql"};
  input.projects = {project};
  input.applied = {file("sql/V1__a.sql", "a")};
  input.result = {file("sql/V1__a.sql", "b")};
  input.changes = {{ChangeType::modified, file("sql/V1__a.sql", "a"), file("sql/V1__a.sql", "b")}};
  input.load = [](const TreeFile& f) { return std::optional<std::string>(f.id); };
  input.enforce = false;
  GateResult result = run_gate(input);
  EXPECT_EQ(rules(result, Severity::warning).count("applied-migration-modified"), 1U);
  EXPECT_TRUE(rules(result, Severity::error).empty());
}

}  // namespace
}  // namespace flyguard
