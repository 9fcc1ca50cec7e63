#pragma once
// Inline suppressions of lint rules:
//   -- flyguard:ignore rule-a, rule-b -- reason       (on a line before a statement, or at the end of
//                                                       one of its lines: covers that statement)
//   -- flyguard:ignore-file rule-a -- reason          (anywhere: covers the whole file)
// Only lint rules (rules/) can be suppressed; gate checks cannot.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.h"
#include "sql/dialect.h"
#include "util/source_text.h"

namespace flyguard {

struct SuppressionContext {
  const std::string& file;
  std::string_view body;                                 // the file's text, BOM removed
  Dialect dialect = Dialect::postgres;
  const util::LineIndex& lines;                          // over `body`
  const std::map<std::string, std::string>* severities;  // [rules]
};

// Removes the findings that suppressions cover, and reports suppressions that name no known rule, name
// a gate, give no reason or suppress nothing.
void apply_suppressions(const SuppressionContext& context, std::vector<Diagnostic>& diagnostics);

}  // namespace flyguard
