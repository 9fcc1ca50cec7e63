// prefer-jsonb: json columns instead of jsonb.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  for (const DeclaredType& declared : declared_column_types(context)) {
    const flyguard::sql::AstNode& type_name = declared.type_name;
    if (declared.builtin != "json") continue;
    reporter.report(context.offset_of(type_name),
                    "json stores the text as written and parses it again on every access; it has no equality "
                    "operator and no index support",
                    "use jsonb");
  }
}

}  // namespace

FLYGUARD_RULE(prefer_jsonb) = {
    .id = "prefer-jsonb",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "json column instead of jsonb",
    .rationale =
        "The json type keeps the document as text and re-parses it for every operator call. It has no "
        "equality operator, so SELECT DISTINCT, GROUP BY, UNION and unique constraints fail on it, and GIN "
        "indexes and the containment operators (@>, ?) do not work with it. jsonb stores a parsed binary "
        "form that is faster to query and can be indexed; it only drops what rarely matters (key order, "
        "duplicate keys, whitespace). Keep json only when the exact text must be preserved, and suppress the "
        "finding with that reason.",
    .bad_example = "CREATE TABLE documents (id bigint, body json);",
    .good_example = "CREATE TABLE documents (id bigint, body jsonb);",
    .fix = "Use jsonb",
    .check = check,
};
