// statement-after-access-exclusive-lock: work done after an ACCESS EXCLUSIVE lock, in the transaction that holds it.
#include <algorithm>
#include <array>
#include <optional>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;
using flyguard::sql::Statement;

// ALTER TABLE subcommands that take less than ACCESS EXCLUSIVE (PostgreSQL's AlterTableGetLockLevel).
bool weaker_than_access_exclusive(const AstNode& cmd) {
  static constexpr std::array<std::string_view, 17> kWeaker{
      "AT_SetStatistics",  "AT_ClusterOn",       "AT_DropCluster",         "AT_SetOptions",
      "AT_ResetOptions",   "AT_SetRelOptions",   "AT_ResetRelOptions",     "AT_ValidateConstraint",
      "AT_AttachPartition", "AT_DetachPartitionFinalize", "AT_EnableTrig", "AT_EnableAlwaysTrig",
      "AT_EnableReplicaTrig", "AT_EnableTrigAll", "AT_EnableTrigUser",     "AT_DisableTrig",
      "AT_DisableTrigAll"};
  std::string_view subtype = cmd.string_field("subtype");
  if (subtype == "AT_DisableTrigUser") return true;
  if (subtype == "AT_AddConstraint") return cmd.field("def").string_field("contype") == "CONSTR_FOREIGN";
  if (subtype == "AT_DetachPartition") return cmd.field("def").bool_field("concurrent");
  return std::find(kWeaker.begin(), kWeaker.end(), subtype) != kWeaker.end();
}

// The table (or index) the statement locks in ACCESS EXCLUSIVE mode when it existed before this file.
std::optional<TableName> access_exclusive_table(const Statement& statement, const std::vector<TableName>& created) {
  std::string_view kind = statement.kind();
  AstNode body = statement.body();
  TableName table;
  auto from_range_var = [&table](const AstNode& range_var) {
    table = {std::string(range_var.string_field("schemaname")), std::string(range_var.string_field("relname"))};
  };
  if (kind == "AlterTableStmt" && body.string_field("objtype") == "OBJECT_TABLE") {
    std::vector<AstNode> cmds = body.list_field("cmds");
    if (std::any_of(cmds.begin(), cmds.end(), [](const AstNode& cmd) { return !weaker_than_access_exclusive(cmd.body()); }))
      from_range_var(body.field("relation"));
  } else if (kind == "RenameStmt" || kind == "AlterObjectSchemaStmt") {
    std::string_view type = body.string_field(kind == "RenameStmt" ? "relationType" : "objectType");
    if (type == "OBJECT_TABLE") from_range_var(body.field("relation"));
  } else if (kind == "TruncateStmt" || (kind == "LockStmt" && body.int_field("mode") == 8)) {
    std::vector<AstNode> relations = body.list_field("relations");
    if (!relations.empty()) from_range_var(relations.front().body());
  } else if (kind == "ClusterStmt" && body.field("relation")) {
    from_range_var(body.field("relation"));
  } else if (kind == "ReindexStmt" && body.field("relation")) {
    // REINDEX INDEX/TABLE: ACCESS EXCLUSIVE on the indexes it rebuilds, which every query planning on the
    // table needs to open; CONCURRENTLY avoids it.
    std::vector<AstNode> params = body.list_field("params");
    if (std::none_of(params.begin(), params.end(),
                     [](const AstNode& p) { return p.body().string_field("defname") == "concurrently"; }))
      from_range_var(body.field("relation"));
  } else if (kind == "DropStmt" && !body.bool_field("concurrent") && body.string_field("removeType") == "OBJECT_INDEX") {
    // DROP INDEX locks its table; DROP TABLE is left out, as a table being dropped has no readers to block.
    std::vector<AstNode> objects = body.list_field("objects");
    if (!objects.empty()) {
      std::vector<AstNode> names = objects.front().list_field("items");
      table = {std::string(qualifier(names)), std::string(last_name(names))};
    }
  }
  if (table.name.empty() || among(created, table.schema, table.name)) return std::nullopt;
  return table;
}

std::string label(const TableName& table) { return table.schema.empty() ? table.name : table.schema + "." + table.name; }

bool is_dml(std::string_view kind) {
  return kind == "InsertStmt" || kind == "UpdateStmt" || kind == "DeleteStmt" || kind == "SelectStmt" ||
         kind == "MergeStmt" || kind == "CopyStmt";
}

// Whether running `statement` now makes the lock last longer in a way that matters: it reads or writes rows
// of an existing table, builds an index on one, waits for the lock of another existing table, or runs code
// this rule cannot see into (DO, CALL). DDL on the tables already locked is left to combine-alter-table.
bool extends_lock(const Statement& statement, const std::vector<TableName>& created_before,
                  const std::vector<TableName>& locked) {
  std::string_view kind = statement.kind();
  if (kind == "DoStmt" || kind == "CallStmt") return true;
  // CREATE TABLE (AS) names its own new table: a foreign key to itself waits for nobody.
  std::vector<TableName> with_new;
  if (kind == "CreateStmt" || kind == "CreateTableAsStmt") {
    with_new = created_before;
    note_created_table(statement, with_new);
  }
  const std::vector<TableName>& created = with_new.empty() ? created_before : with_new;
  auto existing = [&](const AstNode& table) {
    return !among(created, table.string_field("schemaname"), table.string_field("relname"));
  };
  if (is_dml(kind)) {
    std::vector<AstNode> tables = range_vars(statement.ast);
    return std::any_of(tables.begin(), tables.end(), existing);
  }
  if (kind == "IndexStmt") return !statement.body().bool_field("concurrent") && existing(statement.body().field("relation"));
  if (kind == "DropStmt") return false;  // a dropped table has no readers left to block
  std::string table = locked_existing_table(statement, created);
  std::size_t dot = table.rfind('.');
  std::string schema = dot == std::string::npos ? std::string() : table.substr(0, dot);
  return !table.empty() && !among(locked, schema, table.substr(dot == std::string::npos ? 0 : dot + 1));
}

// The first statement of the file that extends an ACCESS EXCLUSIVE lock, and the lock it extends.
struct Extension {
  std::size_t at = static_cast<std::size_t>(-1);
  std::size_t lock_statement = 0;  // the first statement that took an ACCESS EXCLUSIVE lock
  TableName table;
};

Extension find_extension(const std::vector<Statement>& statements) {
  std::vector<TableName> created, locked;
  std::size_t lock_statement = 0;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const Statement& statement = statements[i];
    if (!statement.ast) continue;
    if (!locked.empty() && extends_lock(statement, created, locked)) return {i, lock_statement, locked.front()};
    if (statement.kind() == "TransactionStmt") {
      std::string_view kind = statement.body().string_field("kind");
      if (kind == "TRANS_STMT_COMMIT" || kind == "TRANS_STMT_ROLLBACK") locked.clear();  // locks released
    }
    if (std::optional<TableName> table = access_exclusive_table(statement, created)) {
      if (locked.empty()) lock_statement = i;
      locked.push_back(*table);
    }
    note_created_table(statement, created);
  }
  return {};
}

void check(const RuleContext& context, RuleReporter& reporter) {
  if (!context.in_transaction || context.index == 0) return;
  // Reported once per file, at the first statement that extends the lock.
  const Extension& extension = context.memo->get<Extension>(
      "statement-after-access-exclusive-lock", [&] { return find_extension(context.statements); });
  if (extension.at != context.index) return;
  const Statement& first = context.statements[extension.lock_statement];
  std::string table = label(extension.table);
  reporter.report(context.statement_offset(),
                  "this statement runs while the ACCESS EXCLUSIVE lock taken on " + table + " at line " +
                      std::to_string(line_of(context, first.span.code_begin)) +
                      " is still held (until Flyway commits the migration): every query on " + table +
                      ", reads included, waits for it to finish",
                  "move this statement to a migration of its own, or move the lock-taking statement to the end of "
                  "the file");
}

}  // namespace

FLYGUARD_RULE(statement_after_access_exclusive_lock) = {
    .id = "statement-after-access-exclusive-lock",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "Work done after an ACCESS EXCLUSIVE lock, in the same transaction that holds the lock",
    .rationale =
        "Most ALTER TABLE forms, DROP and TRUNCATE, RENAME, LOCK TABLE, VACUUM FULL, CLUSTER and REINDEX take an "
        "ACCESS EXCLUSIVE lock, which blocks even plain SELECTs on the table. PostgreSQL keeps every lock until "
        "the transaction ends, and Flyway runs a whole migration file in one transaction: an ALTER TABLE that "
        "needs the lock for a millisecond keeps it while the rest of the file runs. A backfill UPDATE, an index "
        "build, or a statement that has to wait for a lock on another table then turns into an outage of the "
        "first table. The rule reports the first statement of the file that does such work after the lock (once "
        "per file, since the fix is to reorder or split the file); it leaves alone SET, COMMENT, GRANT, creating "
        "functions, types, views or sequences, statements that only touch tables created in this file, and "
        "further DDL on the already locked table (combine-alter-table speaks about those). It does not apply "
        "when the file runs without a transaction, where every statement commits and releases its locks.",
    .bad_example = "ALTER TABLE users ADD COLUMN nickname text;\nUPDATE users SET nickname = name;",
    .good_example = "-- V7__add_nickname.sql: the ALTER alone, so its lock lasts an instant\n"
                    "ALTER TABLE users ADD COLUMN nickname text;\n"
                    "-- the backfill goes in V8__backfill_nickname.sql",
    .fix = "Put the lock-taking statement last, or in a migration of its own",
    .check = check,
};
