// disallowed-unique-constraint: UNIQUE / PRIMARY KEY added to an existing table without USING INDEX.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

bool builds_unique_index(const AstNode& constraint) {
  std::string_view type = constraint.string_field("contype");
  return (type == "CONSTR_UNIQUE" || type == "CONSTR_PRIMARY") && constraint.string_field("indexname").empty();
}

std::string kind_of(const AstNode& constraint) {
  return constraint.string_field("contype") == "CONSTR_PRIMARY" ? "PRIMARY KEY" : "UNIQUE";
}

void report(const RuleContext& context, RuleReporter& reporter, const AstNode& constraint, const std::string& table) {
  reporter.report(context.offset_of(constraint),
                  "adding a " + kind_of(constraint) + " constraint to " + table +
                      " builds its index under an ACCESS EXCLUSIVE lock that blocks reads and writes",
                  "build the index first with CREATE UNIQUE INDEX CONCURRENTLY in a migration of its own, then "
                  "ALTER TABLE ... ADD CONSTRAINT ... " + kind_of(constraint) + " USING INDEX");
}

void check(const RuleContext& context, RuleReporter& reporter) {
  AstNode table = context.node().field("relation");
  for (const AstNode& cmd : existing_table_commands(context, "")) {
    std::string_view subtype = cmd.string_field("subtype");
    if (subtype == "AT_AddConstraint" && builds_unique_index(cmd.field("def"))) {
      report(context, reporter, cmd.field("def"), table_label(table));
    } else if (subtype == "AT_AddColumn") {
      for (const AstNode& constraint : cmd.field("def").list_field("constraints"))
        if (builds_unique_index(constraint)) report(context, reporter, constraint, table_label(table));
    }
  }
}

}  // namespace

FLYGUARD_RULE(disallowed_unique_constraint) = {
    .id = "disallowed-unique-constraint",
    .severity = flyguard::Severity::error,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "ADD UNIQUE or PRIMARY KEY constraint on an existing table without USING INDEX",
    .rationale =
        "A UNIQUE or PRIMARY KEY constraint is backed by a unique index, and ALTER TABLE builds that index "
        "while holding an ACCESS EXCLUSIVE lock: every query on the table, reads included, waits until the "
        "whole table has been read and sorted. The same happens for ADD COLUMN ... UNIQUE or PRIMARY KEY. "
        "Build the index beforehand with CREATE UNIQUE INDEX CONCURRENTLY (in a migration of its own, since "
        "it cannot run in a transaction), then attach it with ADD CONSTRAINT ... USING INDEX, which only "
        "takes the lock for a moment. NOT VALID is no way out: PostgreSQL rejects it for these constraints. "
        "Tables created earlier in the same migration are not flagged.",
    .bad_example = "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
    .good_example = "-- V7__index_users_email.sql, with nothing else in it\n"
                    "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n"
                    "-- V8__unique_users_email.sql\n"
                    "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;",
    .fix = "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... USING INDEX in a later migration",
    .check = check,
};
