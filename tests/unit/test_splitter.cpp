#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sql/splitter.h"

namespace flyguard::sql {
namespace {

std::vector<std::string> statements(std::string_view script, Dialect dialect = Dialect::postgres) {
  std::vector<std::string> out;
  for (const StatementSpan& s : split_statements(script, dialect))
    out.emplace_back(script.substr(s.code_begin, s.end - s.code_begin));
  return out;
}

struct SplitCase {
  const char* name;
  const char* script;
  std::vector<std::string> expected;
};

class SplitterTable : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SplitterTable, SplitsLikeFlyway) {
  EXPECT_EQ(statements(GetParam().script), GetParam().expected) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SplitterTable,
    ::testing::Values(
        SplitCase{"two", "SELECT 1; SELECT 2;", {"SELECT 1", "SELECT 2"}},
        SplitCase{"last without delimiter", "SELECT 1;\nSELECT 2", {"SELECT 1", "SELECT 2"}},
        SplitCase{"empty statements dropped", "SELECT 1;;; ;", {"SELECT 1"}},
        SplitCase{"comment only dropped", "-- nothing\n/* at all */;", {}},
        SplitCase{"semicolon in string", "SELECT 'a;b'; SELECT 2", {"SELECT 'a;b'", "SELECT 2"}},
        SplitCase{"doubled quote", "SELECT 'it''s;'; SELECT 2", {"SELECT 'it''s;'", "SELECT 2"}},
        SplitCase{"E string backslash", "SELECT E'a\\';b'; SELECT 2", {"SELECT E'a\\';b'", "SELECT 2"}},
        SplitCase{"quoted identifier", "SELECT \"a;b\"; SELECT 2", {"SELECT \"a;b\"", "SELECT 2"}},
        SplitCase{"line comment", "SELECT 1 -- ; not here\n; SELECT 2", {"SELECT 1", "SELECT 2"}},
        SplitCase{"nested block comment", "SELECT /* a /* ; */ ; */ 1; SELECT 2", {"SELECT /* a /* ; */ ; */ 1", "SELECT 2"}},
        SplitCase{"dollar quote", "DO $$ BEGIN PERFORM 1; END $$; SELECT 2", {"DO $$ BEGIN PERFORM 1; END $$", "SELECT 2"}},
        SplitCase{"tagged dollar quote", "SELECT $fn$ ; $x$ ; $fn$; SELECT 2", {"SELECT $fn$ ; $x$ ; $fn$", "SELECT 2"}},
        SplitCase{"parameter is not a quote", "PREPARE p AS SELECT $1; SELECT 2", {"PREPARE p AS SELECT $1", "SELECT 2"}},
        SplitCase{"dollar inside identifier", "SELECT a$b; SELECT 2", {"SELECT a$b", "SELECT 2"}},
        SplitCase{"parentheses hold delimiter", "CREATE RULE r AS ON INSERT TO t DO (SELECT 1; SELECT 2); SELECT 3",
                  {"CREATE RULE r AS ON INSERT TO t DO (SELECT 1; SELECT 2)", "SELECT 3"}},
        SplitCase{"begin atomic", "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END; SELECT 3",
                  {"CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END", "SELECT 3"}},
        SplitCase{"plain begin is a statement", "BEGIN; SELECT 1; COMMIT;", {"BEGIN", "SELECT 1", "COMMIT"}},
        SplitCase{"copy from stdin data skipped", "COPY t FROM STDIN;\n1\ta;b\n\\.\nSELECT 2;", {"COPY t FROM STDIN", "SELECT 2"}},
        SplitCase{"non-keyword start kept", "SELECT 1; foo bar; SELECT 3", {"SELECT 1", "foo bar", "SELECT 3"}}));

TEST(Splitter, LeadingCommentsBelongToTheStatement) {
  std::string script = "SELECT 1;\n-- why\nSELECT 2;";
  auto spans = split_statements(script, Dialect::postgres);
  ASSERT_EQ(spans.size(), 2U);
  EXPECT_EQ(spans[1].begin, script.find("-- why"));
  EXPECT_EQ(spans[1].code_begin, script.find("SELECT 2"));
  EXPECT_TRUE(spans[1].terminated);
}

TEST(Splitter, ReportsWhatIsLeftOpenAtEndOfFile) {
  struct Open { const char* script; const char* what; std::size_t offset; };
  for (const Open& c : {Open{"SELECT 'abc", "string literal", 7}, Open{"SELECT $$ abc", "dollar-quoted string", 7},
                        Open{"SELECT /* abc", "block comment", 7}, Open{"SELECT (1", "parenthesis", 0},
                        Open{"SELECT \"abc", "quoted identifier", 7}}) {
    auto spans = split_statements(c.script, Dialect::postgres);
    ASSERT_EQ(spans.size(), 1U) << c.script;
    EXPECT_EQ(spans[0].unterminated, c.what) << c.script;
    EXPECT_EQ(spans[0].open_offset, c.offset) << c.script;
  }
}

TEST(Splitter, RedshiftHasNoBeginAtomicBlocks) {
  // Redshift's Flyway parser tracks no blocks, so the first ';' ends the statement.
  EXPECT_EQ(statements("SELECT 1 BEGIN ATOMIC; SELECT 2", Dialect::redshift).size(), 2U);
}

TEST(Splitter, HugeScriptIsLinear) {
  std::string script;
  for (int i = 0; i < 200000; ++i) script += "INSERT INTO t VALUES ('x;y', $$z$$);\n";
  EXPECT_EQ(split_statements(script, Dialect::postgres).size(), 200000U);
}

}  // namespace
}  // namespace flyguard::sql
