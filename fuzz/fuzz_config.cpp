// The configuration files flyguard reads: .flyguard.toml, the server policy file, flyway.conf,
// flyway.toml and <migration>.sql.conf. The first byte picks the file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "config/flyguard_config.h"
#include "config/server_config.h"
#include "flyway/settings.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<flyguard::ConfigProblem> problems;
  switch (data[0] % 5) {
    case 0: (void)flyguard::parse_flyguard_config(text, ".flyguard.toml", problems); break;
    case 1: (void)flyguard::parse_server_config(text, "server.toml", problems); break;
    case 2:
    case 3: {
      const std::string name = data[0] % 5 == 2 ? "flyway.conf" : "flyway.toml";
      auto read = [&](const std::string& path) -> std::optional<std::string> {
        return path == name ? std::optional<std::string>(text) : std::nullopt;
      };
      std::vector<flyguard::flyway::SettingsProblem> settings_problems;
      auto settings = flyguard::flyway::load_flyway_settings(read, {}, settings_problems);
      (void)flyguard::flyway::resolve_locations(settings, [](const std::string&) { return true; }, settings_problems);
      break;
    }
    default: {
      std::vector<flyguard::flyway::SettingsProblem> script_problems;
      (void)flyguard::flyway::parse_script_config(text, "V1__x.sql.conf", script_problems);
    }
  }
  return 0;
}
