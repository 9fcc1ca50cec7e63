#pragma once
// Flyway 6.0.4-13 checksums: CRC32 over the UTF-8 text without line terminators, first BOM removed,
// as a signed 32-bit integer.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace flyguard::flyway {

// Checksum of text that is valid UTF-8 (check first with util/utf8.h).
std::int32_t checksum_of_utf8(std::string_view text);

}  // namespace flyguard::flyway
