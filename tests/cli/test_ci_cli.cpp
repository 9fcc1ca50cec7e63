// End-to-end: `flyguard ci` in the clones CI systems make (research/git-hooks.md §8, CI01–CI03, and
// the base chosen from GITHUB_BASE_REF / CODEBUILD_WEBHOOK_PREV_COMMIT / the first parent).
#include "git_fixture.h"

namespace flyguard::test {
namespace {

const std::string kV1 = "sql/V1__a.sql";
const std::string kV3 = "sql/V3__c.sql";

class CiTest : public GitTest {
 protected:
  // A server whose main has V1 and V2, and a pushed branch ci-branch that edits V1.
  void push_ci_branch() {
    make_pushed_repos();
    git_ok(client, {"checkout", "-q", "-b", "ci-branch"});
    commit_file(kV1, "create table a(id bigint);\n", "edit V1");
    RunResult r = push({"origin", "ci-branch"});  // unprotected: accepted with a warning
    ASSERT_EQ(r.status, 0) << r.err;
    git_ok(client, {"checkout", "-q", "main"});
  }
  std::string server_url() const { return "file://" + server.string(); }
  // A repository without any remote, all commits on main: what a build of main itself checks out.
  std::filesystem::path standalone(const std::string& name = "build") {
    std::filesystem::path repo = tmp.path() / name;
    git_ok(tmp.path(), {"init", "-q", repo.string()});
    write(repo / "flyway.conf", "flyway.locations=filesystem:sql\n");
    write(repo / kV1, "create table a(id int);\n");
    commit_all(repo, "A");
    return repo;
  }
};

TEST_F(CiTest, CI01_ShallowCloneWithoutTheBaseFailsClosed) {
  push_ci_branch();
  std::string main = rev(client, "main");
  std::filesystem::path shallow = tmp.path() / "ci-shallow";
  git_ok(tmp.path(), {"clone", "-q", "--depth", "1", "--branch", "ci-branch", server_url(), shallow.string()});
  RunResult r = flyguard(shallow, {"ci", "--base", main, "--head", "HEAD"});
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "not found"));
  EXPECT_TRUE(contains(r.err, "shallow clone"));
}

TEST_F(CiTest, CI02_AfterFetchingTheBaseTheEditIsNamed) {
  push_ci_branch();
  std::string main = rev(client, "main");
  std::filesystem::path shallow = tmp.path() / "ci-shallow";
  git_ok(tmp.path(), {"clone", "-q", "--depth", "1", "--branch", "ci-branch", server_url(), shallow.string()});
  git_ok(shallow, {"fetch", "-q", "--depth=50", "origin", "main"});
  RunResult r = flyguard(shallow, {"ci", "--base", main, "--head", "HEAD"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  RunResult json = flyguard(shallow, {"ci", "--base", main, "--format", "json"});
  EXPECT_EQ(json.status, 1);
  EXPECT_EQ(files_with(parse_report(json.out), "applied-migration-modified"), std::set<std::string>{kV1});
}

TEST_F(CiTest, CI03_SourceArchiveWithoutGitMetadataFailsClosed) {
  make_pushed_repos();
  std::filesystem::path zip = tmp.path() / "zip";
  std::filesystem::create_directories(zip);
  std::string tar = (tmp.path() / "src.tar").string();
  git_ok(client, {"archive", "-o", tar, "HEAD"});
  RunOptions options;
  options.cwd = zip;
  ASSERT_EQ(run_program("tar", {"-xf", tar}, options).status, 0);
  ASSERT_TRUE(std::filesystem::exists(zip / kV1));
  RunResult r = flyguard(zip, {"ci"});
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "no git repository here"));
  EXPECT_TRUE(contains(r.err, "CODE_ZIP"));
}

TEST_F(CiTest, GithubBaseRefInADetachedCloneWithOnlyOriginMain) {
  push_ci_branch();
  git_ok(client, {"checkout", "-q", "-b", "good-branch", "main"});
  commit_file(kV3, "create table c(id int);\n", "add V3");
  ASSERT_EQ(push({"origin", "good-branch"}).status, 0);
  std::filesystem::path checkout = tmp.path() / "actions";
  git_ok(tmp.path(), {"clone", "-q", server_url(), checkout.string()});
  git_ok(checkout, {"checkout", "-q", "--detach", "origin/ci-branch"});
  git_ok(checkout, {"branch", "-q", "-D", "main"});
  ASSERT_NE(git(checkout, {"rev-parse", "-q", "--verify", "refs/heads/main"}).status, 0);
  Env env{{"GITHUB_BASE_REF", "main"}};
  RunResult bad = flyguard(checkout, {"ci"}, env);
  EXPECT_EQ(bad.status, 1) << bad.out << bad.err;
  EXPECT_TRUE(names(bad, kV1, "applied-migration-modified"));
  git_ok(checkout, {"checkout", "-q", "--detach", "origin/good-branch"});
  RunResult good = flyguard(checkout, {"ci"}, env);
  EXPECT_EQ(good.status, 0) << good.out << good.err;
  env["GITHUB_BASE_REF"] = "no-such-branch";
  RunResult missing = flyguard(checkout, {"ci"}, env);
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(contains(missing.err, "no-such-branch"));
}

TEST_F(CiTest, BuildOfMainItselfUsesCodebuildPrevCommit) {
  std::filesystem::path repo = standalone();
  std::string a = rev(repo, "HEAD");
  write(repo / kV3, "create table c(id int);\n");
  commit_all(repo, "B adds V3");
  write(repo / kV3, "create table c(id bigint);\n");
  commit_all(repo, "C edits V3");
  // The webhook pushed B and C together: only A was deployed, so V3 is new and may change.
  RunResult pushed = flyguard(repo, {"ci"}, {{"CODEBUILD_WEBHOOK_PREV_COMMIT", a}});
  EXPECT_EQ(pushed.status, 0) << pushed.out << pushed.err;
  // Without it the first parent (B) is the base, where V3 is already applied.
  RunResult parent = flyguard(repo, {"ci"});
  EXPECT_EQ(parent.status, 1) << parent.out << parent.err;
  EXPECT_TRUE(names(parent, kV3, "applied-migration-modified"));
  EXPECT_TRUE(contains(parent.err, "notice: no base given: judging against the first parent"));
  // A zero id (a new branch) falls back to the first parent as well.
  RunResult zero = flyguard(repo, {"ci"}, {{"CODEBUILD_WEBHOOK_PREV_COMMIT", std::string(40, '0')}});
  EXPECT_EQ(zero.status, 1) << zero.out << zero.err;
}

TEST_F(CiTest, BuildOfMainItselfRefusesAnEditSincePrevCommit) {
  std::filesystem::path repo = standalone();
  std::string a = rev(repo, "HEAD");
  write(repo / kV1, "create table a(id bigint);\n");
  commit_all(repo, "edit V1");
  RunResult r = flyguard(repo, {"ci"}, {{"CODEBUILD_WEBHOOK_PREV_COMMIT", a}});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  RunResult missing = flyguard(repo, {"ci"}, {{"CODEBUILD_WEBHOOK_PREV_COMMIT", std::string(39, '1') + "2"}});
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(contains(missing.err, "CODEBUILD_WEBHOOK_PREV_COMMIT"));
}

TEST_F(CiTest, RootCommitWithoutBaseGivesANotice) {
  std::filesystem::path repo = standalone();
  RunResult r = flyguard(repo, {"ci"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_TRUE(contains(r.err, "notice: no base given and the head has no parent"));
}

TEST_F(CiTest, LintSeveritiesComeFromTheBaseConfiguration) {
  std::filesystem::path repo = standalone();
  write(repo / ".flyguard.toml", "[rules]\nban-drop-table = \"error\"\n");
  commit_all(repo, "dropping a table is an error here");
  std::string base = rev(repo, "HEAD");
  // The change switches the rule off for itself: the base's configuration still decides.
  write(repo / ".flyguard.toml", "[rules]\nban-drop-table = \"off\"\n");
  write(repo / "sql/V2__drop.sql", "DROP TABLE a;\n");
  commit_all(repo, "drop a");
  RunResult r = flyguard(repo, {"ci", "--base", base, "--head", "HEAD"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(names(r, "sql/V2__drop.sql", "ban-drop-table"));
  EXPECT_TRUE(contains(r.out, "error[ban-drop-table]")) << r.out;
}

TEST_F(CiTest, RootCommitIsStillLinted) {
  std::filesystem::path repo = tmp.path() / "broken";
  git_ok(tmp.path(), {"init", "-q", repo.string()});
  write(repo / "sql/V1__a.sql", "create tabel a(id int);\n");
  commit_all(repo, "root");
  RunResult r = flyguard(repo, {"ci"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_TRUE(names(r, "sql/V1__a.sql", "syntax-error"));
}

}  // namespace
}  // namespace flyguard::test
