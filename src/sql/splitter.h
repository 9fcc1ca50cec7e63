#pragma once
// Splits a SQL script into statements the way Flyway's PostgreSQL/Redshift parser does, because the
// statements Flyway sends to the server are the ones that must parse.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sql/dialect.h"

namespace flyguard::sql {

struct StatementSpan {
  std::size_t begin = 0;       // first non-blank byte (leading comments included, as Flyway does)
  std::size_t code_begin = 0;  // first byte of the first token that is not a comment
  std::size_t end = 0;         // one past the last byte before the delimiter, trailing blanks trimmed
  bool terminated = false;     // ended by ';' (false: by end of file)
  std::string unterminated;    // non-empty when the file ends inside a construct: what was left open
  std::size_t open_offset = 0; // where that construct started
};

// A `--` comment: [begin, end) from the dashes to the end of its line.
struct LineComment {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Statements holding only comments or blanks are dropped. `COPY … FROM STDIN` data (PostgreSQL) is
// skipped up to its `\.` line. `line_comments`, when given, receives every `--` comment outside
// strings, in order (inline suppressions live in them).
std::vector<StatementSpan> split_statements(std::string_view script, Dialect dialect,
                                            std::vector<LineComment>* line_comments = nullptr);

}  // namespace flyguard::sql
