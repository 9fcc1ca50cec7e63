// How much of a Redshift corpus flyguard reads: statements parsed into a PostgreSQL AST (after the
// Redshift pre-pass) or recognised as Redshift statements, per project and in total (docs/redshift.md).
// Usage: flyguard_redshift_coverage [DIR]   (default: ../shared/corpus/redshift from the source tree)
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "sql/script.h"
#include "util/file.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const fs::path root = argc > 1 ? fs::path(argv[1]) : fs::path(FLYGUARD_CORPUS_DIR) / "redshift";
  std::map<std::string, flyguard::sql::ReadCoverage> projects;
  std::size_t files = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
    auto text = flyguard::util::read_file(entry.path());
    if (!text || text->find('\0') != std::string::npos) continue;
    auto script = flyguard::sql::parse_script(*text, flyguard::Dialect::redshift);
    auto coverage = flyguard::sql::read_coverage(script);
    auto& project = projects[fs::relative(entry.path(), root).begin()->string()];
    project.statements += coverage.statements;
    project.parsed += coverage.parsed;
    project.recognised += coverage.recognised;
    ++files;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  flyguard::sql::ReadCoverage total;
  std::printf("%-36s %10s %8s %11s %9s\n", "project", "statements", "parsed", "recognised", "read");
  for (const auto& [name, c] : projects) {
    std::printf("%-36s %10zu %8zu %11zu %8.1f%%\n", name.c_str(), c.statements, c.parsed, c.recognised,
                c.statements ? 100.0 * static_cast<double>(c.read()) / static_cast<double>(c.statements) : 100.0);
    total.statements += c.statements;
    total.parsed += c.parsed;
    total.recognised += c.recognised;
  }
  const double share = total.statements ? 100.0 * static_cast<double>(total.read()) / static_cast<double>(total.statements) : 100.0;
  std::printf("%-36s %10zu %8zu %11zu %8.1f%%\n", "total", total.statements, total.parsed, total.recognised, share);
  std::printf("\n%zu files in %.2f s; target: at least 98%% of statements read\n", files, seconds);
  return share >= 98.0 ? 0 : 1;
}
