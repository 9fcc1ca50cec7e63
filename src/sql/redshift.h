#pragma once
// Reading Redshift SQL with the PostgreSQL 15 grammar (docs/redshift.md). Before a statement is parsed,
// Redshift-only clauses are overwritten with blanks so that every byte offset stays exact; what was
// blanked is kept as structured clauses for the Redshift rules. Statements PostgreSQL cannot read at all
// (or reads with another meaning) are recognised from their words instead.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace flyguard::sql {

// A Redshift clause removed before parsing. Offsets are relative to the statement text given to
// prepare_redshift (script.cpp makes them absolute).
struct RedshiftClause {
  std::string kind;                    // DISTSTYLE, DISTKEY, SORTKEY, ENCODE, IDENTITY, BACKUP, MAX_LENGTH, …
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string column;                  // for column-level clauses (ENCODE, DISTKEY, IDENTITY, MAX_LENGTH …)
  std::vector<std::string> arguments;  // the words after the keyword: {"KEY"}, sort key columns, {"zstd"} …
};

// Maps offsets in a rewritten statement back to the statement as written: from `from` on, add `delta`
// (entries accumulate).
struct OffsetShift {
  std::size_t from = 0;
  std::ptrdiff_t delta = 0;
};

struct PreparedRedshift {
  std::string kind;          // a Redshift statement recognised from its words ("CREATE EXTERNAL SCHEMA"); else ""
  bool parse = true;         // false: recognised only, there is nothing PostgreSQL could parse
  std::string text;          // what to parse: the statement with Redshift clauses blanked, or a rewrite
  std::vector<OffsetShift> shifts;  // empty when `text` has the statement's offsets
  std::vector<RedshiftClause> clauses;
};

// `statement` is one statement (from its first token to before its delimiter).
PreparedRedshift prepare_redshift(std::string_view statement);

// Recognises a Redshift statement that the PostgreSQL grammar rejected (QUALIFY, PIVOT …), from its words.
std::string classify_unparsed_redshift(std::string_view statement);

// PostgreSQL 15 demands an alias for a subquery in FROM; Redshift (and PostgreSQL 16) do not. Inserts
// " AS _sqN" after the subquery whose "(" is at or after `error_offset` in `text`, and records the shift.
// False when no subquery starts there.
bool insert_subquery_alias(std::string& text, std::size_t error_offset, int number, std::vector<OffsetShift>& shifts);

// Applies `shifts` to an offset in the rewritten text.
std::size_t unshift(const std::vector<OffsetShift>& shifts, std::size_t offset);

// Redshift lexes '…' with backslash escapes. libpg_query 15-4.0.0 has no option for this, but honours
// PostgreSQL's per-thread standard_conforming_strings variable; this guard turns it off while alive.
class RedshiftLexing {
 public:
  RedshiftLexing();
  ~RedshiftLexing();
  RedshiftLexing(const RedshiftLexing&) = delete;
  RedshiftLexing& operator=(const RedshiftLexing&) = delete;

 private:
  bool previous_;
};

}  // namespace flyguard::sql
