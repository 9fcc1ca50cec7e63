// Flyway's checksum reads a file line by line, so line endings and a leading BOM never change it; a
// crash or a difference here would be an immutability verdict gone wrong.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "flyway/checksum.h"
#include "util/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (flyguard::util::first_invalid_utf8(text)) return 0;  // Flyway cannot checksum it either
  const std::int32_t sum = flyguard::flyway::checksum_of_utf8(text);
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  if (text.find('\r') == std::string::npos && flyguard::flyway::checksum_of_utf8(crlf) != sum) std::abort();
  if (text.rfind("\xEF\xBB\xBF", 0) != 0 && flyguard::flyway::checksum_of_utf8("\xEF\xBB\xBF" + text) != sum) std::abort();
  return 0;
}
