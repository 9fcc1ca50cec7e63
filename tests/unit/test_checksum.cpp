// Flyway checksums: CRC-32 of the text without line breaks and without a leading BOM, as a signed int.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "flyway/checksum.h"

namespace flyguard::flyway {
namespace {

// Reference computed another way: remove the bytes first, then one zlib call over the whole copy.
std::int32_t reference_checksum(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string kept;
  kept.reserve(text.size());
  for (const char c : text) {
    if (c != '\r' && c != '\n') kept.push_back(c);
  }
  const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(kept.data()), static_cast<uInt>(kept.size()));
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(crc));
}

struct KnownCase {
  std::string name;
  std::string text;
  std::int32_t expected;
};

class ChecksumKnown : public ::testing::TestWithParam<KnownCase> {};

TEST_P(ChecksumKnown, MatchesFlyway) {
  const KnownCase& c = GetParam();
  EXPECT_EQ(checksum_of_utf8(c.text), c.expected);
  EXPECT_EQ(reference_checksum(c.text), c.expected);
}

// Values from the research notes and from Flyway's own algorithm (BufferedReader.readLine + CRC32).
INSTANTIATE_TEST_SUITE_P(
    Checksum, ChecksumKnown,
    ::testing::Values(KnownCase{"check_value", "123456789", -873187034},
                      KnownCase{"select_1", "SELECT 1;", 78787420}, KnownCase{"a", "a", -390611389},
                      KnownCase{"empty", "", 0}, KnownCase{"only_newlines", "\n\r\n\r\n\n", 0},
                      KnownCase{"only_bom", "\xEF\xBB\xBF", 0}, KnownCase{"bom_and_newlines", "\xEF\xBB\xBF\r\n\n", 0},
                      KnownCase{"non_ascii", "SELECT '\u00E9\u20AC\U0001F600';\r\n", -2081137982},
                      KnownCase{"create_table", "CREATE TABLE t (id int);\n", 92137680},
                      KnownCase{"leading_tab", "\tSELECT 1;\n", -47946674},
                      KnownCase{"line_separator_counts", "SELECT 1;\u2028\n", 34278925},
                      KnownCase{"nul_counts", std::string("a\0b", 3), 367556721},
                      KnownCase{"second_bom_counts", "\xEF\xBB\xBF\xEF\xBB\xBFx", 1540412666},
                      KnownCase{"bom_after_newline_counts", "\n\xEF\xBB\xBFSELECT 1;", -1606921097},
                      KnownCase{"form_feed_counts", "SELECT 1;\f", -1184035766}),
    [](const auto& test_param) { return test_param.param.name; });

// Texts in one group must have equal checksums; the groups must differ from each other.
struct EqualGroup {
  std::string name;
  std::vector<std::string> texts;
};

class ChecksumEqual : public ::testing::TestWithParam<EqualGroup> {};

TEST_P(ChecksumEqual, SameChecksum) {
  const EqualGroup& g = GetParam();
  const std::int32_t first = checksum_of_utf8(g.texts.front());
  for (const auto& text : g.texts) {
    EXPECT_EQ(checksum_of_utf8(text), first) << testing::PrintToString(text);
    EXPECT_EQ(checksum_of_utf8(text), reference_checksum(text)) << testing::PrintToString(text);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Checksum, ChecksumEqual,
    ::testing::Values(
        EqualGroup{"line_endings",
                   {"CREATE TABLE t (\n  id int\n);\n", "CREATE TABLE t (\r\n  id int\r\n);\r\n",
                    "CREATE TABLE t (\r  id int\r);\r", "CREATE TABLE t (\r\n  id int\n);\r",
                    "CREATE TABLE t (  id int);"}},
        EqualGroup{"trailing_and_leading_blank_lines", {"SELECT 1;", "SELECT 1;\n\n\n", "\n\nSELECT 1;\r\n\r\n"}},
        EqualGroup{"leading_bom_stripped", {"SELECT 1;", "\xEF\xBB\xBFSELECT 1;", "\xEF\xBB\xBFSELECT 1;\r\n"}},
        EqualGroup{"bom_after_newline_is_content", {"\n\xEF\xBB\xBFSELECT 1;", "\xEF\xBB\xBF\xEF\xBB\xBFSELECT 1;"}},
        EqualGroup{"non_ascii", {"-- \u00FC\n\u65E5\u672C\n", "-- \u00FC\r\n\u65E5\u672C", "-- \u00FC\u65E5\u672C"}}),
    [](const auto& test_param) { return test_param.param.name; });

TEST(ChecksumContent, ContentChangesMatter) {
  EXPECT_NE(checksum_of_utf8("SELECT 1;"), checksum_of_utf8("select 1;"));
  EXPECT_NE(checksum_of_utf8("SELECT 1;"), checksum_of_utf8("SELECT  1;"));
  EXPECT_NE(checksum_of_utf8("SELECT\t1;"), checksum_of_utf8("SELECT 1;"));
  EXPECT_NE(checksum_of_utf8("SELECT 1;"), checksum_of_utf8("\n\xEF\xBB\xBFSELECT 1;"));
}

TEST(ChecksumLarge, TwentyMegabytesMatchReference) {
  // Lines of varying length with every kind of line ending, some non-ASCII text, a leading BOM.
  std::string text = "\xEF\xBB\xBF";
  const std::vector<std::string> endings{"\n", "\r\n", "\r", "\n\n", "\r\r\n", ""};
  std::uint32_t seed = 12345;
  while (text.size() < 20U * 1024U * 1024U) {
    seed = seed * 1664525U + 1013904223U;  // deterministic LCG
    text += "INSERT INTO t VALUES (" + std::to_string(seed) + ", 'r\u00E9sum\u00E9');";
    text += endings[(seed >> 16) % endings.size()];
  }
  EXPECT_EQ(checksum_of_utf8(text), reference_checksum(text));
  // The same text with all line breaks removed hashes the same.
  std::string joined;
  for (const char c : text) {
    if (c != '\r' && c != '\n') joined.push_back(c);
  }
  EXPECT_EQ(checksum_of_utf8(joined), checksum_of_utf8(text));
}

TEST(ChecksumLarge, LongRunWithoutLineBreaks) {
  const std::string text(5U * 1024U * 1024U, 'x');
  EXPECT_EQ(checksum_of_utf8(text), reference_checksum(text));
}

}  // namespace
}  // namespace flyguard::flyway
