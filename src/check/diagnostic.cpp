#include "check/diagnostic.h"

#include <algorithm>
#include <iterator>
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

namespace {

bool before(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.line, a.column, a.rule) < std::tie(b.file, b.line, b.column, b.rule);
}

}  // namespace

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  if (std::is_sorted(diagnostics.begin(), diagnostics.end(), before)) return;
  // Sorting positions and moving each diagnostic once is cheaper than the merge sort moving them around.
  std::vector<std::size_t> order(diagnostics.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&diagnostics](std::size_t i, std::size_t j) { return before(diagnostics[i], diagnostics[j]); });
  std::vector<Diagnostic> sorted;
  sorted.reserve(diagnostics.size());
  for (std::size_t i : order) sorted.push_back(std::move(diagnostics[i]));
  diagnostics = std::move(sorted);
}

std::vector<Diagnostic> merge_diagnostics(std::vector<std::vector<Diagnostic>*> groups,
                                          std::vector<Diagnostic> others) {
  sort_diagnostics(others);
  std::size_t total = others.size();
  for (std::vector<Diagnostic>* group : groups) {
    sort_diagnostics(*group);
    total += group->size();
  }
  std::erase_if(groups, [](const std::vector<Diagnostic>* group) { return group->empty(); });
  std::sort(groups.begin(), groups.end(), [](const std::vector<Diagnostic>* a, const std::vector<Diagnostic>* b) {
    return before(a->front(), b->front());
  });
  std::vector<Diagnostic> merged;
  merged.reserve(total);
  auto other = others.begin();
  for (std::vector<Diagnostic>* group : groups)
    for (Diagnostic& d : *group) {
      for (; other != others.end() && !before(d, *other); ++other) merged.push_back(std::move(*other));
      merged.push_back(std::move(d));
    }
  std::move(other, others.end(), std::back_inserter(merged));
  sort_diagnostics(merged);  // a no-op unless two groups overlapped (they hold the same file)
  return merged;
}

}  // namespace flyguard
