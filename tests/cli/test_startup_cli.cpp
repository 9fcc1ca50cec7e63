#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace flyguard::test {
namespace {

// flyguard defines mbedTLS's certificate-file loader so that libgit2's initialisation does not parse the
// system CA bundle (src/git/no_ca_certificates.cpp). The dynamic linker's own trace shows which object
// libgit2's call binds to; if the executable stopped carrying the definition (a build change moving it
// into a static library nobody references), the hooks would silently get slower again.
TEST(Startup, LibgitCertificateLoadingBindsToFlyguard) {
  TempDir not_a_repository;
  RunResult r = run_flyguard({"pre-commit"}, RunOptions{not_a_repository.path(), {{"LD_DEBUG", "bindings"}}, {}});
  ASSERT_EQ(r.status, 0) << r.err;  // outside a repository pre-commit warns and lets the commit through
  // A line such as "binding file /lib/.../libgit2.so.1.5 [0] to /path/flyguard [0]: normal symbol `…'".
  std::string line;
  std::istringstream trace(r.err);
  for (std::string candidate; std::getline(trace, candidate);)
    if (candidate.find("libgit2") != std::string::npos &&
        candidate.find("normal symbol `mbedtls_x509_crt_parse_file'") != std::string::npos)
      line = candidate;
  if (line.empty()) GTEST_SKIP() << "this libgit2 does not load certificates through mbedTLS";
  EXPECT_NE(line.find(std::string("to ") + FLYGUARD_BINARY + " [0]"), std::string::npos) << line;
}

// libpq (and through it TLS, Kerberos and LDAP) costs every process milliseconds to load; only the
// commands that talk to a database load it (src/db/libpq.h). A link-time dependency would show here.
TEST(Startup, HooksAndCheckDoNotLoadLibpq) {
  TempDir project;
  project.write("sql/V1__a.sql", "SELECT 1;\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"pre-commit"}, std::vector<std::string>{"check"}}) {
    RunResult r = run_flyguard(args, RunOptions{project.path(), {{"LD_DEBUG", "libs"}}, {}});
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.err.find("libgit2"), std::string::npos) << "no loader trace: " << r.err;
    EXPECT_EQ(r.err.find("libpq"), std::string::npos) << args[0] << " loaded libpq";
  }
  // verify does load it, on demand.
  RunResult verify = run_flyguard({"verify", "--url", "postgresql://127.0.0.1:1/x?connect_timeout=1"},
                                  RunOptions{project.path(), {{"LD_DEBUG", "libs"}}, {}});
  EXPECT_EQ(verify.status, 2);
  EXPECT_NE(verify.err.find("libpq.so.5"), std::string::npos);
}

}  // namespace
}  // namespace flyguard::test
