// duplicate-column-assignment: one column named twice where PostgreSQL accepts the syntax but fails at run time.
#include <set>
#include <string>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

struct Named {
  std::string_view name;
  AstNode node;        // reported at its location
  bool part = false;   // assigns a field or an element only (SET a.x = ..., a[1] = ...)
};

// The parser already folded unquoted names to lower case and kept quoted ones as written, so equal
// strings are exactly the names PostgreSQL considers the same.
void report_repeats(const RuleContext& context, RuleReporter& reporter, const std::vector<Named>& names,
                    std::string_view what) {
  for (std::size_t i = 1; i < names.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (names[i].name != names[j].name) continue;
      // PostgreSQL merges assignments to different fields or elements of one column.
      if (names[i].part && names[j].part) continue;
      reporter.report(context.offset_of(names[i].node),
                      "column \"" + std::string(names[i].name) + "\" " + std::string(what) +
                          " twice: PostgreSQL accepts the syntax but the statement fails when it runs",
                      "remove or rename one of them");
      break;
    }
  }
}

std::vector<Named> res_targets(const std::vector<AstNode>& list) {
  std::vector<Named> names;
  for (const AstNode& item : list) {
    AstNode target = item.body();
    names.push_back({target.string_field("name"), target, !target.list_field("indirection").empty()});
  }
  return names;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  std::string_view kind = context.statement.kind();
  AstNode node = context.node();
  if (kind == "UpdateStmt") {
    report_repeats(context, reporter, res_targets(node.list_field("targetList")), "is assigned");
  } else if (kind == "InsertStmt") {
    report_repeats(context, reporter, res_targets(node.list_field("cols")), "is listed");
  } else if (kind == "CreateStmt") {
    std::vector<Named> names;
    for (const AstNode& element : node.list_field("tableElts"))
      if (element.type() == "ColumnDef") names.push_back({element.body().string_field("colname"), element.body()});
    report_repeats(context, reporter, names, "is declared");
  } else if (kind == "ViewStmt") {
    std::vector<Named> names;
    for (const AstNode& alias : node.list_field("aliases")) names.push_back({alias.string_field("sval"), node});
    report_repeats(context, reporter, names, "is named");
  } else if (kind == "AlterTableStmt") {
    std::vector<Named> names;
    for (const AstNode& cmd : node.list_field("cmds")) {
      AstNode def = cmd.body().field("def");
      if (cmd.body().string_field("subtype") == "AT_AddColumn" && def.type() == "ColumnDef")
        names.push_back({def.body().string_field("colname"), def.body()});
    }
    report_repeats(context, reporter, names, "is added");
  }
}

}  // namespace

FLYGUARD_RULE(duplicate_column_assignment) = {
    .id = "duplicate-column-assignment",
    .severity = flyguard::Severity::error,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "The same column assigned, listed or declared twice in one statement",
    .rationale =
        "UPDATE t SET a = 1, a = 2, INSERT INTO t (a, a), CREATE TABLE t (a int, a text), a view with two "
        "columns of one name, and ALTER TABLE t ADD COLUMN a int, ADD COLUMN a text are all valid grammar, so "
        "they pass a syntax check, and PostgreSQL rejects them only when it analyses the statement (\"multiple "
        "assignments to same column\", \"column specified more than once\"): the migration fails at deploy "
        "time. Names are compared the way PostgreSQL does: unquoted identifiers are folded to lower case, so "
        "Email and email collide, while \"Email\" and email do not. Assignments to different fields or "
        "elements of one column (SET a.x = 1, a.y = 2 or a[1] = 1, a[2] = 2) are merged by PostgreSQL and are "
        "not flagged.",
    .bad_example = "UPDATE users SET email = lower(email), email = trim(email);",
    .good_example = "UPDATE users SET email = lower(trim(email));",
    .fix = "Assign, list or declare each column once",
    .check = check,
};
