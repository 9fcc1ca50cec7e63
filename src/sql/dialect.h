#pragma once
#include <optional>
#include <string_view>

namespace flyguard {

enum class Dialect { postgres, redshift };

std::string_view to_string(Dialect dialect);
std::optional<Dialect> parse_dialect(std::string_view text);
// jdbc:redshift:… (also jdbc:p6spy:redshift:) means Redshift, jdbc:postgresql:… PostgreSQL;
// anything else says nothing.
std::optional<Dialect> dialect_from_jdbc_url(std::string_view url);

}  // namespace flyguard
