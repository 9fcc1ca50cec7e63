#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <optional>
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

// A listing says what is a regular file only where readdir does: a symbolic link, a directory or a missing
// name is left to a stat.
TEST(DirectoryListing, ReportsRegularFilesAndNamesOnly) {
  const fs::path dir = fs::temp_directory_path() / ("flyguard-listing-" + std::to_string(::getpid()));
  fs::create_directories(dir / "V2__dir.sql");
  std::ofstream(dir / "V1__a.sql", std::ios::binary) << "SELECT 1;";
  std::ofstream(dir / "V1__a.sql.conf", std::ios::binary) << "executeInTransaction=false\n";
  fs::create_symlink(dir / "V1__a.sql", dir / "V3__link.sql");
  std::optional<DirectoryListing> listing = DirectoryListing::read(dir.native());
  ASSERT_TRUE(listing.has_value());
  EXPECT_TRUE(listing->is_regular_file("V1__a.sql"));
  EXPECT_TRUE(listing->contains("V1__a.sql.conf"));
  EXPECT_FALSE(listing->is_regular_file("V2__dir.sql"));
  EXPECT_TRUE(listing->contains("V2__dir.sql"));
  EXPECT_FALSE(listing->is_regular_file("V3__link.sql"));
  EXPECT_TRUE(listing->contains("V3__link.sql"));
  EXPECT_FALSE(listing->is_regular_file("V4__missing.sql"));
  EXPECT_FALSE(listing->contains("V4__missing.sql"));
  EXPECT_FALSE(listing->contains("V1__a"));  // whole names only
  EXPECT_EQ(DirectoryListing::read((dir / "missing").native()), std::nullopt);
  fs::remove_all(dir);
}

// A file a listing has shown to be regular is read without a stat first: the same content, the size limit
// still holds (with the file's real size in the answer), and a pipe put in its place does not block.
TEST(ReadFileWithin, KnownRegularFilesAreReadTheSameWay) {
  const fs::path dir = fs::temp_directory_path() / ("flyguard-read-known-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string big(200000, 'x');
  std::ofstream(dir / "V1__big.sql", std::ios::binary) << big;
  DirectoryCache directories;
  LimitedRead whole = read_file_within(dir / "V1__big.sql", 1U << 20, &directories, true);
  EXPECT_EQ(whole.content, big);
  LimitedRead over = read_file_within(dir / "V1__big.sql", 1000, &directories, true);
  EXPECT_EQ(over.content, std::nullopt);
  EXPECT_TRUE(over.too_large);
  EXPECT_EQ(over.size, big.size());
  ASSERT_EQ(::mkfifo((dir / "V2__pipe.sql").c_str(), 0600), 0);
  LimitedRead pipe = read_file_within(dir / "V2__pipe.sql", 1000, &directories, true);
  EXPECT_EQ(pipe.content.value_or("not read"), "");  // no writer: at its end at once
  fs::remove_all(dir);
}

// Opening a FIFO waits for a writer unless asked not to: a pipe named like a migration must not hang a run.
TEST(ReadFileWithin, APipeWithoutAWriterDoesNotBlock) {
  const fs::path dir = fs::temp_directory_path() / ("flyguard-read-fifo-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ASSERT_EQ(::mkfifo((dir / "V1__pipe.sql").c_str(), 0600), 0);
  LimitedRead read = read_file_within(dir / "V1__pipe.sql", 1000);
  EXPECT_EQ(read.content.value_or("not read"), "");
  EXPECT_EQ(read_file(dir / "V1__pipe.sql"), std::string());
  fs::remove_all(dir);
}

// Through the directory handle, every kind of path gets what lstat(2) / open(2) on the whole path gives,
// whichever directory the previous call used.
TEST(DirectoryCache, AgreesWithCallsOnTheWholePath) {
  const fs::path dir = fs::temp_directory_path() / ("flyguard-dircache-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "V1__a.sql", std::ios::binary) << "SELECT 1;";
  std::ofstream(dir / "sub" / "V2__b.sql", std::ios::binary) << "SELECT 2;";
  fs::create_symlink(dir / "V1__a.sql", dir / "sub" / "V3__link.sql");
  fs::create_symlink(dir / "sub", dir / "linked");
  const std::vector<fs::path> paths{dir / "V1__a.sql",        dir / "sub" / "V2__b.sql",   dir / "sub" / "V3__link.sql",
                                    dir / "V1__a.sql",        dir / "missing.sql",         dir / "gone" / "V4__c.sql",
                                    dir / "linked" / "V2__b.sql", dir / "sub",               "relative.sql",
                                    "/",                      dir / "sub" / "V2__b.sql"};
  DirectoryCache directories;
  for (int round = 0; round < 2; ++round)
    for (const fs::path& path : paths) {
      struct stat cached {};
      struct stat whole {};
      errno = 0;
      const int cached_result = directories.lstat(path.native(), &cached);
      const int cached_errno = errno;
      errno = 0;
      const int whole_result = ::lstat(path.c_str(), &whole);
      ASSERT_EQ(cached_result, whole_result) << path;
      if (whole_result == 0) {
        EXPECT_EQ(cached.st_ino, whole.st_ino) << path;
        EXPECT_EQ(cached.st_mode, whole.st_mode) << path;
      } else {
        EXPECT_EQ(cached_errno, errno) << path;
      }
      FileDescriptor opened(directories.open_read(path.native()));
      FileDescriptor plain(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
      ASSERT_EQ(opened.get() >= 0, plain.get() >= 0) << path;
      if (plain.get() >= 0) {
        struct stat a {};
        struct stat b {};
        ASSERT_EQ(::fstat(opened.get(), &a), 0);
        ASSERT_EQ(::fstat(plain.get(), &b), 0);
        EXPECT_EQ(a.st_ino, b.st_ino) << path;
      }
    }
  LimitedRead read = read_file_within(dir / "sub" / "V3__link.sql", 100, &directories);
  EXPECT_EQ(read.content, "SELECT 1;");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace flyguard::util
