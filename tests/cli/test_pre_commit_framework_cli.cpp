// .pre-commit-hooks.yaml, run by the real pre-commit framework (Debian's package, installed by
// tests/run.sh): the manifest must run flyguard on every commit, deletions and renames included.
#include <gtest/gtest.h>

#include <cstdlib>

#include "git_fixture.h"

namespace flyguard::test {
namespace {

class PreCommitFrameworkTest : public GitTest {
 protected:
  Env framework_env() const {
    std::string bin = fs::path(FLYGUARD_BINARY).parent_path().string();
    const char* path = std::getenv("PATH");
    return environment({{"PATH", bin + ":" + (path ? path : "/usr/bin:/bin")},
                        {"PRE_COMMIT_HOME", (tmp.path() / "pre-commit-home").string()}});
  }
  RunResult framework(const std::vector<std::string>& args) const {
    return run_program("pre-commit", args, RunOptions{client, framework_env(), {}});
  }
  RunResult commit(const std::string& message) const {
    return run_program("git", {"commit", "-q", "-m", message}, RunOptions{client, framework_env(), {}});
  }
};

TEST_F(PreCommitFrameworkTest, ManifestHookGuardsCommits) {
  if (run_program("sh", {"-c", "command -v pre-commit"}).status != 0)
    GTEST_SKIP() << "the pre-commit framework is not installed (tests/run.sh installs it)";
  make_pushed_repos();
  std::string source = FLYGUARD_SOURCE_DIR;
  std::string revision = rev(source, "HEAD");
  write(client / ".pre-commit-config.yaml",
        "repos:\n- repo: " + source + "\n  rev: " + revision + "\n  hooks:\n  - id: flyguard\n");
  commit_all(client, "use flyguard through the pre-commit framework");
  RunResult installed = framework({"install"});
  ASSERT_EQ(installed.status, 0) << installed.out << installed.err;

  write(client / "sql/V3__c.sql", "create table c(id bigint);\n");
  git_ok(client, {"add", "-A"});
  RunResult good = commit("add V3");
  EXPECT_EQ(good.status, 0) << good.out << good.err;

  git_ok(client, {"rm", "-q", "sql/V2__b.sql"});  // a deletion: no file name would reach a files: filter
  RunResult deleted = commit("delete V2");
  EXPECT_NE(deleted.status, 0);
  EXPECT_TRUE(names(deleted, "sql/V2__b.sql", "applied-migration-deleted"));
}

}  // namespace
}  // namespace flyguard::test
