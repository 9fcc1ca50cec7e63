#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace flyguard::util {

// Byte offset of the first byte that is not part of a valid UTF-8 sequence (overlong forms,
// surrogates, code points above U+10FFFF and truncated sequences are invalid), or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// Number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view text);

}  // namespace flyguard::util
