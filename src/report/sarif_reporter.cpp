#include <map>

#include <nlohmann/json.hpp>

#include "flyguard_version.h"
#include "report/report.h"

namespace flyguard::report {

namespace {

using Json = nlohmann::ordered_json;

std::string_view sarif_level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "warning";
}

// A relative URI reference for a path: '/' kept, everything outside RFC 3986's unreserved set encoded.
std::string path_uri(std::string_view path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4U];
      out += hex[c & 0xFU];
    }
  }
  return out;
}

Json rule_json(const RuleDescription& rule) {
  Json json;
  json["id"] = rule.id;
  json["shortDescription"] = {{"text", rule.summary}};
  json["fullDescription"] = {{"text", rule.full}};
  json["helpUri"] = rule.help_uri;
  json["help"] = {{"text", rule.full + " See " + rule.help_uri}};
  json["defaultConfiguration"] = {{"level", sarif_level(rule.severity)}};
  json["properties"] = {{"tags", rule.lint_rule ? Json::array({"sql", "lint"}) : Json::array({"flyway"})}};
  return json;
}

Json result_json(const Diagnostic& d, std::size_t rule_index, const std::string& fingerprint) {
  Json physical;
  physical["artifactLocation"] = {{"uri", path_uri(d.file)}};
  if (d.line > 0) {
    physical["region"] = {{"startLine", d.line}};
    if (d.column > 0) physical["region"]["startColumn"] = d.column;
  }
  Json result;
  result["ruleId"] = d.rule;
  result["ruleIndex"] = rule_index;
  result["level"] = sarif_level(d.severity);
  result["message"] = {{"text", d.hint.empty() ? d.message : d.message + "\nHint: " + d.hint}};
  result["locations"] = Json::array({{{"physicalLocation", physical}}});
  result["partialFingerprints"] = {{"flyguardFinding/v1", fingerprint}};
  return result;
}

}  // namespace

void write_sarif(std::ostream& out, const ReportInput& input) {
  std::map<std::string, std::size_t> rule_index;
  Json rules = Json::array();
  for (const std::string& id : rule_ids(input.diagnostics)) {
    rule_index[id] = rules.size();
    rules.push_back(rule_json(describe_rule(id)));
  }
  const std::vector<std::string> prints = fingerprints(input.diagnostics);
  Json results = Json::array();
  for (std::size_t i = 0; i < input.diagnostics.size(); ++i) {
    const Diagnostic& d = input.diagnostics[i];
    results.push_back(result_json(d, rule_index[d.rule], prints[i]));
  }
  Json driver;
  driver["name"] = "flyguard";
  driver["version"] = FLYGUARD_VERSION;
  driver["semanticVersion"] = FLYGUARD_VERSION;
  driver["informationUri"] = std::string(FLYGUARD_DOCS_URL) + "checks.md";
  driver["rules"] = std::move(rules);
  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace flyguard::report
