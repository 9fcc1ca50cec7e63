#include "rules/engine.h"

namespace flyguard::rules {

// Statements Flyway's PostgreSQL parser recognises as non-transactional (PostgreSQLParser.detectCanExecuteInTransaction).
bool is_non_transactional(const sql::AstNode& ast, std::optional<int> pg_version) {
  std::string_view type = ast.type();
  sql::AstNode node = ast.body();
  if (type == "IndexStmt") return node.bool_field("concurrent");
  if (type == "DropStmt") return node.bool_field("concurrent");
  if (type == "VacuumStmt") return node.bool_field("is_vacuumcmd");
  if (type == "ReindexStmt") return node.string_field("kind") != "REINDEX_OBJECT_INDEX" &&
                                    node.string_field("kind") != "REINDEX_OBJECT_TABLE";
  if (type == "DiscardStmt") return node.string_field("target") == "DISCARD_ALL";
  if (type == "CopyStmt") return node.bool_field("is_from") && !node.field("filename").valid();
  if (type == "AlterEnumStmt") return pg_version && *pg_version < 12 && node.string_field("oldVal").empty();
  return type == "AlterSystemStmt" || type == "CreatedbStmt" || type == "DropdbStmt" ||
         type == "CreateTableSpaceStmt" || type == "DropTableSpaceStmt" || type == "CreateSubscriptionStmt" ||
         type == "DropSubscriptionStmt";
}

namespace {

class CollectingReporter : public RuleReporter {
 public:
  CollectingReporter(const Rule& rule, Severity severity, std::vector<Finding>& out)
      : rule_(rule), severity_(severity), out_(out) {}
  void report(std::size_t offset, std::string message, std::string hint) override {
    out_.push_back({&rule_, severity_, offset, std::move(message), std::move(hint)});
  }

 private:
  const Rule& rule_;
  Severity severity_;
  std::vector<Finding>& out_;
};

struct ActiveRule {
  const Rule* rule;
  Severity severity;
};

}  // namespace

std::optional<Severity> effective_severity(const Rule& rule, const RuleSeverities* severities) {
  if (severities && !severities->empty()) {
    if (auto it = severities->find(std::string(rule.id)); it != severities->end()) {
      if (it->second == "off") return std::nullopt;
      return it->second == "error" ? Severity::error : Severity::warning;
    }
  }
  if (rule.opt_in) return std::nullopt;
  return rule.severity;
}

bool is_non_transactional(const sql::Statement& statement, std::string_view text, Dialect dialect,
                          std::optional<int> pg_version) {
  if (dialect == Dialect::redshift)
    return redshift_flyway_non_transactional(text.substr(statement.span.code_begin, statement.span.end - statement.span.code_begin));
  return statement.ast && is_non_transactional(statement.ast, pg_version);
}

bool runs_in_transaction(const std::vector<sql::Statement>& statements, std::string_view text, Dialect dialect,
                         std::optional<int> pg_version, std::optional<bool> execute_in_transaction) {
  if (execute_in_transaction) return *execute_in_transaction;
  for (const sql::Statement& statement : statements)
    if (statement.nested_in == sql::Statement().nested_in && is_non_transactional(statement, text, dialect, pg_version))
      return false;
  return true;
}

std::vector<Finding> run_rules(const LintInput& input) {
  std::vector<ActiveRule> active;
  for (const Rule* rule : all_rules()) {
    // Rules without a check are reported by another pass (suppressions) and only use the metadata.
    if (!rule->check || !applies_to(rule->dialects, input.dialect)) continue;
    if (auto severity = effective_severity(*rule, input.severities)) active.push_back({rule, *severity});
  }
  std::vector<Finding> findings;
  if (active.empty()) return findings;
  // DO blocks run their statements during the migration: rules see them where they run.
  const std::vector<sql::Statement> ordered =
      input.script.nested.empty() ? std::vector<sql::Statement>() : input.script.in_execution_order();
  const std::vector<sql::Statement>& statements = input.script.nested.empty() ? input.script.statements : ordered;
  bool in_transaction =
      runs_in_transaction(statements, input.text, input.dialect, input.pg_version, input.execute_in_transaction);
  std::vector<TableName> created;
  FileMemo memo;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const sql::Statement& statement = statements[i];
    // A parse failure was reported and there is nothing to judge, unless the statement was recognised.
    if (!statement.ast && statement.redshift_kind.empty()) continue;
    StatementFacts facts;
    RuleContext context{statement, input.text, i, statements, input.dialect, input.pg_version, in_transaction, created,
                        input.holds_placeholder, input.mixed, input.transactional_lock, &memo, &facts};
    for (const ActiveRule& entry : active) {
      CollectingReporter reporter(*entry.rule, entry.severity, findings);
      entry.rule->check(context, reporter);
    }
    note_created_table(statement, created);
  }
  return findings;
}

}  // namespace flyguard::rules
