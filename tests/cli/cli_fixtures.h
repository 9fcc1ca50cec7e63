#pragma once
// Shared fixture for the CLI tests: a temporary Flyway project, runs of the real binary in it, and
// helpers that read the JSON report.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace flyguard::test {

using Json = nlohmann::json;
using Env = std::map<std::string, std::string>;

// `flyguard check ... --format json`: the exit status, stderr, and the parsed report (null when stdout
// was not JSON, which also fails the test).
struct CheckReport {
  int status = -1;
  std::string err;
  Json json;
  const Json& diagnostics() const { return json.at("diagnostics"); }
};

// Parses a JSON report; adds a test failure (with the text) when it is not JSON.
Json parse_report(const std::string& text);

// Rule ids of every diagnostic, with repeats.
std::multiset<std::string> rules(const Json& report);
// Distinct rule ids.
std::set<std::string> rule_set(const Json& report);
// Diagnostics with this rule id.
std::vector<Json> with_rule(const Json& report, std::string_view rule);
// Diagnostics reported for this file (the path as flyguard shows it).
std::vector<Json> for_file(const Json& report, std::string_view file);
// Files that have at least one diagnostic with this rule id.
std::set<std::string> files_with(const Json& report, std::string_view rule);

// EXPECT_TRUE(contains(text, "x")) prints the text when it fails.
::testing::AssertionResult contains(const std::string& text, std::string_view needle);
bool has_ansi_escape(const std::string& text);
std::vector<std::string> split_lines(const std::string& text);
std::string read_binary(const std::filesystem::path& path);

// Each test gets an empty temporary directory that is the working directory of every run.
class CliTest : public ::testing::Test {
 protected:
  TempDir project;

  std::filesystem::path write(const std::string& relative, const std::string& content) const {
    return project.write(relative, content);
  }
  // A migration in the default CLI location, sql/.
  std::filesystem::path write_sql(const std::string& name, const std::string& content) const {
    return project.write("sql/" + name, content);
  }
  std::string path(const std::string& relative) const { return (project.path() / relative).string(); }

  RunResult run(const std::vector<std::string>& args, const Env& env = {}, const std::string& stdin_text = {}) const;
  // `check <args> --format json` in the project directory.
  CheckReport check_json(std::vector<std::string> args = {}, const Env& env = {},
                         const std::string& stdin_text = {}) const;
};

}  // namespace flyguard::test
