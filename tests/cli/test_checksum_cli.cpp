// `flyguard checksum`: the number Flyway stores in flyway_schema_history.checksum.
#include "cli_fixtures.h"

namespace flyguard::test {
namespace {

using Checksum = CliTest;

// The number a successful `checksum <file>` run printed for `file`; fails the test otherwise.
std::string checksum_of(const std::string& file, const RunResult& r) {
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<std::string> lines = split_lines(r.out);
  if (lines.empty()) return "";
  std::string line = lines.front();
  std::size_t tab = line.find('\t');
  EXPECT_NE(tab, std::string::npos) << line;
  if (tab == std::string::npos) return "";
  EXPECT_EQ(line.substr(tab + 1), file);
  return line.substr(0, tab);
}

class ChecksumOf : public CliTest {
 protected:
  std::string checksum(const std::string& file, const Env& env = {}) const {
    return checksum_of(file, run({"checksum", file}, env));
  }
};

TEST_F(ChecksumOf, KnownValue) {
  write("a.sql", "SELECT 1;");
  RunResult r = run({"checksum", "a.sql"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "78787420\ta.sql\n");
}

TEST_F(ChecksumOf, LineEndingsTrailingNewlineAndBomDoNotMatter) {
  write("lf.sql", "SELECT 1;\nSELECT 2;\n");
  write("crlf.sql", "SELECT 1;\r\nSELECT 2;\r\n");
  write("bom.sql", "\xEF\xBB\xBFSELECT 1;\nSELECT 2;\n");
  std::string lf = checksum("lf.sql");
  EXPECT_FALSE(lf.empty());
  EXPECT_EQ(checksum("crlf.sql"), lf);
  EXPECT_EQ(checksum("bom.sql"), lf);
  write("edited.sql", "SELECT 1;\nSELECT  2;\n");
  EXPECT_NE(checksum("edited.sql"), lf);
}

TEST_F(ChecksumOf, SeveralFilesOneLineEach) {
  write("a.sql", "SELECT 1;");
  write("b.sql", "SELECT 1;");
  RunResult r = run({"checksum", "a.sql", "b.sql"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "78787420\ta.sql\n78787420\tb.sql\n");
}

TEST_F(ChecksumOf, RepeatableIsChecksummedAfterPlaceholderReplacement) {
  write("flyway.conf", "flyway.placeholders.name=accounts\n");
  write_sql("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT * FROM ${name};\n");
  write("replaced.sql", "CREATE OR REPLACE VIEW v AS SELECT * FROM accounts;\n");
  write("raw.sql", "CREATE OR REPLACE VIEW v AS SELECT * FROM ${name};\n");
  std::string repeatable = checksum("sql/R__view.sql");
  EXPECT_EQ(repeatable, checksum("replaced.sql"));
  EXPECT_NE(repeatable, checksum("raw.sql"));
}

TEST_F(ChecksumOf, VersionedIsChecksummedRaw) {
  write("flyway.conf", "flyway.placeholders.name=accounts\n");
  write_sql("V1__view.sql", "CREATE VIEW v AS SELECT * FROM ${name};\n");
  write("raw.sql", "CREATE VIEW v AS SELECT * FROM ${name};\n");
  EXPECT_EQ(checksum("sql/V1__view.sql"), checksum("raw.sql"));
}

TEST_F(ChecksumOf, RepeatablePlaceholderFromTheEnvironment) {
  write_sql("R__view.sql", "SELECT * FROM ${name};\n");
  write("replaced.sql", "SELECT * FROM accounts;\n");
  EXPECT_EQ(checksum("sql/R__view.sql", {{"FLYWAY_PLACEHOLDERS_NAME", "accounts"}}), checksum("replaced.sql"));
}

TEST_F(ChecksumOf, RepeatableWithReplacementTurnedOffInScriptConfig) {
  write("flyway.conf", "flyway.placeholders.name=accounts\n");
  write_sql("R__view.sql", "SELECT * FROM ${name};\n");
  write_sql("R__view.sql.conf", "placeholderReplacement=false\n");
  write("raw.sql", "SELECT * FROM ${name};\n");
  EXPECT_EQ(checksum("sql/R__view.sql"), checksum("raw.sql"));
}

TEST_F(Checksum, RepeatableWithUndefinedPlaceholderHasNoChecksum) {
  write_sql("R__view.sql", "SELECT * FROM ${nobody_set_this};\n");
  RunResult r = run({"checksum", "sql/R__view.sql"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_TRUE(contains(r.err, "nobody_set_this"));
}

TEST_F(Checksum, InvalidUtf8ExitsOneWithMessage) {
  write("bad.sql", "SELECT '\xE9';\n");
  write("good.sql", "SELECT 1;");
  RunResult r = run({"checksum", "bad.sql", "good.sql"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, "bad.sql"));
  EXPECT_TRUE(contains(r.err, "UTF-8"));
  // The other file is still checksummed.
  EXPECT_EQ(r.out, "78787420\tgood.sql\n");
}

TEST_F(Checksum, MissingFileExitsOne) {
  RunResult r = run({"checksum", "nope.sql"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.err, "nope.sql"));
}

TEST_F(Checksum, NoFileIsAUsageError) { EXPECT_EQ(run({"checksum"}).status, 2); }

}  // namespace
}  // namespace flyguard::test
