// require-schema-qualified-name (opt-in): objects created, changed or dropped without naming their schema.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

// The unqualified object a statement acts on, or an invalid node when it names its schema (or has no
// object that lives in a schema).
AstNode unqualified_relation(const AstNode& node, std::string_view kind) {
  AstNode relation;
  if (kind == "CreateStmt" || kind == "AlterTableStmt" || kind == "IndexStmt" || kind == "RenameStmt")
    relation = node.field("relation");
  else if (kind == "ViewStmt") relation = node.field("view");
  else if (kind == "CreateSeqStmt") relation = node.field("sequence");
  else if (kind == "CreateTableAsStmt") relation = node.field("into").body().field("rel");
  if (!relation) return {};
  // A temporary table lives in the session's own schema, which cannot be named in advance.
  if (relation.string_field("relpersistence") == "t" || !relation.string_field("schemaname").empty()) return {};
  return relation;
}

// Object names of DROP and of CREATE FUNCTION/TYPE: a list of strings, unqualified when it has one item.
bool unqualified_name_list(const AstNode& node, std::string_view kind) {
  if (kind == "DropStmt") {
    for (const AstNode& object : node.list_field("objects"))
      if (object.type() == "List" && object.list_field("items").size() == 1) return true;
    return false;
  }
  if (kind == "CreateFunctionStmt") return node.list_field("funcname").size() == 1;
  if (kind == "CreateEnumStmt" || kind == "CompositeTypeStmt" || kind == "CreateDomainStmt")
    return node.list_field(kind == "CreateDomainStmt" ? "domainname" : "typeName").size() == 1;
  return false;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  const std::string_view kind = context.statement.kind();
  if (kind == "CompositeTypeStmt") {
    const AstNode type = context.node().field("typevar");
    if (type && type.string_field("schemaname").empty())
      reporter.report(context.offset_of(type), "type " + table_label(type) + " without a schema",
                      "write schema.name: objects land in whatever schema comes first in the search_path");
    return;
  }
  if (AstNode relation = unqualified_relation(context.node(), kind)) {
    reporter.report(context.offset_of(relation), table_label(relation) + " is named without its schema",
                    "write schema.name: the object is found in, or created in, whatever schema comes first in "
                    "the search_path of the connection Flyway uses");
    return;
  }
  if (unqualified_name_list(context.node(), kind))
    reporter.report(context.statement_offset(), "an object is named without its schema",
                    "write schema.name: the object is found in, or created in, whatever schema comes first in "
                    "the search_path of the connection Flyway uses");
}

}  // namespace

FLYGUARD_RULE(require_schema_qualified_name) = {
    .id = "require-schema-qualified-name",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = true,
    .summary = "A table, view, index target, sequence, function or type named without its schema",
    .rationale =
        "An unqualified name is resolved through the search_path of the session that runs the migration. "
        "Flyway sets it from flyway.schemas / defaultSchema, but a different configuration, a role with its "
        "own search_path or a schema named after the user ($user) puts the object somewhere else, silently. "
        "Teams that deploy into several schemas, or whose migrations are also run by hand, name the schema "
        "every time. The rule is opt-in: with one schema and Flyway's default schema set, unqualified names "
        "are a reasonable choice. Temporary tables are left alone (their schema is per session).",
    .bad_example = "CREATE TABLE invoices (id bigint PRIMARY KEY);",
    .good_example = "CREATE TABLE billing.invoices (id bigint PRIMARY KEY);",
    .fix = "Name the schema of every object a migration creates, changes or drops",
    .check = check,
};
