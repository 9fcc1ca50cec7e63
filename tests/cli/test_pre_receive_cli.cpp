// End-to-end: real `git push` into a bare repository whose pre-receive hook is the real flyguard
// (research/git-hooks.md §8, PR01–PR24). V1 and V2 are applied: they are on the server's main.
#include <unistd.h>

#include "git_fixture.h"

namespace flyguard::test {
namespace {

const std::string kV1 = "sql/V1__a.sql";
const std::string kV2 = "sql/V2__b.sql";
const std::string kV3 = "sql/V3__c.sql";

class PreReceiveTest : public GitTest {
 protected:
  void SetUp() override {
    GitTest::SetUp();
    make_pushed_repos();
  }
  // Adds V3 on main and pushes it, so V3 is applied too.
  void push_v3() {
    commit_file(kV3, "create table c(id int);\n", "add V3");
    RunResult r = push({"origin", "main"});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  void edit_v1() { commit_file(kV1, "create table a(id bigint);\n", "edit V1"); }
  void expect_refused(const RunResult& r, const std::string& file, const std::string& rule) {
    EXPECT_NE(r.status, 0) << r.out << r.err;
    EXPECT_TRUE(names(r, file, rule));
    EXPECT_TRUE(contains(r.err, "pre-receive hook declined"));
    EXPECT_FALSE(contains(r.err, "could not run"));
  }
};

TEST_F(PreReceiveTest, PR01_AddingANewMigrationIsAccepted) {
  std::string before = server_ref("refs/heads/main");
  commit_file(kV3, "create table c(id int);\n");
  RunResult r = push({"origin", "HEAD:main"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(server_ref("refs/heads/main"), before);
  EXPECT_EQ(server_ref("refs/heads/main"), rev(client, "HEAD"));
}

TEST_F(PreReceiveTest, PR02_EditingAnAppliedMigrationIsRefused) {
  std::string before = server_ref("refs/heads/main");
  edit_v1();
  RunResult r = push({"origin", "HEAD:main"});
  expect_refused(r, kV1, "applied-migration-modified");
  EXPECT_EQ(server_ref("refs/heads/main"), before);
  git_ok(server, {"fsck", "--no-progress"});  // the refused push left the repository intact
}

TEST_F(PreReceiveTest, PR03_DeletingAnAppliedMigrationIsRefused) {
  git_ok(client, {"rm", "-q", kV2});
  commit_all(client, "delete V2");
  expect_refused(push({"origin", "HEAD:main"}), kV2, "applied-migration-deleted");
}

TEST_F(PreReceiveTest, PR04_RenamingAnAppliedMigrationIsRefused) {
  git_ok(client, {"mv", kV2, "sql/V2__renamed.sql"});
  commit_all(client, "rename V2");
  RunResult r = push({"origin", "HEAD:main"});
  expect_refused(r, "sql/V2__renamed.sql", "applied-migration-renamed");
  EXPECT_TRUE(contains(r.err, kV2));
}

TEST_F(PreReceiveTest, PR05_MovingAnAppliedMigrationOutOfTheLocationIsRefused) {
  std::filesystem::create_directories(client / "archive");
  git_ok(client, {"mv", kV1, "archive/"});
  commit_all(client, "archive V1");
  // Outside the migration location the move is a deletion as far as Flyway can tell.
  expect_refused(push({"origin", "HEAD:main"}), kV1, "applied-migration-deleted");
}

TEST_F(PreReceiveTest, PR06_EditAndRevertInOnePushIsAccepted) {
  edit_v1();
  git_ok(client, {"revert", "--no-edit", "HEAD"});
  RunResult r = push({"origin", "HEAD:main"});
  EXPECT_EQ(r.status, 0) << r.err;  // final-tree policy: the pushed tip leaves V1 as it was
}

TEST_F(PreReceiveTest, PR07_ForcePushThatDropsAnAppliedMigrationIsRefused) {
  push_v3();
  git_ok(client, {"reset", "-q", "--hard", "HEAD~1"});
  std::string before = server_ref("refs/heads/main");
  expect_refused(push({"-f", "origin", "HEAD:main"}), kV3, "applied-migration-deleted");
  EXPECT_EQ(server_ref("refs/heads/main"), before);
}

TEST_F(PreReceiveTest, PR08_AmendingAPushedMigrationIsRefused) {
  push_v3();
  write(client / kV3, "create table c(id bigint);\n");
  git_ok(client, {"commit", "-q", "-a", "--amend", "--no-edit"});
  expect_refused(push({"-f", "origin", "HEAD:main"}), kV3, "applied-migration-modified");
}

TEST_F(PreReceiveTest, PR09_EditOnAnUnprotectedBranchIsAcceptedWithAWarning) {
  git_ok(client, {"checkout", "-q", "-b", "feature"});
  edit_v1();
  RunResult r = push({"origin", "feature"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  EXPECT_TRUE(contains(r.err, "warning"));
  EXPECT_EQ(server_ref("refs/heads/feature"), rev(client, "feature"));
}

TEST_F(PreReceiveTest, PR10_GoodMainAndUnprotectedEditInOnePushAreAccepted) {
  git_ok(client, {"checkout", "-q", "-b", "feature2"});
  edit_v1();
  git_ok(client, {"checkout", "-q", "main"});
  commit_file("sql/V4__d.sql", "create table d(id int);\n");
  RunResult r = push({"origin", "main", "feature2"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(server_ref("refs/heads/main"), rev(client, "main"));
  EXPECT_EQ(server_ref("refs/heads/feature2"), rev(client, "feature2"));
}

TEST_F(PreReceiveTest, PR11_BadMainRefusesTheWholePushIncludingANewBranch) {
  push_v3();
  commit_file(kV3, "create table c(id bigint);\n", "edit V3");
  git_ok(client, {"branch", "feature3"});
  RunResult r = push({"origin", "main", "feature3"});
  expect_refused(r, kV3, "applied-migration-modified");
  EXPECT_EQ(server_ref("refs/heads/feature3"), "");  // PR11b: nothing of the push landed
  EXPECT_TRUE(git_ok(client, {"ls-remote", "origin", "refs/heads/feature3"}).out.empty());
}

TEST_F(PreReceiveTest, PR12_AnnotatedAndLightweightTagsAreAccepted) {
  git_ok(client, {"tag", "-a", "v-annot", "-m", "x"});
  git_ok(client, {"tag", "v-light"});
  RunResult r = push({"origin", "v-annot", "v-light"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(server_ref("refs/tags/v-annot"), "");
  EXPECT_NE(server_ref("refs/tags/v-light"), "");
}

TEST_F(PreReceiveTest, PR13_CreatingAndDeletingAnUnprotectedBranchIsAccepted) {
  RunResult created = push({"origin", "HEAD:refs/heads/tmp"});
  EXPECT_EQ(created.status, 0) << created.err;
  RunResult deleted = push({"origin", ":refs/heads/tmp"});  // no quarantine directory on a delete-only push
  EXPECT_EQ(deleted.status, 0) << deleted.err;
  EXPECT_EQ(server_ref("refs/heads/tmp"), "");
}

TEST_F(PreReceiveTest, PR14_DeletingTheProtectedBranchIsRefused) {
  RunResult r = push({"origin", ":refs/heads/main"});
  expect_refused(r, "refs/heads/main", "protected-branch-deleted");
  EXPECT_NE(server_ref("refs/heads/main"), "");
}

TEST_F(PreReceiveTest, PR15_FirstPushIntoAnEmptyRepositoryIsAccepted) {
  std::filesystem::path empty = make_server("empty.git");
  RunResult r = git(client, {"push", empty.string(), "main"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(git_ok(empty, {"rev-parse", "refs/heads/main"}).out, git_ok(client, {"rev-parse", "main"}).out);
}

TEST_F(PreReceiveTest, PR16_ObjectsInAKeptPackAreFound) {
  git_ok(server, {"config", "receive.unpackLimit", "1"});
  commit_file(kV2, "create table b(id bigint);\n", "edit V2");
  expect_refused(push({"origin", "HEAD:main"}), kV2, "applied-migration-modified");
}

TEST_F(PreReceiveTest, PR17_PR18_ServerPathWithAColon) {
  std::filesystem::path colon = make_server("colon:repo.git");
  git_ok(client, {"remote", "add", "colon", colon.string()});
  RunResult good = push({"colon", "main"});
  EXPECT_EQ(good.status, 0) << good.err;
  edit_v1();
  RunResult bad = push({"colon", "main"});
  expect_refused(bad, kV1, "applied-migration-modified");
}

TEST_F(PreReceiveTest, PR19_OverrideByAUserNotAllowedIsRefused) {
  edit_v1();
  Env env{{"FLYGUARD_CONFIG", server_config("[override]\nallowed_users = [\"alice\"]\n")}, {"GL_USERNAME", "bob"}};
  RunResult r = push({"-o", "flyguard.override=INC-1", "origin", "HEAD:main"}, env);
  expect_refused(r, kV1, "applied-migration-modified");
  EXPECT_TRUE(contains(r.err, "not allowed for bob"));
  EXPECT_FALSE(contains(r.err, "AUDIT"));
}

TEST_F(PreReceiveTest, PR20_OverrideByAnAllowedUserIsAcceptedAndAudited) {
  edit_v1();
  Env env{{"FLYGUARD_CONFIG", server_config("[override]\nallowed_users = [\"alice\"]\n")}, {"GL_USERNAME", "alice"}};
  RunResult r = push({"-o", "flyguard.override=INC-1", "origin", "HEAD:main"}, env);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(contains(r.err, "AUDIT"));
  EXPECT_TRUE(contains(r.err, "user=alice reason=\"INC-1\""));
  EXPECT_TRUE(contains(r.err, "applied-migration-modified:" + kV1));
  EXPECT_EQ(server_ref("refs/heads/main"), rev(client, "HEAD"));
}

TEST_F(PreReceiveTest, PR21_PushOptionsNeedTheServerToAdvertiseThem) {
  git_ok(server, {"config", "receive.advertisePushOptions", "false"});
  commit_file(kV3, "create table c(id int);\n");
  RunResult r = push({"-o", "x", "origin", "HEAD:main"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(contains(r.err, "does not support push options"));
}

TEST_F(PreReceiveTest, PR22_ModeOnlyChangeIsAcceptedWithAWarning) {
  git_ok(client, {"update-index", "--chmod=+x", kV2});
  git_ok(client, {"commit", "-q", "-m", "chmod V2"});
  RunResult r = push({"origin", "HEAD:main"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(names(r, kV2, "applied-migration-mode-changed"));
}

TEST_F(PreReceiveTest, PR23_ReplacingAnAppliedMigrationBySymlinkIsRefused) {
  push_v3();
  std::filesystem::remove(client / kV3);
  ASSERT_EQ(symlink("V1__a.sql", (client / kV3).c_str()), 0);
  commit_all(client, "V3 -> symlink");
  expect_refused(push({"origin", "HEAD:main"}), kV3, "applied-migration-type-changed");
}

// A gitlink (mode 160000) has no content in this repository: Flyway on the deploy machine would find an
// empty directory or nothing at all.
TEST_F(PreReceiveTest, PR23b_SubmodulesWhereMigrationsShouldBeAreRefused) {
  push_v3();
  const std::string commit = rev(client, "HEAD");
  git_ok(client, {"rm", "-q", "--cached", kV3});
  git_ok(client, {"update-index", "--add", "--cacheinfo", "160000," + commit + "," + kV3});
  git_ok(client, {"update-index", "--add", "--cacheinfo", "160000," + commit + ",sql/V4__new.sql"});
  git_ok(client, {"commit", "-q", "-m", "submodules"});
  RunResult r = push({"origin", "HEAD:main"});
  expect_refused(r, kV3, "applied-migration-type-changed");
  EXPECT_TRUE(names(r, "sql/V4__new.sql", "migration-not-a-file"));
}

TEST_F(PreReceiveTest, PR24_LineEndingOnlyRewriteIsAcceptedWithAWarning) {
  // Flyway's checksum ignores line endings: the chosen policy warns instead of refusing.
  commit_file(kV1, "create table a(id int);\r\n", "CRLF V1");
  RunResult r = push({"origin", "HEAD:main"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(names(r, kV1, "applied-migration-reformatted"));
}

}  // namespace
}  // namespace flyguard::test
