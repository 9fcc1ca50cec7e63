// prefer-identity: serial columns instead of GENERATED ... AS IDENTITY.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

std::string_view identity_for(std::string_view type) {
  if (type == "serial" || type == "serial4") return "integer";
  if (type == "bigserial" || type == "serial8") return "bigint";
  if (type == "smallserial" || type == "serial2") return "smallint";
  return {};
}

void check(const RuleContext& context, RuleReporter& reporter) {
  for (const DeclaredType& declared : declared_column_types(context)) {
    const flyguard::sql::AstNode& type_name = declared.type_name;
    std::string_view type = declared.builtin;
    std::string_view base = identity_for(type);
    if (base.empty()) continue;
    reporter.report(context.offset_of(type_name),
                    std::string(type) + " creates a separate sequence that the column only borrows: its "
                        "ownership, permissions and copies of the table do not follow the column",
                    "use " + std::string(base == "bigint" ? "bigint" : "bigint (or " + std::string(base) + ")") +
                        " GENERATED ALWAYS AS IDENTITY");
  }
}

}  // namespace

FLYGUARD_RULE(prefer_identity) = {
    .id = "prefer-identity",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "serial, bigserial or smallserial column instead of an identity column",
    .rationale =
        "serial is not a type but a shorthand: it creates a sequence, sets the column's default to nextval() "
        "and marks the sequence as owned by the column. The sequence stays a separate object, so "
        "permissions must be granted on it too, CREATE TABLE ... LIKE copies the default that still points "
        "at the old table's sequence, and nothing stops a writer from inserting its own ids that later "
        "collide with the sequence. GENERATED ALWAYS AS IDENTITY (standard SQL, PostgreSQL 10 and later) "
        "ties the sequence to the column, follows it through ownership and copies, and rejects explicit "
        "values unless OVERRIDING SYSTEM VALUE is asked for. Redshift has no identity of this kind and is "
        "not checked.",
    .bad_example = "CREATE TABLE events (id bigserial PRIMARY KEY);",
    .good_example = "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
    .fix = "Use bigint GENERATED ALWAYS AS IDENTITY",
    .check = check,
};
