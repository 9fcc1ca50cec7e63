#include "check/suppression.h"

#include <algorithm>
#include <optional>

#include "check/gate.h"
#include "rules/engine.h"
#include "sql/splitter.h"

namespace flyguard {

namespace {

constexpr std::string_view kIgnore = "flyguard:ignore";
constexpr std::string_view kIgnoreFile = "flyguard:ignore-file";

struct Suppression {
  std::size_t offset = 0;  // of the comment, in the body
  bool whole_file = false;
  int first_line = 0;      // lines of the statement it covers; 0 = none (nothing follows it)
  int last_line = 0;
  std::vector<std::string> ids;
  std::vector<bool> used;
  bool has_reason = false;
};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

// `comment` starts at its "--". Anything that is not a flyguard directive is an ordinary comment.
std::optional<Suppression> parse_directive(std::string_view comment) {
  std::string_view text = trim(comment.substr(2));
  Suppression s;
  if (text.starts_with(kIgnoreFile)) {
    s.whole_file = true;
    text.remove_prefix(kIgnoreFile.size());
  } else if (text.starts_with(kIgnore)) {
    text.remove_prefix(kIgnore.size());
  } else {
    return std::nullopt;
  }
  if (!text.empty() && text.front() != ' ' && text.front() != '\t') return std::nullopt;  // flyguard:ignored
  std::size_t dashes = text.find("--");
  s.has_reason = dashes != std::string_view::npos && !trim(text.substr(dashes + 2)).empty();
  std::string_view list = text.substr(0, dashes);
  std::string id;
  for (char c : std::string(list) + " ") {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!id.empty()) s.ids.push_back(std::move(id));
      id.clear();
    } else {
      id += c;
    }
  }
  s.used.assign(s.ids.size(), false);
  return s;
}

// The statement a statement-level suppression covers: the one whose line it ends (a trailing comment)
// or lies inside, else the next one.
void choose_target(Suppression& s, const std::vector<sql::StatementSpan>& statements, const util::LineIndex& lines) {
  int line = lines.position_of(s.offset).line;
  for (const sql::StatementSpan& statement : statements) {
    bool after = statement.code_begin > s.offset;
    if (after && s.first_line > 0) return;  // already covering the statement the comment ends
    int last = lines.position_of(statement.end).line;
    if (after || s.offset <= statement.end || last == line) {
      s.first_line = lines.position_of(statement.code_begin).line;
      s.last_line = last;
      if (after) return;
    }
  }
}

bool covers(const Suppression& s, const Diagnostic& d) {
  return s.whole_file || (s.first_line > 0 && d.line >= s.first_line && d.line <= s.last_line);
}

Diagnostic at(const SuppressionContext& context, std::size_t offset, std::string rule, Severity severity,
              std::string message, std::string hint) {
  util::Position p = context.lines.position_of(offset);
  return Diagnostic{std::move(rule), severity, context.file, p.line, p.column, std::move(message), std::move(hint),
                    std::string(context.lines.line_text(p.line))};
}

std::optional<Severity> severity_of(const SuppressionContext& context, std::string_view id) {
  const rules::Rule* rule = rules::find_rule(id);
  if (!rule || !rules::applies_to(rule->dialects, context.dialect)) return std::nullopt;
  return rules::effective_severity(*rule, context.severities);
}

std::vector<Suppression> find_suppressions(const SuppressionContext& context) {
  std::vector<sql::LineComment> comments;
  std::vector<sql::StatementSpan> statements = sql::split_statements(context.body, context.dialect, &comments);
  std::vector<Suppression> found;
  for (const sql::LineComment& comment : comments) {
    auto s = parse_directive(context.body.substr(comment.begin, comment.end - comment.begin));
    if (!s) continue;
    s->offset = comment.begin;
    if (!s->whole_file) choose_target(*s, statements, context.lines);
    found.push_back(std::move(*s));
  }
  return found;
}

void report_suppression(const SuppressionContext& context, const Suppression& s, std::vector<Diagnostic>& out) {
  if (s.ids.empty())
    out.push_back(at(context, s.offset, "invalid-suppression", Severity::error, "flyguard:ignore names no rule",
                     "list the rule ids to ignore: -- flyguard:ignore rule-a, rule-b -- reason"));
  for (std::size_t i = 0; i < s.ids.size(); ++i) {
    const std::string& id = s.ids[i];
    if (is_gate_rule(id)) {
      out.push_back(at(context, s.offset, "invalid-suppression", Severity::error,
                       "'" + id + "' is a git gate and cannot be suppressed: only the audited server-side "
                       "override lets such a change through", ""));
    } else if (!rules::find_rule(id)) {
      out.push_back(at(context, s.offset, "invalid-suppression", Severity::error,
                       "unknown rule '" + id + "' in flyguard:ignore", "`flyguard rules` lists the rule ids"));
    } else if (auto severity = severity_of(context, "unused-suppression");
               severity && !s.used[i] && severity_of(context, id)) {
      out.push_back(at(context, s.offset, "unused-suppression", *severity,
                       "flyguard:ignore " + id + " suppressed nothing" +
                           (s.whole_file || s.first_line > 0 ? "" : ": no statement follows it"),
                       "remove it, or move it onto the statement it is meant for"));
    }
  }
  if (auto severity = severity_of(context, "suppression-without-reason"); severity && !s.has_reason)
    out.push_back(at(context, s.offset, "suppression-without-reason", *severity,
                     "suppression without a reason: the next reader cannot tell why the rule does not apply",
                     "add one after a second --: -- flyguard:ignore rule-a -- why it is safe here"));
}

}  // namespace

void apply_suppressions(const SuppressionContext& context, std::vector<Diagnostic>& diagnostics) {
  if (context.body.find(kIgnore) == std::string_view::npos) return;  // the common case costs one search
  std::vector<Suppression> suppressions = find_suppressions(context);
  auto suppressed = [&](const Diagnostic& d) {
    if (d.line == 0 || !rules::find_rule(d.rule)) return false;  // only lint findings can be suppressed
    bool hit = false;
    for (Suppression& s : suppressions)
      for (std::size_t i = 0; i < s.ids.size(); ++i)
        if (s.ids[i] == d.rule && covers(s, d)) {
          s.used[i] = true;
          hit = true;
        }
    return hit;
  };
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), suppressed), diagnostics.end());
  for (const Suppression& s : suppressions) report_suppression(context, s, diagnostics);
}

}  // namespace flyguard
