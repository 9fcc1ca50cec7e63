#include <sys/inotify.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "git_fixture.h"
#include "util/file.h"

namespace flyguard::test {
namespace {

// Debian's libgit2 uses mbedTLS, whose initialisation parses every certificate of the system CA bundle;
// flyguard's link wraps the loader away (src/git/libgit2_link.cpp). inotify shows whether the file is opened
// while a hook runs in a real repository; opening it from the test first proves the watch sees opens.
using Startup = GitTest;

TEST_F(Startup, HooksDoNotReadTheSystemCertificateBundle) {
  const char* bundle = "/etc/ssl/certs/ca-certificates.crt";
  if (!std::filesystem::exists(bundle)) GTEST_SKIP() << bundle << " does not exist on this machine";
  const fs::path repository = tmp.path() / "repo";
  git_ok(tmp.path(), {"init", "-q", repository.string()});
  write(repository / "sql/V1__a.sql", "SELECT 1;\n");
  git_ok(repository, {"add", "sql/V1__a.sql"});

  const util::FileDescriptor watcher(inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
  ASSERT_GE(watcher.get(), 0);
  ASSERT_GE(inotify_add_watch(watcher.get(), bundle, IN_OPEN), 0);
  auto opens = [&] {
    int count = 0;
    alignas(inotify_event) char buffer[4096];
    for (ssize_t got; (got = read(watcher.get(), buffer, sizeof buffer)) > 0;)
      for (ssize_t at = 0; at < got; at += static_cast<ssize_t>(sizeof(inotify_event)) +
                                             reinterpret_cast<inotify_event*>(buffer + at)->len)
        ++count;
    return count;
  };
  { std::ifstream probe(bundle); }
  EXPECT_EQ(opens(), 1) << "the watch does not see opens";

  RunResult r = flyguard(repository, {"pre-commit"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(opens(), 0) << "flyguard pre-commit opened " << bundle;
}

// libpq (and through it TLS, Kerberos and LDAP) costs every process milliseconds to load; only the
// commands that talk to a database load it (src/db/libpq.h). A link-time dependency would show here, and
// so would the shared libgit2 with its transports' libraries (cmake/Dependencies.cmake links it in).
TEST(StartupLinking, HooksAndCheckDoNotLoadLibpq) {
  TempDir project;
  project.write("sql/V1__a.sql", "SELECT 1;\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"pre-commit"}, std::vector<std::string>{"check"}}) {
    RunResult r = run_flyguard(args, RunOptions{project.path(), {{"LD_DEBUG", "libs"}}, {}});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("libc.so"), std::string::npos) << "no loader trace: " << r.err;
    EXPECT_EQ(r.err.find("libpq"), std::string::npos) << args[0] << " loaded libpq";
    for (const char* library : {"libgit2", "libssh2", "libcrypto", "libkrb5"})
      EXPECT_EQ(r.err.find(library), std::string::npos) << args[0] << " loaded " << library;
  }
  // verify does load it, on demand.
  RunResult verify = run_flyguard({"verify", "--url", "postgresql://127.0.0.1:1/x?connect_timeout=1"},
                                  RunOptions{project.path(), {{"LD_DEBUG", "libs"}}, {}});
  EXPECT_EQ(verify.status, 2);
  EXPECT_NE(verify.err.find("libpq.so.5"), std::string::npos);
}

}  // namespace
}  // namespace flyguard::test
