#include "sql/script.h"

#include <map>
#include <string>

#include "sql/pg_parser.h"
#include "sql/characters.h"
#include "sql/plpgsql.h"

namespace flyguard::sql {

namespace {

using PooledDocument = std::unique_ptr<simdjson::dom::document, ParsedScript::RecycleDocument>;

// Trivially destructible, so it can still be read while the thread's other objects are destroyed.
thread_local bool pool_destroyed = false;

// Documents (tape and string buffers) kept for reuse by this thread. Small trees only: a huge file's buffers
// would stay allocated for the rest of the run.
class DocumentPool {
 public:
  static constexpr std::size_t kKept = 4;
  static constexpr std::size_t kLargestKept = 1U << 20;  // bytes of JSON

  // nullptr once the thread is ending and its pool is gone.
  static DocumentPool* of_this_thread() {
    if (pool_destroyed) return nullptr;
    thread_local DocumentPool pool;
    return &pool;
  }
  DocumentPool() { kept_.reserve(kKept); }  // give_back never allocates
  ~DocumentPool() { pool_destroyed = true; }
  DocumentPool(const DocumentPool&) = delete;
  DocumentPool& operator=(const DocumentPool&) = delete;

  PooledDocument take() {
    if (kept_.empty()) return PooledDocument(new simdjson::dom::document());
    PooledDocument document(kept_.back().release());
    kept_.pop_back();
    return document;
  }
  void give_back(simdjson::dom::document* document) noexcept {
    std::unique_ptr<simdjson::dom::document> owned(document);
    if (kept_.size() < kKept && owned->capacity() <= kLargestKept) kept_.push_back(std::move(owned));
  }

 private:
  std::vector<std::unique_ptr<simdjson::dom::document>> kept_;
};

// Reads libpg_query's JSON into a document the script owns; returns its "stmts" array or an error.
simdjson::error_code read_tree(std::string_view json, ParsedScript& script, simdjson::dom::array& stmts) {
  DocumentPool* pool = DocumentPool::of_this_thread();
  PooledDocument document = pool ? pool->take() : PooledDocument(new simdjson::dom::document());
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
    if (stmt["stmt"].get(node) == simdjson::SUCCESS) script.statements[i].set_ast(AstNode(node));
    ++i;
  }
  return true;
}

std::string psql_command_at(std::string_view text, std::size_t offset) {
  std::size_t end = offset + 1;
  while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n' && text[end] != '\r') ++end;
  return std::string(text.substr(offset, end - offset));
}

// libpg_query reports the failing token as a 1-based character position; offsets here are bytes.
std::size_t cursor_offset(std::string_view parsed, int cursor) {
  std::size_t offset = 0;
  for (int i = 1; i < cursor && offset < parsed.size(); ++i) {
    ++offset;
    while (offset < parsed.size() && (static_cast<unsigned char>(parsed[offset]) & 0xC0U) == 0x80U) ++offset;
  }
  return offset;
}

// Why a statement failed; `offset` is where, in `text`.
ParseFailure classify_failure(std::string_view text, std::string_view statement_text, std::size_t offset,
                              const PgParseResult& result) {
  ParseFailure failure;
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

bool report_unterminated(std::size_t index, ParsedScript& script) {
  const StatementSpan& span = script.statements[index].span;
  if (span.unterminated.empty()) return false;
  script.failures.push_back({FailureKind::unterminated, index, span.open_offset,
                             "unterminated " + span.unterminated + ": the file ends before it is closed",
                             "close it; Flyway would fail with \"Incomplete statement\"", 0});
  return true;
}

// Takes the statement node of a successful parse.
void adopt_tree(const PgParseResult& result, std::size_t index, ParsedScript& script) {
  Statement& statement = script.statements[index];
  simdjson::dom::array stmts;
  if (read_tree(result.json(), script, stmts) != simdjson::SUCCESS) {
    script.failures.push_back({FailureKind::too_complex, index, statement.span.code_begin,
                               "statement is nested too deeply to analyse", "", 0});
    return;
  }
  for (simdjson::dom::element stmt : stmts) {
    simdjson::dom::element node;
    if (stmt["stmt"].get(node) == simdjson::SUCCESS) statement.set_ast(AstNode(node));
    break;
  }
  statement.ast_base = statement.span.code_begin;
}

void parse_statement(std::string_view text, std::size_t index, ParsedScript& script) {
  if (report_unterminated(index, script)) return;
  const StatementSpan& span = script.statements[index].span;
  PgParseResult result{std::string(text.substr(span.code_begin, span.end - span.code_begin))};
  if (!result.ok()) {
    const std::string_view statement_text = text.substr(span.code_begin, span.end - span.code_begin);
    ParseFailure failure = classify_failure(text, statement_text,
                                            span.code_begin + cursor_offset(statement_text, result.error_cursor()), result);
    failure.statement = index;
    script.failures.push_back(std::move(failure));
    return;
  }
  adopt_tree(result, index, script);
}

// The word (or first characters) at `offset`, to name what could not be read.
std::string construct_at(std::string_view text, std::size_t offset) {
  std::size_t end = offset;
  while (end < text.size() && end - offset < 40 && text[end] != ' ' && text[end] != '\n' && text[end] != '\t' &&
         text[end] != '\r' && text[end] != '(' && text[end] != ',' && text[end] != ';')
    ++end;
  if (end == offset && offset < text.size()) ++end;
  return std::string(text.substr(offset, end - offset));
}

constexpr int kMaxAliasInsertions = 50;

// A Redshift statement: blanked or rewritten by the pre-pass, then parsed; subqueries without an alias
// get one; what still fails is recognised from its words or reported as unreadable.
void parse_redshift_statement(std::string_view text, std::size_t index, PreparedRedshift prepared,
                              ParsedScript& script) {
  if (report_unterminated(index, script) || !prepared.parse) return;
  std::string sql = std::move(prepared.text);
  std::vector<OffsetShift> shifts = std::move(prepared.shifts);
  for (int round = 1;; ++round) {
    PgParseResult result{sql};
    if (result.ok()) {
      adopt_tree(result, index, script);
      script.statements[index].shifts = std::move(shifts);
      return;
    }
    const std::size_t at = cursor_offset(sql, result.error_cursor());
    if (result.error_message() == "subquery in FROM must have an alias" && round <= kMaxAliasInsertions &&
        insert_subquery_alias(sql, at, round, shifts))
      continue;
    Statement& statement = script.statements[index];
    const std::string_view written = text.substr(statement.span.code_begin, statement.span.end - statement.span.code_begin);
    std::string kind = classify_unparsed_redshift(written);
    if (!kind.empty()) {
      statement.redshift_kind = std::move(kind);
      return;
    }
    const std::size_t offset = statement.span.code_begin + std::min(unshift(shifts, at), written.size());
    ParseFailure failure = classify_failure(text, written, offset, result);
    failure.statement = index;
    if (failure.kind == FailureKind::syntax || failure.kind == FailureKind::newer_syntax) {
      failure.kind = FailureKind::syntax;
      failure.message = "flyguard cannot read \"" + construct_at(text, offset) +
                        "\" in this Redshift statement (the PostgreSQL 15 grammar stops there: " +
                        std::string(result.error_message()) + ")";
    }
    script.failures.push_back(std::move(failure));
    return;
  }
}

// Where the body of a DO block starts in `text`: after the opening $tag$ or quote of its literal.
std::optional<std::size_t> do_body_start(std::string_view text, std::size_t literal) {
  if (literal >= text.size()) return std::nullopt;
  if (text[literal] == '\'') return literal + 1;
  if (text[literal] != '$') return std::nullopt;
  const std::size_t tag_end = text.find('$', literal + 1);
  if (tag_end == std::string_view::npos) return std::nullopt;
  return tag_end + 1;
}

constexpr int kMaxDoNesting = 4;

// Parses the statements of a PL/pgSQL body that starts at `body_start` in `text`; they run when `parent`
// runs (a DO block, or the call of a function defined in the same file).
void add_body_statements(std::string_view text, std::string_view body, std::size_t body_start, std::size_t parent,
                         int depth, ParsedScript& script);

// The body of a DO block (LANGUAGE plpgsql, the default) and where it starts in the file.
void add_do_block_statements(std::string_view text, const Statement& block, std::size_t parent, int depth,
                             ParsedScript& script) {
  std::string_view body;
  std::optional<std::size_t> body_start;
  for (const AstNode& arg : block.ast.list_field("args")) {
    const AstNode def = arg.body();
    if (def.string_field("defname") == "language" && def.field("arg").body().string_field("sval") != "plpgsql") return;
    if (def.string_field("defname") != "as") continue;
    body = def.field("arg").body().string_field("sval");
    body_start = do_body_start(text, block.text_offset(def.location()));
  }
  if (body_start && depth <= kMaxDoNesting) add_body_statements(text, body, *body_start, parent, depth, script);
}

void add_body_statements(std::string_view text, std::string_view body, std::size_t body_start, std::size_t parent,
                         int depth, ParsedScript& script) {
  for (EmbeddedSql& embedded : plpgsql_statements(body)) {
    if (embedded.body_offset == std::string::npos) continue;  // cannot be placed in the file
    PgParseResult result{embedded.sql};
    simdjson::dom::array stmts;
    if (!result.ok() || read_tree(result.json(), script, stmts) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element stmt : stmts) {
      Statement nested;
      nested.span.begin = nested.span.code_begin = body_start + embedded.body_offset;
      nested.span.end = nested.span.code_begin + embedded.sql.size();
      nested.span.terminated = true;
      simdjson::dom::element node;
      if (stmt["stmt"].get(node) == simdjson::SUCCESS) nested.set_ast(AstNode(node));
      nested.ast_base = nested.span.code_begin;
      nested.nested_in = parent;
      script.nested.push_back(nested);
      if (nested.kind() == "DoStmt") add_do_block_statements(text, nested, parent, depth + 1, script);
      break;
    }
  }
}

// A PL/pgSQL function or procedure defined in the file: its body runs where the file calls it.
struct DefinedRoutine {
  std::string_view body;
  std::size_t body_start = 0;
};

std::optional<DefinedRoutine> plpgsql_routine(std::string_view text, const Statement& create) {
  std::optional<DefinedRoutine> routine;
  bool plpgsql = false;
  for (const AstNode& option : create.ast.list_field("options")) {
    const AstNode def = option.body();
    if (def.string_field("defname") == "language") plpgsql = def.field("arg").body().string_field("sval") == "plpgsql";
    if (def.string_field("defname") != "as") continue;
    const std::vector<AstNode> items = def.field("arg").body().list_field("items");
    if (items.size() != 1) continue;
    std::size_t at = create.text_offset(def.location());
    if (at + 2 <= text.size() && iequals(text.substr(at, 2), "AS")) at += 2;
    while (at < text.size() && is_blank(text[at])) ++at;
    if (auto start = do_body_start(text, at)) routine = DefinedRoutine{items[0].body().string_field("sval"), *start};
  }
  return plpgsql ? routine : std::nullopt;
}

std::string_view routine_name(const std::vector<AstNode>& names) {
  return names.empty() ? std::string_view() : names.back().body().string_field("sval");
}

// Names of the routines a statement calls: CALL p(), SELECT f().
std::vector<std::string_view> called_routines(const Statement& statement) {
  std::vector<std::string_view> names;
  if (statement.kind() == "CallStmt")
    names.push_back(routine_name(statement.body().field("funccall").body().list_field("funcname")));
  else if (statement.kind() == "SelectStmt")
    statement.ast.visit([&](const AstNode& node) {
      if (node.type() == "FuncCall") names.push_back(routine_name(node.body().list_field("funcname")));
    });
  return names;
}

void add_nested_statements(std::string_view text, ParsedScript& script) {
  std::map<std::string_view, DefinedRoutine> routines;
  for (std::size_t i = 0; i < script.statements.size(); ++i) {
    const Statement& statement = script.statements[i];
    if (statement.kind() == "DoStmt") add_do_block_statements(text, statement, i, 1, script);
    if (statement.kind() == "CreateFunctionStmt")
      if (auto routine = plpgsql_routine(text, statement))
        routines[routine_name(statement.body().list_field("funcname"))] = *routine;
    if (routines.empty()) continue;  // nothing defined yet: no call can reach a routine of this file
    for (std::string_view called : called_routines(statement))
      if (auto it = routines.find(called); it != routines.end())
        add_body_statements(text, it->second.body, it->second.body_start, i, 1, script);
  }
}

ParsedScript parse_redshift_script(std::string_view text, ParsedScript script) {
  RedshiftLexing lexing;
  std::string blanked(text);
  bool whole_file = true;
  std::vector<PreparedRedshift> prepared;
  for (Statement& statement : script.statements) {
    const StatementSpan& span = statement.span;
    PreparedRedshift p = prepare_redshift(text.substr(span.code_begin, span.end - span.code_begin));
    for (RedshiftClause clause : p.clauses) {
      clause.begin += span.code_begin;
      clause.end += span.code_begin;
      statement.redshift_clauses.push_back(std::move(clause));
    }
    statement.redshift_kind = p.kind;
    if (!p.parse || !p.shifts.empty()) whole_file = false;
    else blanked.replace(span.code_begin, span.end - span.code_begin, p.text);
    prepared.push_back(std::move(p));
  }
  if (whole_file && parse_whole_script(blanked, script)) return script;
  script.documents.clear();
  for (std::size_t i = 0; i < script.statements.size(); ++i) {
    script.statements[i].set_ast(AstNode());
    parse_redshift_statement(text, i, std::move(prepared[i]), script);
  }
  return script;
}

}  // namespace

void ParsedScript::RecycleDocument::operator()(simdjson::dom::document* document) const noexcept {
  if (DocumentPool* pool = DocumentPool::of_this_thread()) pool->give_back(document);
  else delete document;
}

ParsedScript parse_script(std::string_view text, Dialect dialect) {
  ParsedScript script;
  for (const StatementSpan& span : split_statements(text, dialect)) {
    Statement statement;
    statement.span = span;
    script.statements.push_back(std::move(statement));
  }
  if (script.statements.empty()) return script;
  if (dialect == Dialect::redshift) return parse_redshift_script(text, std::move(script));
  if (!parse_whole_script(text, script)) {
    script.documents.clear();
    for (std::size_t i = 0; i < script.statements.size(); ++i) parse_statement(text, i, script);
  }
  add_nested_statements(text, script);
  return script;
}

std::vector<Statement> ParsedScript::in_execution_order() const {
  std::vector<Statement> ordered;
  ordered.reserve(statements.size() + nested.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    ordered.push_back(statements[i]);
    for (; next < nested.size() && nested[next].nested_in == i; ++next) ordered.push_back(nested[next]);
  }
  return ordered;
}

ReadCoverage read_coverage(const ParsedScript& script) {
  ReadCoverage coverage;
  for (const Statement& statement : script.statements) {
    ++coverage.statements;
    if (statement.ast.valid()) ++coverage.parsed;
    else if (!statement.redshift_kind.empty()) ++coverage.recognised;
  }
  return coverage;
}

}  // namespace flyguard::sql
