// Flyway configuration: .properties parsing, flyway.conf / flyway.toml / FLYWAY_* precedence, .sql.conf.
#include <gtest/gtest.h>

#include "flyway/settings.h"

namespace flyguard::flyway {
namespace {

using Files = std::map<std::string, std::string>;

FileReader memory_reader(Files files) {
  return [files = std::move(files)](const std::string& path) -> std::optional<std::string> {
    const auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
}

FlywaySettings load(const Files& files, const Environment& env, std::vector<SettingsProblem>& problems) {
  return load_flyway_settings(memory_reader(files), env, problems);
}

std::string all_messages(const std::vector<SettingsProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.file + ":" + std::to_string(p.line) + ": " + p.message + "\n";
  return out;
}

// --- parse_properties --------------------------------------------------------------------------

struct PropertiesCase {
  const char* text;
  const char* key;
  const char* value;
  int line;
};

TEST(SettingsProperties, KeyValueForms) {
  const PropertiesCase cases[] = {
      {"a=b", "a", "b", 1},
      {"a = b", "a", "b", 1},
      {"a:b", "a", "b", 1},
      {"a : b", "a", "b", 1},
      {"a b", "a", "b", 1},
      {"a\tb", "a", "b", 1},
      {"   a=b   ", "a", "b", 1},                  // Flyway trims lines
      {"a=b=c", "a", "b=c", 1},
      {"a==b", "a", "=b", 1},
      {"a", "a", "", 1},
      {"a=", "a", "", 1},
      {"# c\n! c\n\n  # indented\na=1", "a", "1", 5},
      {"a=x # not a comment", "a", "x # not a comment", 1},
      {"a\\=b=c", "a=b", "c", 1},                   // escaped separator inside the key
      {"a\\ b=c", "a b", "c", 1},
      {"a=one \\\n    two", "a", "one two", 1},     // continuation drops the next line's indent
      {"a=x\\\n  y\\\n  z\nb=2", "a", "xyz", 1},
      {"\n\nb=1\\\n2", "b", "12", 3},
      {"a=c:\\\\dir", "a", "c:\\dir", 1},           // an even number of backslashes does not continue
      {"a=tab\\there", "a", "tab\there", 1},
      {"a=new\\nline", "a", "new\nline", 1},
      {"a=\\q", "a", "q", 1},                       // unknown escapes drop the backslash
      {"a=\\u0041\\u00e9", "a", "A\xC3\xA9", 1},
      {"a=\\ud83d\\ude00", "a", "\xF0\x9F\x98\x80", 1},  // surrogate pair
      {"a=\\u00zz", "a", "u00zz", 1},
      {"\xEF\xBB\xBF" "a=b", "a", "b", 1},          // BOM
      {"a=b\r\nc=d\r\n", "a", "b", 1},
      {"a=1\na=2", "a", "2", 2},                    // later wins
  };
  for (const auto& c : cases) {
    const auto props = parse_properties(c.text);
    const auto it = props.find(c.key);
    ASSERT_NE(it, props.end()) << c.text;
    EXPECT_EQ(it->second.first, c.value) << c.text;
    EXPECT_EQ(it->second.second, c.line) << c.text;
  }
}

TEST(SettingsProperties, CommentsAndBlankLinesYieldNothing) {
  EXPECT_TRUE(parse_properties("").empty());
  EXPECT_TRUE(parse_properties("# a=b\n!c=d\n   \n\t\n").empty());
}

TEST(SettingsProperties, TrailingContinuationAtEndOfFile) {
  const auto props = parse_properties("a=b\\");
  EXPECT_EQ(props.at("a").first, "b");
}

// --- load_flyway_settings: flyway.conf ---------------------------------------------------------

TEST(SettingsLoad, NothingConfiguredGivesFlywayDefaults) {
  std::vector<SettingsProblem> problems;
  const auto s = load({}, {}, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_TRUE(s.locations.empty());
  EXPECT_TRUE(s.sources.empty());
  EXPECT_EQ(s.naming.versioned_prefix, "V");
  EXPECT_EQ(s.naming.suffixes, std::vector<std::string>{".sql"});
  EXPECT_EQ(s.table, "flyway_schema_history");
  EXPECT_TRUE(s.execute_in_transaction);
  EXPECT_TRUE(s.placeholders.enabled);
  EXPECT_EQ(s.encoding, "UTF-8");
}

TEST(SettingsLoad, IgnoreMigrationPatternsAreValidatedAsFlywayDoes) {
  std::vector<SettingsProblem> problems;
  FlywaySettings settings = load({{"flyway.conf", "flyway.ignoreMigrationPatterns=*:missing,Versioned:Ignored\n"}}, {}, problems);
  EXPECT_TRUE(problems.empty()) << all_messages(problems);
  EXPECT_TRUE(ignores_migrations(settings.ignore_migration_patterns, false, "ignored"));
  EXPECT_TRUE(ignores_migrations(settings.ignore_migration_patterns, true, "missing"));
  EXPECT_FALSE(ignores_migrations(settings.ignore_migration_patterns, true, "ignored"));
  EXPECT_FALSE(ignores_migrations(settings.ignore_migration_patterns, false, "future"));  // replaced the default
  EXPECT_TRUE(ignores_migrations(FlywaySettings{}.ignore_migration_patterns, true, "future"));
  load({{"flyway.conf", "flyway.ignoreMigrationPatterns=*:missing,all:stale\n"}}, {}, problems);
  EXPECT_NE(all_messages(problems).find("Invalid pattern 'all:stale'"), std::string::npos) << all_messages(problems);
}

TEST(SettingsLoad, EveryConfKey) {
  std::vector<SettingsProblem> problems;
  const auto s = load({{"flyway.conf", R"(
flyway.locations=filesystem:sql, classpath:db/migration
flyway.url=jdbc:redshift://c:5439/dev
flyway.user=deployer
flyway.schemas=app,audit
flyway.defaultSchema=app
flyway.table=history
flyway.sqlMigrationPrefix=M
flyway.undoSqlMigrationPrefix=UN
flyway.repeatableSqlMigrationPrefix=RR
flyway.baselineMigrationPrefix=BB
flyway.sqlMigrationSeparator=-
flyway.sqlMigrationSuffixes=.sql,.pgsql
flyway.placeholderPrefix=#[
flyway.placeholderSuffix=]
flyway.placeholderSeparator=%
flyway.placeholderReplacement=FALSE
flyway.placeholders.Schema_Name=app
flyway.outOfOrder=true
flyway.validateMigrationNaming=True
flyway.executeInTransaction=false
flyway.mixed=true
flyway.group=true
flyway.encoding=ISO-8859-1
flyway.password=ignored
flyway.somethingNew=ignored
other.key=ignored
)"}},
                      {}, problems);
  EXPECT_TRUE(problems.empty()) << all_messages(problems);
  EXPECT_EQ(s.locations, (std::vector<std::string>{"filesystem:sql", "classpath:db/migration"}));
  EXPECT_EQ(s.locations_source, "flyway.conf");
  EXPECT_EQ(s.url, "jdbc:redshift://c:5439/dev");
  EXPECT_EQ(s.user, "deployer");
  EXPECT_EQ(s.schemas, (std::vector<std::string>{"app", "audit"}));
  EXPECT_EQ(s.default_schema, "app");
  EXPECT_EQ(s.table, "history");
  EXPECT_EQ(s.naming.versioned_prefix, "M");
  EXPECT_EQ(s.naming.undo_prefix, "UN");
  EXPECT_EQ(s.naming.repeatable_prefix, "RR");
  EXPECT_EQ(s.naming.baseline_prefix, "BB");
  EXPECT_EQ(s.naming.separator, "-");
  EXPECT_EQ(s.naming.suffixes, (std::vector<std::string>{".sql", ".pgsql"}));
  EXPECT_EQ(s.placeholders.prefix, "#[");
  EXPECT_EQ(s.placeholders.suffix, "]");
  EXPECT_EQ(s.placeholders.separator, "%");
  EXPECT_FALSE(s.placeholders.enabled);
  EXPECT_EQ(s.placeholders.values, (std::map<std::string, std::string>{{"schema_name", "app"}}));
  EXPECT_TRUE(s.out_of_order);
  EXPECT_TRUE(s.validate_migration_naming);
  EXPECT_FALSE(s.execute_in_transaction);
  EXPECT_TRUE(s.mixed);
  EXPECT_TRUE(s.group);
  EXPECT_EQ(s.encoding, "ISO-8859-1");
  EXPECT_EQ(s.sources, std::vector<std::string>{"flyway.conf"});
}

TEST(SettingsLoad, BadBooleanInConfNamesKeyFileAndLine) {
  std::vector<SettingsProblem> problems;
  const auto s = load({{"conf/flyway.conf", "flyway.url=x\nflyway.outOfOrder=yes\n"}}, {}, problems);
  ASSERT_EQ(problems.size(), 1u) << all_messages(problems);
  EXPECT_EQ(problems[0].file, "conf/flyway.conf");
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_NE(problems[0].message.find("flyway.outOfOrder"), std::string::npos) << problems[0].message;
  EXPECT_NE(problems[0].message.find("'yes'"), std::string::npos) << problems[0].message;
  EXPECT_FALSE(s.out_of_order);
}

TEST(SettingsLoad, EmptySuffixListIsAProblemAndKeepsDefault) {
  std::vector<SettingsProblem> problems;
  const auto s = load({{"flyway.conf", "flyway.sqlMigrationSuffixes= , "}}, {}, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(s.naming.suffixes, std::vector<std::string>{".sql"});
}

// --- precedence --------------------------------------------------------------------------------

TEST(SettingsLoad, PrecedenceConfDirThenRootThenEnvironment) {
  struct Case {
    Files files;
    Environment env;
    const char* expected_prefix;
  };
  const Case cases[] = {
      {{{"conf/flyway.conf", "flyway.sqlMigrationPrefix=A"}}, {}, "A"},
      {{{"conf/flyway.conf", "flyway.sqlMigrationPrefix=A"}, {"flyway.conf", "flyway.sqlMigrationPrefix=B"}}, {}, "B"},
      {{{"conf/flyway.toml", "[flyway]\nsqlMigrationPrefix='T'"}, {"conf/flyway.conf", "flyway.sqlMigrationPrefix=A"}},
       {},
       "T"},
      {{{"conf/flyway.toml", "[flyway]\nsqlMigrationPrefix='T'"}, {"flyway.conf", "flyway.sqlMigrationPrefix=B"}},
       {},
       "B"},
      {{{"flyway.toml", "[flyway]\nsqlMigrationPrefix='RT'"}, {"flyway.conf", "flyway.sqlMigrationPrefix=B"}},
       {},
       "RT"},
      {{{"flyway.toml", "[flyway]\nsqlMigrationPrefix='RT'"}}, {{"FLYWAY_SQL_MIGRATION_PREFIX", "E"}}, "E"},
      {{{"flyway.conf", "flyway.sqlMigrationPrefix=B"}}, {{"FLYWAY_SQL_MIGRATION_PREFIX", "E"}}, "E"},
  };
  for (const auto& c : cases) {
    std::vector<SettingsProblem> problems;
    const auto s = load(c.files, c.env, problems);
    EXPECT_TRUE(problems.empty()) << all_messages(problems);
    EXPECT_EQ(s.naming.versioned_prefix, c.expected_prefix);
  }
}

TEST(SettingsLoad, SourcesListWhatWasReadInOrder) {
  std::vector<SettingsProblem> problems;
  const auto s = load({{"flyway.toml", ""}, {"conf/flyway.conf", ""}, {"flyway.conf", ""}},
                      {{"FLYWAY_OUT_OF_ORDER", "true"}, {"HOME", "/root"}}, problems);
  EXPECT_EQ(s.sources, (std::vector<std::string>{"conf/flyway.conf", "flyway.conf", "flyway.toml", "environment"}));
}

TEST(SettingsLoad, EveryEnvironmentVariable) {
  std::vector<SettingsProblem> problems;
  const Environment env{
      {"FLYWAY_LOCATIONS", "filesystem:a,filesystem:b"}, {"FLYWAY_URL", "jdbc:postgresql://h/db"},
      {"FLYWAY_USER", "u"}, {"FLYWAY_SCHEMAS", "s1,s2"}, {"FLYWAY_DEFAULT_SCHEMA", "s1"},
      {"FLYWAY_TABLE", "t"}, {"FLYWAY_SQL_MIGRATION_PREFIX", "v"}, {"FLYWAY_UNDO_SQL_MIGRATION_PREFIX", "u"},
      {"FLYWAY_REPEATABLE_SQL_MIGRATION_PREFIX", "r"}, {"FLYWAY_BASELINE_MIGRATION_PREFIX", "b"},
      {"FLYWAY_SQL_MIGRATION_SEPARATOR", "--"}, {"FLYWAY_SQL_MIGRATION_SUFFIXES", ".psql"},
      {"FLYWAY_PLACEHOLDER_PREFIX", "%{"}, {"FLYWAY_PLACEHOLDER_SUFFIX", "}%"},
      {"FLYWAY_PLACEHOLDER_SEPARATOR", "::"}, {"FLYWAY_PLACEHOLDER_REPLACEMENT", "false"},
      {"FLYWAY_PLACEHOLDERS_TABLE_OWNER", "bob"}, {"FLYWAY_OUT_OF_ORDER", "TRUE"},
      {"FLYWAY_VALIDATE_MIGRATION_NAMING", "true"}, {"FLYWAY_EXECUTE_IN_TRANSACTION", "false"},
      {"FLYWAY_MIXED", "true"}, {"FLYWAY_GROUP", "true"}, {"FLYWAY_ENCODING", "UTF-16"},
  };
  const auto s = load({}, env, problems);
  EXPECT_TRUE(problems.empty()) << all_messages(problems);
  EXPECT_EQ(s.locations, (std::vector<std::string>{"filesystem:a", "filesystem:b"}));
  EXPECT_EQ(s.locations_source, "environment");
  EXPECT_EQ(s.url, "jdbc:postgresql://h/db");
  EXPECT_EQ(s.user, "u");
  EXPECT_EQ(s.schemas, (std::vector<std::string>{"s1", "s2"}));
  EXPECT_EQ(s.default_schema, "s1");
  EXPECT_EQ(s.table, "t");
  EXPECT_EQ(s.naming.versioned_prefix, "v");
  EXPECT_EQ(s.naming.undo_prefix, "u");
  EXPECT_EQ(s.naming.repeatable_prefix, "r");
  EXPECT_EQ(s.naming.baseline_prefix, "b");
  EXPECT_EQ(s.naming.separator, "--");
  EXPECT_EQ(s.naming.suffixes, std::vector<std::string>{".psql"});
  EXPECT_EQ(s.placeholders.prefix, "%{");
  EXPECT_EQ(s.placeholders.suffix, "}%");
  EXPECT_EQ(s.placeholders.separator, "::");
  EXPECT_FALSE(s.placeholders.enabled);
  EXPECT_EQ(s.placeholders.values.at("table_owner"), "bob");
  EXPECT_TRUE(s.out_of_order);
  EXPECT_TRUE(s.validate_migration_naming);
  EXPECT_FALSE(s.execute_in_transaction);
  EXPECT_TRUE(s.mixed);
  EXPECT_TRUE(s.group);
  EXPECT_EQ(s.encoding, "UTF-16");
  EXPECT_EQ(s.sources, std::vector<std::string>{"environment"});
}

TEST(SettingsLoad, BadBooleanInEnvironment) {
  std::vector<SettingsProblem> problems;
  load({}, {{"FLYWAY_MIXED", "1"}}, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, "environment");
  EXPECT_EQ(problems[0].line, 0);
  EXPECT_NE(problems[0].message.find("FLYWAY_MIXED"), std::string::npos) << problems[0].message;
}

TEST(SettingsLoad, PlaceholdersFromAllThreeSourcesMerge) {
  std::vector<SettingsProblem> problems;
  const auto s = load({{"flyway.conf", "flyway.placeholders.FromConf=c\nflyway.placeholders.shared=conf"},
                       {"flyway.toml", "[flyway.placeholders]\nFromToml = 't'\nSHARED = 'toml'\nnumber = 5"}},
                      {{"FLYWAY_PLACEHOLDERS_FROM_ENV", "e"}, {"FLYWAY_PLACEHOLDERS_SHARED", "env"}}, problems);
  EXPECT_TRUE(problems.empty()) << all_messages(problems);
  EXPECT_EQ(s.placeholders.values, (std::map<std::string, std::string>{
                                       {"fromconf", "c"}, {"fromtoml", "t"}, {"from_env", "e"},
                                       {"shared", "env"}, {"number", "5"}}));
}

// --- flyway.toml -------------------------------------------------------------------------------

TEST(SettingsToml, FlywayTableAndDefaultEnvironment) {
  std::vector<SettingsProblem> problems;
  const auto s = load({{"flyway.toml", R"(
[environments.default]
url = "jdbc:redshift://cluster:5439/dev"
user = "admin"
schemas = ["analytics", "staging"]

[environments.prod]
url = "jdbc:postgresql://prod/db"

[flyway]
locations = ["filesystem:migrations"]
sqlMigrationSuffixes = ".sql,.ddl"
outOfOrder = true
mixed = "TRUE"
defaultSchema = "analytics"

[flyway.postgresql]
transactional.lock = false
)"}},
                      {}, problems);
  EXPECT_TRUE(problems.empty()) << all_messages(problems);
  EXPECT_EQ(s.url, "jdbc:redshift://cluster:5439/dev");
  EXPECT_EQ(s.user, "admin");
  EXPECT_EQ(s.schemas, (std::vector<std::string>{"analytics", "staging"}));
  EXPECT_EQ(s.locations, std::vector<std::string>{"filesystem:migrations"});
  EXPECT_EQ(s.locations_source, "flyway.toml");
  EXPECT_EQ(s.naming.suffixes, (std::vector<std::string>{".sql", ".ddl"}));
  EXPECT_TRUE(s.out_of_order);
  EXPECT_TRUE(s.mixed);
  EXPECT_EQ(s.default_schema, "analytics");
}

TEST(SettingsToml, EnvironmentSelectedByFlywayEnvironment) {
  const Files files{{"flyway.toml", R"(
[flyway]
environment = "prod"
[environments.default]
url = "jdbc:postgresql://dev/db"
[environments.prod]
url = "jdbc:redshift://prod/db"
schemas = "a, b"
[environments.prod.flyway]
table = "prod_history"
)"}};
  std::vector<SettingsProblem> problems;
  auto s = load(files, {}, problems);
  EXPECT_TRUE(problems.empty()) << all_messages(problems);
  EXPECT_EQ(s.url, "jdbc:redshift://prod/db");
  EXPECT_EQ(s.schemas, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s.table, "prod_history");

  // The variable beats the file's choice.
  s = load(files, {{"FLYWAY_ENVIRONMENT", "default"}}, problems);
  EXPECT_TRUE(problems.empty()) << all_messages(problems);
  EXPECT_EQ(s.url, "jdbc:postgresql://dev/db");
  EXPECT_EQ(s.table, "flyway_schema_history");
}

TEST(SettingsToml, EnvironmentNamedInConfDirAppliesToRootFile) {
  std::vector<SettingsProblem> problems;
  const auto s = load({{"conf/flyway.toml", "[flyway]\nenvironment = 'ci'"},
                       {"flyway.toml", "[environments.ci]\nuser = 'ci-user'"}},
                      {}, problems);
  EXPECT_TRUE(problems.empty()) << all_messages(problems);
  EXPECT_EQ(s.user, "ci-user");
}

TEST(SettingsToml, SelectedEnvironmentMissingIsAProblem) {
  std::vector<SettingsProblem> problems;
  load({{"flyway.toml", "[flyway]\nenvironment = 'qa'\n[environments.default]\nurl = 'x'"}}, {}, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, "flyway.toml");
  EXPECT_NE(problems[0].message.find("'qa'"), std::string::npos);
}

TEST(SettingsToml, SyntaxErrorHasLineAndOtherFilesStillApply) {
  std::vector<SettingsProblem> problems;
  const auto s = load({{"flyway.conf", "flyway.table=from_conf"}, {"flyway.toml", "[flyway]\ntable = \n"}}, {},
                      problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, "flyway.toml");
  EXPECT_EQ(problems[0].line, 2);
  EXPECT_NE(problems[0].message.find("invalid TOML"), std::string::npos);
  EXPECT_EQ(s.table, "from_conf");
}

TEST(SettingsToml, WrongTypesAreProblemsWithLines) {
  struct Case {
    const char* text;
    int line;
    const char* key;
  };
  const Case cases[] = {
      {"[flyway]\noutOfOrder = 'maybe'", 2, "flyway.outOfOrder"},
      {"[flyway]\n\nmixed = 1", 3, "flyway.mixed"},
      {"[flyway]\nlocations = ['sql', 3]", 2, "flyway.locations"},
      {"[flyway]\ntable = ['a']", 2, "flyway.table"},
      {"[flyway]\nplaceholders = 'x'", 2, "flyway.placeholders"},
      {"[flyway.placeholders]\nx = ['a']", 2, "flyway.placeholders.x"},
      {"[environments.default]\nurl = ['a']", 2, "environments.default.url"},
      {"flyway = 3", 1, "flyway"},
  };
  for (const auto& c : cases) {
    std::vector<SettingsProblem> problems;
    load({{"flyway.toml", c.text}}, {}, problems);
    ASSERT_EQ(problems.size(), 1u) << c.text << "\n" << all_messages(problems);
    EXPECT_EQ(problems[0].line, c.line) << c.text;
    EXPECT_NE(problems[0].message.find(c.key), std::string::npos) << c.text << " -> " << problems[0].message;
  }
}

// --- .sql.conf ---------------------------------------------------------------------------------

TEST(SettingsScriptConfig, KnownKeys) {
  std::vector<SettingsProblem> problems;
  const auto c = parse_script_config(
      "executeInTransaction=FALSE\nplaceholderReplacement=True\nencoding=ISO-8859-1\nshouldExecute=${x}==1\n",
      "V1__a.sql.conf", problems);
  EXPECT_TRUE(problems.empty()) << all_messages(problems);
  EXPECT_EQ(c.execute_in_transaction, false);
  EXPECT_EQ(c.placeholder_replacement, true);
  EXPECT_EQ(c.encoding, "ISO-8859-1");
}

TEST(SettingsScriptConfig, EmptyFileSetsNothing) {
  std::vector<SettingsProblem> problems;
  const auto c = parse_script_config("# nothing\n", "V1__a.sql.conf", problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_FALSE(c.execute_in_transaction);
  EXPECT_FALSE(c.placeholder_replacement);
  EXPECT_FALSE(c.encoding);
}

TEST(SettingsScriptConfig, FlywayMessagesForBadInput) {
  std::vector<SettingsProblem> problems;
  const auto c = parse_script_config(
      "executeInTransaction=yes\nfoo=1\nplaceholderReplacement=0\nExecuteInTransaction=true", "sql/V1__a.sql.conf",
      problems);
  ASSERT_EQ(problems.size(), 4u) << all_messages(problems);
  EXPECT_EQ(problems[0].file, "sql/V1__a.sql.conf");
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_EQ(problems[0].message, "Invalid value for executeInTransaction (should be either true or false): yes");
  EXPECT_EQ(problems[1].line, 2);
  EXPECT_EQ(problems[1].message, "Unknown configuration property: foo. Please check your script config files");
  EXPECT_EQ(problems[2].line, 3);
  EXPECT_EQ(problems[2].message, "Invalid value for placeholderReplacement (should be either true or false): 0");
  EXPECT_EQ(problems[3].line, 4);  // keys are case-sensitive
  EXPECT_NE(problems[3].message.find("ExecuteInTransaction"), std::string::npos);
  EXPECT_FALSE(c.execute_in_transaction);
  EXPECT_FALSE(c.placeholder_replacement);
}

// postgresql.transactional.lock decides whether CREATE INDEX CONCURRENTLY hangs; every spelling Flyway reads.
TEST(SettingsLoad, PostgresqlTransactionalLockFromEverySource) {
  std::vector<SettingsProblem> problems;
  EXPECT_TRUE(load({}, {}, problems).postgresql_transactional_lock);
  EXPECT_FALSE(load({{"flyway.conf", "flyway.postgresql.transactional.lock=false\n"}}, {}, problems)
                   .postgresql_transactional_lock);
  EXPECT_FALSE(load({{"flyway.toml", "[flyway.postgresql]\ntransactional.lock = false\n"}}, {}, problems)
                   .postgresql_transactional_lock);
  EXPECT_FALSE(load({{"flyway.toml", "[flyway.postgresql.transactional]\nlock = false\n"}}, {}, problems)
                   .postgresql_transactional_lock);
  EXPECT_FALSE(load({}, {{"FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK", "false"}}, problems).postgresql_transactional_lock);
  EXPECT_TRUE(load({{"flyway.conf", "flyway.postgresql.transactional.lock=false\n"}},
                   {{"FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK", "true"}}, problems)
                  .postgresql_transactional_lock);
  EXPECT_TRUE(problems.empty());
  load({{"flyway.toml", "[flyway.postgresql]\ntransactional.lock = \"maybe\"\n"}}, {}, problems);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_NE(problems[0].message.find("flyway.postgresql.transactional.lock"), std::string::npos) << problems[0].message;
}

}  // namespace
}  // namespace flyguard::flyway
