#pragma once
// A read-only client connection to PostgreSQL or Redshift (both speak the PostgreSQL protocol).
#include <string>
#include <utility>
#include <vector>

#include "db/libpq.h"

namespace flyguard::db {

// libpq keyword/value pairs ("host", "port", "dbname", "user", "password", "sslmode", ...). Anything
// libpq does not receive here comes from its own environment (PGHOST, PGPASSWORD, ~/.pgpass, ...).
struct ConnectionParameters {
  std::vector<std::pair<std::string, std::string>> keywords;

  void set(const std::string& keyword, std::string value);  // replaces an earlier value
  const std::string* find(const std::string& keyword) const;
  // "host:port/dbname as user", for messages: never the password.
  std::string describe() const;
};

// A statement failed on the server.
class QueryError : public DatabaseError {
 public:
  QueryError(std::string sqlstate, const std::string& message)
      : DatabaseError(message), sqlstate_(std::move(sqlstate)) {}
  const std::string& sqlstate() const { return sqlstate_; }

 private:
  std::string sqlstate_;
};

class Connection {
 public:
  // Throws DatabaseError with libpq's reason (which never contains the password).
  explicit Connection(const ConnectionParameters& parameters);

  // Runs one statement; throws QueryError unless it succeeded.
  ResultHandle execute(const std::string& sql);

  // A server setting reported at connection start (server_version, ...), "" when unknown.
  std::string parameter(const char* name) const;

 private:
  ConnectionHandle connection_;
};

// "identifier" with embedded quotes doubled.
std::string quote_identifier(const std::string& identifier);

}  // namespace flyguard::db
