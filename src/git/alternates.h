#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace flyguard::git {

// Splits GIT_ALTERNATE_OBJECT_DIRECTORIES as git writes it: ':'-separated, and entries that contain
// ':' (or start with '"') C-quoted in double quotes. libgit2 splits on every ':', which loses the
// main object store of a repository whose path contains ':'.
std::vector<std::string> split_alternates(std::string_view value);

}  // namespace flyguard::git
