#pragma once
// ASCII case folding, as SQL compares unquoted names and Flyway compares its keywords.
#include <string>
#include <string_view>

namespace flyguard::util {

inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace flyguard::util
