#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sql/plpgsql.h"
#include "sql/script.h"

namespace flyguard::sql {
namespace {

std::vector<std::string> sqls(const std::vector<EmbeddedSql>& statements) {
  std::vector<std::string> out;
  for (const EmbeddedSql& s : statements) out.push_back(s.sql);
  return out;
}

TEST(Plpgsql, StatementsOfNestedBlocksInSourceOrder) {
  const std::string body =
      " BEGIN ALTER TABLE a ADD COLUMN x int; IF true THEN UPDATE a SET x = 1; ELSE DELETE FROM a; END IF;"
      " BEGIN DROP TABLE b; EXCEPTION WHEN others THEN NULL; END; FOR i IN 1..2 LOOP INSERT INTO c VALUES (i);"
      " END LOOP; END ";
  auto statements = plpgsql_statements(body);
  EXPECT_EQ(sqls(statements), (std::vector<std::string>{"ALTER TABLE a ADD COLUMN x int", "UPDATE a SET x = 1",
                                                        "DELETE FROM a", "DROP TABLE b", "INSERT INTO c VALUES (i)"}));
  for (const EmbeddedSql& s : statements) EXPECT_EQ(body.substr(s.body_offset, s.sql.size()), s.sql);
}

TEST(Plpgsql, ConstantExecuteIsReadDynamicIsNot) {
  auto statements = plpgsql_statements(
      " BEGIN EXECUTE 'DROP TABLE it''s'; EXECUTE 'DROP TABLE ' || quote_ident(n); EXECUTE format('DROP %I', n); END ");
  ASSERT_EQ(sqls(statements), std::vector<std::string>{"DROP TABLE it's"});
  EXPECT_EQ(statements[0].body_offset, std::string::npos);  // the doubled quote: not verbatim in the body
}

TEST(Plpgsql, BodyHoldingTheWrapperTagOrBrokenIsHandled) {
  EXPECT_EQ(sqls(plpgsql_statements(" BEGIN PERFORM '$flyguard_body$'; DROP TABLE t; END ")),
            std::vector<std::string>{"DROP TABLE t"});
  EXPECT_TRUE(plpgsql_statements(" BEGIN DROP TABLE t; ").empty());  // no END: PostgreSQL rejects it when it runs
  EXPECT_TRUE(plpgsql_statements("").empty());
}

TEST(Plpgsql, DoBlockStatementsArePlacedInTheFile) {
  const std::string text = "SELECT 1;\nDO $body$\nBEGIN\n  PERFORM '$$';\n  DROP TABLE t;\n"
                           "  EXECUTE 'DO $x$ BEGIN DROP TABLE u; END $x$';\nEND\n$body$;\n";
  ParsedScript script = parse_script(text, Dialect::postgres);
  ASSERT_TRUE(script.failures.empty());
  ASSERT_EQ(script.nested.size(), 3U);  // DROP TABLE t, the inner DO, and its DROP TABLE u
  EXPECT_EQ(text.substr(script.nested[0].span.code_begin, 12), "DROP TABLE t");
  EXPECT_EQ(script.nested[0].nested_in, 1U);
  EXPECT_EQ(script.nested[1].kind(), "DoStmt");
  EXPECT_EQ(text.substr(script.nested[2].span.code_begin, 12), "DROP TABLE u");
  std::vector<Statement> ordered = script.in_execution_order();
  ASSERT_EQ(ordered.size(), 5U);
  EXPECT_EQ(ordered[1].kind(), "DoStmt");
  EXPECT_EQ(ordered[2].kind(), "DropStmt");
  EXPECT_EQ(text.substr(ordered[2].text_offset(0), 4), "DROP");
}

TEST(Plpgsql, OtherLanguagesAndFunctionBodiesAreNotRun) {
  ParsedScript script = parse_script(
      "DO LANGUAGE plpython3u $$ plpy.execute('DROP TABLE t') $$;\n"
      "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE t; END $$;",
      Dialect::postgres);
  EXPECT_TRUE(script.nested.empty());
}

// A function or procedure defined in the migration runs where the migration calls it.
TEST(Plpgsql, RoutinesCalledByTheMigrationAreCheckedAtTheCall) {
  const std::string text =
      "CREATE FUNCTION app.backfill() RETURNS void LANGUAGE plpgsql AS $fn$\nBEGIN\n  UPDATE t SET x = 1;\nEND\n$fn$;\n"
      "CREATE PROCEDURE later() LANGUAGE plpgsql AS 'BEGIN DROP TABLE keep; END';\n"
      "SELECT app.backfill();\n";
  ParsedScript script = parse_script(text, Dialect::postgres);
  ASSERT_EQ(script.nested.size(), 1U);
  EXPECT_EQ(script.nested[0].nested_in, 2U);  // runs at the SELECT
  EXPECT_EQ(text.substr(script.nested[0].span.code_begin, 6), "UPDATE");
  ParsedScript called = parse_script(text + "CALL later();\n", Dialect::postgres);
  ASSERT_EQ(called.nested.size(), 2U);
  EXPECT_EQ(called.nested[1].kind(), "DropStmt");
}

}  // namespace
}  // namespace flyguard::sql
