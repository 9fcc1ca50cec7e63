// Strict UTF-8 validation (what Java's UTF-8 decoder rejects) and code point counting.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "util/utf8.h"

namespace flyguard::util {
namespace {

struct ValidityCase {
  std::string name;
  std::string bytes;
  std::optional<std::size_t> first_invalid;
};

class Utf8Validate : public ::testing::TestWithParam<ValidityCase> {};

TEST_P(Utf8Validate, FindsFirstBadSequence) {
  const ValidityCase& c = GetParam();
  EXPECT_EQ(first_invalid_utf8(c.bytes), c.first_invalid);
}

INSTANTIATE_TEST_SUITE_P(
    Utf8, Utf8Validate,
    ::testing::Values(
        ValidityCase{"empty", "", std::nullopt}, ValidityCase{"ascii", "SELECT 1;\n", std::nullopt},
        ValidityCase{"nul", std::string("a\0b", 3), std::nullopt},
        ValidityCase{"two_byte", "caf\xC3\xA9", std::nullopt},
        ValidityCase{"three_byte", "\xE2\x82\xAC", std::nullopt},
        ValidityCase{"four_byte", "\xF0\x9F\x98\x80", std::nullopt},
        ValidityCase{"bom", "\xEF\xBB\xBFx", std::nullopt},
        ValidityCase{"min_two_byte", "\xC2\x80", std::nullopt},
        ValidityCase{"min_three_byte", "\xE0\xA0\x80", std::nullopt},
        ValidityCase{"min_four_byte", "\xF0\x90\x80\x80", std::nullopt},
        ValidityCase{"max_code_point", "\xF4\x8F\xBF\xBF", std::nullopt},
        ValidityCase{"before_surrogates", "\xED\x9F\xBF", std::nullopt},
        ValidityCase{"after_surrogates", "\xEE\x80\x80", std::nullopt},
        ValidityCase{"noncharacter_fffe", "\xEF\xBF\xBE", std::nullopt},
        ValidityCase{"long_ascii_then_valid", std::string(100, 'a') + "\xC3\xA9" + std::string(50, 'b'),
                     std::nullopt},
        ValidityCase{"latin1", "caf\xE9", 3},
        ValidityCase{"overlong_c0", "ab\xC0\xAF", 2},
        ValidityCase{"overlong_c1", "\xC1\xBF", 0},
        ValidityCase{"overlong_three", "x\xE0\x9F\xBF", 1},
        ValidityCase{"overlong_four", "\xF0\x8F\xBF\xBF", 0},
        ValidityCase{"surrogate_high", "ok\xED\xA0\x80", 2},
        ValidityCase{"surrogate_low", "\xED\xBF\xBF", 0},
        ValidityCase{"above_max", "\xF4\x90\x80\x80", 0},
        ValidityCase{"f5_lead", "\xF5\x80\x80\x80", 0},
        ValidityCase{"ff_byte", "a\xFF", 1},
        ValidityCase{"utf16_bom", "\xFF\xFEx", 0},
        ValidityCase{"stray_continuation", "abc\x80", 3},
        ValidityCase{"continuation_after_valid", "\xC3\xA9\xA9", 2},
        ValidityCase{"truncated_two", "abc\xC3", 3},
        ValidityCase{"truncated_three", "abc\xE2\x82", 3},
        ValidityCase{"truncated_four", "\xF0\x9F\x98", 0},
        ValidityCase{"bad_second_byte", "\xE2(\xA1", 0},
        ValidityCase{"bad_third_byte", "\xE2\x82(", 0},
        ValidityCase{"bad_fourth_byte", "\xF0\x9F\x98(", 0},
        ValidityCase{"invalid_after_long_ascii", std::string(37, 'a') + "\x80", 37},
        ValidityCase{"first_of_two_errors", "a\x80\xFF", 1}),
    [](const auto& test_param) { return test_param.param.name; });

struct CountCase {
  std::string name;
  std::string text;
  std::size_t count;
};

class Utf8Count : public ::testing::TestWithParam<CountCase> {};

TEST_P(Utf8Count, CountsCodePoints) {
  const CountCase& c = GetParam();
  EXPECT_EQ(count_code_points(c.text), c.count);
}

INSTANTIATE_TEST_SUITE_P(Utf8, Utf8Count,
                         ::testing::Values(CountCase{"empty", "", 0}, CountCase{"ascii", "abc", 3},
                                           CountCase{"two_byte", "caf\xC3\xA9", 4},
                                           CountCase{"mixed", "\xE2\x82\xAC\xF0\x9F\x98\x80x", 3},
                                           CountCase{"bom", "\xEF\xBB\xBF", 1},
                                           CountCase{"long", std::string(1000, 'x') + "\xC3\xA9", 1001}),
                         [](const auto& test_param) { return test_param.param.name; });

TEST(Utf8Large, ValidatesBigInputQuickly) {
  std::string text;
  while (text.size() < 16U * 1024U * 1024U) text += "SELECT 'r\xC3\xA9sum\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80';\n";
  EXPECT_EQ(first_invalid_utf8(text), std::nullopt);
  const std::size_t bad_at = text.size() - 3;
  text[bad_at] = '\xC0';
  EXPECT_EQ(first_invalid_utf8(text), bad_at);
}

}  // namespace
}  // namespace flyguard::util
