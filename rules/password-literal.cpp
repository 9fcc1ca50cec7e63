// password-literal: a literal password in CREATE/ALTER ROLE/USER or a user mapping.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

bool carries_password(std::string_view kind) {
  return kind == "CreateRoleStmt" || kind == "AlterRoleStmt" || kind == "CreateUserMappingStmt" ||
         kind == "AlterUserMappingStmt";
}

void check(const RuleContext& context, RuleReporter& reporter) {
  if (!carries_password(context.statement.kind())) return;
  std::vector<flyguard::sql::AstNode> options = context.node().list_field("options");
  for (std::size_t i = 0; i < options.size(); ++i) {
    const flyguard::sql::AstNode& option = options[i];
    // PASSWORD NULL (no argument) removes a password and reveals nothing.
    if (option.string_field("defname") != "password" || option.field("arg").type() != "String") continue;
    std::size_t begin = context.offset_of(option);
    std::size_t end = i + 1 < options.size() ? context.offset_of(options[i + 1]) : context.statement.span.end;
    if (context.holds_placeholder(begin, end)) continue;  // the value comes from the environment at deploy time
    reporter.report(begin,
                    "a password written in a migration stays readable in the git history of every clone, "
                    "forever, even after the file is changed",
                    "set the password outside migrations (a secrets manager, or \\password in psql), or pass it "
                    "as a Flyway placeholder filled from the environment at deploy time");
  }
}

}  // namespace

FLYGUARD_RULE(password_literal) = {
    .id = "password-literal",
    .severity = flyguard::Severity::error,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "PASSWORD '...' literal in CREATE/ALTER ROLE, USER or USER MAPPING",
    .rationale =
        "Migrations are committed to git and copied to every developer machine, CI runner and backup. A "
        "password written into one is a leaked secret: it cannot be removed from the history without "
        "rewriting it, and Flyway's checksums stop you from editing an applied migration to take it out. "
        "An MD5 or SCRAM hash is not much better, because it is enough to log in over some protocols and can "
        "be attacked offline. Create the role without a password in the migration and set the password "
        "through a secrets manager or an operator, or pass it in as a placeholder whose value only exists "
        "in the deployment environment.",
    .bad_example = "CREATE ROLE reporting LOGIN PASSWORD 's3cret';",
    .good_example = "CREATE ROLE reporting LOGIN;\n"
                    "-- the password is set by the operator, or:\n"
                    "ALTER ROLE reporting PASSWORD '${reporting_password}';  -- placeholder from the environment",
    .fix = "Keep passwords out of migrations: set them from a secrets manager or a deploy-time placeholder",
    .check = check,
};
