#pragma once
// A SQL script split into Flyway's statements, each parsed with the PostgreSQL 15 grammar.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sql/ast.h"
#include "sql/dialect.h"
#include "sql/redshift.h"
#include "sql/splitter.h"

namespace flyguard::sql {

struct Statement {
  StatementSpan span;        // byte offsets in the analysed text
  AstNode ast;               // the statement node (e.g. {"CreateStmt": …}); invalid when it did not parse
  std::size_t ast_base = 0;  // add to a node's location() (after `shifts`) to get an offset in the analysed text
  std::vector<OffsetShift> shifts;  // when the parsed text was a rewrite of the statement (Redshift)
  // Redshift: a statement recognised from its words (see redshift.h), with or without an AST.
  std::string redshift_kind;
  std::vector<RedshiftClause> redshift_clauses;  // blanked before parsing; offsets in the analysed text
  // For a statement run by a DO block: the index of that DO statement in ParsedScript::statements.
  std::size_t nested_in = static_cast<std::size_t>(-1);

  std::string_view kind() const { return kind_; }
  // The statement node's inside, e.g. the object of {"IndexStmt": {...}}; rules read it for every check.
  const AstNode& body() const { return body_; }
  void set_ast(AstNode node) {
    ast = node;
    kind_ = node.type();
    body_ = node.body();
  }
  // The offset in the analysed text of a node location.
  std::size_t text_offset(std::int64_t location) const {
    return ast_base + unshift(shifts, location < 0 ? 0 : static_cast<std::size_t>(location));
  }
 private:
  std::string_view kind_;  // ast.type() and ast.body(), worked out once
  AstNode body_;
};

enum class FailureKind {
  syntax,         // the PG 15 grammar rejects it
  newer_syntax,   // syntax from a PostgreSQL release newer than the PG 15 grammar
  psql_meta,      // a psql backslash command, which is not SQL
  unterminated,   // the file ends inside a string, comment, parenthesis or block
  too_complex,    // nesting deeper than the parser or the tree reader allows
};

struct ParseFailure {
  FailureKind kind = FailureKind::syntax;
  std::size_t statement = 0;  // index into statements
  std::size_t offset = 0;     // byte offset in the analysed text
  std::string message;
  std::string hint;
  int needs_pg_version = 0;   // for newer_syntax: the first PostgreSQL major version that accepts it
};

class ParsedScript {
 public:
  std::vector<Statement> statements;
  std::vector<ParseFailure> failures;
  // Statements that DO blocks run (sql/plpgsql.h), in source order; their spans point into the bodies.
  std::vector<Statement> nested;

  // Top-level statements with each DO block's statements right after it: the order they run in.
  std::vector<Statement> in_execution_order() const;

  // Owned parse trees; statements point into them. A tree's memory goes back to the thread's pool for the
  // next script's parse: allocating it afresh for every file costs page faults.
  struct RecycleDocument {
    void operator()(simdjson::dom::document* document) const noexcept;
  };
  std::vector<std::unique_ptr<simdjson::dom::document, RecycleDocument>> documents;
};

// `text` must not contain NUL bytes. Failures never stop the remaining statements from being parsed.
ParsedScript parse_script(std::string_view text, Dialect dialect);

// How many statements were read: into an AST, or (Redshift) recognised from their words only.
struct ReadCoverage {
  std::size_t statements = 0;
  std::size_t parsed = 0;
  std::size_t recognised = 0;
  std::size_t read() const { return parsed + recognised; }
};
ReadCoverage read_coverage(const ParsedScript& script);

// Recognises syntax newer than PostgreSQL 15 in a statement the PG 15 grammar rejected.
struct NewerSyntax {
  int pg_version = 0;
  std::string feature;
};
std::optional<NewerSyntax> detect_newer_syntax(std::string_view statement);

}  // namespace flyguard::sql
