#include "sql/dialect.h"

#include <cctype>
#include <string>

namespace flyguard {
namespace {

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const auto a = static_cast<unsigned char>(text[i]);
    const auto b = static_cast<unsigned char>(prefix[i]);
    if (std::tolower(a) != std::tolower(b)) return false;
  }
  return true;
}

}  // namespace

std::string_view to_string(Dialect dialect) {
  switch (dialect) {
    case Dialect::postgres: return "postgres";
    case Dialect::redshift: return "redshift";
  }
  return "postgres";
}

std::optional<Dialect> parse_dialect(std::string_view text) {
  if (text == "postgres") return Dialect::postgres;
  if (text == "redshift") return Dialect::redshift;
  return std::nullopt;
}

std::optional<Dialect> dialect_from_jdbc_url(std::string_view url) {
  // p6spy is a JDBC proxy that wraps the real driver's URL; Flyway picks the database type through it.
  if (starts_with_ci(url, "jdbc:redshift:") || starts_with_ci(url, "jdbc:p6spy:redshift:")) {
    return Dialect::redshift;
  }
  if (starts_with_ci(url, "jdbc:postgresql:") || starts_with_ci(url, "jdbc:p6spy:postgresql:")) {
    return Dialect::postgres;
  }
  return std::nullopt;
}

}  // namespace flyguard
