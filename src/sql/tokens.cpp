#include "sql/tokens.h"

#include <algorithm>
#include <cctype>

#include "sql/characters.h"

namespace flyguard::sql {

namespace {

class Lexer {
 public:
  Lexer(std::string_view text, bool backslash_escapes) : text_(text), backslash_escapes_(backslash_escapes) {}

  std::vector<Token> run() {
    while (pos_ < text_.size()) step();
    return std::move(tokens_);
  }

 private:
  std::string_view text_;
  bool backslash_escapes_;
  std::size_t pos_ = 0;
  std::vector<Token> tokens_;

  char at(std::size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  void emit(TokenKind kind, std::size_t begin) {
    pos_ = std::min(pos_, text_.size());
    tokens_.push_back({kind, begin, pos_, text_.substr(begin, pos_ - begin)});
  }

  void step() {
    const char c = text_[pos_];
    const std::size_t start = pos_;
    if (is_blank(c)) { ++pos_; return; }
    if (c == '-' && at(pos_ + 1) == '-') { skip_line(); return; }
    if (c == '/' && at(pos_ + 1) == '*') { skip_block_comment(); return; }
    if (c == '\'') return quoted(start, pos_ + 1, '\'', backslash_escapes_, TokenKind::string);
    if (c == '"') return quoted(start, pos_ + 1, '"', false, TokenKind::quoted_identifier);
    if ((c == 'E' || c == 'e') && at(pos_ + 1) == '\'') return quoted(start, pos_ + 2, '\'', true, TokenKind::string);
    if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && at(pos_ + 1) == '\'')
      return quoted(start, pos_ + 2, '\'', backslash_escapes_, TokenKind::string);
    if (c == '$' && dollar_quote()) return;
    if (c == '$' && is_digit(at(pos_ + 1))) {
      for (++pos_; is_digit(at(pos_));) ++pos_;
      return emit(TokenKind::parameter, start);
    }
    if (is_digit(c) || (c == '.' && is_digit(at(pos_ + 1)))) return number(start);
    if (is_word_start(c)) {
      while (pos_ < text_.size() && is_word_char(text_[pos_])) ++pos_;
      return emit(TokenKind::word, start);
    }
    ++pos_;
    emit(TokenKind::punctuation, start);
  }

  void skip_line() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  }

  void skip_block_comment() {
    int depth = 0;
    while (pos_ < text_.size()) {
      if (text_[pos_] == '/' && at(pos_ + 1) == '*') { ++depth; pos_ += 2; continue; }
      if (text_[pos_] == '*' && at(pos_ + 1) == '/') {
        pos_ += 2;
        if (--depth == 0) return;
        continue;
      }
      ++pos_;
    }
  }

  void quoted(std::size_t start, std::size_t body, char quote, bool escapes, TokenKind kind) {
    pos_ = body;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (escapes && c == '\\') { pos_ += 2; continue; }
      ++pos_;
      if (c != quote) continue;
      if (at(pos_) == quote) { ++pos_; continue; }
      break;
    }
    emit(kind, start);
  }

  bool dollar_quote() {
    const std::size_t start = pos_;
    std::size_t tag_end = pos_ + 1;
    if (at(tag_end) != '$') {
      if (!is_word_start(at(tag_end))) return false;
      while (tag_end < text_.size() && is_word_char(text_[tag_end]) && text_[tag_end] != '$') ++tag_end;
      if (at(tag_end) != '$') return false;
    }
    const std::string_view tag = text_.substr(start, tag_end + 1 - start);
    const std::size_t close = text_.find(tag, tag_end + 1);
    pos_ = close == std::string_view::npos ? text_.size() : close + tag.size();
    emit(TokenKind::string, start);
    return true;
  }

  void number(std::size_t start) {
    while (is_digit(at(pos_)) || at(pos_) == '.') ++pos_;
    if ((at(pos_) == 'e' || at(pos_) == 'E') && (is_digit(at(pos_ + 1)) || ((at(pos_ + 1) == '+' || at(pos_ + 1) == '-') && is_digit(at(pos_ + 2))))) {
      pos_ += 2;
      while (is_digit(at(pos_))) ++pos_;
    }
    emit(TokenKind::number, start);
  }
};

}  // namespace

bool Token::is(std::string_view word) const { return kind == TokenKind::word && iequals(text, word); }

std::vector<Token> tokenize(std::string_view text, bool backslash_escapes) {
  return Lexer(text, backslash_escapes).run();
}

std::size_t matching_paren(const std::vector<Token>& tokens, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (tokens[i].is_punctuation('(')) ++depth;
    if (tokens[i].is_punctuation(')') && --depth == 0) return i;
  }
  return tokens.size();
}

}  // namespace flyguard::sql
