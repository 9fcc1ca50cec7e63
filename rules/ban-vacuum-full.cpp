// ban-vacuum-full: VACUUM FULL and CLUSTER rewrite a table under an ACCESS EXCLUSIVE lock.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

bool has_full_option(const AstNode& vacuum) {
  for (const AstNode& option : vacuum.list_field("options")) {
    AstNode def = option.body();
    if (def.string_field("defname") != "full") continue;
    // VACUUM (FULL false) turns it off; a bare FULL or FULL true turns it on.
    AstNode arg = def.field("arg");
    if (!arg) return true;
    if (arg.type() == "Integer") return arg.int_field("ival") != 0;
    std::string_view value = arg.string_field("sval");
    return !(value == "false" || value == "off");
  }
  return false;
}

// The tables the statement rewrites; empty when it rewrites every table it may (no list given).
std::vector<AstNode> targets(const RuleContext& context) {
  std::vector<AstNode> tables;
  if (context.statement.kind() == "ClusterStmt") {
    if (AstNode relation = context.node().field("relation")) tables.push_back(relation);
  } else {
    for (const AstNode& rel : context.node().list_field("rels")) tables.push_back(rel.body().field("relation"));
  }
  return tables;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  std::string_view kind = context.statement.kind();
  bool vacuum_full = kind == "VacuumStmt" && context.node().bool_field("is_vacuumcmd") && has_full_option(context.node());
  if (!vacuum_full && kind != "ClusterStmt") return;
  std::vector<AstNode> tables = targets(context);
  std::string label = tables.empty() ? std::string("every table") : table_label(tables.front());
  bool all_new = !tables.empty();
  for (const AstNode& table : tables) all_new = all_new && context.created_in_this_file(table);
  if (all_new) return;  // nothing reads a table this migration created
  reporter.report(context.statement_offset(),
                  std::string(vacuum_full ? "VACUUM FULL" : "CLUSTER") + " rewrites " + label +
                      " under an ACCESS EXCLUSIVE lock that blocks reads and writes until it ends",
                  "use plain VACUUM, or pg_repack / pg_squeeze to compact or reorder the table online, outside "
                  "migrations");
}

}  // namespace

FLYGUARD_RULE(ban_vacuum_full) = {
    .id = "ban-vacuum-full",
    .severity = flyguard::Severity::error,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "VACUUM FULL or CLUSTER in a migration",
    .rationale =
        "VACUUM FULL and CLUSTER write a new copy of the table (and rebuild its indexes) while holding an "
        "ACCESS EXCLUSIVE lock, so every read and write waits until the copy is done; on a large table that "
        "is a long outage, and the copy also needs as much free disk space as the table itself. Neither "
        "belongs in a schema migration: reclaim space with plain VACUUM (which takes no blocking lock), or "
        "use an online tool such as pg_repack or pg_squeeze run by an operator. VACUUM also cannot run inside "
        "a transaction. Redshift's VACUUM FULL is its ordinary vacuum and is not flagged there.",
    .bad_example = "VACUUM FULL orders;",
    .good_example = "VACUUM (ANALYZE) orders;",
    .fix = "Use plain VACUUM, or pg_repack outside migrations",
    .check = check,
};
