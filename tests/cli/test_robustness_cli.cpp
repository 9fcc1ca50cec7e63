#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_fixtures.h"

namespace flyguard::test {
namespace {

// A reader that stops early (flyguard check | head -1) must not make flyguard print errors or crash.
TEST_F(CliTest, ClosedOutputPipeIsQuiet) {
  for (int i = 1; i <= 200; ++i) write_sql("V" + std::to_string(i) + "__bad.sql", "SELEC " + std::to_string(i) + ";");
  std::string command = std::string("'") + FLYGUARD_BINARY + "' check | head -n 1 >/dev/null; echo \"status=${PIPESTATUS[0]}\"";
  RunResult r = run_program("bash", {"-c", command}, RunOptions{project.path(), {}, {}});
  EXPECT_EQ(r.err, "");
  // 1 (violations found) or killed quietly by nothing: never a crash signal such as 134 or 139.
  EXPECT_NE(r.out.find("status=1"), std::string::npos) << r.out;
}

// A location with 100,000 migrations is read whole; a clash among them is still found.
TEST_F(CliTest, HundredThousandFilesInOneLocation) {
  std::filesystem::create_directories(project.path() / "sql");
  for (int i = 1; i <= 100000; ++i)
    std::ofstream(project.path() / "sql" / ("V" + std::to_string(i) + "__m.sql")) << "SELECT 1;\n";
  write_sql("V007__clash.sql", "SELECT 1;\n");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"duplicate-version"});
  EXPECT_EQ(r.json["summary"]["files"], 100001);
}

TEST_F(CliTest, HundredMegabyteFileIsRefusedWithoutBeingRead) {
  std::filesystem::path big = write_sql("V1__big.sql", "");
  {
    std::ofstream out(big, std::ios::binary);
    std::string line = "INSERT INTO t VALUES (1);\n";
    for (std::size_t written = 0; written < (100U << 20); written += line.size()) out << line;
  }
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(rules(r.json), std::multiset<std::string>{"file-too-large"});
  std::filesystem::remove(big);
}

TEST_F(CliTest, MegabyteSingleLineIsChecked) {
  write_sql("V1__wide.sql", "SELECT '" + std::string(1U << 20, 'x') + "' FROM WHERE;");
  CheckReport r = check_json();
  EXPECT_EQ(r.status, 1);
  ASSERT_EQ(rules(r.json), std::multiset<std::string>{"syntax-error"});
  EXPECT_EQ(r.json["diagnostics"][0]["column"], (1 << 20) + 16);
}

}  // namespace
}  // namespace flyguard::test
