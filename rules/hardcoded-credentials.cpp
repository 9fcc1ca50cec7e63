// hardcoded-credentials: AWS access keys written into COPY, UNLOAD, CREATE EXTERNAL SCHEMA and friends.
#include <algorithm>
#include <cctype>

#include "rules/rule.h"
#include "sql/tokens.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::Token;
using flyguard::sql::TokenKind;

// Statements that take AWS credentials as options.
bool takes_credentials(const RuleContext& context) {
  const std::string& kind = context.statement.redshift_kind;
  const std::string_view type = context.statement.kind();
  return type == "CopyStmt" || kind == "UNLOAD" || kind == "CREATE EXTERNAL SCHEMA" || kind == "CREATE LIBRARY" ||
         kind == "CREATE MODEL" || kind == "CREATE EXTERNAL FUNCTION";
}

bool has_key_material(std::string_view literal) {
  for (std::string_view key : {"aws_secret_access_key", "aws_access_key_id", "token="}) {
    auto it = std::search(literal.begin(), literal.end(), key.begin(), key.end(),
                          [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    if (it != literal.end()) return true;
  }
  return false;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  if (!takes_credentials(context)) return;
  const std::size_t begin = context.statement_offset();
  const std::vector<Token> tokens = flyguard::sql::tokenize(context.statement_code(), true);
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const Token& value = tokens[i + 1];
    if (value.kind != TokenKind::string || context.holds_placeholder(begin + value.begin, begin + value.end)) continue;
    const bool secret = ((tokens[i].is("CREDENTIALS") || tokens[i].is("WITH_CREDENTIALS")) && has_key_material(value.text)) ||
                        tokens[i].is("SECRET_ACCESS_KEY") || tokens[i].is("ACCESS_KEY_ID") || tokens[i].is("SESSION_TOKEN");
    if (!secret) continue;
    reporter.report(begin + tokens[i].begin,
                    "AWS credentials written into the migration (" + std::string(tokens[i].text) +
                        "): the key is now in the repository's history for good, readable by anyone with a clone",
                    "use IAM_ROLE 'arn:aws:iam::<account>:role/<role>' (or IAM_ROLE default), or a ${placeholder} "
                    "filled from the pipeline's secrets; rotate the key that was committed");
    return;
  }
}

}  // namespace

FLYGUARD_RULE(hardcoded_credentials) = {
    .id = "hardcoded-credentials",
    .severity = flyguard::Severity::error,
    .dialects = kRedshift,
    .opt_in = false,
    .summary = "AWS access keys in COPY, UNLOAD, CREATE EXTERNAL SCHEMA, CREATE LIBRARY or CREATE MODEL",
    .rationale =
        "COPY and UNLOAD accept key-based credentials (CREDENTIALS 'aws_access_key_id=...;aws_secret_access_key=...', "
        "or ACCESS_KEY_ID / SECRET_ACCESS_KEY / SESSION_TOKEN). In a migration they end up in git, where they stay in "
        "the history even after the line is removed, and every clone, CI log and backup carries them. Redshift "
        "can assume an IAM role instead (dg/copy-usage_notes-access-permissions): nothing secret is written "
        "down. Values that are Flyway placeholders are fine: the pipeline fills them at deploy time.",
    .bad_example = "COPY sales FROM 's3://bucket/sales/'\n"
                   "CREDENTIALS 'aws_access_key_id=AKIAEXAMPLE;aws_secret_access_key=wJalrEXAMPLEKEY';",
    .good_example = "COPY sales FROM 's3://bucket/sales/' IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftCopy';",
    .fix = "Use IAM_ROLE instead of access keys, and rotate any key that was committed",
    .check = check,
};
