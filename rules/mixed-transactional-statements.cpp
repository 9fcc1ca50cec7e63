// mixed-transactional-statements: a script Flyway refuses because it mixes statements that need a transaction
// with statements that cannot run in one.
#include <optional>
#include <vector>

#include "rules/engine.h"
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

std::string what_postgres(std::string_view kind) {
  if (kind == "IndexStmt") return "CREATE INDEX CONCURRENTLY";
  if (kind == "DropStmt") return "DROP INDEX CONCURRENTLY";
  if (kind == "VacuumStmt") return "VACUUM";
  if (kind == "ReindexStmt") return "REINDEX of a schema, database or system";
  if (kind == "CreatedbStmt") return "CREATE DATABASE";
  if (kind == "DropdbStmt") return "DROP DATABASE";
  if (kind == "AlterSystemStmt") return "ALTER SYSTEM";
  if (kind == "AlterEnumStmt") return "ALTER TYPE ... ADD VALUE (before PostgreSQL 12)";
  return "a statement that cannot run inside a transaction";
}

std::string what(const flyguard::sql::Statement& statement, const RuleContext& context) {
  if (context.dialect == flyguard::Dialect::redshift) {
    std::string refusal = redshift_transaction_block_refusal(statement);
    return refusal.empty() ? "a statement Flyway runs outside a transaction (ALTER TABLE ... ALTER COLUMN)" : refusal;
  }
  return what_postgres(statement.kind());
}

// Flyway reports the first statement whose kind differs from those before it; so does this rule.
struct Mixture {
  std::size_t at = static_cast<std::size_t>(-1);
  std::size_t example = 0;  // the first non-transactional statement
};

Mixture find_mixture(const RuleContext& context) {
  const std::vector<flyguard::sql::Statement>& statements = context.statements;
  bool transactional = false, non_transactional = false;
  std::optional<std::size_t> example;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (statements[i].nested_in != flyguard::sql::Statement().nested_in) continue;  // DO blocks run as one statement
    if (!statements[i].ast && statements[i].redshift_kind.empty()) continue;
    const bool non = is_non_transactional(statements[i], context.text, context.dialect, context.pg_version);
    if (non && !example) example = i;
    if (non ? transactional : non_transactional) return {i, *example};
    (non ? non_transactional : transactional) = true;
  }
  return {};
}

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.mixed) return;
  const Mixture& mixture = context.memo->get<Mixture>(
      "mixed-transactional-statements", [&] { return find_mixture(context); });
  if (mixture.at != context.index) return;
  reporter.report(context.statement_offset(),
                  "Flyway refuses this script: " + what(context.statements[mixture.example], context) +
                      " cannot run inside a transaction, and the other statements of the file need one "
                      "(mixed is false)",
                  "put the non-transactional statement in a migration of its own, or set flyway.mixed=true");
}

}  // namespace

FLYGUARD_RULE(mixed_transactional_statements) = {
    .id = "mixed-transactional-statements",
    .severity = flyguard::Severity::error,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "Statements that cannot run in a transaction mixed with ordinary ones in one script",
    .rationale =
        "Some statements cannot run inside a transaction: CREATE and DROP INDEX CONCURRENTLY, VACUUM, "
        "REINDEX of a schema or database, CREATE and DROP DATABASE, ALTER SYSTEM, and ALTER TYPE ... ADD "
        "VALUE before PostgreSQL 12. Flyway recognises them while reading the script, and when a script "
        "holds both such a statement and an ordinary one it stops the whole migration with \"Detected both "
        "transactional and non-transactional statements within the same migration (even though mixed is "
        "false)\". executeInTransaction=false in the .sql.conf does not lift that check; only mixed=true "
        "does, and then the whole script runs without a transaction, so a failure half way leaves it half "
        "applied. Give each non-transactional statement a migration of its own.",
    .bad_example = "ALTER TABLE users ADD COLUMN nickname text;\n"
                   "CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);",
    .good_example = "-- V8__index_users_nickname.sql, with nothing else in it\n"
                    "CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);",
    .fix = "Move the non-transactional statement into a migration of its own",
    .check = check,
};
