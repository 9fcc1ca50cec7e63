#pragma once
// The user-facing documentation of the lint rules, rendered from their metadata (rules/rule.h):
// `flyguard rules`, `flyguard explain RULE` and the generated docs/rules.md.
#include <ostream>

#include "rules/rule.h"

namespace flyguard::report {

void write_rule_table(std::ostream& out);     // one line per rule: id, severity, dialects, summary
void write_rule_json(std::ostream& out);      // {"version":1,"rules":[…]}
void write_rule_markdown(std::ostream& out);  // docs/rules.md
void write_rule_explanation(std::ostream& out, const rules::Rule& rule);

}  // namespace flyguard::report
