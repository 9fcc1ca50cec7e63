#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace flyguard::util {

// The whole content of a file, byte for byte; nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace flyguard::util
