#include "util/utf8.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace flyguard::util {
namespace {

// Bytes 0x80..0xBF only ever continue a sequence.
bool is_continuation(unsigned char byte) { return (byte & 0xC0U) == 0x80U; }

// Length of the valid sequence starting at `pos`, or 0 when it is invalid. The ranges for the second
// byte are the ones of RFC 3629 (table 3-7 of the Unicode standard); they exclude overlong forms,
// the surrogates U+D800..U+DFFF and everything above U+10FFFF, as Java's strict decoder does.
std::size_t sequence_length(const unsigned char* data, std::size_t pos, std::size_t size) {
  const unsigned char lead = data[pos];
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong below U+0800
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong below U+10000
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;  // ASCII is handled by the caller; C0, C1, F5..FF and stray continuations are invalid
  }
  if (size - pos < length) return 0;  // truncated at the end of the input
  const unsigned char second = data[pos + 1];
  if (second < low || second > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (!is_continuation(data[pos + i])) return 0;
  }
  return length;
}

// True when the eight bytes at `p` are all ASCII; lets long ASCII runs be skipped a word at a time.
bool eight_ascii(const unsigned char* p) {
  std::uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t size = bytes.size();
  std::size_t pos = 0;
  while (pos < size) {
    if (pos + 8 <= size && eight_ascii(data + pos)) {
      pos += 8;
      continue;
    }
    if (data[pos] < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t length = sequence_length(data, pos, size);
    if (length == 0) return pos;
    pos += length;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
  // Every byte that is not a continuation byte (10xxxxxx) starts a code point. Eight bytes at a time:
  // `word & ~(word << 1)` keeps bit 7 of each byte exactly when bit 7 is set and bit 6 is clear.
  std::size_t continuations = 0;
  std::size_t pos = 0;
  for (; pos + 8 <= text.size(); pos += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + pos, sizeof word);
    continuations += static_cast<std::size_t>(std::popcount(word & ~(word << 1) & 0x8080808080808080ULL));
  }
  for (; pos < text.size(); ++pos) {
    continuations += static_cast<std::size_t>(is_continuation(static_cast<unsigned char>(text[pos])));
  }
  return text.size() - continuations;
}

}  // namespace flyguard::util
