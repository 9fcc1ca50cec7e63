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

// Whether `text` contains `part`, ASCII letters compared without case.
inline bool ascii_icontains(std::string_view text, std::string_view part) {
  if (part.size() > text.size()) return false;
  for (std::size_t i = 0; i + part.size() <= text.size(); ++i) {
    std::size_t j = 0;
    while (j < part.size() && ascii_lower(text[i + j]) == ascii_lower(part[j])) ++j;
    if (j == part.size()) return true;
  }
  return false;
}

}  // namespace flyguard::util
