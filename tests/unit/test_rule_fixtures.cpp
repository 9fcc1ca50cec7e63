// Runs every tests/rules/*.sql fixture and compares the exact set of (line, rule) findings with the
// `-- expect: rule-a, rule-b` markers at the end of the flagged lines, so that false positives and
// false negatives both fail. Header lines `-- fixture: <option>` set up the run:
//   opt-in               turn on the opt-in rules too
//   dialect=redshift     lint as Redshift
//   pg_version=<n>       target server major version
//   no-transaction       the file has a .sql.conf with executeInTransaction=false
//   mixed                Flyway's mixed=true
//   no-transactional-lock  Flyway's postgresql.transactional.lock=false
//   placeholder n=v      Flyway placeholder n has the value v
// The markers are blanked out before the check, so that a marker never reads as part of a
// flyguard:ignore comment's reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "check/file_check.h"
#include "rules/engine.h"
#include "rules/rule.h"

namespace flyguard {
namespace {

namespace fs = std::filesystem;

using Finding = std::pair<int, std::string>;  // (line, rule)

struct Fixture {
  std::string content;
  std::string checked;  // `content` with the markers blanked out, so that flyguard never sees them
  std::set<Finding> expected;
  FileCheckOptions options;
  std::optional<std::string> sidecar;
  rules::RuleSeverities severities;
  flyway::FlywaySettings flyway;
};

std::string trim(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\r");
  std::size_t end = text.find_last_not_of(" \t\r");
  return begin == std::string_view::npos ? std::string() : std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> split_ids(std::string_view list) {
  std::vector<std::string> ids;
  std::stringstream in{std::string(list)};
  for (std::string id; std::getline(in, id, ',');)
    if (std::string t = trim(id); !t.empty()) ids.push_back(t);
  return ids;
}

void apply_option(const std::string& option, Fixture& fixture) {
  if (option == "opt-in") {
    for (const rules::Rule* rule : rules::all_rules())
      if (rule->opt_in) fixture.severities[std::string(rule->id)] = std::string(to_string(rule->severity));
  } else if (option == "dialect=redshift") {
    fixture.options.dialect = Dialect::redshift;
  } else if (option.starts_with("pg_version=")) {
    fixture.options.pg_version = std::stoi(option.substr(11));
  } else if (option.starts_with("placeholder ") && option.find('=') != std::string::npos) {
    std::size_t eq = option.find('=');
    fixture.flyway.placeholders.values[option.substr(12, eq - 12)] = option.substr(eq + 1);
  } else if (option == "mixed") {
    fixture.flyway.mixed = true;
  } else if (option == "no-transactional-lock") {
    fixture.flyway.postgresql_transactional_lock = false;
  } else if (option == "no-transaction") {
    fixture.sidecar = "executeInTransaction=false\n";
  } else {
    ADD_FAILURE() << "unknown fixture option '" << option << "'";
  }
}

Fixture read_fixture(const fs::path& path) {
  Fixture fixture;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  fixture.content = buffer.str();
  fixture.options.check_name = false;
  std::istringstream lines(fixture.content);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.starts_with("-- fixture:")) apply_option(trim(std::string_view(line).substr(11)), fixture);
    if (auto marker = line.find("-- expect:"); marker != std::string::npos) {
      for (const std::string& id : split_ids(std::string_view(line).substr(marker + 10)))
        fixture.expected.insert({number, id});
      line.replace(marker, line.size() - marker, line.size() - marker, ' ');
    }
    fixture.checked += line + "\n";
  }
  return fixture;
}

std::vector<fs::path> fixture_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(FLYGUARD_RULE_FIXTURES_DIR))
    if (entry.path().extension() == ".sql") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// `ban-drop-table.sql` and `ban-drop-table.no-transaction.sql` both belong to ban-drop-table.
std::string rule_of(const fs::path& fixture) {
  std::string name = fixture.filename().string();
  return name.substr(0, name.find('.'));
}

std::string describe(const std::set<Finding>& findings) {
  std::string out;
  for (const auto& [line, rule] : findings) out += "  line " + std::to_string(line) + ": " + rule + "\n";
  return out.empty() ? "  (none)\n" : out;
}

class RuleFixture : public ::testing::TestWithParam<fs::path> {};

TEST_P(RuleFixture, FindsExactlyTheMarkedLines) {
  const fs::path& path = GetParam();
  ASSERT_NE(rules::find_rule(rule_of(path)), nullptr) << path << " is not named after a registered rule";
  Fixture fixture = read_fixture(path);
  fixture.options.rule_severities = &fixture.severities;  // set here: read_fixture's copy moved
  fixture.options.flyway = &fixture.flyway;
  CheckedFile checked = check_file(path.filename().string(), "V1__fixture.sql", fixture.checked, fixture.options,
                                   fixture.sidecar);
  std::set<Finding> actual;
  for (const Diagnostic& d : checked.diagnostics) actual.insert({d.line, d.rule});
  std::set<Finding> missing, unexpected;
  std::set_difference(fixture.expected.begin(), fixture.expected.end(), actual.begin(), actual.end(),
                      std::inserter(missing, missing.end()));
  std::set_difference(actual.begin(), actual.end(), fixture.expected.begin(), fixture.expected.end(),
                      std::inserter(unexpected, unexpected.end()));
  EXPECT_TRUE(missing.empty() && unexpected.empty())
      << path << "\nexpected but not found:\n" << describe(missing) << "found but not expected:\n"
      << describe(unexpected);
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string name = info.param.stem().string();
  std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleFixture, ::testing::ValuesIn(fixture_files()), test_name);

// A near miss is a statement in the fixture that its rule must leave alone.
std::size_t statements_without(const Fixture& fixture, const std::string& rule) {
  sql::ParsedScript script = sql::parse_script(fixture.content, fixture.options.dialect);
  std::set<int> flagged;
  for (const auto& [line, id] : fixture.expected)
    if (id == rule) flagged.insert(line);
  std::size_t count = 0;
  for (const sql::Statement& statement : script.statements) {
    int first = 1 + static_cast<int>(std::count(fixture.content.begin(),
                                                fixture.content.begin() + static_cast<long>(statement.span.code_begin), '\n'));
    int last = first + static_cast<int>(std::count(fixture.content.begin() + static_cast<long>(statement.span.code_begin),
                                                   fixture.content.begin() + static_cast<long>(statement.span.end), '\n'));
    if (flagged.lower_bound(first) == flagged.upper_bound(last)) ++count;
  }
  return count;
}

TEST(RuleFixtures, EveryRuleHasAFixtureThatTriggersItAndNearMisses) {
  for (const rules::Rule* rule : rules::all_rules()) {
    std::string id(rule->id);
    fs::path path = fs::path(FLYGUARD_RULE_FIXTURES_DIR) / (id + ".sql");
    if (!fs::exists(path)) {
      ADD_FAILURE() << "rule " << id << " has no fixture " << path;
      continue;
    }
    Fixture fixture = read_fixture(path);
    bool triggers = std::any_of(fixture.expected.begin(), fixture.expected.end(),
                                [&](const Finding& f) { return f.second == id; });
    EXPECT_TRUE(triggers) << path << " never expects " << id;
    EXPECT_GE(statements_without(fixture, id), 2U) << path << " needs near misses: statements " << id
                                                   << " must not flag";
  }
}

}  // namespace
}  // namespace flyguard
