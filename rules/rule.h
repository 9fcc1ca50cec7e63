#pragma once
// The shape of a lint rule: self-describing metadata plus one check run on every parsed statement.
// A rule lives in rules/<id>.cpp, is listed once in rules/registry.cpp and has tests/rules/<id>.sql.
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.h"
#include "util/ascii.h"
#include "sql/ast.h"
#include "sql/dialect.h"
#include "sql/script.h"

namespace flyguard::rules {

// Which dialects a rule applies to (a bitmask).
enum DialectMask : unsigned { kPostgres = 1U, kRedshift = 2U, kBothDialects = kPostgres | kRedshift };

bool applies_to(unsigned dialects, Dialect dialect);
std::string dialect_names(unsigned dialects);  // "postgres, redshift"

// A table as written in a statement: schema may be empty (unqualified).
struct TableName {
  std::string schema;
  std::string name;
};

// Facts about the whole file that a rule computes once (scanning every statement) and then reads for
// each statement, so that a per-file question does not cost a scan per statement. Keys are rule ids
// (plus a suffix when a rule keeps several); one key always holds one type.
class FileMemo {
 public:
  template <typename T, typename Compute>
  const T& get(std::string_view key, Compute&& compute) {
    auto it = values_.find(key);
    if (it == values_.end()) it = values_.emplace(std::string(key), std::make_shared<T>(compute())).first;
    return *static_cast<const T*>(it->second.get());
  }

 private:
  std::map<std::string, std::shared_ptr<void>, std::less<>> values_;  // looked up by view: no copy per statement
};

// A column type the statement declares, with its built-in name worked out once for the several type rules.
struct DeclaredType {
  sql::AstNode type_name;    // the TypeName node
  std::string_view builtin;  // builtin_type(type_name)
};

// Facts several rules derive from the same statement: worked out on first use, kept while the engine runs
// every rule on that statement.
struct StatementFacts {
  std::optional<std::vector<sql::AstNode>> alter_commands;  // see alter_table_commands
  std::vector<std::string_view> alter_subtypes;             // each command's "subtype", in the same order
  std::optional<bool> alters_existing_table;                // see existing_table_commands
  std::optional<std::vector<DeclaredType>> column_types;    // see declared_column_types
};

// Everything a check may look at. Offsets are byte offsets in `text`, the SQL that was parsed (after
// placeholder replacement); the engine maps them back to the file.
struct RuleContext {
  const sql::Statement& statement;
  std::string_view text;
  std::size_t index = 0;                          // of `statement` in `statements`
  const std::vector<sql::Statement>& statements;  // every statement of the file, in order
  Dialect dialect = Dialect::postgres;
  std::optional<int> pg_version;                  // target server major version, when configured
  bool in_transaction = true;                     // whether Flyway runs this file inside one transaction
  const std::vector<TableName>& tables_created;   // tables created by earlier statements of this file
  const std::function<bool(std::size_t, std::size_t)>& placeholder_check;  // see holds_placeholder
  bool mixed = false;  // Flyway's mixed setting: transactional and non-transactional statements may share a file
  // Flyway's postgresql.transactional.lock (default true): Flyway holds its lock in an open transaction.
  bool transactional_lock = true;
  FileMemo* memo = nullptr;  // per-file cache (see FileMemo); never null when the engine runs a check
  StatementFacts* facts = nullptr;  // per-statement cache; never null when the engine runs a check

  // The statement's node body, e.g. the inside of {"IndexStmt": {...}}.
  const sql::AstNode& node() const { return statement.body(); }
  // Where a node starts; the statement's first token when the node carries no location.
  std::size_t offset_of(const sql::AstNode& node) const;
  std::size_t statement_offset() const { return statement.span.code_begin; }
  // The statement as written, from its first token to before its delimiter (offsets from statement_offset()).
  std::string_view statement_code() const {
    return text.substr(statement.span.code_begin, statement.span.end - statement.span.code_begin);
  }
  // True when a RangeVar names a table created earlier in this file (unqualified names match any schema:
  // a false "created here" only silences a lock warning on a table nobody else can be using yet).
  bool created_in_this_file(const sql::AstNode& range_var) const;
  bool created_in_this_file(std::string_view schema, std::string_view name) const;
  // True when [begin, end) of `text` holds a Flyway placeholder (replaced or not): its value is only
  // known at deploy time, so it is not a literal written in the file.
  bool holds_placeholder(std::size_t begin, std::size_t end) const {
    return placeholder_check && placeholder_check(begin, end);
  }
};

class RuleReporter {
 public:
  virtual ~RuleReporter() = default;
  virtual void report(std::size_t offset, std::string message, std::string hint = {}) = 0;
};

using CheckFunction = void (*)(const RuleContext&, RuleReporter&);

struct Rule {
  std::string_view id;             // kebab-case, stable
  Severity severity = Severity::warning;
  unsigned dialects = kBothDialects;
  bool opt_in = false;             // off unless [rules] turns it on
  std::string_view summary;        // one line: what it flags
  std::string_view rationale;      // one paragraph: why it matters
  std::string_view bad_example;    // SQL that triggers it
  std::string_view good_example;   // SQL that does the same job safely
  std::string_view fix;            // one line: what to do instead
  CheckFunction check = nullptr;  // nullptr: reported by the suppression pass, not per statement
};

// Every registered rule, in registry order.
const std::vector<const Rule*>& all_rules();
const Rule* find_rule(std::string_view id);

// Helpers shared by checks.
// The last name of a qualified name list ([{"String":{"sval":"pg_catalog"}},{"String":{"sval":"int4"}}]).
std::string_view last_name(const std::vector<sql::AstNode>& names);
// The schema part of a type name, "" when unqualified.
std::string_view qualifier(const std::vector<sql::AstNode>& names);
std::string table_label(const sql::AstNode& range_var);  // "schema.table" or "table"
// Whether two RangeVars may name the same table (an unqualified name matches any schema).
bool same_table(const sql::AstNode& a, const sql::AstNode& b);
// The same, for names already read: schema "" (unqualified) matches any schema.
bool same_table_name(std::string_view schema_a, std::string_view name_a, std::string_view schema_b,
                     std::string_view name_b);

// The AlterTableCmd bodies of an ALTER TABLE on a table (not on an index, view or sequence).
const std::vector<sql::AstNode>& alter_table_commands(const RuleContext& context);
// The ALTER TABLE commands of one subtype ("AT_AddColumn"; "" = all) on a table that existed before this
// file. Lock and rewrite rules leave tables created earlier in the same migration alone: nobody reads
// or writes them yet, and they are empty.
std::vector<sql::AstNode> existing_table_commands(const RuleContext& context, std::string_view subtype);
// The column names a CREATE TABLE node (the statement's body) declares, as the parser folded them.
std::set<std::string> column_names(const sql::AstNode& create);
// The Constraint bodies of a CREATE TABLE node (the statement's body): table constraints and those written
// on a column, in source order.
std::vector<sql::AstNode> table_constraints(const sql::AstNode& create);
// The TypeName of every column the statement declares or retypes: CREATE TABLE columns,
// ALTER TABLE ADD COLUMN and ALTER COLUMN TYPE.
const std::vector<DeclaredType>& declared_column_types(const RuleContext& context);
// The name of a built-in type ("int4", "timestamp"), "" for a type from another schema.
std::string_view builtin_type(const sql::AstNode& type_name);
using util::ascii_lower;  // ASCII lower case, as unquoted SQL names compare

// Every table reference below `node`: the wrapped RangeVars of FROM lists and the bare ones of "relation"
// fields alike (a CTE name read in FROM counts too).
std::vector<sql::AstNode> range_vars(const sql::AstNode& node);
// Whether `tables` holds the table schema.name (an unqualified name on either side matches any schema).
bool among(const std::vector<TableName>& tables, std::string_view schema, std::string_view name);
// Adds the table a CREATE TABLE [AS] statement creates to `tables`.
void note_created_table(const sql::Statement& statement, std::vector<TableName>& tables);

// 1-based line of a byte offset of RuleContext::text, for messages that point at another statement.
int line_of(const RuleContext& context, std::size_t offset);

// Timeouts (require-lock-timeout, require-statement-timeout): both rules must agree on which statements
// take a lock that makes other sessions queue, so they share these.
// The table `statement` locks that way when it is not among `created` (tables the file created before it);
// "" when it takes no such lock.
std::string locked_existing_table(const sql::Statement& statement, const std::vector<TableName>& created);
// The table of the current statement when it is the file's first lock-taking statement on an existing
// table and no earlier SET [LOCAL] gives `setting` a value other than zero (zero turns a timeout off);
// "" otherwise (one SET at the top fixes the whole file). SET LOCAL counts only inside a transaction.
// `setting` is "lock_timeout" or "statement_timeout".
std::string first_lock_without_timeout(const RuleContext& context, std::string_view setting);

}  // namespace flyguard::rules

// Defines a rule object with external linkage so that the registry can list it.
#define FLYGUARD_RULE(name)                  \
  namespace flyguard::rules {                \
  extern const Rule name;                    \
  }                                          \
  const flyguard::rules::Rule flyguard::rules::name
