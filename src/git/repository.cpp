#include "git/repository.h"

#include <algorithm>
#include <set>

#include "git/alternates.h"
#include "util/paths.h"

namespace flyguard::git {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> env_value(const Environment& env, const std::string& key) {
  auto it = env.find(key);
  if (it == env.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

EntryKind kind_of(git_filemode_t mode) {
  switch (mode) {
    case GIT_FILEMODE_BLOB: return EntryKind::file;
    case GIT_FILEMODE_BLOB_EXECUTABLE: return EntryKind::executable;
    case GIT_FILEMODE_LINK: return EntryKind::symlink;
    case GIT_FILEMODE_COMMIT: return EntryKind::submodule;
    default: return EntryKind::other;
  }
}

EntryKind kind_of_mode(std::uint16_t mode) { return kind_of(static_cast<git_filemode_t>(mode)); }

TreeHandle lookup_tree(git_repository* repo, const git_oid& id) {
  git_tree* tree = nullptr;
  check(git_tree_lookup(&tree, repo, &id), "cannot read tree " + to_hex(id));
  return TreeHandle(tree);
}

struct WalkState {
  std::vector<Entry>* out;
  std::string base;
};

int collect_entry(const char* root, const git_tree_entry* entry, void* payload) {
  auto* state = static_cast<WalkState*>(payload);
  git_filemode_t mode = git_tree_entry_filemode(entry);
  if (mode == GIT_FILEMODE_TREE) return 0;
  Entry e;
  e.path = state->base + root + git_tree_entry_name(entry);
  e.kind = kind_of(mode);
  e.id = *git_tree_entry_id(entry);
  state->out->push_back(std::move(e));
  return 0;
}

std::optional<Entry> entry_of(const git_diff_file& file) {
  if (!(file.flags & GIT_DIFF_FLAG_EXISTS)) return std::nullopt;
  return Entry{file.path ? file.path : "", kind_of_mode(file.mode), file.id};
}

ChangeKind change_kind(git_delta_t status) {
  switch (status) {
    case GIT_DELTA_ADDED: return ChangeKind::added;
    case GIT_DELTA_DELETED: return ChangeKind::deleted;
    case GIT_DELTA_RENAMED: return ChangeKind::renamed;
    case GIT_DELTA_TYPECHANGE: return ChangeKind::type_changed;
    default: return ChangeKind::modified;
  }
}

// Pathspecs match a directory and everything below it; "" means no limit.
std::vector<std::string> pathspecs(const std::vector<std::string>& prefixes) {
  for (const std::string& p : prefixes)
    if (p.empty()) return {};
  return prefixes;
}

std::vector<Change> collect_changes(git_diff* diff) {
  git_diff_find_options find;
  git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
  // Exact renames only: pairing is for messages; the verdict never depends on similarity.
  find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_EXACT_MATCH_ONLY | GIT_DIFF_FIND_FOR_UNTRACKED;
  check(git_diff_find_similar(diff, &find), "cannot pair renamed files");
  std::vector<Change> changes;
  for (std::size_t i = 0; i < git_diff_num_deltas(diff); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff, i);
    Change change{change_kind(delta->status), entry_of(delta->old_file), entry_of(delta->new_file)};
    if (change.kind == ChangeKind::added) change.before.reset();
    if (change.kind == ChangeKind::deleted) change.after.reset();
    changes.push_back(std::move(change));
  }
  return changes;
}

git_diff_options diff_options(std::vector<std::string>& specs, std::vector<char*>& pointers) {
  git_diff_options options;
  git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
  options.flags = GIT_DIFF_INCLUDE_TYPECHANGE | GIT_DIFF_INCLUDE_TYPECHANGE_TREES;
  for (std::string& s : specs) pointers.push_back(s.data());
  options.pathspec.strings = pointers.data();
  options.pathspec.count = pointers.size();
  return options;
}

}  // namespace

std::string_view to_string(EntryKind kind) {
  switch (kind) {
    case EntryKind::file: return "file";
    case EntryKind::executable: return "executable file";
    case EntryKind::symlink: return "symbolic link";
    case EntryKind::submodule: return "submodule";
    case EntryKind::other: return "special entry";
  }
  return "entry";
}

std::string to_hex(const git_oid& id) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, &id);
  return buffer;
}

bool is_zero_id(std::string_view hex) {
  return !hex.empty() && std::all_of(hex.begin(), hex.end(), [](char c) { return c == '0'; });
}

Repository Repository::open_for_receive(const Environment& env) {
  std::string dir = env_value(env, "GIT_DIR").value_or(".");
  git_repository* raw = nullptr;
  check(git_repository_open_ext(&raw, dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr),
        "cannot open the repository at " + dir);
  Repository repo{RepositoryHandle(raw)};
  git_odb* odb_raw = nullptr;
  check(git_repository_odb(&odb_raw, raw), "cannot open the object database");
  OdbHandle odb(odb_raw);
  // Pushed objects wait in a quarantine directory until pre-receive accepts them.
  std::set<std::string> added;
  std::vector<std::string> directories;
  for (const char* key : {"GIT_QUARANTINE_PATH", "GIT_OBJECT_DIRECTORY"})
    if (auto value = env_value(env, key)) directories.push_back(*value);
  if (auto alternates = env_value(env, "GIT_ALTERNATE_OBJECT_DIRECTORIES"))
    for (std::string& entry : split_alternates(*alternates)) directories.push_back(std::move(entry));
  for (const std::string& directory : directories) {
    std::error_code ec;
    std::string absolute = fs::absolute(directory, ec).lexically_normal().string();
    if (!added.insert(absolute).second) continue;
    check(git_odb_add_disk_alternate(odb.get(), absolute.c_str()), "cannot add object directory " + absolute);
  }
  return repo;
}

Repository Repository::open_local(const fs::path& cwd, const Environment& env) {
  git_repository* raw = nullptr;
  if (auto dir = env_value(env, "GIT_DIR")) {
    fs::path git_dir = fs::path(*dir).is_absolute() ? fs::path(*dir) : cwd / *dir;
    check(git_repository_open_ext(&raw, git_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr),
          "cannot open the repository at " + git_dir.string());
  } else {
    check(git_repository_open_ext(&raw, cwd.c_str(), 0, nullptr), "not a git repository: " + cwd.string());
  }
  Repository repo{RepositoryHandle(raw)};
  if (auto work_tree = env_value(env, "GIT_WORK_TREE")) {
    fs::path tree = fs::path(*work_tree).is_absolute() ? fs::path(*work_tree) : cwd / *work_tree;
    check(git_repository_set_workdir(raw, tree.lexically_normal().c_str(), 0), "cannot use work tree " + tree.string());
  }
  return repo;
}

bool Repository::is_shallow() const { return git_repository_is_shallow(repo_.get()) == 1; }
bool Repository::is_bare() const { return git_repository_is_bare(repo_.get()) == 1; }

std::optional<fs::path> Repository::workdir() const {
  const char* dir = git_repository_workdir(repo_.get());
  if (!dir) return std::nullopt;
  return fs::path(dir);
}

std::optional<git_oid> Repository::resolve_commit(const std::string& revision) const {
  git_object* object = nullptr;
  if (git_revparse_single(&object, repo_.get(), revision.c_str()) < 0) return std::nullopt;
  ObjectHandle owned(object);
  git_object* commit = nullptr;
  if (git_object_peel(&commit, object, GIT_OBJECT_COMMIT) < 0) return std::nullopt;
  ObjectHandle owned_commit(commit);
  return *git_object_id(commit);
}

std::optional<git_oid> Repository::tree_of(const git_oid& id) const {
  git_object* object = nullptr;
  if (git_object_lookup(&object, repo_.get(), &id, GIT_OBJECT_ANY) < 0) return std::nullopt;
  ObjectHandle owned(object);
  git_object* tree = nullptr;
  if (git_object_peel(&tree, object, GIT_OBJECT_TREE) < 0) return std::nullopt;
  ObjectHandle owned_tree(tree);
  return *git_object_id(tree);
}

bool Repository::has_object(const git_oid& id) const {
  git_odb* raw = nullptr;
  if (git_repository_odb(&raw, repo_.get()) < 0) return false;
  OdbHandle odb(raw);
  return git_odb_exists(odb.get(), &id) == 1;
}

std::optional<git_oid> Repository::merge_base(const git_oid& a, const git_oid& b) const {
  git_oid base;
  int code = git_merge_base(&base, repo_.get(), &a, &b);
  if (code == GIT_ENOTFOUND) return std::nullopt;
  check(code, "cannot compute the merge base of " + to_hex(a) + " and " + to_hex(b));
  return base;
}

bool Repository::is_descendant(const git_oid& commit, const git_oid& ancestor) const {
  if (git_oid_equal(&commit, &ancestor)) return true;
  int code = git_graph_descendant_of(repo_.get(), &commit, &ancestor);
  check(code, "cannot compare the history of " + to_hex(commit) + " and " + to_hex(ancestor));
  return code == 1;
}

std::optional<git_oid> Repository::first_parent(const git_oid& commit_id) const {
  git_commit* commit = nullptr;
  check(git_commit_lookup(&commit, repo_.get(), &commit_id), "cannot read commit " + to_hex(commit_id));
  std::unique_ptr<git_commit, HandleDeleter<git_commit, git_commit_free>> owned(commit);
  if (git_commit_parentcount(commit) == 0) return std::nullopt;
  return *git_commit_parent_id(commit, 0);
}

std::optional<std::string> Repository::symbolic_branch(const std::string& symbolic_ref) const {
  git_reference* raw = nullptr;
  if (git_reference_lookup(&raw, repo_.get(), symbolic_ref.c_str()) < 0) return std::nullopt;
  ReferenceHandle ref(raw);
  if (git_reference_type(raw) != GIT_REFERENCE_SYMBOLIC) return std::nullopt;
  std::string target = git_reference_symbolic_target(raw);
  if (!resolve_commit(target)) return std::nullopt;
  for (const char* prefix : {"refs/heads/", "refs/remotes/origin/"})
    if (target.rfind(prefix, 0) == 0) return target.substr(std::string_view(prefix).size());
  return std::nullopt;
}

std::vector<std::string> Repository::branch_names() const {
  std::vector<std::string> names;
  for (const auto& [glob, strip] : {std::pair<const char*, std::size_t>{"refs/heads/*", 11},
                                    std::pair<const char*, std::size_t>{"refs/remotes/origin/*", 13}}) {
    git_reference_iterator* it = nullptr;
    if (git_reference_iterator_glob_new(&it, repo_.get(), glob) < 0) continue;
    const char* name = nullptr;
    while (git_reference_next_name(&name, it) == 0) names.emplace_back(std::string(name).substr(strip));
    git_reference_iterator_free(it);
  }
  return names;
}

std::vector<Entry> Repository::list(const std::optional<git_oid>& tree_id, const std::vector<std::string>& prefixes) const {
  std::vector<Entry> out;
  if (!tree_id) return out;
  TreeHandle tree = lookup_tree(repo_.get(), *tree_id);
  std::vector<std::string> roots = prefixes.empty() ? std::vector<std::string>{""} : prefixes;
  for (const std::string& prefix : roots) {
    WalkState state{&out, prefix.empty() ? "" : prefix + "/"};
    if (prefix.empty()) {
      check(git_tree_walk(tree.get(), GIT_TREEWALK_PRE, collect_entry, &state), "cannot list tree");
      continue;
    }
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, tree.get(), prefix.c_str()) < 0) continue;
    std::unique_ptr<git_tree_entry, HandleDeleter<git_tree_entry, git_tree_entry_free>> owned(entry);
    if (git_tree_entry_type(entry) != GIT_OBJECT_TREE) continue;
    TreeHandle sub = lookup_tree(repo_.get(), *git_tree_entry_id(entry));
    check(git_tree_walk(sub.get(), GIT_TREEWALK_PRE, collect_entry, &state), "cannot list tree " + prefix);
  }
  if (roots.size() > 1) {  // overlapping prefixes list some entries twice
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
    out.erase(std::unique(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.path == b.path; }),
              out.end());
  }
  return out;
}

std::optional<std::string> Repository::read_blob(const git_oid& id) const {
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, repo_.get(), &id) < 0) return std::nullopt;
  BlobHandle owned(blob);
  const char* data = static_cast<const char*>(git_blob_rawcontent(blob));
  return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob)));
}

std::optional<std::string> Repository::read_file(const git_oid& tree_id, const std::string& path) const {
  TreeHandle tree = lookup_tree(repo_.get(), tree_id);
  git_tree_entry* entry = nullptr;
  if (git_tree_entry_bypath(&entry, tree.get(), path.c_str()) < 0) return std::nullopt;
  std::unique_ptr<git_tree_entry, HandleDeleter<git_tree_entry, git_tree_entry_free>> owned(entry);
  EntryKind kind = kind_of(git_tree_entry_filemode(entry));
  if (kind != EntryKind::file && kind != EntryKind::executable) return std::nullopt;
  return read_blob(*git_tree_entry_id(entry));
}

bool Repository::is_directory(const git_oid& tree_id, const std::string& path) const {
  if (path.empty()) return true;
  TreeHandle tree = lookup_tree(repo_.get(), tree_id);
  git_tree_entry* entry = nullptr;
  if (git_tree_entry_bypath(&entry, tree.get(), path.c_str()) < 0) return false;
  std::unique_ptr<git_tree_entry, HandleDeleter<git_tree_entry, git_tree_entry_free>> owned(entry);
  return git_tree_entry_type(entry) == GIT_OBJECT_TREE;
}

std::vector<Change> Repository::diff(const std::optional<git_oid>& from, const std::optional<git_oid>& to,
                                     const std::vector<std::string>& prefixes) const {
  TreeHandle a = from ? lookup_tree(repo_.get(), *from) : TreeHandle();
  TreeHandle b = to ? lookup_tree(repo_.get(), *to) : TreeHandle();
  std::vector<std::string> specs = pathspecs(prefixes);
  std::vector<char*> pointers;
  git_diff_options options = diff_options(specs, pointers);
  git_diff* raw = nullptr;
  check(git_diff_tree_to_tree(&raw, repo_.get(), a.get(), b.get(), &options), "cannot compare trees");
  DiffHandle diff(raw);
  return collect_changes(diff.get());
}

IndexHandle Repository::open_index(const fs::path& index_file) const {
  git_index* raw = nullptr;
  check(git_index_open(&raw, index_file.c_str()), "cannot read the index " + index_file.string());
  return IndexHandle(raw);
}

std::vector<Change> Repository::diff_to_index(const std::optional<git_oid>& from, git_index* index,
                                              const std::vector<std::string>& prefixes) const {
  TreeHandle a = from ? lookup_tree(repo_.get(), *from) : TreeHandle();
  std::vector<std::string> specs = pathspecs(prefixes);
  std::vector<char*> pointers;
  git_diff_options options = diff_options(specs, pointers);
  git_diff* raw = nullptr;
  check(git_diff_tree_to_index(&raw, repo_.get(), a.get(), index, &options), "cannot compare the index");
  DiffHandle diff(raw);
  return collect_changes(diff.get());
}

std::vector<Entry> Repository::list_index(git_index* index, const std::vector<std::string>& prefixes) const {
  std::vector<Entry> out;
  for (std::size_t i = 0; i < git_index_entrycount(index); ++i) {
    const git_index_entry* entry = git_index_get_byindex(index, i);
    if (!entry || git_index_entry_stage(entry) != 0) continue;
    std::string path = entry->path;
    if (!util::is_within_any(path, prefixes)) continue;
    out.push_back({path, kind_of(static_cast<git_filemode_t>(entry->mode)), entry->id});
  }
  return out;
}

std::optional<std::string> Repository::config_string(const std::string& key) const {
  git_config* raw = nullptr;
  if (git_repository_config_snapshot(&raw, repo_.get()) < 0) return std::nullopt;
  ConfigHandle config(raw);
  const char* value = nullptr;
  if (git_config_get_string(&value, config.get(), key.c_str()) < 0) return std::nullopt;
  return std::string(value);
}

}  // namespace flyguard::git
