// redshift-constraint-not-enforced: PRIMARY KEY, UNIQUE and FOREIGN KEY are informational in Redshift.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

void check(const RuleContext& context, RuleReporter& reporter) {
  const std::string_view kind = context.statement.kind();
  if (kind != "CreateStmt" && kind != "AlterTableStmt") return;
  bool reported = false;
  context.node().visit([&](const AstNode& node) {
    if (reported || node.type() != "Constraint") return;
    const std::string_view type = node.body().string_field("contype");
    std::string_view what = type == "CONSTR_PRIMARY" ? "PRIMARY KEY"
                            : type == "CONSTR_UNIQUE" ? "UNIQUE"
                            : type == "CONSTR_FOREIGN" ? "FOREIGN KEY" : "";
    if (what.empty()) return;
    reported = true;  // one finding per statement: the advice is the same for every key
    reporter.report(context.offset_of(node),
                    std::string(what) + " is not enforced by Redshift: duplicate or dangling rows load without an "
                                        "error, and the planner trusts the constraint, so queries can return wrong results",
                    "keep the constraint only if the loading job guarantees it (deduplicate, check references before "
                    "loading)");
  });
}

}  // namespace

FLYGUARD_RULE(redshift_constraint_not_enforced) = {
    .id = "redshift-constraint-not-enforced",
    .severity = flyguard::Severity::warning,
    .dialects = kRedshift,
    .opt_in = false,
    .summary = "PRIMARY KEY, UNIQUE or FOREIGN KEY, which Redshift accepts but does not enforce",
    .rationale =
        "Redshift accepts primary key, unique and foreign key constraints but treats them as information for "
        "the query planner only (dg/t_Defining_constraints): nothing stops duplicate keys or rows pointing "
        "nowhere from being loaded. The planner still relies on them, for example to drop a DISTINCT or a "
        "join, so a constraint the data does not honour makes queries return wrong results. Declaring one is "
        "a promise the loading code has to keep.",
    .bad_example = "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(256) UNIQUE);",
    .good_example = "-- ids are deduplicated by the loading job before COPY\n"
                    "CREATE TABLE users (id bigint, email varchar(256)) DISTKEY (id);",
    .fix = "Declare keys only where the loading job guarantees them",
    .check = check,
};
