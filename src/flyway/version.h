#pragma once
// A Flyway migration version, compared exactly as Flyway's MigrationVersion does.
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flyguard::flyway {

class MigrationVersion {
 public:
  // Parses the version text of a file name (between prefix and separator).
  // On failure returns nullopt and sets *error to Flyway's reason.
  static std::optional<MigrationVersion> parse(std::string_view text, std::string* error = nullptr);

  // What Flyway stores in flyway_schema_history.version: '_' replaced by '.', leading zeros kept.
  const std::string& display() const { return display_; }

  // Flyway's special versions LATEST / CURRENT / NEXT (any letter case).
  bool is_special() const { return special_; }
  // Humans rarely mean these: a sign, non-ASCII digits, a special version.
  bool has_sign() const { return has_sign_; }
  bool has_non_ascii_digits() const { return non_ascii_digits_; }

  // Numeric parts with trailing zero parts dropped (the first part is kept); each part is a
  // decimal string without leading zeros, possibly starting with '-'.
  const std::vector<std::string>& parts() const { return parts_; }

  std::strong_ordering operator<=>(const MigrationVersion& other) const;
  bool operator==(const MigrationVersion& other) const { return (*this <=> other) == 0; }

 private:
  std::string display_;
  std::vector<std::string> parts_;
  bool special_ = false;
  bool has_sign_ = false;
  bool non_ascii_digits_ = false;
  int special_rank_ = 0;
};

// The next version a human would add after `highest` (1.2 -> 1.3, 7 -> 8), for hints.
std::string suggest_next_version(const MigrationVersion& highest);

}  // namespace flyguard::flyway
