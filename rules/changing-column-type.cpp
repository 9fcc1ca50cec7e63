// changing-column-type: ALTER COLUMN ... TYPE that rewrites the table.
#include <optional>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

struct ColumnType {
  std::string name;               // builtin name ("varchar", "numeric"), "" for another schema's type
  std::vector<std::int64_t> mods;  // typmods as written: varchar(20) -> {20}
  bool array = false;
};

ColumnType read_type(const AstNode& type_name) {
  ColumnType type{std::string(builtin_type(type_name)), {}, static_cast<bool>(type_name.field("arrayBounds"))};
  for (const AstNode& mod : type_name.list_field("typmods"))
    type.mods.push_back(mod.field("ival").int_field("ival", 0));
  return type;
}

bool is_string(const std::string& name) { return name == "varchar" || name == "text"; }

// Whether PostgreSQL changes `from` into `to` without rewriting the table (or scanning it).
bool binary_compatible(const ColumnType& from, const ColumnType& to) {
  if (from.array || to.array || from.name.empty()) return false;
  if (from.name == to.name && from.mods == to.mods) return true;
  if (is_string(from.name) && (to.name == "text" || (to.name == "varchar" && to.mods.empty()))) return true;
  if (from.name == "varchar" && to.name == "varchar" && from.mods.size() == 1 && to.mods.size() == 1)
    return to.mods[0] >= from.mods[0];
  if (from.name == "numeric" && to.name == "numeric") {
    if (to.mods.empty()) return true;
    std::int64_t from_scale = from.mods.size() > 1 ? from.mods[1] : 0;
    std::int64_t to_scale = to.mods.size() > 1 ? to.mods[1] : 0;
    return from.mods.size() >= 1 && to.mods[0] >= from.mods[0] && to_scale == from_scale;
  }
  return false;
}

// The column's type as declared or retyped by an earlier statement of this file, if any.
std::optional<ColumnType> declared_before(const RuleContext& context, const AstNode& table, std::string_view column) {
  std::optional<ColumnType> found;
  for (std::size_t i = 0; i < context.index; ++i) {
    const flyguard::sql::Statement& statement = context.statements[i];
    if (!statement.ast) continue;
    AstNode body = statement.body();
    if (!same_table(body.field("relation"), table)) continue;
    if (statement.kind() == "CreateStmt") {
      for (const AstNode& element : body.list_field("tableElts"))
        if (element.type() == "ColumnDef" && element.body().string_field("colname") == column)
          found = read_type(element.body().field("typeName"));
    } else if (statement.kind() == "AlterTableStmt") {
      for (const AstNode& item : body.list_field("cmds")) {
        AstNode cmd = item.body();
        std::string_view subtype = cmd.string_field("subtype");
        AstNode def = cmd.field("def");
        if ((subtype == "AT_AddColumn" && def.string_field("colname") == column) ||
            (subtype == "AT_AlterColumnType" && cmd.string_field("name") == column))
          found = read_type(def.field("typeName"));
      }
    }
  }
  return found;
}

// Whether a change to `to` from an unknown type could be a widening that needs no rewrite.
bool may_widen(const ColumnType& to) { return !to.array && (is_string(to.name) || to.name == "numeric"); }

void check(const RuleContext& context, RuleReporter& reporter) {
  AstNode table = context.node().field("relation");
  for (const AstNode& cmd : existing_table_commands(context, "AT_AlterColumnType")) {
    std::string column(cmd.string_field("name"));
    ColumnType to = read_type(cmd.field("def").field("typeName"));
    std::optional<ColumnType> from = declared_before(context, table, column);
    if (from ? binary_compatible(*from, to) : may_widen(to)) continue;
    reporter.report(context.offset_of(cmd.field("def")),
                    "changing the type of " + table_label(table) + "." + column +
                        " rewrites the table and its indexes under an ACCESS EXCLUSIVE lock",
                    "add a new column of the new type, backfill it in batches, switch the application over, "
                    "then drop the old column");
  }
}

}  // namespace

FLYGUARD_RULE(changing_column_type) = {
    .id = "changing-column-type",
    .severity = flyguard::Severity::error,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "ALTER COLUMN ... TYPE that rewrites an existing table",
    .rationale =
        "Changing a column's type makes PostgreSQL rewrite every row and rebuild every index on the table "
        "while holding an ACCESS EXCLUSIVE lock, so reads and writes stop for as long as the rewrite takes; "
        "code that still reads the old type may break too. A few changes are binary compatible and only touch "
        "the catalog: varchar(n) to varchar(m) with m >= n, varchar to text or unbounded varchar, and "
        "numeric(p,s) to numeric(p2,s) with p2 >= p (or unbounded numeric). When an earlier statement of the "
        "file declares the column, the rule knows its old type and flags only real rewrites; when the old "
        "type is unknown it leaves alone targets that may be such a widening (text, varchar, numeric). "
        "Tables created earlier in the same migration are not flagged.",
    .bad_example = "ALTER TABLE events ALTER COLUMN id TYPE bigint;",
    .good_example = "ALTER TABLE events ADD COLUMN id_new bigint;\n"
                    "-- backfill id_new in batches, switch readers and writers, then drop id",
    .fix = "Add a new column, backfill it and switch over, or keep to a binary-compatible widening",
    .check = check,
};
