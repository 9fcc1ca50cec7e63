#include "util/glob.h"

#include <fnmatch.h>

#include <string>
#include <vector>

namespace flyguard::util {

namespace {

std::vector<std::string> segments(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool match_from(const std::vector<std::string>& pattern, std::size_t p, const std::vector<std::string>& path,
                std::size_t s) {
  if (p == pattern.size()) return s == path.size();
  if (pattern[p] == "**") {
    for (std::size_t skip = s; skip <= path.size(); ++skip)
      if (match_from(pattern, p + 1, path, skip)) return true;
    return false;
  }
  return s < path.size() && fnmatch(pattern[p].c_str(), path[s].c_str(), FNM_PATHNAME | FNM_PERIOD) == 0 &&
         match_from(pattern, p + 1, path, s + 1);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_from(segments(pattern), 0, segments(path), 0);
}

}  // namespace flyguard::util
