#include "flyway/checksum.h"

#include <zlib.h>

#include <algorithm>

namespace flyguard::flyway {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_line_break(char c) { return c == '\r' || c == '\n'; }

// CRC-32 of one run of bytes; crc32_z takes a size_t length, so no chunking is needed for huge runs.
uLong crc_update(uLong crc, std::string_view bytes) {
  return crc32_z(crc, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size());
}

}  // namespace

std::int32_t checksum_of_utf8(std::string_view text) {
  // Flyway hashes the lines of the text without their terminators, one after the other, after removing
  // a U+FEFF at the very start. For valid UTF-8 that is the bytes without a leading EF BB BF and without
  // any 0x0D or 0x0A, so the runs between line breaks are fed to the CRC straight from the input.
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  uLong crc = crc32_z(0L, Z_NULL, 0);
  auto pos = text.begin();
  while (pos != text.end()) {
    const auto run_end = std::find_if(pos, text.end(), is_line_break);
    if (run_end != pos) {
      crc = crc_update(crc, std::string_view(pos, run_end));
    }
    pos = std::find_if_not(run_end, text.end(), is_line_break);
  }
  // Java stores the unsigned CRC in an int: the same 32 bits read as two's complement.
  const auto value = static_cast<std::uint32_t>(crc);
  return static_cast<std::int32_t>(value);
}

}  // namespace flyguard::flyway
