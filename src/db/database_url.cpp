#include "db/database_url.h"

#include <cctype>
#include <map>
#include <string_view>

namespace flyguard::db {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// "h1:5432,[::1]:5433,h3" -> host "h1,::1,h3", port "5432,5433,<default>", as libpq lists them.
void set_hosts(std::string_view authority, const std::string& default_port, ConnectionParameters& out) {
  std::string hosts;
  std::string ports;
  std::size_t start = 0;
  while (start <= authority.size()) {
    std::size_t comma = authority.find(',', start);
    std::string_view item = authority.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                                    : comma - start);
    std::string host(item);
    std::string port = default_port;
    if (!item.empty() && item.front() == '[') {
      std::size_t close = item.find(']');
      if (close == std::string_view::npos) throw DatabaseError("invalid database URL: unclosed '[' in the host");
      host = item.substr(1, close - 1);
      if (close + 1 < item.size() && item[close + 1] == ':') port = item.substr(close + 2);
    } else if (std::size_t colon = item.rfind(':'); colon != std::string_view::npos) {
      host = item.substr(0, colon);
      port = item.substr(colon + 1);
    }
    if (host.empty()) host = "localhost";
    hosts += (hosts.empty() ? "" : ",") + percent_decoded(host);
    ports += (ports.empty() ? "" : ",") + port;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  out.set("host", hosts);
  out.set("port", ports);
}

std::map<std::string, std::string> query_properties(std::string_view query) {
  std::map<std::string, std::string> properties;
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t amp = query.find('&', start);
    std::string_view pair = query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    std::size_t equals = pair.find('=');
    if (!pair.empty())
      properties[percent_decoded(pair.substr(0, equals))] =
          equals == std::string_view::npos ? "" : percent_decoded(pair.substr(equals + 1));
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return properties;
}

bool is_true(const std::string& value) { return value == "true" || value == "TRUE" || value == "True"; }

// The JDBC driver properties that have a libpq counterpart; the rest (prepareThreshold, …) do not
// matter for one read-only query.
void apply_properties(const std::map<std::string, std::string>& properties, DatabaseUrl& out) {
  static const std::map<std::string, std::string> same_meaning{
      {"user", "user"},           {"password", "password"},          {"sslmode", "sslmode"},
      {"sslrootcert", "sslrootcert"}, {"sslcert", "sslcert"},        {"sslkey", "sslkey"},
      {"connectTimeout", "connect_timeout"}, {"loginTimeout", "connect_timeout"},
      {"ApplicationName", "application_name"}, {"applicationName", "application_name"}};
  for (const auto& [name, value] : properties) {
    if (auto it = same_meaning.find(name); it != same_meaning.end()) out.parameters.set(it->second, value);
  }
  if (properties.count("sslmode") == 0) {
    if (auto ssl = properties.find("ssl"); ssl != properties.end())
      out.parameters.set("sslmode", is_true(ssl->second) ? "verify-full" : "disable");  // pgjdbc's meaning
  }
  if (auto schema = properties.find("currentSchema"); schema != properties.end() && !schema->second.empty()) {
    std::string first = schema->second.substr(0, schema->second.find(','));
    out.current_schema = first;
  }
}

DatabaseUrl parse_jdbc(std::string_view rest, bool redshift, bool environment_sslmode) {
  DatabaseUrl out;
  out.redshift = redshift;
  std::size_t question = rest.find('?');
  std::string_view query = question == std::string_view::npos ? std::string_view{} : rest.substr(question + 1);
  std::string_view location = rest.substr(0, question);
  const std::string default_port = redshift ? "5439" : "5432";
  if (location.substr(0, 2) == "//") {
    location.remove_prefix(2);
    std::size_t slash = location.find('/');
    set_hosts(location.substr(0, slash), default_port, out.parameters);
    if (slash != std::string_view::npos && slash + 1 < location.size())
      out.parameters.set("dbname", percent_decoded(location.substr(slash + 1)));
  } else {
    // jdbc:postgresql:database (localhost) and jdbc:postgresql:/ (default database)
    out.parameters.set("host", "localhost");
    out.parameters.set("port", default_port);
    if (!location.empty() && location != "/") out.parameters.set("dbname", percent_decoded(location));
  }
  apply_properties(query_properties(query), out);
  // Amazon's driver encrypts by default; the Redshift CA is not in the system store, so require TLS
  // without verifying the chain unless the URL or PGSSLMODE says otherwise.
  if (redshift && out.parameters.find("sslmode") == nullptr && !environment_sslmode)
    out.parameters.set("sslmode", "require");
  return out;
}

DatabaseUrl parse_libpq_string(const std::string& url) {
  char* error = nullptr;
  ConninfoHandle options(libpq().conninfo_parse(url.c_str(), &error));
  if (!options) {
    std::string reason = error != nullptr ? error : "out of memory";
    if (error != nullptr) libpq().freemem(error);
    while (!reason.empty() && reason.back() == '\n') reason.pop_back();
    throw DatabaseError("invalid database URL: " + reason);
  }
  DatabaseUrl out;
  for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option)
    if (option->val != nullptr) out.parameters.set(option->keyword, option->val);
  return out;
}

}  // namespace

DatabaseUrl parse_database_url(const std::string& url, bool environment_sslmode) {
  std::string_view text = url;
  if (text.substr(0, 5) == "jdbc:") {
    text.remove_prefix(5);
    if (text.substr(0, 11) == "postgresql:") return parse_jdbc(text.substr(11), false, environment_sslmode);
    if (text.substr(0, 13) == "redshift:iam:")
      throw DatabaseError(
          "jdbc:redshift:iam: URLs authenticate through Amazon's JDBC driver, which flyguard cannot use: "
          "connect with a database user and password (for temporary ones: aws redshift get-cluster-credentials)");
    if (text.substr(0, 9) == "redshift:") return parse_jdbc(text.substr(9), true, environment_sslmode);
    std::string scheme(text.substr(0, text.find(':')));
    throw DatabaseError("unsupported database URL jdbc:" + scheme +
                        ": flyguard reads PostgreSQL and Redshift (jdbc:postgresql: or jdbc:redshift:)");
  }
  return parse_libpq_string(url);
}

}  // namespace flyguard::db
