// Real-world migrations (../shared/corpus) and the projects in examples/.
#include "cli_fixtures.h"

namespace flyguard::test {
namespace {

namespace fs = std::filesystem;

// `check <dir> [extra...] --format json` from the source tree; skips the test when `dir` is missing.
class ProjectRun : public ::testing::Test {
 protected:
  CheckReport check(const fs::path& dir, std::vector<std::string> extra = {}) {
    CheckReport report;
    if (!fs::is_directory(dir)) {
      missing_ = true;
      return report;
    }
    std::vector<std::string> args{"check", dir.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"--format", "json"});
    RunResult r = run_flyguard(args, RunOptions{FLYGUARD_SOURCE_DIR, {}, {}});
    report.status = r.status;
    report.err = r.err;
    EXPECT_TRUE(r.status == 0 || r.status == 1) << "exit status " << r.status << "\nstderr: " << r.err;
    report.json = parse_report(r.out);
    return report;
  }
  bool missing_ = false;
};

fs::path corpus(const char* dialect) { return fs::path(FLYGUARD_CORPUS_DIR) / dialect; }
fs::path example(const char* name) { return fs::path(FLYGUARD_SOURCE_DIR) / "examples" / name; }

using Corpus = ProjectRun;
using Examples = ProjectRun;

TEST_F(Corpus, PostgresOnlyKnownSyntaxErrors) {
  CheckReport r = check(corpus("postgres"));
  if (missing_) GTEST_SKIP() << corpus("postgres") << " is missing";
  ASSERT_TRUE(r.json.is_object());
  EXPECT_EQ(r.json["version"], 1);
  EXPECT_GT(r.json["summary"]["files"].get<int>(), 100);
  // The only real syntax errors are three dolphinscheduler upgrade scripts.
  std::set<std::string> broken = files_with(r.json, "syntax-error");
  EXPECT_EQ(broken.size(), 3u);
  for (const std::string& file : broken) EXPECT_EQ(fs::path(file).filename(), "dolphinscheduler_ddl.sql") << file;
  for (const char* rule : {"newer-syntax", "statement-too-complex", "binary-file", "invalid-utf8"})
    EXPECT_TRUE(with_rule(r.json, rule).empty()) << rule;
}

TEST_F(Corpus, RedshiftDoesNotCrash) {
  CheckReport r = check(corpus("redshift"), {"--dialect", "redshift"});
  if (missing_) GTEST_SKIP() << corpus("redshift") << " is missing";
  ASSERT_TRUE(r.json.is_object());
  EXPECT_EQ(r.json["version"], 1);
  EXPECT_TRUE(r.json["diagnostics"].is_array());
  // In the Redshift dialect grammar failures are warnings, never syntax errors of their own.
  for (const Json& d : with_rule(r.json, "unparseable-statement")) EXPECT_EQ(d["severity"], "warning");
}

TEST_F(Examples, PostgresAppIsClean) {
  CheckReport r = check(example("postgres-app"));
  ASSERT_FALSE(missing_) << example("postgres-app");
  EXPECT_EQ(r.status, 0) << r.json.dump(2);
  EXPECT_TRUE(r.json["diagnostics"].empty()) << r.json.dump(2);
  EXPECT_EQ(r.json["summary"]["files"], 3);
}

TEST_F(Examples, BrokenShowsEveryNamingSyntaxAndLintRule) {
  CheckReport r = check(example("broken"));
  ASSERT_FALSE(missing_) << example("broken");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(rule_set(r.json), (std::set<std::string>{
                                  "ignored-migration-name",
                                  "invalid-migration-name",
                                  "duplicate-version",
                                  "duplicate-repeatable",
                                  "suspicious-version",
                                  "version-too-long",
                                  "syntax-error",
                                  "newer-syntax",
                                  "undefined-placeholder",
                                  "invalid-script-config",
                                  "invalid-utf8",
                                  "binary-file",
                                  "require-concurrent-index-creation",
                                  "adding-required-field",
                                  "password-literal",
                                  "require-lock-timeout",
                                  "require-statement-timeout",
                                  "concurrently-with-transactional-lock",
                              }))
      << r.json.dump(2);
}

}  // namespace
}  // namespace flyguard::test
