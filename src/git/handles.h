#pragma once
// RAII owners for libgit2 handles, and the error type every git failure becomes.
#include <memory>
#include <stdexcept>
#include <string>

#include <git2.h>

namespace flyguard::git {

// A libgit2 call failed; the message carries libgit2's own reason.
class GitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws GitError("<what>: <libgit2 message>") when `code` is negative.
void check(int code, const std::string& what);

template <typename T, void (*Free)(T*)>
struct HandleDeleter {
  void operator()(T* handle) const { Free(handle); }
};

using RepositoryHandle = std::unique_ptr<git_repository, HandleDeleter<git_repository, git_repository_free>>;
using ObjectHandle = std::unique_ptr<git_object, HandleDeleter<git_object, git_object_free>>;
using TreeHandle = std::unique_ptr<git_tree, HandleDeleter<git_tree, git_tree_free>>;
using BlobHandle = std::unique_ptr<git_blob, HandleDeleter<git_blob, git_blob_free>>;
using DiffHandle = std::unique_ptr<git_diff, HandleDeleter<git_diff, git_diff_free>>;
using IndexHandle = std::unique_ptr<git_index, HandleDeleter<git_index, git_index_free>>;
using OdbHandle = std::unique_ptr<git_odb, HandleDeleter<git_odb, git_odb_free>>;
using ReferenceHandle = std::unique_ptr<git_reference, HandleDeleter<git_reference, git_reference_free>>;
using ConfigHandle = std::unique_ptr<git_config, HandleDeleter<git_config, git_config_free>>;

// libgit2 must be initialised once per process before any other call.
class Library {
 public:
  Library() {
    git_libgit2_init();
    // flyguard only reads: re-hashing every object read doubles the cost of a hook, and large trees
    // (a migrations folder with thousands of files) must stay cached between lookups.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(4) << 20);
  }
  ~Library() { git_libgit2_shutdown(); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

}  // namespace flyguard::git
