// redshift-unsupported-type: column types Redshift does not have (dg/c_unsupported-postgresql-datatypes).
#include <array>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

struct TypeAdvice {
  std::string_view type;
  std::string_view instead;
};

constexpr std::array<TypeAdvice, 26> kUnsupported{{
    {"json", "SUPER (with JSON_PARSE)"},       {"jsonb", "SUPER (with JSON_PARSE)"},
    {"uuid", "CHAR(36)"},                      {"bytea", "VARBYTE"},
    {"bit", "BOOLEAN or SMALLINT"},            {"varbit", "VARBYTE"},
    {"money", "DECIMAL(19, 4)"},               {"xml", "VARCHAR or SUPER"},
    {"inet", "VARCHAR(45)"},                   {"cidr", "VARCHAR(49)"},
    {"macaddr", "CHAR(17)"},                   {"macaddr8", "CHAR(23)"},
    {"point", "GEOMETRY"},                     {"line", "GEOMETRY"},
    {"lseg", "GEOMETRY"},                      {"box", "GEOMETRY"},
    {"path", "GEOMETRY"},                      {"polygon", "GEOMETRY"},
    {"circle", "GEOMETRY"},                    {"tsvector", "VARCHAR (full-text search is not available)"},
    {"tsquery", "VARCHAR"},                    {"int4range", "two INT columns"},
    {"int8range", "two BIGINT columns"},       {"tstzrange", "two TIMESTAMPTZ columns"},
    {"daterange", "two DATE columns"},         {"hstore", "SUPER"},
}};

void check(const RuleContext& context, RuleReporter& reporter) {
  for (const DeclaredType& declared : declared_column_types(context)) {
    const flyguard::sql::AstNode& type = declared.type_name;
    const std::string_view name = declared.builtin;
    for (const TypeAdvice& advice : kUnsupported)
      if (advice.type == name)
        reporter.report(context.offset_of(type), "Redshift has no " + std::string(name) + " type: the statement fails at deploy time",
                        "use " + std::string(advice.instead));
  }
}

}  // namespace

FLYGUARD_RULE(redshift_unsupported_type) = {
    .id = "redshift-unsupported-type",
    .severity = flyguard::Severity::error,
    .dialects = kRedshift,
    .opt_in = false,
    .summary = "A column type Redshift does not support (json, uuid, bytea, inet, geometric, range, …)",
    .rationale =
        "Redshift supports a fixed list of data types (dg/c_Supported_data_types); PostgreSQL types outside it, "
        "such as json and jsonb, uuid, bytea, money, network addresses, geometric types, full-text search and "
        "range types, are rejected when the table is created (dg/c_unsupported-postgresql-datatypes). Each has "
        "a usual replacement: SUPER for JSON, VARBYTE for binary data, CHAR(36) for UUIDs, GEOMETRY for shapes.",
    .bad_example = "CREATE TABLE events (id uuid, payload jsonb);",
    .good_example = "CREATE TABLE events (id char(36), payload super);",
    .fix = "Use the Redshift type that holds the same data",
    .check = check,
};
