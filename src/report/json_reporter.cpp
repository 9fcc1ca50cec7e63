#include <nlohmann/json.hpp>

#include "report/report.h"

namespace flyguard::report {

void write_json(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const Summary& summary) {
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    nlohmann::ordered_json item;
    item["rule"] = d.rule;
    item["severity"] = std::string(to_string(d.severity));
    item["file"] = d.file;
    item["line"] = d.line > 0 ? d.line : 1;
    item["column"] = d.column > 0 ? d.column : 1;
    item["message"] = d.message;
    item["hint"] = d.hint.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.hint);
    items.push_back(std::move(item));
  }
  nlohmann::ordered_json document;
  document["version"] = 1;
  document["diagnostics"] = std::move(items);
  document["summary"] = {{"files", summary.files}, {"errors", summary.errors}, {"warnings", summary.warnings},
                         {"infos", summary.infos}};
  // Invalid UTF-8 in a path or message must not abort the report.
  out << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace flyguard::report
