#pragma once
// Character classes of PostgreSQL's lexer, shared by the splitter and the tokenizer.
#include <algorithm>
#include <cctype>
#include <string_view>

namespace flyguard::sql {

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// Identifiers start with a letter, '_' or any non-ASCII byte, and go on with digits and '$' too.
inline bool is_word_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
inline bool is_word_char(char c) { return is_word_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$'; }
inline bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Keyword comparison: ASCII case folding, as PostgreSQL folds unquoted keywords.
inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::toupper(static_cast<unsigned char>(x)) == std::toupper(static_cast<unsigned char>(y));
         });
}

}  // namespace flyguard::sql
