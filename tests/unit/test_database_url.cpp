// Flyway's JDBC URLs read as libpq connection parameters.
#include <gtest/gtest.h>

#include "db/database_url.h"

namespace flyguard::db {
namespace {

std::string value(const DatabaseUrl& url, const std::string& keyword) {
  const std::string* found = url.parameters.find(keyword);
  return found != nullptr ? *found : "<unset>";
}

TEST(DatabaseUrl, PostgresJdbcUrlWithProperties) {
  DatabaseUrl url = parse_database_url(
      "jdbc:postgresql://db.example.com:6543/app%20db?user=deploy&password=p%26ss&sslmode=verify-full"
      "&currentSchema=app,public&connectTimeout=5&prepareThreshold=0",
      false);
  EXPECT_FALSE(url.redshift);
  EXPECT_EQ(value(url, "host"), "db.example.com");
  EXPECT_EQ(value(url, "port"), "6543");
  EXPECT_EQ(value(url, "dbname"), "app db");
  EXPECT_EQ(value(url, "user"), "deploy");
  EXPECT_EQ(value(url, "password"), "p&ss");
  EXPECT_EQ(value(url, "sslmode"), "verify-full");
  EXPECT_EQ(value(url, "connect_timeout"), "5");
  EXPECT_EQ(value(url, "prepareThreshold"), "<unset>");
  EXPECT_EQ(url.current_schema, "app");
  EXPECT_EQ(url.parameters.describe(), "db.example.com:6543/app db as deploy");  // never the password
}

TEST(DatabaseUrl, DefaultsAndShortForms) {
  DatabaseUrl plain = parse_database_url("jdbc:postgresql://localhost/", false);
  EXPECT_EQ(value(plain, "port"), "5432");
  EXPECT_EQ(value(plain, "dbname"), "<unset>");
  DatabaseUrl bare = parse_database_url("jdbc:postgresql:inventory", false);
  EXPECT_EQ(value(bare, "host"), "localhost");
  EXPECT_EQ(value(bare, "dbname"), "inventory");
  // pgjdbc's ssl=true means verify-full; sslmode wins over it.
  EXPECT_EQ(value(parse_database_url("jdbc:postgresql://h/d?ssl=true", false), "sslmode"), "verify-full");
  EXPECT_EQ(value(parse_database_url("jdbc:postgresql://h/d?ssl=true&sslmode=require", false), "sslmode"), "require");
}

TEST(DatabaseUrl, SeveralHostsAndIpv6) {
  DatabaseUrl url = parse_database_url("jdbc:postgresql://primary:5433,[::1]:5434,replica/app", false);
  EXPECT_EQ(value(url, "host"), "primary,::1,replica");
  EXPECT_EQ(value(url, "port"), "5433,5434,5432");
}

TEST(DatabaseUrl, RedshiftDefaultsToPort5439AndTls) {
  DatabaseUrl url = parse_database_url("jdbc:redshift://cluster.abc.eu-west-1.redshift.amazonaws.com/dev", false);
  EXPECT_TRUE(url.redshift);
  EXPECT_EQ(value(url, "port"), "5439");
  EXPECT_EQ(value(url, "sslmode"), "require");
  EXPECT_EQ(value(parse_database_url("jdbc:redshift://c:5439/dev", true), "sslmode"), "<unset>");  // PGSSLMODE decides
  EXPECT_EQ(value(parse_database_url("jdbc:redshift://c:5439/dev?sslmode=verify-full", false), "sslmode"),
            "verify-full");
}

TEST(DatabaseUrl, UnsupportedUrlsSayWhyWithoutRepeatingThem) {
  try {
    parse_database_url("jdbc:redshift:iam://cluster:5439/dev?password=secret", false);
    FAIL() << "accepted an IAM URL";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("get-cluster-credentials"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_database_url("jdbc:mysql://h/d", false), DatabaseError);
  EXPECT_THROW(parse_database_url("jdbc:postgresql://[::1/d", false), DatabaseError);
}

TEST(DatabaseUrl, LibpqUrisAndKeywordStrings) {
  DatabaseUrl uri = parse_database_url("postgresql://me:pw@h:7000/db?sslmode=disable", false);
  EXPECT_EQ(value(uri, "host"), "h");
  EXPECT_EQ(value(uri, "port"), "7000");
  EXPECT_EQ(value(uri, "user"), "me");
  EXPECT_EQ(value(uri, "password"), "pw");
  EXPECT_EQ(value(uri, "sslmode"), "disable");
  DatabaseUrl keywords = parse_database_url("host=h dbname=db", false);
  EXPECT_EQ(value(keywords, "dbname"), "db");
  EXPECT_THROW(parse_database_url("host=h bogus_keyword=1", false), DatabaseError);
}

}  // namespace
}  // namespace flyguard::db
