#include "sql/redshift.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>

#include "sql/tokens.h"

// PostgreSQL's lexer setting, a per-thread variable that libpg_query 15-4.0.0 exports but does not
// declare (tests/unit/test_redshift.cpp fails loudly if an upgrade stops honouring it).
extern "C" __thread bool standard_conforming_strings;

namespace flyguard::sql {

namespace {

using Tokens = std::vector<Token>;

bool any_of(const Token& token, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return token.is(w); });
}

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
  return out;
}

// Works through one statement: blanks clauses in `text` and records them.
class Prepass {
 public:
  explicit Prepass(std::string_view statement)
      : tokens_(tokenize(statement, true)), out_{"", true, std::string(statement), {}, {}} {}

  PreparedRedshift run() {
    if (tokens_.empty()) return std::move(out_);
    if (classify()) return std::move(out_);
    blank_temp_table_marks();
    blank_query_extensions();
    const Token& first = tokens_[0];
    if (first.is("CREATE")) create();
    else if (first.is("ALTER")) alter();
    else if (first.is("COPY")) copy_options();
    else if (first.is("VACUUM")) vacuum();
    else if (first.is("ANALYZE") || first.is("ANALYSE")) analyze();
    else if (first.is("GRANT") || first.is("REVOKE")) grant_role_keyword();
    blank_max_lengths(0, tokens_.size() - 1, "");  // casts and anything the passes above left
    return std::move(out_);
  }

 private:
  Tokens tokens_;
  PreparedRedshift out_;
  std::vector<bool> blanked_ = std::vector<bool>(tokens_.size(), false);

  bool word_at(std::size_t i, std::string_view w) const { return i < tokens_.size() && tokens_[i].is(w); }
  bool punct_at(std::size_t i, char c) const { return i < tokens_.size() && tokens_[i].is_punctuation(c); }

  // Index of the first token after `start` that is `w`, at paren depth 0 relative to `start`.
  std::size_t find_word(std::size_t start, std::string_view w) const {
    int depth = 0;
    for (std::size_t i = start; i < tokens_.size(); ++i) {
      if (tokens_[i].is_punctuation('(')) ++depth;
      if (tokens_[i].is_punctuation(')')) --depth;
      if (depth == 0 && tokens_[i].is(w)) return i;
    }
    return tokens_.size();
  }

  // Blanks tokens [first, last] (newlines stay, so lines keep their numbers) and records the clause.
  RedshiftClause& blank(std::size_t first, std::size_t last, std::string kind) {
    const std::size_t begin = tokens_[first].begin;
    const std::size_t end = tokens_[last].end;
    for (std::size_t i = begin; i < end; ++i)
      if (out_.text[i] != '\n' && out_.text[i] != '\r') out_.text[i] = ' ';
    std::fill(blanked_.begin() + static_cast<std::ptrdiff_t>(first), blanked_.begin() + static_cast<std::ptrdiff_t>(last) + 1, true);
    RedshiftClause clause{std::move(kind), begin, end, {}, {}};
    for (std::size_t i = first + 1; i <= last; ++i)
      if (tokens_[i].kind != TokenKind::punctuation) clause.arguments.emplace_back(tokens_[i].text);
    out_.clauses.push_back(std::move(clause));
    return out_.clauses.back();
  }

  bool recognise(std::string kind, bool parse = false) {
    out_.kind = std::move(kind);
    out_.parse = parse;
    return true;
  }

  // Statements without a PostgreSQL reading, or with a different one (ANALYZE COMPRESSION would be
  // an ANALYZE of a table named "compression").
  bool classify();
  bool classify_create(std::size_t i);
  bool classify_alter_table();

  void create();
  void create_table(std::size_t after_object);
  void column_list(std::size_t open, std::size_t close);
  void column_clauses(std::size_t first, std::size_t last);
  void table_attributes(std::size_t first, std::size_t last);
  void create_user_options();
  void alter();
  void copy_options();
  void vacuum();
  void analyze();
  void grant_role_keyword();
  void blank_temp_table_marks();
  void blank_query_extensions();
  void blank_max_lengths(std::size_t first, std::size_t last, const std::string& column);
  bool rewrite_external_table(std::size_t table_word);
  std::size_t after_name(std::size_t i) const;
  std::size_t query_start(std::size_t from) const;
  bool rewrite_unload();
};

bool Prepass::classify() {
  const Token& first = tokens_[0];
  if (first.is("UNLOAD")) return rewrite_unload();
  if (first.is("CREATE")) return classify_create(1);
  if (first.is("ALTER")) {
    if (word_at(1, "TABLE")) return classify_alter_table();
    if (word_at(1, "DATASHARE")) return recognise("ALTER DATASHARE");
    if (word_at(1, "SCHEMA") && find_word(2, "QUOTA") < tokens_.size()) return recognise("ALTER SCHEMA QUOTA");
    if (word_at(1, "DATABASE") && find_word(2, "ISOLATION") < tokens_.size()) return recognise("ALTER DATABASE ISOLATION LEVEL");
    if (word_at(1, "IDENTITY") && word_at(2, "PROVIDER")) return recognise("ALTER IDENTITY PROVIDER");
    if (word_at(1, "MASKING") || word_at(1, "RLS")) return recognise("ALTER " + std::string(tokens_[1].text) + " POLICY");
    if (word_at(1, "EXTERNAL")) return recognise("ALTER EXTERNAL VIEW");
    return false;
  }
  if (first.is("DROP")) {
    for (std::string_view object : {"DATASHARE", "LIBRARY", "MODEL"})
      if (word_at(1, object)) return recognise("DROP " + std::string(object));
    if ((word_at(1, "RLS") || word_at(1, "MASKING")) && word_at(2, "POLICY")) return recognise("DROP POLICY");
    if (word_at(1, "IDENTITY") && word_at(2, "PROVIDER")) return recognise("DROP IDENTITY PROVIDER");
    if (word_at(1, "EXTERNAL") && word_at(2, "VIEW")) return recognise("DROP EXTERNAL VIEW");
    return false;
  }
  if ((first.is("ANALYZE") || first.is("ANALYSE")) && word_at(1, "COMPRESSION")) return recognise("ANALYZE COMPRESSION");
  if ((first.is("ATTACH") || first.is("DETACH")) && (word_at(1, "RLS") || word_at(1, "MASKING")))
    return recognise(std::string(first.text) + " POLICY");
  if (first.is("DESC") || first.is("DESCRIBE")) return recognise("DESC");
  if (first.is("CANCEL")) return recognise("CANCEL");
  if (first.is("SHOW") && tokens_.size() > 1 &&
      any_of(tokens_[1], {"TABLE", "VIEW", "DATABASES", "SCHEMAS", "DATASHARES", "COLUMNS", "GRANTS", "MODEL",
                          "EXTERNAL", "PROCEDURE", "TABLES", "FUNCTIONS"}))
    return recognise("SHOW " + std::string(tokens_[1].text));
  if (first.is("GRANT") || first.is("REVOKE")) {
    for (std::string_view marker : {"DATASHARE", "ASSUMEROLE", "IAM_ROLE", "MODEL", "EXTERNAL"})
      if (find_word(1, marker) < tokens_.size()) return recognise(std::string(first.text) + " ON " + std::string(marker));
  }
  return false;
}

bool Prepass::classify_create(std::size_t i) {
  if (word_at(i, "OR") && word_at(i + 1, "REPLACE")) i += 2;
  if (word_at(i, "EXTERNAL")) {
    if (word_at(i + 1, "TABLE")) return rewrite_external_table(i + 1);
    if (i + 1 < tokens_.size()) return recognise("CREATE EXTERNAL " + std::string(tokens_[i + 1].text));
  }
  for (std::string_view object : {"LIBRARY", "MODEL", "DATASHARE"})
    if (word_at(i, object)) return recognise("CREATE " + std::string(object));
  if ((word_at(i, "RLS") || word_at(i, "MASKING")) && word_at(i + 1, "POLICY")) return recognise("CREATE POLICY");
  if (word_at(i, "IDENTITY") && word_at(i + 1, "PROVIDER")) return recognise("CREATE IDENTITY PROVIDER");
  if (word_at(i, "DATABASE")) {
    const std::size_t from = find_word(i, "FROM");
    if (from + 1 < tokens_.size()) return recognise("CREATE DATABASE FROM " + upper(tokens_[from + 1].text));
  }
  return false;
}

bool Prepass::classify_alter_table() {
  // ALTER TABLE name <action>: the action follows the (possibly qualified) name.
  std::size_t i = 2;
  if (word_at(i, "IF") && word_at(i + 1, "EXISTS")) i += 2;
  while (i + 2 < tokens_.size() && punct_at(i + 1, '.')) i += 2;
  const std::size_t action = i + 1;
  if (word_at(action, "APPEND")) return recognise("ALTER TABLE APPEND");
  if (word_at(action, "ROW") && word_at(action + 1, "LEVEL")) return recognise("ALTER TABLE ROW LEVEL SECURITY");
  if (word_at(action, "ALTER")) {
    for (std::string_view storage : {"DISTSTYLE", "DISTKEY", "SORTKEY", "COMPOUND", "INTERLEAVED", "ENCODE"})
      if (word_at(action + 1, storage)) return recognise("ALTER TABLE ALTER " + std::string(storage));
    if (word_at(action + 1, "COLUMN") && word_at(action + 3, "ENCODE")) return recognise("ALTER TABLE ALTER COLUMN ENCODE");
  }
  const bool external = (word_at(action, "SET") && (word_at(action + 1, "LOCATION") || word_at(action + 1, "FILE") ||
                                                    word_at(action + 1, "TABLE"))) ||
                        word_at(action, "PARTITION") ||
                        ((word_at(action, "ADD") || word_at(action, "DROP")) && find_word(action, "PARTITION") < tokens_.size());
  if (external) return recognise("ALTER EXTERNAL TABLE");
  return false;
}


void Prepass::create() {
  std::size_t i = 1;
  if (word_at(i, "OR") && word_at(i + 1, "REPLACE")) i += 2;
  while (i < tokens_.size() && any_of(tokens_[i], {"TEMP", "TEMPORARY", "LOCAL", "GLOBAL", "UNLOGGED"})) ++i;
  if (word_at(i, "TABLE")) return create_table(i + 1);
  if (word_at(i, "MATERIALIZED") && word_at(i + 1, "VIEW")) {
    table_attributes(after_name(i + 2), query_start(i + 2));
    return;
  }
  if (word_at(i, "VIEW")) {
    // … WITH NO SCHEMA BINDING closes a late-binding view.
    const std::size_t n = tokens_.size();
    if (n >= 4 && tokens_[n - 4].is("WITH") && tokens_[n - 3].is("NO") && tokens_[n - 2].is("SCHEMA") &&
        tokens_[n - 1].is("BINDING"))
      blank(n - 4, n - 1, "NO_SCHEMA_BINDING");
    return;
  }
  if (word_at(i, "USER")) return create_user_options();
  if (word_at(i, "SCHEMA") || word_at(i, "DATABASE")) {
    for (std::size_t q = i; q < tokens_.size(); ++q) {
      if (tokens_[q].is("QUOTA") && q + 1 < tokens_.size()) {
        const bool unlimited = tokens_[q + 1].is("UNLIMITED");
        blank(q, std::min(q + (unlimited ? 1 : 2), tokens_.size() - 1), "QUOTA");
      } else if (tokens_[q].is("COLLATE") && q + 1 < tokens_.size()) {
        blank(q, q + 1, "COLLATE");
      } else if (tokens_[q].is("ISOLATION") && word_at(q + 1, "LEVEL") && q + 2 < tokens_.size()) {
        blank(q, q + 2, "ISOLATION_LEVEL");
      } else if (tokens_[q].is("CONNECTION") && word_at(q + 1, "LIMIT") && word_at(q + 2, "UNLIMITED")) {
        blank(q, q + 2, "CONNECTION_LIMIT");
      }
    }
    return;
  }
  if (word_at(i, "PROCEDURE")) {
    const std::size_t nonatomic = find_word(i, "NONATOMIC");
    if (nonatomic < tokens_.size()) blank(nonatomic, nonatomic, "NONATOMIC");
  }
}

// CREATE TABLE [IF NOT EXISTS] name (columns) attributes | CREATE TABLE name attributes AS query
void Prepass::create_table(std::size_t after_object) {
  const std::size_t open = after_name(after_object);
  if (!punct_at(open, '(')) return table_attributes(open, query_start(open));
  const std::size_t close = matching_paren(tokens_, open);
  if (close >= tokens_.size()) return;
  column_list(open, close);
  table_attributes(close + 1, query_start(close + 1));
}

// The token after a possibly qualified object name that starts at `i` (IF [NOT] EXISTS skipped).
std::size_t Prepass::after_name(std::size_t i) const {
  if (word_at(i, "IF") && word_at(i + 1, "NOT") && word_at(i + 2, "EXISTS")) i += 3;
  if (word_at(i, "IF") && word_at(i + 1, "EXISTS")) i += 2;
  while (i + 2 < tokens_.size() && punct_at(i + 1, '.')) i += 2;
  return i + 1;
}

// The AS that starts the query of CREATE TABLE/VIEW … AS (not STORED AS …), or tokens_.size().
std::size_t Prepass::query_start(std::size_t from) const {
  for (std::size_t as = find_word(from, "AS"); as < tokens_.size(); as = find_word(as + 1, "AS"))
    if (word_at(as + 1, "SELECT") || word_at(as + 1, "WITH") || punct_at(as + 1, '(') || word_at(as + 1, "VALUES"))
      return as;
  return tokens_.size();
}

void Prepass::column_list(std::size_t open, std::size_t close) {
  std::size_t start = open + 1;
  int depth = 0;
  for (std::size_t i = open + 1; i <= close; ++i) {
    if (tokens_[i].is_punctuation('(')) ++depth;
    if (tokens_[i].is_punctuation(')') && i != close) --depth;
    if ((depth == 0 && tokens_[i].is_punctuation(',')) || i == close) {
      if (i > start) column_clauses(start, i - 1);
      start = i + 1;
    }
  }
}

// One column definition [first, last]: its name first, then type and constraints.
void Prepass::column_clauses(std::size_t first, std::size_t last) {
  if (any_of(tokens_[first], {"CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "LIKE", "EXCLUDE"})) return;
  const std::string column(tokens_[first].text);
  blank_max_lengths(first + 1, last, column);
  for (std::size_t i = first + 1; i <= last; ++i) {
    const Token& t = tokens_[i];
    if (t.is("ENCODE") && i + 1 <= last) {
      blank(i, i + 1, "ENCODE").column = column;
      ++i;
    } else if ((t.is("DISTKEY") || t.is("SORTKEY")) && !punct_at(i + 1, '(')) {
      blank(i, i, std::string(t.is("DISTKEY") ? "DISTKEY" : "SORTKEY")).column = column;
    } else if (t.is("IDENTITY") && punct_at(i + 1, '(')) {
      const std::size_t close = matching_paren(tokens_, i + 1);
      if (close > last) continue;
      // GENERATED BY DEFAULT AS IDENTITY(seed, step): PostgreSQL reads the words, not the numbers.
      const bool generated = i > first && tokens_[i - 1].is("AS");
      RedshiftClause& clause = blank(generated ? i + 1 : i, close, "IDENTITY");
      clause.column = column;
      if (generated) clause.arguments.insert(clause.arguments.begin(), "GENERATED");
      i = close;
    }
  }
}

// Table attributes between `first` and `last` (exclusive), at paren depth 0.
void Prepass::table_attributes(std::size_t first, std::size_t last) {
  last = std::min(last, tokens_.size());
  for (std::size_t i = first; i < last; ++i) {
    const Token& t = tokens_[i];
    std::size_t end = i;
    std::string kind;
    if (t.is("DISTKEY") && punct_at(i + 1, '(')) {
      kind = "DISTKEY";
      end = matching_paren(tokens_, i + 1);
    } else if ((t.is("COMPOUND") || t.is("INTERLEAVED")) && word_at(i + 1, "SORTKEY") && punct_at(i + 2, '(')) {
      kind = "SORTKEY";
      end = matching_paren(tokens_, i + 2);
    } else if (t.is("SORTKEY") && punct_at(i + 1, '(')) {
      kind = "SORTKEY";
      end = matching_paren(tokens_, i + 1);
    } else if (any_of(t, {"DISTSTYLE", "SORTKEY", "ENCODE", "BACKUP"}) && i + 1 < last) {
      kind = upper(t.text);
      end = i + 1;
    } else if (t.is("AUTO") && word_at(i + 1, "REFRESH") && i + 2 < last) {
      kind = "AUTO_REFRESH";
      end = i + 2;
    }
    if (kind.empty() || end >= last) continue;
    blank(i, end, kind);
    i = end;
  }
}

// VARCHAR(MAX) and friends, in column definitions and casts.
void Prepass::blank_max_lengths(std::size_t first, std::size_t last, const std::string& column) {
  for (std::size_t i = first; i + 3 <= last + 1 && i + 2 < tokens_.size(); ++i)
    if (!blanked_[i] && tokens_[i].is_punctuation('(') && tokens_[i + 1].is("MAX") && tokens_[i + 2].is_punctuation(')') && i > 0 &&
        any_of(tokens_[i - 1], {"VARCHAR", "CHAR", "CHARACTER", "VARYING", "NVARCHAR", "NCHAR", "BPCHAR", "VARBYTE",
                                "VARBINARY", "BINARY"})) {
      RedshiftClause& clause = blank(i, i + 2, "MAX_LENGTH");
      clause.column = column;
      clause.arguments = {std::string(tokens_[i - 1].text)};
    }
}

void Prepass::create_user_options() {
  for (std::size_t i = 2; i < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (t.is("SYSLOG") && word_at(i + 1, "ACCESS") && i + 2 < tokens_.size()) {
      blank(i, i + 2, "SYSLOG_ACCESS"), i += 2;
    } else if (t.is("CREATEUSER") || t.is("NOCREATEUSER")) {
      blank(i, i, "CREATEUSER");
    } else if (t.is("PASSWORD") && word_at(i + 1, "DISABLE")) {
      blank(i, i + 1, "PASSWORD_DISABLE"), ++i;
    } else if (t.is("CONNECTION") && word_at(i + 1, "LIMIT") && word_at(i + 2, "UNLIMITED")) {
      blank(i, i + 2, "CONNECTION_LIMIT"), i += 2;
    } else if (t.is("SESSION") && word_at(i + 1, "TIMEOUT") && i + 2 < tokens_.size()) {
      blank(i, i + 2, "SESSION_TIMEOUT"), i += 2;
    } else if (t.is("EXTERNALID") && i + 1 < tokens_.size()) {
      blank(i, i + 1, "EXTERNALID"), ++i;
    }
  }
}

void Prepass::alter() {
  if (word_at(1, "USER")) return create_user_options();
  if (!word_at(1, "TABLE")) return;
  // ALTER TABLE … ADD [COLUMN] c type [ENCODE e]
  for (std::size_t i = 2; i + 1 < tokens_.size(); ++i)
    if (tokens_[i].is("ENCODE") && tokens_[i + 1].kind == TokenKind::word) blank(i, i + 1, "ENCODE"), ++i;
}

// COPY t [(cols)] FROM 's3://…' <Redshift options>: PostgreSQL would read the options as its own (or
// reject them), so everything after the source is blanked and kept.
void Prepass::copy_options() {
  const std::size_t from = find_word(1, "FROM");
  if (from + 1 >= tokens_.size() || tokens_[from + 1].kind != TokenKind::string) return;
  if (from + 2 < tokens_.size()) blank(from + 2, tokens_.size() - 1, "COPY_OPTIONS");
}

// VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX | RECLUSTER] [table] [TO n PERCENT] [BOOST]
void Prepass::vacuum() {
  std::size_t i = 1;
  if ((word_at(i, "SORT") || word_at(i, "DELETE")) && word_at(i + 1, "ONLY")) blank(i, i + 1, "VACUUM_MODE"), i += 2;
  else if (word_at(i, "REINDEX") || word_at(i, "RECLUSTER")) blank(i, i, "VACUUM_MODE"), ++i;
  for (; i < tokens_.size(); ++i) {
    if (tokens_[i].is("TO") && word_at(i + 2, "PERCENT")) blank(i, i + 2, "VACUUM_THRESHOLD"), i += 2;
    else if (tokens_[i].is("BOOST")) blank(i, i, "VACUUM_BOOST");
  }
}

void Prepass::analyze() {
  for (std::size_t i = 1; i + 1 < tokens_.size(); ++i)
    if ((tokens_[i].is("PREDICATE") || tokens_[i].is("ALL")) && tokens_[i + 1].is("COLUMNS"))
      blank(i, i + 1, "ANALYZE_COLUMNS"), ++i;
}

// GRANT ROLE r TO u, GRANT … TO ROLE r, REVOKE … FROM ROLE r: PostgreSQL has no ROLE keyword there.
void Prepass::grant_role_keyword() {
  if (word_at(1, "ROLE")) blank(1, 1, "ROLE_KEYWORD");
  for (std::size_t i = 2; i + 1 < tokens_.size(); ++i)
    if ((tokens_[i].is("TO") || tokens_[i].is("FROM") || tokens_[i].is_punctuation(',')) && tokens_[i + 1].is("ROLE"))
      blank(i + 1, i + 1, "ROLE_KEYWORD");
}

// `#name` is a temporary table in Redshift; `_name` keeps the offsets and parses.
void Prepass::blank_temp_table_marks() {
  for (std::size_t i = 1; i + 1 < tokens_.size(); ++i)
    if (tokens_[i].is_punctuation('#') && tokens_[i + 1].kind == TokenKind::word && tokens_[i + 1].begin == tokens_[i].end &&
        (tokens_[i - 1].kind == TokenKind::word || tokens_[i - 1].is_punctuation(','))) {
      out_.text[tokens_[i].begin] = '_';
      out_.clauses.push_back({"TEMP_TABLE_NAME", tokens_[i].begin, tokens_[i + 1].end, "", {std::string(tokens_[i + 1].text)}});
    }
}

// SELECT TOP n, APPROXIMATE COUNT(…), f(x IGNORE NULLS): Redshift query syntax with a PostgreSQL core.
void Prepass::blank_query_extensions() {
  for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
    const Token& t = tokens_[i];
    if (t.is("SELECT")) {
      std::size_t top = i + 1;
      if (word_at(top, "DISTINCT") || word_at(top, "ALL")) ++top;
      if (word_at(top, "TOP") && top + 1 < tokens_.size() && tokens_[top + 1].kind == TokenKind::number)
        blank(top, top + 1, "TOP");
    } else if (t.is("APPROXIMATE") && tokens_[i + 1].kind == TokenKind::word) {
      blank(i, i, "APPROXIMATE");
    } else if ((t.is("IGNORE") || t.is("RESPECT")) && tokens_[i + 1].is("NULLS")) {
      blank(i, i + 1, "NULLS_TREATMENT");
    }
  }
}


// CREATE EXTERNAL TABLE s.t (columns) PARTITIONED BY … STORED AS … LOCATION …: reads as CREATE TABLE s.t
// (columns), so the column types can be checked. CREATE EXTERNAL TABLE … AS SELECT keeps the query.
bool Prepass::rewrite_external_table(std::size_t table_word) {
  recognise("CREATE EXTERNAL TABLE", true);
  blank(table_word - 1, table_word - 1, "EXTERNAL");
  const std::size_t next = after_name(table_word + 1);
  if (punct_at(next, '(')) {
    const std::size_t close = matching_paren(tokens_, next);
    if (close + 1 < tokens_.size()) blank(close + 1, tokens_.size() - 1, "EXTERNAL_TABLE_OPTIONS");
    return true;
  }
  const std::size_t as = query_start(next);
  if (as < tokens_.size() && as > next) blank(next, as - 1, "EXTERNAL_TABLE_OPTIONS");
  return true;
}

// UNLOAD ('query') TO 's3://…' options: the query inside the literal is what can be checked.
bool Prepass::rewrite_unload() {
  recognise("UNLOAD", false);
  if (!punct_at(1, '(') || tokens_.size() < 3 || tokens_[2].kind != TokenKind::string) return true;
  const Token& literal = tokens_[2];
  if (literal.text.size() < 2 || literal.text.front() != '\'' || literal.text.back() != '\'') return true;
  std::string query;
  out_.shifts.push_back({0, static_cast<std::ptrdiff_t>(literal.begin + 1)});
  for (std::size_t i = literal.begin + 1; i + 1 < literal.end; ++i) {
    const char c = out_.text[i];
    if ((c == '\\' || c == '\'') && i + 2 < literal.end) {
      ++i;  // '' and \x stand for one character
      out_.shifts.push_back({query.size() + 1, 1});
    }
    query.push_back(out_.text[i]);
  }
  out_.parse = true;
  out_.text = std::move(query);
  return true;
}

}  // namespace

PreparedRedshift prepare_redshift(std::string_view statement) { return Prepass(statement).run(); }

std::string classify_unparsed_redshift(std::string_view statement) {
  const Tokens tokens = tokenize(statement, true);
  for (const Token& t : tokens)
    for (std::string_view word : {"QUALIFY", "PIVOT", "UNPIVOT"})
      if (t.is(word)) return "query with " + std::string(word);
  return {};
}

bool insert_subquery_alias(std::string& text, std::size_t error_offset, int number, std::vector<OffsetShift>& shifts) {
  const Tokens tokens = tokenize(text, true);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].begin < error_offset || !tokens[i].is_punctuation('(')) continue;
    const std::size_t close = matching_paren(tokens, i);
    if (close >= tokens.size()) return false;
    const std::string alias = " AS _sq" + std::to_string(number);
    const std::size_t at = tokens[close].end;
    text.insert(at, alias);
    for (OffsetShift& shift : shifts)
      if (shift.from > at) shift.from += alias.size();
    shifts.push_back({at + alias.size(), -static_cast<std::ptrdiff_t>(alias.size())});
    return true;
  }
  return false;
}

std::size_t unshift(const std::vector<OffsetShift>& shifts, std::size_t offset) {
  std::ptrdiff_t total = 0;
  for (const OffsetShift& shift : shifts)
    if (shift.from <= offset) total += shift.delta;
  const auto mapped = static_cast<std::ptrdiff_t>(offset) + total;
  return mapped < 0 ? 0 : static_cast<std::size_t>(mapped);
}

RedshiftLexing::RedshiftLexing() : previous_(standard_conforming_strings) { standard_conforming_strings = false; }
RedshiftLexing::~RedshiftLexing() { standard_conforming_strings = previous_; }

}  // namespace flyguard::sql
