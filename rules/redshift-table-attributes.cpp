// redshift-table-attributes: DISTSTYLE, DISTKEY and SORTKEY combinations Redshift rejects (dg/r_CREATE_TABLE_NEW).
#include <set>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;
using flyguard::sql::RedshiftClause;

// The first problem with the table's distribution and sort attributes, or "".
std::string problem(const std::vector<RedshiftClause>& clauses, const std::set<std::string>& columns) {
  std::string style;
  int distkeys = 0;
  for (const RedshiftClause& c : clauses) {
    if (c.kind == "DISTSTYLE" && !c.arguments.empty()) style = ascii_lower(c.arguments.front());
    if (c.kind == "DISTKEY") ++distkeys;
  }
  if (distkeys > 1) return "a table has one DISTKEY at most";
  if (distkeys == 1 && !style.empty() && style != "key") return "DISTKEY needs DISTSTYLE KEY (or no DISTSTYLE), not " + style;
  for (const RedshiftClause& c : clauses) {
    const bool keyed = c.kind == "DISTKEY" || c.kind == "SORTKEY";
    if (!keyed || !c.column.empty()) continue;  // column-level keys name their own column
    std::size_t listed = 0;
    for (const std::string& argument : c.arguments) {
      const std::string name = ascii_lower(argument);
      if (name == "sortkey" || name == "auto") continue;
      ++listed;
      if (!columns.empty() && !columns.count(name)) return c.kind + " names " + argument + ", which is not a column of the table";
    }
    if (c.kind == "SORTKEY" && listed > 400) return "a compound SORTKEY has at most 400 columns";
  }
  return {};
}

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "CreateStmt" || context.statement.redshift_clauses.empty()) return;
  std::string why = problem(context.statement.redshift_clauses, column_names(context.node()));
  if (why.empty()) return;
  reporter.report(context.statement_offset(), "Redshift rejects this table: " + why,
                  "DISTSTYLE KEY with one DISTKEY column of the table, and SORTKEY columns that exist");
}

}  // namespace

FLYGUARD_RULE(redshift_table_attributes) = {
    .id = "redshift-table-attributes",
    .severity = flyguard::Severity::error,
    .dialects = kRedshift,
    .opt_in = false,
    .summary = "DISTSTYLE/DISTKEY/SORTKEY combinations Redshift rejects",
    .rationale =
        "Redshift's table attributes are not part of the PostgreSQL grammar, so nothing but the deployment would "
        "notice a mistake in them. A table has at most one distribution key, which only goes with DISTSTYLE "
        "KEY (or no DISTSTYLE); DISTKEY and SORTKEY must name columns of the table; a compound sort key has at "
        "most 400 columns (dg/r_CREATE_TABLE_NEW). flyguard reads these clauses in its Redshift pre-pass and "
        "checks them here.",
    .bad_example = "CREATE TABLE sales (id int, day date) DISTSTYLE EVEN DISTKEY (id);",
    .good_example = "CREATE TABLE sales (id int, day date) DISTSTYLE KEY DISTKEY (id) SORTKEY (day);",
    .fix = "Use DISTSTYLE KEY with a single DISTKEY, and keys that name columns of the table",
    .check = check,
};
