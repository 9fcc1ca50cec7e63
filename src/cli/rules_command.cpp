// `flyguard rules` and `flyguard explain RULE`: the rule catalogue, from the rules' own metadata.
#include <iostream>
#include <memory>
#include <string>

#include "check/catalog.h"
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
  CLI::App* cmd = app.add_subcommand("explain", "Explain a lint rule (what it flags, why, what to write instead) or a built-in check.");
  cmd->add_option("rule", *id, "Rule id, e.g. require-concurrent-index-creation")->required();
  return [id] {
    if (const rules::Rule* rule = rules::find_rule(*id)) {
      report::write_rule_explanation(std::cout, *rule);
      std::cout.flush();
      return static_cast<int>(kClean);
    }
    if (const CheckInfo* check = find_builtin_check(*id)) {
      std::cout << check->id << " (" << (is_gate_rule(*id) ? "git gate" : "built-in check") << ", "
                << to_string(check->severity) << ")\n\n" << check->summary << ".\n\n"
                << (is_gate_rule(*id) ? "Git gate findings ignore [rules] and inline suppressions; only the audited "
                                        "override passes them.\n"
                                      : "A built-in check, not a lint rule: [rules] does not configure it.\n")
                << "Documentation: docs/" << check->doc << '\n';
      std::cout.flush();
      return static_cast<int>(kClean);
    }
    std::cerr << "flyguard: unknown rule '" << *id << "'; `flyguard rules` lists the lint rules, docs/checks.md the "
                 "other checks\n";
    return static_cast<int>(kUsageOrInternal);
  };
}

}  // namespace flyguard::cli
