// adding-field-with-volatile-default: ADD COLUMN whose value must be computed row by row, rewriting the table.
#include <array>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

// Volatile functions commonly used as defaults: each row gets its own value, so the table is rewritten.
bool is_volatile_function(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kVolatile = {
      "random",          "clock_timestamp", "gen_random_uuid",    "uuid_generate_v1", "uuid_generate_v1mc",
      "uuid_generate_v4", "nextval",        "timeofday",          "random_normal"};
  for (std::string_view v : kVolatile)
    if (name == v) return true;
  return false;
}

std::string volatile_call(const AstNode& expr) {
  std::string found;
  expr.visit([&found](const AstNode& node) {
    if (found.empty() && node.type() == "FuncCall") {
      std::string_view name = last_name(node.body().list_field("funcname"));
      if (is_volatile_function(name)) found = std::string(name) + "()";
    }
  });
  return found;
}

bool is_null_constant(const AstNode& expr) {
  return expr.type() == "A_Const" && expr.body().bool_field("isnull");
}

bool is_serial(std::string_view type) {
  return type == "serial" || type == "bigserial" || type == "smallserial" || type == "serial2" ||
         type == "serial4" || type == "serial8";
}

// Why adding `column` rewrites the table, or "" when it does not.
std::string rewrite_reason(const RuleContext& context, const AstNode& column) {
  if (is_serial(builtin_type(column.field("typeName")))) return "a serial column takes nextval() for every row";
  for (const AstNode& constraint : column.list_field("constraints")) {
    std::string_view type = constraint.string_field("contype");
    if (type == "CONSTR_GENERATED") return "a GENERATED ... STORED column is computed for every row";
    if (type == "CONSTR_IDENTITY") return "an identity column takes a sequence value for every row";
    if (type != "CONSTR_DEFAULT") continue;
    AstNode expr = constraint.field("raw_expr");
    if (std::string call = volatile_call(expr); !call.empty())
      return "the volatile default " + call + " is evaluated for every row";
    if (context.pg_version && *context.pg_version < 11 && !is_null_constant(expr))
      return "before PostgreSQL 11 every non-null default is written into every row";
  }
  return {};
}

void check(const RuleContext& context, RuleReporter& reporter) {
  AstNode table = context.node().field("relation");
  for (const AstNode& cmd : existing_table_commands(context, "AT_AddColumn")) {
    AstNode column = cmd.field("def");
    std::string reason = rewrite_reason(context, column);
    if (reason.empty()) continue;
    reporter.report(context.offset_of(column),
                    "adding column " + std::string(column.string_field("colname")) + " rewrites " +
                        table_label(table) + " under an ACCESS EXCLUSIVE lock: " + reason,
                    "add the column without a default (or with a constant one), set the default afterwards, and "
                    "fill existing rows in batches");
  }
}

}  // namespace

FLYGUARD_RULE(adding_field_with_volatile_default) = {
    .id = "adding-field-with-volatile-default",
    .severity = flyguard::Severity::error,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "ADD COLUMN with a volatile default, a stored generated value or a sequence on an existing table",
    .rationale =
        "Since PostgreSQL 11 adding a column with a constant default (or a stable one such as now()) only "
        "records the value in the catalog. When every row needs its own value, though - a volatile default "
        "such as random(), clock_timestamp(), gen_random_uuid() or nextval(), a serial or identity column, "
        "or GENERATED ALWAYS AS (...) STORED - PostgreSQL rewrites the whole table and its indexes while "
        "holding an ACCESS EXCLUSIVE lock that blocks reads and writes. Before PostgreSQL 11 (pg_version "
        "below 11) any non-null default rewrites. Add the column without such a default, set the default "
        "with ALTER COLUMN ... SET DEFAULT (which affects new rows only), and backfill old rows in batches. "
        "Tables created earlier in the same migration are not flagged.",
    .bad_example = "ALTER TABLE orders ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();",
    .good_example = "ALTER TABLE orders ADD COLUMN token uuid;\n"
                    "ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();\n"
                    "-- then backfill in batches, and add NOT NULL through a validated CHECK",
    .fix = "Add the column without the default, SET DEFAULT separately and backfill in batches",
    .check = check,
};
