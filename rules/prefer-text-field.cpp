// prefer-text-field: varchar(n) and char(n) columns instead of text.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  for (const DeclaredType& declared : declared_column_types(context)) {
    const flyguard::sql::AstNode& type_name = declared.type_name;
    std::string_view type = declared.builtin;
    bool limited_varchar = type == "varchar" && !type_name.list_field("typmods").empty();
    if (!limited_varchar && type != "bpchar") continue;
    std::string message =
        limited_varchar
            ? "varchar(n) only adds a length limit, and shortening it later rewrites the table"
            : "char(n) pads values with spaces, which comparisons and lengths then silently ignore";
    reporter.report(context.offset_of(type_name), message,
                    "use text, with a CHECK (length(col) <= n) constraint if the limit matters");
  }
}

}  // namespace

FLYGUARD_RULE(prefer_text_field) = {
    .id = "prefer-text-field",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "varchar(n) or char(n) column instead of text",
    .rationale =
        "In PostgreSQL text, varchar and char share one storage format, so a length limit saves nothing. "
        "varchar(n) only adds a limit, and that limit is hard to change: raising it is cheap, but lowering "
        "it rewrites the table under an ACCESS EXCLUSIVE lock, while a CHECK (length(col) <= n) constraint "
        "can be replaced with NOT VALID and validated without blocking writes. char(n) is worse: it pads "
        "values with spaces that comparisons, LIKE and length() treat inconsistently. Use text, and express "
        "a real limit as a CHECK constraint. Redshift, where the declared length sizes the storage, is not "
        "checked.",
    .bad_example = "CREATE TABLE users (email varchar(255), country char(2));",
    .good_example = "CREATE TABLE users (\n"
                    "    email text CHECK (length(email) <= 255),\n"
                    "    country text CHECK (length(country) = 2)\n"
                    ");",
    .fix = "Use text, with a CHECK constraint for a real length limit",
    .check = check,
};
