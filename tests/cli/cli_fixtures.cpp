#include "cli_fixtures.h"

#include <fstream>
#include <sstream>

namespace flyguard::test {

Json parse_report(const std::string& text) {
  Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    ADD_FAILURE() << "flyguard did not print JSON:\n" << text;
    return Json();
  }
  return json;
}

std::multiset<std::string> rules(const Json& report) {
  std::multiset<std::string> out;
  if (!report.contains("diagnostics")) return out;
  for (const Json& d : report["diagnostics"]) out.insert(d.value("rule", ""));
  return out;
}

std::set<std::string> rule_set(const Json& report) {
  std::multiset<std::string> all = rules(report);
  return {all.begin(), all.end()};
}

namespace {
template <typename Pred>
std::vector<Json> select(const Json& report, Pred pred) {
  std::vector<Json> out;
  if (!report.contains("diagnostics")) return out;
  for (const Json& d : report["diagnostics"])
    if (pred(d)) out.push_back(d);
  return out;
}
}  // namespace

std::vector<Json> with_rule(const Json& report, std::string_view rule) {
  return select(report, [&](const Json& d) { return d.value("rule", "") == rule; });
}

std::vector<Json> for_file(const Json& report, std::string_view file) {
  return select(report, [&](const Json& d) { return d.value("file", "") == file; });
}

std::set<std::string> files_with(const Json& report, std::string_view rule) {
  std::set<std::string> out;
  for (const Json& d : with_rule(report, rule)) out.insert(d.value("file", ""));
  return out;
}

::testing::AssertionResult contains(const std::string& text, std::string_view needle) {
  if (text.find(needle) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << needle << "\" not found in:\n" << text;
}

bool has_ansi_escape(const std::string& text) { return text.find('\x1b') != std::string::npos; }

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string read_binary(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

RunResult CliTest::run(const std::vector<std::string>& args, const Env& env, const std::string& stdin_text) const {
  return run_flyguard(args, RunOptions{project.path(), env, stdin_text});
}

CheckReport CliTest::check_json(std::vector<std::string> args, const Env& env, const std::string& stdin_text) const {
  args.insert(args.begin(), "check");
  args.push_back("--format");
  args.push_back("json");
  RunResult result = run(args, env, stdin_text);
  CheckReport report{result.status, result.err, Json()};
  if (result.status == 0 || result.status == 1) report.json = parse_report(result.out);
  else ADD_FAILURE() << "flyguard check exited with " << result.status << "\nstderr: " << result.err;
  if (!report.json.is_object()) report.json = Json{{"diagnostics", Json::array()}};
  return report;
}

}  // namespace flyguard::test
