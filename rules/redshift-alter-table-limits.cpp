// redshift-alter-table-limits: ALTER TABLE forms that Redshift rejects (dg/r_ALTER_TABLE).
#include <set>

#include "rules/rule.h"
#include "sql/tokens.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

bool is_varchar(const AstNode& type_name) {
  const std::string_view name = builtin_type(type_name);
  return (name == "varchar" || name == "nvarchar") && !type_name.list_field("typmods").empty();
}

bool has_constraint(const AstNode& column, std::string_view contype) {
  for (const AstNode& constraint : column.list_field("constraints"))
    if (constraint.body().string_field("contype") == contype) return true;
  return false;
}

// What Redshift refuses about one ALTER TABLE sub-command, or "".
std::string refusal(const AstNode& cmd) {
  const std::string_view subtype = cmd.string_field("subtype");
  if (subtype == "AT_AlterColumnType") {
    const AstNode def = cmd.field("def").body();
    if (!is_varchar(def.field("typeName"))) return "ALTER COLUMN ... TYPE only changes the length of a VARCHAR";
    if (def.field("raw_default")) return "ALTER COLUMN ... TYPE takes no USING clause";
  }
  if (subtype == "AT_SetNotNull" || subtype == "AT_DropNotNull") return "ALTER COLUMN ... SET/DROP NOT NULL is not supported";
  if (subtype == "AT_ColumnDefault") return "ALTER COLUMN ... SET/DROP DEFAULT is not supported";
  if (subtype == "AT_AddColumn") {
    const AstNode column = cmd.field("def").body();
    if (has_constraint(column, "CONSTR_NOTNULL") && !has_constraint(column, "CONSTR_DEFAULT"))
      return "ADD COLUMN ... NOT NULL needs a non-null DEFAULT, even on an empty table";
    for (std::string_view key : {"CONSTR_PRIMARY", "CONSTR_UNIQUE", "CONSTR_FOREIGN", "CONSTR_IDENTITY"})
      if (has_constraint(column, key)) return "ADD COLUMN cannot add a PRIMARY KEY, UNIQUE, REFERENCES or IDENTITY column";
  }
  return {};
}

// The declared VARCHAR length of a column created earlier in this file, or 0 when unknown.
long declared_length(const RuleContext& context, const AstNode& table, std::string_view column) {
  long length = 0;
  for (std::size_t i = 0; i < context.index; ++i) {
    const flyguard::sql::Statement& statement = context.statements[i];
    if (statement.kind() != "CreateStmt" || !same_table(statement.body().field("relation"), table)) continue;
    for (const AstNode& element : statement.body().list_field("tableElts")) {
      if (element.type() != "ColumnDef" || element.body().string_field("colname") != column) continue;
      const std::vector<AstNode> mods = element.body().field("typeName").list_field("typmods");
      if (is_varchar(element.body().field("typeName")) && mods.size() == 1)
        length = static_cast<long>(mods[0].body().field("ival").int_field("ival"));
    }
  }
  return length;
}

// ALTER COLUMN ... TYPE varchar(n) can only grow the column: a shorter length than the one this file
// declared is rejected.
std::string shrinking(const RuleContext& context, const AstNode& cmd) {
  if (cmd.string_field("subtype") != "AT_AlterColumnType") return {};
  const std::vector<AstNode> mods = cmd.field("def").body().field("typeName").list_field("typmods");
  if (mods.size() != 1) return {};
  const long wanted = static_cast<long>(mods[0].body().field("ival").int_field("ival"));
  const long declared = declared_length(context, context.node().field("relation"), cmd.string_field("name"));
  if (declared == 0 || wanted >= declared) return {};
  return "ALTER COLUMN ... TYPE can only make a VARCHAR longer (" + std::to_string(declared) + " -> " +
         std::to_string(wanted) + ")";
}

// What this file's CREATE TABLE said about a table that a storage ALTER changes.
struct CreatedTable {
  bool found = false;
  std::set<std::string> columns;
  bool interleaved = false;
  bool temporary = false;
};

CreatedTable created_table(const RuleContext& context, std::string_view schema, std::string_view name) {
  CreatedTable table;
  for (std::size_t i = 0; i < context.index; ++i) {
    const flyguard::sql::Statement& statement = context.statements[i];
    if (statement.kind() != "CreateStmt") continue;
    const AstNode relation = statement.body().field("relation");
    if (ascii_lower(relation.string_field("relname")) != ascii_lower(name)) continue;
    if (!schema.empty() && ascii_lower(relation.string_field("schemaname")) != ascii_lower(schema)) continue;
    table = CreatedTable{true, column_names(statement.body()), false, relation.string_field("relpersistence") == "t"};
    for (const flyguard::sql::RedshiftClause& clause : statement.redshift_clauses)
      if (clause.kind == "SORTKEY" && ascii_lower(context.text.substr(clause.begin, 11)) == "interleaved") table.interleaved = true;
  }
  return table;
}

// Reads ALTER TABLE [IF EXISTS] [schema.]name ALTER <storage action> [, ALTER …] from its words and says
// what Redshift refuses, or "". These statements never reach the PostgreSQL parser.
class StorageAlter {
 public:
  StorageAlter(const RuleContext& context)
      : context_(context),
        tokens_(flyguard::sql::tokenize(context.statement_code(), true)) {}

  std::string refusal() {
    std::size_t i = 2;
    if (is(i, "IF") && is(i + 1, "EXISTS")) i += 2;
    std::string schema;
    std::string name = word(i);
    while (i + 2 < tokens_.size() && tokens_[i + 1].is_punctuation('.')) {
      schema = name;
      i += 2;
      name = word(i);
    }
    table_ = created_table(context_, schema, name);
    for (++i; i < tokens_.size(); ++i) {
      if (!is(i, "ALTER")) continue;
      std::string why = action(i + 1);
      if (!why.empty()) return why;
    }
    return {};
  }

 private:
  bool is(std::size_t i, std::string_view w) const { return i < tokens_.size() && tokens_[i].is(w); }
  std::string word(std::size_t i) const {
    if (i >= tokens_.size()) return {};
    std::string_view text = tokens_[i].text;
    if (tokens_[i].kind == flyguard::sql::TokenKind::quoted_identifier && text.size() >= 2)
      return std::string(text.substr(1, text.size() - 2));
    return ascii_lower(text);
  }

  std::string action(std::size_t i) const {
    if (is(i, "INTERLEAVED"))
      return "ALTER ... SORTKEY cannot make a sort key INTERLEAVED (only COMPOUND, AUTO or NONE)";
    if (is(i, "DISTKEY")) return key_column(i + 1, "DISTKEY");
    if (is(i, "DISTSTYLE")) return distribution(i + 1);
    if (is(i, "COMPOUND")) ++i;
    if (is(i, "SORTKEY")) return sort_columns(i + 1);
    return {};
  }

  std::string distribution(std::size_t i) const {
    const std::string style = word(i);
    if (style == "key") {
      if (!is(i + 1, "DISTKEY")) return "ALTER DISTSTYLE KEY needs the column: ALTER DISTSTYLE KEY DISTKEY <column>";
      return key_column(i + 2, "DISTKEY");
    }
    if (style == "all" && table_.interleaved)
      return "ALTER DISTSTYLE ALL is not supported on a table with an INTERLEAVED sort key";
    if (style == "all" && table_.temporary) return "ALTER DISTSTYLE ALL is not supported on temporary tables";
    if (style != "all" && style != "even" && style != "auto")
      return "ALTER DISTSTYLE takes ALL, EVEN, AUTO or KEY DISTKEY <column>, not '" + style + "'";
    return {};
  }

  std::string sort_columns(std::size_t i) const {
    if (is(i, "AUTO") || is(i, "NONE")) return {};
    if (i >= tokens_.size() || !tokens_[i].is_punctuation('('))
      return "ALTER SORTKEY takes a column list, AUTO or NONE";
    const std::size_t close = flyguard::sql::matching_paren(tokens_, i);
    std::size_t listed = 0;
    for (std::size_t k = i + 1; k < close; ++k) {
      if (tokens_[k].is_punctuation(',')) continue;
      ++listed;
      std::string why = key_column(k, "SORTKEY");
      if (!why.empty()) return why;
    }
    if (listed > 400) return "a compound SORTKEY has at most 400 columns";
    return {};
  }

  std::string key_column(std::size_t i, std::string_view key) const {
    const std::string column = word(i);
    if (column.empty()) return std::string(key) + " needs a column";
    if (table_.found && !table_.columns.count(column))
      return std::string(key) + " names " + column + ", which is not a column of the table created above";
    return {};
  }

  const RuleContext& context_;
  std::vector<flyguard::sql::Token> tokens_;
  CreatedTable table_;
};

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.redshift_kind.rfind("ALTER TABLE ALTER ", 0) == 0) {
    std::string why = StorageAlter(context).refusal();
    if (!why.empty())
      reporter.report(context.statement_offset(), "Redshift rejects this ALTER TABLE: " + why,
                      "see the ALTER DISTKEY / DISTSTYLE / SORTKEY forms in Redshift's ALTER TABLE reference");
    return;
  }
  const std::vector<AstNode> commands = alter_table_commands(context);
  if (commands.size() > 1) {
    // Redshift takes one action per ALTER TABLE (its storage ALTERs are read as their own statements).
    reporter.report(context.statement_offset(),
                    "Redshift runs one action per ALTER TABLE; this statement has " + std::to_string(commands.size()),
                    "split it into one ALTER TABLE per action");
  }
  for (const AstNode& cmd : commands) {
    std::string why = refusal(cmd);
    if (why.empty()) why = shrinking(context, cmd);
    if (!why.empty()) {
      reporter.report(context.statement_offset(), "Redshift rejects this ALTER TABLE: " + why,
                      "create a new table with the wanted definition, copy the rows (INSERT ... SELECT or "
                      "ALTER TABLE APPEND) and swap the names");
      return;
    }
  }
}

}  // namespace

FLYGUARD_RULE(redshift_alter_table_limits) = {
    .id = "redshift-alter-table-limits",
    .severity = flyguard::Severity::error,
    .dialects = kRedshift,
    .opt_in = false,
    .summary = "ALTER TABLE forms Redshift rejects: type changes other than a VARCHAR length, SET/DROP NOT NULL or DEFAULT, NOT NULL columns without a default, several actions, invalid ALTER DISTKEY/DISTSTYLE/SORTKEY",
    .rationale =
        "Redshift's ALTER TABLE is much narrower than PostgreSQL's (dg/r_ALTER_TABLE): ALTER COLUMN ... TYPE "
        "only changes the length of a VARCHAR (no other type, no USING); nullability and defaults of existing "
        "columns cannot be changed; a column added as NOT NULL needs a non-null default even when the table is "
        "empty; ADD COLUMN cannot add key or identity columns; and one statement takes one action. PostgreSQL "
        "accepts all of these, so a migration tested against PostgreSQL fails when it reaches Redshift. The "
        "Redshift-only forms ALTER DISTKEY, ALTER DISTSTYLE and ALTER [COMPOUND] SORTKEY are checked from their "
        "words: keys must name columns of the table (when this file created it), DISTSTYLE KEY needs its "
        "DISTKEY, a sort key cannot become INTERLEAVED, and DISTSTYLE ALL is refused for tables with an "
        "interleaved sort key and for temporary tables.",
    .bad_example = "ALTER TABLE sales ALTER COLUMN amount TYPE decimal(14, 2);",
    .good_example = "ALTER TABLE sales ALTER COLUMN note TYPE varchar(500);",
    .fix = "Rebuild the table (CREATE TABLE ..., INSERT ... SELECT, rename) for changes Redshift's ALTER TABLE does not make",
    .check = check,
};
