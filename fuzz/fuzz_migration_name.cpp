// Migration file names and versions, with the invariants Flyway's ordering must keep: a version equals
// itself, and comparing two versions gives opposite answers in the two directions.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "flyway/naming.h"
#include "flyway/version.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  static const flyguard::flyway::NamingConventions conventions;
  (void)flyguard::flyway::parse_migration_name(input, conventions);
  (void)flyguard::flyway::is_sql_candidate(input, conventions);
  const std::size_t split = input.find('\n');
  const auto a = flyguard::flyway::MigrationVersion::parse(input.substr(0, split));
  const auto b = split == std::string_view::npos ? a : flyguard::flyway::MigrationVersion::parse(input.substr(split + 1));
  if (!a || !b) return 0;
  if (!(*a == *a)) std::abort();
  const auto forward = *a <=> *b;
  const auto backward = *b <=> *a;
  if ((forward < 0) != (backward > 0) || (forward == 0) != (backward == 0)) std::abort();
  (void)flyguard::flyway::suggest_next_version(*a);
  return 0;
}
