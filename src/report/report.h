#pragma once
// Reporters only format diagnostics; they decide nothing.
#include <cstddef>
#include <ostream>
#include <vector>

#include "check/diagnostic.h"

namespace flyguard::report {

struct Summary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
};
Summary summarize(const std::vector<Diagnostic>& diagnostics, std::size_t files);

struct TextOptions {
  bool color = false;
  bool summary = true;
};

// path:line:col: severity[rule]: message, then the source line with a caret and the hint.
void write_text(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const Summary& summary,
                const TextOptions& options);

// {"version":1,"diagnostics":[…],"summary":{…}}
void write_json(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const Summary& summary);

}  // namespace flyguard::report
