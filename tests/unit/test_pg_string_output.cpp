// The faster appendStringInfo linked into libpg_query (src/sql/pg_string_output.cpp) must write exactly
// what libpg_query's own does: call by call, and for whole parse trees.
#include <gtest/gtest.h>

#include <climits>
#include <cstdarg>
#include <filesystem>
#include <string>
#include <vector>

#include <pg_query.h>

#include "sql/pg_parser.h"
#include "sql/pg_string_output.h"
#include "util/file.h"

extern "C" {
// libpg_query's (pg_query_internal.h, whose other declarations need PostgreSQL's headers).
void* pg_query_enter_memory_context();
void pg_query_exit_memory_context(void* context);
// With -Wl,--wrap=appendStringInfo a call of appendStringInfo reaches flyguard's version and
// __real_appendStringInfo libpg_query's own.
void appendStringInfo(flyguard::sql::PgStringInfo* str, const char* fmt, ...);
void __real_appendStringInfo(flyguard::sql::PgStringInfo* str, const char* fmt, ...);  // NOLINT
}

namespace flyguard::sql {
namespace {

// A libpg_query memory context for the test's buffers, freed with everything in it.
class PgMemory {
 public:
  PgMemory() : context_(pg_query_enter_memory_context()) { pg_query_used_on_this_thread = true; }
  ~PgMemory() { pg_query_exit_memory_context(context_); }
  PgMemory(const PgMemory&) = delete;
  PgMemory& operator=(const PgMemory&) = delete;

 private:
  void* context_;
};

// Appends the same thing through both versions, `times` times (to cross buffer growth), and compares.
template <typename... Args>
void expect_same(int times, const char* fmt, Args... args) {
  PgMemory memory;
  PgStringInfo fast;
  PgStringInfo own;
  initStringInfo(&fast);
  initStringInfo(&own);
  for (int i = 0; i < times; ++i) {
    appendStringInfo(&fast, fmt, args...);
    __real_appendStringInfo(&own, fmt, args...);
  }
  ASSERT_EQ(fast.len, own.len) << fmt;
  EXPECT_EQ(std::string(fast.data, static_cast<std::size_t>(fast.len)),
            std::string(own.data, static_cast<std::size_t>(own.len)))
      << fmt;
  EXPECT_EQ(fast.data[fast.len], '\0');
  EXPECT_GT(fast.maxlen, fast.len);
}

TEST(PgStringOutput, LiteralsAndEachConversionMatchLibpgQuery) {
  expect_same(1, "\"relname\":");
  expect_same(1, "");
  expect_same(1, "}}");
  for (int value : {0, 7, -1, 42, INT_MIN, INT_MAX}) expect_same(1, "\"location\":%d,", value);
  expect_same(1, "\"inh\":%s,", "true");
  expect_same(1, "%s", "");
  expect_same(1, "[%s]", static_cast<const char*>(nullptr));
  expect_same(1, "\"relpersistence\":\"%c\",", 'p');
  expect_same(1, "%c|", '\0');  // a NUL byte goes into the buffer, as pg_vsnprintf writes it
  expect_same(1, "100%% of %d", 3);
  expect_same(1, "a%db%sc%cd", -12, "xyz", 'q');
}

TEST(PgStringOutput, OtherFormatsGoToLibpgQuery) {
  expect_same(1, "\\u%04x", 0x1f);
  expect_same(1, "%5d|%-3s|", 42, "ab");
  expect_same(1, "%ld", 1234567890123L);
  expect_same(1, "%x and %d", 255, 1);
}

TEST(PgStringOutput, GrowsTheBufferLikeLibpgQuery) {
  const std::string long_text(5000, 'x');
  expect_same(3, "\"sval\":\"%s\"", long_text.c_str());
  expect_same(2000, "\"location\":%d,", 123456);
  expect_same(3000, "{\"String\":{");
}

// Parses `text` whole and returns libpg_query's JSON (or its error).
std::string parse_tree_json(const std::string& text) {
  PgParseResult result{text};
  return result.ok() ? std::string(result.json()) : "error: " + std::string(result.error_message());
}

std::string plpgsql_json(const std::string& text) {
  PgPlpgsqlParseResult result{text};
  return result.ok() ? std::string(result.json()) : "error";
}

// Every corpus file parsed with the fast output and with libpg_query's own gives the same bytes.
TEST(PgStringOutput, CorpusParseTreesAreByteIdentical) {
  std::size_t files = 0;
  for (const char* dialect : {"postgres", "redshift"}) {
    const std::filesystem::path root = std::filesystem::path(FLYGUARD_CORPUS_DIR) / dialect;
    ASSERT_TRUE(std::filesystem::is_directory(root)) << root;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
      auto text = util::read_file(entry.path());
      ASSERT_TRUE(text) << entry.path();
      if (text->find('\0') != std::string::npos) continue;
      set_fast_json_output(false);
      const std::string own = parse_tree_json(*text);
      set_fast_json_output(true);
      ASSERT_EQ(parse_tree_json(*text), own) << entry.path();
      ++files;
    }
  }
  EXPECT_GT(files, 2000U);
}

TEST(PgStringOutput, PlpgsqlTreesAreByteIdentical) {
  const std::vector<std::string> functions{
      "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN UPDATE t SET a = 1 WHERE id = 2; "
      "RAISE NOTICE 'done %', 3; END $$;",
      "CREATE FUNCTION g(x int) RETURNS int AS $$ DECLARE y int := x * 2; BEGIN IF y > 10 THEN RETURN y; "
      "END IF; FOR i IN 1..3 LOOP y := y + i; END LOOP; RETURN -y; END $$ LANGUAGE plpgsql;"};
  for (const std::string& function : functions) {
    set_fast_json_output(false);
    const std::string own = plpgsql_json(function);
    set_fast_json_output(true);
    EXPECT_EQ(plpgsql_json(function), own);
    EXPECT_NE(own, "error");
  }
}

}  // namespace
}  // namespace flyguard::sql
