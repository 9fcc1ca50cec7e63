#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "check/diagnostic.h"
#include "report/report.h"

namespace flyguard {
namespace {

Diagnostic at(std::string file, int line, std::string rule) {
  return {std::move(rule), Severity::warning, std::move(file), line, 1, "message", "", ""};
}

std::vector<std::string> positions(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.file + ":" + std::to_string(d.line) + ":" + d.rule);
  return out;
}

TEST(MergeDiagnostics, MergesSortedFilesWithTheOthersInSortOrder) {
  std::vector<Diagnostic> b = {at("b.sql", 1, "x"), at("b.sql", 9, "x")};
  std::vector<Diagnostic> a = {at("a.sql", 3, "y"), at("a.sql", 2, "x")};  // unsorted: merge sorts it
  std::vector<Diagnostic> empty;
  std::vector<Diagnostic> others = {at("b.sql", 5, "dup"), at("a.sql", 0, "dup"), at("c.sql", 0, "note")};
  std::vector<Diagnostic> merged = merge_diagnostics({&b, &empty, &a}, others);
  EXPECT_EQ(positions(merged), (std::vector<std::string>{"a.sql:0:dup", "a.sql:2:x", "a.sql:3:y", "b.sql:1:x",
                                                         "b.sql:5:dup", "b.sql:9:x", "c.sql:0:note"}));
}

TEST(MergeDiagnostics, OnAnEqualPositionTheOthersComeFirstAsInAStableSort) {
  std::vector<Diagnostic> file = {at("a.sql", 1, "r")};
  file[0].message = "from the file";
  std::vector<Diagnostic> others = {at("a.sql", 1, "r")};
  others[0].message = "from elsewhere";
  std::vector<Diagnostic> merged = merge_diagnostics({&file}, others);
  ASSERT_EQ(merged.size(), 2U);
  EXPECT_EQ(merged[0].message, "from elsewhere");
  EXPECT_EQ(merged[1].message, "from the file");
}

TEST(MergeDiagnostics, GroupsThatOverlapAreStillSorted) {
  std::vector<Diagnostic> first = {at("a.sql", 1, "x"), at("a.sql", 7, "x")};
  std::vector<Diagnostic> second = {at("a.sql", 4, "x")};
  std::vector<Diagnostic> merged = merge_diagnostics({&first, &second}, {});
  EXPECT_EQ(positions(merged), (std::vector<std::string>{"a.sql:1:x", "a.sql:4:x", "a.sql:7:x"}));
}

TEST(TextReport, AReportOfManyPiecesIsWrittenWhole) {
  // Far more than the 64 KiB the text report is written in.
  std::vector<Diagnostic> diagnostics;
  for (int line = 1; line <= 3000; ++line) {
    Diagnostic d = at("db/migration/V1__big.sql", line, "some-rule");
    d.source_line = "ALTER TABLE t ADD COLUMN c" + std::to_string(line) + " int;";
    d.hint = "a hint";
    diagnostics.push_back(std::move(d));
  }
  std::ostringstream out;
  report::write_text(out, diagnostics, report::summarize(diagnostics, 1), {false, true});
  const std::string text = out.str();
  EXPECT_GT(text.size(), 3U * 65536U);
  EXPECT_EQ(text.rfind("db/migration/V1__big.sql:1:1: warning[some-rule]: message\n", 0), 0U);
  EXPECT_NE(text.find("\n 1500 | ALTER TABLE t ADD COLUMN c1500 int;\n"), std::string::npos);
  EXPECT_NE(text.find("db/migration/V1__big.sql:3000:1: warning[some-rule]: message\n"), std::string::npos);
  std::size_t findings = 0;
  for (std::size_t at = text.find("warning[some-rule]"); at != std::string::npos;
       at = text.find("warning[some-rule]", at + 1))
    ++findings;
  EXPECT_EQ(findings, 3000U);
  EXPECT_NE(text.find("0 errors, 3000 warnings in 1 file checked."), std::string::npos);
}

}  // namespace
}  // namespace flyguard
