#include <gtest/gtest.h>

#include "cli_fixtures.h"

namespace flyguard::test {
namespace {

TEST_F(CliTest, UnsupportedLocationSchemeIsAWarningAndTheRestIsChecked) {
  write("flyway.conf", "flyway.locations=s3:bucket/migrations,filesystem:sql\n");
  write_sql("V1__ok.sql", "SELECT 1;");
  auto result = run({"check", "--format", "json"});
  EXPECT_EQ(result.status, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  ASSERT_EQ(json["diagnostics"].size(), 1U) << result.out;
  EXPECT_EQ(json["diagnostics"][0]["rule"], "unsupported-location");
  EXPECT_EQ(json["diagnostics"][0]["severity"], "warning");
  EXPECT_EQ(json["summary"]["files"], 1);
}

}  // namespace
}  // namespace flyguard::test
