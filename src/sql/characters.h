#pragma once
// Character classes of PostgreSQL's lexer, shared by the splitter and the tokenizer.
#include <algorithm>
#include <string_view>

#include "util/ascii.h"

namespace flyguard::sql {

inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// ASCII classes, as PostgreSQL's lexer defines them (not the locale's: <cctype> calls cost a call per byte).
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Identifiers start with a letter, '_' or any non-ASCII byte, and go on with digits and '$' too.
inline bool is_word_start(char c) { return is_ascii_letter(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }
inline bool is_word_char(char c) { return is_word_start(c) || is_digit(c) || c == '$'; }

// Keyword comparison: ASCII case folding, as PostgreSQL folds unquoted keywords.
inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return util::ascii_lower(x) == util::ascii_lower(y);
         });
}

}  // namespace flyguard::sql
