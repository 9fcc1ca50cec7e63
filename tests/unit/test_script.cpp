#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "sql/script.h"
#include "util/source_text.h"

namespace flyguard::sql {
namespace {

TEST(Script, ParsesEveryStatementIntoATypedTree) {
  ParsedScript script = parse_script("CREATE TABLE t (id int);\nCREATE INDEX i ON t (id);", Dialect::postgres);
  ASSERT_EQ(script.statements.size(), 2U);
  EXPECT_TRUE(script.failures.empty());
  EXPECT_EQ(script.statements[0].kind(), "CreateStmt");
  EXPECT_EQ(script.statements[1].kind(), "IndexStmt");
  EXPECT_EQ(script.statements[0].ast.field("relation").string_field("relname"), "t");
  EXPECT_EQ(script.statements[1].ast.string_field("idxname"), "i");
}

TEST(Script, ParseTreesStayValidWhileLaterScriptsAreParsed) {
  // Parse trees' memory is reused once a script is gone: never while it is still alive.
  std::vector<std::pair<std::string, ParsedScript>> alive;
  for (int i = 0; i < 12; ++i) {
    const std::string table = "table_" + std::to_string(i);
    alive.emplace_back(table, parse_script("CREATE TABLE " + table + " (id int); DO $$ BEGIN UPDATE " + table +
                                               " SET id = 1; END $$;",
                                           Dialect::postgres));
    if (i % 3 == 2) alive.erase(alive.begin());  // hand some trees back in between
  }
  ASSERT_EQ(alive.size(), 8U);
  for (const auto& [table, script] : alive) {
    ASSERT_EQ(script.statements.size(), 2U);
    EXPECT_EQ(script.statements[0].ast.field("relation").string_field("relname"), table);
    ASSERT_EQ(script.nested.size(), 1U);
    EXPECT_EQ(script.nested[0].kind(), "UpdateStmt");
    EXPECT_EQ(script.nested[0].ast.field("relation").string_field("relname"), table);
  }
}

TEST(Script, NodeLocationsPointIntoTheScript) {
  std::string text = "SELECT 1;\nCREATE TABLE accounts (id int);";
  ParsedScript script = parse_script(text, Dialect::postgres);
  ASSERT_EQ(script.statements.size(), 2U);
  const Statement& create = script.statements[1];
  std::int64_t location = create.ast.field("relation").location();
  ASSERT_GE(location, 0);
  EXPECT_EQ(text.substr(create.ast_base + static_cast<std::size_t>(location), 8), "accounts");
}

TEST(Script, LocationsStayRightWhenAnotherStatementFails) {
  std::string text = "SELEC 1;\nCREATE TABLE accounts (id int);";
  ParsedScript script = parse_script(text, Dialect::postgres);
  ASSERT_EQ(script.failures.size(), 1U);
  const Statement& create = script.statements[1];
  ASSERT_TRUE(create.ast);
  std::int64_t location = create.ast.field("relation").location();
  EXPECT_EQ(text.substr(create.ast_base + static_cast<std::size_t>(location), 8), "accounts");
}

TEST(Script, EveryFailingStatementIsReportedAndTheRestParse) {
  std::string text = "SELECT 1;\nSELECT FROM WHERE;\nSELECT 2;\nCREATE TABLEE x;\nSELECT 3;";
  ParsedScript script = parse_script(text, Dialect::postgres);
  ASSERT_EQ(script.failures.size(), 2U);
  EXPECT_EQ(script.failures[0].statement, 1U);
  EXPECT_EQ(script.failures[1].statement, 3U);
  EXPECT_EQ(text.substr(script.failures[0].offset, 5), "WHERE");
  EXPECT_EQ(text.substr(script.failures[1].offset, 6), "TABLEE");
  EXPECT_TRUE(script.statements[4].ast);
}

TEST(Script, ErrorOffsetCountsCharactersNotBytes) {
  // libpg_query reports a character position; multi-byte text before the error must not shift it.
  std::string text = "SELECT 'ééé€' AS \"ü\" FROM WHERE x";
  ParsedScript script = parse_script(text, Dialect::postgres);
  ASSERT_EQ(script.failures.size(), 1U);
  EXPECT_EQ(text.substr(script.failures[0].offset, 5), "WHERE");
  util::LineIndex lines(text);
  EXPECT_EQ(lines.position_of(script.failures[0].offset).column, 27);
}

TEST(Script, PsqlMetaCommandsGetTheirOwnMessage) {
  ParsedScript script = parse_script("\\set ON_ERROR_STOP on\nSELECT 1;", Dialect::postgres);
  ASSERT_EQ(script.failures.size(), 1U);
  EXPECT_EQ(script.failures[0].kind, FailureKind::psql_meta);
  EXPECT_NE(script.failures[0].message.find("\\set"), std::string::npos);
}

TEST(Script, UnterminatedConstructsPointAtTheirStart) {
  ParsedScript script = parse_script("SELECT 1;\nSELECT 'never closed;\n", Dialect::postgres);
  ASSERT_EQ(script.failures.size(), 1U);
  EXPECT_EQ(script.failures[0].kind, FailureKind::unterminated);
  EXPECT_EQ(script.failures[0].offset, 17U);
}

TEST(Script, DeepNestingIsAFailureNotACrash) {
  std::string text = "SELECT " + std::string(10000, '(') + "1" + std::string(10000, ')');
  ParsedScript script = parse_script(text, Dialect::postgres);
  ASSERT_EQ(script.failures.size(), 1U);
  EXPECT_EQ(script.failures[0].kind, FailureKind::too_complex);
}

TEST(Script, ModeratelyDeepTreesAreRead) {
  std::string text = "SELECT " + std::string(800, '(') + "1" + std::string(800, ')');
  ParsedScript script = parse_script(text, Dialect::postgres);
  EXPECT_TRUE(script.failures.empty());
  EXPECT_TRUE(script.statements.at(0).ast);
}

TEST(Script, EmptyAndCommentOnlyScriptsHaveNoStatements) {
  EXPECT_TRUE(parse_script("", Dialect::postgres).statements.empty());
  EXPECT_TRUE(parse_script("-- only a comment\n/* and another */", Dialect::postgres).statements.empty());
}

TEST(Script, WalksEveryNode) {
  ParsedScript script = parse_script("CREATE TABLE t (a int, b text);", Dialect::postgres);
  int columns = 0;
  script.statements.at(0).ast.visit([&](const AstNode& node) { columns += node.type() == "ColumnDef"; });
  EXPECT_EQ(columns, 2);
}

struct NewerCase {
  const char* sql;
  int version;
};

class NewerSyntaxTable : public ::testing::TestWithParam<NewerCase> {};

TEST_P(NewerSyntaxTable, IsRecognisedWhenThePg15GrammarRejectsIt) {
  ParsedScript script = parse_script(GetParam().sql, Dialect::postgres);
  ASSERT_EQ(script.failures.size(), 1U) << GetParam().sql;
  EXPECT_EQ(script.failures[0].kind, FailureKind::newer_syntax) << GetParam().sql;
  EXPECT_EQ(script.failures[0].needs_pg_version, GetParam().version) << GetParam().sql;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NewerSyntaxTable,
    ::testing::Values(NewerCase{"CREATE TABLE t (a int, CONSTRAINT a_nn NOT NULL a)", 18},
                      NewerCase{"ALTER TABLE t ADD CONSTRAINT a_nn NOT NULL a", 18},
                      NewerCase{"CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) VIRTUAL)", 18},
                      NewerCase{"ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT ENFORCED", 18},
                      NewerCase{"SELECT * FROM JSON_TABLE(j, '$' COLUMNS (a int PATH '$.a')) jt", 17},
                      NewerCase{"ALTER TABLE t ALTER COLUMN b SET EXPRESSION AS (a * 3)", 17},
                      NewerCase{"SELECT j IS JSON FROM t", 16},
                      NewerCase{"SELECT 1_000_000", 16},
                      NewerCase{"SELECT 0x1F", 16}));

TEST(NewerSyntax, PlainMistakesAreNotNewerSyntax) {
  for (const char* sql : {"SELEC 1", "CREATE TABLE t (a int,)", "CREATE TABLE t (a int CONSTRAINT nn NOT NULL,)"}) {
    ParsedScript script = parse_script(sql, Dialect::postgres);
    ASSERT_EQ(script.failures.size(), 1U) << sql;
    EXPECT_EQ(script.failures[0].kind, FailureKind::syntax) << sql;
  }
}

TEST(NewerSyntax, ColumnNotNullConstraintStillParses) {
  EXPECT_TRUE(parse_script("CREATE TABLE t (a int CONSTRAINT nn NOT NULL)", Dialect::postgres).failures.empty());
}

}  // namespace
}  // namespace flyguard::sql
