#include <gtest/gtest.h>

#include "config/flyguard_config.h"
#include "config/server_config.h"

namespace flyguard {
namespace {

TEST(ServerConfig, ReadsEveryKey) {
  std::vector<ConfigProblem> problems;
  auto config = parse_server_config(R"(protected_branches = ["main", "release/*"]
gate = "all"
[override]
allowed_users = ["alice", "bob"]
audit_log = "/var/log/flyguard.log"
identity_env = "GL_USERNAME"
)", "server.toml", problems);
  ASSERT_TRUE(config) << (problems.empty() ? "" : problems[0].message);
  EXPECT_EQ(*config->protected_branches, (std::vector<std::string>{"main", "release/*"}));
  EXPECT_EQ(config->gate, GateScope::all_branches);
  EXPECT_EQ(config->override_users, (std::vector<std::string>{"alice", "bob"}));
  EXPECT_EQ(*config->audit_log, "/var/log/flyguard.log");
  EXPECT_EQ(*config->identity_env, "GL_USERNAME");
}

TEST(ServerConfig, DefaultsGateOnlyProtectedBranches) {
  std::vector<ConfigProblem> problems;
  auto config = parse_server_config("", "server.toml", problems);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->gate, GateScope::protected_branches);
  EXPECT_FALSE(config->protected_branches);
  EXPECT_TRUE(config->override_users.empty());
}

TEST(ServerConfig, UnknownKeysAndBadValuesAreNamed) {
  struct Bad { const char* text; const char* needle; };
  for (const Bad& bad : {Bad{"gates = \"all\"", "unknown key 'gates'"}, Bad{"gate = \"some\"", "'gate'"},
                         Bad{"[override]\nallowed = [\"a\"]", "unknown key 'override.allowed'"},
                         Bad{"[override]\nallowed_users = \"alice\"", "override.allowed_users"},
                         Bad{"protected_branches = [1]", "protected_branches"}, Bad{"gate = ", "invalid TOML"}}) {
    std::vector<ConfigProblem> problems;
    EXPECT_FALSE(parse_server_config(bad.text, "server.toml", problems)) << bad.text;
    ASSERT_FALSE(problems.empty()) << bad.text;
    EXPECT_NE(problems[0].message.find(bad.needle), std::string::npos) << problems[0].message;
    EXPECT_EQ(problems[0].file, "server.toml");
  }
}

TEST(RepositoryConfig, OverrideTableIsRecordedToBeIgnored) {
  std::vector<ConfigProblem> problems;
  auto config = parse_flyguard_config("dialect = \"postgres\"\n[override]\nallowed_users = [\"mallory\"]\n",
                                      ".flyguard.toml", problems);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->override_line, 2);
}

}  // namespace
}  // namespace flyguard
