// ban-domain-with-constraint: CHECK constraints on domains, and ALTER DOMAIN forms that scan every column of one.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

bool same_name(const std::vector<AstNode>& a, const std::vector<AstNode>& b) {
  std::string_view schema_a = qualifier(a), schema_b = qualifier(b);
  return last_name(a) == last_name(b) && (schema_a.empty() || schema_b.empty() || schema_a == schema_b);
}

// A domain created earlier in this file has no column of an existing table yet.
bool created_in_this_file(const RuleContext& context, const std::vector<AstNode>& domain) {
  for (std::size_t i = 0; i < context.index; ++i) {
    const flyguard::sql::Statement& statement = context.statements[i];
    if (statement.ast && statement.kind() == "CreateDomainStmt" &&
        same_name(statement.body().list_field("domainname"), domain))
      return true;
  }
  return false;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  AstNode node = context.node();
  if (context.statement.kind() == "CreateDomainStmt") {
    for (const AstNode& constraint : node.list_field("constraints")) {
      if (constraint.body().string_field("contype") != "CONSTR_CHECK") continue;
      reporter.report(context.offset_of(constraint.body()),
                      "a CHECK constraint on domain " + std::string(last_name(node.list_field("domainname"))) +
                          " can only be changed later with ALTER DOMAIN, which blocks writes to every table that "
                          "uses the domain while it checks all of them",
                      "put the CHECK constraint on the columns (a table constraint) instead");
      return;
    }
    return;
  }
  if (context.statement.kind() != "AlterDomainStmt") return;
  std::vector<AstNode> domain = node.list_field("typeName");
  std::string_view subtype = node.string_field("subtype");
  std::string what;
  if (subtype == "C" && !node.field("def").bool_field("skip_validation")) what = "adding a constraint to";
  else if (subtype == "V") what = "validating a constraint of";
  else if (subtype == "O") what = "SET NOT NULL on";
  if (what.empty() || created_in_this_file(context, domain)) return;
  reporter.report(context.statement_offset(),
                  what + " domain " + std::string(last_name(domain)) +
                      " scans every column of that domain in every table, holding a SHARE lock on each table "
                      "(writes wait) until the migration commits",
                  "use table constraints instead of domain constraints; when the tables using the domain are "
                  "small, suppress this with the reason");
}

}  // namespace

FLYGUARD_RULE(ban_domain_with_constraint) = {
    .id = "ban-domain-with-constraint",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "CREATE DOMAIN with a CHECK constraint, and ALTER DOMAIN forms that check every column of the domain",
    .rationale =
        "A domain's constraints apply to every column of that type, in every table. Changing them later is the "
        "problem: ALTER DOMAIN ... ADD CONSTRAINT, ALTER DOMAIN ... VALIDATE CONSTRAINT and ALTER DOMAIN ... SET "
        "NOT NULL find every table with a column of the domain, take a SHARE lock on each (INSERT, UPDATE and "
        "DELETE wait), scan them all, and keep the locks until the migration commits. Unlike a table's "
        "VALIDATE CONSTRAINT, which runs under a lock that lets writes go on, a domain offers no online path: "
        "NOT VALID only moves the same write-blocking scan to the VALIDATE. So the rule flags CREATE DOMAIN "
        "with a CHECK constraint (creating it is harmless, but it can never be changed online; table CHECK "
        "constraints can, with NOT VALID and VALIDATE), ALTER DOMAIN ... ADD CONSTRAINT without NOT VALID, "
        "VALIDATE CONSTRAINT and SET NOT NULL. It does not flag ADD CONSTRAINT ... NOT VALID, which checks "
        "nothing (squawk does), nor ALTER DOMAIN on a domain created earlier in the same migration, which no "
        "existing table uses yet.",
    .bad_example = "CREATE DOMAIN email AS text CHECK (VALUE ~ '@');",
    .good_example = "CREATE TABLE users (\n    email text CONSTRAINT users_email_check CHECK (email ~ '@')\n);",
    .fix = "Put CHECK constraints on table columns rather than on domains",
    .check = check,
};
