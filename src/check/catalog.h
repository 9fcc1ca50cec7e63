#pragma once
// The diagnostics flyguard's own checks produce (naming, content, parsing, configuration, git gates):
// what each id means, for reports that describe their rules (SARIF) and for `flyguard explain`.
// Lint rules describe themselves (rules/rule.h).
#include <string_view>
#include <vector>

#include "check/diagnostic.h"

namespace flyguard {

struct CheckInfo {
  std::string_view id;
  Severity severity = Severity::error;  // the usual severity; some checks vary it by case
  std::string_view summary;             // one line
  std::string_view doc;                 // the page under docs/ that explains it
};

const std::vector<CheckInfo>& builtin_checks();
const CheckInfo* find_builtin_check(std::string_view id);

}  // namespace flyguard
