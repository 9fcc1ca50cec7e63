// prefer-bigint-over-int: integer / smallint / serial columns.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

// Spelled as written and as the parser normalises it (integer -> int4, smallserial -> smallserial).
std::string_view wider_type(std::string_view type) {
  if (type == "int4" || type == "int" || type == "integer" || type == "int2" || type == "smallint") return "bigint";
  if (type == "serial" || type == "serial4" || type == "smallserial" || type == "serial2")
    return "bigint GENERATED ALWAYS AS IDENTITY (or bigserial)";
  return {};
}

std::string_view shown(std::string_view type) {
  if (type == "int4") return "integer";
  if (type == "int2") return "smallint";
  return type;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  for (const DeclaredType& declared : declared_column_types(context)) {
    const flyguard::sql::AstNode& type_name = declared.type_name;
    // An array of small numbers is a value, not a counter that grows; leave it alone.
    if (type_name.field("arrayBounds")) continue;
    std::string_view type = declared.builtin;
    std::string_view better = wider_type(type);
    if (better.empty()) continue;
    reporter.report(context.offset_of(type_name),
                    std::string(shown(type)) + " columns overflow at " +
                        (type == "int2" || type == "smallint" || type == "smallserial" || type == "serial2"
                             ? "32767"
                             : "2147483647") +
                        "; widening one later rewrites the table under an exclusive lock",
                    "use " + std::string(better));
  }
}

}  // namespace

FLYGUARD_RULE(prefer_bigint_over_int) = {
    .id = "prefer-bigint-over-int",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "integer, smallint or serial column instead of bigint",
    .rationale =
        "A 4-byte integer tops out at about 2.1 billion and a smallint at 32767. Ids, counters and foreign "
        "keys that reference them reach those limits sooner than anyone expects, and the fix is then an "
        "emergency: ALTER COLUMN ... TYPE bigint rewrites the whole table (and every index on the column) "
        "while holding an ACCESS EXCLUSIVE lock. bigint costs four more bytes per value, which alignment "
        "padding often absorbs anyway. Choose bigint (or bigint GENERATED ALWAYS AS IDENTITY instead of "
        "serial) from the start.",
    .bad_example = "CREATE TABLE events (id serial PRIMARY KEY, account_id integer NOT NULL);",
    .good_example = "CREATE TABLE events (\n"
                    "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                    "    account_id bigint NOT NULL\n"
                    ");",
    .fix = "Use bigint, and bigint GENERATED ALWAYS AS IDENTITY instead of serial",
    .check = check,
};
