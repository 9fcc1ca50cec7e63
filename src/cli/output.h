#pragma once
// --format / --output / --color, shared by check, ci and the hooks: where each report format goes.
#include <string>

#include <CLI/CLI.hpp>

#include "config/flyguard_config.h"
#include "report/report.h"

namespace flyguard::cli {

struct OutputArgs {
  std::string format;       // empty: text, or github annotations inside GitHub Actions
  std::string output;       // write `format` to this file; the terminal still gets text
  std::string color = "auto";
};

void add_output_options(CLI::App* command, OutputArgs& args, bool with_color);

// Writes the report where `args` says; `closing` is printed after a text report on the terminal.
// False (after saying why on stderr) when the output file cannot be written.
// Hooks stay silent on the terminal when all is well (`quiet_when_clean`).
bool emit_report(const OutputArgs& args, const report::ReportInput& input, const std::string& closing = "",
                 bool quiet_when_clean = false);

// True when a finding is at or above the --fail-on threshold.
bool fails_at(const std::vector<Diagnostic>& diagnostics, FailOn threshold);

}  // namespace flyguard::cli
