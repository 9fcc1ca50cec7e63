#include "util/file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <memory>
#include <string_view>

namespace flyguard::util {

namespace fs = std::filesystem;

namespace {

// True for an absolute path with no empty, "." or ".." component and no trailing slash.
bool is_absolute_normal(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.size() == 1) return true;
  if (path.back() == '/') return false;
  for (std::size_t start = 1; start <= path.size();) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view component = path.substr(start, end - start);
    if (component.empty() || component == "." || component == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

void FileDescriptor::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

int DirectoryCache::directory_of(const std::string& path, std::size_t& name_start) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == path.size()) return -1;
  name_start = slash + 1;
  const std::string_view directory(path.data(), slash);
  if (handle_.get() < 0 || directory != directory_) {
    directory_.assign(directory);
    handle_.reset(::open(directory_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  }
  return handle_.get();
}

int DirectoryCache::lstat(const std::string& path, struct stat* out) {
  std::size_t name = 0;
  const int directory = directory_of(path, name);
  if (directory < 0) return ::lstat(path.c_str(), out);
  return ::fstatat(directory, path.c_str() + name, out, AT_SYMLINK_NOFOLLOW);
}

int DirectoryCache::open_read(const std::string& path, int extra_flags) {
  std::size_t name = 0;
  const int directory = directory_of(path, name);
  if (directory < 0) return ::open(path.c_str(), O_RDONLY | O_CLOEXEC | extra_flags);
  return ::openat(directory, path.c_str() + name, O_RDONLY | O_CLOEXEC | extra_flags);
}

std::optional<DirectoryListing> DirectoryListing::read(const std::string& directory) {
  std::unique_ptr<DIR, int (*)(DIR*)> stream(::opendir(directory.c_str()), ::closedir);
  if (!stream) return std::nullopt;
  DirectoryListing listing;
  while (const dirent* entry = ::readdir(stream.get())) listing.entries_.push_back({entry->d_name, entry->d_type});
  std::sort(listing.entries_.begin(), listing.entries_.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return listing;
}

const DirectoryListing::Entry* DirectoryListing::find(std::string_view name) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), name,
                             [](const Entry& entry, std::string_view wanted) { return entry.name < wanted; });
  return it != entries_.end() && it->name == name ? &*it : nullptr;
}

bool DirectoryListing::contains(std::string_view name) const { return find(name) != nullptr; }

bool DirectoryListing::is_regular_file(std::string_view name) const {
  const Entry* entry = find(name);
  return entry != nullptr && entry->type == DT_REG;
}

namespace {

// Reads to the end, or until more than `max_size` bytes came (then `too_large`); `hint`: the expected size.
// Into a buffer the thread keeps, then copied out at its size: growing a string zero-fills it, and a fresh
// 64 KiB string per file cost more than the parse of a small one.
void read_to_end(int fd, std::uintmax_t max_size, std::size_t hint, LimitedRead& out) {
  thread_local std::string buffer;
  const std::size_t wanted = std::max<std::size_t>(hint + 1, 65536);
  if (buffer.size() < wanted) buffer.resize(wanted);
  std::size_t used = 0;
  for (;;) {
    if (used > max_size) {
      out.too_large = true;
      out.size = used;
      return;
    }
    if (used == buffer.size()) buffer.resize(buffer.size() * 2);
    ssize_t got = ::read(fd, buffer.data() + used, buffer.size() - used);
    if (got < 0) {
      if (errno == EINTR) continue;
      out.error = std::strerror(errno);
      return;
    }
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  out.content.emplace(buffer.data(), used);
}

}  // namespace

LimitedRead read_file_within(const fs::path& path, std::uintmax_t max_size, DirectoryCache* directories,
                             bool known_regular) {
  LimitedRead out;
  // Without O_NONBLOCK, opening a FIFO waits for a writer: a pipe named like a migration would hang the run.
  FileDescriptor fd(directories ? directories->open_read(path.native(), O_NONBLOCK)
                                : ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    out.error = std::strerror(errno);
    return out;
  }
  if (known_regular) {
    read_to_end(fd.get(), max_size, 0, out);
    if (out.too_large) {
      struct stat info {};
      if (::fstat(fd.get(), &info) == 0 && S_ISREG(info.st_mode))
        out.size = static_cast<std::uintmax_t>(info.st_size);
    }
    return out;
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    out.error = std::strerror(errno);
    return out;
  }
  if (S_ISDIR(info.st_mode)) {
    out.error = std::strerror(EISDIR);
    return out;
  }
  const bool regular = S_ISREG(info.st_mode);
  if (!regular) ::fcntl(fd.get(), F_SETFL, ::fcntl(fd.get(), F_GETFL) & ~O_NONBLOCK);  // a pipe is read as it comes
  if (regular && static_cast<std::uintmax_t>(info.st_size) > max_size) {
    out.too_large = true;
    out.size = static_cast<std::uintmax_t>(info.st_size);
    return out;
  }
  // The size is a hint: the file may grow or shrink while it is read, and pipes report 0.
  read_to_end(fd.get(), max_size, regular ? static_cast<std::size_t>(info.st_size) : 0, out);
  return out;
}

std::optional<std::string> read_file(const fs::path& path) {
  return read_file_within(path, std::numeric_limits<std::uintmax_t>::max()).content;
}

fs::path absolute_normal(fs::path path, const fs::path& cwd) {
  if (is_absolute_normal(path.native())) return path;
  const std::string& base = cwd.native();
  const std::string& relative = path.native();
  // A relative path without "." or ".." below a normal working directory (a shell glob's "sql/V1__a.sql"):
  // joining the strings is the whole work.
  if (!relative.empty() && is_absolute_normal(base) && is_absolute_normal("/" + relative))
    return fs::path(base == "/" ? base + relative : base + "/" + relative);
  return (path.is_absolute() ? path : cwd / path).lexically_normal();
}

fs::path absolute_normal(fs::path path) {
  if (is_absolute_normal(path.native())) return path;  // moved out: no copy of the list of components
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  return ec ? path.lexically_normal() : absolute_normal(std::move(path), cwd);
}

namespace {

// What display_path shows, the slow general way.
std::string proximate_display(const fs::path& absolute, const fs::path& cwd) {
  std::string relative = absolute.lexically_proximate(cwd).generic_string();
  return relative.rfind("../../", 0) == 0 ? absolute.generic_string() : relative;
}

}  // namespace

std::string display_path(const fs::path& path, const fs::path& cwd) {
  fs::path normalised;  // only when needed: copying a path copies its list of components
  if (!is_absolute_normal(path.native())) normalised = absolute_normal(path);
  const fs::path& absolute = normalised.empty() ? path : normalised;
  const std::string& shown = absolute.native();
  const std::string& base = cwd.native();
  if (!is_absolute_normal(base) || base == "/" || shown == "/") return proximate_display(absolute, cwd);
  // Both normal and absolute below the root: the relative path is a string operation, without splitting
  // both paths into components as lexically_proximate does.
  std::size_t common = 0;  // length of the leading directories both share, ending before a '/' or the end
  for (std::size_t i = 1; i <= std::min(shown.size(), base.size()); ++i) {
    const bool shown_ends = i == shown.size() || shown[i] == '/';
    const bool base_ends = i == base.size() || base[i] == '/';
    if (shown_ends && base_ends) common = i;
    if (i < shown.size() && i < base.size() && shown[i] != base[i]) break;
  }
  std::size_t up = 0;  // directories of cwd below the shared part
  for (std::size_t i = common; i < base.size(); ++i) up += base[i] == '/';
  const std::string rest = common >= shown.size() ? std::string() : shown.substr(common + 1);
  if (up == 0) return rest.empty() ? "." : rest;
  if (up == 1) return rest.empty() ? ".." : "../" + rest;
  return up == 2 && rest.empty() ? "../.." : shown;  // further up reads better absolute
}

}  // namespace flyguard::util
