#pragma once
// Read-only access to a git repository through libgit2: refs, trees, blobs, tree and index diffs.
// Knows nothing about SQL or Flyway. Never writes refs or objects (inside a pre-receive quarantine a
// write would corrupt the repository).
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "git/handles.h"

namespace flyguard::git {

using Environment = std::map<std::string, std::string>;

enum class EntryKind { file, executable, symlink, submodule, other };
std::string_view to_string(EntryKind kind);

struct Entry {
  std::string path;
  EntryKind kind = EntryKind::file;
  git_oid id{};
};

enum class ChangeKind { added, deleted, modified, renamed, type_changed };

struct Change {
  ChangeKind kind = ChangeKind::modified;
  std::optional<Entry> before;  // absent for additions
  std::optional<Entry> after;   // absent for deletions
};

std::string to_hex(const git_oid& id);
bool is_zero_id(std::string_view hex);  // any length: SHA-1 or SHA-256 zero ids

class Repository {
 public:
  // A server-side hook: opens $GIT_DIR (or cwd) without searching and adds the quarantine object
  // directories from the environment as alternates, quote-aware.
  static Repository open_for_receive(const Environment& env);
  // A local clone or worktree: honours GIT_DIR and GIT_WORK_TREE, else discovers from `cwd`.
  static Repository open_local(const std::filesystem::path& cwd, const Environment& env);

  git_repository* get() const { return repo_.get(); }
  bool is_shallow() const;
  bool is_bare() const;
  std::optional<std::filesystem::path> workdir() const;

  // Resolves a revision (sha, ref, "HEAD", "origin/main") to a commit id; nullopt when unknown.
  std::optional<git_oid> resolve_commit(const std::string& revision) const;
  // Peels any object id (commit, annotated tag) to its tree; nullopt when it has none.
  std::optional<git_oid> tree_of(const git_oid& id) const;
  bool has_object(const git_oid& id) const;
  std::optional<git_oid> merge_base(const git_oid& a, const git_oid& b) const;
  bool is_descendant(const git_oid& commit, const git_oid& ancestor) const;
  std::optional<git_oid> first_parent(const git_oid& commit) const;
  // The branch a symbolic ref names ("HEAD" -> refs/heads/trunk -> "trunk";
  // "refs/remotes/origin/HEAD" -> refs/remotes/origin/main -> "main"), when that branch exists.
  std::optional<std::string> symbolic_branch(const std::string& symbolic_ref) const;
  // Names of local branches (refs/heads/x -> x) and origin's remote-tracking branches (origin/x).
  std::vector<std::string> branch_names() const;

  // Regular files, symlinks and submodules of a tree under the given directory prefixes ('/'-separated;
  // "" = everything). tree = nullopt is the empty tree.
  std::vector<Entry> list(const std::optional<git_oid>& tree, const std::vector<std::string>& prefixes) const;
  // The blob at `path` in `tree`, when it is a regular file.
  std::optional<std::string> read_file(const git_oid& tree, const std::string& path) const;
  std::optional<std::string> read_blob(const git_oid& blob) const;
  bool is_directory(const git_oid& tree, const std::string& path) const;

  // Tree-to-tree and tree-to-index changes limited to `prefixes`; exact renames are paired.
  std::vector<Change> diff(const std::optional<git_oid>& from, const std::optional<git_oid>& to,
                           const std::vector<std::string>& prefixes) const;
  // An index file read once (reading a large index is the main cost of a pre-commit hook).
  IndexHandle open_index(const std::filesystem::path& index_file) const;
  std::vector<Change> diff_to_index(const std::optional<git_oid>& from, git_index* index,
                                    const std::vector<std::string>& prefixes) const;
  // Entries of an index under the prefixes (the content a commit would have).
  std::vector<Entry> list_index(git_index* index, const std::vector<std::string>& prefixes) const;

  std::optional<std::string> config_string(const std::string& key) const;

 private:
  explicit Repository(RepositoryHandle repo) : repo_(std::move(repo)) {}
  RepositoryHandle repo_;
};

}  // namespace flyguard::git
