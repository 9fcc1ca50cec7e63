#include "cli/output.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <streambuf>

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

// Hands output to stdio in 64 KiB pieces. std::cout is synchronised with stdio and would call fwrite for
// every field; a string holding the whole report costs a copy and page faults on a report of megabytes.
class StdoutInPieces : public std::streambuf {
 public:
  StdoutInPieces() { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  ~StdoutInPieces() override { sync(); }
  StdoutInPieces(const StdoutInPieces&) = delete;
  StdoutInPieces& operator=(const StdoutInPieces&) = delete;

 protected:
  int_type overflow(int_type c) override {
    if (sync() != 0) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
  }
  // A piece as large as the buffer goes straight to stdio, without a copy into the buffer first.
  std::streamsize xsputn(const char* text, std::streamsize count) override {
    if (static_cast<std::size_t>(count) < buffer_.size()) return std::streambuf::xsputn(text, count);
    if (sync() != 0) return 0;
    return static_cast<std::streamsize>(std::fwrite(text, 1, static_cast<std::size_t>(count), stdout));
  }
  int sync() override {
    const auto used = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return used == 0 || std::fwrite(buffer_.data(), 1, used, stdout) == used ? 0 : -1;
  }

 private:
  std::array<char, 65536> buffer_{};
};

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
  std::cout.flush();
  {
    StdoutInPieces pieces;
    std::ostream terminal(&pieces);
    report::write_report(terminal, format, input, {format == report::Format::text && use_color(args.color), summary});
    if (format == report::Format::text && !closing.empty()) terminal << closing << '\n';
  }
  if (format == report::Format::github) append_step_summary(input);
  std::fflush(stdout);
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
