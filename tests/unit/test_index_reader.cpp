#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <cstring>
#include <fstream>
#include <map>

#include "git/index_reader.h"

namespace flyguard::git {
namespace {

namespace fs = std::filesystem;

// A small repository made with real git, whose index is read both by libgit2 and by our reader.
class IndexReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "flyguard-index-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    git("init -q");
    for (int i = 0; i < 50; ++i) write("sql/V" + std::to_string(i) + "__m.sql", "SELECT " + std::to_string(i) + ";\n");
    write("sql/nested/deeper/R__view.sql", "SELECT 1;\n");
    write("src/main.c", "int main(void) { return 0; }\n");
    write(std::string("sql/") + std::string(200, 'x') + ".sql", "long name\n");
    git("add -A");
    fs::create_symlink("V1__m.sql", dir_ / "sql/link.sql");
    git("add sql/link.sql");
    git("update-index --chmod=+x sql/V2__m.sql");
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& relative, const std::string& content) {
    fs::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative) << content;
  }
  void git(const std::string& args) {
    std::string command = "cd '" + dir_.string() + "' && GIT_CONFIG_NOSYSTEM=1 HOME='" + dir_.string() + "' git " +
                          args + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }
  // libgit2's view of the same index, for comparison.
  std::vector<Entry> libgit2_entries(const std::vector<std::string>& prefixes) {
    Library library;
    Repository repo = Repository::open_local(dir_, {});
    IndexHandle index = repo.open_index(dir_ / ".git/index");
    return repo.list_index(index.get(), prefixes);
  }
  static void expect_same(const std::vector<Entry>& a, const std::vector<Entry>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].path, b[i].path);
      EXPECT_EQ(a[i].kind, b[i].kind) << a[i].path;
      EXPECT_TRUE(git_oid_equal(&a[i].id, &b[i].id)) << a[i].path;
    }
  }

  fs::path dir_;
};

TEST_F(IndexReaderTest, Version2MatchesLibgit2) {
  auto ours = read_index_entries(dir_ / ".git/index", {"sql"});
  expect_same(ours, libgit2_entries({"sql"}));
  EXPECT_EQ(ours.size(), 53U);
}

TEST_F(IndexReaderTest, Version3WithExtendedFlagsMatchesLibgit2) {
  write("sql/V99__intent.sql", "SELECT 99;\n");
  git("add -N sql/V99__intent.sql");  // intent-to-add sets the extended flags of version 3
  expect_same(read_index_entries(dir_ / ".git/index", {"sql"}), libgit2_entries({"sql"}));
}

TEST_F(IndexReaderTest, Version4PathCompressionMatchesLibgit2) {
  git("update-index --index-version 4");
  expect_same(read_index_entries(dir_ / ".git/index", {"sql", "src"}), libgit2_entries({"sql", "src"}));
}

TEST_F(IndexReaderTest, KindsAndPrefixes) {
  auto entries = read_index_entries(dir_ / ".git/index", {"sql/nested"});
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries[0].path, "sql/nested/deeper/R__view.sql");
  bool saw_link = false, saw_exec = false;
  for (const Entry& e : read_index_entries(dir_ / ".git/index", {""})) {
    saw_link |= e.path == "sql/link.sql" && e.kind == EntryKind::symlink;
    saw_exec |= e.path == "sql/V2__m.sql" && e.kind == EntryKind::executable;
  }
  EXPECT_TRUE(saw_link);
  EXPECT_TRUE(saw_exec);
  EXPECT_TRUE(read_index_entries(dir_ / ".git/index", {"sq"}).empty());
}

TEST_F(IndexReaderTest, SplitIndexIsRefusedNotMisread) {
  git("update-index --split-index");
  EXPECT_THROW(read_index_entries(dir_ / ".git/index", {"sql"}), GitError);
}

TEST_F(IndexReaderTest, CorruptFilesAreErrors) {
  std::ofstream(dir_ / "bad-index", std::ios::binary) << "DIRC\0\0\0\x02\0\0\0\x05";
  EXPECT_THROW(read_index_entries(dir_ / "bad-index", {""}), GitError);
  std::ofstream(dir_ / "not-index", std::ios::binary) << "hello";
  EXPECT_THROW(read_index_entries(dir_ / "not-index", {""}), GitError);
  EXPECT_THROW(read_index_entries(dir_ / "missing", {""}), GitError);
}

Entry entry(const std::string& path, EntryKind kind, char fill) {
  Entry e{path, kind, {}};
  std::memset(e.id.id, fill, sizeof e.id.id);
  return e;
}

TEST(DiffEntries, ClassifiesEveryKindOfChange) {
  std::vector<Entry> before = {entry("a.sql", EntryKind::file, 1), entry("b.sql", EntryKind::file, 2),
                               entry("c.sql", EntryKind::file, 3), entry("d.sql", EntryKind::file, 4),
                               entry("e.sql", EntryKind::file, 5), entry("same.sql", EntryKind::file, 6)};
  std::vector<Entry> after = {entry("a.sql", EntryKind::file, 9),        // modified
                              entry("b.sql", EntryKind::executable, 2),  // mode only
                              entry("c.sql", EntryKind::symlink, 7),     // type change
                              entry("moved.sql", EntryKind::file, 4),    // d renamed
                              entry("new.sql", EntryKind::file, 8),      // added
                              entry("same.sql", EntryKind::file, 6)};    // e deleted, same unchanged
  std::map<std::string, ChangeKind> seen;
  for (const Change& c : diff_entries(before, after)) seen[c.before ? c.before->path : c.after->path] = c.kind;
  std::map<std::string, ChangeKind> expected = {{"a.sql", ChangeKind::modified},     {"b.sql", ChangeKind::modified},
                                                {"c.sql", ChangeKind::type_changed}, {"d.sql", ChangeKind::renamed},
                                                {"new.sql", ChangeKind::added},      {"e.sql", ChangeKind::deleted}};
  EXPECT_EQ(seen, expected);
}

}  // namespace
}  // namespace flyguard::git
