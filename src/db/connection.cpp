#include "db/connection.h"

#include <algorithm>

namespace flyguard::db {

void ConnectionParameters::set(const std::string& keyword, std::string value) {
  auto it = std::find_if(keywords.begin(), keywords.end(), [&](const auto& kv) { return kv.first == keyword; });
  if (it != keywords.end()) {
    it->second = std::move(value);
  } else {
    keywords.emplace_back(keyword, std::move(value));
  }
}

const std::string* ConnectionParameters::find(const std::string& keyword) const {
  for (const auto& [key, value] : keywords)
    if (key == keyword) return &value;
  return nullptr;
}

std::string ConnectionParameters::describe() const {
  auto value_or = [&](const char* keyword, const char* fallback) {
    const std::string* value = find(keyword);
    return value != nullptr && !value->empty() ? *value : std::string(fallback);
  };
  std::string text = value_or("host", "$PGHOST") + ":" + value_or("port", "$PGPORT") + "/" +
                     value_or("dbname", "$PGDATABASE");
  if (const std::string* user = find("user")) text += " as " + *user;
  return text;
}

namespace {

// Server notices (e.g. "there is no transaction in progress") are not flyguard's output.
void ignore_notice(void*, const char*) {}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

Connection::Connection(const ConnectionParameters& parameters) {
  const LibPq& pq = libpq();
  std::vector<const char*> keys;
  std::vector<const char*> values;
  for (const auto& [key, value] : parameters.keywords) {
    keys.push_back(key.c_str());
    values.push_back(value.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  connection_.reset(pq.connectdb_params(keys.data(), values.data(), 0));
  if (!connection_) throw DatabaseError("out of memory while connecting");
  if (pq.status(connection_.get()) != CONNECTION_OK)
    throw DatabaseError("cannot connect to " + parameters.describe() + ": " +
                        trimmed(pq.error_message(connection_.get())));
  pq.set_notice_processor(connection_.get(), ignore_notice, nullptr);
}

ResultHandle Connection::execute(const std::string& sql) {
  const LibPq& pq = libpq();
  ResultHandle result(pq.exec(connection_.get(), sql.c_str()));
  if (!result) throw DatabaseError(trimmed(pq.error_message(connection_.get())));
  ExecStatusType status = pq.result_status(result.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  const char* sqlstate = pq.result_error_field(result.get(), PG_DIAG_SQLSTATE);
  const char* primary = pq.result_error_field(result.get(), PG_DIAG_MESSAGE_PRIMARY);
  throw QueryError(sqlstate != nullptr ? sqlstate : "",
                   primary != nullptr ? primary : trimmed(pq.result_error_message(result.get())));
}

std::string Connection::parameter(const char* name) const {
  const char* value = libpq().parameter_status(connection_.get(), name);
  return value != nullptr ? value : "";
}

std::string quote_identifier(const std::string& identifier) {
  std::string quoted = "\"";
  for (char c : identifier) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace flyguard::db
