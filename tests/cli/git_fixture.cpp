#include "git_fixture.h"

#include <fstream>

namespace flyguard::test {

namespace {

// Variables a developer's shell, a CI runner or an enclosing git hook could leak into the runs.
const char* const kScrubbed[] = {
    "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_QUARANTINE_PATH", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_GLOBAL",
    "GIT_CONFIG_COUNT", "GIT_PUSH_OPTION_COUNT", "GIT_EXEC_PATH", "GIT_TRACE", "GIT_COMMON_DIR", "XDG_CONFIG_HOME",
    "FLYGUARD_CONFIG", "GL_USERNAME", "GITHUB_USER_LOGIN", "GITEA_PUSHER_NAME", "REMOTE_USER", "GITHUB_BASE_REF",
    "CODEBUILD_WEBHOOK_BASE_REF", "CODEBUILD_WEBHOOK_PREV_COMMIT", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME",
    "GITLAB_CI", "CODEBUILD_BUILD_ID"};

std::string describe(const std::vector<std::string>& args, const RunResult& r) {
  std::string command = "git";
  for (const std::string& a : args) command += " " + a;
  return command + " -> " + std::to_string(r.status) + "\nstdout:\n" + r.out + "\nstderr:\n" + r.err;
}

}  // namespace

::testing::AssertionResult names(const RunResult& result, std::string_view file, std::string_view rule) {
  std::string text = result.out + result.err;
  std::string tag = "[" + std::string(rule) + "]";
  if (text.find(file) != std::string::npos && text.find(tag) != std::string::npos)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "expected the output to name " << file << " and " << tag << ", got:\n"
                                       << text;
}

void GitTest::SetUp() {
  home = tmp.path() / "home";
  fs::create_directories(home);
  write(home / ".gitconfig",
        "[init]\n\tdefaultBranch = main\n"
        "[user]\n\tname = Test User\n\temail = test@example.com\n"
        "[color]\n\tui = false\n"
        "[advice]\n\tdetachedHead = false\n\tpushUpdateRejected = false\n"
        "[core]\n\tautocrlf = false\n\tfileMode = true\n"
        "[protocol \"file\"]\n\tallow = always\n"
        "[gc]\n\tauto = 0\n"
        "[maintenance]\n\tauto = false\n"
        "[receive]\n\tautogc = false\n");
}

Env GitTest::environment(const Env& extra) const {
  Env env;
  for (const char* key : kScrubbed) env[key] = "";
  env["HOME"] = home.string();
  env["GIT_CONFIG_NOSYSTEM"] = "1";
  env["GIT_AUTHOR_NAME"] = env["GIT_COMMITTER_NAME"] = "Test User";
  env["GIT_AUTHOR_EMAIL"] = env["GIT_COMMITTER_EMAIL"] = "test@example.com";
  env["GIT_TERMINAL_PROMPT"] = "0";
  env["LC_ALL"] = "C";
  env["LANGUAGE"] = "";
  for (const auto& [key, value] : extra) env[key] = value;
  return env;
}

RunResult GitTest::git(const fs::path& cwd, const std::vector<std::string>& args, const Env& extra,
                       const std::string& input) const {
  RunOptions options;
  options.cwd = cwd;
  options.env = environment(extra);
  options.stdin_text = input;
  return run_program("git", args, options);
}

RunResult GitTest::git_ok(const fs::path& cwd, const std::vector<std::string>& args, const Env& extra) const {
  RunResult r = git(cwd, args, extra);
  EXPECT_EQ(r.status, 0) << describe(args, r);
  return r;
}

std::string GitTest::rev(const fs::path& repo, const std::string& revision) const {
  std::string out = git_ok(repo, {"rev-parse", "--verify", revision + "^{commit}"}).out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

RunResult GitTest::flyguard(const fs::path& cwd, const std::vector<std::string>& args, const Env& extra,
                            const std::string& input) const {
  RunOptions options;
  options.cwd = cwd;
  options.env = environment(extra);
  options.stdin_text = input;
  return run_flyguard(args, options);
}

void GitTest::write(const fs::path& file, const std::string& content) const {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
}

void GitTest::commit_all(const fs::path& repo, const std::string& message) const {
  git_ok(repo, {"add", "-A"});
  git_ok(repo, {"commit", "-q", "-m", message});
}

void GitTest::commit_file(const std::string& relative, const std::string& content, const std::string& message) {
  write(client / relative, content);
  commit_all(client, message);
}

fs::path GitTest::make_server(const std::string& name) { return make_server_at(tmp.path() / name); }

fs::path GitTest::make_server_at(const fs::path& bare) {
  server = bare;
  git_ok(tmp.path(), {"init", "-q", "--bare", server.string()});
  RunResult installed = flyguard(tmp.path(), {"install", "--server", server.string()});
  EXPECT_EQ(installed.status, 0) << installed.out << installed.err;
  return server;
}

fs::path GitTest::make_client(const std::string& name, bool push_main, const std::string& flyway_conf) {
  return make_client_at(tmp.path() / name, push_main, flyway_conf);
}

fs::path GitTest::make_client_at(const fs::path& work, bool push_main, const std::string& flyway_conf) {
  client = work;
  git_ok(tmp.path(), {"init", "-q", client.string()});
  write(client / "flyway.conf", flyway_conf);
  write(client / "README.md", "migrations\n");
  write(client / "sql/V1__a.sql", "create table a(id int);\n");
  write(client / "sql/V2__b.sql", "create table b(id int);\n");
  commit_all(client, "base");
  if (!server.empty()) git_ok(client, {"remote", "add", "origin", server.string()});
  if (push_main) {
    RunResult pushed = push({"-u", "origin", "main"});
    EXPECT_EQ(pushed.status, 0) << pushed.out << pushed.err;
  }
  return client;
}

void GitTest::make_pushed_repos() {
  // Most tests start from the same pair: build it once per process and copy it (git repositories
  // hold no absolute paths except the remote URL, which is rewritten).
  static TempDir cache;
  static bool built = false;
  if (!built) {
    make_server_at(cache.path() / "srv.git");
    make_client_at(cache.path() / "client", true, "flyway.locations=filesystem:sql\n");
    built = !::testing::Test::HasFailure();
    ASSERT_TRUE(built) << "cannot build the template repositories";
  }
  const auto options = fs::copy_options::recursive | fs::copy_options::copy_symlinks;
  fs::copy(cache.path() / "srv.git", tmp.path() / "srv.git", options);
  fs::copy(cache.path() / "client", tmp.path() / "client", options);
  server = tmp.path() / "srv.git";
  client = tmp.path() / "client";
  git_ok(client, {"remote", "set-url", "origin", server.string()});
  git_ok(client, {"update-index", "-q", "--really-refresh"});
}

std::string GitTest::server_config(const std::string& toml) const {
  fs::path file = tmp.path() / "flyguard-server.toml";
  write(file, toml);
  return file.string();
}

RunResult GitTest::push(const std::vector<std::string>& args, const Env& extra) const {
  std::vector<std::string> full{"push"};
  full.insert(full.end(), args.begin(), args.end());
  return git(client, full, extra);
}

std::string GitTest::server_ref(const std::string& ref) const {
  RunResult r = git(server, {"rev-parse", "--verify", "-q", ref});
  std::string out = r.status == 0 ? r.out : "";
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace flyguard::test
