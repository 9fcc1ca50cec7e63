#include "cli/database_target.h"

#include "db/database_url.h"

namespace flyguard::cli {

void add_database_options(CLI::App* command, DatabaseArgs& args, const std::string& url_help) {
  command->add_option("--url", args.url, url_help);
  command->add_option("--user", args.user, "Database user; default: flyway.user / FLYWAY_USER, then PGUSER");
  command->add_option("--password-env", args.password_env,
                      "Name of the environment variable holding the password; default: FLYWAY_PASSWORD, "
                      "flyway.password, then PGPASSWORD / ~/.pgpass");
  command->add_option("--schema", args.schema,
                      "Schema of the history table; default: flyway.defaultSchema, the first of flyway.schemas, "
                      "else the connection's search_path");
  command->add_option("--table", args.table, "History table; default: flyway.table, else flyway_schema_history");
  command->add_option("--timeout", args.timeout_seconds, "Statement timeout in seconds (default: 30)")
      ->check(CLI::Range(1, 3600));
}

namespace {

std::string env_value(const flyway::Environment& env, const std::string& name) {
  auto it = env.find(name);
  return it == env.end() ? "" : it->second;
}

std::optional<std::string> history_schema(const flyway::FlywaySettings& settings, const DatabaseArgs& args,
                                          const db::DatabaseUrl& url) {
  if (!args.schema.empty()) return args.schema;
  if (settings.default_schema && !settings.default_schema->empty()) return settings.default_schema;
  if (!settings.schemas.empty()) return settings.schemas.front();
  return url.current_schema;
}

void set_password(db::ConnectionParameters& parameters, const flyway::FlywaySettings& settings,
                  const DatabaseArgs& args, const flyway::Environment& env) {
  if (!args.password_env.empty()) {
    auto it = env.find(args.password_env);
    if (it == env.end())
      throw db::DatabaseError("--password-env " + args.password_env + ": that environment variable is not set");
    parameters.set("password", it->second);
  } else if (settings.password) {  // flyway.password or FLYWAY_PASSWORD
    parameters.set("password", *settings.password);
  }
}

}  // namespace

DatabaseTarget database_target(const flyway::FlywaySettings& settings, const DatabaseArgs& args,
                               const flyway::Environment& env) {
  std::string url = !args.url.empty() ? args.url : settings.url.value_or("");
  if (url.empty() && env_value(env, "PGHOST").empty() && env_value(env, "PGSERVICE").empty() &&
      env_value(env, "PGDATABASE").empty())
    throw db::DatabaseError(
        "no database to read: set flyway.url in flyway.conf/flyway.toml, FLYWAY_URL, or pass --url "
        "(libpq's PGHOST/PGSERVICE work too)");
  db::DatabaseUrl parsed = url.empty() ? db::DatabaseUrl{} : db::parse_database_url(url, !env_value(env, "PGSSLMODE").empty());
  DatabaseTarget target;
  target.parameters = parsed.parameters;
  if (!args.user.empty()) {
    target.parameters.set("user", args.user);
  } else if (settings.user) {
    target.parameters.set("user", *settings.user);
  }
  set_password(target.parameters, settings, args, env);
  if (!target.parameters.find("connect_timeout") && env_value(env, "PGCONNECT_TIMEOUT").empty())
    target.parameters.set("connect_timeout", "10");
  if (!target.parameters.find("application_name")) target.parameters.set("application_name", "flyguard");
  target.table.schema = history_schema(settings, args, parsed);
  target.table.table = !args.table.empty() ? args.table : settings.table;
  target.statement_timeout_ms = args.timeout_seconds * 1000;
  return target;
}

HistoryCheckOptions history_options(const flyway::FlywaySettings& settings, const DatabaseTarget& target,
                                    const std::string& location) {
  HistoryCheckOptions options;
  options.out_of_order = settings.out_of_order;
  options.ignore_patterns = settings.ignore_migration_patterns;
  options.table_label = target.table.qualified_name();
  const std::string prefix = location.empty() || location == "." ? "" : location + "/";
  options.path_of_script = [prefix](const std::string& script) { return prefix + script; };
  return options;
}

db::SchemaHistory read_history(const DatabaseTarget& target) {
  db::Connection connection(target.parameters);
  return db::read_schema_history(connection, target.table, target.statement_timeout_ms);
}

}  // namespace flyguard::cli
