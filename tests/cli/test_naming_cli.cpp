// Flyway file-name rules as `flyguard check` reports them.
#include "cli_fixtures.h"

namespace flyguard::test {
namespace {

using Naming = CliTest;

// Projects whose sql/ holds one file named `name`, with valid SQL.
class SingleName : public CliTest {
 protected:
  CheckReport check_name(const std::string& name) {
    write_sql(name, "SELECT 1;\n");
    return check_json();
  }
};

TEST_F(SingleName, ValidVersionedRepeatableBaselineAreClean) {
  for (const char* name : {"V1__init.sql", "V1.1__x.sql", "V1_2__x.sql", "V2.sql", "R__view.sql", "B5__base.sql",
                           "V3__upper_suffix.SQL"}) {
    write_sql(name, "SELECT 1;\n");
  }
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0) << r.json.dump(2);
  EXPECT_TRUE(r.diagnostics().empty()) << r.json.dump(2);
}

TEST_F(SingleName, PlainNameIsIgnored) {
  CheckReport r = check_name("create_table.sql");
  EXPECT_EQ(r.status, 1);
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"ignored-migration-name"});
  const Json& d = r.diagnostics()[0];
  EXPECT_EQ(d["file"], "sql/create_table.sql");
  EXPECT_EQ(d["severity"], "error");
}

TEST_F(SingleName, LowercasePrefixIsIgnored) {
  CheckReport r = check_name("v1__x.sql");
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"ignored-migration-name"});
  EXPECT_TRUE(contains(r.diagnostics()[0]["hint"].get<std::string>(), "V1__x.sql"));
}

TEST_F(SingleName, LowercaseCallbackIsIgnored) {
  CheckReport r = check_name("beforemigrate.sql");
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"ignored-migration-name"});
  EXPECT_TRUE(contains(r.diagnostics()[0]["hint"].get<std::string>(), "beforeMigrate.sql"));
}

TEST_F(SingleName, BadVersionIsInvalid) {
  CheckReport r = check_name("V1.2a__x.sql");
  EXPECT_EQ(r.status, 1);
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"invalid-migration-name"});
  EXPECT_TRUE(contains(r.diagnostics()[0]["message"].get<std::string>(), "1.2a"));
}

TEST_F(SingleName, MissingVersionIsInvalid) {
  CheckReport r = check_name("V__x.sql");
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"invalid-migration-name"});
}

TEST_F(SingleName, VersionedRepeatableIsInvalid) {
  CheckReport r = check_name("R1__x.sql");
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"invalid-migration-name"});
  EXPECT_TRUE(contains(r.diagnostics()[0]["hint"].get<std::string>(), "R__x.sql"));
}

TEST_F(SingleName, SingleUnderscoreSeparatorGetsDidYouMean) {
  CheckReport r = check_name("V3_single_underscore.sql");
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"invalid-migration-name"});
  const Json& hint = r.diagnostics()[0]["hint"];
  ASSERT_TRUE(hint.is_string());
  EXPECT_TRUE(contains(hint.get<std::string>(), "did you mean"));
  EXPECT_TRUE(contains(hint.get<std::string>(), "V3__single_underscore.sql"));
}

TEST_F(SingleName, SignedVersionIsSuspicious) {
  CheckReport r = check_name("V-1__x.sql");
  EXPECT_EQ(r.status, 0);
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"suspicious-version"});
  EXPECT_EQ(r.diagnostics()[0]["severity"], "warning");
}

TEST_F(SingleName, SpecialVersionIsSuspicious) {
  EXPECT_EQ(rules(check_name("Vlatest__x.sql").json), std::multiset<std::string>{"suspicious-version"});
}

TEST_F(SingleName, VersionLongerThanHistoryColumn) {
  std::string version = "1";
  for (int i = 0; i < 30; ++i) version += ".1";  // 61 characters
  CheckReport r = check_name("V" + version + "__long.sql");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"version-too-long"});
}

TEST_F(Naming, CallbacksAreNotFlagged) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  write_sql("beforeMigrate.sql", "SELECT 1;\n");
  write_sql("afterMigrate__refresh.sql", "SELECT 1;\n");
  write_sql("beforeEachMigrate.sql", "SELECT 1;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.diagnostics().empty()) << r.json.dump(2);
}

TEST_F(Naming, EqualVersionsWithDifferentTextAreDuplicates) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  write_sql("V001__b.sql", "SELECT 1;\n");
  write_sql("sub/V1.0__c.sql", "SELECT 1;\n");
  write_sql("V1.1__d.sql", "SELECT 1;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  std::vector<Json> duplicates = with_rule(r.json, "duplicate-version");
  // Three files share version 1: two of them are reported against the first one found.
  ASSERT_EQ(duplicates.size(), 2u) << r.json.dump(2);
  std::set<std::string> involved = files_with(r.json, "duplicate-version");
  for (const Json& d : duplicates) {
    std::string message = d["message"];
    for (const char* file : {"sql/V1__a.sql", "sql/V001__b.sql", "sql/sub/V1.0__c.sql"})
      if (message.find(file) != std::string::npos) involved.insert(file);
  }
  EXPECT_EQ(involved, (std::set<std::string>{"sql/V1__a.sql", "sql/V001__b.sql", "sql/sub/V1.0__c.sql"}));
  EXPECT_EQ(rule_set(r.json), std::set<std::string>{"duplicate-version"});
}

TEST_F(Naming, BaselineAndVersionedMayShareAVersion) {
  write_sql("V5__a.sql", "SELECT 1;\n");
  write_sql("B5__a.sql", "SELECT 1;\n");
  EXPECT_EQ(check_json().status, 0);
}

TEST_F(Naming, RepeatablesWithTheSameDescriptionAreDuplicates) {
  write_sql("R__refresh_views.sql", "SELECT 1;\n");
  write_sql("other/R__refresh_views.sql", "SELECT 1;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"duplicate-repeatable"});
}

TEST_F(Naming, CustomPrefixSeparatorAndSuffixFromFlywayConf) {
  write("flyway.conf",
        "flyway.locations=filesystem:migrations\n"
        "flyway.sqlMigrationPrefix=M\n"
        "flyway.sqlMigrationSeparator=-\n"
        "flyway.sqlMigrationSuffixes=.pgsql,.sql\n");
  write("migrations/M1-create.pgsql", "CREATE TABLE t (a bigint);\n");
  write("migrations/M2-insert.sql", "INSERT INTO t VALUES (1);\n");
  write("migrations/R-view.pgsql", "CREATE OR REPLACE VIEW v AS SELECT * FROM t;\n");
  write("migrations/V3__default_style.sql", "SELECT 1;\n");
  write("migrations/notes.txt", "not a migration\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.json["summary"]["files"], 4);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"ignored-migration-name"}) << r.json.dump(2);
  EXPECT_EQ(files_with(r.json, "ignored-migration-name"), std::set<std::string>{"migrations/V3__default_style.sql"});
}

TEST_F(Naming, CustomSuffixDuplicatesAcrossSuffixes) {
  write("flyway.conf", "flyway.sqlMigrationSuffixes=.pgsql,.sql\n");
  write_sql("V1__a.pgsql", "SELECT 1;\n");
  write_sql("V1__b.sql", "SELECT 1;\n");
  EXPECT_EQ(rules(check_json().json), std::multiset<std::string>{"duplicate-version"});
}

TEST_F(Naming, ValidateMigrationNamingIsMentioned) {
  write("flyway.conf", "flyway.validateMigrationNaming=true\n");
  write_sql("create_table.sql", "SELECT 1;\n");
  CheckReport r = check_json();
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"ignored-migration-name"});
  EXPECT_TRUE(contains(r.diagnostics()[0]["message"].get<std::string>(), "validateMigrationNaming=true"));
}

TEST_F(Naming, ExplicitFileStillGetsItsNameChecked) {
  write("scratch/create_table.sql", "SELECT 1;\n");
  EXPECT_EQ(rules(check_json({"scratch/create_table.sql"}).json),
            std::multiset<std::string>{"ignored-migration-name"});
}

}  // namespace
}  // namespace flyguard::test
