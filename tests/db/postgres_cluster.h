#pragma once
// The PostgreSQL server the verify tests talk to: the cluster CTest's fixture started (its info file
// in FLYGUARD_PG_CLUSTER_INFO), else one this process starts with pg_cluster.sh and stops at exit.
#include <string>

#include "db/connection.h"

namespace flyguard::test {

struct PostgresCluster {
  std::string port;
  std::string user;
  std::string password;

  // libpq parameters for `database` on this cluster, with the password.
  db::ConnectionParameters parameters(const std::string& database) const;
  // postgresql://user@127.0.0.1:port/database (no password: tests pass it through the environment).
  std::string uri(const std::string& database) const;
  std::string jdbc_url(const std::string& database) const;
};

// Starts the cluster on first use; a failure to start fails the test that asked.
const PostgresCluster& postgres_cluster();

}  // namespace flyguard::test
