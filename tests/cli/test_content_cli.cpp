// What `flyguard check` finds inside files: SQL syntax, encoding, size, dialects, placeholders.
#include "cli_fixtures.h"

namespace flyguard::test {
namespace {

using Syntax = CliTest;
using Encoding = CliTest;
using Dialects = CliTest;
using Placeholders = CliTest;
using StdinInput = CliTest;

// The (line, column) of each diagnostic with `rule`, in report order.
std::vector<std::pair<int, int>> positions(const Json& report, std::string_view rule) {
  std::vector<std::pair<int, int>> out;
  for (const Json& d : with_rule(report, rule)) out.emplace_back(d["line"].get<int>(), d["column"].get<int>());
  return out;
}

using Positions = std::vector<std::pair<int, int>>;

// ---- SQL syntax ----------------------------------------------------------------------------------

TEST_F(Syntax, ErrorAtExactLineAndColumn) {
  write_sql("V1__a.sql", "CREATE TABLE t (id bigint);\n\nSELECT id FRM t;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(positions(r.json, "syntax-error"), (Positions{{3, 15}}));
  EXPECT_EQ(with_rule(r.json, "syntax-error")[0]["message"], "syntax error at or near \"t\"");
}

TEST_F(Syntax, ColumnCountsCodePointsNotBytes) {
  // 'héllo€' is 8 code points but 11 bytes; the error token "t" is the 21st character.
  write_sql("V1__a.sql", "SELECT 1;\nSELECT 'h\xC3\xA9llo\xE2\x82\xAC' FRM t;\n");
  EXPECT_EQ(positions(check_json().json, "syntax-error"), (Positions{{2, 21}}));
}

TEST_F(Syntax, FourByteCharactersCountAsOneColumn) {
  write_sql("V1__a.sql", "SELECT '\xF0\x9F\x98\x80\xF0\x9F\x98\x80' AS x FROM;\n");  // two emoji
  // SELECT(1-6) space(7) '😀😀'(8-11) space AS space x space FROM(18-21) ;(22)
  EXPECT_EQ(positions(check_json().json, "syntax-error"), (Positions{{1, 22}}));
}

TEST_F(Syntax, RemainingStatementsAreStillChecked) {
  write_sql("V1__a.sql", "SELEC 1;\nSELECT 2;\nCREATE TABLEX y;\nSELECT 3;\n");
  CheckReport r = check_json();
  EXPECT_EQ(positions(r.json, "syntax-error"), (Positions{{1, 1}, {3, 8}}));
  EXPECT_EQ(r.json["summary"]["errors"], 2);
}

TEST_F(Syntax, CrlfLineEndings) {
  write_sql("V1__a.sql", "SELECT 1;\r\nSELECT 2;\r\nSELECT x FRM y;\r\n");
  EXPECT_EQ(positions(check_json().json, "syntax-error"), (Positions{{3, 14}}));
}

TEST_F(Syntax, PsqlMetaCommand) {
  write_sql("V1__a.sql", "SELECT 1;\n\\echo hello\nSELECT 2;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  std::vector<Json> errors = with_rule(r.json, "syntax-error");
  ASSERT_EQ(errors.size(), 1u) << r.json.dump(2);
  EXPECT_EQ(errors[0]["line"], 2);
  EXPECT_EQ(errors[0]["column"], 1);
  EXPECT_TRUE(contains(errors[0]["message"].get<std::string>(), "psql meta-command '\\echo'"));
  EXPECT_TRUE(errors[0]["hint"].is_string());
}

TEST_F(Syntax, UnterminatedString) {
  write_sql("V1__a.sql", "SELECT 1;\nSELECT 'never closed;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(positions(r.json, "syntax-error"), (Positions{{2, 8}}));
}

TEST_F(Syntax, DollarQuotedFunctionBodiesAreFine) {
  write_sql("V1__fn.sql",
            "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$;\n"
            "DO $body$ BEGIN PERFORM 1; END $body$;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.diagnostics().empty()) << r.json.dump(2);
}

TEST_F(Syntax, DeeplyNestedExpressionDoesNotCrash) {
  write_sql("V1__deep.sql", "SELECT " + std::string(10000, '(') + "1" + std::string(10000, ')') + ";\n");
  CheckReport r = check_json();
  EXPECT_TRUE(r.status == 0 || r.status == 1) << r.status;
  EXPECT_FALSE(for_file(r.json, "sql/V1__deep.sql").empty()) << r.json.dump(2);
}

TEST_F(Syntax, NewerSyntaxIsAWarning) {
  write_sql("V1__a.sql", "SELECT 1_000_000;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"newer-syntax"});
}

TEST_F(Syntax, NewerSyntaxIsAnErrorBelowTheConfiguredPgVersion) {
  write(".flyguard.toml", "pg_version = 15\n");
  write_sql("V1__a.sql", "SELECT 1_000_000;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"newer-syntax"});
  EXPECT_EQ(r.diagnostics()[0]["severity"], "error");
}

// ---- encoding and size ---------------------------------------------------------------------------

TEST_F(Encoding, InvalidUtf8GivesByteOffset) {
  write_sql("V1__a.sql", "SELECT 1;\nSELECT '\xE9t\xE9';\n");  // Latin-1 é
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  std::vector<Json> found = with_rule(r.json, "invalid-utf8");
  ASSERT_EQ(found.size(), 1u) << r.json.dump(2);
  EXPECT_TRUE(contains(found[0]["message"].get<std::string>(), "byte offset 18"));
  EXPECT_EQ(found[0]["line"], 2);
  EXPECT_EQ(found[0]["column"], 9);
  EXPECT_EQ(rule_set(r.json), std::set<std::string>{"invalid-utf8"});
}

TEST_F(Encoding, NulByteIsBinary) {
  write_sql("V1__a.sql", std::string("SELECT 1;\0\x01\x02", 12));
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"binary-file"});
  EXPECT_TRUE(contains(r.diagnostics()[0]["message"].get<std::string>(), "byte offset 9"));
}

TEST_F(Encoding, EmptyAndBomOnlyFilesAreClean) {
  write_sql("V1__empty.sql", "");
  write_sql("V2__bom.sql", "\xEF\xBB\xBF");
  write_sql("V3__bom_newline.sql", "\xEF\xBB\xBF\n");
  write_sql("V4__comment.sql", "-- nothing yet\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.diagnostics().empty()) << r.json.dump(2);
}

TEST_F(Encoding, BomBeforeSqlIsNotPartOfTheStatement) {
  write_sql("V1__ok.sql", "\xEF\xBB\xBF" "CREATE TABLE t (id bigint);\n");
  write_sql("V2__bad.sql", "\xEF\xBB\xBF" "SELEC 1;\n");
  CheckReport r = check_json();
  EXPECT_TRUE(for_file(r.json, "sql/V1__ok.sql").empty()) << r.json.dump(2);
  EXPECT_EQ(positions(r.json, "syntax-error"), (Positions{{1, 1}}));
  EXPECT_EQ(with_rule(r.json, "syntax-error")[0]["message"], "syntax error at or near \"SELEC\"");
}

TEST_F(Encoding, FileLargerThanMaxFileSize) {
  write(".flyguard.toml", "max_file_size = 100\n");
  write_sql("V1__small.sql", "SELECT 1;\n");
  write_sql("V2__big.sql", std::string(200, '-') + "\nSELECT 1;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"file-too-large"});
  EXPECT_EQ(files_with(r.json, "file-too-large"), std::set<std::string>{"sql/V2__big.sql"});
}

// ---- dialects ------------------------------------------------------------------------------------

constexpr const char* kRedshiftOnly = "CREATE TABLE t (a int) DISTSTYLE KEY DISTKEY(a);\n";

TEST_F(Dialects, RedshiftStatementIsASyntaxErrorInPostgres) {
  write_sql("V1__rs.sql", kRedshiftOnly);
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"syntax-error"});
}

TEST_F(Dialects, RedshiftStatementIsReadWithDialectOption) {
  write_sql("V1__rs.sql", kRedshiftOnly);
  CheckReport r = check_json({"--dialect", "redshift"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{});
}

// PartiQL's AT (position in a SUPER array) has no PostgreSQL reading: a warning naming it, and the
// statements around it are still checked.
TEST_F(Dialects, UnreadableRedshiftStatementIsOnlyAWarning) {
  write_sql("V1__rs.sql", "ALTER TABLE a DROP COLUMN b;\nSELECT i FROM t AS c, c.items AS i AT n;\nDROP TABLE d;\n");
  CheckReport r = check_json({"--dialect", "redshift"});
  EXPECT_EQ(r.status, 0);  // warnings only
  EXPECT_EQ(rules(r.json), (std::multiset<std::string>{"ban-drop-column", "unparseable-statement", "ban-drop-table"}));
  for (const auto& d : r.diagnostics()) {
    if (d["rule"] != "unparseable-statement") continue;
    EXPECT_EQ(d["severity"], "warning");
    EXPECT_EQ(d["line"], 2);
    EXPECT_EQ(d["column"], 36);
    EXPECT_NE(d["message"].get<std::string>().find("\"AT\""), std::string::npos) << d["message"];
  }
}

TEST_F(Dialects, RedshiftFromFlywayUrl) {
  write("flyway.conf", "flyway.url=jdbc:redshift://cluster.example.com:5439/dev\n");
  write_sql("V1__rs.sql", kRedshiftOnly);
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{});
  // The command line wins over the URL.
  EXPECT_EQ(check_json({"--dialect", "postgres"}).status, 1);
}

TEST_F(Dialects, RedshiftFromFlyguardToml) {
  write(".flyguard.toml", "dialect = \"redshift\"\n");
  write_sql("V1__rs.sql", kRedshiftOnly);
  EXPECT_EQ(check_json().status, 0);
}

TEST_F(Dialects, PsqlMetaCommandIsStillAnErrorInRedshift) {
  write_sql("V1__a.sql", "\\echo hi\nSELECT 1;\n");
  CheckReport r = check_json({"--dialect", "redshift"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"syntax-error"});
}

// ---- placeholders and script configuration -------------------------------------------------------

TEST_F(Placeholders, SubstitutedBeforeParsing) {
  write("flyway.conf", "flyway.placeholders.table=accounts\n");
  write_sql("V1__a.sql", "CREATE TABLE ${table} (id bigint);\nINSERT INTO ${TABLE} VALUES (1);\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.diagnostics().empty()) << r.json.dump(2);
}

TEST_F(Placeholders, PositionsPointIntoTheOriginalFile) {
  write("flyway.conf", "flyway.placeholders.table=a_much_longer_table_name_than_the_placeholder\n");
  // In the file "a" after WHER is the 29th character; after replacement it would be much further right.
  write_sql("V1__a.sql", "SELECT 1;\nSELECT * FROM ${table} WHER a = 1;\n");
  EXPECT_EQ(positions(check_json().json, "syntax-error"), (Positions{{2, 29}}));
}

TEST_F(Placeholders, ValueFromTheEnvironment) {
  write_sql("V1__a.sql", "CREATE TABLE ${table} (id bigint);\n");
  CheckReport r = check_json({}, {{"FLYWAY_PLACEHOLDERS_TABLE", "accounts"}});
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.diagnostics().empty()) << r.json.dump(2);
}

TEST_F(Placeholders, UndefinedPlaceholderIsAWarning) {
  write_sql("V1__a.sql", "SELECT 1;\nSELECT * FROM ${missing};\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0) << r.json.dump(2);
  // The statement is not what Flyway will run, so only the placeholder is reported, not a syntax error.
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"undefined-placeholder"});
  const Json& d = r.diagnostics()[0];
  EXPECT_EQ(d["severity"], "warning");
  EXPECT_EQ(d["line"], 2);
  EXPECT_EQ(d["column"], 15);
  EXPECT_TRUE(contains(d["message"].get<std::string>(), "missing"));
}

TEST_F(Placeholders, OtherStatementsAreStillCheckedNextToAnUndefinedPlaceholder) {
  write_sql("V1__a.sql", "SELECT * FROM ${missing};\nSELEC 1;\n");
  CheckReport r = check_json();
  EXPECT_EQ(rules(r.json), (std::multiset<std::string>{"syntax-error", "undefined-placeholder"}));
  EXPECT_EQ(positions(r.json, "syntax-error"), (Positions{{2, 1}}));
}

TEST_F(Placeholders, ReplacementDisabledByFlywayConf) {
  write("flyway.conf", "flyway.placeholderReplacement=false\n");
  write_sql("V1__a.sql", "SELECT '${not_a_placeholder}';\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.diagnostics().empty()) << r.json.dump(2);
}

TEST_F(Placeholders, ScriptConfigWithUnknownKey) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  write_sql("V1__a.sql.conf", "executeInTransaction=false\nbogus=1\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  std::vector<Json> found = with_rule(r.json, "invalid-script-config");
  ASSERT_EQ(found.size(), 1u) << r.json.dump(2);
  EXPECT_EQ(found[0]["file"], "sql/V1__a.sql.conf");
  EXPECT_EQ(found[0]["line"], 2);
  EXPECT_TRUE(contains(found[0]["message"].get<std::string>(), "bogus"));
}

TEST_F(Placeholders, ScriptConfigCanTurnReplacementOff) {
  write_sql("V1__a.sql", "SELECT '${not_a_placeholder}';\n");
  write_sql("V1__a.sql.conf", "placeholderReplacement=false\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.diagnostics().empty()) << r.json.dump(2);
}

// ---- --stdin-filepath ----------------------------------------------------------------------------

TEST_F(StdinInput, ReadsContentFromStdinAndReportsThePath) {
  write_sql("V1__a.sql", "SELECT 1;\n");  // on disk the file is fine; stdin holds the edited text
  CheckReport r = check_json({"--stdin-filepath", "sql/V1__a.sql"}, {}, "SELECT 1;\nSELEC 2;\n");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(positions(r.json, "syntax-error"), (Positions{{2, 1}}));
  EXPECT_EQ(files_with(r.json, "syntax-error"), std::set<std::string>{"sql/V1__a.sql"});
  EXPECT_EQ(r.json["summary"]["files"], 1);
}

TEST_F(StdinInput, FileNeedNotExistAndItsNameIsChecked) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  CheckReport r = check_json({"--stdin-filepath", "sql/new_file.sql"}, {}, "SELECT 1;\n");
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"ignored-migration-name"});
  EXPECT_EQ(files_with(r.json, "ignored-migration-name"), std::set<std::string>{"sql/new_file.sql"});
}

TEST_F(StdinInput, UsesTheProjectConfiguration) {
  write("flyway.conf", "flyway.placeholders.table=accounts\nflyway.url=jdbc:redshift://h:5439/db\n");
  write_sql("V1__a.sql", "SELECT 1;\n");
  CheckReport r = check_json({"--stdin-filepath", "sql/V2__b.sql"}, {},
                             "CREATE TABLE ${table} (a int) DISTSTYLE KEY DISTKEY(a);\n");
  EXPECT_EQ(r.status, 0);  // read as Redshift (flyway.url) with the placeholder replaced
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{});
}

}  // namespace
}  // namespace flyguard::test
