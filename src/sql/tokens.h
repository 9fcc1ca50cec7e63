#pragma once
// A small SQL tokenizer for recognising statements from their words (the Redshift pre-pass). It knows
// strings, quoted identifiers, dollar quotes and comments, so that nothing inside them is mistaken
// for a keyword; comments are dropped.
#include <cstddef>
#include <string_view>
#include <vector>

namespace flyguard::sql {

enum class TokenKind { word, quoted_identifier, string, number, punctuation, parameter };

struct Token {
  TokenKind kind = TokenKind::punctuation;
  std::size_t begin = 0;  // byte offsets in the tokenized text
  std::size_t end = 0;
  std::string_view text;

  // Case-insensitive comparison with an unquoted keyword or name.
  bool is(std::string_view word) const;
  bool is_punctuation(char c) const { return kind == TokenKind::punctuation && text.size() == 1 && text[0] == c; }
};

// `backslash_escapes`: a backslash escapes the next character in '…' strings (Redshift; E'…' always).
// An unterminated string, identifier or comment ends the token list at the end of the text.
std::vector<Token> tokenize(std::string_view text, bool backslash_escapes);

// Index of the token that closes the parenthesis opened at `open` (a "(" token); tokens.size() when none.
std::size_t matching_paren(const std::vector<Token>& tokens, std::size_t open);

}  // namespace flyguard::sql
