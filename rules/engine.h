#pragma once
// Runs the registered lint rules over a parsed script.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rules/rule.h"

namespace flyguard::rules {

// [rules] of .flyguard.toml: rule id -> "error" | "warning" | "off".
using RuleSeverities = std::map<std::string, std::string>;

struct LintInput {
  const sql::ParsedScript& script;
  std::string_view text;                         // the text `script` was parsed from
  Dialect dialect = Dialect::postgres;
  std::optional<int> pg_version;
  std::optional<bool> execute_in_transaction;    // executeInTransaction of the .sql.conf sidecar
  const RuleSeverities* severities = nullptr;    // nullptr: every rule at its default
  std::function<bool(std::size_t, std::size_t)> holds_placeholder;  // RuleContext::holds_placeholder
  bool mixed = false;                            // Flyway's mixed setting
  bool transactional_lock = true;                // Flyway's postgresql.transactional.lock setting
};

struct Finding {
  const Rule* rule = nullptr;
  Severity severity = Severity::warning;
  std::size_t offset = 0;  // in LintInput::text
  std::string message;
  std::string hint;
};

std::vector<Finding> run_rules(const LintInput& input);

// The severity a rule runs at under `severities`; nullopt when it is off (opt-in rules start off).
std::optional<Severity> effective_severity(const Rule& rule, const RuleSeverities* severities);

// Whether Flyway runs the script inside one transaction: the sidecar decides when it says so;
// otherwise Flyway leaves the transaction out when any statement cannot run inside one.
// Whether Flyway's PostgreSQL parser treats the statement as one that cannot run inside a transaction.
bool is_non_transactional(const sql::AstNode& ast, std::optional<int> pg_version);

// Whether Flyway's Redshift parser treats the statement as one that cannot run inside a transaction (its
// regular expressions over the statement's leading keywords).
bool redshift_flyway_non_transactional(std::string_view statement_text);
// What Redshift refuses to run inside a transaction block ("CREATE DATABASE"), or "" — whether or not
// Flyway recognises it.
std::string redshift_transaction_block_refusal(const sql::Statement& statement);

// As Flyway decides for `dialect`; `text` is the analysed text the statements' spans point into.
bool is_non_transactional(const sql::Statement& statement, std::string_view text, Dialect dialect,
                          std::optional<int> pg_version);

bool runs_in_transaction(const std::vector<sql::Statement>& statements, std::string_view text, Dialect dialect,
                         std::optional<int> pg_version, std::optional<bool> execute_in_transaction);

}  // namespace flyguard::rules
