#pragma once
// A reader for git's index file (versions 2, 3 and 4) that returns only what a pre-commit judge needs:
// the stage-0 entries under some directories. libgit2 1.5 verifies the whole index with its
// collision-detecting SHA-1 on every read, which on a 20,000-file repository costs more than everything
// else the hook does; git itself does not verify on read either.
#include <filesystem>
#include <string>
#include <vector>

#include "git/repository.h"

namespace flyguard::git {

// Throws GitError for anything it cannot read faithfully (a bad header, a truncated entry, a split or
// sparse index), so that the caller never judges a partial index.
std::vector<Entry> read_index_entries(const std::filesystem::path& index_file, const std::vector<std::string>& prefixes);

// The changes from `before` to `after` (both sorted by path or not): additions, deletions,
// modifications (content or mode), type changes, and exact renames paired one to one.
std::vector<Change> diff_entries(const std::vector<Entry>& before, const std::vector<Entry>& after);

}  // namespace flyguard::git
