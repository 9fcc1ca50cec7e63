#pragma once
// Repository paths: '/'-separated and relative to the repository root, as git stores them.
#include <string>
#include <string_view>
#include <vector>

namespace flyguard::util {

// "sql/V1__a.sql" -> "V1__a.sql".
inline std::string_view base_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// True when `path` lies below the directory `dir` ("" is the root, which holds everything).
inline bool is_within(std::string_view path, std::string_view dir) {
  return dir.empty() || (path.size() > dir.size() && path.substr(0, dir.size()) == dir && path[dir.size()] == '/');
}

// True when `path` lies below one of `dirs`; an empty list means no restriction.
inline bool is_within_any(std::string_view path, const std::vector<std::string>& dirs) {
  if (dirs.empty()) return true;
  for (const std::string& dir : dirs)
    if (is_within(path, dir)) return true;
  return false;
}

}  // namespace flyguard::util
