#include <algorithm>
#include <map>
#include <utility>

#include "check/catalog.h"
#include "flyguard_version.h"
#include "report/report.h"
#include "rules/rule.h"

namespace flyguard::report {

namespace {

const std::vector<std::pair<std::string, Format>>& formats() {
  static const std::vector<std::pair<std::string, Format>> all = {
      {"text", Format::text},   {"gcc", Format::gcc},       {"json", Format::json},    {"sarif", Format::sarif},
      {"junit", Format::junit}, {"github", Format::github}, {"gitlab", Format::gitlab}};
  return all;
}

// FNV-1a, 64 bits: stable across runs, platforms and library versions (std::hash is none of these).
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ULL) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [label, format] : formats())
    if (label == name) return format;
  return std::nullopt;
}

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& entry : formats()) out.push_back(entry.first);
    return out;
  }();
  return names;
}

void write_report(std::ostream& out, Format format, const ReportInput& input, const TextOptions& text) {
  switch (format) {
    case Format::text: return write_text(out, input.diagnostics, input.summary, text);
    case Format::gcc: return write_gcc(out, input);
    case Format::json: return write_json(out, input);
    case Format::sarif: return write_sarif(out, input);
    case Format::junit: return write_junit(out, input);
    case Format::github: return write_github(out, input);
    case Format::gitlab: return write_gitlab(out, input);
  }
}

RuleDescription describe_rule(std::string_view id) {
  RuleDescription d;
  d.id = std::string(id);
  if (const rules::Rule* rule = rules::find_rule(id)) {
    d.summary = std::string(rule->summary);
    d.full = std::string(rule->rationale);
    d.severity = rule->severity;
    d.help_uri = std::string(FLYGUARD_DOCS_URL) + "rules.md#" + d.id;
    d.lint_rule = true;
  } else if (const CheckInfo* check = find_builtin_check(id)) {
    d.summary = std::string(check->summary);
    d.severity = check->severity;
    d.help_uri = std::string(FLYGUARD_DOCS_URL) + std::string(check->doc);
  } else {
    d.summary = d.id;
    d.help_uri = std::string(FLYGUARD_DOCS_URL) + "checks.md";
  }
  if (d.full.empty()) d.full = d.summary;
  return d;
}

namespace {

std::string fingerprint(const Diagnostic& diagnostic, std::size_t occurrence) {
  std::uint64_t hash = fnv1a(diagnostic.rule);
  hash = fnv1a(std::string_view("\0", 1), hash);
  hash = fnv1a(diagnostic.file, hash);
  hash = fnv1a(std::string_view("\0", 1), hash);
  // The source line when there is one (moves with the code), else the message (file-level findings).
  hash = fnv1a(diagnostic.source_line.empty() ? std::string_view(diagnostic.message) : trimmed(diagnostic.source_line), hash);
  hash = fnv1a(std::to_string(occurrence), hash);
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4U) out[static_cast<std::size_t>(i)] = digits[hash & 0xFU];
  return out;
}

}  // namespace

std::vector<std::string> fingerprints(const std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::size_t> seen;  // same finding without its position -> times seen
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) {
    std::string key = fingerprint(d, 0);
    out.push_back(fingerprint(d, seen[key]++));
  }
  return out;
}

std::vector<std::string> rule_ids(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> ids;
  for (const Diagnostic& d : diagnostics)
    if (std::find(ids.begin(), ids.end(), d.rule) == ids.end()) ids.push_back(d.rule);
  return ids;
}

}  // namespace flyguard::report
