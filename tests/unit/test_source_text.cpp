#include <gtest/gtest.h>

#include "util/source_text.h"

namespace flyguard::util {
namespace {

TEST(LineIndex, CountsLinesForEveryTerminator) {
  LineIndex lines("a\nb\r\nc\rd");
  EXPECT_EQ(lines.position_of(0).line, 1);
  EXPECT_EQ(lines.position_of(2).line, 2);
  EXPECT_EQ(lines.position_of(5).line, 3);
  EXPECT_EQ(lines.position_of(7).line, 4);
  EXPECT_EQ(lines.line_text(2), "b");
  EXPECT_EQ(lines.line_text(4), "d");
}

TEST(LineIndex, ColumnsAreCodePoints) {
  LineIndex lines("x\nçé€😀 z");
  Position p = lines.position_of(std::string_view("x\nçé€😀 ").size());
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.column, 6);
}

TEST(LineIndex, OffsetsPastTheEndClampToTheEnd) {
  LineIndex lines("ab");
  EXPECT_EQ(lines.position_of(99).column, 3);
}

TEST(LineIndex, AdvancesByCodePoints) {
  LineIndex lines("é€a");
  EXPECT_EQ(lines.advance_code_points(0, 2), 5U);
}

}  // namespace
}  // namespace flyguard::util
