// redshift-unsupported-feature: PostgreSQL features Redshift does not have (dg/c_unsupported-postgresql-features).
#include <array>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

// Statement kinds Redshift has no equivalent for, with what to use instead.
struct Unsupported {
  std::string_view kind;
  std::string_view what;
  std::string_view instead;
};

constexpr std::array<Unsupported, 16> kStatements{{
    {"IndexStmt", "indexes", "choose a SORTKEY (and DISTKEY) for the table instead"},
    {"ReindexStmt", "indexes", "Redshift has no indexes to rebuild; VACUUM REINDEX re-sorts interleaved tables"},
    {"ClusterStmt", "CLUSTER", "sort order comes from the SORTKEY; VACUUM SORT ONLY re-sorts"},
    {"CreateSeqStmt", "sequences", "use an IDENTITY(1, 1) column"},
    {"AlterSeqStmt", "sequences", "use an IDENTITY(1, 1) column"},
    {"CreateEnumStmt", "enumerated types", "use a VARCHAR column with the allowed values checked by the loading code"},
    {"AlterEnumStmt", "enumerated types", "use a VARCHAR column"},
    {"CompositeTypeStmt", "composite types", "use columns, or SUPER for nested data"},
    {"CreateRangeStmt", "range types", "use two columns"},
    {"CreateDomainStmt", "domains", "use the base type"},
    {"CreateTrigStmt", "triggers", "do the work in the loading job or a stored procedure"},
    {"CreateEventTrigStmt", "event triggers", "do the work in the deployment pipeline"},
    {"CreateExtensionStmt", "extensions", "Redshift has its own built-in functions; Python UDFs are deprecated"},
    {"DoStmt", "DO blocks", "create a stored procedure and CALL it"},
    {"CreatePolicyStmt", "PostgreSQL row-level security policies", "use CREATE RLS POLICY and ATTACH RLS POLICY"},
    {"RuleStmt", "rules", "use a view or a stored procedure"},
}};

void report_feature(RuleReporter& reporter, std::size_t offset, std::string_view what, std::string_view instead) {
  reporter.report(offset, "Redshift does not support " + std::string(what) + ": the statement fails at deploy time",
                  std::string(instead));
}

// Table-level and column-level features of CREATE TABLE / ALTER TABLE.
void check_table_features(const RuleContext& context, RuleReporter& reporter) {
  const AstNode node = context.node();
  if (context.statement.kind() == "CreateStmt") {
    if (node.field("partspec") || node.field("partbound"))
      report_feature(reporter, context.statement_offset(), "table partitioning",
                     "partition data in S3 with external tables (Spectrum), or rely on the SORTKEY");
    if (!node.list_field("inhRelations").empty())
      report_feature(reporter, context.statement_offset(), "table inheritance", "use CREATE TABLE ... (LIKE parent)");
  }
  for (const AstNode& cmd : alter_table_commands(context)) {
    std::string_view subtype = cmd.string_field("subtype");
    if (subtype == "AT_AttachPartition" || subtype == "AT_DetachPartition")
      report_feature(reporter, context.statement_offset(), "table partitioning", "use external tables");
  }
  node.visit([&](const AstNode& child) {
    const AstNode body = child.body();
    if (child.type() == "Constraint" && body.string_field("contype") == "CONSTR_CHECK")
      report_feature(reporter, context.offset_of(child), "CHECK constraints", "check the data in the loading job");
    else if (child.type() == "Constraint" && body.string_field("contype") == "CONSTR_EXCLUSION")
      report_feature(reporter, context.offset_of(child), "exclusion constraints", "check the data in the loading job");
  });
}

bool is_serial(std::string_view type) {
  return type == "serial" || type == "bigserial" || type == "smallserial" || type == "serial2" || type == "serial4" ||
         type == "serial8";
}

// Array and serial columns; array constructors and sequence functions anywhere in the statement.
void check_expressions(const RuleContext& context, RuleReporter& reporter) {
  for (const DeclaredType& declared : declared_column_types(context)) {
    const flyguard::sql::AstNode& type = declared.type_name;
    if (!type.list_field("arrayBounds").empty())
      report_feature(reporter, context.offset_of(type), "array types", "use SUPER for nested data");
    if (is_serial(declared.builtin))
      report_feature(reporter, context.offset_of(type), "serial types", "use INT or BIGINT IDENTITY(1, 1)");
  }
  context.node().visit([&](const AstNode& child) {
    if (child.type() == "A_ArrayExpr") {
      report_feature(reporter, context.offset_of(child), "array constructors", "use SUPER and JSON_PARSE");
    } else if (child.type() == "FuncCall") {
      std::string_view name = last_name(child.body().list_field("funcname"));
      if (name == "nextval" || name == "currval" || name == "setval")
        report_feature(reporter, context.offset_of(child), "sequences", "use an IDENTITY column");
    }
  });
}

void check(const RuleContext& context, RuleReporter& reporter) {
  if (!context.statement.ast) return;
  const std::string_view kind = context.statement.kind();
  for (const Unsupported& u : kStatements)
    if (u.kind == kind) return report_feature(reporter, context.statement_offset(), u.what, u.instead);
  if (kind == "DropStmt" && context.node().string_field("removeType") == "OBJECT_INDEX")
    return report_feature(reporter, context.statement_offset(), "indexes", "Redshift has no indexes to drop");
  check_table_features(context, reporter);
  check_expressions(context, reporter);
}

}  // namespace

FLYGUARD_RULE(redshift_unsupported_feature) = {
    .id = "redshift-unsupported-feature",
    .severity = flyguard::Severity::error,
    .dialects = kRedshift,
    .opt_in = false,
    .summary = "A PostgreSQL feature Redshift does not support (indexes, sequences, custom types, arrays, triggers, partitions, CHECK, …)",
    .rationale =
        "Redshift speaks PostgreSQL's protocol and much of its SQL, but leaves out whole features "
        "(dg/c_unsupported-postgresql-features, dg/c_unsupported-postgresql-datatypes): indexes (the SORTKEY "
        "and DISTKEY take their place), sequences and serial types (IDENTITY instead), enumerated, composite "
        "and range types, domains, arrays, triggers, table partitioning and inheritance, CHECK and exclusion "
        "constraints, extensions, DO blocks, PostgreSQL's row-level security policies and rules. The "
        "PostgreSQL grammar accepts all of them, so without this rule the first to notice is the deployment.",
    .bad_example = "CREATE INDEX sales_date ON sales (saledate);",
    .good_example = "CREATE TABLE sales (saledate date, amount decimal(12, 2)) SORTKEY (saledate);",
    .fix = "Use Redshift's equivalent: SORTKEY for indexes, IDENTITY for sequences, SUPER for arrays",
    .check = check,
};
