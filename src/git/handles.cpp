#include "git/handles.h"

namespace flyguard::git {

void check(int code, const std::string& what) {
  if (code >= 0) return;
  const git_error* error = git_error_last();
  throw GitError(what + ": " + (error && error->message ? error->message : "unknown libgit2 error"));
}

}  // namespace flyguard::git
