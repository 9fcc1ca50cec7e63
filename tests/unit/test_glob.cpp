#include <gtest/gtest.h>

#include "util/glob.h"

namespace flyguard::util {
namespace {

TEST(Glob, StarStaysInOneSegmentAndDoubleStarCrossesThem) {
  EXPECT_TRUE(glob_match("sql/V1__*.sql", "sql/V1__init.sql"));
  EXPECT_FALSE(glob_match("sql/*.sql", "sql/legacy/V1__a.sql"));
  EXPECT_TRUE(glob_match("sql/**", "sql/legacy/old/V1__a.sql"));
  EXPECT_TRUE(glob_match("sql/**/*.sql", "sql/V1__a.sql"));  // ** may match no segment
  EXPECT_TRUE(glob_match("**/V1__a.sql", "a/b/c/V1__a.sql"));
  EXPECT_FALSE(glob_match("**/V1__a.sql", "a/b/c/V1__b.sql"));
  EXPECT_TRUE(glob_match("sql/V[0-9]__?.sql", "sql/V7__x.sql"));
  EXPECT_FALSE(glob_match("sql", "sql/V1__a.sql"));
  EXPECT_FALSE(glob_match("*.sql", ".hidden.sql"));  // a leading dot is matched only explicitly
}

}  // namespace
}  // namespace flyguard::util
