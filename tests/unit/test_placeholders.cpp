// Placeholder replacement as Flyway's PlaceholderReplacingReader does it, and the offset map back.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flyway/placeholders.h"

namespace flyguard::flyway {
namespace {

PlaceholderSettings standard() {
  PlaceholderSettings settings;
  settings.values = {{"table", "users"}, {"schema", "app"}, {"empty", ""}, {"nested", "${table}"},
                     {"flyway:user", "deployer"}, {"multi", "a\nb"}, {"ab", "AB"}};
  return settings;
}

PlaceholderSettings custom_syntax() {
  PlaceholderSettings settings = standard();
  settings.prefix = "#[";
  settings.suffix = "]";
  return settings;
}

PlaceholderSettings switched_off() {
  PlaceholderSettings settings = standard();
  settings.enabled = false;
  return settings;
}

struct MissingExpectation {
  std::size_t offset;
  std::string name;
  bool builtin;
  bool operator==(const MissingExpectation&) const = default;
};

struct ReplaceCase {
  std::string name;
  std::string input;
  std::string output;
  std::vector<MissingExpectation> missing = {};
  PlaceholderSettings (*settings)() = standard;
};

class PlaceholderReplace : public ::testing::TestWithParam<ReplaceCase> {};

TEST_P(PlaceholderReplace, LikeFlyway) {
  const ReplaceCase& c = GetParam();
  const Replaced result = replace_placeholders(c.input, c.settings());
  EXPECT_EQ(result.text, c.output);
  std::vector<MissingExpectation> missing;
  for (const auto& m : result.missing) missing.push_back({m.offset, m.name, m.builtin});
  EXPECT_EQ(missing, c.missing);
}

// Expected values follow Flyway 13's reader; the quirky ones were checked against its source.
INSTANTIATE_TEST_SUITE_P(
    Placeholder, PlaceholderReplace,
    ::testing::Values(
        ReplaceCase{"none", "SELECT 1;", "SELECT 1;"},
        ReplaceCase{"simple", "SELECT * FROM ${table};", "SELECT * FROM users;"},
        ReplaceCase{"two", "${schema}.${table}", "app.users"},
        ReplaceCase{"case_insensitive", "${TABLE} ${Table}", "users users"},
        ReplaceCase{"empty_value_deletes", "a${empty}b", "ab"},
        ReplaceCase{"double_dollar_not_replaced", "$${table}", "$${table}"},
        ReplaceCase{"triple_dollar_replaced", "$$${table}", "$$users"},
        ReplaceCase{"dollar_quote_untouched", "$$ BEGIN ${table}; END $$", "$$ BEGIN users; END $$"},
        ReplaceCase{"in_comment_and_string", "-- ${table}\n'${table}'", "-- users\n'users'"},
        ReplaceCase{"value_not_rescanned", "${nested}", "${table}"},
        ReplaceCase{"builtin_known", "${flyway:user}", "deployer"},
        ReplaceCase{"multi_line_value", "x${multi}y", "xa\nby"},
        ReplaceCase{"unknown_left_as_written", "a ${nope} b", "a ${nope} b", {{2, "nope", false}}},
        ReplaceCase{"unknown_builtin", "${flyway:timestamp}", "${flyway:timestamp}",
                    {{0, "flyway:timestamp", true}}},
        ReplaceCase{"builtin_needs_separator", "${flywayx}", "${flywayx}", {{0, "flywayx", false}}},
        ReplaceCase{"name_is_everything_to_suffix", "${ table }", "${ table }", {{0, " table ", false}}},
        // An unterminated placeholder at the end loses suffix-length characters: ${abc is looked up as ab.
        ReplaceCase{"unterminated_at_end", "x${abc", "xAB"},
        ReplaceCase{"unterminated_unknown", "x${zzz", "x${zzz", {{1, "zz", false}}},
        ReplaceCase{"lone_dollar_at_end", "cost $", "cost $"},
        ReplaceCase{"brace_without_dollar", "{table}", "{table}"},
        ReplaceCase{"non_ascii_around", "\u00E9${table}\u00E9", "\u00E9users\u00E9"},
        ReplaceCase{"custom_syntax", "#[table] ${table}", "users ${table}", {}, custom_syntax},
        ReplaceCase{"custom_double_hash", "##[table]", "##[table]", {}, custom_syntax},
        ReplaceCase{"disabled", "${table} ${nope}", "${table} ${nope}", {}, switched_off}),
    [](const auto& test_param) { return test_param.param.name; });

TEST(PlaceholderMap, IdentityWithoutReplacements) {
  const Replaced result = replace_placeholders("SELECT 1;", standard());
  EXPECT_TRUE(result.map.identity());
  EXPECT_EQ(result.map.to_original(0), 0U);
  EXPECT_EQ(result.map.to_original(9), 9U);
}

struct MapCase {
  std::size_t replaced_offset;
  std::size_t original_offset;
};

TEST(PlaceholderMap, OffsetsMapBackToTheOriginal) {
  // original: "ab ${table} cd ${empty}ef ${schema}"
  //            0123456789012345678901234567890123
  // replaced: "ab users cd ef app"
  const std::string original = "ab ${table} cd ${empty}ef ${schema}";
  const Replaced result = replace_placeholders(original, standard());
  ASSERT_EQ(result.text, "ab users cd ef app");
  EXPECT_FALSE(result.map.identity());
  const std::vector<MapCase> cases{
      {0, 0},    // before any placeholder
      {2, 2},    // the space before ${table}
      {3, 3},    // 'u' of users -> start of ${table}
      {7, 3},    // 's' of users -> start of ${table}
      {8, 11},   // space after users -> after '}'
      {9, 12},   // 'c'
      {12, 23},  // 'e' right after the deleted ${empty}
      {13, 24},  // 'f'
      {15, 26},  // 'a' of app -> start of ${schema}
      {17, 26},  // 'p'
      {18, 35},  // end of text -> end of original
  };
  for (const auto& c : cases) {
    EXPECT_EQ(result.map.to_original(c.replaced_offset), c.original_offset) << "offset " << c.replaced_offset;
  }
}

TEST(PlaceholderMap, AdjacentPlaceholders) {
  // "${empty}${table}x": the deleted one and the replaced one start at the same replaced offset.
  const Replaced result = replace_placeholders("${empty}${table}x", standard());
  ASSERT_EQ(result.text, "usersx");
  EXPECT_EQ(result.map.to_original(0), 8U);   // 'u' -> start of ${table}
  EXPECT_EQ(result.map.to_original(5), 16U);  // 'x'
  EXPECT_EQ(result.map.to_original(6), 17U);  // end
}

TEST(PlaceholderMap, LongerAndShorterValues) {
  PlaceholderSettings settings;
  settings.values = {{"a", "0123456789"}, {"b", "z"}};
  const std::string original = "${a}-${bbbb}-${b}!";  // ${bbbb} is unknown and stays
  const Replaced result = replace_placeholders(original, settings);
  ASSERT_EQ(result.text, "0123456789-${bbbb}-z!");
  EXPECT_EQ(result.map.to_original(10), 4U);  // '-' after the long value
  EXPECT_EQ(result.map.to_original(11), 5U);  // unknown placeholder copied as is
  EXPECT_EQ(result.map.to_original(19), 13U); // 'z' -> start of ${b}
  EXPECT_EQ(result.map.to_original(20), 17U); // '!'
  EXPECT_EQ(result.map.to_original(21), 18U); // end
}

TEST(PlaceholderMap, ManualSpans) {
  OffsetMap map;
  // Added out of order on purpose: the map keeps them sorted.
  map.add_replacement(20, 5, 18, 0);
  map.add_replacement(10, 6, 10, 2);
  EXPECT_EQ(map.to_original(5), 5U);
  EXPECT_EQ(map.to_original(10), 10U);
  EXPECT_EQ(map.to_original(11), 10U);
  EXPECT_EQ(map.to_original(12), 16U);
  EXPECT_EQ(map.to_original(18), 25U);
  EXPECT_EQ(map.to_original(30), 37U);
}

TEST(PlaceholderLarge, LinearOnBigInput) {
  std::string text;
  std::string expected;
  for (int i = 0; i < 200000; ++i) {
    text += "INSERT INTO ${table} VALUES ($$x$$, '${empty}');\n";
    expected += "INSERT INTO users VALUES ($$x$$, '');\n";
  }
  const Replaced result = replace_placeholders(text, standard());
  EXPECT_EQ(result.text, expected);
  EXPECT_EQ(result.map.to_original(result.text.size()), text.size());
}

}  // namespace
}  // namespace flyguard::flyway
