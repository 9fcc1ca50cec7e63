#include <nlohmann/json.hpp>

#include "flyguard_version.h"
#include "report/report.h"

namespace flyguard::report {

namespace {

using Json = nlohmann::ordered_json;

Json diagnostic_json(const Diagnostic& d) {
  Json item;
  item["rule"] = d.rule;
  item["severity"] = std::string(to_string(d.severity));
  item["file"] = d.file;
  item["line"] = d.line > 0 ? d.line : 1;
  item["column"] = d.column > 0 ? d.column : 1;
  item["message"] = d.message;
  item["hint"] = d.hint.empty() ? Json(nullptr) : Json(d.hint);
  return item;
}

}  // namespace

// Version 1: later additions only add keys (tool, files, rules), so readers of the first schema keep working.
void write_json(std::ostream& out, const ReportInput& input) {
  Json items = Json::array();
  for (const Diagnostic& d : input.diagnostics) items.push_back(diagnostic_json(d));
  Json files = Json::array();
  for (const CheckedEntry& file : input.files) {
    Json entry;
    entry["path"] = file.path;
    entry["version"] = file.version.empty() ? Json(nullptr) : Json(file.version);
    entry["checksum"] = file.checksum ? Json(*file.checksum) : Json(nullptr);
    files.push_back(std::move(entry));
  }
  Json rules = Json::object();
  for (const std::string& id : rule_ids(input.diagnostics)) {
    RuleDescription rule = describe_rule(id);
    rules[id] = {{"summary", rule.summary}, {"default_severity", std::string(to_string(rule.severity))},
                 {"lint_rule", rule.lint_rule}, {"doc", rule.help_uri}};
  }
  Json document;
  document["version"] = 1;
  document["tool"] = {{"name", "flyguard"}, {"version", FLYGUARD_VERSION}};
  document["diagnostics"] = std::move(items);
  document["files"] = std::move(files);
  document["rules"] = std::move(rules);
  document["summary"] = {{"files", input.summary.files}, {"errors", input.summary.errors},
                         {"warnings", input.summary.warnings}, {"infos", input.summary.infos}};
  // Invalid UTF-8 in a path or message must not abort the report.
  out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace flyguard::report
