// Lists the files under a location as Flyway's FileSystemScanner does, wildcard locations included.
#include <algorithm>
#include <set>
#include <system_error>

#include "flyway/settings.h"

namespace flyguard::flyway {
namespace {

namespace fs = std::filesystem;

// Deeper trees than this are not migration folders; the limit also ends symlink loops that the
// ancestor check cannot see (e.g. through bind mounts).
constexpr int kMaxDepth = 64;

bool is_hidden(const std::string& name) { return name.starts_with('.'); }

bool has_wildcard(std::string_view path) { return path.find_first_of("*?") != std::string_view::npos; }

fs::path on_disk(const fs::path& root, const std::string& directory) {
  return directory.empty() ? root : root / fs::path(directory);
}

std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return dir.ends_with('/') ? dir + name : dir + "/" + name;
}

// Flyway turns `*` into `[^/]+?` (one or more characters) and `?` into `[^/]`; within a single
// path segment that is glob matching. `*` is rewritten as `?` plus a zero-or-more star so that the
// classic single-backtrack matcher applies: linear in practice, never exponential.
bool glob_match(std::string_view flyway_pattern, std::string_view name) {
  std::string pattern;
  for (const char c : flyway_pattern) pattern += c == '*' ? std::string_view("?*") : std::string_view(&c, 1);
  std::size_t p = 0;
  std::size_t n = 0;
  std::size_t star = std::string::npos;  // pattern index of the last '*' seen
  std::size_t resume = 0;                // name index that star has stretched to
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
      ++p;
      ++n;
    } else if (star != std::string::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Non-hidden subdirectories (symlinks followed), sorted; unreadable directories have none.
std::vector<std::string> subdirectories(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::error_code status_ec;
    if (!is_hidden(name) && fs::is_directory(it->path(), status_ec)) names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct Expansion {
  const fs::path& root;
  const std::vector<std::string>& segments;  // the pattern after its literal base
  std::vector<std::string>& out;
  std::set<std::pair<std::string, std::size_t>> visited;  // (directory, segment): `**` reaches some twice
  std::vector<fs::path> ancestors;  // canonical directories on the current path, to stop symlink loops
};

void expand(Expansion& e, const std::string& dir, std::size_t index, int depth);

void expand_children(Expansion& e, const std::string& dir, std::size_t index, int depth, bool any_name) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(on_disk(e.root, dir), ec);
  if (ec || std::find(e.ancestors.begin(), e.ancestors.end(), canonical) != e.ancestors.end()) return;
  e.ancestors.push_back(canonical);
  for (const auto& name : subdirectories(on_disk(e.root, dir))) {
    if (any_name) expand(e, join(dir, name), index, depth + 1);  // `**` continues into the child
    else if (glob_match(e.segments[index], name)) expand(e, join(dir, name), index + 1, depth + 1);
  }
  e.ancestors.pop_back();
}

void expand(Expansion& e, const std::string& dir, std::size_t index, int depth) {
  if (depth > kMaxDepth || !e.visited.emplace(dir, index).second) return;
  if (index == e.segments.size()) {
    e.out.push_back(dir);
    return;
  }
  const bool any_depth = e.segments[index] == "**";
  if (any_depth) expand(e, dir, index + 1, depth);  // `**` may stand for no directory at all
  expand_children(e, dir, index, depth, any_depth);
}

// The directories a wildcard location stands for, relative to the project root (or absolute),
// parents before children so the shallowest match claims a file, as Flyway's lazy `**` does.
std::vector<std::string> expand_pattern(const fs::path& root, const std::string& pattern) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= pattern.size()) {
    std::size_t end = pattern.find('/', start);
    if (end == std::string::npos) end = pattern.size();
    segments.push_back(pattern.substr(start, end - start));
    start = end + 1;
  }
  std::string base = pattern.starts_with('/') ? "/" : "";
  std::size_t first_wild = 0;
  for (; first_wild < segments.size() && !has_wildcard(segments[first_wild]); ++first_wild) {
    if (!segments[first_wild].empty()) base = join(base, segments[first_wild]);
  }
  std::vector<std::string> rest;
  for (std::size_t i = first_wild; i < segments.size(); ++i) {
    const bool repeated_any_depth = segments[i] == "**" && !rest.empty() && rest.back() == "**";
    if (!segments[i].empty() && !repeated_any_depth) rest.push_back(segments[i]);
  }
  std::vector<std::string> out;
  Expansion expansion{root, rest, out, {}, {}};
  expand(expansion, base, 0, 0);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string display_path(const fs::path& root, const std::string& directory, const std::string& script) {
  if (!directory.starts_with('/')) return join(directory, script);
  const fs::path absolute = fs::path(directory) / fs::path(script);
  const fs::path relative = absolute.lexically_relative(root);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return absolute.generic_string();
}

struct Walk {
  const fs::path& root;
  const std::string& directory;  // the location directory the scripts are relative to
  std::set<std::string>& seen;   // files already claimed by a shallower wildcard match
  std::vector<DiscoveredFile>& out;
  std::vector<fs::path> ancestors;  // canonical directories on the current path, to stop symlink loops
};

void add_file(Walk& walk, const fs::path& path, const std::string& script, bool is_symlink) {
  if (!walk.seen.insert(path.lexically_normal().generic_string()).second) return;
  walk.out.push_back({path, display_path(walk.root, walk.directory, script), script, is_symlink});
}

void walk_directory(Walk& walk, const fs::path& dir, const std::string& relative, bool via_symlink, int depth);

void visit_entry(Walk& walk, const fs::directory_entry& entry, const std::string& relative, bool via_symlink,
                 int depth) {
  const std::string name = entry.path().filename().string();
  const std::string script = join(relative, name);
  std::error_code ec;
  // A file reached through a symlinked directory is as much a symlink to git as the file itself.
  const bool symlink = via_symlink || entry.is_symlink(ec);
  const fs::file_status status = fs::status(entry.path(), ec);  // follows symlinks, as java.io.File does
  if (fs::is_directory(status)) {
    if (!is_hidden(name)) walk_directory(walk, entry.path(), script, symlink, depth + 1);
  } else if (fs::is_regular_file(status)) {
    add_file(walk, entry.path(), script, symlink);
  } else if (symlink && !fs::exists(status)) {
    add_file(walk, entry.path(), script, true);  // dangling: listed so the caller can report it
  }
}

void walk_directory(Walk& walk, const fs::path& dir, const std::string& relative, bool via_symlink, int depth) {
  if (depth > kMaxDepth) return;
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (ec || std::find(walk.ancestors.begin(), walk.ancestors.end(), canonical) != walk.ancestors.end()) return;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return;
  walk.ancestors.push_back(canonical);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) visit_entry(walk, *it, relative, via_symlink, depth);
  walk.ancestors.pop_back();
}

}  // namespace

std::vector<DiscoveredFile> scan_location(const std::filesystem::path& project_root, const Location& location) {
  const std::vector<std::string> directories =
      has_wildcard(location.directory) ? expand_pattern(project_root, location.directory)
                                       : std::vector<std::string>{location.directory};
  std::set<std::string> seen;
  std::vector<DiscoveredFile> files;
  for (const auto& directory : directories) {
    Walk walk{project_root, directory, seen, files, {}};
    const fs::path path = on_disk(project_root, directory);
    std::error_code ec;
    walk_directory(walk, path, "", fs::is_symlink(path, ec), 0);
  }
  std::stable_sort(files.begin(), files.end(), [](const DiscoveredFile& a, const DiscoveredFile& b) {
    return a.script != b.script ? a.script < b.script : a.display_path < b.display_path;
  });
  return files;
}

}  // namespace flyguard::flyway
