#pragma once
// What git hands to hooks: ref update lines, push options, the pusher's identity.
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "flyway/settings.h"

namespace flyguard::cli {

struct RefUpdate {
  std::string old_id;
  std::string new_id;
  std::string ref;
};

// Reads every line (never stops early: git would accept lines nobody looked at). Throws
// std::runtime_error naming the line when one is malformed.
std::vector<RefUpdate> read_ref_updates(std::istream& in);

// pre-push: "<local ref> <local id> <remote ref> <remote id>" lines.
struct PushUpdate {
  std::string local_ref;
  std::string local_id;
  std::string remote_ref;
  std::string remote_id;
};
std::vector<PushUpdate> read_push_updates(std::istream& in);

// The variable's value, "" when unset.
std::string env_or_empty(const flyway::Environment& env, const std::string& key);

// The value of push option `name=<value>` (GIT_PUSH_OPTION_COUNT / GIT_PUSH_OPTION_<i>), if sent.
std::optional<std::string> push_option(const flyway::Environment& env, const std::string& name);

// Who pushed: the variable named by the server config, else GL_USERNAME, GITHUB_USER_LOGIN,
// GITEA_PUSHER_NAME, REMOTE_USER; "" when none is set. Commit authors are never trusted.
std::string pusher_identity(const flyway::Environment& env, const std::optional<std::string>& identity_env);

}  // namespace flyguard::cli
