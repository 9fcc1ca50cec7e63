#pragma once
#include <string_view>

namespace flyguard::util {

// Matches a '/'-separated relative path against a glob: `*`, `?` and `[…]` stay within one path
// segment (fnmatch with FNM_PATHNAME), `**` as a whole segment matches any number of segments.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace flyguard::util
