#include "check/file_check.h"

#include <algorithm>
#include <map>

#include "check/naming_check.h"
#include "check/suppression.h"
#include "flyway/checksum.h"
#include "flyway/placeholders.h"
#include "rules/engine.h"
#include "util/source_text.h"
#include "util/utf8.h"

namespace flyguard {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

Diagnostic at_offset(const std::string& file, const util::LineIndex& lines, std::size_t offset, std::string rule,
                     Severity severity, std::string message, std::string hint = {}) {
  util::Position p = lines.position_of(offset);
  return Diagnostic{std::move(rule), severity, file, p.line, p.column, std::move(message), std::move(hint),
                    std::string(lines.line_text(p.line))};
}

// Flyway fills its flyway:* placeholders at deploy time; stand-ins keep the SQL parseable.
flyway::PlaceholderSettings lint_placeholders(const flyway::FlywaySettings& settings, std::string_view file_name) {
  flyway::PlaceholderSettings p = settings.placeholders;
  std::string builtin = "flyway" + p.separator;
  auto fill = [&](const std::string& name, std::string value) { p.values.emplace(builtin + name, std::move(value)); };
  std::string schema = settings.default_schema.value_or(settings.schemas.empty() ? "public" : settings.schemas.front());
  fill("defaultschema", schema);
  fill("user", settings.user.value_or("flyway"));
  fill("database", "flyway_database");
  fill("timestamp", "1970-01-01 00:00:00");
  fill("filename", std::string(file_name));
  fill("workingdirectory", ".");
  fill("table", settings.table);
  fill("environment", "default");
  return p;
}

bool uses_builtin_placeholder(std::string_view text, const flyway::PlaceholderSettings& p) {
  return text.find(p.prefix + "flyway" + p.separator) != std::string_view::npos;
}

// A statement holding a placeholder without a value is not the text Flyway will run: the value comes
// at deploy time. undefined-placeholder already reports it; a parse failure there would be noise.
bool holds_missing_placeholder(const sql::ParsedScript& script, const sql::ParseFailure& failure,
                               const flyway::Replaced& replaced) {
  if (replaced.missing.empty() || failure.statement >= script.statements.size()) return false;
  const sql::StatementSpan& span = script.statements[failure.statement].span;
  std::size_t begin = replaced.map.to_original(span.begin);
  std::size_t end = replaced.map.to_original(span.end);
  return std::any_of(replaced.missing.begin(), replaced.missing.end(),
                     [&](const flyway::MissingPlaceholder& m) { return m.offset >= begin && m.offset < end; });
}

void check_parse(const std::string& file, std::string_view original, const sql::ParsedScript& script,
                 const flyway::Replaced& replaced, const FileCheckOptions& options, const util::LineIndex& lines,
                 std::vector<Diagnostic>& out) {
  bool redshift = options.dialect == Dialect::redshift;
  for (const sql::ParseFailure& failure : script.failures) {
    std::size_t offset = std::min(replaced.map.to_original(failure.offset), original.size());
    bool grammar = failure.kind == sql::FailureKind::syntax || failure.kind == sql::FailureKind::newer_syntax;
    if (grammar && holds_missing_placeholder(script, failure, replaced)) continue;
    switch (failure.kind) {
      case sql::FailureKind::syntax:
        if (redshift)
          out.push_back(at_offset(file, lines, offset, "unparseable-statement", Severity::warning,
                                  failure.message + "; the statement was not checked"));
        else
          out.push_back(at_offset(file, lines, offset, "syntax-error", Severity::error, failure.message));
        break;
      case sql::FailureKind::newer_syntax: {
        bool unsupported = !redshift && options.pg_version && *options.pg_version < failure.needs_pg_version;
        std::string message = failure.message;
        if (unsupported) message += "; the configured pg_version " + std::to_string(*options.pg_version) + " rejects it";
        out.push_back(at_offset(file, lines, offset, redshift ? "unparseable-statement" : "newer-syntax",
                                unsupported ? Severity::error : Severity::warning, message));
        break;
      }
      case sql::FailureKind::psql_meta:
      case sql::FailureKind::unterminated:
        out.push_back(at_offset(file, lines, offset, "syntax-error", Severity::error, failure.message, failure.hint));
        break;
      case sql::FailureKind::too_complex:
        out.push_back(at_offset(file, lines, offset, "statement-too-complex", Severity::warning, failure.message));
        break;
    }
  }
}

// Rules judge the text as Flyway sends it (placeholders replaced); findings point into the file.
void check_rules(const std::string& file, std::string_view original, const sql::ParsedScript& script,
                 const flyway::Replaced& replaced, const FileCheckOptions& options,
                 std::optional<bool> execute_in_transaction, const util::LineIndex& lines,
                 std::vector<Diagnostic>& out) {
  rules::LintInput input{script, replaced.text, options.dialect, options.pg_version, execute_in_transaction,
                         options.rule_severities, {}, options.flyway && options.flyway->mixed,
                         !options.flyway || options.flyway->postgresql_transactional_lock};
  input.holds_placeholder = [&replaced](std::size_t begin, std::size_t end) {
    if (replaced.map.replaced_within(begin, end)) return true;
    std::size_t first = replaced.map.to_original(begin), last = replaced.map.to_original(end);
    return std::any_of(replaced.missing.begin(), replaced.missing.end(),
                       [&](const flyway::MissingPlaceholder& m) { return m.offset >= first && m.offset < last; });
  };
  for (rules::Finding& finding : rules::run_rules(input)) {
    std::size_t offset = std::min(replaced.map.to_original(finding.offset), original.size());
    out.push_back(at_offset(file, lines, offset, std::string(finding.rule->id), finding.severity,
                            std::move(finding.message), std::move(finding.hint)));
  }
}

void report_missing_placeholders(const std::string& file, const flyway::Replaced& replaced,
                                 const util::LineIndex& lines, std::vector<Diagnostic>& out) {
  for (const flyway::MissingPlaceholder& missing : replaced.missing) {
    out.push_back(at_offset(file, lines, missing.offset, "undefined-placeholder", Severity::warning,
                            "no value for placeholder '" + missing.name +
                                "': Flyway fails with \"No value provided for placeholder\" unless it is set at deploy time",
                            "define flyway.placeholders." + missing.name + " in flyway.conf or FLYWAY_PLACEHOLDERS_" +
                                missing.name + " in the environment"));
  }
}

// Flyway checksums V/B/U files raw and repeatables after placeholder replacement.
ChecksumOutcome checksum_for(std::string_view content, const flyway::Replaced& replaced, bool repeatable,
                             const flyway::FlywaySettings& settings) {
  if (!repeatable) return {flyway::checksum_of_utf8(content), ""};
  if (!replaced.missing.empty())
    return {std::nullopt, "repeatable migration uses placeholder '" + replaced.missing.front().name + "', which has no value"};
  if (!replaced.map.identity() && uses_builtin_placeholder(content, settings.placeholders))
    return {std::nullopt, "repeatable migration uses a flyway:* placeholder, whose value is only known at deploy time"};
  return {flyway::checksum_of_utf8(replaced.text), ""};
}

// `lines` indexes the content after its BOM, which is `bom` bytes long; messages give offsets in the file.
bool content_is_readable(const std::string& file, std::string_view content, std::size_t bom,
                         const util::LineIndex& lines, std::vector<Diagnostic>& out) {
  if (std::size_t nul = content.find('\0'); nul != std::string_view::npos) {
    out.push_back(at_offset(file, lines, nul - bom, "binary-file", Severity::error,
                            "NUL byte at byte offset " + std::to_string(nul) + ": this is not a SQL text file"));
    out.back().source_line.clear();  // control bytes have no place in a terminal code frame
    return false;
  }
  if (auto bad = util::first_invalid_utf8(content)) {
    out.push_back(at_offset(file, lines, *bad - bom, "invalid-utf8", Severity::error,
                            "invalid UTF-8 at byte offset " + std::to_string(*bad) +
                                ": Flyway cannot read this file (\"Unable to calculate checksum\")",
                            "save the file as UTF-8"));
    return false;
  }
  return true;
}

}  // namespace

// A versioned migration at or below start_after.
bool before_start(const std::optional<flyway::MigrationName>& migration, const FileCheckOptions& options) {
  return options.start_after && migration && migration->kind == flyway::MigrationKind::versioned &&
         migration->version && !(*options.start_after < *migration->version);
}

CheckedFile check_file(const std::string& display_path, std::string_view file_name, std::string_view content,
                       const FileCheckOptions& options, const std::optional<std::string>& script_config_text) {
  static const flyway::FlywaySettings default_settings;
  const flyway::FlywaySettings& settings = options.flyway ? *options.flyway : default_settings;
  CheckedFile result;
  result.display_path = display_path;
  // Flyway drops a leading UTF-8 BOM before it reads statements; editors do not count it as a column.
  std::string_view body = content.starts_with(kUtf8Bom) ? content.substr(kUtf8Bom.size()) : content;
  std::size_t bom = content.size() - body.size();
  util::LineIndex lines(body);
  if (options.check_name) result.migration = check_migration_name(display_path, file_name, settings, result.diagnostics);

  flyway::ScriptConfig script_config;
  if (script_config_text) {
    std::vector<flyway::SettingsProblem> problems;
    script_config = flyway::parse_script_config(*script_config_text, display_path + ".conf", problems);
    for (const auto& problem : problems)
      result.diagnostics.push_back({"invalid-script-config", Severity::error, display_path + ".conf",
                                    problem.line, problem.line > 0 ? 1 : 0, problem.message, "", ""});
  }
  if (!content_is_readable(display_path, content, bom, lines, result.diagnostics)) return result;
  if (before_start(result.migration, options)) {
    result.checksum = compute_checksum(content, file_name, settings, script_config_text).checksum;
    return result;
  }

  // Without the prefix nothing is replaced, so the built-in values need not be made up for this file.
  const bool may_hold_placeholders = body.find(settings.placeholders.prefix) != std::string_view::npos;
  flyway::PlaceholderSettings placeholders =
      may_hold_placeholders ? lint_placeholders(settings, file_name) : settings.placeholders;
  placeholders.enabled = script_config.placeholder_replacement.value_or(settings.placeholders.enabled);
  flyway::Replaced replaced = flyway::replace_placeholders(body, placeholders);
  report_missing_placeholders(display_path, replaced, lines, result.diagnostics);

  bool repeatable = result.migration && result.migration->kind == flyway::MigrationKind::repeatable;
  result.checksum = checksum_for(content, replaced, repeatable, settings).checksum;
  sql::ParsedScript script = sql::parse_script(replaced.text, options.dialect);
  check_parse(display_path, body, script, replaced, options, lines, result.diagnostics);
  // The sidecar decides; else Flyway's global executeInTransaction=false makes every migration
  // non-transactional; else Flyway looks at the statements (the rules engine does the same).
  std::optional<bool> in_transaction = script_config.execute_in_transaction;
  if (!in_transaction && !settings.execute_in_transaction) in_transaction = false;
  check_rules(display_path, body, script, replaced, options, in_transaction, lines,
              result.diagnostics);
  apply_suppressions({display_path, body, options.dialect, lines, options.rule_severities}, result.diagnostics);
  return result;
}

ChecksumOutcome compute_checksum(std::string_view content, std::string_view file_name,
                                 const flyway::FlywaySettings& settings,
                                 const std::optional<std::string>& script_config_text) {
  if (content.find('\0') != std::string_view::npos) return {std::nullopt, "binary file (NUL byte)"};
  if (auto bad = util::first_invalid_utf8(content))
    return {std::nullopt, "invalid UTF-8 at byte offset " + std::to_string(*bad)};
  auto name = flyway::parse_migration_name(file_name, settings.naming);
  auto* migration = std::get_if<flyway::MigrationName>(&name);
  bool repeatable = migration && migration->kind == flyway::MigrationKind::repeatable;
  flyway::PlaceholderSettings placeholders = settings.placeholders;
  if (script_config_text) {
    std::vector<flyway::SettingsProblem> ignored;
    auto config = flyway::parse_script_config(*script_config_text, std::string(file_name) + ".conf", ignored);
    placeholders.enabled = config.placeholder_replacement.value_or(placeholders.enabled);
  }
  if (!repeatable) placeholders.enabled = false;
  return checksum_for(content, flyway::replace_placeholders(content, placeholders), repeatable, settings);
}

Diagnostic file_too_large(const std::string& display_path, std::uintmax_t size, std::size_t limit) {
  return Diagnostic{"file-too-large", Severity::error, display_path, 0, 0,
                    "file is " + std::to_string(size) + " bytes, above the limit of " + std::to_string(limit) +
                        " bytes: it was not checked",
                    "split the migration, or raise max_file_size in .flyguard.toml", ""};
}

}  // namespace flyguard
