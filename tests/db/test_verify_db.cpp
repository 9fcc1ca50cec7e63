// flyguard verify against a real PostgreSQL server: the history table is created and filled exactly as
// Flyway does, with checksums computed the way Flyway computes them (independently of flyguard).
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "../cli/cli_fixtures.h"
#include "db/connection.h"
#include "postgres_cluster.h"

namespace flyguard::test {
namespace {

// Flyway's checksum, computed another way than flyguard's: CRC-32 over the text without CR/LF and BOM.
std::int32_t flyway_checksum(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string kept;
  std::copy_if(text.begin(), text.end(), std::back_inserter(kept), [](char c) { return c != '\r' && c != '\n'; });
  uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(kept.data()), static_cast<uInt>(kept.size()));
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(crc));
}

std::string sql_literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// Flyway's PostgreSQLDatabase create script.
std::string flyway_create_script(const std::string& table) {
  std::string name = table.substr(table.rfind('"', table.size() - 2) + 1);
  name.pop_back();
  return "CREATE TABLE " + table +
         " (\"installed_rank\" INT NOT NULL, \"version\" VARCHAR(50), \"description\" VARCHAR(200) NOT NULL, "
         "\"type\" VARCHAR(20) NOT NULL, \"script\" VARCHAR(1000) NOT NULL, \"checksum\" INTEGER, "
         "\"installed_by\" VARCHAR(100) NOT NULL, \"installed_on\" TIMESTAMP NOT NULL DEFAULT now(), "
         "\"execution_time\" INTEGER NOT NULL, \"success\" BOOLEAN NOT NULL);"
         "ALTER TABLE " + table + " ADD CONSTRAINT \"" + name + "_pk\" PRIMARY KEY (\"installed_rank\");"
         "CREATE INDEX \"" + name + "_s_idx\" ON " + table + " (\"success\");";
}

struct Row {
  int rank;
  std::string version;  // "" = NULL
  std::string description;
  std::string type;
  std::string script;
  std::optional<std::int32_t> checksum;
  bool success = true;
};

class VerifyDb : public CliTest {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    database_ = "t_" + std::string(info->name());
    std::transform(database_.begin(), database_.end(), database_.begin(),
                   [](unsigned char c) { return std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_'; });
    const PostgresCluster& cluster = postgres_cluster();
    db::Connection admin(cluster.parameters("postgres"));
    admin.execute("DROP DATABASE IF EXISTS " + database_);
    admin.execute("CREATE DATABASE " + database_);
  }
  void TearDown() override {
    db::Connection admin(postgres_cluster().parameters("postgres"));
    admin.execute("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
  }

  void sql(const std::string& statement) const {
    db::Connection connection(postgres_cluster().parameters(database_));
    connection.execute(statement);
  }
  void create_history(const std::string& table = "\"public\".\"flyway_schema_history\"") const {
    sql(flyway_create_script(table));
  }
  void insert(const std::vector<Row>& rows, const std::string& table = "\"public\".\"flyway_schema_history\"") const {
    std::string values;
    for (const Row& r : rows) {
      values += (values.empty() ? "(" : ",(") + std::to_string(r.rank) + "," +
                (r.version.empty() ? "NULL" : sql_literal(r.version)) + "," + sql_literal(r.description) + "," +
                sql_literal(r.type) + "," + sql_literal(r.script) + "," +
                (r.checksum ? std::to_string(*r.checksum) : "NULL") + ",'flyway',12," +
                (r.success ? "true" : "false") + ")";
    }
    sql("INSERT INTO " + table +
        " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) "
        "VALUES " + values);
  }
  // Writes sql/<name> and returns the row Flyway writes after applying it.
  Row applied(int rank, const std::string& name, const std::string& content) const {
    write_sql(name, content);
    return as_applied(rank, name, content);
  }
  static Row as_applied(int rank, const std::string& name, const std::string& content) {
    std::string stem = name.substr(0, name.size() - 4);
    std::size_t separator = stem.find("__");
    std::string version = stem[0] == 'R' ? "" : stem.substr(1, separator - 1);
    std::replace(version.begin(), version.end(), '_', '.');
    std::string description = stem.substr(separator + 2);
    std::replace(description.begin(), description.end(), '_', ' ');
    return {rank, version, description, "SQL", name, flyway_checksum(content), true};
  }

  // `flyguard verify --format json` with the cluster's password in FLYWAY_PASSWORD.
  CheckReport verify(std::vector<std::string> extra = {}, Env env = {}) const {
    std::vector<std::string> args = {"verify", "--format", "json"};
    if (std::none_of(extra.begin(), extra.end(), [](const std::string& a) { return a == "--url"; })) {
      args.push_back("--url");
      args.push_back(postgres_cluster().uri(database_));
    }
    args.insert(args.end(), extra.begin(), extra.end());
    env.emplace("FLYWAY_PASSWORD", postgres_cluster().password);
    RunResult run = run_flyguard(args, {project.path(), env, ""});
    CheckReport report{run.status, run.err, parse_report(run.out)};
    return report;
  }
  RunResult verify_text(std::vector<std::string> extra, Env env = {}) const {
    std::vector<std::string> args = {"verify", "--color", "never"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_flyguard(args, {project.path(), env, ""});
  }

  std::string database_;
};

const std::string kAccounts = "CREATE TABLE accounts (id bigint PRIMARY KEY);\n";
const std::string kOrders = "CREATE TABLE orders (id bigint PRIMARY KEY,\r\n  account bigint);\r\n";
const std::string kView = "\xEF\xBB\xBF" "CREATE OR REPLACE VIEW v AS SELECT 1 AS one;\n";

TEST_F(VerifyDb, UnchangedMigrationsMatchTheChecksumsFlywayStored) {
  create_history();
  insert({applied(1, "V1__create_accounts.sql", kAccounts), applied(2, "V1_1__create_orders.sql", kOrders),
          applied(3, "R__view.sql", kView)});
  CheckReport report = verify();
  EXPECT_EQ(report.status, 0) << report.err;
  EXPECT_TRUE(report.diagnostics().empty()) << report.json.dump(2);
  EXPECT_TRUE(contains(report.err, "current version 1.1, 3 applied, 0 pending"));
}

TEST_F(VerifyDb, EditedAppliedMigrationIsAChecksumMismatch) {
  create_history();
  insert({applied(1, "V1__create_accounts.sql", kAccounts), applied(2, "V2__create_orders.sql", kOrders)});
  write_sql("V2__create_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, account bigint NOT NULL);\n");
  CheckReport report = verify();
  EXPECT_EQ(report.status, 1);
  auto found = with_rule(report.json, "checksum-mismatch");
  ASSERT_EQ(found.size(), 1u) << report.json.dump(2);
  EXPECT_EQ(found[0]["file"], "sql/V2__create_orders.sql");
  EXPECT_EQ(found[0]["severity"], "error");
  EXPECT_TRUE(contains(found[0]["message"].get<std::string>(), std::to_string(flyway_checksum(kOrders))));
}

TEST_F(VerifyDb, DeletedMigrationsAreMissingIncludingTheNewestThatFlywayCallsFuture) {
  create_history();
  insert({applied(1, "V1__a.sql", "SELECT 1;"), as_applied(2, "V2__b.sql", "SELECT 2;"),
          applied(3, "V3__c.sql", "SELECT 3;"), as_applied(4, "V4__d.sql", "SELECT 4;")});
  CheckReport report = verify();
  EXPECT_EQ(report.status, 1);
  auto missing = with_rule(report.json, "applied-migration-missing");
  ASSERT_EQ(missing.size(), 2u) << report.json.dump(2);
  EXPECT_EQ(missing[0]["file"], "sql/V2__b.sql");
  EXPECT_EQ(missing[1]["file"], "sql/V4__d.sql");
  EXPECT_FALSE(contains(missing[0]["message"].get<std::string>(), "future"));
  EXPECT_TRUE(contains(missing[1]["message"].get<std::string>(), "future"));
}

TEST_F(VerifyDb, FailedRowsAreErrors) {
  create_history();
  Row failed = applied(2, "V2__half_done.sql", "CREATE INDEX CONCURRENTLY i ON t (c);");
  failed.success = false;
  insert({applied(1, "V1__a.sql", "SELECT 1;"), failed});
  CheckReport report = verify();
  EXPECT_EQ(report.status, 1);
  auto found = with_rule(report.json, "failed-migration");
  ASSERT_EQ(found.size(), 1u) << report.json.dump(2);
  EXPECT_EQ(found[0]["file"], "sql/V2__half_done.sql");
  EXPECT_TRUE(contains(found[0]["hint"].get<std::string>(), "repair"));
}

TEST_F(VerifyDb, AVersionBelowTheCurrentOneIsRefusedUnlessOutOfOrder) {
  create_history();
  insert({applied(1, "V1__a.sql", "SELECT 1;"), applied(2, "V3__c.sql", "SELECT 3;")});
  write_sql("V2__late.sql", "SELECT 2;");
  CheckReport refused = verify();
  EXPECT_EQ(refused.status, 1);
  EXPECT_EQ(files_with(refused.json, "out-of-order-migration"), std::set<std::string>{"sql/V2__late.sql"});

  write("flyway.conf", "flyway.outOfOrder=true\n");
  CheckReport allowed = verify();
  EXPECT_EQ(allowed.status, 0) << allowed.json.dump(2);
  auto pending = with_rule(allowed.json, "pending-migration");
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0]["severity"], "info");
  EXPECT_TRUE(contains(pending[0]["message"].get<std::string>(), "out of order"));
}

TEST_F(VerifyDb, RenamesThatChangeTheDescriptionOrTypeAreWarnings) {
  create_history();
  insert({as_applied(1, "V1__create_accounts.sql", kAccounts), as_applied(2, "V2__orders.sql", kOrders)});
  write_sql("V1__create_account_table.sql", kAccounts);
  write_sql("B2__orders.sql", kOrders);
  CheckReport report = verify();
  EXPECT_EQ(report.status, 0) << report.json.dump(2);
  EXPECT_EQ(files_with(report.json, "description-mismatch"), std::set<std::string>{"sql/V1__create_account_table.sql"});
  EXPECT_EQ(files_with(report.json, "type-mismatch"), std::set<std::string>{"sql/B2__orders.sql"});
  EXPECT_EQ(verify({"--fail-on", "warning"}).status, 1);
}

TEST_F(VerifyDb, PendingAndChangedRepeatablesAreInformation) {
  create_history();
  insert({applied(1, "V1__a.sql", "SELECT 1;"), as_applied(2, "R__report_view.sql", "CREATE VIEW r AS SELECT 1;")});
  write_sql("R__report_view.sql", "CREATE OR REPLACE VIEW r AS SELECT 2;");
  write_sql("V2__b.sql", "SELECT 2;");
  write_sql("R__new_view.sql", "CREATE VIEW n AS SELECT 1;");
  CheckReport report = verify();
  EXPECT_EQ(report.status, 0) << report.json.dump(2);
  EXPECT_EQ(files_with(report.json, "pending-migration"),
            (std::set<std::string>{"sql/R__new_view.sql", "sql/V2__b.sql"}));
  EXPECT_EQ(files_with(report.json, "repeatable-will-rerun"), std::set<std::string>{"sql/R__report_view.sql"});
  EXPECT_TRUE(contains(report.err, "3 pending"));
}

TEST_F(VerifyDb, RepeatablesAreComparedAfterPlaceholderReplacementOrRaw) {
  create_history();
  const std::string raw = "GRANT SELECT ON v TO ${reader};";
  write("flyway.conf", "flyway.placeholders.reader=analyst\n");
  write_sql("R__grants.sql", raw);
  write_sql("R__raw_grants.sql", raw);
  Row replaced = as_applied(1, "R__grants.sql", "GRANT SELECT ON v TO analyst;");
  Row raw_row = as_applied(2, "R__raw_grants.sql", raw);  // rows written before Flyway 6.3 hold the raw text's
  insert({replaced, raw_row});
  CheckReport report = verify();
  EXPECT_EQ(report.status, 0);
  EXPECT_TRUE(report.diagnostics().empty()) << report.json.dump(2);

  write("flyway.conf", "flyway.placeholders.reader=auditor\n");
  EXPECT_EQ(files_with(verify().json, "repeatable-will-rerun"), std::set<std::string>{"sql/R__grants.sql"});
}

TEST_F(VerifyDb, BaselineRowsAndSchemaMarkersAreUnderstood) {
  create_history();
  insert({{0, "", "<< Flyway Schema Creation >>", "SCHEMA", "\"public\"", std::nullopt, true},
          {1, "5", "<< Flyway Baseline >>", "BASELINE", "<< Flyway Baseline >>", std::nullopt, true},
          applied(2, "V6__after_baseline.sql", "SELECT 6;")});
  write_sql("V1__before_baseline.sql", "SELECT 1;");
  write_sql("V5__at_baseline.sql", "SELECT 5;");
  write_sql("V7__next.sql", "SELECT 7;");
  CheckReport report = verify();
  EXPECT_EQ(report.status, 0) << report.json.dump(2);
  EXPECT_EQ(rule_set(report.json), std::set<std::string>{"pending-migration"});
  EXPECT_EQ(files_with(report.json, "pending-migration"), std::set<std::string>{"sql/V7__next.sql"});
  EXPECT_TRUE(contains(report.err, "current version 6"));
}

TEST_F(VerifyDb, RepairMarkersCancelTheRowsTheyDelete) {
  create_history();
  Row deleted = as_applied(3, "V2__dropped.sql", "SELECT 2;");
  deleted.type = "DELETE";
  insert({applied(1, "V1__a.sql", "SELECT 1;"), as_applied(2, "V2__dropped.sql", "SELECT 2;"), deleted});
  CheckReport report = verify();
  EXPECT_EQ(report.status, 0) << report.json.dump(2);
  EXPECT_TRUE(report.diagnostics().empty()) << report.json.dump(2);
}

TEST_F(VerifyDb, NoHistoryTableMeansNothingIsAppliedYet) {
  write_sql("V1__a.sql", "SELECT 1;");
  write_sql("V2__b.sql", "SELECT 2;");
  CheckReport report = verify();
  EXPECT_EQ(report.status, 0) << report.err;
  EXPECT_EQ(with_rule(report.json, "pending-migration").size(), 2u);
  EXPECT_TRUE(contains(report.err, "does not exist yet"));
  // A schema that does not exist either.
  EXPECT_EQ(verify({"--schema", "nowhere"}).status, 0);
}

TEST_F(VerifyDb, SchemaQualifiedTableFromFlywayConfiguration) {
  sql("CREATE SCHEMA app");
  create_history("\"app\".\"deploy_history\"");
  insert({as_applied(1, "V1__a.sql", "SELECT 1;")}, "\"app\".\"deploy_history\"");
  write_sql("V1__a.sql", "SELECT 1; -- edited");
  write("flyway.conf", "flyway.schemas=app,audit\nflyway.table=deploy_history\n");
  CheckReport report = verify();
  EXPECT_EQ(report.status, 1);
  EXPECT_EQ(files_with(report.json, "checksum-mismatch"), std::set<std::string>{"sql/V1__a.sql"});
  // The same table named on the command line, without the configuration.
  write("flyway.conf", "");
  EXPECT_EQ(verify({"--schema", "app", "--table", "deploy_history"}).status, 1);
  EXPECT_EQ(verify().status, 0);  // public.flyway_schema_history does not exist
}

TEST_F(VerifyDb, ConnectionSettingsComeFromFlywayConfAndEnvironment) {
  create_history();
  insert({applied(1, "V1__a.sql", "SELECT 1;")});
  write("conf/flyway.conf", "flyway.url=" + postgres_cluster().jdbc_url(database_) + "\nflyway.user=" +
                                postgres_cluster().user + "\n");
  RunResult run = verify_text({}, {{"FLYWAY_PASSWORD", postgres_cluster().password}});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(contains(run.err, "current version 1, 1 applied, 0 pending"));
  // --password-env names another variable.
  run = verify_text({"--password-env", "DEPLOY_SECRET"}, {{"DEPLOY_SECRET", postgres_cluster().password}});
  EXPECT_EQ(run.status, 0) << run.err;
  run = verify_text({"--password-env", "DEPLOY_SECRET"}, {{"DEPLOY_SECRET", ""}});
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(contains(run.err, "DEPLOY_SECRET"));
}

TEST_F(VerifyDb, RedshiftUrlsSpeakThePostgresProtocol) {
  create_history();
  insert({applied(1, "V1__a.sql", "SELECT 1;")});
  const std::string url = "jdbc:redshift://127.0.0.1:" + postgres_cluster().port + "/" + database_ +
                          "?user=" + postgres_cluster().user;
  EXPECT_EQ(verify({"--url", url + "&sslmode=disable"}).status, 0);
  // Redshift URLs require TLS unless told otherwise; this test server has none.
  RunResult refused = verify_text({"--url", url}, {{"FLYWAY_PASSWORD", postgres_cluster().password}});
  EXPECT_EQ(refused.status, 2);
  EXPECT_TRUE(contains(refused.err, "SSL"));
}

TEST_F(VerifyDb, AWrongPasswordExitsTwoWithoutPrintingIt) {
  const std::string secret = "Not-The-Password-4711";
  RunResult run = verify_text({"--url", postgres_cluster().jdbc_url(database_) + "?user=" +
                                            postgres_cluster().user + "&password=" + secret});
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(contains(run.err, "password authentication failed"));
  EXPECT_EQ((run.out + run.err).find(secret), std::string::npos) << run.err;
  run = verify_text({"--url", postgres_cluster().uri(database_)}, {{"FLYWAY_PASSWORD", secret}});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ((run.out + run.err).find(secret), std::string::npos) << run.err;
}

TEST_F(VerifyDb, AnUnreachableHostExitsTwo) {
  RunResult run = verify_text({"--url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2"});
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(contains(run.err, "cannot connect to 127.0.0.1:1/none"));
}

TEST_F(VerifyDb, AUserWhoMayNotReadTheTableGetsAClearError) {
  create_history();
  sql("CREATE ROLE reader LOGIN PASSWORD 'reader-pw'");
  RunResult run = verify_text({"--url", "postgresql://reader@127.0.0.1:" + postgres_cluster().port + "/" + database_},
                              {{"FLYWAY_PASSWORD", "reader-pw"}});
  sql("DROP OWNED BY reader; DROP ROLE reader");
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(contains(run.err, "permission denied"));
  EXPECT_TRUE(contains(run.err, "grant SELECT"));
}

TEST_F(VerifyDb, VerifyOnlyReads) {
  create_history();
  insert({applied(1, "V1__a.sql", "SELECT 1;")});
  // A server that refuses every write still answers verify.
  sql("ALTER DATABASE " + database_ + " SET default_transaction_read_only = on");
  EXPECT_EQ(verify().status, 0);
}

TEST_F(VerifyDb, TenThousandHistoryRows) {
  create_history();
  std::vector<Row> rows;
  for (int i = 1; i <= 10000; ++i) {
    std::string name = "V" + std::to_string(i) + "__step_" + std::to_string(i) + ".sql";
    rows.push_back(applied(i, name, "SELECT " + std::to_string(i) + ";\n"));
  }
  insert(rows);
  write_sql("V10001__next.sql", "SELECT 10001;");
  CheckReport report = verify();
  EXPECT_EQ(report.status, 0) << report.err;
  EXPECT_EQ(rule_set(report.json), std::set<std::string>{"pending-migration"});
  EXPECT_TRUE(contains(report.err, "current version 10000, 10000 applied, 1 pending"));
}

// ci --url: the database, not the base branch, says what is applied.
TEST_F(VerifyDb, CiWithUrlTakesTheAppliedSetFromTheDatabase) {
  auto git = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"-c", "user.name=Test", "-c", "user.email=test@example.com"});
    RunResult r = run_program("git", args, {project.path(), {}, ""});
    EXPECT_EQ(r.status, 0) << r.err;
    return r.out;
  };
  git({"init", "-q", "-b", "main"});
  write("flyway.conf", "flyway.locations=filesystem:sql\n");
  write_sql("V1__a.sql", "CREATE TABLE a (id bigint);\n");
  write_sql("V2__b.sql", "CREATE TABLE b (id bigint);\n");
  git({"add", "-A"});
  git({"commit", "-q", "-m", "A"});
  std::string base = git({"rev-parse", "HEAD"});
  base.pop_back();
  write_sql("V2__b.sql", "CREATE TABLE b (id bigint, note text);\n");
  write_sql("V3__c.sql", "CREATE INDEX c_idx ON a (id);\n");
  git({"add", "-A"});
  git({"commit", "-q", "-m", "B"});

  // The base branch has V2, so the edit is refused without a database...
  RunResult from_git = run_flyguard({"ci", "--base", base, "--format", "json"}, {project.path(), {}, ""});
  EXPECT_EQ(from_git.status, 1);
  EXPECT_EQ(files_with(parse_report(from_git.out), "applied-migration-modified"), std::set<std::string>{"sql/V2__b.sql"});
  // ... but the database has only applied V1: editing V2 before it is deployed is fine.
  create_history();
  insert({as_applied(1, "V1__a.sql", "CREATE TABLE a (id bigint);\n")});
  std::vector<std::string> ci = {"ci", "--base", base, "--format", "json", "--url", postgres_cluster().uri(database_)};
  Env password{{"FLYWAY_PASSWORD", postgres_cluster().password}};
  RunResult from_db = run_flyguard(ci, {project.path(), password, ""});
  Json report = parse_report(from_db.out);
  EXPECT_EQ(files_with(report, "applied-migration-modified"), std::set<std::string>{});
  EXPECT_EQ(files_with(report, "pending-migration"), (std::set<std::string>{"sql/V2__b.sql", "sql/V3__c.sql"}));
  // The new files are still linted.
  EXPECT_EQ(files_with(report, "require-concurrent-index-creation"), std::set<std::string>{"sql/V3__c.sql"});
  EXPECT_EQ(from_db.status, 1) << from_db.err;

  // Once V2 is deployed with its old content, the edit is a checksum mismatch.
  insert({as_applied(2, "V2__b.sql", "CREATE TABLE b (id bigint);\n")});
  report = parse_report(run_flyguard(ci, {project.path(), password, ""}).out);
  EXPECT_EQ(files_with(report, "checksum-mismatch"), std::set<std::string>{"sql/V2__b.sql"});
  // An unreachable database fails closed.
  RunResult down = run_flyguard({"ci", "--base", base, "--url", "postgresql://127.0.0.1:1/x"}, {project.path(), {}, ""});
  EXPECT_EQ(down.status, 2);
  EXPECT_TRUE(contains(down.err, "fail closed"));
}

}  // namespace
}  // namespace flyguard::test
