#include "sql/splitter.h"

#include <algorithm>

#include "sql/characters.h"

namespace flyguard::sql {

namespace {

class Splitter {
 public:
  Splitter(std::string_view text, Dialect dialect, std::vector<LineComment>* comments)
      : text_(text), dialect_(dialect), comments_(comments) {}

  std::vector<StatementSpan> run() {
    while (pos_ < text_.size()) step();
    finish_statement(false);
    return std::move(statements_);
  }

 private:
  std::string_view text_;
  Dialect dialect_;
  std::vector<LineComment>* comments_;
  std::size_t pos_ = 0;
  std::vector<StatementSpan> statements_;
  StatementSpan current_{};
  bool has_code_ = false;
  bool has_any_ = false;
  std::size_t last_code_end_ = 0;
  int paren_depth_ = 0;
  int block_depth_ = 0;
  // Leading keywords of the current statement (BEGIN ATOMIC, COPY … STDIN), pointing into text_.
  std::vector<std::string_view> words_;
  std::string_view previous_word_;

  char at(std::size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  void open(const char* what, std::size_t where) {
    current_.unterminated = what;
    current_.open_offset = where;
  }

  void mark_token(std::size_t begin, std::size_t end, bool is_comment) {
    if (!has_any_) {
      current_.begin = begin;
      has_any_ = true;
    }
    if (!is_comment) {
      if (!has_code_) current_.code_begin = begin;
      has_code_ = true;
      last_code_end_ = end;
    }
  }

  void step() {
    char c = text_[pos_];
    if (is_blank(c)) { ++pos_; return; }
    if (c == '-' && at(pos_ + 1) == '-') return line_comment();
    if (c == '/' && at(pos_ + 1) == '*') return block_comment();
    if (c == ';' && paren_depth_ == 0 && block_depth_ == 0) {
      ++pos_;
      finish_statement(true);
      return;
    }
    std::size_t start = pos_;
    if (c == '\'') return quoted(start, pos_ + 1, '\'', false);
    if (c == '"') return quoted(start, pos_ + 1, '"', false);
    if ((c == 'E' || c == 'B' || c == 'X') && at(pos_ + 1) == '\'') return quoted(start, pos_ + 2, '\'', true);
    if (c == 'U' && at(pos_ + 1) == '&' && (at(pos_ + 2) == '\'' || at(pos_ + 2) == '"'))
      return quoted(start, pos_ + 3, at(pos_ + 2), false);
    if (c == '$' && dollar_quote()) return;
    if (is_word_start(c)) return word();
    if (c == '(') ++paren_depth_;
    if (c == ')' && paren_depth_ > 0) --paren_depth_;
    ++pos_;
    mark_token(start, pos_, false);
  }

  void line_comment() {
    std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
    mark_token(start, pos_, true);
    if (comments_) comments_->push_back({start, pos_});
  }

  void block_comment() {
    std::size_t start = pos_;
    int depth = 0;
    while (pos_ < text_.size()) {
      if (text_[pos_] == '/' && at(pos_ + 1) == '*') { ++depth; pos_ += 2; continue; }
      if (text_[pos_] == '*' && at(pos_ + 1) == '/') {
        pos_ += 2;
        if (--depth == 0) break;
        continue;
      }
      ++pos_;
    }
    if (depth > 0) open("block comment", start);
    mark_token(start, pos_, true);
  }

  void quoted(std::size_t start, std::size_t body, char quote, bool backslash_escapes) {
    pos_ = body;
    bool closed = false;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (backslash_escapes && c == '\\') { pos_ += 2; continue; }
      ++pos_;
      if (c == quote) {
        if (at(pos_) == quote) { ++pos_; continue; }
        closed = true;
        break;
      }
    }
    pos_ = std::min(pos_, text_.size());
    if (!closed) open(quote == '"' ? "quoted identifier" : "string literal", start);
    mark_token(start, pos_, false);
  }

  // `$tag$ … $tag$`; `$1` (a parameter) and `$` inside identifiers are not quotes.
  bool dollar_quote() {
    std::size_t start = pos_;
    std::size_t tag_end = pos_ + 1;
    if (tag_end < text_.size() && text_[tag_end] != '$') {
      if (!is_word_start(text_[tag_end])) return false;
      while (tag_end < text_.size() && is_word_char(text_[tag_end]) && text_[tag_end] != '$') ++tag_end;
      if (at(tag_end) != '$') return false;
    }
    std::string_view tag = text_.substr(start, tag_end + 1 - start);
    std::size_t close = text_.find(tag, tag_end + 1);
    if (close == std::string_view::npos) {
      open("dollar-quoted string", start);
      pos_ = text_.size();
    } else {
      pos_ = close + tag.size();
    }
    mark_token(start, pos_, false);
    return true;
  }

  void word() {
    std::size_t start = pos_;
    while (pos_ < text_.size() && is_word_char(text_[pos_])) ++pos_;
    mark_token(start, pos_, false);
    std::string_view w = text_.substr(start, pos_ - start);
    if (words_.size() < 16) words_.push_back(w);
    track_blocks(w);
    previous_word_ = w;
  }

  // PostgreSQL 14+ SQL-standard function bodies: BEGIN ATOMIC … END (with CASE … END inside).
  void track_blocks(std::string_view w) {
    if (dialect_ != Dialect::postgres) return;
    if (iequals(w, "ATOMIC") && iequals(previous_word_, "BEGIN")) {
      ++block_depth_;
    } else if (block_depth_ > 0 && iequals(w, "CASE")) {
      ++block_depth_;
    } else if (block_depth_ > 0 && iequals(w, "END")) {
      --block_depth_;
    }
  }

  bool is_copy_from_stdin() const {
    if (dialect_ != Dialect::postgres || words_.empty() || !iequals(words_.front(), "COPY")) return false;
    for (std::size_t i = 1; i + 1 < words_.size(); ++i)
      if (iequals(words_[i], "FROM") && iequals(words_[i + 1], "STDIN")) return true;
    return false;
  }

  // Data lines after COPY … FROM STDIN run to a line that is `\.`.
  void skip_copy_data() {
    while (pos_ < text_.size()) {
      std::size_t eol = text_.find('\n', pos_);
      std::size_t line_end = eol == std::string_view::npos ? text_.size() : eol;
      std::string_view line = text_.substr(pos_, line_end - pos_);
      while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
      while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
      pos_ = eol == std::string_view::npos ? text_.size() : eol + 1;
      if (line == "\\.") return;
    }
  }

  void finish_statement(bool terminated) {
    if (has_code_) {
      current_.end = last_code_end_;
      current_.terminated = terminated;
      if (paren_depth_ > 0 && current_.unterminated.empty()) open("parenthesis", current_.code_begin);
      if (block_depth_ > 0 && current_.unterminated.empty()) open("BEGIN ATOMIC block", current_.code_begin);
      bool copy = terminated && is_copy_from_stdin();
      statements_.push_back(current_);
      if (copy) skip_copy_data();
    }
    current_ = StatementSpan{};
    has_code_ = has_any_ = false;
    paren_depth_ = block_depth_ = 0;
    words_.clear();
    previous_word_ = {};
  }
};

}  // namespace

std::vector<StatementSpan> split_statements(std::string_view script, Dialect dialect,
                                            std::vector<LineComment>* line_comments) {
  return Splitter(script, dialect, line_comments).run();
}

}  // namespace flyguard::sql
