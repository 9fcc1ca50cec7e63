#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "check/catalog.h"
#include "rules/rule.h"
#include "util/file.h"

namespace flyguard {
namespace {

// The ids in the first column of the diagnostic tables of a docs page ("| `id` | severity | …").
std::set<std::string> documented_ids(const std::string& page) {
  const std::filesystem::path docs = std::filesystem::path(FLYGUARD_SOURCE_DIR) / "docs";
  auto text = util::read_file(docs / page);
  EXPECT_TRUE(text) << page;
  std::set<std::string> ids;
  std::istringstream lines(text.value_or(""));
  const std::regex id("`([a-z0-9]+(-[a-z0-9]+)+)`");
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    const std::string first_cell = line.substr(0, line.find('|', 1));
    for (std::sregex_iterator it(first_cell.begin(), first_cell.end(), id), end; it != end; ++it) ids.insert((*it)[1]);
  }
  return ids;
}

// SARIF and JSON reports describe every id from this catalogue; the docs tables are where people read
// about them. Both must name the same checks.
TEST(Catalog, MatchesTheDocumentedChecks) {
  std::set<std::string> documented = documented_ids("checks.md");
  for (const char* page : {"git-gates.md", "verify.md"})
    for (const std::string& id : documented_ids(page)) documented.insert(id);
  std::set<std::string> catalogued;
  for (const CheckInfo& check : builtin_checks()) {
    EXPECT_TRUE(catalogued.insert(std::string(check.id)).second) << "listed twice: " << check.id;
    EXPECT_FALSE(check.summary.empty()) << check.id;
    EXPECT_EQ(rules::find_rule(check.id), nullptr) << check.id << " is a lint rule, documented by the rule itself";
  }
  for (const std::string& id : documented)
    EXPECT_TRUE(catalogued.count(id) || rules::find_rule(id)) << id << " is documented but not catalogued";
  for (const std::string& id : catalogued)
    EXPECT_TRUE(documented.count(id) || id == "unsupported-location" || id == "ignored-override" ||
                id == "invalid-configuration")
        << id << " is catalogued but not in a docs table";
}

}  // namespace
}  // namespace flyguard
