#include <algorithm>
#include <string>
#include <string_view>

#include "report/report.h"

namespace flyguard::report {

namespace {

struct Palette {
  bool on = false;
  std::string_view paint(std::string_view code) const { return on ? code : std::string_view(); }
  std::string_view bold() const { return paint("\x1b[1m"); }
  std::string_view reset() const { return paint("\x1b[0m"); }
  std::string_view dim() const { return paint("\x1b[2m"); }
  std::string_view severity(Severity s) const {
    switch (s) {
      case Severity::error: return paint("\x1b[1;31m");
      case Severity::warning: return paint("\x1b[1;33m");
      case Severity::info: return paint("\x1b[1;36m");
    }
    return {};
  }
};

// Spaces up to `column`, keeping tabs so the caret lines up under the same character.
std::string caret_padding(std::string_view line, int column) {
  std::string pad;
  int seen = 1;
  for (std::size_t i = 0; i < line.size() && seen < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0U) == 0x80U) continue;
    pad += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  return pad;
}

void append_frame(std::string& out, const Diagnostic& d, const Palette& p) {
  if (d.line <= 0 || d.source_line.empty()) return;
  std::string number = std::to_string(d.line);
  std::string gutter(number.size(), ' ');
  out.append(p.dim()).append(" ").append(number).append(" | ").append(p.reset()).append(d.source_line).append("\n");
  out.append(p.dim()).append(" ").append(gutter).append(" | ").append(p.reset());
  out.append(caret_padding(d.source_line, d.column)).append(p.severity(d.severity)).append("^").append(p.reset());
  out += '\n';
}

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

void write_text(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const Summary& summary,
                const TextOptions& options) {
  Palette p{options.color};
  // Appended to a string written in 64 KiB pieces: thousands of findings in small ostream pieces cost more than
  // finding them, and one string for a report of megabytes costs page faults.
  constexpr std::size_t kPiece = 65536;
  std::string text;
  text.reserve(kPiece + 4096);
  for (const Diagnostic& d : diagnostics) {
    if (text.size() >= kPiece) {
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      text.clear();
    }
    const int line = d.line > 0 ? d.line : 1;
    const int column = d.column > 0 ? d.column : 1;
    text.append(p.bold()).append(d.file).append(":").append(std::to_string(line)).append(":");
    text.append(std::to_string(column)).append(":").append(p.reset()).append(" ").append(p.severity(d.severity));
    text.append(to_string(d.severity)).append(p.reset()).append("[").append(d.rule).append("]: ");
    text.append(d.message).append("\n");
    append_frame(text, d, p);
    if (!d.hint.empty()) text.append("  = hint: ").append(d.hint).append("\n");
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!options.summary) return;
  if (diagnostics.empty()) {
    out << "No problems found in " << plural(summary.files, "file") << ".\n";
    return;
  }
  out << '\n' << p.bold() << plural(summary.errors, "error") << ", " << plural(summary.warnings, "warning");
  if (summary.infos > 0) out << ", " << plural(summary.infos, "note");
  out << " in " << plural(summary.files, "file") << " checked." << p.reset() << '\n';
}

Summary summarize(const std::vector<Diagnostic>& diagnostics, std::size_t files) {
  Summary s;
  s.files = files;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::error) ++s.errors;
    else if (d.severity == Severity::warning) ++s.warnings;
    else ++s.infos;
  }
  return s;
}

}  // namespace flyguard::report

namespace flyguard::report {

void write_gcc(std::ostream& out, const ReportInput& input) {
  for (const Diagnostic& d : input.diagnostics) {
    std::string message = d.message;
    std::replace(message.begin(), message.end(), '\n', ' ');  // one line per diagnostic, always
    out << d.file << ':' << (d.line > 0 ? d.line : 1) << ':' << (d.column > 0 ? d.column : 1) << ": "
        << to_string(d.severity) << ": " << message << " [" << d.rule << "]\n";
  }
}

}  // namespace flyguard::report
