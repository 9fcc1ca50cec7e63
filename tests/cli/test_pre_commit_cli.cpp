// End-to-end: real `git commit` / `git push` in a clone whose pre-commit and pre-push hooks were
// written by `flyguard install` (research/git-hooks.md §8, PC01–PC12). V1 and V2 are on origin/main.
#include "git_fixture.h"

namespace flyguard::test {
namespace {

const std::string kV1 = "sql/V1__a.sql";
const std::string kV2 = "sql/V2__b.sql";

class PreCommitTest : public GitTest {
 protected:
  void SetUp() override {
    GitTest::SetUp();
    make_pushed_repos();
    RunResult installed = flyguard(client, {"install"});
    ASSERT_EQ(installed.status, 0) << installed.out << installed.err;
  }
  RunResult commit(const std::vector<std::string>& args) const {
    std::vector<std::string> full{"commit", "-q"};
    full.insert(full.end(), args.begin(), args.end());
    return git(client, full);
  }
  void expect_refused(const RunResult& r, const std::string& file, const std::string& rule) const {
    EXPECT_NE(r.status, 0) << r.out << r.err;
    EXPECT_TRUE(names(r, file, rule));
    EXPECT_TRUE(contains(r.err, "commit refused"));
  }
  void expect_committed(const RunResult& r, const std::string& before) const {
    EXPECT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_NE(rev(client, "HEAD"), before);
  }
};

TEST_F(PreCommitTest, PC01_NewMigrationIsAccepted) {
  std::string before = rev(client, "HEAD");
  write(client / "sql/V6__f.sql", "create table f(id int);\n");
  git_ok(client, {"add", "sql/V6__f.sql"});
  expect_committed(commit({"-m", "add V6"}), before);
}

TEST_F(PreCommitTest, PC02_EditOfAnAppliedMigrationIsRefused) {
  std::string before = rev(client, "HEAD");
  write(client / kV1, "create table a(id bigint);\n");
  git_ok(client, {"add", kV1});
  expect_refused(commit({"-m", "edit V1"}), kV1, "applied-migration-modified");
  EXPECT_EQ(rev(client, "HEAD"), before);
}

TEST_F(PreCommitTest, PC03_UnstagedEditIsNotPartOfTheCommit) {
  std::string before = rev(client, "HEAD");
  write(client / kV2, "create table b(id bigint);\n");
  write(client / "README.md", "changed\n");
  git_ok(client, {"add", "README.md"});
  expect_committed(commit({"-m", "readme"}), before);
}

TEST_F(PreCommitTest, PC04_CommitOfAPathUsesTheTemporaryIndex) {
  std::string before = rev(client, "HEAD");
  write(client / kV1, "create table a(id bigint);\n");
  git_ok(client, {"add", kV1});
  write(client / "README.md", "changed\n");
  expect_committed(commit({"-m", "x", "README.md"}), before);
}

TEST_F(PreCommitTest, PC05_CommitAllIncludesStagedAndUnstagedEdits) {
  write(client / kV1, "create table a(id bigint);\n");
  git_ok(client, {"add", kV1});
  write(client / kV2, "create table b(id bigint);\n");
  RunResult r = commit({"-am", "y"});
  expect_refused(r, kV2, "applied-migration-modified");
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
}

TEST_F(PreCommitTest, PC05b_CommitAllOfAWorktreeOnlyEditIsRefused) {
  write(client / kV2, "create table b(id bigint);\n");
  expect_refused(commit({"-am", "z"}), kV2, "applied-migration-modified");
}

TEST_F(PreCommitTest, PC06_RenameIsRefused) {
  git_ok(client, {"mv", kV2, "sql/V2__renamed.sql"});
  expect_refused(commit({"-m", "rename"}), "sql/V2__renamed.sql", "applied-migration-renamed");
}

TEST_F(PreCommitTest, PC07_DeletionIsRefused) {
  git_ok(client, {"rm", "-q", kV2});
  expect_refused(commit({"-m", "delete"}), kV2, "applied-migration-deleted");
}

TEST_F(PreCommitTest, PC08_AmendingAnUnpushedMigrationIsAccepted) {
  write(client / "sql/V7__g.sql", "create table g(id int);\n");
  git_ok(client, {"add", "sql/V7__g.sql"});
  std::string before = rev(client, "HEAD");
  expect_committed(commit({"-m", "add V7"}), before);
  std::string added = rev(client, "HEAD");
  write(client / "sql/V7__g.sql", "create table g(id bigint);\n");
  git_ok(client, {"add", "sql/V7__g.sql"});
  expect_committed(commit({"--amend", "--no-edit"}), added);
}

TEST_F(PreCommitTest, PC09_LinkedWorktreeIsChecked) {
  std::filesystem::path wt = tmp.path() / "wt";
  git_ok(client, {"worktree", "add", "-q", wt.string(), "-b", "wtb", "origin/main"});
  write(wt / kV1, "create table a(id bigint);\n");
  git_ok(wt, {"add", kV1});
  RunResult r = git(wt, {"commit", "-q", "-m", "edit V1 in a worktree"});
  expect_refused(r, kV1, "applied-migration-modified");
}

TEST_F(PreCommitTest, PC10_GitDirAndWorkTreeGivenFromElsewhere) {
  write(client / kV2, "create table b(id bigint);\n");
  std::vector<std::string> where{"--git-dir=" + (client / ".git").string(), "--work-tree=" + client.string()};
  std::vector<std::string> add = where, commit_args = where;
  add.insert(add.end(), {"add", kV2});
  git_ok("/", add);
  commit_args.insert(commit_args.end(), {"commit", "-q", "-m", "edit V2"});
  RunResult r = git("/", commit_args);
  expect_refused(r, kV2, "applied-migration-modified");
  EXPECT_FALSE(contains(r.err, "unimplemented"));
  EXPECT_FALSE(contains(r.err, "cannot open"));
}

TEST_F(PreCommitTest, PC11_AutocrlfCheckoutIsNotAnEdit) {
  git_ok(client, {"config", "core.autocrlf", "true"});
  std::filesystem::remove(client / kV1);
  git_ok(client, {"checkout", "--", kV1});
  ASSERT_TRUE(contains(read_binary(client / kV1), "\r\n"));
  std::string before = rev(client, "HEAD");
  write(client / "README.md", "changed\n");
  git_ok(client, {"add", "README.md"});
  expect_committed(commit({"-m", "readme"}), before);
}

TEST_F(PreCommitTest, PC12_NoVerifySkipsTheHookButNotTheServer) {
  std::string before = rev(client, "HEAD");
  write(client / kV1, "create table a(id bigint);\n");
  RunResult r = commit({"--no-verify", "-am", "edit V1"});
  expect_committed(r, before);
  EXPECT_FALSE(contains(r.out + r.err, "flyguard"));
  RunResult pushed = push({"--no-verify", "origin", "main"});  // skips the local pre-push hook too
  EXPECT_NE(pushed.status, 0);
  EXPECT_TRUE(names(pushed, kV1, "applied-migration-modified"));
  EXPECT_TRUE(contains(pushed.err, "remote:"));
  EXPECT_NE(server_ref("refs/heads/main"), rev(client, "HEAD"));
}

TEST_F(PreCommitTest, PrePushStopsAnEditBeforeItLeaves) {
  write(client / kV1, "create table a(id bigint);\n");
  git_ok(client, {"commit", "-q", "--no-verify", "-am", "edit V1"});
  std::string before = server_ref("refs/heads/main");
  RunResult r = push({"origin", "main"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  EXPECT_TRUE(contains(r.out + r.err, "push stopped before it left this machine"));
  EXPECT_FALSE(contains(r.out + r.err, "remote:"));
  EXPECT_EQ(server_ref("refs/heads/main"), before);
}

TEST_F(PreCommitTest, PrePushLetsANewMigrationAndAFeatureEditThrough) {
  commit_file("sql/V3__c.sql", "create table c(id int);\n");
  RunResult good = push({"origin", "main"});
  EXPECT_EQ(good.status, 0) << good.err;
  EXPECT_EQ(server_ref("refs/heads/main"), rev(client, "main"));
  git_ok(client, {"checkout", "-q", "-b", "feature"});
  write(client / kV1, "create table a(id bigint);\n");
  git_ok(client, {"commit", "-q", "--no-verify", "-am", "edit V1"});
  RunResult feature = push({"origin", "feature"});
  EXPECT_EQ(feature.status, 0) << feature.err;
  EXPECT_TRUE(names(feature, kV1, "applied-migration-modified"));  // a warning until it targets main
}

}  // namespace
}  // namespace flyguard::test
