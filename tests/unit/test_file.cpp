#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "util/file.h"

namespace flyguard::util {
namespace {

namespace fs = std::filesystem;

// The definition display_path must agree with: lexically_proximate, absolute from two levels up.
std::string reference_display(const fs::path& path, const fs::path& cwd) {
  fs::path absolute = fs::absolute(path).lexically_normal();
  std::string relative = absolute.lexically_proximate(cwd).generic_string();
  return relative.rfind("../../", 0) == 0 ? absolute.generic_string() : relative;
}

TEST(DisplayPath, AgreesWithLexicallyProximate) {
  const std::vector<std::string> dirs = {"/", "/w", "/work", "/work/main", "/work/main/sql", "/work/mainx",
                                         "/work/shared/corpus", "/tmp", "/a/b/c/d"};
  const std::vector<std::string> files = {"/work/main/sql/V1__a.sql", "/work/main", "/work", "/work/mainx/V1.sql",
                                          "/work/shared/corpus/x/V2.sql", "/tmp/V1.sql", "/a/b/V1.sql", "/a/b/c",
                                          "/work/main/./sql/../sql/V1.sql", "/work//main/V1.sql", "/V1.sql"};
  for (const std::string& dir : dirs)
    for (const std::string& file : files)
      EXPECT_EQ(display_path(file, dir), reference_display(file, dir)) << file << " from " << dir;
}

TEST(DisplayPath, RelativeArgumentsAreResolvedAgainstTheProcessDirectory) {
  const fs::path cwd = fs::current_path();
  EXPECT_EQ(display_path("sql/V1__a.sql", cwd), "sql/V1__a.sql");
  EXPECT_EQ(display_path("./sql/../V1__a.sql", cwd), "V1__a.sql");
}

TEST(AbsoluteNormal, KeepsNormalPathsAndNormalisesTheRest) {
  EXPECT_EQ(absolute_normal("/work/main/V1.sql"), fs::path("/work/main/V1.sql"));
  EXPECT_EQ(absolute_normal("/work/main/../V1.sql"), fs::path("/work/V1.sql"));
  EXPECT_EQ(absolute_normal("/work//main/./V1.sql"), fs::path("/work/main/V1.sql"));
  EXPECT_EQ(absolute_normal("V1.sql"), fs::current_path() / "V1.sql");
}

TEST(AbsoluteNormal, AgainstAGivenDirectoryAgreesWithTheGeneralWay) {
  const std::vector<std::string> dirs = {"/", "/work", "/work/main"};
  const std::vector<std::string> paths = {"V1.sql", "sql/V1.sql", "sql/./V1.sql", "../V1.sql", "sql//V1.sql",
                                          "sql/", "./sql/V1.sql", "/abs/V1.sql", "/abs/../V1.sql", ".", "a/b/c"};
  for (const std::string& dir : dirs)
    for (const std::string& path : paths) {
      const fs::path expected = (fs::path(dir) / path).lexically_normal();
      EXPECT_EQ(absolute_normal(path, dir), expected) << path << " from " << dir;
    }
}

TEST(ReadFile, ReadsEveryByteAndRefusesDirectories) {
  const fs::path dir = fs::temp_directory_path() / ("flyguard-read-file-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string content(200000, 'x');
  content[5] = '\0';
  content.back() = '\n';
  std::ofstream(dir / "big.sql", std::ios::binary) << content;
  std::ofstream(dir / "empty.sql", std::ios::binary).flush();
  EXPECT_EQ(read_file(dir / "big.sql"), content);
  EXPECT_EQ(read_file(dir / "empty.sql"), std::string());
  EXPECT_EQ(read_file(dir), std::nullopt);
  EXPECT_EQ(read_file(dir / "missing.sql"), std::nullopt);
  fs::remove_all(dir);
}

TEST(ReadFileWithin, ChecksTheSizeOnTheOpenFileAndSaysWhyNot) {
  const fs::path dir = fs::temp_directory_path() / ("flyguard-read-within-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "V1__ten.sql", std::ios::binary) << "0123456789";
  LimitedRead fits = read_file_within(dir / "V1__ten.sql", 10);
  EXPECT_EQ(fits.content, "0123456789");
  EXPECT_FALSE(fits.too_large);
  LimitedRead over = read_file_within(dir / "V1__ten.sql", 9);
  EXPECT_EQ(over.content, std::nullopt);
  EXPECT_TRUE(over.too_large);
  EXPECT_EQ(over.size, 10U);
  LimitedRead missing = read_file_within(dir / "V2__missing.sql", 100);
  EXPECT_EQ(missing.content, std::nullopt);
  EXPECT_FALSE(missing.too_large);
  EXPECT_EQ(missing.error, "No such file or directory");
  LimitedRead directory = read_file_within(dir, 100);
  EXPECT_EQ(directory.content, std::nullopt);
  EXPECT_EQ(directory.error, "Is a directory");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace flyguard::util
