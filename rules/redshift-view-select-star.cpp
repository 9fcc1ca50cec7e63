// redshift-view-select-star (opt-in): SELECT * in a view bound to its tables.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "ViewStmt") return;
  for (const auto& clause : context.statement.redshift_clauses)
    if (clause.kind == "NO_SCHEMA_BINDING") return;  // late binding: the column list is resolved at query time
  bool star = false;
  context.node().field("query").visit([&](const AstNode& node) { star = star || node.type() == "A_Star"; });
  if (!star) return;
  reporter.report(context.statement_offset(),
                  "SELECT * in a view bound to its tables: the view keeps the column list of the day it was "
                  "created, and the tables cannot be dropped or rebuilt without dropping the view first",
                  "list the columns, or create the view WITH NO SCHEMA BINDING");
}

}  // namespace

FLYGUARD_RULE(redshift_view_select_star) = {
    .id = "redshift-view-select-star",
    .severity = flyguard::Severity::warning,
    .dialects = kRedshift,
    .opt_in = true,
    .summary = "SELECT * in a view with schema binding",
    .rationale =
        "A regular Redshift view is bound to the tables it reads (dg/r_CREATE_VIEW): SELECT * is expanded once, "
        "so columns added later do not appear, and the usual deep-copy pattern for changing a Redshift table "
        "(create a new table, copy, drop the old one, rename) fails while the view depends on it. Listing the "
        "columns makes the view's contract explicit; WITH NO SCHEMA BINDING defers the binding to query time.",
    .bad_example = "CREATE VIEW active_users AS SELECT * FROM users WHERE active;",
    .good_example = "CREATE VIEW active_users AS SELECT id, email FROM users WHERE active;",
    .fix = "List the view's columns, or use WITH NO SCHEMA BINDING",
    .check = check,
};
