// MigrationVersion parsing and ordering, as Flyway 13's MigrationVersion does them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "flyway/version.h"

namespace flyguard::flyway {
namespace {

struct ValidCase {
  std::string text;
  std::string display;
  std::vector<std::string> parts;
  bool has_sign = false;
  bool non_ascii = false;
  bool special = false;
};

class VersionValid : public ::testing::TestWithParam<ValidCase> {};

TEST_P(VersionValid, ParsesLikeFlyway) {
  const ValidCase& c = GetParam();
  std::string error = "untouched";
  const auto version = MigrationVersion::parse(c.text, &error);
  ASSERT_TRUE(version.has_value()) << c.text << ": " << error;
  EXPECT_EQ(version->display(), c.display);
  EXPECT_EQ(version->parts(), c.parts);
  EXPECT_EQ(version->has_sign(), c.has_sign);
  EXPECT_EQ(version->has_non_ascii_digits(), c.non_ascii);
  EXPECT_EQ(version->is_special(), c.special);
}

INSTANTIATE_TEST_SUITE_P(
    Version, VersionValid,
    ::testing::Values(
        ValidCase{"1", "1", {"1"}}, ValidCase{"001", "001", {"1"}}, ValidCase{"1.0", "1.0", {"1"}},
        ValidCase{"1_0", "1.0", {"1"}}, ValidCase{"1.0.0", "1.0.0", {"1"}}, ValidCase{"0", "0", {"0"}},
        ValidCase{"0.0", "0.0", {"0"}}, ValidCase{"1.2.3", "1.2.3", {"1", "2", "3"}},
        ValidCase{"1_2_3", "1.2.3", {"1", "2", "3"}}, ValidCase{"1.01", "1.01", {"1", "1"}},
        ValidCase{"2.0.1.0", "2.0.1.0", {"2", "0", "1"}},
        ValidCase{"201004200021", "201004200021", {"201004200021"}},
        ValidCase{"123456789012345678901234567890", "123456789012345678901234567890",
                  {"123456789012345678901234567890"}},
        ValidCase{"-1", "-1", {"-1"}, true}, ValidCase{"+1", "+1", {"1"}, true},
        ValidCase{"-0", "-0", {"0"}, true},
        ValidCase{"\u0661", "\u0661", {"1"}, false, true},                     // Arabic-Indic one
        ValidCase{"\u0661\u0660.1", "\u0661\u0660.1", {"10", "1"}, false, true},
        ValidCase{"\u06F5", "\u06F5", {"5"}, false, true},  // extended Arabic-Indic five
        ValidCase{"\u0967_2", "\u0967.2", {"1", "2"}, false, true},  // Devanagari one
        ValidCase{"\uFF13", "\uFF13", {"3"}, false, true},           // fullwidth three
        ValidCase{"latest", "<< Latest Version >>", {}, false, false, true},
        ValidCase{"LATEST", "<< Latest Version >>", {}, false, false, true},
        ValidCase{"9223372036854775807", "<< Latest Version >>", {}, false, false, true},
        ValidCase{"Current", "<< Current Version >>", {}, false, false, true},
        ValidCase{"NEXT", "<< Next Version >>", {}, false, false, true}),
    [](const auto& test_param) { return "case" + std::to_string(test_param.index); });

struct InvalidCase {
  std::string text;
  std::string shown;  // the normalised text Flyway names in its message
};

class VersionInvalid : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(VersionInvalid, RejectedWithFlywaysMessage) {
  const InvalidCase& c = GetParam();
  std::string error;
  EXPECT_FALSE(MigrationVersion::parse(c.text, &error).has_value()) << c.text;
  EXPECT_EQ(error, "Version may only contain 0..9 and . (dot). Invalid version: " + c.shown);
}

INSTANTIATE_TEST_SUITE_P(Version, VersionInvalid,
                         ::testing::Values(InvalidCase{"1.2a", "1.2a"}, InvalidCase{"1..2", "1..2"},
                                           InvalidCase{"1.", "1."}, InvalidCase{".1", ".1"},
                                           InvalidCase{"1-2", "1-2"}, InvalidCase{"1 2", "1 2"},
                                           InvalidCase{"1.-2", "1.-2"}, InvalidCase{"", ""},
                                           InvalidCase{"1__2", "1..2"}, InvalidCase{"-", "-"},
                                           InvalidCase{"+", "+"}, InvalidCase{"--1", "--1"},
                                           InvalidCase{"+-1", "+-1"}, InvalidCase{"1_", "1."},
                                           InvalidCase{" 1", " 1"}, InvalidCase{"1.+2", "1.+2"},
                                           InvalidCase{"v1", "v1"}, InvalidCase{"lateſ", "lateſ"},
                                           // a non-ASCII digit right after a dot does not split
                                           InvalidCase{"1.\u0662", "1.\u0662"},
                                           // digits outside the BMP are surrogate pairs in Java
                                           InvalidCase{"\U0001D7CE", "\U0001D7CE"},
                                           InvalidCase{"1\xFF", "1\xFF"}),
                         [](const auto& test_param) { return "case" + std::to_string(test_param.index); });

TEST(VersionParse, ErrorPointerMayBeNull) { EXPECT_FALSE(MigrationVersion::parse("x").has_value()); }

TEST(VersionParse, SignedNegativeZeroPartIsInvalid) {
  // "1.-0": the '.' is not followed by a digit, so "1.-0" is one part, which BigInteger rejects.
  EXPECT_FALSE(MigrationVersion::parse("1.-0").has_value());
}

TEST(VersionParse, JavaCaseFoldingOfSpecialWords) {
  // Java's equalsIgnoreCase treats U+017F (long s) as 's'.
  const auto version = MigrationVersion::parse("late\u017Ft");
  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(version->display(), "<< Latest Version >>");
}

struct CompareCase {
  std::string left;
  std::string right;
  int expected;  // -1, 0, 1
};

class VersionCompare : public ::testing::TestWithParam<CompareCase> {};

int sign_of(std::strong_ordering order) { return order < 0 ? -1 : (order > 0 ? 1 : 0); }

TEST_P(VersionCompare, OrdersLikeFlyway) {
  const CompareCase& c = GetParam();
  const auto left = MigrationVersion::parse(c.left);
  const auto right = MigrationVersion::parse(c.right);
  ASSERT_TRUE(left && right) << c.left << " / " << c.right;
  EXPECT_EQ(sign_of(*left <=> *right), c.expected) << c.left << " vs " << c.right;
  EXPECT_EQ(sign_of(*right <=> *left), -c.expected) << c.right << " vs " << c.left;
  EXPECT_EQ(*left == *right, c.expected == 0);
}

INSTANTIATE_TEST_SUITE_P(
    Version, VersionCompare,
    ::testing::Values(
        CompareCase{"1", "001", 0}, CompareCase{"1", "1.0", 0}, CompareCase{"1", "1_0", 0},
        CompareCase{"001", "1_0", 0}, CompareCase{"1.0.0", "1", 0}, CompareCase{"1.1", "1.01", 0},
        CompareCase{"1.1", "1.10", -1}, CompareCase{"1.9", "1.10", -1}, CompareCase{"2", "1.999", 1},
        CompareCase{"-1", "0", -1}, CompareCase{"+1", "1", 0}, CompareCase{"-1", "-2", 1},
        CompareCase{"-10", "-9", -1}, CompareCase{"-0", "0", 0}, CompareCase{"0", "0.0.1", -1},
        CompareCase{"1.2", "1.2.0.0.1", -1},
        CompareCase{"18446744073709551616", "18446744073709551615", 1},
        CompareCase{"99999999999999999999999999", "100000000000000000000000000", -1},
        CompareCase{"1.99999999999999999999999999", "1.100000000000000000000000000", -1},
        CompareCase{"-99999999999999999999", "-100000000000000000000", 1},
        CompareCase{"\u0661", "1", 0}, CompareCase{"\u0661\u0660", "9", 1}, CompareCase{"\uFF12", "2.0", 0},
        CompareCase{"latest", "99999999999999999999999", 1}, CompareCase{"latest", "LATEST", 0},
        CompareCase{"latest", "next", 1}, CompareCase{"next", "99999999999999999999", 1},
        CompareCase{"next", "NEXT", 0}, CompareCase{"current", "-99999", -1}, CompareCase{"current", "0", -1},
        CompareCase{"current", "CURRENT", 0}, CompareCase{"current", "next", -1},
        CompareCase{"current", "latest", -1}, CompareCase{"9223372036854775807", "latest", 0}),
    [](const auto& test_param) { return "case" + std::to_string(test_param.index); });

TEST(VersionOrder, SortsNumericallyPartByPart) {
  std::vector<std::string> texts{"1.10", "2", "1.9", "1.2.1", "1.2", "latest", "1.1", "current", "10", "-1"};
  std::vector<MigrationVersion> versions;
  for (const auto& t : texts) versions.push_back(*MigrationVersion::parse(t));
  std::sort(versions.begin(), versions.end());
  std::vector<std::string> sorted;
  for (const auto& v : versions) sorted.push_back(v.display());
  EXPECT_EQ(sorted, (std::vector<std::string>{"<< Current Version >>", "-1", "1.1", "1.2", "1.2.1", "1.9", "1.10", "2",
                                              "10", "<< Latest Version >>"}));
}

struct NextCase {
  std::string highest;
  std::string next;
};

class VersionSuggestNext : public ::testing::TestWithParam<NextCase> {};

TEST_P(VersionSuggestNext, IncrementsTheLastPart) {
  const NextCase& c = GetParam();
  const auto version = MigrationVersion::parse(c.highest);
  ASSERT_TRUE(version.has_value());
  EXPECT_EQ(suggest_next_version(*version), c.next);
}

INSTANTIATE_TEST_SUITE_P(Version, VersionSuggestNext,
                         ::testing::Values(NextCase{"1.2", "1.3"}, NextCase{"7", "8"}, NextCase{"001", "002"},
                                           NextCase{"2_1", "2.2"}, NextCase{"1.9", "1.10"},
                                           NextCase{"099", "100"}, NextCase{"999", "1000"},
                                           NextCase{"1.0", "1.1"}, NextCase{"1.2.3", "1.2.4"},
                                           NextCase{"20240101120000", "20240101120001"},
                                           NextCase{"99999999999999999999", "100000000000000000000"},
                                           NextCase{"-1", "0"}, NextCase{"-10", "-9"}, NextCase{"+1", "2"},
                                           NextCase{"\u0669", "10"}, NextCase{"\u0661_2", "\u0661.3"},
                                           NextCase{"latest", ""}, NextCase{"current", ""}),
                         [](const auto& test_param) { return "case" + std::to_string(test_param.index); });

}  // namespace
}  // namespace flyguard::flyway
