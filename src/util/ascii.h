#pragma once
// ASCII case folding, as SQL compares unquoted names and Flyway compares its keywords.
#include <string>
#include <string_view>

namespace flyguard::util {

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace flyguard::util
