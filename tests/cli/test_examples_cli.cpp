// End-to-end: the projects under examples/ as their pipelines run them. The Redshift seed is copied
// into a fresh repository and judged by `flyguard ci` exactly as its buildspec.yml calls it (JUnit
// report for the CodeBuild report group), every example checks clean, and the CI files call flyguard
// with options it really has.
#include <regex>
#include <set>

#include "git_fixture.h"

namespace flyguard::test {
namespace {

const fs::path kExamples = fs::path(FLYGUARD_SOURCE_DIR) / "examples";
const std::string kV1 = "sql/V1__create_schema_and_events.sql";
const std::string kV2 = "sql/V2__add_sessions.sql";

// Flyway settings a developer's shell could export; the examples must be judged by their own files.
const Env kNoFlywayEnvironment{{"FLYWAY_URL", ""},         {"FLYWAY_LOCATIONS", ""},
                               {"FLYWAY_ENVIRONMENT", ""}, {"FLYWAY_PLACEHOLDERS_SCHEMA", ""},
                               {"FLYWAY_PLACEHOLDERS_APP_SCHEMA", ""}};

// A JUnit report as CodeBuild's report groups read it: each <testsuite> by name, with its failures
// attribute and its test cases (name, failure message or null). Parsed with Python's XML parser, as
// in test_formats_cli.cpp, so a report that is not well-formed fails the test.
Json read_junit(const fs::path& file) {
  const char* reader =
      "import json,sys,xml.etree.ElementTree as E\n"
      "root=E.parse(sys.argv[1]).getroot()\n"
      "print(json.dumps({'tag':root.tag,'failures':root.get('failures'),"
      "'suites':{s.get('name'):{'failures':s.get('failures'),"
      "'cases':[{'name':c.get('name'),'failure':(c.find('failure').get('message') if c.find('failure') is not None else None)}"
      " for c in s.findall('testcase')]} for s in root.findall('testsuite')}}))\n";
  RunResult parsed = run_program("python3", {"-c", reader, file.string()});
  EXPECT_EQ(parsed.status, 0) << parsed.err << read_binary(file);
  return parse_report(parsed.out);
}

// Every test case of the suite passed, and there is at least one.
::testing::AssertionResult passes(const Json& junit, const std::string& suite) {
  if (!junit.contains("suites") || !junit["suites"].contains(suite))
    return ::testing::AssertionFailure() << "no testsuite " << suite << " in " << junit.dump(2);
  const Json& cases = junit["suites"][suite]["cases"];
  if (cases.empty()) return ::testing::AssertionFailure() << suite << " has no test case";
  for (const Json& c : cases)
    if (!c["failure"].is_null()) return ::testing::AssertionFailure() << suite << " fails: " << c.dump();
  return ::testing::AssertionSuccess();
}

// Some test case of the suite fails with this rule in its message.
::testing::AssertionResult fails_with(const Json& junit, const std::string& suite, const std::string& rule) {
  if (!junit.contains("suites") || !junit["suites"].contains(suite))
    return ::testing::AssertionFailure() << "no testsuite " << suite << " in " << junit.dump(2);
  for (const Json& c : junit["suites"][suite]["cases"])
    if (c["failure"].is_string() && c["failure"].get<std::string>().find(rule) != std::string::npos)
      return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "no failing test case naming " << rule << " in " << suite << ": "
                                       << junit["suites"][suite].dump(2);
}

// The migration files of an example, as flyguard names them (relative to the project root).
std::set<std::string> sql_files(const fs::path& project) {
  std::set<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(project / "sql"))
    if (entry.is_regular_file() && entry.path().extension() == ".sql")
      files.insert(entry.path().lexically_relative(project).generic_string());
  return files;
}

class ExamplesTest : public GitTest {
 protected:
  // examples/<name> copied to `to` (the copy has no git metadata of its own).
  fs::path copy_example(const std::string& name, const fs::path& to) const {
    fs::copy(kExamples / name, to, fs::copy_options::recursive);
    return to;
  }
  // The seed repository as the pipeline sees it: main's first commit has V1 (deployed), the next one
  // adds V2. Returns the first commit.
  std::string seed_repository() {
    seed = copy_example("redshift-pipeline", tmp.path() / "seed");
    fs::path v2 = seed / kV2;
    std::string v2_text = read_binary(v2);
    EXPECT_FALSE(v2_text.empty()) << "examples/redshift-pipeline has no " << kV2;
    fs::remove(v2);
    git_ok(seed, {"init", "-q"});
    commit_all(seed, "V1: deployed");
    std::string deployed = rev(seed, "HEAD");
    write(v2, v2_text);
    commit_all(seed, "V2: add sessions");
    return deployed;
  }
  // `flyguard ci` as the buildspec runs it, the JUnit file outside the work tree.
  RunResult ci_junit(const std::string& base) const {
    fs::create_directories(report.parent_path());
    return flyguard(seed, {"ci", "--base", base, "--format", "junit", "--output", report.string()},
                    kNoFlywayEnvironment);
  }

  fs::path seed;
  fs::path report = tmp.path() / "reports" / "flyguard.xml";
};

TEST_F(ExamplesTest, RedshiftPipelineNewMigrationPassesWithEveryFileInTheJunitReport) {
  std::string deployed = seed_repository();
  RunResult r = ci_junit(deployed);
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_FALSE(contains(r.out, "error[")) << r.out;  // the terminal still gets the text report
  ASSERT_TRUE(fs::exists(report));
  Json junit = read_junit(report);
  EXPECT_EQ(junit["tag"], "testsuites");
  EXPECT_EQ(junit["failures"], "0");
  EXPECT_TRUE(passes(junit, kV1));
  EXPECT_TRUE(passes(junit, kV2));
}

TEST_F(ExamplesTest, RedshiftPipelineEditOfTheDeployedMigrationFailsInTheJunitReport) {
  std::string deployed = seed_repository();
  std::string v1 = read_binary(seed / kV1);
  write(seed / kV1, v1 + "\nALTER TABLE ${schema}.events ADD COLUMN source VARCHAR(32) ENCODE zstd;\n");
  commit_all(seed, "edit V1 after it was deployed");
  RunResult r = ci_junit(deployed);
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  Json junit = read_junit(report);
  EXPECT_NE(junit["failures"], "0");
  EXPECT_TRUE(fails_with(junit, kV1, "applied-migration-modified"));
  EXPECT_TRUE(passes(junit, kV2));
}

TEST_F(ExamplesTest, EveryExampleWithAPipelineChecksClean) {
  for (const char* name : {"redshift-pipeline", "postgres-app"}) {
    SCOPED_TRACE(name);
    fs::path copy = copy_example(name, tmp.path() / name);
    RunResult r = flyguard(copy, {"check", "--format", "json"}, kNoFlywayEnvironment);
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    Json report_json = parse_report(r.out);
    EXPECT_EQ(report_json["summary"]["errors"], 0) << r.out;
    std::set<std::string> checked;
    for (const Json& file : report_json["files"]) checked.insert(file["path"].get<std::string>());
    EXPECT_EQ(checked, sql_files(copy));
  }
}

// The options of every `flyguard ci` line in a CI file, comments included.
std::set<std::string> ci_options(const std::string& text) {
  std::set<std::string> options;
  const std::regex option("--[a-z][a-z-]*");
  for (const std::string& line : split_lines(text)) {
    std::size_t at = line.find("flyguard ci");
    if (at == std::string::npos) continue;
    std::string rest = line.substr(at);
    for (std::sregex_iterator it(rest.begin(), rest.end(), option), end; it != end; ++it) options.insert(it->str());
  }
  return options;
}

TEST_F(ExamplesTest, CiFilesCallFlyguardWithOptionsItHas) {
  struct CiFile {
    fs::path path;
    std::vector<std::string> mentions;
  };
  const std::vector<CiFile> files{
      {kExamples / "redshift-pipeline" / "buildspec.yml", {"flyguard ci", "--format junit", "JUNITXML", "reports:"}},
      {kExamples / "postgres-app" / ".github" / "workflows" / "flyguard.yml",
       {"flyguard ci", "--format sarif", "upload-sarif", "fetch-depth: 0", "security-events: write"}},
      {kExamples / "postgres-app" / ".gitlab-ci.yml",
       {"flyguard ci", "--format gitlab", "codequality", "GIT_DEPTH: 0"}},
  };
  RunResult help = flyguard(tmp.path(), {"ci", "--help"});
  ASSERT_EQ(help.status, 0) << help.err;
  for (const CiFile& file : files) {
    SCOPED_TRACE(file.path.string());
    ASSERT_TRUE(fs::exists(file.path));
    std::string text = read_binary(file.path);
    for (const std::string& mention : file.mentions) EXPECT_TRUE(contains(text, mention));
    std::set<std::string> options = ci_options(text);
    EXPECT_TRUE(options.count("--format") && options.count("--output")) << text;
    for (const std::string& option : options) EXPECT_TRUE(contains(help.out, option)) << "flyguard ci has no " << option;
  }
}

}  // namespace
}  // namespace flyguard::test
