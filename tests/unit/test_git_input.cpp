#include <gtest/gtest.h>

#include <sstream>

#include "cli/hook_input.h"
#include "git/alternates.h"
#include "git/repository.h"

namespace flyguard {
namespace {

TEST(Alternates, SplitsOnColons) {
  EXPECT_EQ(git::split_alternates("/a/objects:/b/objects"), (std::vector<std::string>{"/a/objects", "/b/objects"}));
  EXPECT_TRUE(git::split_alternates("").empty());
  EXPECT_EQ(git::split_alternates("::/a::"), (std::vector<std::string>{"/a"}));
}

TEST(Alternates, UnquotesEntriesThatContainColons) {
  // git writes an entry containing ':' C-quoted; libgit2 would split it into two wrong paths.
  EXPECT_EQ(git::split_alternates("/q/incoming:\"/srv/colon:repo.git/./objects\""),
            (std::vector<std::string>{"/q/incoming", "/srv/colon:repo.git/./objects"}));
  EXPECT_EQ(git::split_alternates("\"/a\\\"b\\\\c\\tt\\101\""), (std::vector<std::string>{"/a\"b\\c\ttA"}));
}

TEST(ZeroIds, AnyLength) {
  EXPECT_TRUE(git::is_zero_id(std::string(40, '0')));
  EXPECT_TRUE(git::is_zero_id(std::string(64, '0')));
  EXPECT_FALSE(git::is_zero_id(std::string(39, '0') + "1"));
  EXPECT_FALSE(git::is_zero_id(""));
}

TEST(RefUpdates, ReadsEveryLine) {
  std::string a(40, 'a'), b(40, 'b'), z(40, '0');
  std::istringstream in(a + " " + b + " refs/heads/main\n" + z + " " + b + " refs/tags/v1\r\n\n" + b + " " + z +
                        " refs/heads/old\n");
  auto updates = cli::read_ref_updates(in);
  ASSERT_EQ(updates.size(), 3U);
  EXPECT_EQ(updates[1].ref, "refs/tags/v1");
  EXPECT_EQ(updates[2].new_id, z);
}

TEST(RefUpdates, MalformedLinesAreErrorsNamingTheLine) {
  std::string a(40, 'a');
  for (const std::string& bad : std::vector<std::string>{a + " refs/heads/main", a + " " + a.substr(1) + "x refs/heads/main", "garbage",
                          a + " " + std::string(64, 'b') + " refs/heads/main"}) {
    std::istringstream in(a + " " + a + " refs/heads/ok\n" + bad + "\n");
    try {
      cli::read_ref_updates(in);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
    }
  }
}

TEST(PushOptions, FindsTheNamedOption) {
  flyway::Environment env{{"GIT_PUSH_OPTION_COUNT", "2"},
                          {"GIT_PUSH_OPTION_0", "ci.skip"},
                          {"GIT_PUSH_OPTION_1", "flyguard.override=INC-1 hotfix"}};
  EXPECT_EQ(cli::push_option(env, "flyguard.override"), "INC-1 hotfix");
  EXPECT_EQ(cli::push_option(env, "ci.skip"), "");
  EXPECT_FALSE(cli::push_option(env, "other"));
  EXPECT_FALSE(cli::push_option({{"GIT_PUSH_OPTION_COUNT", "x"}}, "flyguard.override"));
  EXPECT_FALSE(cli::push_option({}, "flyguard.override"));
}

TEST(PusherIdentity, PlatformVariablesInOrder) {
  EXPECT_EQ(cli::pusher_identity({{"REMOTE_USER", "r"}, {"GITHUB_USER_LOGIN", "gh"}}, std::nullopt), "gh");
  EXPECT_EQ(cli::pusher_identity({{"GL_USERNAME", "gl"}, {"GITHUB_USER_LOGIN", "gh"}}, std::nullopt), "gl");
  EXPECT_EQ(cli::pusher_identity({{"GL_USERNAME", "gl"}, {"MY_ID", "me"}}, std::string("MY_ID")), "me");
  EXPECT_EQ(cli::pusher_identity({{"GL_USERNAME", "gl"}}, std::string("MY_ID")), "");
  EXPECT_EQ(cli::pusher_identity({}, std::nullopt), "");
}

}  // namespace
}  // namespace flyguard
