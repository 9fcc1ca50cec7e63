// identifier-too-long: identifiers longer than the server keeps (63 bytes in PostgreSQL, 127 in Redshift).
#include <array>
#include <set>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

struct Token {
  std::size_t begin = 0;
  std::string_view name;  // without the double quotes of a quoted identifier
};

constexpr bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
constexpr bool ident_start(unsigned char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
// A table: the check reads every byte of every statement with it.
constexpr std::array<bool, 256> kIdentChars = [] {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 256; ++c) {
    const auto byte = static_cast<unsigned char>(c);
    table[c] = ident_start(byte) || is_digit(byte) || byte == '$';
  }
  return table;
}();
bool ident_char(unsigned char c) { return kIdentChars[c]; }

// Skips a quoted run starting at `i` (the opening quote); `escapes`: backslash escapes as in E'...'.
std::size_t skip_quoted(std::string_view sql, std::size_t i, char quote, bool escapes) {
  for (++i; i < sql.size(); ++i) {
    if (escapes && sql[i] == '\\') ++i;
    else if (sql[i] == quote && (i + 1 >= sql.size() || sql[i + 1] != quote)) return i + 1;
    else if (sql[i] == quote) ++i;  // a doubled quote stands for itself
  }
  return sql.size();
}

// Skips a comment or a dollar-quoted string starting at `i`; returns `i` when there is none.
std::size_t skip_comment_or_dollar(std::string_view sql, std::size_t i) {
  if (sql.substr(i, 2) == "--") {
    std::size_t end = sql.find('\n', i);
    return end == std::string_view::npos ? sql.size() : end;
  }
  if (sql.substr(i, 2) == "/*") {
    int depth = 0;
    for (std::size_t j = i; j + 1 < sql.size(); ++j) {
      if (sql.substr(j, 2) == "/*") ++depth, ++j;
      else if (sql.substr(j, 2) == "*/" && --depth == 0) return j + 2;
      else if (sql.substr(j, 2) == "*/") ++j;
    }
    return sql.size();
  }
  if (sql[i] == '$') {
    std::size_t j = i + 1;
    while (j < sql.size() && ident_char(static_cast<unsigned char>(sql[j])) && sql[j] != '$') ++j;
    if (j >= sql.size() || sql[j] != '$' || (j > i + 1 && sql[i + 1] >= '0' && sql[i + 1] <= '9')) return i;
    std::string_view tag = sql.substr(i, j - i + 1);
    std::size_t end = sql.find(tag, j + 1);
    return end == std::string_view::npos ? sql.size() : end + tag.size();
  }
  return i;
}

// Identifiers (quoted or not) of `sql`, outside strings, comments and dollar-quoted bodies.
std::vector<Token> identifiers(std::string_view sql) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < sql.size()) {
    unsigned char c = static_cast<unsigned char>(sql[i]);
    if (std::size_t next = skip_comment_or_dollar(sql, i); next != i) {
      i = next;
    } else if (c == '\'') {
      bool escapes = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e');
      i = skip_quoted(sql, i, '\'', escapes);
    } else if (c == '"') {
      std::size_t end = skip_quoted(sql, i, '"', false);
      tokens.push_back({i, sql.substr(i + 1, end > i + 1 ? end - i - 2 : 0)});
      i = end;
    } else if (ident_start(c) || is_digit(c)) {
      std::size_t end = i;
      while (end < sql.size() && ident_char(static_cast<unsigned char>(sql[end]))) ++end;
      if (ident_start(c)) tokens.push_back({i, sql.substr(i, end - i)});
      i = end;
    } else {
      ++i;
    }
  }
  return tokens;
}

// False only when no identifier in `sql` can be longer than `limit` bytes: no run of identifier characters
// that long, and no stretch between double quotes that long. A cheap pass that spares the tokenizer for
// nearly every statement; comments and strings only make it answer true more often.
bool may_hold_long_identifier(std::string_view sql, std::size_t limit) {
  for (std::size_t open = sql.find('"'); open != std::string_view::npos; open = sql.find('"', open + 1)) {
    const std::size_t close = sql.find('"', open + 1);
    if (close == std::string_view::npos || close - open - 1 > limit) return true;
    if (close + 1 < sql.size() && sql[close + 1] == '"') return true;  // a doubled quote continues the name
    open = close;
  }
  // A run of more than `limit` identifier characters covers one of every `limit + 1` positions: look only
  // there, and measure the run around a position that is inside one.
  for (std::size_t at = limit; at < sql.size(); at += limit + 1) {
    if (!ident_char(static_cast<unsigned char>(sql[at]))) continue;
    std::size_t begin = at, end = at + 1;
    while (begin > 0 && ident_char(static_cast<unsigned char>(sql[begin - 1]))) --begin;
    while (end < sql.size() && ident_char(static_cast<unsigned char>(sql[end]))) ++end;
    if (end - begin > limit) return true;
  }
  return false;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  std::size_t limit = context.dialect == flyguard::Dialect::redshift ? 127 : 63;
  if (!may_hold_long_identifier(context.statement_code(), limit)) return;
  std::set<std::string_view> seen;
  for (const Token& token : identifiers(context.statement_code())) {
    if (token.name.size() <= limit || !seen.insert(token.name).second) continue;
    reporter.report(context.statement_offset() + token.begin,
                    "identifier " + std::string(token.name.substr(0, 20)) + "... is " +
                        std::to_string(token.name.size()) + " bytes long; the server silently cuts it to " +
                        std::to_string(limit) + " bytes",
                    "use a name of at most " + std::to_string(limit) + " bytes");
  }
}

}  // namespace

FLYGUARD_RULE(identifier_too_long) = {
    .id = "identifier-too-long",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "Identifier longer than 63 bytes (127 in Redshift)",
    .rationale =
        "PostgreSQL keeps at most 63 bytes of a name (Redshift 127) and silently cuts longer ones, with "
        "nothing but a NOTICE that migration tools do not show. The object then has a different name from "
        "the one in the migration, so code or later migrations that compare names (in the catalog, in error "
        "messages about a constraint, in an ORM's mapping) do not find it, and two long names that share "
        "their first 63 bytes collide: the second CREATE fails, or IF NOT EXISTS quietly skips it. Note that "
        "the limit counts bytes, so names with non-ASCII letters reach it sooner. Choose a shorter name.",
    .bad_example = "CREATE INDEX CONCURRENTLY orders_customer_id_created_at_status_shipping_country_partial_idx\n"
                   "    ON orders (customer_id, created_at);",
    .good_example = "CREATE INDEX CONCURRENTLY orders_customer_created_idx ON orders (customer_id, created_at);",
    .fix = "Use a name of at most 63 bytes (127 in Redshift)",
    .check = check,
};
