#pragma once
// Shared fixture for the end-to-end tests of flyguard's git gates: real `git` commands in a private
// HOME, a bare "server" repository with flyguard's pre-receive hook installed, and a client whose
// main branch (flyway.conf, sql/V1__a.sql, sql/V2__b.sql) is pushed, so V1 and V2 are "applied".
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "cli_fixtures.h"
#include "cli_runner.h"

namespace flyguard::test {

namespace fs = std::filesystem;

// What every ref-update message needs: the file and the rule id, as flyguard prints them.
::testing::AssertionResult names(const RunResult& result, std::string_view file, std::string_view rule);

class GitTest : public ::testing::Test {
 protected:
  TempDir tmp;
  fs::path home;    // HOME of every git and flyguard run: the only global git configuration
  fs::path server;  // bare repository with the real pre-receive hook (after make_server)
  fs::path client;  // work tree that pushes to `server` as origin (after make_client)

  void SetUp() override;

  // The environment of every run: private HOME, no system config, fixed identity, no hook or CI
  // variables from the calling environment. `extra` adds (or, with "", removes) variables.
  Env environment(const Env& extra = {}) const;

  RunResult git(const fs::path& cwd, const std::vector<std::string>& args, const Env& extra = {},
                const std::string& input = {}) const;
  // git that must succeed: a failure is a broken test set-up, reported with git's output.
  RunResult git_ok(const fs::path& cwd, const std::vector<std::string>& args, const Env& extra = {}) const;
  std::string rev(const fs::path& repo, const std::string& revision) const;  // full commit id
  RunResult flyguard(const fs::path& cwd, const std::vector<std::string>& args, const Env& extra = {},
                     const std::string& input = {}) const;

  void write(const fs::path& file, const std::string& content) const;
  // Writes `relative` in the client, stages everything and commits.
  void commit_file(const std::string& relative, const std::string& content, const std::string& message = "change");
  void commit_all(const fs::path& repo, const std::string& message = "change") const;

  // `git init --bare` + `flyguard install --server`; `name` may contain ':'.
  fs::path make_server(const std::string& name = "srv.git");
  // A client of `server` with flyway.conf, README.md, V1, V2 pushed to main (unless push_main is false).
  // `flyway_conf` is the whole flyway.conf committed on main.
  fs::path make_client(const std::string& name = "client", bool push_main = true,
                       const std::string& flyway_conf = "flyway.locations=filesystem:sql\n");
  // make_server() + make_client() (copied from a per-process template).
  void make_pushed_repos();
  fs::path make_server_at(const fs::path& bare);
  fs::path make_client_at(const fs::path& work, bool push_main, const std::string& flyway_conf);
  // A server policy file (TOML) for FLYGUARD_CONFIG, returned as its path.
  std::string server_config(const std::string& toml) const;

  // git push from the client (args after "push"), with hook environment variables in `extra`.
  RunResult push(const std::vector<std::string>& args, const Env& extra = {}) const;
  // The id a ref has on the server, "" when it does not exist.
  std::string server_ref(const std::string& ref) const;
};

}  // namespace flyguard::test
