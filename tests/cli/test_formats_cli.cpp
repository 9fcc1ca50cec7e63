// Every --format checked against the structure its consumer expects (SARIF 2.1.0, JUnit XML as
// CodeBuild reads it, GitHub workflow commands, GitLab Code Quality), not against snapshots.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "cli_fixtures.h"

namespace flyguard::test {
namespace {

class Formats : public CliTest {
 protected:
  void SetUp() override {
    write_sql("V1__clean.sql", "CREATE TABLE t (id bigint);\n");
    write_sql("V2__comma,colon:percent%.sql", "CREATE TABLE u (id int);\n");  // warning, odd path
    write_sql("V3__a&b<c.sql", "SELEC 1;\n");                                      // error
  }
  RunResult format(const std::string& name, const Env& env = {}) const { return run({"check", "--format", name}, env); }
};

TEST_F(Formats, SarifFollowsTheSchema) {
  RunResult r = format("sarif");
  EXPECT_EQ(r.status, 1) << r.err;
  Json log = parse_report(r.out);
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1U);
  const Json& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "flyguard");
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  const Json& rules_json = run["tool"]["driver"]["rules"];
  std::set<std::string> fingerprints;
  ASSERT_EQ(run["results"].size(), 2U);
  for (const Json& result : run["results"]) {
    const Json& rule = rules_json.at(result["ruleIndex"].get<std::size_t>());
    EXPECT_EQ(rule["id"], result["ruleId"]);
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_EQ(rule["helpUri"].get<std::string>().rfind("https://", 0), 0U);
    EXPECT_TRUE(std::set<std::string>({"error", "warning", "note"}).count(rule["defaultConfiguration"]["level"]));
    EXPECT_TRUE(std::set<std::string>({"error", "warning", "note"}).count(result["level"]));
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    const Json& location = result["locations"][0]["physicalLocation"];
    EXPECT_GE(location["region"]["startLine"].get<int>(), 1);
    EXPECT_GE(location["region"]["startColumn"].get<int>(), 1);
    fingerprints.insert(result["partialFingerprints"]["flyguardFinding/v1"].get<std::string>());
  }
  EXPECT_EQ(fingerprints.size(), 2U);
  std::set<std::string> uris;
  for (const Json& result : run["results"]) uris.insert(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
  EXPECT_EQ(uris, (std::set<std::string>{"sql/V2__comma%2Ccolon%3Apercent%25.sql", "sql/V3__a%26b%3Cc.sql"}));
}

// A fingerprint must survive edits elsewhere in the file, or code scanning reopens every alert.
TEST_F(Formats, SarifFingerprintsIgnoreLineShifts) {
  auto fingerprint_of = [this] {
    Json log = parse_report(format("sarif").out);
    for (const Json& result : log["runs"][0]["results"])
      if (result["ruleId"] == "prefer-bigint-over-int")
        return std::make_pair(result["partialFingerprints"]["flyguardFinding/v1"].get<std::string>(),
                              result["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>());
    return std::make_pair(std::string(), 0);
  };
  auto before = fingerprint_of();
  write_sql("V2__comma,colon:percent%.sql", "-- a comment added above\n\nCREATE TABLE u (id int);\n");
  auto after = fingerprint_of();
  EXPECT_EQ(before.second + 2, after.second);
  EXPECT_EQ(before.first, after.first);
}

// CodeBuild's report groups read JUnit XML: one testsuite per file, a failing testcase per diagnostic,
// a passing one per clean file. Parsed with Python's XML parser, so escaping mistakes fail.
TEST_F(Formats, JunitIsWellFormedAndListsEveryFile) {
  RunResult r = format("junit");
  EXPECT_EQ(r.status, 1) << r.err;
  std::ofstream(path("report.xml"), std::ios::binary) << r.out;
  const char* reader =
      "import json,sys,xml.etree.ElementTree as E\n"
      "root=E.parse(sys.argv[1]).getroot()\n"
      "print(json.dumps({'tag':root.tag,'tests':root.get('tests'),'failures':root.get('failures'),"
      "'suites':[{'name':s.get('name'),'tests':s.get('tests'),'failures':s.get('failures'),"
      "'cases':[{'name':c.get('name'),'failure':(c.find('failure').get('message') if c.find('failure') is not None else None),"
      "'text':(c.find('failure').text if c.find('failure') is not None else None)} for c in s.findall('testcase')]}"
      " for s in root.findall('testsuite')]}))\n";
  RunResult parsed = run_program("python3", {"-c", reader, path("report.xml")});
  ASSERT_EQ(parsed.status, 0) << parsed.err << r.out;
  Json junit = Json::parse(parsed.out);
  EXPECT_EQ(junit["tag"], "testsuites");
  EXPECT_EQ(junit["tests"], "3");
  EXPECT_EQ(junit["failures"], "2");
  ASSERT_EQ(junit["suites"].size(), 3U);
  std::map<std::string, Json> suites;
  for (const Json& suite : junit["suites"]) suites[suite["name"]] = suite;
  EXPECT_EQ(suites["sql/V1__clean.sql"]["failures"], "0");
  EXPECT_EQ(suites["sql/V1__clean.sql"]["cases"][0]["failure"], nullptr);
  const Json& broken = suites["sql/V3__a&b<c.sql"]["cases"][0];
  EXPECT_TRUE(contains(broken["failure"].get<std::string>(), "syntax-error at 1:1"));
  EXPECT_TRUE(contains(broken["text"].get<std::string>(), "sql/V3__a&b<c.sql:1:1: error[syntax-error]"));
  EXPECT_EQ(suites["sql/V2__comma,colon:percent%.sql"]["failures"], "1");
}

TEST_F(Formats, GithubAnnotationsAreEscaped) {
  RunResult r = format("github");
  std::vector<std::string> lines = split_lines(r.out);
  std::vector<std::string> commands;
  for (const std::string& line : lines)
    if (line.rfind("::", 0) == 0) commands.push_back(line);
  ASSERT_EQ(commands.size(), 2U) << r.out;
  EXPECT_EQ(commands[0].rfind("::warning file=sql/V2__comma%2Ccolon%3Apercent%25.sql,line=1,col=20,"
                              "title=flyguard prefer-bigint-over-int::", 0), 0U) << commands[0];
  EXPECT_EQ(commands[1].rfind("::error file=sql/V3__a&b<c.sql,line=1,col=1,title=flyguard syntax-error::", 0), 0U)
      << commands[1];
  for (const std::string& command : commands) EXPECT_EQ(command.find('\n'), std::string::npos);
}

// Inside GitHub Actions, without --format: annotations, and every finding in the step summary.
TEST_F(Formats, GithubIsChosenInActionsAndFillsTheStepSummary) {
  RunResult r = run({"check"}, {{"GITHUB_ACTIONS", "true"}, {"GITHUB_STEP_SUMMARY", path("summary.md")}});
  EXPECT_TRUE(contains(r.out, "::error file=sql/V3__a&b<c.sql"));
  std::string summary = read_binary(path("summary.md"));
  EXPECT_TRUE(contains(summary, "| error | sql/V3__a&b<c.sql | 1 | `syntax-error` |"));
  EXPECT_TRUE(contains(summary, "`prefer-bigint-over-int`"));
}

TEST_F(Formats, GitlabCodeQuality) {
  Json issues = parse_report(format("gitlab").out);
  ASSERT_TRUE(issues.is_array());
  ASSERT_EQ(issues.size(), 2U);
  std::set<std::string> fingerprints;
  for (const Json& issue : issues) {
    EXPECT_TRUE(issue["description"].is_string());
    EXPECT_TRUE(issue["check_name"].is_string());
    EXPECT_TRUE(std::set<std::string>({"info", "minor", "major", "critical", "blocker"}).count(issue["severity"]));
    EXPECT_TRUE(issue["location"]["path"].is_string());
    EXPECT_TRUE(issue["location"]["lines"]["begin"].is_number_integer());
    fingerprints.insert(issue["fingerprint"].get<std::string>());
  }
  EXPECT_EQ(fingerprints.size(), 2U);
}

TEST_F(Formats, GccIsOneLinePerDiagnostic) {
  RunResult r = format("gcc");
  std::vector<std::string> lines = split_lines(r.out);
  ASSERT_EQ(lines.size(), 2U) << r.out;
  const std::regex shape(R"(^sql/V[23]__.*\.sql:1:[0-9]+: (error|warning): .+ \[[a-z-]+\]$)");
  for (const std::string& line : lines) EXPECT_TRUE(std::regex_match(line, shape)) << line;
}

TEST_F(Formats, JsonDescribesFilesAndRules) {
  Json report = parse_report(format("json").out);
  EXPECT_EQ(report["tool"]["name"], "flyguard");
  bool found = false;
  for (const Json& file : report["files"])
    if (file["path"] == "sql/V1__clean.sql") {
      found = true;
      EXPECT_EQ(file["version"], "1");
      EXPECT_TRUE(file["checksum"].is_number_integer());
    }
  EXPECT_TRUE(found);
  EXPECT_EQ(report["rules"]["prefer-bigint-over-int"]["lint_rule"], true);
  EXPECT_EQ(report["rules"]["syntax-error"]["default_severity"], "error");
}

TEST_F(Formats, OutputFileGetsTheFormatAndTheTerminalText) {
  RunResult r = run({"check", "--format", "sarif", "--output", "report.sarif"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(contains(r.out, "error[syntax-error]"));
  Json log = parse_report(read_binary(path("report.sarif")));
  EXPECT_EQ(log["version"], "2.1.0");
}

TEST_F(Formats, UnwritableOutputFileIsAnError) {
  RunResult r = run({"check", "--format", "junit", "--output", "missing-dir/report.xml"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "cannot write the report to missing-dir/report.xml"));
}

TEST_F(Formats, UnknownFormatIsAUsageError) {
  RunResult r = run({"check", "--format", "xml"});
  EXPECT_EQ(r.status, 2);
}

}  // namespace
}  // namespace flyguard::test
