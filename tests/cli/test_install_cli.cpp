// End-to-end: `flyguard install` in a clone and on a bare server repository.
#include <sys/stat.h>

#include "git_fixture.h"

namespace flyguard::test {
namespace {

const std::string kForeign = "#!/bin/sh\necho someone else's hook\n";

class InstallTest : public GitTest {
 protected:
  void SetUp() override {
    GitTest::SetUp();
    make_client("client", false);  // no server: only the local hooks matter here
  }
  static bool executable(const std::filesystem::path& file) {
    struct stat st {};
    return ::stat(file.c_str(), &st) == 0 && (st.st_mode & S_IXUSR);
  }
  RunResult commit_v1_edit() {
    write(client / "sql/V1__a.sql", "create table a(id bigint);\n");
    return git(client, {"commit", "-q", "-am", "edit V1"});
  }
};

TEST_F(InstallTest, WritesExecutablePreCommitAndPrePushHooks) {
  RunResult r = flyguard(client, {"install"});
  EXPECT_EQ(r.status, 0) << r.err;
  for (const char* hook : {"pre-commit", "pre-push"}) {
    std::filesystem::path file = client / ".git/hooks" / hook;
    EXPECT_TRUE(executable(file)) << file;
    EXPECT_TRUE(contains(read_binary(file), std::string("' ") + hook));
  }
  RunResult again = flyguard(client, {"install"});  // its own hooks are replaced quietly
  EXPECT_EQ(again.status, 0) << again.err;
  // With no protected branch anywhere, main itself holds the applied migrations.
  RunResult refused = commit_v1_edit();
  EXPECT_NE(refused.status, 0);
  EXPECT_TRUE(names(refused, "sql/V1__a.sql", "applied-migration-modified"));
}

TEST_F(InstallTest, KeepsAForeignHookWithoutForce) {
  std::filesystem::path hook = client / ".git/hooks/pre-commit";
  write(hook, kForeign);
  RunResult r = flyguard(client, {"install"});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "already exists and is not flyguard's"));
  EXPECT_TRUE(contains(r.err, "--force"));
  EXPECT_EQ(read_binary(hook), kForeign);
  RunResult forced = flyguard(client, {"install", "--force"});
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_TRUE(contains(read_binary(hook), "installed by flyguard install"));
  EXPECT_TRUE(executable(hook));
}

TEST_F(InstallTest, RespectsCoreHooksPath) {
  git_ok(client, {"config", "core.hooksPath", ".githooks"});
  RunResult r = flyguard(client, {"install"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(executable(client / ".githooks/pre-commit"));
  EXPECT_TRUE(executable(client / ".githooks/pre-push"));
  EXPECT_FALSE(std::filesystem::exists(client / ".git/hooks/pre-commit"));
  RunResult refused = commit_v1_edit();  // git runs the hook from core.hooksPath
  EXPECT_NE(refused.status, 0);
  EXPECT_TRUE(names(refused, "sql/V1__a.sql", "applied-migration-modified"));
}

TEST_F(InstallTest, WorksFromASubdirectoryAndALinkedWorktree) {
  std::filesystem::path wt = tmp.path() / "wt";
  git_ok(client, {"worktree", "add", "-q", wt.string(), "-b", "other"});
  RunResult r = flyguard(wt / "sql", {"install"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(executable(client / ".git/hooks/pre-commit"));  // hooks live in the common dir
}

TEST_F(InstallTest, ServerInstallWritesPreReceiveAndAdvertisesPushOptions) {
  std::filesystem::path bare = tmp.path() / "bare.git";
  git_ok(tmp.path(), {"init", "-q", "--bare", bare.string()});
  write(bare / "hooks/pre-receive", kForeign);
  RunResult kept = flyguard(tmp.path(), {"install", "--server", bare.string()});
  EXPECT_EQ(kept.status, 2);
  EXPECT_EQ(read_binary(bare / "hooks/pre-receive"), kForeign);
  RunResult r = flyguard(tmp.path(), {"install", "--server", bare.string(), "--force"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(executable(bare / "hooks/pre-receive"));
  EXPECT_EQ(git_ok(bare, {"config", "--bool", "receive.advertisePushOptions"}).out, "true\n");
}

TEST_F(InstallTest, ServerInstallNeedsARepository) {
  RunResult r = flyguard(tmp.path(), {"install", "--server", (tmp.path() / "nothing").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(contains(r.err, "cannot open"));
}

}  // namespace
}  // namespace flyguard::test
