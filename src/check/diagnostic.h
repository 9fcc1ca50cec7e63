#pragma once
// The one result type every check produces and every reporter formats.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flyguard {

enum class Severity { info = 0, warning = 1, error = 2 };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

struct Diagnostic {
  std::string rule;      // stable kebab-case id, e.g. "invalid-migration-name"
  Severity severity = Severity::error;
  std::string file;      // path as the user should see it
  int line = 0;          // 1-based; 0 = the whole file
  int column = 0;        // 1-based, in Unicode code points; 0 = the whole line
  std::string message;
  std::string hint;      // optional "do this instead"
  std::string source_line;  // the text of `line`, for code frames; empty for file-level findings
};

// Stable order for output: file, line, column, rule.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

// All of `groups` and `others` in the order of sort_diagnostics, moving each diagnostic once. Each group should
// already be sorted and hold one file's findings (sorted where they were found, in parallel); then this is a
// merge instead of a sort. `others` may be in any order; on an equal position they come first.
std::vector<Diagnostic> merge_diagnostics(std::vector<std::vector<Diagnostic>*> groups,
                                          std::vector<Diagnostic> others);

}  // namespace flyguard
