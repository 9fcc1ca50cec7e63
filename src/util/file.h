#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace flyguard::util {

// The whole content of a file, byte for byte; nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// read_file with a size limit checked on the open file (no separate stat of the path): `content` is set when
// the file was read; otherwise `too_large` (with `size`) or `error` says why not.
struct LimitedRead {
  std::optional<std::string> content;
  bool too_large = false;
  std::uintmax_t size = 0;
  std::string error;
};
LimitedRead read_file_within(const std::filesystem::path& path, std::uintmax_t max_size);

// fs::absolute(path).lexically_normal(), without the component-by-component rebuild when the path is
// already absolute and normal (the common case: thousands of paths from a directory walk or a shell glob).
std::filesystem::path absolute_normal(std::filesystem::path path);
// The same against a known working directory (no getcwd per path); `cwd` must be absolute.
std::filesystem::path absolute_normal(std::filesystem::path path, const std::filesystem::path& cwd);

// `path` as the user should see it: relative to `cwd` when below it or one level up, absolute otherwise;
// '/'-separated.
std::string display_path(const std::filesystem::path& path, const std::filesystem::path& cwd);

}  // namespace flyguard::util
