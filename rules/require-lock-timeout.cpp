// require-lock-timeout: the first lock-taking statement of a file that never set lock_timeout before it.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;
using flyguard::sql::Statement;

bool only_validates(const AstNode& alter) {
  for (const AstNode& cmd : alter.list_field("cmds"))
    if (cmd.body().string_field("subtype") != "AT_ValidateConstraint") return false;
  return true;
}

// The table a statement locks strongly when it names one this file did not create; "" when it takes no such lock.
std::string locked_table(const Statement& statement, const std::vector<TableName>& created_before,
                         const RuleContext& context) {
  std::string_view kind = statement.kind();
  AstNode body = statement.ast.body();
  auto existing = [&](const AstNode& range_var) -> std::string {
    for (const TableName& table : created_before)
      if (table.name == range_var.string_field("relname")) return {};
    return table_label(range_var);
  };
  if (kind == "AlterTableStmt" && body.string_field("objtype") == "OBJECT_TABLE" && !only_validates(body))
    return existing(body.field("relation"));
  if (kind == "IndexStmt" && !body.bool_field("concurrent")) return existing(body.field("relation"));
  if (kind == "RenameStmt" && !body.field("relation").string_field("relname").empty() &&
      body.string_field("relationType") != "OBJECT_VIEW")
    return existing(body.field("relation"));
  if (kind == "CreateTrigStmt") return existing(body.field("relation"));
  if (kind == "TruncateStmt" && !body.list_field("relations").empty())
    return existing(body.list_field("relations").front().body());
  std::string_view drop = body.string_field("removeType");
  if (kind == "DropStmt" && !body.bool_field("concurrent") && (drop == "OBJECT_TABLE" || drop == "OBJECT_INDEX")) {
    std::vector<AstNode> objects = body.list_field("objects");
    if (objects.empty()) return {};
    std::vector<AstNode> names = objects.front().list_field("items");
    std::string name(last_name(names));
    return context.created_in_this_file(qualifier(names), name) ? std::string() : name;
  }
  return {};
}

bool sets_lock_timeout(const Statement& statement) {
  if (statement.kind() != "VariableSetStmt") return false;
  AstNode set = statement.ast.body();
  if (set.string_field("name") != "lock_timeout" || set.string_field("kind") != "VAR_SET_VALUE") return false;
  std::vector<AstNode> args = set.list_field("args");
  if (args.empty()) return false;
  AstNode value = args.front();
  std::string_view text = value.field("sval").string_field("sval");
  bool zero = (value.field("ival") && value.field("ival").int_field("ival", 0) == 0) || text == "0";
  return !zero;  // 0 turns the timeout off
}

void check(const RuleContext& context, RuleReporter& reporter) {
  std::vector<TableName> created;  // tables created before each statement, rebuilt here for earlier statements
  for (std::size_t i = 0; i <= context.index; ++i) {
    const Statement& statement = context.statements[i];
    if (!statement.ast) continue;
    if (sets_lock_timeout(statement)) return;
    std::string table = locked_table(statement, i == context.index ? context.tables_created : created, context);
    if (!table.empty() && i < context.index) return;  // the first such statement was reported already
    if (!table.empty()) {
      reporter.report(context.statement_offset(),
                      "this statement waits for a lock on " + table + " with no lock_timeout set: while it waits, "
                          "every query that arrives after it queues behind it",
                      "start the migration with SET lock_timeout = '5s' (and retry the migration if it times out)");
      return;
    }
    if (statement.kind() == "CreateStmt") {
      AstNode relation = statement.ast.body().field("relation");
      created.push_back(
          {std::string(relation.string_field("schemaname")), std::string(relation.string_field("relname"))});
    }
  }
}

}  // namespace

FLYGUARD_RULE(require_lock_timeout) = {
    .id = "require-lock-timeout",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "A lock-taking statement on an existing table with no SET lock_timeout before it",
    .rationale =
        "ALTER TABLE, a plain CREATE INDEX, DROP, RENAME, TRUNCATE and CREATE TRIGGER must wait for their "
        "lock until every transaction that touched the table has finished. A long-running query or an idle "
        "transaction is enough to make the migration wait indefinitely, and while it waits in the lock queue "
        "every new query on the table queues behind it: a migration that would take a millisecond becomes an "
        "outage. SET lock_timeout (SET LOCAL counts too) makes the statement give up after a bound instead, "
        "so the deployment fails cleanly and can be retried. The rule reports the first such statement of a "
        "file only, since one SET at the top fixes them all; tables created earlier in the file are exempt. "
        "When Flyway's initSql or the database role already sets lock_timeout, turn the rule off in "
        ".flyguard.toml.",
    .bad_example = "ALTER TABLE users ADD COLUMN nickname text;",
    .good_example = "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;",
    .fix = "Start the migration with SET lock_timeout = '5s'",
    .check = check,
};
