// prefer-timestamptz: timestamp (without time zone) columns.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  for (const DeclaredType& declared : declared_column_types(context)) {
    const flyguard::sql::AstNode& type_name = declared.type_name;
    if (declared.builtin != "timestamp") continue;
    reporter.report(context.offset_of(type_name),
                    "timestamp without time zone stores a wall-clock reading with no time zone: the same value "
                    "means different instants to clients in different zones",
                    "use timestamptz (timestamp with time zone)");
  }
}

}  // namespace

FLYGUARD_RULE(prefer_timestamptz) = {
    .id = "prefer-timestamptz",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "timestamp (without time zone) column instead of timestamptz",
    .rationale =
        "timestamp without time zone records a date and a clock reading but not which time zone it was read "
        "in. Whatever the writer meant is lost: a server or client in another zone, a daylight-saving change, "
        "or comparing with now() all quietly shift the meaning by hours. timestamptz stores an absolute "
        "instant (as UTC) and converts to each session's TimeZone on the way out, at the same 8 bytes. "
        "Changing the type later rewrites the table, so choose timestamptz when the column is created.",
    .bad_example = "ALTER TABLE orders ADD COLUMN shipped_at timestamp;",
    .good_example = "ALTER TABLE orders ADD COLUMN shipped_at timestamptz;",
    .fix = "Use timestamptz",
    .check = check,
};
