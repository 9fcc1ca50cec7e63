#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "check/project.h"

namespace flyguard {
namespace {

namespace fs = std::filesystem;

TEST(ProjectRoot, TheMemoGivesTheSameAnswersInAnyOrder) {
  const fs::path top = fs::temp_directory_path() / ("flyguard-roots-" + std::to_string(::getpid()));
  fs::create_directories(top / "repo/.git");
  std::ofstream(top / "repo/flyway.conf") << "flyway.locations=filesystem:sql\n";
  fs::create_directories(top / "repo/sql/old");
  fs::create_directories(top / "repo/nested/conf");
  std::ofstream(top / "repo/nested/conf/flyway.toml") << "[flyway]\n";
  fs::create_directories(top / "repo/nested/db/migration");
  fs::create_directories(top / "repo/nested/inner/.git");  // a repository top with no configuration
  fs::create_directories(top / "repo/nested/inner/sql");
  fs::create_directories(top / "loose/sql");
  const fs::path fallback = "/the/fallback";
  const std::vector<fs::path> starts = {
      top / "repo/sql/old",   top / "repo/nested/db/migration", top / "repo/sql",  top / "repo/nested/inner/sql",
      top / "repo/nested",    top / "repo/nested/inner",        top / "loose/sql", top / "loose",
      top / "repo",           top / "repo/nested/db"};
  EXPECT_EQ(find_project_root(top / "repo/sql/old", fallback), top / "repo");
  EXPECT_EQ(find_project_root(top / "repo/nested/db/migration", fallback), top / "repo/nested");
  EXPECT_EQ(find_project_root(top / "repo/nested/inner/sql", fallback), fallback);
  for (bool reversed : {false, true}) {
    ProjectRootMemo memo;
    std::vector<fs::path> order = starts;
    if (reversed) std::reverse(order.begin(), order.end());
    for (const fs::path& start : order)
      EXPECT_EQ(find_project_root(start, fallback, memo), find_project_root(start, fallback)) << start;
    EXPECT_EQ(memo.at((top / "repo/sql").native()), top / "repo");
  }
  fs::remove_all(top);
}

}  // namespace
}  // namespace flyguard
