// The text and JSON reports of `flyguard check`.
#include "cli_fixtures.h"

#include <algorithm>

namespace flyguard::test {
namespace {

using TextReport = CliTest;
using JsonReport = CliTest;

// ---- text ----------------------------------------------------------------------------------------

TEST_F(TextReport, HeaderSourceLineCaretAndSummary) {
  write_sql("V1__a.sql", "SELECT 1;\nSELECT 'h\xC3\xA9llo\xE2\x82\xAC' FRM t;\n");
  RunResult r = run({"check"});
  EXPECT_EQ(r.status, 1);
  std::vector<std::string> lines = split_lines(r.out);
  ASSERT_GE(lines.size(), 5u) << r.out;
  EXPECT_EQ(lines[0], "sql/V1__a.sql:2:21: error[syntax-error]: syntax error at or near \"t\"");
  EXPECT_EQ(lines[1], " 2 | SELECT 'h\xC3\xA9llo\xE2\x82\xAC' FRM t;");
  // The caret sits under the 21st character: 20 columns of padding, one per code point.
  EXPECT_EQ(lines[2], "   | " + std::string(20, ' ') + "^");
  EXPECT_EQ(lines[3], "");
  EXPECT_EQ(lines[4], "1 error, 0 warnings in 1 file checked.");
}

TEST_F(TextReport, AReportOfMegabytesReachesStdoutWhole) {
  // The terminal gets the report in 64 KiB pieces: each finding must arrive once, in order, and whole.
  std::string sql;
  for (int i = 1; i <= 4000; ++i) sql += "SELEC " + std::to_string(i) + ";\n";
  write_sql("V1__many.sql", sql);
  RunResult r = run({"check", "--fail-on", "never"});
  EXPECT_EQ(r.status, 0);
  EXPECT_GT(r.out.size(), 4u * 65536u);
  std::vector<std::string> lines = split_lines(r.out);
  int findings = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("sql/V1__many.sql:", 0) != 0) continue;
    ++findings;
    EXPECT_EQ(lines[i], "sql/V1__many.sql:" + std::to_string(findings) +
                            ":1: error[syntax-error]: syntax error at or near \"SELEC\"");
  }
  EXPECT_EQ(findings, 4000);
  EXPECT_EQ(lines.back(), "4000 errors, 0 warnings in 1 file checked.");
}

TEST_F(TextReport, CaretKeepsTabs) {
  write_sql("V1__a.sql", "\tSELEC 1;\n");
  std::vector<std::string> lines = split_lines(run({"check"}).out);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "sql/V1__a.sql:1:2: error[syntax-error]: syntax error at or near \"SELEC\"");
  EXPECT_EQ(lines[2], "   | \t^");
}

TEST_F(TextReport, WideLineNumbersWidenTheGutter) {
  std::string sql;
  for (int i = 1; i < 12; ++i) sql += "SELECT " + std::to_string(i) + ";\n";
  write_sql("V1__a.sql", sql + "SELEC 12;\n");
  std::vector<std::string> lines = split_lines(run({"check"}).out);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "sql/V1__a.sql:12:1: error[syntax-error]: syntax error at or near \"SELEC\"");
  EXPECT_EQ(lines[1], " 12 | SELEC 12;");
  EXPECT_EQ(lines[2], "    | ^");
}

TEST_F(TextReport, HintLine) {
  write_sql("V3_single_underscore.sql", "SELECT 1;\n");
  RunResult r = run({"check"});
  std::vector<std::string> lines = split_lines(r.out);
  ASSERT_GE(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0].rfind("sql/V3_single_underscore.sql:1:1: error[invalid-migration-name]: ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1], "  = hint: did you mean V3__single_underscore.sql?");
}

TEST_F(TextReport, SummaryCountsErrorsWarningsAndFiles) {
  write_sql("V1__a.sql", "SELEC 1;\nSELEC 2;\n");
  write_sql("V-2__b.sql", "SELECT 1;\n");
  write_sql("V3__c.sql", "SELECT 1;\n");
  RunResult r = run({"check"});
  std::vector<std::string> lines = split_lines(r.out);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "2 errors, 1 warning in 3 files checked.");
}

TEST_F(TextReport, CleanSummary) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  EXPECT_EQ(run({"check"}).out, "No problems found in 1 file.\n");
}

TEST_F(TextReport, NoColorByDefaultWhenPiped) {
  write_sql("V1__a.sql", "SELEC 1;\n");
  RunResult r = run({"check"}, {{"NO_COLOR", ""}});  // NO_COLOR unset: stdout is a pipe, not a terminal
  EXPECT_FALSE(has_ansi_escape(r.out)) << r.out;
}

TEST_F(TextReport, NoColorEnvironmentAndColorNever) {
  write_sql("V1__a.sql", "SELEC 1;\n");
  EXPECT_FALSE(has_ansi_escape(run({"check"}, {{"NO_COLOR", "1"}}).out));
  EXPECT_FALSE(has_ansi_escape(run({"check", "--color=never"}, {{"NO_COLOR", ""}}).out));
  EXPECT_FALSE(has_ansi_escape(run({"check", "--color", "auto"}, {{"NO_COLOR", "1"}}).out));
}

TEST_F(TextReport, ColorAlwaysEmitsEscapes) {
  write_sql("V1__a.sql", "SELEC 1;\n");
  RunResult r = run({"check", "--color=always"}, {{"NO_COLOR", "1"}});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has_ansi_escape(r.out));
  EXPECT_TRUE(contains(r.out, "\x1b[1;31merror\x1b[0m[syntax-error]"));
}

TEST_F(TextReport, DiagnosticsAreSortedByFileLineColumn) {
  write_sql("V2__b.sql", "SELEC 1;\nSELECT 1;\nSELEC 3;\n");
  write_sql("V1__a.sql", "SELECT 1;\nSELEC 2;\n");
  std::vector<std::string> headers;
  for (const std::string& line : split_lines(run({"check", "-j", "4"}).out))
    if (line.rfind("sql/", 0) == 0) headers.push_back(line.substr(0, line.find(": ")));
  EXPECT_EQ(headers, (std::vector<std::string>{"sql/V1__a.sql:2:1", "sql/V2__b.sql:1:1", "sql/V2__b.sql:3:1"}));
}

// ---- JSON ----------------------------------------------------------------------------------------

// Asserts the documented shape of every diagnostic and that the summary counts them.
void expect_well_formed(const Json& report) {
  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(report.at("version"), 1);
  ASSERT_TRUE(report.at("diagnostics").is_array());
  std::size_t errors = 0, warnings = 0, infos = 0;
  for (const Json& d : report["diagnostics"]) {
    EXPECT_EQ(d.size(), 7u) << d.dump();
    ASSERT_TRUE(d.at("rule").is_string()) << d.dump();
    ASSERT_TRUE(d.at("severity").is_string()) << d.dump();
    EXPECT_TRUE(d.at("file").is_string()) << d.dump();
    ASSERT_TRUE(d.at("line").is_number_integer()) << d.dump();
    ASSERT_TRUE(d.at("column").is_number_integer()) << d.dump();
    EXPECT_GE(d["line"].get<int>(), 1);
    EXPECT_GE(d["column"].get<int>(), 1);
    EXPECT_TRUE(d.at("message").is_string()) << d.dump();
    EXPECT_TRUE(d.at("hint").is_string() || d.at("hint").is_null()) << d.dump();
    std::string severity = d["severity"];
    if (severity == "error") ++errors;
    else if (severity == "warning") ++warnings;
    else if (severity == "info") ++infos;
    else ADD_FAILURE() << "unknown severity " << severity;
  }
  const Json& summary = report.at("summary");
  EXPECT_EQ(summary.at("errors").get<std::size_t>(), errors);
  EXPECT_EQ(summary.at("warnings").get<std::size_t>(), warnings);
  EXPECT_EQ(summary.at("infos").get<std::size_t>(), infos);
  EXPECT_TRUE(summary.at("files").is_number_integer());
}

TEST_F(JsonReport, ShapeAndSummary) {
  write_sql("V1__a.sql", "SELEC 1;\n\\echo hi\n");
  write_sql("V-2__b.sql", "SELECT 1;\n");
  write_sql("create_table.sql", "SELECT 1;\n");
  write_sql("V3__c.sql", "SELECT 1;\n");
  RunResult r = run({"check", "--format", "json"});
  EXPECT_EQ(r.status, 1);
  Json report = parse_report(r.out);
  expect_well_formed(report);
  EXPECT_EQ(report["summary"]["files"], 4);
  EXPECT_EQ(report["summary"]["errors"], 3);
  EXPECT_EQ(report["summary"]["warnings"], 1);
  EXPECT_EQ(rules(report), (std::multiset<std::string>{"syntax-error", "syntax-error", "suspicious-version",
                                                       "ignored-migration-name"}));
}

TEST_F(JsonReport, CleanProject) {
  write_sql("V1__a.sql", "SELECT 1;\n");
  RunResult r = run({"check", "--format", "json"});
  EXPECT_EQ(r.status, 0);
  Json report = parse_report(r.out);
  expect_well_formed(report);
  EXPECT_TRUE(report["diagnostics"].empty());
  EXPECT_EQ(report["summary"]["files"], 1);
}

TEST_F(JsonReport, FileLevelFindingsUseLineAndColumnOne) {
  write_sql("create_table.sql", "SELECT 1;\n");
  Json report = check_json().json;
  expect_well_formed(report);
  ASSERT_EQ(report["diagnostics"].size(), 1u);
  EXPECT_EQ(report["diagnostics"][0]["line"], 1);
  EXPECT_EQ(report["diagnostics"][0]["column"], 1);
}

TEST_F(JsonReport, NeverColored) {
  write_sql("V1__a.sql", "SELEC 1;\n");
  RunResult r = run({"check", "--format", "json", "--color=always"});
  EXPECT_FALSE(has_ansi_escape(r.out));
  expect_well_formed(parse_report(r.out));
}

TEST_F(JsonReport, InvalidUtf8InTheReportedTextStaysValidJson) {
  // The file name itself is not UTF-8; the report must still be parseable.
  write_sql("V1__caf\xE9.sql", "SELEC 1;\n");
  RunResult r = run({"check", "--format", "json"});
  EXPECT_EQ(r.status, 1);
  expect_well_formed(parse_report(r.out));
}

}  // namespace
}  // namespace flyguard::test
