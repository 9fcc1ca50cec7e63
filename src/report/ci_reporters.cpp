// Formats read by CI services: GitHub Actions workflow commands and step summary, GitLab Code Quality.
#include <nlohmann/json.hpp>

#include "report/report.h"

namespace flyguard::report {

namespace {

// GitHub's workflow-command escaping: the message needs %, CR and LF encoded; property values
// (file, title) also ':' and ','.
std::string github_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string github_property(std::string_view text) {
  std::string out;
  for (char c : github_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string_view github_command(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "warning";
}

// Markdown table cells: a pipe would end the cell, a newline the row.
std::string markdown_cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

// Code Quality severities: info, minor, major, critical, blocker.
std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::info: return "info";
  }
  return "minor";
}

}  // namespace

void write_github(std::ostream& out, const ReportInput& input) {
  for (const Diagnostic& d : input.diagnostics) {
    out << "::" << github_command(d.severity) << " file=" << github_property(d.file);
    if (d.line > 0) out << ",line=" << d.line;
    if (d.line > 0 && d.column > 0) out << ",col=" << d.column;
    out << ",title=" << github_property("flyguard " + d.rule) << "::"
        << github_data(d.hint.empty() ? d.message : d.message + "\nHint: " + d.hint) << '\n';
  }
  out << (input.summary.errors + input.summary.warnings + input.summary.infos == 0 ? "flyguard: no problems in "
                                                                                    : "flyguard: ")
      << (input.summary.errors + input.summary.warnings + input.summary.infos == 0
              ? std::to_string(input.summary.files) + " files"
              : std::to_string(input.summary.errors) + " errors, " + std::to_string(input.summary.warnings) +
                    " warnings in " + std::to_string(input.summary.files) + " files")
      << '\n';
}

void write_github_summary(std::ostream& out, const ReportInput& input) {
  out << "## flyguard\n\n";
  if (input.diagnostics.empty()) {
    out << "No problems found in " << input.summary.files << " files.\n";
    return;
  }
  out << input.summary.errors << " errors, " << input.summary.warnings << " warnings in " << input.summary.files
      << " files.\n\n| severity | file | line | rule | message |\n|---|---|---|---|---|\n";
  for (const Diagnostic& d : input.diagnostics)
    out << "| " << to_string(d.severity) << " | " << markdown_cell(d.file) << " | " << (d.line > 0 ? d.line : 1)
        << " | `" << d.rule << "` | " << markdown_cell(d.message) << " |\n";
}

void write_gitlab(std::ostream& out, const ReportInput& input) {
  const std::vector<std::string> prints = fingerprints(input.diagnostics);
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < input.diagnostics.size(); ++i) {
    const Diagnostic& d = input.diagnostics[i];
    nlohmann::ordered_json issue;
    issue["description"] = d.hint.empty() ? d.message : d.message + " Hint: " + d.hint;
    issue["check_name"] = d.rule;
    issue["fingerprint"] = prints[i];
    issue["severity"] = gitlab_severity(d.severity);
    issue["location"] = {{"path", d.file}, {"lines", {{"begin", d.line > 0 ? d.line : 1}}}};
    issues.push_back(std::move(issue));
  }
  out << issues.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace flyguard::report
