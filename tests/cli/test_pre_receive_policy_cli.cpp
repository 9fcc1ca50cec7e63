// End-to-end: the server policy (FLYGUARD_CONFIG), overrides, Flyway rules at push time, and
// pre-receive run directly with hand-written standard input.
#include <fstream>
#include <sstream>

#include "git_fixture.h"

namespace flyguard::test {
namespace {

const std::string kV1 = "sql/V1__a.sql";
const std::string kZero40(40, '0');
const std::string kZero64(64, '0');

class PreReceivePolicyTest : public GitTest {
 protected:
  void edit_v1() { commit_file(kV1, "create table a(id bigint);\n", "edit V1"); }
  Env policy(const std::string& toml, Env extra = {}) const {
    extra["FLYGUARD_CONFIG"] = server_config(toml);
    return extra;
  }
  // flyguard pre-receive run by hand in the bare repository, as git would run it.
  RunResult pre_receive(const std::string& input, const Env& extra = {}) const {
    Env env = extra;
    env["GIT_DIR"] = server.string();
    return flyguard(server, {"pre-receive"}, env, input);
  }
};

TEST_F(PreReceivePolicyTest, ProtectedBranchGlobFromTheServerConfig) {
  make_pushed_repos();
  Env env = policy("protected_branches = [\"main\", \"release/*\"]\n");
  git_ok(client, {"checkout", "-q", "-b", "release/1.0"});
  edit_v1();
  RunResult release = push({"origin", "release/1.0"}, env);
  EXPECT_NE(release.status, 0) << release.err;
  EXPECT_TRUE(names(release, kV1, "applied-migration-modified"));
  EXPECT_EQ(server_ref("refs/heads/release/1.0"), "");
  RunResult feature = push({"origin", "release/1.0:refs/heads/feature/x"}, env);  // not protected
  EXPECT_EQ(feature.status, 0) << feature.err;
}

TEST_F(PreReceivePolicyTest, ProtectedBranchGlobFromTheRepositoryConfigOnMain) {
  make_pushed_repos();
  commit_file(".flyguard.toml", "protected_branches = [\"main\", \"release/*\"]\n", "protect releases");
  ASSERT_EQ(push({"origin", "main"}).status, 0);
  git_ok(client, {"checkout", "-q", "-b", "release/2.0"});
  edit_v1();
  RunResult r = push({"origin", "release/2.0"});
  EXPECT_NE(r.status, 0) << r.err;
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
}

TEST_F(PreReceivePolicyTest, ProtectedBranchFromTheRepositoryConfigOnTheDefaultBranch) {
  // No main or master: the server's HEAD names the default branch, whose .flyguard.toml protects it.
  make_server();
  git_ok(server, {"symbolic-ref", "HEAD", "refs/heads/trunk"});
  make_client("client", false);
  commit_file(".flyguard.toml", "protected_branches = [\"trunk\"]\n", "protect trunk");
  ASSERT_EQ(push({"origin", "main:trunk"}).status, 0);
  edit_v1();
  RunResult r = push({"origin", "main:trunk"});
  EXPECT_NE(r.status, 0) << r.err;
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  EXPECT_TRUE(contains(r.err, "it is on trunk"));
}

TEST_F(PreReceivePolicyTest, RuleConfigurationCannotSwitchTheGateOff) {
  make_pushed_repos();
  commit_file(".flyguard.toml", "[rules]\napplied-migration-modified = \"off\"\n", "switch the gate off");
  edit_v1();
  RunResult r = push({"origin", "main"});
  // The repository's configuration is read from main before the push, so the edit is judged as
  // usual; and the pushed configuration itself is refused: a gate id in [rules] is invalid.
  EXPECT_NE(r.status, 0) << r.err;
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  EXPECT_TRUE(contains(r.err, "[invalid-configuration]")) << r.err;
  EXPECT_TRUE(contains(r.err, "'applied-migration-modified' in [rules] is a git gate")) << r.err;
}

TEST_F(PreReceivePolicyTest, InvalidConfigurationPushedToMainIsRefused) {
  make_pushed_repos();
  std::string before = server_ref("refs/heads/main");
  commit_file(".flyguard.toml", "fial_on = \"warning\"\n", "a typo that would refuse every later push");
  RunResult r = push({"origin", "main"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(contains(r.err, "[invalid-configuration]")) << r.err;
  EXPECT_TRUE(contains(r.err, "fial_on")) << r.err;
  EXPECT_EQ(server_ref("refs/heads/main"), before);
}

TEST_F(PreReceivePolicyTest, GateAllRefusesAnEditOnAFeatureBranch) {
  make_pushed_repos();
  git_ok(client, {"checkout", "-q", "-b", "feature"});
  edit_v1();
  RunResult r = push({"origin", "feature"}, policy("gate = \"all\"\n"));
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  EXPECT_EQ(server_ref("refs/heads/feature"), "");
}

TEST_F(PreReceivePolicyTest, OverrideTableInTheRepositoryIsIgnored) {
  make_pushed_repos();
  commit_file(".flyguard.toml", "[override]\nallowed_users = [\"bob\"]\n", "bob grants himself overrides");
  RunResult granted = push({"origin", "main"});
  EXPECT_EQ(granted.status, 0) << granted.err;
  edit_v1();
  RunResult r = push({"-o", "flyguard.override=INC-9", "origin", "main"}, {{"GL_USERNAME", "bob"}});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  EXPECT_TRUE(contains(r.err, "[ignored-override]"));
  EXPECT_TRUE(contains(r.err, "not allowed for bob"));
}

TEST_F(PreReceivePolicyTest, OverrideWithoutAReasonIsRefused) {
  make_pushed_repos();
  edit_v1();
  Env env = policy("[override]\nallowed_users = [\"alice\"]\n", {{"GL_USERNAME", "alice"}});
  for (std::string option : {"flyguard.override=", "flyguard.override"}) {
    RunResult r = push({"-o", option, "origin", "main"}, env);
    EXPECT_NE(r.status, 0) << option;
    EXPECT_TRUE(contains(r.err, "needs a reason"));
    EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
  }
}

TEST_F(PreReceivePolicyTest, OverrideIsAppendedToTheAuditLog) {
  make_pushed_repos();
  edit_v1();
  std::string log = (tmp.path() / "audit.log").string();
  Env env = policy("[override]\nallowed_users = [\"alice\"]\naudit_log = \"" + log + "\"\n",
                   {{"GITEA_PUSHER_NAME", "alice"}});
  RunResult r = push({"-o", "flyguard.override=INC-7 hotfix", "origin", "main"}, env);
  EXPECT_EQ(r.status, 0) << r.err;
  std::stringstream text;
  text << std::ifstream(log).rdbuf();
  EXPECT_TRUE(contains(text.str(), "AUDIT "));
  EXPECT_TRUE(contains(text.str(), "user=alice reason=\"INC-7 hotfix\" refs=refs/heads/main"));
  EXPECT_TRUE(contains(text.str(), "applied-migration-modified:" + kV1));
}

TEST_F(PreReceivePolicyTest, IdentityComesOnlyFromTheConfiguredVariable) {
  make_pushed_repos();
  edit_v1();
  Env env = policy("[override]\nallowed_users = [\"alice\"]\nidentity_env = \"PUSHER\"\n", {{"GL_USERNAME", "alice"}});
  RunResult r = push({"-o", "flyguard.override=INC-1", "origin", "main"}, env);
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(contains(r.err, "unidentified pusher"));
  env["PUSHER"] = "alice";
  RunResult allowed = push({"-o", "flyguard.override=INC-1", "origin", "main"}, env);
  EXPECT_EQ(allowed.status, 0) << allowed.err;
}

TEST_F(PreReceivePolicyTest, RepositoryConfigIsReadFromMainBeforeThePush) {
  make_pushed_repos();
  // The push moves the migration location away so that the V1 edit would look out of scope.
  write(client / "flyway.conf", "flyway.locations=filesystem:elsewhere\n");
  write(client / "elsewhere/V1__x.sql", "select 1;\n");
  edit_v1();
  RunResult r = push({"origin", "main"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(names(r, kV1, "applied-migration-modified"));
}

TEST_F(PreReceivePolicyTest, OutOfOrderVersionIsRefused) {
  make_pushed_repos();
  commit_file("sql/V0_5__early.sql", "create table e(id int);\n");
  RunResult r = push({"origin", "main"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(names(r, "sql/V0_5__early.sql", "out-of-order-version"));
}

TEST_F(PreReceivePolicyTest, OutOfOrderVersionIsAllowedWithOutOfOrderOnMain) {
  make_server();
  make_client("client", true, "flyway.locations=filesystem:sql\nflyway.outOfOrder=true\n");
  commit_file("sql/V0_5__early.sql", "create table e(id int);\n");
  RunResult r = push({"origin", "main"});
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(PreReceivePolicyTest, OutOfOrderSwitchedOnInTheSamePushDoesNotCount) {
  make_pushed_repos();
  write(client / "flyway.conf", "flyway.locations=filesystem:sql\nflyway.outOfOrder=true\n");
  commit_file("sql/V0_5__early.sql", "create table e(id int);\n");
  RunResult r = push({"origin", "main"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(names(r, "sql/V0_5__early.sql", "out-of-order-version"));
}

TEST_F(PreReceivePolicyTest, DuplicateVersionIsRefused) {
  make_pushed_repos();
  commit_file("sql/V2__other.sql", "create table o(id int);\n");
  RunResult r = push({"origin", "main"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(names(r, "sql/V2__other.sql", "duplicate-version"));
}

TEST_F(PreReceivePolicyTest, SyntaxErrorInANewMigrationIsRefused) {
  make_pushed_repos();
  commit_file("sql/V3__broken.sql", "create tabel c(id int);\n");
  RunResult r = push({"origin", "main"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(names(r, "sql/V3__broken.sql", "syntax-error"));
}

TEST_F(PreReceivePolicyTest, InvalidServerConfigFailsClosed) {
  make_pushed_repos();
  commit_file("sql/V3__c.sql", "create table c(id int);\n");
  std::string config = server_config("gate = \"all\"\nprotect = [\"main\"]\n");
  RunResult r = push({"origin", "main"}, {{"FLYGUARD_CONFIG", config}});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(contains(r.err, config + ":2"));
  EXPECT_TRUE(contains(r.err, "unknown key 'protect'"));
  EXPECT_TRUE(contains(r.err, "fail closed"));
  // --config wins over FLYGUARD_CONFIG when the hook is run by hand.
  std::string main = server_ref("refs/heads/main");
  std::string good = (tmp.path() / "good.toml").string();
  write(good, "protected_branches = [\"main\"]\n");
  RunResult direct = flyguard(server, {"pre-receive", "--config", good},
                              {{"GIT_DIR", server.string()}, {"FLYGUARD_CONFIG", config}},
                              main + " " + kZero40 + " refs/heads/main\n");
  EXPECT_EQ(direct.status, 1) << direct.out << direct.err;
  EXPECT_TRUE(names(direct, "refs/heads/main", "protected-branch-deleted"));
}

TEST_F(PreReceivePolicyTest, MalformedStandardInputFailsClosed) {
  make_pushed_repos();
  std::string main = server_ref("refs/heads/main");
  for (const std::string& input : {std::string("garbage\n"), main + " " + main + " refs/heads/main\nnot a line\n",
                                   kZero40 + " " + kZero64 + " refs/heads/x\n"}) {
    RunResult r = pre_receive(input);
    EXPECT_EQ(r.status, 2) << input << r.out << r.err;
    EXPECT_TRUE(contains(r.out + r.err, "malformed input line"));
    EXPECT_TRUE(contains(r.out + r.err, "push refused"));
  }
}

TEST_F(PreReceivePolicyTest, Sha256ZeroIdsMeanCreationAndDeletion) {
  make_pushed_repos();
  std::string main = server_ref("refs/heads/main");
  std::string old64 = main + std::string(24, 'a');
  RunResult deleted = pre_receive(old64 + " " + kZero64 + " refs/heads/tmp\n");
  EXPECT_EQ(deleted.status, 0) << deleted.out << deleted.err;
  RunResult main_deleted = pre_receive(old64 + " " + kZero64 + " refs/heads/main\n");
  EXPECT_EQ(main_deleted.status, 1) << main_deleted.out << main_deleted.err;
  EXPECT_TRUE(names(main_deleted, "refs/heads/main", "protected-branch-deleted"));
  // A 64-digit id cannot name an object of this SHA-1 repository: never judge a truncated id.
  RunResult created = pre_receive(kZero64 + " " + old64 + " refs/heads/feature\n");
  EXPECT_EQ(created.status, 2) << created.out << created.err;
  EXPECT_FALSE(contains(created.out, "malformed"));
}

TEST_F(PreReceivePolicyTest, Sha256RepositoryFailsClosed) {
  std::filesystem::path bare = tmp.path() / "sha256.git";
  git_ok(tmp.path(), {"init", "-q", "--bare", "--object-format=sha256", bare.string()});
  RunResult installed = flyguard(tmp.path(), {"install", "--server", bare.string()});
  EXPECT_EQ(installed.status, 2);
  EXPECT_TRUE(contains(installed.err, "objectformat"));
  // Installed by hand, the hook must refuse (libgit2 1.5 cannot read SHA-256 repositories).
  write(bare / "hooks/pre-receive", std::string("#!/bin/sh\nexec '") + FLYGUARD_BINARY + "' pre-receive\n");
  std::filesystem::permissions(bare / "hooks/pre-receive", std::filesystem::perms::owner_all);
  std::filesystem::path work = tmp.path() / "sha256-client";
  git_ok(tmp.path(), {"init", "-q", "--object-format=sha256", work.string()});
  write(work / "sql/V1__a.sql", "create table a(id int);\n");
  commit_all(work, "base");
  RunResult r = git(work, {"push", bare.string(), "HEAD:refs/heads/main"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(contains(r.err, "fail closed"));
  EXPECT_TRUE(contains(r.err, "objectformat"));
}

}  // namespace
}  // namespace flyguard::test
