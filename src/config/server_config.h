#pragma once
// The git server's own flyguard policy (--config FILE or FLYGUARD_CONFIG), never read from the
// commits being judged: who may override the gate, where overrides are logged, which branches
// are protected, and whether unprotected branches are gated too.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/flyguard_config.h"

namespace flyguard {

enum class GateScope { protected_branches, all_branches };

struct ServerConfig {
  std::string source;
  std::optional<std::vector<std::string>> protected_branches;  // protected_branches = ["main", "release/*"]
  GateScope gate = GateScope::protected_branches;               // gate = "protected" | "all"
  std::vector<std::string> override_users;                      // [override] allowed_users = ["alice"]
  std::optional<std::string> audit_log;                         // [override] audit_log = "/var/log/flyguard.log"
  std::optional<std::string> identity_env;                      // [override] identity_env = "GL_USERNAME"
};

std::optional<ServerConfig> parse_server_config(std::string_view text, const std::string& source_name,
                                                std::vector<ConfigProblem>& problems);

}  // namespace flyguard
