#include "sql/plpgsql.h"

#include <simdjson.h>

#include "sql/ast.h"
#include "sql/pg_parser.h"

namespace flyguard::sql {

namespace {

// A dollar-quote tag that does not occur in the body, so the wrapper cannot end early.
std::string free_tag(std::string_view body) {
  std::string tag = "$flyguard_body$";
  for (int n = 1; body.find(tag) != std::string_view::npos; ++n) tag = "$flyguard_body" + std::to_string(n) + "$";
  return tag;
}

// EXECUTE 'ALTER TABLE …': the expression is one standard string literal; anything else is dynamic.
bool constant_string(std::string_view expression, std::string& value) {
  if (expression.size() < 2 || expression.front() != '\'' || expression.back() != '\'') return false;
  value.clear();
  for (std::size_t i = 1; i + 1 < expression.size(); ++i) {
    if (expression[i] == '\'') {
      if (expression[i + 1] != '\'' || i + 2 >= expression.size()) return false;  // two literals joined
      ++i;
    }
    value.push_back(expression[i]);
  }
  return true;
}

}  // namespace

std::vector<EmbeddedSql> plpgsql_statements(std::string_view body) {
  const std::string tag = free_tag(body);
  const std::string wrapper =
      "CREATE FUNCTION flyguard_do_block() RETURNS void LANGUAGE plpgsql AS " + tag + std::string(body) + tag;
  PgPlpgsqlParseResult result{wrapper};
  std::vector<EmbeddedSql> out;
  if (!result.ok()) return out;
  simdjson::dom::element root;  // in the parser's own document, read before the next parse
  if (thread_json_parser().parse(result.json().data(), result.json().size()).get(root) != simdjson::SUCCESS) return out;
  std::size_t cursor = 0;
  AstNode(root).visit([&](const AstNode& node) {
    std::string sql;
    if (node.type() == "PLpgSQL_stmt_execsql") {
      sql = std::string(node.body().field("sqlstmt").body().string_field("query"));
    } else if (node.type() == "PLpgSQL_stmt_dynexecute") {
      if (!constant_string(node.body().field("query").body().string_field("query"), sql)) return;
    } else {
      return;
    }
    if (sql.empty()) return;
    std::size_t at = body.find(sql, cursor);
    if (at != std::string_view::npos) cursor = at + sql.size();
    out.push_back({std::move(sql), at});
  });
  return out;
}

}  // namespace flyguard::sql
