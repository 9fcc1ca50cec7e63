// enum-value-ordering: ALTER TYPE ... ADD VALUE ... BEFORE | AFTER puts a new label among the existing ones.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "AlterEnumStmt") return;
  flyguard::sql::AstNode alter = context.node();
  // RENAME VALUE sets oldVal; a plain ADD VALUE appends, which keeps every existing comparison as it was.
  if (!alter.string_field("oldVal").empty() || alter.string_field("newValNeighbor").empty()) return;
  std::string where = alter.bool_field("newValIsAfter") ? "after" : "before";
  reporter.report(context.statement_offset(),
                  "adding '" + std::string(alter.string_field("newVal")) + "' " + where + " '" +
                      std::string(alter.string_field("newValNeighbor")) + "' places it among the existing values of " +
                      std::string(last_name(alter.list_field("typeName"))) +
                      ": range comparisons (<, >, BETWEEN), min/max and ORDER BY on the type now include it there",
                  "check every query that compares or sorts this type; add the value at the end when its position "
                  "does not matter");
}

}  // namespace

FLYGUARD_RULE(enum_value_ordering) = {
    .id = "enum-value-ordering",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "ALTER TYPE ... ADD VALUE ... BEFORE or AFTER places a new enum value among the existing ones",
    .rationale =
        "Enum values sort in the order they were declared, not alphabetically, and code often relies on that "
        "order: status < 'shipped' for \"not yet shipped\", BETWEEN for a stage of a workflow, max(status) for "
        "the furthest stage, ORDER BY status in a report. Existing values keep their order relative to each "
        "other, but a value inserted BEFORE or AFTER one of them falls inside those ranges, so queries written "
        "against the old list silently start matching it (and code of the previous release that still runs "
        "during the deployment does not know it). The stored rows are not rewritten; PostgreSQL gives the new "
        "value a fractional sort position, renumbering the type's positions when none is left, and values "
        "whose OIDs are out of sort order are compared through a slower lookup. Appending (ADD VALUE without "
        "BEFORE or AFTER) changes none of that. Unrelated to the order, and reported elsewhere: before "
        "PostgreSQL 12 ADD VALUE cannot run inside a transaction (mixed-transactional-statements), and from 12 "
        "on a value added in a transaction cannot be used until that transaction commits (\"unsafe use of new "
        "value\"), so use it in a later migration.",
    .bad_example = "ALTER TYPE order_status ADD VALUE 'packed' BEFORE 'shipped';",
    .good_example = "-- the order matters: check the queries that compare or sort order_status, then\n"
                    "ALTER TYPE order_status ADD VALUE 'packed' BEFORE 'shipped'; "
                    "-- flyguard:ignore enum-value-ordering -- no range queries on order_status\n"
                    "-- the order does not matter:\nALTER TYPE order_status ADD VALUE 'archived';",
    .fix = "Append the value unless its position matters, and then review the queries that compare or sort the type",
    .check = check,
};
