#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.h"
#include "flyway/naming.h"
#include "flyway/settings.h"

namespace flyguard {

// Judges a file name found in a migration location. Returns the parsed name when Flyway accepts it
// (migrations and callbacks); problems go to `out`.
std::optional<flyway::MigrationName> check_migration_name(const std::string& display_path, std::string_view file_name,
                                                          const flyway::FlywaySettings& settings,
                                                          std::vector<Diagnostic>& out);

}  // namespace flyguard
