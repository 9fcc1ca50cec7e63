#pragma once
// Reporters only format diagnostics; they decide nothing.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
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

// A checked file, for formats that list every file (JUnit) or describe it (JSON).
struct CheckedEntry {
  std::string path;
  std::string version;                  // Flyway's version ("1.2"), "" when not a versioned migration
  std::optional<std::int32_t> checksum;  // Flyway's checksum, when known
};

struct ReportInput {
  const std::vector<Diagnostic>& diagnostics;  // sorted (sort_diagnostics)
  Summary summary;
  std::vector<CheckedEntry> files;  // may be empty when the caller only knows how many
};

enum class Format { text, gcc, json, sarif, junit, github, gitlab };
std::optional<Format> parse_format(std::string_view name);
const std::vector<std::string>& format_names();

struct TextOptions {
  bool color = false;
  bool summary = true;
};

void write_report(std::ostream& out, Format format, const ReportInput& input, const TextOptions& text = {});

// path:line:col: severity[rule]: message, then the source line with a caret and the hint.
void write_text(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const Summary& summary,
                const TextOptions& options);
// path:line:col: severity: message [rule] — one line each, 1-based, for editors and grep.
void write_gcc(std::ostream& out, const ReportInput& input);
// {"version":1,"tool":…,"diagnostics":[…],"files":[…],"rules":{…},"summary":{…}}
void write_json(std::ostream& out, const ReportInput& input);
// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDEs).
void write_sarif(std::ostream& out, const ReportInput& input);
// JUnit XML (CodeBuild report groups, GitLab test reports): one testsuite per file.
void write_junit(std::ostream& out, const ReportInput& input);
// GitHub Actions workflow commands (::error file=…::message).
void write_github(std::ostream& out, const ReportInput& input);
// A Markdown summary for $GITHUB_STEP_SUMMARY (GitHub shows only the first annotations of a step).
void write_github_summary(std::ostream& out, const ReportInput& input);
// GitLab Code Quality JSON.
void write_gitlab(std::ostream& out, const ReportInput& input);

// What a rule id means, from the lint rule registry or the catalogue of built-in checks.
struct RuleDescription {
  std::string id;
  std::string summary;
  std::string full;        // the rationale, when there is one
  Severity severity = Severity::warning;
  std::string help_uri;    // the documentation page of the rule
  bool lint_rule = false;
};
RuleDescription describe_rule(std::string_view id);

// One fingerprint per diagnostic that survives edits elsewhere in the file (no line number in it, the
// source line instead); identical findings in one file are told apart by their order.
std::vector<std::string> fingerprints(const std::vector<Diagnostic>& diagnostics);

// The rule ids of `diagnostics`, each once, in order of first appearance.
std::vector<std::string> rule_ids(const std::vector<Diagnostic>& diagnostics);

}  // namespace flyguard::report
