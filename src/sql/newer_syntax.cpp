// Tells "this is PostgreSQL 16/17/18 syntax" apart from "this is not SQL" for statements the
// PostgreSQL 15 grammar rejected, so that valid modern SQL is not called invalid.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "sql/script.h"

namespace flyguard::sql {

namespace {

struct Token {
  std::string word;  // upper-cased word, "<id>" for a quoted identifier, "<num>" for a plain number
  bool modern_number = false;  // 0x1F, 0o17, 0b101, 1_000
};

std::size_t skip_quoted(std::string_view s, std::size_t i, char quote) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == quote) {
      if (i + 1 < s.size() && s[i + 1] == quote) { ++i; continue; }
      return i + 1;
    }
  }
  return s.size();
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      while (i < s.size() && s[i] != '\n') ++i;
    } else if (c == '\'') {
      i = skip_quoted(s, i, '\'');
    } else if (c == '"') {
      i = skip_quoted(s, i, '"');
      tokens.push_back({"<id>", false});
    } else if (std::isalpha(c) || c == '_') {
      std::size_t b = i;
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '$')) ++i;
      std::string w(s.substr(b, i - b));
      std::transform(w.begin(), w.end(), w.begin(), [](unsigned char x) { return static_cast<char>(std::toupper(x)); });
      tokens.push_back({std::move(w), false});
    } else if (std::isdigit(c)) {
      std::size_t b = i;
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
      std::string_view n = s.substr(b, i - b);
      bool modern = n.find('_') != std::string_view::npos ||
                    (n.size() > 2 && n[0] == '0' && std::string_view("xXoObB").find(n[1]) != std::string_view::npos);
      tokens.push_back({"<num>", modern});
    } else {
      ++i;
    }
  }
  return tokens;
}

bool has(const std::vector<Token>& t, std::initializer_list<std::string_view> seq) {
  if (t.size() < seq.size()) return false;
  for (std::size_t i = 0; i + seq.size() <= t.size(); ++i) {
    std::size_t k = 0;
    for (std::string_view w : seq) {
      if (w != "*" && t[i + k].word != w) break;
      ++k;
    }
    if (k == seq.size()) return true;
  }
  return false;
}

bool has_word(const std::vector<Token>& t, std::string_view w) { return has(t, {w}); }

// CONSTRAINT <name> NOT NULL <column>: a table-level NOT NULL constraint (PostgreSQL 18).
bool named_not_null_constraint(const std::vector<Token>& t) {
  static const std::array<std::string_view, 14> column_constraint_words = {
      "DEFAULT", "CHECK", "UNIQUE", "PRIMARY", "REFERENCES", "CONSTRAINT", "GENERATED",
      "COLLATE", "NULL", "NO", "DEFERRABLE", "INITIALLY", "NOT", "INHERIT"};
  for (std::size_t i = 0; i + 4 < t.size(); ++i) {
    if (t[i].word != "CONSTRAINT" || t[i + 2].word != "NOT" || t[i + 3].word != "NULL") continue;
    const std::string& next = t[i + 4].word;
    if (std::find(column_constraint_words.begin(), column_constraint_words.end(), next) == column_constraint_words.end())
      return true;
  }
  return false;
}

std::optional<NewerSyntax> pg18(const std::vector<Token>& t) {
  if (has(t, {"NOT", "ENFORCED"})) return NewerSyntax{18, "NOT ENFORCED constraints"};
  if (has(t, {"WITHOUT", "OVERLAPS"}) || has_word(t, "PERIOD")) return NewerSyntax{18, "temporal keys (WITHOUT OVERLAPS / PERIOD)"};
  if (has_word(t, "GENERATED") && has_word(t, "VIRTUAL")) return NewerSyntax{18, "virtual generated columns"};
  if (has(t, {"NOT", "NULL", "NOT", "VALID"})) return NewerSyntax{18, "NOT NULL ... NOT VALID"};
  if (named_not_null_constraint(t)) return NewerSyntax{18, "named NOT NULL constraints"};
  if (has(t, {"RETURNING", "OLD"}) || has(t, {"RETURNING", "NEW"}) || has(t, {"RETURNING", "WITH"}))
    return NewerSyntax{18, "OLD/NEW in RETURNING"};
  return std::nullopt;
}

std::optional<NewerSyntax> pg17(const std::vector<Token>& t) {
  if (has_word(t, "JSON_TABLE")) return NewerSyntax{17, "JSON_TABLE"};
  for (std::string_view f : {"JSON_QUERY", "JSON_VALUE", "JSON_EXISTS", "JSON_SCALAR", "JSON_SERIALIZE"})
    if (has_word(t, f)) return NewerSyntax{17, "SQL/JSON query functions (" + std::string(f) + ")"};
  if (!t.empty() && t.front().word == "MERGE" && (has_word(t, "RETURNING") || has(t, {"NOT", "MATCHED", "BY"})))
    return NewerSyntax{17, "MERGE ... RETURNING / WHEN NOT MATCHED BY"};
  if (has(t, {"SET", "EXPRESSION", "AS"})) return NewerSyntax{17, "ALTER COLUMN ... SET EXPRESSION"};
  if (!t.empty() && (t.front().word == "GRANT" || t.front().word == "REVOKE") && has_word(t, "MAINTAIN"))
    return NewerSyntax{17, "the MAINTAIN privilege"};
  return std::nullopt;
}

std::optional<NewerSyntax> pg16(const std::vector<Token>& t) {
  if (has(t, {"IS", "JSON"}) || has(t, {"IS", "NOT", "JSON"})) return NewerSyntax{16, "the IS JSON predicate"};
  for (std::string_view f : {"JSON_OBJECT", "JSON_ARRAY", "JSON_OBJECTAGG", "JSON_ARRAYAGG"})
    if (has_word(t, f)) return NewerSyntax{16, "SQL/JSON constructors (" + std::string(f) + ")"};
  if (has_word(t, "SYSTEM_USER")) return NewerSyntax{16, "SYSTEM_USER"};
  for (const Token& token : t)
    if (token.modern_number) return NewerSyntax{16, "non-decimal or underscore-separated integer literals"};
  return std::nullopt;
}

}  // namespace

std::optional<NewerSyntax> detect_newer_syntax(std::string_view statement) {
  std::vector<Token> tokens = tokenize(statement);
  if (auto found = pg18(tokens)) return found;
  if (auto found = pg17(tokens)) return found;
  return pg16(tokens);
}

}  // namespace flyguard::sql
