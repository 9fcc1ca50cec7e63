// Maps Flyway location strings to project directories.
#include <algorithm>
#include <cctype>

#include "flyway/settings.h"
#include "flyway/settings_internal.h"

namespace flyguard::flyway {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Lexical normalisation on '/'-separated text: no filesystem access, so it works for git trees too.
// "" stands for the project root; absolute paths keep their leading '/'.
std::string normalize(std::string path) {
  std::replace(path.begin(), path.end(), '\\', '/');
  const bool absolute = path.starts_with('/');
  std::vector<std::string> parts;
  for (const auto& part : split_path(path)) {
    if (part.empty() || part == ".") continue;
    if (part == ".." && !parts.empty() && parts.back() != "..") parts.pop_back();
    else if (part != ".." || !absolute) parts.push_back(part);
  }
  std::string out = absolute ? "/" : "";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : "/") + parts[i];
  return out;
}

// The scheme is the text before the first ':', as Flyway's LocationParser takes it; a colon after a
// path separator or a one-letter "scheme" (a Windows drive) is part of a path instead.
std::optional<std::string> scheme_of(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon < 2) return std::nullopt;
  const std::string_view head = text.substr(0, colon);
  if (head.find_first_of("/\\") != std::string_view::npos) return std::nullopt;
  return to_lower(head);
}

std::optional<std::string> map_location(const std::string& configured, const std::string& source,
                                        std::vector<SettingsProblem>& problems) {
  const std::string text = trim(configured);
  const auto scheme = scheme_of(text);
  const std::string path = scheme ? text.substr(scheme->size() + 1) : text;
  if (scheme == "filesystem") return normalize(path);
  if (!scheme || scheme == "classpath") {
    // Classpath resources live under Maven/Gradle's resource root; a leading '/' is not absolute there.
    const std::string relative = normalize(path.starts_with('/') ? path.substr(1) : path);
    return relative.empty() ? "src/main/resources" : "src/main/resources/" + relative;
  }
  problems.push_back({source, 0,
                      "location '" + configured + "': location scheme not supported ('" + *scheme +
                          ":'); flyguard reads only filesystem: and classpath: locations, so it is skipped"});
  return std::nullopt;
}

bool has_wildcard(std::string_view path) { return path.find_first_of("*?") != std::string_view::npos; }

bool contains_dir(const std::string& outer, const std::string& inner) {
  if (outer.empty()) return !inner.starts_with('/');
  return inner == outer || (inner.starts_with(outer) && inner[outer.size()] == '/') ||
         (outer == "/" && inner.starts_with('/'));
}

// Flyway drops duplicate locations and locations inside another one, so no file is found twice.
std::vector<Location> drop_nested(const std::vector<Location>& locations) {
  std::vector<Location> kept;
  for (const auto& candidate : locations) {
    const auto covered = [&](const Location& other) {
      return !has_wildcard(other.directory) && !has_wildcard(candidate.directory) &&
             contains_dir(other.directory, candidate.directory);
    };
    const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const Location& other) {
      return other.directory == candidate.directory;
    });
    if (duplicate || std::any_of(locations.begin(), locations.end(), [&](const Location& other) {
          return &other != &candidate && other.directory != candidate.directory && covered(other);
        })) {
      continue;
    }
    kept.push_back(candidate);
  }
  return kept;
}

}  // namespace

std::vector<Location> resolve_locations(const FlywaySettings& settings,
                                        const std::function<bool(const std::string&)>& is_directory,
                                        std::vector<SettingsProblem>& problems) {
  if (settings.locations.empty()) {
    // Flyway's CLI default (sql/), the Java API's default (classpath:db/migration) and that same
    // folder kept at the root, which projects without a Maven layout commonly use.
    static const std::vector<Location> kDefaults{{"filesystem:sql", "sql"},
                                                 {"filesystem:db/migration", "db/migration"},
                                                 {"classpath:db/migration", "src/main/resources/db/migration"}};
    std::vector<Location> found;
    for (const auto& location : kDefaults) {
      if (is_directory(location.directory)) found.push_back(location);
    }
    return found;
  }
  std::vector<Location> resolved;
  for (const auto& configured : settings.locations) {
    if (auto directory = map_location(configured, settings.locations_source, problems)) {
      resolved.push_back({configured, std::move(*directory)});
    }
  }
  return drop_nested(resolved);
}

}  // namespace flyguard::flyway
