#pragma once
// Where `flyway.url` points, as libpq connection parameters. Flyway's URLs are JDBC URLs
// (jdbc:postgresql://…, jdbc:redshift://…); libpq URIs (postgresql://…) and key=value strings are
// accepted too.
#include <optional>
#include <string>

#include "db/connection.h"

namespace flyguard::db {

struct DatabaseUrl {
  ConnectionParameters parameters;
  bool redshift = false;                      // jdbc:redshift:
  std::optional<std::string> current_schema;  // pgjdbc's currentSchema: Flyway's default schema then
};

// Throws DatabaseError for a URL that cannot be read; the message never repeats the URL (it may hold a
// password). `environment_sslmode` is PGSSLMODE, which a Redshift URL's default must not override.
DatabaseUrl parse_database_url(const std::string& url, bool environment_sslmode);

}  // namespace flyguard::db
