// `flyguard rules` and `flyguard explain RULE`: the rule catalogue, from the rules' own metadata.
#include <iostream>
#include <memory>
#include <string>

#include "check/gate.h"
#include "cli/commands.h"
#include "report/rule_docs.h"

namespace flyguard::cli {

std::function<int()> add_rules_command(CLI::App& app) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = app.add_subcommand("rules", "List the lint rules: id, default severity, dialects, summary.");
  cmd->footer("`--format markdown` prints docs/rules.md.");
  cmd->add_option("--format", *format, "Output format")->check(CLI::IsMember({"text", "json", "markdown"}));
  return [format] {
    if (*format == "json") report::write_rule_json(std::cout);
    else if (*format == "markdown") report::write_rule_markdown(std::cout);
    else report::write_rule_table(std::cout);
    std::cout.flush();
    return static_cast<int>(kClean);
  };
}

std::function<int()> add_explain_command(CLI::App& app) {
  auto id = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("explain", "Explain a lint rule: what it flags, why, and what to write instead.");
  cmd->add_option("rule", *id, "Rule id, e.g. require-concurrent-index-creation")->required();
  return [id] {
    if (const rules::Rule* rule = rules::find_rule(*id)) {
      report::write_rule_explanation(std::cout, *rule);
      std::cout.flush();
      return static_cast<int>(kClean);
    }
    if (is_gate_rule(*id))
      std::cerr << "flyguard: '" << *id << "' is a git gate check, not a lint rule: see docs/git-gates.md\n";
    else
      std::cerr << "flyguard: unknown rule '" << *id << "'; `flyguard rules` lists the rule ids\n";
    return static_cast<int>(kUsageOrInternal);
  };
}

}  // namespace flyguard::cli
