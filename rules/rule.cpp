#include "rules/rule.h"

namespace flyguard::rules {

bool applies_to(unsigned dialects, Dialect dialect) {
  return (dialects & (dialect == Dialect::redshift ? kRedshift : kPostgres)) != 0;
}

std::string dialect_names(unsigned dialects) {
  std::string out;
  if (dialects & kPostgres) out = "postgres";
  if (dialects & kRedshift) out += out.empty() ? "redshift" : ", redshift";
  return out;
}

std::size_t RuleContext::offset_of(const sql::AstNode& node) const {
  std::int64_t location = node.location();
  if (location < 0) return statement_offset();
  return statement.text_offset(location);
}

bool RuleContext::created_in_this_file(const sql::AstNode& range_var) const {
  return created_in_this_file(range_var.string_field("schemaname"), range_var.string_field("relname"));
}

bool RuleContext::created_in_this_file(std::string_view schema, std::string_view name) const {
  for (const TableName& table : tables_created)
    if (table.name == name && (schema.empty() || table.schema.empty() || table.schema == schema)) return true;
  return false;
}

std::string_view last_name(const std::vector<sql::AstNode>& names) {
  return names.empty() ? std::string_view() : names.back().string_field("sval");
}

std::string_view qualifier(const std::vector<sql::AstNode>& names) {
  return names.size() < 2 ? std::string_view() : names[names.size() - 2].string_field("sval");
}

std::string table_label(const sql::AstNode& range_var) {
  std::string schema(range_var.string_field("schemaname"));
  std::string name(range_var.string_field("relname"));
  return schema.empty() ? name : schema + "." + name;
}

bool same_table(const sql::AstNode& a, const sql::AstNode& b) {
  std::string_view schema_a = a.string_field("schemaname");
  std::string_view schema_b = b.string_field("schemaname");
  return a.string_field("relname") == b.string_field("relname") &&
         (schema_a.empty() || schema_b.empty() || schema_a == schema_b);
}

std::vector<sql::AstNode> alter_table_commands(const RuleContext& context) {
  std::vector<sql::AstNode> commands;
  if (context.statement.kind() != "AlterTableStmt" || context.node().string_field("objtype") != "OBJECT_TABLE")
    return commands;
  for (const sql::AstNode& cmd : context.node().list_field("cmds"))
    if (cmd.type() == "AlterTableCmd") commands.push_back(cmd.body());
  return commands;
}

std::vector<sql::AstNode> existing_table_commands(const RuleContext& context, std::string_view subtype) {
  std::vector<sql::AstNode> commands = alter_table_commands(context);
  if (commands.empty() || context.created_in_this_file(context.node().field("relation"))) return {};
  if (!subtype.empty())
    std::erase_if(commands, [subtype](const sql::AstNode& cmd) { return cmd.string_field("subtype") != subtype; });
  return commands;
}

std::vector<sql::AstNode> declared_column_types(const RuleContext& context) {
  std::vector<sql::AstNode> types;
  if (context.statement.kind() == "CreateStmt") {
    for (const sql::AstNode& element : context.node().list_field("tableElts"))
      if (element.type() == "ColumnDef" && element.field("typeName")) types.push_back(element.field("typeName"));
  }
  for (const sql::AstNode& cmd : alter_table_commands(context)) {
    std::string_view subtype = cmd.string_field("subtype");
    sql::AstNode type = cmd.field("def").field("typeName");
    if ((subtype == "AT_AddColumn" || subtype == "AT_AlterColumnType") && type) types.push_back(type);
  }
  return types;
}

std::string_view builtin_type(const sql::AstNode& type_name) {
  std::vector<sql::AstNode> names = type_name.list_field("names");
  std::string_view schema = qualifier(names);
  return schema.empty() || schema == "pg_catalog" ? last_name(names) : std::string_view();
}

}  // namespace flyguard::rules
