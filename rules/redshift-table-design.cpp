// redshift-table-design (opt-in): tables left to Redshift's defaults for distribution and sorting, or with
// VARCHAR(MAX) for most character columns.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::RedshiftClause;

bool has_clause(const std::vector<RedshiftClause>& clauses, std::string_view kind) {
  for (const RedshiftClause& c : clauses)
    if (c.kind == kind) return true;
  return false;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "CreateStmt" || context.statement.redshift_kind == "CREATE EXTERNAL TABLE") return;
  if (context.node().field("relation").string_field("relpersistence") == "t") return;  // temporary tables
  const auto& clauses = context.statement.redshift_clauses;
  std::string missing;
  if (!has_clause(clauses, "DISTSTYLE") && !has_clause(clauses, "DISTKEY")) missing = "a distribution style";
  if (!has_clause(clauses, "SORTKEY")) missing += std::string(missing.empty() ? "" : " and ") + "a sort key";
  if (!missing.empty())
    reporter.report(context.statement_offset(),
                    "the table has no " + missing + ": Redshift picks them automatically, which may not fit the "
                    "joins and filters it will serve",
                    "state DISTSTYLE (KEY with the join column, ALL for small dimensions, or AUTO on purpose) and "
                    "SORTKEY (the column queries filter on, or AUTO)");
  std::size_t character = 0, max = 0;
  for (const DeclaredType& declared : declared_column_types(context)) {
    const std::string_view name = declared.builtin;
    if (name == "varchar" || name == "bpchar" || name == "text") ++character;
  }
  for (const RedshiftClause& c : clauses) max += c.kind == "MAX_LENGTH" ? 1 : 0;
  if (max >= 3 && max * 2 > character)  // most of the character columns
    reporter.report(context.statement_offset(),
                    std::to_string(max) + " VARCHAR(MAX) columns: Redshift sizes query memory by declared widths, so "
                                          "wide columns make every query on the table slower",
                    "declare the length the data needs");
}

}  // namespace

FLYGUARD_RULE(redshift_table_design) = {
    .id = "redshift-table-design",
    .severity = flyguard::Severity::warning,
    .dialects = kRedshift,
    .opt_in = true,
    .summary = "Tables without an explicit DISTSTYLE/SORTKEY, or with VARCHAR(MAX) for most character columns",
    .rationale =
        "Distribution and sort keys decide how Redshift spreads and orders a table, and with them how joins "
        "shuffle data and how much a query scans (dg/c_designing-tables-best-practices). Left out, Redshift "
        "chooses automatically; teams that design their tables state them, even if only as AUTO. Declared "
        "column widths size the memory of query steps, so VARCHAR(MAX) (65,535 bytes) for ordinary text costs "
        "on every query. Opt-in: these are design choices, not errors.",
    .bad_example = "CREATE TABLE page_views (user_id bigint, url varchar(max), referrer varchar(max), agent varchar(max));",
    .good_example = "CREATE TABLE page_views (user_id bigint, url varchar(2048), viewed_at timestamptz)\n"
                    "DISTSTYLE KEY DISTKEY (user_id) SORTKEY (viewed_at);",
    .fix = "State DISTSTYLE and SORTKEY, and give character columns the width the data needs",
    .check = check,
};
