#include <gtest/gtest.h>

#include "config/flyguard_config.h"

namespace flyguard {
namespace {

std::optional<FlyguardConfig> parse(std::string_view text, std::vector<ConfigProblem>& problems) {
  return parse_flyguard_config(text, "repo/.flyguard.toml", problems);
}

TEST(FlyguardConfigTest, EmptyFileGivesDefaults) {
  std::vector<ConfigProblem> problems;
  const auto config = parse("", problems);
  ASSERT_TRUE(config);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(config->source, "repo/.flyguard.toml");
  EXPECT_FALSE(config->dialect);
  EXPECT_FALSE(config->fail_on);
  EXPECT_FALSE(config->pg_version);
  EXPECT_EQ(config->max_file_size, 10u << 20);
  EXPECT_EQ(config->protected_branches, (std::vector<std::string>{"main", "master"}));
  EXPECT_TRUE(config->rules.empty());
}

TEST(FlyguardConfigTest, EveryKeyAccepted) {
  std::vector<ConfigProblem> problems;
  const auto config = parse(R"(
dialect = "redshift"
fail_on = "warning"
pg_version = 15
max_file_size = 2048
locations = ["filesystem:sql", "classpath:db/migration"]
projects = ["svc-a", "svc-b"]
protected_branches = ["main", "release/*"]
start_after = "1.2.3"

[rules]
ban-drop-column = "off"
require-timeout = "warning"
no-select-star2 = "error"
)",
                            problems);
  ASSERT_TRUE(config) << (problems.empty() ? "" : problems[0].message);
  EXPECT_EQ(config->dialect, Dialect::redshift);
  EXPECT_EQ(config->fail_on, FailOn::warning);
  EXPECT_EQ(config->pg_version, 15);
  EXPECT_EQ(config->max_file_size, 2048u);
  EXPECT_EQ(config->locations, (std::vector<std::string>{"filesystem:sql", "classpath:db/migration"}));
  EXPECT_EQ(config->projects, (std::vector<std::string>{"svc-a", "svc-b"}));
  EXPECT_EQ(config->protected_branches, (std::vector<std::string>{"main", "release/*"}));
  EXPECT_EQ(config->start_after, "1.2.3");
  const std::map<std::string, std::string> rules{
      {"ban-drop-column", "off"}, {"require-timeout", "warning"}, {"no-select-star2", "error"}};
  EXPECT_EQ(config->rules, rules);
}

struct BadCase {
  const char* text;
  int line;
  int column;
  const char* must_mention;  // key name
  const char* must_mention_too;  // allowed values / reason
};

TEST(FlyguardConfigTest, BadValuesNameKeyAndAllowedValues) {
  const BadCase cases[] = {
      {"dialect = \"mysql\"", 1, 11, "'dialect'", "\"postgres\" or \"redshift\""},
      {"dialect = 1", 1, 11, "'dialect'", "got integer"},
      {"fail_on = \"always\"", 1, 11, "'fail_on'", "\"error\", \"warning\" or \"never\""},
      {"pg_version = 8", 1, 14, "'pg_version'", "from 9 to 18"},
      {"pg_version = 19", 1, 14, "'pg_version'", "from 9 to 18"},
      {"pg_version = \"15\"", 1, 14, "'pg_version'", "integer"},
      {"max_file_size = 0", 1, 17, "'max_file_size'", "positive integer"},
      {"max_file_size = -5", 1, 17, "'max_file_size'", "positive integer"},
      {"max_file_size = 1.5", 1, 17, "'max_file_size'", "positive integer"},
      {"locations = \"sql\"", 1, 13, "'locations'", "array of strings"},
      {"projects = [\"a\", 2]", 1, 18, "'projects'", "array of strings"},
      {"protected_branches = true", 1, 22, "'protected_branches'", "array of strings"},
      {"start_after = 3", 1, 15, "'start_after'", "version"},
      {"start_after = \"\"", 1, 15, "'start_after'", "version"},
      {"start_after = \"v1.2\"", 1, 15, "'start_after'", "version"},
      {"rules = \"all\"", 1, 9, "'rules'", "table"},
      {"[rules]\nban-drop-column = \"fatal\"", 2, 19, "'rules.ban-drop-column'", "\"error\", \"warning\" or \"off\""},
      {"[rules]\nban-drop-column = false", 2, 19, "'rules.ban-drop-column'", "\"off\""},
      {"[rules]\nban_drop_column = \"off\"", 2, 1, "'ban_drop_column'", "kebab-case"},
      {"[rules]\nBanDrop = \"off\"", 2, 1, "'BanDrop'", "kebab-case"},
      {"[rules]\n\"-x\" = \"off\"", 2, 1, "'-x'", "kebab-case"},
  };
  for (const auto& c : cases) {
    std::vector<ConfigProblem> problems;
    EXPECT_FALSE(parse(c.text, problems)) << c.text;
    ASSERT_EQ(problems.size(), 1u) << c.text;
    const auto& p = problems[0];
    EXPECT_EQ(p.file, "repo/.flyguard.toml");
    EXPECT_EQ(p.line, c.line) << c.text;
    EXPECT_EQ(p.column, c.column) << c.text;
    EXPECT_NE(p.message.find(c.must_mention), std::string::npos) << c.text << " -> " << p.message;
    EXPECT_NE(p.message.find(c.must_mention_too), std::string::npos) << c.text << " -> " << p.message;
  }
}

TEST(FlyguardConfigTest, UnknownKeyNamesKeyAndPosition) {
  std::vector<ConfigProblem> problems;
  EXPECT_FALSE(parse("dialect = \"postgres\"\n  foo = 1\n", problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_EQ(problems[0].column, 3);
  EXPECT_NE(problems[0].message.find("unknown key 'foo' in .flyguard.toml"), std::string::npos) << problems[0].message;
  EXPECT_NE(problems[0].message.find("fail_on"), std::string::npos) << "lists the known keys";
}

TEST(FlyguardConfigTest, UnknownTableIsAnError) {
  std::vector<ConfigProblem> problems;
  EXPECT_FALSE(parse("[rules]\nx = \"off\"\n\n[overrides]\nallow = [\"x\"]\n", problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 4);
  EXPECT_NE(problems[0].message.find("unknown key 'overrides'"), std::string::npos) << problems[0].message;
}

TEST(FlyguardConfigTest, ReportsEveryProblemNotJustTheFirst) {
  std::vector<ConfigProblem> problems;
  EXPECT_FALSE(parse("dialect = \"x\"\nfail_on = \"y\"\nfoo = 1\n", problems));
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_EQ(problems[1].line, 2);
  EXPECT_EQ(problems[2].line, 3);
}

TEST(FlyguardConfigTest, SyntaxErrorHasPosition) {
  std::vector<ConfigProblem> problems;
  EXPECT_FALSE(parse("dialect = \"postgres\"\nfail_on = \n", problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_GT(problems[0].column, 0);
  EXPECT_NE(problems[0].message.find("invalid TOML"), std::string::npos);
}

TEST(FlyguardConfigTest, DuplicateKeyIsASyntaxError) {
  std::vector<ConfigProblem> problems;
  EXPECT_FALSE(parse("dialect = \"postgres\"\ndialect = \"redshift\"\n", problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 2);
}

TEST(FlyguardConfigTest, ParseFailOn) {
  EXPECT_EQ(parse_fail_on("error"), FailOn::error);
  EXPECT_EQ(parse_fail_on("warning"), FailOn::warning);
  EXPECT_EQ(parse_fail_on("never"), FailOn::never);
  EXPECT_EQ(parse_fail_on("Error"), std::nullopt);
  EXPECT_EQ(parse_fail_on(""), std::nullopt);
}

}  // namespace
}  // namespace flyguard

namespace flyguard {
namespace {

TEST(PathRules, LaterMatchingBlocksWinOverRules) {
  std::vector<ConfigProblem> problems;
  const auto config = parse_flyguard_config(R"(
[rules]
ban-drop-table = "error"
prefer-text-field = "off"

[[paths]]
match = ["sql/legacy/**", "sql/V1__*.sql"]
rules = { ban-drop-table = "off" }

[[paths]]
match = ["**/V1__init.sql"]
rules = { ban-drop-table = "warning", prefer-text-field = "error" }
)",
                                            ".flyguard.toml", problems);
  ASSERT_TRUE(config) << format_problems(problems);
  ASSERT_EQ(config->paths.size(), 2U);
  std::map<std::string, std::string> storage;
  EXPECT_EQ(&rules_for_path(*config, "sql/V2__x.sql", storage), &config->rules);
  EXPECT_EQ(rules_for_path(*config, "sql/legacy/old/V0__x.sql", storage).at("ban-drop-table"), "off");
  const auto& both = rules_for_path(*config, "sql/V1__init.sql", storage);
  EXPECT_EQ(both.at("ban-drop-table"), "warning");
  EXPECT_EQ(both.at("prefer-text-field"), "error");
}

TEST(PathRules, MistakesAreProblemsWithPositions) {
  struct Case {
    const char* text;
    const char* expected;
  };
  for (const Case& c : {Case{"[[paths]]\nrules = { ban-drop-table = \"off\" }\n", "needs match"},
                        Case{"[[paths]]\nmatch = []\n", "non-empty array of globs"},
                        Case{"[[paths]]\nmatch = [\"a\"]\nrule = {}\n", "unknown key 'rule' in [[paths]]"},
                        Case{"[[paths]]\nmatch = [\"a\"]\nrules = { ban-drop-table = \"loud\" }\n", "paths.rules.ban-drop-table"},
                        Case{"paths = \"sql\"\n", "invalid value for 'paths'"}}) {
    std::vector<ConfigProblem> problems;
    EXPECT_FALSE(parse_flyguard_config(c.text, ".flyguard.toml", problems)) << c.text;
    ASSERT_FALSE(problems.empty()) << c.text;
    EXPECT_NE(format_problems(problems).find(c.expected), std::string::npos) << format_problems(problems);
    EXPECT_GT(problems[0].line, 0) << c.text;
  }
}

}  // namespace
}  // namespace flyguard
