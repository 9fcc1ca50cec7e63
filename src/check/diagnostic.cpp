#include "check/diagnostic.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace flyguard {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "info") return Severity::info;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  // Sorting positions and moving each diagnostic once is cheaper than the merge sort moving them around.
  std::vector<std::size_t> order(diagnostics.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&diagnostics](std::size_t i, std::size_t j) {
    const Diagnostic& a = diagnostics[i];
    const Diagnostic& b = diagnostics[j];
    return std::tie(a.file, a.line, a.column, a.rule) < std::tie(b.file, b.line, b.column, b.rule);
  });
  std::vector<Diagnostic> sorted;
  sorted.reserve(diagnostics.size());
  for (std::size_t i : order) sorted.push_back(std::move(diagnostics[i]));
  diagnostics = std::move(sorted);
}

}  // namespace flyguard
