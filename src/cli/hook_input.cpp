#include "cli/hook_input.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>

namespace flyguard::cli {

namespace {

bool is_object_id(const std::string& s) {
  return (s.size() == 40 || s.size() == 64) &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string field;
  while (in >> field) out.push_back(field);
  return out;
}

}  // namespace

std::string env_or_empty(const flyway::Environment& env, const std::string& key) {
  auto it = env.find(key);
  return it == env.end() ? "" : it->second;
}

std::vector<RefUpdate> read_ref_updates(std::istream& in) {
  std::vector<RefUpdate> updates;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> f = fields(line);
    if (f.size() != 3 || !is_object_id(f[0]) || !is_object_id(f[1]) || f[0].size() != f[1].size())
      throw std::runtime_error("malformed input line " + std::to_string(number) +
                               ": expected '<old-id> <new-id> <ref-name>', got '" + line.substr(0, 200) + "'");
    updates.push_back({f[0], f[1], f[2]});
  }
  return updates;
}

std::vector<PushUpdate> read_push_updates(std::istream& in) {
  std::vector<PushUpdate> updates;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    std::vector<std::string> f = fields(line);
    if (f.size() != 4 || !is_object_id(f[1]) || !is_object_id(f[3]))
      throw std::runtime_error("malformed input line " + std::to_string(number) +
                               ": expected '<local-ref> <local-id> <remote-ref> <remote-id>', got '" +
                               line.substr(0, 200) + "'");
    updates.push_back({f[0], f[1], f[2], f[3]});
  }
  return updates;
}

std::optional<std::string> push_option(const flyway::Environment& env, const std::string& name) {
  int count = 0;
  try {
    count = std::stoi(env_or_empty(env, "GIT_PUSH_OPTION_COUNT"));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  std::string prefix = name + "=";
  for (int i = 0; i < count; ++i) {
    std::string option = env_or_empty(env, "GIT_PUSH_OPTION_" + std::to_string(i));
    if (option == name) return std::string();
    if (option.rfind(prefix, 0) == 0) return option.substr(prefix.size());
  }
  return std::nullopt;
}

std::string pusher_identity(const flyway::Environment& env, const std::optional<std::string>& identity_env) {
  if (identity_env) return env_or_empty(env, *identity_env);
  for (const char* key : {"GL_USERNAME", "GITHUB_USER_LOGIN", "GITEA_PUSHER_NAME", "REMOTE_USER"}) {
    std::string value = env_or_empty(env, key);
    if (!value.empty()) return value;
  }
  return "";
}

}  // namespace flyguard::cli
