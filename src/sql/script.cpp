#include "sql/script.h"

#include <string>

#include "sql/pg_parser.h"

namespace flyguard::sql {

namespace {

// Parse trees of long statements nest deeply; the default simdjson limit (1024) is too low.
constexpr std::size_t kMaxTreeDepth = 16384;

simdjson::dom::parser& thread_json_parser() {
  thread_local simdjson::dom::parser parser = [] {
    simdjson::dom::parser p;
    // On failure the parser keeps its defaults and reports DEPTH_ERROR for very deep trees.
    if (p.allocate(1U << 16, kMaxTreeDepth) != simdjson::SUCCESS) return simdjson::dom::parser{};
    return p;
  }();
  return parser;
}

// Reads libpg_query's JSON into a document the script owns; returns its "stmts" array or an error.
simdjson::error_code read_tree(std::string_view json, ParsedScript& script, simdjson::dom::array& stmts) {
  auto document = std::make_unique<simdjson::dom::document>();
  simdjson::dom::element root;
  auto error = thread_json_parser()
                   .parse_into_document(*document, reinterpret_cast<const std::uint8_t*>(json.data()), json.size())
                   .get(root);
  if (error) return error;
  error = root["stmts"].get_array().get(stmts);
  if (error) return error;
  script.documents.push_back(std::move(document));
  return simdjson::SUCCESS;
}

// libpg_query leaves out zero values: location 0, and length 0 meaning "to the end".
std::int64_t int_or_zero(simdjson::dom::element object, std::string_view key) {
  std::int64_t value = 0;
  if (object[key].get_int64().get(value) != simdjson::SUCCESS) return 0;
  return value;
}

// Libpg_query's statement ranges include the blanks and comments before a statement; ours start at
// its first token. They describe the same statements when each of ours lies inside its counterpart.
bool aligned(simdjson::dom::array stmts, const std::vector<StatementSpan>& spans, std::size_t text_size) {
  if (stmts.size() != spans.size()) return false;
  std::size_t i = 0;
  for (simdjson::dom::element stmt : stmts) {
    std::int64_t location = int_or_zero(stmt, "stmt_location");
    std::int64_t length = int_or_zero(stmt, "stmt_len");
    std::size_t begin = static_cast<std::size_t>(location);
    std::size_t end = length == 0 ? text_size : begin + static_cast<std::size_t>(length);
    if (spans[i].code_begin < begin || spans[i].end > end) return false;
    ++i;
  }
  return true;
}

bool parse_whole_script(std::string_view text, ParsedScript& script) {
  for (const Statement& s : script.statements)
    if (!s.span.unterminated.empty()) return false;
  PgParseResult result{std::string(text)};
  simdjson::dom::array stmts;
  if (!result.ok() || read_tree(result.json(), script, stmts) != simdjson::SUCCESS) return false;
  std::vector<StatementSpan> spans;
  for (const Statement& s : script.statements) spans.push_back(s.span);
  if (!aligned(stmts, spans, text.size())) return false;
  std::size_t i = 0;
  for (simdjson::dom::element stmt : stmts) {
    simdjson::dom::element node;
    if (stmt["stmt"].get(node) == simdjson::SUCCESS) script.statements[i].ast = AstNode(node);
    ++i;
  }
  return true;
}

std::string psql_command_at(std::string_view text, std::size_t offset) {
  std::size_t end = offset + 1;
  while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r') ++end;
  return std::string(text.substr(offset, end - offset));
}

ParseFailure classify_failure(std::string_view text, const Statement& statement, const PgParseResult& result) {
  ParseFailure failure;
  std::size_t base = statement.span.code_begin;
  std::string_view statement_text = text.substr(base, statement.span.end - base);
  std::size_t offset = base;
  int cursor = result.error_cursor();
  for (int i = 1; i < cursor && offset < statement.span.end; ++i) {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0U) == 0x80U) ++offset;
  }
  failure.offset = offset;
  std::string_view message = result.error_message();
  if (message.find("memory exhausted") != std::string_view::npos ||
      message.find("stack depth limit exceeded") != std::string_view::npos) {
    failure.kind = FailureKind::too_complex;
    failure.message = "statement is nested too deeply for the PostgreSQL parser (" + std::string(message) + ")";
  } else if (offset < text.size() && text[offset] == '\\') {
    failure.kind = FailureKind::psql_meta;
    failure.message = "psql meta-command '" + psql_command_at(text, offset) +
                      "' is not SQL: Flyway sends it to the server, which rejects it";
    failure.hint = "remove it; Flyway runs the file itself, so psql commands have no place in a migration";
  } else if (auto newer = detect_newer_syntax(statement_text)) {
    failure.kind = FailureKind::newer_syntax;
    failure.needs_pg_version = newer->pg_version;
    failure.message = newer->feature + " needs PostgreSQL " + std::to_string(newer->pg_version) +
                      "; flyguard reads SQL with the PostgreSQL 15 grammar, so this statement was not checked";
  } else {
    failure.kind = FailureKind::syntax;
    failure.message = std::string(message);
  }
  return failure;
}

void parse_statement(std::string_view text, std::size_t index, ParsedScript& script) {
  Statement& statement = script.statements[index];
  const StatementSpan& span = statement.span;
  if (!span.unterminated.empty()) {
    script.failures.push_back({FailureKind::unterminated, index, span.open_offset,
                               "unterminated " + span.unterminated + ": the file ends before it is closed",
                               "close it; Flyway would fail with \"Incomplete statement\"", 0});
    return;
  }
  PgParseResult result{std::string(text.substr(span.code_begin, span.end - span.code_begin))};
  if (!result.ok()) {
    ParseFailure failure = classify_failure(text, statement, result);
    failure.statement = index;
    script.failures.push_back(std::move(failure));
    return;
  }
  simdjson::dom::array stmts;
  if (read_tree(result.json(), script, stmts) != simdjson::SUCCESS) {
    script.failures.push_back({FailureKind::too_complex, index, span.code_begin,
                               "statement is nested too deeply to analyse", "", 0});
    return;
  }
  for (simdjson::dom::element stmt : stmts) {
    simdjson::dom::element node;
    if (stmt["stmt"].get(node) == simdjson::SUCCESS) statement.ast = AstNode(node);
    break;
  }
  statement.ast_base = span.code_begin;
}

}  // namespace

ParsedScript parse_script(std::string_view text, Dialect dialect) {
  ParsedScript script;
  for (const StatementSpan& span : split_statements(text, dialect)) script.statements.push_back({span, {}, 0});
  if (script.statements.empty() || parse_whole_script(text, script)) return script;
  script.documents.clear();
  for (std::size_t i = 0; i < script.statements.size(); ++i) parse_statement(text, i, script);
  return script;
}

}  // namespace flyguard::sql
