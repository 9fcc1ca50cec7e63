// `flyguard check`: exit statuses, configuration errors, and how migration files are found.
#include <sys/stat.h>

#include "cli_fixtures.h"

namespace flyguard::test {
namespace {

using ExitStatus = CliTest;
using Discovery = CliTest;

// ---- exit statuses -------------------------------------------------------------------------------

TEST_F(ExitStatus, CleanProjectExitsZero) {
  write_sql("V1__create.sql", "CREATE TABLE t (id bigint);\n");
  write_sql("V2__insert.sql", "INSERT INTO t VALUES (1);\n");
  RunResult r = run({"check"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "No problems found in 2 files."));
}

TEST_F(ExitStatus, ErrorExitsOne) {
  write_sql("V1__bad.sql", "SELEC 1;\n");
  EXPECT_EQ(run({"check"}).status, 1);
}

TEST_F(ExitStatus, WarningAloneExitsZero) {
  write_sql("V-1__signed.sql", "SELECT 1;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(rule_set(r.json), std::set<std::string>{"suspicious-version"});
}

TEST_F(ExitStatus, FailOnWarningMakesAWarningFail) {
  write_sql("V-1__signed.sql", "SELECT 1;\n");
  EXPECT_EQ(run({"check", "--fail-on", "warning"}).status, 1);
}

TEST_F(ExitStatus, FailOnNeverPassesEvenWithErrors) {
  write_sql("V1__bad.sql", "SELEC 1;\n");
  RunResult r = run({"check", "--fail-on", "never"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(contains(r.out, "error[syntax-error]"));
}

TEST_F(ExitStatus, FailOnFromFlyguardToml) {
  write_sql("V-1__signed.sql", "SELECT 1;\n");
  write(".flyguard.toml", "fail_on = \"warning\"\n");
  EXPECT_EQ(run({"check"}).status, 1);
  // The command line wins over the file.
  EXPECT_EQ(run({"check", "--fail-on", "error"}).status, 0);
}

TEST_F(ExitStatus, UnknownFlyguardTomlKeyExitsTwoNamingKeyAndFile) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  write(".flyguard.toml", "fail_on = \"error\"\nbogus_key = 1\n");
  RunResult r = run({"check"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "bogus_key"));
  EXPECT_TRUE(contains(r.err, ".flyguard.toml"));
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(ExitStatus, BadOptionExitsTwo) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  EXPECT_EQ(run({"check", "--no-such-option"}).status, 2);
  EXPECT_EQ(run({"check", "--fail-on", "sometimes"}).status, 2);
  EXPECT_EQ(run({"check", "--dialect", "oracle"}).status, 2);
  EXPECT_EQ(run({"check", "--format", "xml"}).status, 2);
  EXPECT_EQ(run({"no-such-command"}).status, 2);
  EXPECT_EQ(run({}).status, 2);
}

TEST_F(ExitStatus, MissingPathExitsTwo) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  RunResult r = run({"check", "does/not/exist.sql"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "does/not/exist.sql"));
}

TEST_F(ExitStatus, NoMigrationLocationExitsTwo) {
  write("README.md", "nothing here\n");
  RunResult r = run({"check"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "no Flyway migration location"));
}

TEST_F(ExitStatus, MissingConfigFileOptionExitsTwo) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  EXPECT_EQ(run({"check", "--config", "missing.toml"}).status, 2);
}

TEST_F(ExitStatus, ConfigOptionUsesThatFile) {
  write_sql("V-1__signed.sql", "SELECT 1;\n");
  write("ci/strict.toml", "fail_on = \"warning\"\n");
  EXPECT_EQ(run({"check"}).status, 0);
  EXPECT_EQ(run({"check", "--config", "ci/strict.toml"}).status, 1);
}

TEST_F(ExitStatus, VersionFlag) {
  RunResult r = run({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(contains(r.out, "flyguard"));
}

// ---- discovery -----------------------------------------------------------------------------------

TEST_F(Discovery, FlywayConfLocations) {
  write("flyway.conf", "flyway.locations=filesystem:db/migrations\n");
  write("db/migrations/V1__bad.sql", "SELEC 1;\n");
  write("sql/V1__ignored.sql", "SELEC 1;\n");  // not a configured location
  CheckReport r = check_json();
  EXPECT_EQ(files_with(r.json, "syntax-error"), std::set<std::string>{"db/migrations/V1__bad.sql"});
  EXPECT_EQ(r.json["summary"]["files"], 1);
}

TEST_F(Discovery, ConfFlywayConf) {
  write("conf/flyway.conf", "flyway.locations=filesystem:migrations\n");
  write("migrations/V1__bad.sql", "SELEC 1;\n");
  EXPECT_EQ(files_with(check_json().json, "syntax-error"), std::set<std::string>{"migrations/V1__bad.sql"});
}

TEST_F(Discovery, FlywayToml) {
  write("flyway.toml", "[flyway]\nlocations = [\"filesystem:schema\"]\n");
  write("schema/V1__bad.sql", "SELEC 1;\n");
  EXPECT_EQ(files_with(check_json().json, "syntax-error"), std::set<std::string>{"schema/V1__bad.sql"});
}

TEST_F(Discovery, EnvironmentWinsOverFlywayConf) {
  write("flyway.conf", "flyway.locations=filesystem:db/migrations\n");
  write("db/migrations/V1__bad.sql", "SELEC 1;\n");
  write("env/V1__bad.sql", "SELEC 2;\n");
  CheckReport r = check_json({}, {{"FLYWAY_LOCATIONS", "filesystem:env"}});
  EXPECT_EQ(files_with(r.json, "syntax-error"), std::set<std::string>{"env/V1__bad.sql"});
}

TEST_F(Discovery, DefaultSqlDirectory) {
  write_sql("V1__bad.sql", "SELEC 1;\n");
  EXPECT_EQ(files_with(check_json().json, "syntax-error"), std::set<std::string>{"sql/V1__bad.sql"});
}

TEST_F(Discovery, ClasspathMapsToMavenResources) {
  write("flyway.conf", "flyway.locations=classpath:db/migration\n");
  write("src/main/resources/db/migration/V1__bad.sql", "SELEC 1;\n");
  EXPECT_EQ(files_with(check_json().json, "syntax-error"),
            std::set<std::string>{"src/main/resources/db/migration/V1__bad.sql"});
}

TEST_F(Discovery, DefaultMavenLocationWithoutConfiguration) {
  write("src/main/resources/db/migration/V1__bad.sql", "SELEC 1;\n");
  EXPECT_EQ(files_with(check_json().json, "syntax-error"),
            std::set<std::string>{"src/main/resources/db/migration/V1__bad.sql"});
}

TEST_F(Discovery, FlyguardTomlProjects) {
  write(".flyguard.toml", "projects = [\"a\", \"b\"]\n");
  write("a/sql/V1__bad.sql", "SELEC 1;\n");
  write("b/flyway.conf", "flyway.locations=filesystem:migrations\n");
  write("b/migrations/V1__bad.sql", "SELEC 2;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(files_with(r.json, "syntax-error"),
            (std::set<std::string>{"a/sql/V1__bad.sql", "b/migrations/V1__bad.sql"}));
  // Each project has its own version space: V1 in a and V1 in b are no duplicates.
  EXPECT_TRUE(with_rule(r.json, "duplicate-version").empty());
}

TEST_F(Discovery, FlyguardTomlProjectThatIsNotADirectory) {
  write(".flyguard.toml", "projects = [\"a\", \"missing\"]\n");
  write("a/sql/V1__a.sql", "SELECT 1;\n");
  RunResult r = run({"check"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "missing"));
}

TEST_F(Discovery, ExplicitFileArgument) {
  write_sql("V1__bad.sql", "SELEC 1;\n");
  write("scratch/V7__other.sql", "SELEC 2;\n");
  CheckReport r = check_json({"scratch/V7__other.sql"});
  EXPECT_EQ(files_with(r.json, "syntax-error"), std::set<std::string>{"scratch/V7__other.sql"});
  EXPECT_EQ(r.json["summary"]["files"], 1);
}

TEST_F(Discovery, ExplicitDirectoryArgument) {
  write_sql("V1__bad.sql", "SELEC 1;\n");
  write("scratch/V7__other.sql", "SELEC 2;\n");
  write("scratch/nested/V8__other.sql", "SELEC 3;\n");
  write("scratch/notes.txt", "not SQL at all");
  CheckReport r = check_json({"scratch"});
  EXPECT_EQ(files_with(r.json, "syntax-error"),
            (std::set<std::string>{"scratch/V7__other.sql", "scratch/nested/V8__other.sql"}));
}

TEST_F(Discovery, ProjectRootArgumentFromElsewhere) {
  write("app/flyway.conf", "flyway.locations=filesystem:db\n");
  write("app/db/V1__bad.sql", "SELEC 1;\n");
  write("app/stray/V1__bad.sql", "SELEC 1;\n");
  CheckReport r = check_json({"app"});
  EXPECT_EQ(files_with(r.json, "syntax-error"), std::set<std::string>{"app/db/V1__bad.sql"});
}

TEST_F(Discovery, FilesOutsideLocationsAreNotChecked) {
  write("flyway.conf", "flyway.locations=filesystem:db/migrations\n");
  write("db/migrations/V1__ok.sql", "SELECT 1;\n");
  write("scripts/create_table.sql", "SELEC 1;\n");
  write("V2__at_root.sql", "SELEC 1;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.diagnostics().empty()) << r.json.dump(2);
}

TEST_F(Discovery, NonSqlFilesInLocationsAreNotMigrations) {
  write_sql("V1__ok.sql", "SELECT 1;\n");
  write_sql("README.md", "# notes\n");
  write_sql("V1__ok.sql.conf", "executeInTransaction=false\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.json["summary"]["files"], 1);
}

// BEGIN/COMMIT inside a migration Flyway wraps in a transaction is flagged; with Flyway's global
// executeInTransaction=false (or the file's sidecar) nothing wraps it.
TEST_F(Discovery, FlywaysExecuteInTransactionDecidesWhetherAMigrationIsWrapped) {
  write_sql("V1__own_transaction.sql", "BEGIN;\nCREATE TABLE t (id bigint);\nCOMMIT;\n");
  EXPECT_EQ(files_with(check_json().json, "transaction-nesting"), std::set<std::string>{"sql/V1__own_transaction.sql"});
  write("flyway.conf", "flyway.executeInTransaction=false\n");
  EXPECT_EQ(files_with(check_json().json, "transaction-nesting"), std::set<std::string>{});
  write("flyway.conf", "");
  write_sql("V1__own_transaction.sql.conf", "executeInTransaction=false\n");
  EXPECT_EQ(files_with(check_json().json, "transaction-nesting"), std::set<std::string>{});
}

// Past a few files per directory, sidecars are found from one listing of the directory: the result must be
// the same whether the project is checked whole or file by file.
TEST_F(Discovery, SidecarsOfManyFilesInOneDirectoryAreAllFound) {
  std::set<std::string> wrapped;
  std::vector<std::string> files;
  for (int i = 1; i <= 40; ++i) {
    const std::string name = "V" + std::to_string(i) + "__own_transaction.sql";
    write_sql(name, "BEGIN;\nCREATE TABLE t" + std::to_string(i) + " (id bigint);\nCOMMIT;\n");
    files.push_back(path("sql/" + name));
    if (i % 7 == 0) write_sql(name + ".conf", "executeInTransaction=false\n");
    else wrapped.insert("sql/" + name);
  }
  EXPECT_EQ(files_with(check_json().json, "transaction-nesting"), wrapped);
  EXPECT_EQ(files_with(check_json(files).json, "transaction-nesting"), wrapped);
}

// Many file arguments from one directory (a shell glob) are taken from one listing of it; what is not a
// plain file there is still looked at: a symbolic link is followed, a directory is expanded, a pipe is read
// without blocking, a missing name is refused.
TEST_F(Discovery, ManyFileArgumentsFromOneDirectoryKeepTheirKinds) {
  std::vector<std::string> files;
  for (int i = 1; i <= 20; ++i) {
    const std::string name = "V" + std::to_string(i) + "__plain.sql";
    write_sql(name, i == 7 ? "SELEC 7;\n" : "SELECT " + std::to_string(i) + ";\n");
    files.push_back(path("sql/" + name));
  }
  write("elsewhere/target.sql", "SELEC 21;\n");
  std::filesystem::create_symlink(path("elsewhere/target.sql"), path("sql/V21__link.sql"));
  write_sql("V22__dir.sql/V23__inner.sql", "SELEC 23;\n");
  ASSERT_EQ(::mkfifo(path("sql/V24__pipe.sql").c_str(), 0600), 0);
  for (const char* name : {"V21__link.sql", "V22__dir.sql", "V24__pipe.sql"}) files.push_back(path("sql/") + name);
  CheckReport r = check_json(files);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(files_with(r.json, "syntax-error"),
            (std::set<std::string>{"sql/V7__plain.sql", "sql/V21__link.sql", "sql/V22__dir.sql/V23__inner.sql"}));
  files.push_back(path("sql/V99__missing.sql"));
  RunResult missing = run([&] {
    std::vector<std::string> args{"check"};
    args.insert(args.end(), files.begin(), files.end());
    return args;
  }());
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(contains(missing.err, "V99__missing.sql: no such file or directory")) << missing.err;
}

TEST_F(Discovery, HiddenDirectoriesAreSkipped) {
  write_sql("V1__ok.sql", "SELECT 1;\n");
  write_sql(".backup/V1__ok.sql", "SELEC 1;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0) << r.json.dump(2);
}

}  // namespace
}  // namespace flyguard::test
