#include "cli/output.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace flyguard::cli {

namespace {

bool env_is(const char* name, std::string_view value) {
  const char* set = std::getenv(name);
  return set != nullptr && value == set;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(fileno(stdout)) != 0;
}

// Inside GitHub Actions the terminal is the job log: annotations there become inline comments.
report::Format terminal_format(const OutputArgs& args) {
  if (!args.format.empty() && args.output.empty()) return *report::parse_format(args.format);
  return env_is("GITHUB_ACTIONS", "true") ? report::Format::github : report::Format::text;
}

// GitHub shows only the first annotations of a step; the step summary holds all of them.
void append_step_summary(const report::ReportInput& input) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (path == nullptr || *path == '\0') return;
  std::ofstream summary(path, std::ios::app);
  if (summary) report::write_github_summary(summary, input);
}

}  // namespace

void add_output_options(CLI::App* command, OutputArgs& args, bool with_color) {
  command->add_option("--format", args.format,
                      "Output format: text, gcc, json, sarif, junit, github, gitlab; default: text "
                      "(github inside GitHub Actions)")
      ->check(CLI::IsMember(report::format_names()));
  command->add_option("--output", args.output, "Write the --format report to this file; the terminal still gets text");
  if (with_color)
    command->add_option("--color", args.color, "Color the text output")->check(CLI::IsMember({"auto", "always", "never"}));
}

bool emit_report(const OutputArgs& args, const report::ReportInput& input, const std::string& closing,
                 bool quiet_when_clean) {
  if (!args.output.empty()) {
    std::ofstream file(args.output, std::ios::binary | std::ios::trunc);
    if (file) report::write_report(file, args.format.empty() ? report::Format::text : *report::parse_format(args.format), input);
    if (!file || !file.flush()) {
      std::cerr << "flyguard: cannot write the report to " << args.output << '\n';
      return false;
    }
  }
  const report::Format format = terminal_format(args);
  const bool summary = !(quiet_when_clean && input.diagnostics.empty());
  // Built in memory and written at once: std::cout shares stdio's buffer and would call fwrite per piece.
  std::ostringstream terminal;
  report::write_report(terminal, format, input, {format == report::Format::text && use_color(args.color), summary});
  if (format == report::Format::text && !closing.empty()) terminal << closing << '\n';
  const std::string text = std::move(terminal).str();
  std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (format == report::Format::github) append_step_summary(input);
  std::cout.flush();
  return true;
}

bool fails_at(const std::vector<Diagnostic>& diagnostics, FailOn threshold) {
  if (threshold == FailOn::never) return false;
  Severity minimum = threshold == FailOn::warning ? Severity::warning : Severity::error;
  for (const Diagnostic& d : diagnostics)
    if (d.severity >= minimum) return true;
  return false;
}

}  // namespace flyguard::cli
