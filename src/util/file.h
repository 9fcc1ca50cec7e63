#pragma once
#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flyguard::util {

// A file descriptor closed on every path out.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd = -1) : fd_(fd) {}
  ~FileDescriptor() { reset(); }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  void reset(int fd = -1);

 private:
  int fd_;
};

// Stats and opens files through a handle on their directory, kept while consecutive paths share it: the
// kernel then looks up one path component per file instead of all of them (stat and open calls were a
// tenth of `flyguard check` over a corpus nine directories deep, mostly looking up paths). Same results
// as lstat(2) / open(2) on the whole path (a directory that cannot be opened falls back to those). One
// per thread.
class DirectoryCache {
 public:
  int lstat(const std::string& path, struct stat* out);
  // O_RDONLY | O_CLOEXEC | `extra_flags`; a descriptor or -1 with errno.
  int open_read(const std::string& path, int extra_flags = 0);

 private:
  // The handle of `path`'s directory (or -1: use the whole path) and where the last component starts.
  int directory_of(const std::string& path, std::size_t& name_start);

  std::string directory_;
  FileDescriptor handle_;
};

// One listing of a directory: its entries' names and types as readdir(3) reports them, so that a thousand
// files of one directory (a shell glob's) need no stat each.
class DirectoryListing {
 public:
  // nullopt when the directory cannot be read.
  static std::optional<DirectoryListing> read(const std::string& directory);
  bool contains(std::string_view name) const;
  // True only when the listing says `name` is a regular file: not for a symbolic link, a directory, or a
  // file system that does not report types.
  bool is_regular_file(std::string_view name) const;

 private:
  struct Entry {
    std::string name;
    unsigned char type;  // DT_*
  };
  const Entry* find(std::string_view name) const;
  std::vector<Entry> entries_;  // sorted by name
};

// The whole content of a file, byte for byte; nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// read_file with a size limit checked on the open file (no separate stat of the path): `content` is set when
// the file was read; otherwise `too_large` (with `size`) or `error` says why not. `known_regular`: a
// directory listing has just said the path is a regular file, so the open file is not stat'ed first (it is
// opened without blocking and read up to the limit, in case it was replaced by a pipe meanwhile).
struct LimitedRead {
  std::optional<std::string> content;
  bool too_large = false;
  std::uintmax_t size = 0;
  std::string error;
};
LimitedRead read_file_within(const std::filesystem::path& path, std::uintmax_t max_size,
                             DirectoryCache* directories = nullptr, bool known_regular = false);

// fs::absolute(path).lexically_normal(), without the component-by-component rebuild when the path is
// already absolute and normal (the common case: thousands of paths from a directory walk or a shell glob).
std::filesystem::path absolute_normal(std::filesystem::path path);
// The same against a known working directory (no getcwd per path); `cwd` must be absolute.
std::filesystem::path absolute_normal(std::filesystem::path path, const std::filesystem::path& cwd);

// `path` as the user should see it: relative to `cwd` when below it or one level up, absolute otherwise;
// '/'-separated.
std::string display_path(const std::filesystem::path& path, const std::filesystem::path& cwd);

}  // namespace flyguard::util
