#include "flyway/checksum.h"

#include <zlib.h>

#include <array>
#include <bit>
#include <cstring>

namespace flyguard::flyway {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_line_break(char c) { return c == '\r' || c == '\n'; }

// First CR or LF in [p, end), or end. Eight bytes at a time: a byte equal to 0x0A or 0x0D becomes zero
// after the XOR, and the classic has-zero-byte test flags it; the lowest flag is always a true hit.
const char* find_line_break(const char* p, const char* end) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    while (end - p >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, p, sizeof word);
      const std::uint64_t lf = word ^ (ones * 0x0AU);
      const std::uint64_t cr = word ^ (ones * 0x0DU);
      const std::uint64_t hits = ((lf - ones) & ~lf & highs) | ((cr - ones) & ~cr & highs);
      if (hits != 0) return p + std::countr_zero(hits) / 8;
      p += 8;
    }
  }
  while (p < end && !is_line_break(*p)) ++p;
  return p;
}

// Collects the runs between line breaks into a buffer so zlib sees large blocks: one crc32 call per
// short line is several times slower than the copy. Runs longer than the buffer go to zlib directly.
class Crc {
 public:
  void add(const char* data, std::size_t size) {
    if (size > buffer_.size() - used_) flush();
    if (size >= buffer_.size()) {
      crc_ = crc32_z(crc_, reinterpret_cast<const Bytef*>(data), size);
      return;
    }
    std::memcpy(buffer_.data() + used_, data, size);
    used_ += size;
  }
  std::uint32_t finish() {
    flush();
    return static_cast<std::uint32_t>(crc_);
  }

 private:
  void flush() {
    crc_ = crc32_z(crc_, buffer_.data(), used_);
    used_ = 0;
  }
  std::array<Bytef, 16 * 1024> buffer_;  // left uninitialised: zeroing it cost more than hashing a small file
  std::size_t used_ = 0;
  uLong crc_ = crc32_z(0L, Z_NULL, 0);
};

}  // namespace

std::int32_t checksum_of_utf8(std::string_view text) {
  // Flyway hashes the lines of the text without their terminators, one after the other, after removing
  // a U+FEFF at the very start. For valid UTF-8 that is the bytes without a leading EF BB BF and without
  // any 0x0D or 0x0A.
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  Crc crc;
  const char* pos = text.data();
  const char* const end = pos + text.size();
  while (pos < end) {
    const char* run_end = find_line_break(pos, end);
    crc.add(pos, static_cast<std::size_t>(run_end - pos));
    pos = run_end;
    while (pos < end && is_line_break(*pos)) ++pos;
  }
  // Java stores the unsigned CRC in an int: the same 32 bits read as two's complement.
  return static_cast<std::int32_t>(crc.finish());
}

}  // namespace flyguard::flyway
