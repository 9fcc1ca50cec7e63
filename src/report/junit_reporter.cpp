#include <map>
#include <string>

#include "report/report.h"
#include "util/utf8.h"

namespace flyguard::report {

namespace {

// XML 1.0 text: markup characters escaped, control characters (not allowed even as references) and
// invalid UTF-8 replaced by U+FFFD, so that any path or message gives a well-formed document.
std::string xml_escape(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    auto invalid = util::first_invalid_utf8(text);
    std::string_view valid = text.substr(0, invalid.value_or(text.size()));
    for (char c : valid) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
          else out += c;
      }
    }
    if (!invalid) break;
    out += "\xEF\xBF\xBD";
    text.remove_prefix(*invalid + 1);
  }
  return out;
}

std::string position(const Diagnostic& d) {
  return std::to_string(d.line > 0 ? d.line : 1) + ":" + std::to_string(d.column > 0 ? d.column : 1);
}

void write_failure(std::ostream& out, const Diagnostic& d) {
  const std::string path = xml_escape(d.file);
  out << "    <testcase name=\"" << xml_escape(d.rule) << " at " << position(d) << "\" classname=\"" << path
      << "\" file=\"" << path << "\" line=\"" << (d.line > 0 ? d.line : 1) << "\" time=\"0\">\n";
  out << "      <failure type=\"" << to_string(d.severity) << "\" message=\"" << xml_escape(d.rule) << " at "
      << position(d) << ": " << xml_escape(d.message) << "\">" << path << ':' << position(d) << ": "
      << to_string(d.severity) << '[' << xml_escape(d.rule) << "]: " << xml_escape(d.message);
  if (!d.hint.empty()) out << "\nhint: " << xml_escape(d.hint);
  out << "</failure>\n    </testcase>\n";
}

}  // namespace

// CodeBuild shows a test case per diagnostic and a passing one per clean file, so the report lists
// every file that was checked, not only the failing ones.
void write_junit(std::ostream& out, const ReportInput& input) {
  std::map<std::string, std::vector<const Diagnostic*>> by_file;
  for (const CheckedEntry& file : input.files) by_file[file.path];
  for (const Diagnostic& d : input.diagnostics) by_file[d.file].push_back(&d);
  std::size_t tests = 0;
  for (const auto& [path, found] : by_file) tests += found.empty() ? 1 : found.size();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"flyguard\" tests=\"" << tests << "\" failures=\"" << input.diagnostics.size()
      << "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
  for (const auto& [path, found] : by_file) {
    const std::string name = xml_escape(path);
    out << "  <testsuite name=\"" << name << "\" tests=\"" << (found.empty() ? 1 : found.size()) << "\" failures=\""
        << found.size() << "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
    if (found.empty())
      out << "    <testcase name=\"flyguard\" classname=\"" << name << "\" file=\"" << name << "\" time=\"0\"/>\n";
    for (const Diagnostic* d : found) write_failure(out, *d);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace flyguard::report
