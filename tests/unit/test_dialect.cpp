#include <gtest/gtest.h>

#include "sql/dialect.h"

namespace flyguard {
namespace {

TEST(DialectTest, NamesRoundTrip) {
  for (const Dialect dialect : {Dialect::postgres, Dialect::redshift}) {
    EXPECT_EQ(parse_dialect(to_string(dialect)), dialect);
  }
}

TEST(DialectTest, ParseRejectsOtherSpellings) {
  for (const char* text : {"", "Postgres", "postgresql", "pg", "REDSHIFT", " redshift", "mysql"}) {
    EXPECT_EQ(parse_dialect(text), std::nullopt) << text;
  }
}

struct JdbcCase {
  const char* url;
  std::optional<Dialect> expected;
};

TEST(DialectTest, FromJdbcUrl) {
  const JdbcCase cases[] = {
      {"jdbc:redshift://cluster.example:5439/dev", Dialect::redshift},
      {"JDBC:Redshift://cluster/dev", Dialect::redshift},
      {"jdbc:p6spy:redshift://cluster/dev", Dialect::redshift},
      {"jdbc:postgresql://localhost:5432/app", Dialect::postgres},
      {"jdbc:PostgreSQL://localhost/app", Dialect::postgres},
      {"jdbc:mysql://localhost/app", std::nullopt},
      {"postgres://localhost/app", std::nullopt},
      {"jdbc:redshift", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(dialect_from_jdbc_url(c.url), c.expected) << c.url;
}

}  // namespace
}  // namespace flyguard
