// ban-truncate: TRUNCATE deletes every row of a table, CASCADE also of the tables that reference it.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "TruncateStmt") return;
  std::vector<AstNode> relations = context.node().list_field("relations");
  bool cascade = context.node().string_field("behavior") == "DROP_CASCADE";
  const AstNode* existing = nullptr;
  for (const AstNode& relation : relations)
    if (!existing && !context.created_in_this_file(relation.body())) existing = &relation;
  // CASCADE reaches tables that reference these, which may be old ones even when these are new.
  if (!existing && !cascade) return;
  std::string label = existing ? table_label(existing->body()) : table_label(relations.front().body());
  reporter.report(context.statement_offset(),
                  cascade ? "TRUNCATE ... CASCADE deletes every row of " + label +
                                " and of every table that references it, however far the foreign keys reach"
                          : "TRUNCATE deletes every row of " + label +
                                " for good, under an ACCESS EXCLUSIVE lock",
                  "delete only the rows the migration means to remove, or archive the table before emptying it");
}

}  // namespace

FLYGUARD_RULE(ban_truncate) = {
    .id = "ban-truncate",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "TRUNCATE of an existing table",
    .rationale =
        "TRUNCATE throws away every row of a table at once, takes an ACCESS EXCLUSIVE lock, and is not "
        "undone by restoring the previous application version: in a migration it is usually a mistake or a "
        "leftover from development. With CASCADE it also empties every table that references the truncated "
        "one through a foreign key, and the tables that reference those, which is easy to underestimate. If "
        "data really has to go, DELETE the rows you mean with a WHERE clause, or archive the table first. "
        "Tables created earlier in the same migration are not flagged unless CASCADE reaches further.",
    .bad_example = "TRUNCATE orders CASCADE;",
    .good_example = "DELETE FROM orders WHERE created_at < '2020-01-01';",
    .fix = "Delete only the rows you mean to, or archive the table first",
    .check = check,
};
