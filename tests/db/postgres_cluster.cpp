#include "postgres_cluster.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "../cli/cli_runner.h"

namespace flyguard::test {

namespace fs = std::filesystem;

db::ConnectionParameters PostgresCluster::parameters(const std::string& database) const {
  db::ConnectionParameters p;
  p.set("host", "127.0.0.1");
  p.set("port", port);
  p.set("dbname", database);
  p.set("user", user);
  p.set("password", password);
  return p;
}

std::string PostgresCluster::uri(const std::string& database) const {
  return "postgresql://" + user + "@127.0.0.1:" + port + "/" + database;
}

std::string PostgresCluster::jdbc_url(const std::string& database) const {
  return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
}

namespace {

const fs::path kScript = fs::path(FLYGUARD_SOURCE_DIR) / "tests/db/pg_cluster.sh";

PostgresCluster read_info(const fs::path& info) {
  PostgresCluster cluster;
  std::ifstream in(info);
  in >> cluster.port >> cluster.user >> cluster.password;
  return cluster;
}

// A cluster of this process's own, stopped and removed when the process exits (also after failures).
class OwnCluster {
 public:
  OwnCluster() : info_(fs::temp_directory_path() / ("flyguard-pg-" + std::to_string(getpid()) + ".info")) {
    RunResult started = run_program(kScript.string(), {"start", info_.string()});
    if (started.status != 0) throw std::runtime_error("pg_cluster.sh start failed: " + started.err);
    cluster_ = read_info(info_);
  }
  ~OwnCluster() { run_program(kScript.string(), {"stop", info_.string()}); }
  const PostgresCluster& cluster() const { return cluster_; }

 private:
  fs::path info_;
  PostgresCluster cluster_;
};

}  // namespace

const PostgresCluster& postgres_cluster() {
  static std::unique_ptr<OwnCluster> own;
  static PostgresCluster shared;
  if (!shared.port.empty()) return shared;
  if (const char* info = std::getenv("FLYGUARD_PG_CLUSTER_INFO"); info != nullptr && fs::exists(info)) {
    shared = read_info(info);
    return shared;
  }
  own = std::make_unique<OwnCluster>();
  shared = own->cluster();
  return shared;
}

}  // namespace flyguard::test
