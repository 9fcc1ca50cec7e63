// Flyway locations: mapping configured strings to directories, and scanning them on disk.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <random>

#include "flyway/settings.h"

namespace flyguard::flyway {
namespace {

namespace fs = std::filesystem;

std::vector<Location> resolve(std::vector<std::string> locations, std::vector<SettingsProblem>& problems,
                              const std::set<std::string>& existing = {}) {
  FlywaySettings settings;
  settings.locations = std::move(locations);
  settings.locations_source = "flyway.conf";
  return resolve_locations(
      settings, [&](const std::string& dir) { return existing.count(dir) > 0; }, problems);
}

TEST(SettingsLocations, MapsConfiguredLocations) {
  struct Case {
    const char* configured;
    const char* directory;
  };
  const Case cases[] = {
      {"filesystem:sql", "sql"},
      {"filesystem:./sql/", "sql"},
      {"FileSystem:sql", "sql"},
      {"filesystem:db//migration/./v1/", "db/migration/v1"},
      {"filesystem:db/../sql", "sql"},
      {"filesystem:.", ""},
      {"filesystem:/srv/flyway/sql/", "/srv/flyway/sql"},
      {"filesystem:db\\migration", "db/migration"},
      {"classpath:db/migration", "src/main/resources/db/migration"},
      {"CLASSPATH:/db/migration/", "src/main/resources/db/migration"},
      {"classpath:", "src/main/resources"},
      {"db/migration", "src/main/resources/db/migration"},
      {"  filesystem:sql  ", "sql"},
      {"filesystem:sql/**/migrations", "sql/**/migrations"},
      {"filesystem:./releases/*/", "releases/*"},
      {"filesystem:db/release1.?", "db/release1.?"},
  };
  for (const auto& c : cases) {
    std::vector<SettingsProblem> problems;
    const auto locations = resolve({c.configured}, problems);
    EXPECT_TRUE(problems.empty()) << c.configured;
    ASSERT_EQ(locations.size(), 1u) << c.configured;
    EXPECT_EQ(locations[0].configured, c.configured);
    EXPECT_EQ(locations[0].directory, c.directory) << c.configured;
  }
}

TEST(SettingsLocations, UnsupportedSchemesAreProblemsAndSkipped) {
  std::vector<SettingsProblem> problems;
  const auto locations = resolve({"s3:bucket/sql", "filesystem:sql", "gcs:bucket/sql", "ftp:x"}, problems);
  ASSERT_EQ(locations.size(), 1u);
  EXPECT_EQ(locations[0].directory, "sql");
  ASSERT_EQ(problems.size(), 3u);
  for (const auto& p : problems) {
    EXPECT_EQ(p.file, "flyway.conf");
    EXPECT_NE(p.message.find("location scheme not supported"), std::string::npos) << p.message;
  }
  EXPECT_NE(problems[0].message.find("s3:bucket/sql"), std::string::npos);
}

TEST(SettingsLocations, DuplicatesAndNestedLocationsDropped) {
  std::vector<SettingsProblem> problems;
  const auto locations =
      resolve({"filesystem:sql/sub", "filesystem:sql", "filesystem:./sql", "filesystem:sqlx", "filesystem:sql/*"},
              problems);
  ASSERT_EQ(locations.size(), 3u);
  EXPECT_EQ(locations[0].directory, "sql");
  EXPECT_EQ(locations[1].directory, "sqlx");
  EXPECT_EQ(locations[2].directory, "sql/*");
}

TEST(SettingsLocations, DefaultsAreTheExistingConventionalDirectories) {
  struct Case {
    std::set<std::string> existing;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {{}, {}},
      {{"sql"}, {"sql"}},
      {{"db/migration"}, {"db/migration"}},
      {{"src/main/resources/db/migration", "other"}, {"src/main/resources/db/migration"}},
      {{"sql", "db/migration", "src/main/resources/db/migration"},
       {"sql", "db/migration", "src/main/resources/db/migration"}},
  };
  for (const auto& c : cases) {
    std::vector<SettingsProblem> problems;
    const auto locations = resolve({}, problems, c.existing);
    EXPECT_TRUE(problems.empty());
    std::vector<std::string> directories;
    for (const auto& l : locations) directories.push_back(l.directory);
    EXPECT_EQ(directories, c.expected);
  }
}

// --- scan_location -----------------------------------------------------------------------------

class SettingsScan : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root_ = fs::temp_directory_path() / ("flyguard-scan-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  void write(const std::string& relative, const std::string& text = "select 1;") {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  std::vector<std::string> scripts(const std::string& directory) {
    std::vector<std::string> out;
    for (const auto& f : scan_location(root_, {"filesystem:" + directory, directory})) out.push_back(f.script);
    return out;
  }
  fs::path root_;
};

TEST_F(SettingsScan, RecursiveSortedSkipsHiddenDirectories) {
  write("sql/V2__b.sql");
  write("sql/V1__a.sql");
  write("sql/release1/V10__c.sql");
  write("sql/release1/deep/R__view.sql");
  write("sql/.git/V9__hidden_dir.sql");
  write("sql/.hidden/deeper/V8__x.sql");
  write("sql/.V7__hidden_file.sql");  // hidden files are listed; Flyway only skips hidden directories
  write("sql/README.md");
  write("sql/V1__a.sql.conf", "executeInTransaction=false");
  write("other/V3__elsewhere.sql");
  EXPECT_EQ(scripts("sql"), (std::vector<std::string>{".V7__hidden_file.sql", "README.md", "V1__a.sql",
                                                      "V1__a.sql.conf", "V2__b.sql", "release1/V10__c.sql",
                                                      "release1/deep/R__view.sql"}));
}

TEST_F(SettingsScan, PathsAndDisplayPaths) {
  write("db/migration/sub/V1__a.sql");
  const auto files = scan_location(root_, {"filesystem:db/migration", "db/migration"});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].script, "sub/V1__a.sql");
  EXPECT_EQ(files[0].display_path, "db/migration/sub/V1__a.sql");
  EXPECT_EQ(files[0].path, root_ / "db/migration" / "sub/V1__a.sql");
  EXPECT_FALSE(files[0].is_symlink);

  // The project root as a location.
  const auto at_root = scan_location(root_, {"filesystem:.", ""});
  ASSERT_EQ(at_root.size(), 1u);
  EXPECT_EQ(at_root[0].script, "db/migration/sub/V1__a.sql");
  EXPECT_EQ(at_root[0].display_path, "db/migration/sub/V1__a.sql");

  // An absolute location inside the project is still shown relative to it.
  const std::string absolute = (root_ / "db/migration").generic_string();
  const auto abs = scan_location(root_, {"filesystem:" + absolute, absolute});
  ASSERT_EQ(abs.size(), 1u);
  EXPECT_EQ(abs[0].script, "sub/V1__a.sql");
  EXPECT_EQ(abs[0].display_path, "db/migration/sub/V1__a.sql");
}

TEST_F(SettingsScan, MissingLocationIsEmpty) {
  EXPECT_TRUE(scripts("nope").empty());
  write("file.sql");
  EXPECT_TRUE(scripts("file.sql").empty());  // a file is not a location
}

TEST_F(SettingsScan, SymlinksFollowedAndMarked) {
  write("shared/V5__shared.sql");
  write("shared/nested/V6__n.sql");
  write("sql/V1__a.sql");
  fs::create_symlink(root_ / "shared/V5__shared.sql", root_ / "sql/V5__shared.sql");
  fs::create_symlink(root_ / "missing.sql", root_ / "sql/V7__dangling.sql");
  fs::create_directory_symlink(root_ / "shared/nested", root_ / "sql/linked");
  fs::create_directory_symlink(root_ / "sql", root_ / "sql/loop");  // must not recurse forever
  const auto files = scan_location(root_, {"filesystem:sql", "sql"});
  std::vector<std::pair<std::string, bool>> got;
  for (const auto& f : files) got.emplace_back(f.script, f.is_symlink);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, bool>>{
                     {"V1__a.sql", false}, {"V5__shared.sql", true}, {"V7__dangling.sql", true},
                     {"linked/V6__n.sql", true}}));
}

TEST_F(SettingsScan, UnreadableDirectoryIsSkipped) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads everything";
  write("sql/V1__a.sql");
  write("sql/locked/V2__b.sql");
  fs::permissions(root_ / "sql/locked", fs::perms::none);
  EXPECT_EQ(scripts("sql"), std::vector<std::string>{"V1__a.sql"});
  fs::permissions(root_ / "sql/locked", fs::perms::owner_all);
}

TEST_F(SettingsScan, Wildcards) {
  write("db/release1.0/V1__a.sql");
  write("db/release1.1/V2__b.sql");
  write("db/release1.11/V3__c.sql");
  write("db/release2/V4__d.sql");
  write("db/.hidden1.0/V9__h.sql");
  write("svc/a/migrations/V5__e.sql");
  write("svc/b/c/migrations/V6__f.sql");
  write("svc/migrations/V7__g.sql");
  write("svc/migrations/old/migrations/V8__h.sql");
  write("svc/a/notes/V0__n.sql");
  fs::create_directory_symlink(root_ / "svc", root_ / "svc/b/loop");  // `**` must not loop
  struct Case {
    const char* pattern;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"db/release1.?", {"V1__a.sql", "V2__b.sql"}},
      {"db/release1.*", {"V1__a.sql", "V2__b.sql", "V3__c.sql"}},
      {"db/release*", {"V1__a.sql", "V2__b.sql", "V3__c.sql", "V4__d.sql"}},
      {"db/release2*", {}},  // Flyway's `*` needs at least one character
      // `**` also matches no directory; a file under two matches is claimed once, by the shallower one.
      {"svc/**/migrations",
       {"V5__e.sql", "V6__f.sql", "V7__g.sql", "old/migrations/V8__h.sql"}},
      {"svc/*/migrations", {"V5__e.sql"}},
      {"svc/**/**/migrations", {"V5__e.sql", "V6__f.sql", "V7__g.sql", "old/migrations/V8__h.sql"}},
      {"db/r*e*1.1", {"V2__b.sql"}},
      {"db/release1.1?", {"V3__c.sql"}},
      {"*/release2", {"V4__d.sql"}},
      {"db/*", {"V1__a.sql", "V2__b.sql", "V3__c.sql", "V4__d.sql"}},
      {"nothing/*", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(scripts(c.pattern), c.expected) << c.pattern;

  const auto files = scan_location(root_, {"filesystem:svc/*/migrations", "svc/*/migrations"});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].display_path, "svc/a/migrations/V5__e.sql");
}

TEST_F(SettingsScan, DiskReaderReadsRegularFilesOnly) {
  write("conf/flyway.conf", "flyway.table=t\n");
  fs::create_directories(root_ / "flyway.toml");  // a directory with a config file's name
  const FileReader read = disk_reader(root_);
  EXPECT_EQ(read("conf/flyway.conf"), "flyway.table=t\n");
  EXPECT_EQ(read("flyway.toml"), std::nullopt);
  EXPECT_EQ(read("flyway.conf"), std::nullopt);

  std::vector<SettingsProblem> problems;
  const auto settings = load_flyway_settings(read, {}, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(settings.table, "t");
  EXPECT_EQ(settings.sources, std::vector<std::string>{"conf/flyway.conf"});
}

TEST(SettingsEnvironment, CurrentEnvironmentSeesVariables) {
  ::setenv("FLYGUARD_TEST_VARIABLE", "a=b", 1);
  const Environment env = current_environment();
  ::unsetenv("FLYGUARD_TEST_VARIABLE");
  ASSERT_TRUE(env.count("FLYGUARD_TEST_VARIABLE"));
  EXPECT_EQ(env.at("FLYGUARD_TEST_VARIABLE"), "a=b");  // split at the first '=' only
}

}  // namespace
}  // namespace flyguard::flyway
