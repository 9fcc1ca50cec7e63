#include "util/file.h"
#include "git/index_reader.h"
#include "util/paths.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>

namespace flyguard::git {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kOidSize = 20;               // SHA-1; libgit2 1.5 cannot open SHA-256 repositories
constexpr std::size_t kEntryFixedSize = 40 + kOidSize + 2;
constexpr std::uint16_t kNameMask = 0x0FFF;
constexpr std::uint16_t kStageMask = 0x3000;
constexpr std::uint16_t kExtendedFlag = 0x4000;
constexpr std::uint32_t kSparseDirectoryMode = 040000;

class IndexCursor {
 public:
  IndexCursor(const std::string& data, std::string source) : data_(data), source_(std::move(source)) {}

  std::uint32_t u32(std::size_t at) const {
    need(at, 4);
    const auto* p = reinterpret_cast<const unsigned char*>(data_.data() + at);
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
  }
  std::uint16_t u16(std::size_t at) const {
    need(at, 2);
    const auto* p = reinterpret_cast<const unsigned char*>(data_.data() + at);
    return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
  }
  void need(std::size_t at, std::size_t size) const {
    if (at + size > data_.size()) fail("truncated");
  }
  [[noreturn]] void fail(const std::string& why) const { throw GitError("cannot read the index " + source_ + ": " + why); }
  const std::string& data() const { return data_; }

 private:
  const std::string& data_;
  std::string source_;
};

EntryKind kind_of(std::uint32_t mode) {
  switch (mode & 0170000U) {
    case 0100000U: return (mode & 0111U) ? EntryKind::executable : EntryKind::file;
    case 0120000U: return EntryKind::symlink;
    case 0160000U: return EntryKind::submodule;
    default: return EntryKind::other;
  }
}

// Version 4 stores each path as "drop N bytes of the previous path, then append this".
std::size_t read_varint(const IndexCursor& in, std::size_t& at) {
  std::size_t value = 0;
  for (;;) {
    in.need(at, 1);
    auto byte = static_cast<unsigned char>(in.data()[at++]);
    value = (value << 7) | (byte & 0x7FU);
    if (!(byte & 0x80U)) return value;
    ++value;
  }
}

std::string read_path(const IndexCursor& in, std::size_t& at, std::uint32_t version, const std::string& previous) {
  std::size_t drop = version == 4 ? read_varint(in, at) : 0;
  if (drop > previous.size()) in.fail("bad path compression");
  std::size_t end = in.data().find('\0', at);
  if (end == std::string::npos) in.fail("unterminated path");
  std::string path = version == 4 ? previous.substr(0, previous.size() - drop) : std::string();
  path.append(in.data(), at, end - at);
  at = end + 1;
  return path;
}

}  // namespace

std::vector<Entry> read_index_entries(const fs::path& index_file, const std::vector<std::string>& prefixes) {
  std::optional<std::string> content = util::read_file(index_file);
  if (!content) throw GitError("cannot read the index " + index_file.string());
  const std::string& data = *content;
  IndexCursor in(data, index_file.string());
  in.need(0, 12);
  if (data.compare(0, 4, "DIRC") != 0) in.fail("not an index file");
  std::uint32_t version = in.u32(4);
  if (version < 2 || version > 4) in.fail("unsupported index version " + std::to_string(version));
  std::uint32_t count = in.u32(8);
  std::vector<Entry> entries;
  std::string path;
  std::size_t at = 12;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::size_t start = at;
    in.need(at, kEntryFixedSize);
    std::uint32_t mode = in.u32(at + 24);
    git_oid id;
    std::memcpy(id.id, data.data() + at + 40, kOidSize);
    std::uint16_t flags = in.u16(at + 40 + kOidSize);
    at += kEntryFixedSize + ((flags & kExtendedFlag) && version >= 3 ? 2 : 0);
    path = read_path(in, at, version, path);
    if (version < 4) at = start + ((at - start + 7) / 8) * 8;  // NUL padding to a multiple of 8
    if ((flags & kNameMask) != kNameMask && (flags & kNameMask) != path.size()) in.fail("corrupt entry " + path);
    if (mode == kSparseDirectoryMode) in.fail("sparse index (a directory entry): not supported");
    if ((flags & kStageMask) != 0 || !util::is_within_any(path, prefixes)) continue;
    entries.push_back({path, kind_of(mode), id});
  }
  if (at + 8 <= data.size() && data.compare(at, 4, "link") == 0) in.fail("split index: not supported");
  return entries;
}

std::vector<Change> diff_entries(const std::vector<Entry>& before, const std::vector<Entry>& after) {
  std::map<std::string, const Entry*> old_by_path, new_by_path;
  for (const Entry& e : before) old_by_path[e.path] = &e;
  for (const Entry& e : after) new_by_path[e.path] = &e;
  std::vector<Change> changes;
  std::vector<const Entry*> deleted, added;
  for (const auto& [path, old_entry] : old_by_path) {
    auto it = new_by_path.find(path);
    if (it == new_by_path.end()) { deleted.push_back(old_entry); continue; }
    const Entry* new_entry = it->second;
    bool same_content = git_oid_equal(&old_entry->id, &new_entry->id);
    if (same_content && old_entry->kind == new_entry->kind) continue;
    bool blobs = [](EntryKind a, EntryKind b) {
      auto regular = [](EntryKind k) { return k == EntryKind::file || k == EntryKind::executable; };
      return regular(a) && regular(b);
    }(old_entry->kind, new_entry->kind);
    changes.push_back({blobs || old_entry->kind == new_entry->kind ? ChangeKind::modified : ChangeKind::type_changed,
                       *old_entry, *new_entry});
  }
  for (const auto& [path, new_entry] : new_by_path)
    if (!old_by_path.count(path)) added.push_back(new_entry);
  for (const Entry* gone : deleted) {
    auto twin = std::find_if(added.begin(), added.end(), [gone](const Entry* a) {
      return a && a->kind == gone->kind && git_oid_equal(&a->id, &gone->id);
    });
    if (twin != added.end()) {
      changes.push_back({ChangeKind::renamed, *gone, **twin});
      *twin = nullptr;
    } else {
      changes.push_back({ChangeKind::deleted, *gone, std::nullopt});
    }
  }
  for (const Entry* a : added)
    if (a) changes.push_back({ChangeKind::added, std::nullopt, *a});
  return changes;
}

}  // namespace flyguard::git
