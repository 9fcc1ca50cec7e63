// Which statements make Flyway run a script outside a transaction, and which ones Redshift refuses inside
// a transaction block whether Flyway notices or not (research: flyway.md 5.3, redshift.md 2.3).
#include <algorithm>
#include <cctype>
#include <regex>

#include "rules/engine.h"
#include "sql/tokens.h"

namespace flyguard::rules {

namespace {

// Flyway's "simplified statement": the first ten bare keywords (letters and '_' only) at parenthesis depth
// 0, upper-cased and joined by spaces; names with digits, dotted names, literals and symbols are skipped.
std::string simplified_statement(std::string_view text) {
  std::string out;
  int depth = 0, words = 0;
  for (const sql::Token& token : sql::tokenize(text, false)) {
    if (token.is_punctuation('(')) ++depth;
    if (token.is_punctuation(')')) --depth;
    if (depth != 0 || token.kind != sql::TokenKind::word || words == 10) continue;
    const bool keyword = std::all_of(token.text.begin(), token.text.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    });
    if (!keyword) continue;
    if (!out.empty()) out += ' ';
    for (char c : token.text) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    ++words;
  }
  return out;
}

}  // namespace

bool redshift_flyway_non_transactional(std::string_view statement_text) {
  static const std::regex patterns(
      "^(CREATE|DROP) LIBRARY.*|^CREATE EXTERNAL TABLE.*|^VACUUM.*|^ALTER TABLE( .*)? APPEND FROM.*|"
      "^ALTER TABLE( .*)? ALTER COLUMN.*|^(CREATE|ALTER|DROP) IDENTITY PROVIDER.*");
  return std::regex_match(simplified_statement(statement_text), patterns);
}

std::string redshift_transaction_block_refusal(const sql::Statement& statement) {
  const std::string& kind = statement.redshift_kind;
  if (kind == "ALTER EXTERNAL TABLE") return "ALTER TABLE on an external table";
  if (kind == "ALTER DATABASE ISOLATION LEVEL") return "ALTER DATABASE ... ISOLATION LEVEL";
  if (kind == "GRANT ON EXTERNAL" || kind == "REVOKE ON EXTERNAL") return kind.substr(0, kind.find(' ')) + " on an external object";
  if (kind == "ALTER TABLE APPEND") return "ALTER TABLE ... APPEND";
  if (kind == "CREATE EXTERNAL TABLE") return "CREATE EXTERNAL TABLE";
  if (kind == "CREATE LIBRARY" || kind == "DROP LIBRARY") return kind;
  const std::string_view type = statement.kind();
  if (type == "CreatedbStmt") return "CREATE DATABASE";
  if (type == "DropdbStmt") return "DROP DATABASE";
  if (type == "VacuumStmt" && statement.body().bool_field("is_vacuumcmd")) return "VACUUM";
  return {};
}

}  // namespace flyguard::rules
