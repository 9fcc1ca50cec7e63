#include "flyway/naming.h"

#include <algorithm>

namespace flyguard::flyway {
namespace {

// ---------------------------------------------------------------------------------------------
// Case-insensitive suffix matching. Flyway upper-cases both the file name and the suffix
// (String.toUpperCase), so besides ASCII it also folds Latin-1 letters and the two letters whose
// upper case is plain ASCII: U+017F (long s) -> 'S' and U+0131 (dotless i) -> 'I'.

char32_t java_upper(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') return cp - 0x20;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 0x20;
  if (cp == 0xFF) return 0x178;
  if (cp == 0x017F) return 'S';
  if (cp == 0x0131) return 'I';
  return cp;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// Decodes the code point that ends just before `end` and moves `end` to its first byte.
char32_t previous_code_point(std::string_view text, std::size_t& end) {
  std::size_t begin = end - 1;
  while (begin > 0 && is_continuation(text[begin]) && end - begin < 4) --begin;
  const auto lead = static_cast<unsigned char>(text[begin]);
  const std::size_t length = end - begin;
  char32_t cp = lead;
  if (length == 2) cp = lead & 0x1FU;
  if (length == 3) cp = lead & 0x0FU;
  if (length == 4) cp = lead & 0x07U;
  for (std::size_t i = begin + 1; i < end; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3FU);
  end = begin;
  return cp;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80U; });
}

char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 0x20) : c; }

// Number of bytes at the end of `name` that match `suffix` case-insensitively, or npos.
std::size_t matched_suffix_length(std::string_view name, std::string_view suffix) {
  // Nearly every name ends in plain ASCII: then the code points are the bytes and Java's upper-casing is
  // ASCII's, so the decoding below is only needed when non-ASCII letters are involved.
  if (name.size() >= suffix.size() && is_ascii(suffix) && is_ascii(name.substr(name.size() - suffix.size()))) {
    const std::string_view tail = name.substr(name.size() - suffix.size());
    const bool equal = std::equal(tail.begin(), tail.end(), suffix.begin(),
                                  [](char a, char b) { return ascii_upper(a) == ascii_upper(b); });
    return equal ? suffix.size() : std::string_view::npos;
  }
  std::size_t name_end = name.size();
  std::size_t suffix_end = suffix.size();
  while (suffix_end > 0) {
    if (name_end == 0) return std::string_view::npos;
    if (java_upper(previous_code_point(name, name_end)) != java_upper(previous_code_point(suffix, suffix_end))) {
      return std::string_view::npos;
    }
  }
  return name.size() - name_end;
}

bool ascii_starts_with_ignore_case(std::string_view text, std::string_view start) {
  if (text.size() < start.size()) return false;
  for (std::size_t i = 0; i < start.size(); ++i) {
    const auto fold = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 0x20) : c; };
    if (fold(text[i]) != fold(start[i])) return false;
  }
  return true;
}

std::string replace_all(std::string_view text, char from, char to) {
  std::string result(text);
  std::replace(result.begin(), result.end(), from, to);
  return result;
}

// ---------------------------------------------------------------------------------------------
// The parse itself (ResourceNameParser.parse).

struct Prefix {
  std::string text;
  MigrationKind kind;
};

bool is_versioned(MigrationKind kind) {
  return kind == MigrationKind::versioned || kind == MigrationKind::undo || kind == MigrationKind::baseline;
}

// All prefixes, longest first. The order before sorting mirrors Flyway's plugin order (core V, R and the
// events, then baseline, then Teams' undo); a stable sort keeps it for prefixes of equal length.
std::vector<Prefix> all_prefixes(const NamingConventions& conventions) {
  std::vector<Prefix> prefixes{{conventions.versioned_prefix, MigrationKind::versioned},
                               {conventions.repeatable_prefix, MigrationKind::repeatable}};
  for (const std::string& event : callback_events()) prefixes.push_back({event, MigrationKind::callback});
  prefixes.push_back({conventions.baseline_prefix, MigrationKind::baseline});
  // Flyway OSS has no undo prefix at all; an empty one lets callers switch it off.
  if (!conventions.undo_prefix.empty()) prefixes.push_back({conventions.undo_prefix, MigrationKind::undo});
  std::stable_sort(prefixes.begin(), prefixes.end(),
                   [](const Prefix& a, const Prefix& b) { return a.text.size() > b.text.size(); });
  return prefixes;
}

// The pieces of a file name, each a view into it.
struct Pieces {
  std::string_view file;
  std::string_view stem;    // without the suffix
  std::string_view suffix;  // as written in the file name; empty when none matched
  const Prefix* prefix = nullptr;
  std::string_view version_text;  // between prefix and first separator
  std::string_view raw_description;
  bool has_separator = false;
};

Pieces split_name(std::string_view file, const NamingConventions& conventions, const std::vector<Prefix>& prefixes) {
  Pieces pieces;
  pieces.file = file;
  pieces.stem = file;
  // The first configured suffix that matches is removed, even if a later one is longer.
  for (const std::string& suffix : conventions.suffixes) {
    const std::size_t length = matched_suffix_length(file, suffix);
    if (length == std::string_view::npos) continue;
    pieces.stem = file.substr(0, file.size() - length);
    pieces.suffix = file.substr(file.size() - length);
    break;
  }
  for (const Prefix& prefix : prefixes) {
    // Most of the ~45 prefixes are callback names: comparing first letters skips them cheaply.
    if (!prefix.text.empty() && (pieces.stem.empty() || pieces.stem.front() != prefix.text.front())) continue;
    if (pieces.stem.starts_with(prefix.text)) {
      pieces.prefix = &prefix;
      break;
    }
  }
  if (pieces.prefix == nullptr) return pieces;
  const std::string_view rest = pieces.stem.substr(pieces.prefix->text.size());
  const std::size_t separator = rest.find(conventions.separator);
  pieces.has_separator = separator != std::string_view::npos;
  pieces.version_text = rest.substr(0, pieces.has_separator ? separator : rest.size());
  if (pieces.has_separator) pieces.raw_description = rest.substr(separator + conventions.separator.size());
  return pieces;
}

// Flyway's validity message for a name whose prefix was recognised, or "" when the name is valid. The
// version of a valid versioned name is stored in *version when given, so that it is parsed only once.
std::string validity_message(const Pieces& p, const NamingConventions& conventions,
                             std::optional<MigrationVersion>* version = nullptr) {
  if (!is_versioned(p.prefix->kind) && p.version_text.empty()) return {};
  if (is_versioned(p.prefix->kind) && !p.version_text.empty()) {
    auto parsed = MigrationVersion::parse(p.version_text);
    if (parsed) {
      if (version != nullptr) *version = std::move(parsed);
      return {};
    }
  }
  const std::string example = std::string(p.raw_description.empty() ? "description" : p.raw_description);
  const std::string file(p.file);
  if (!is_versioned(p.prefix->kind)) {
    return "Invalid repeatable migration / callback name format: " + file +
           " (It cannot contain a version and should look like this: " + p.prefix->text + conventions.separator +
           example + std::string(p.suffix) + ")";
  }
  if (p.version_text.empty()) {
    return "Invalid versioned migration name format: " + file +
           " (It must contain a version and should look like this: " + p.prefix->text + "1.2" +
           conventions.separator + example + std::string(p.suffix) + ")";
  }
  return "Invalid versioned migration name format: " + file + " (could not recognise version number " +
         std::string(p.version_text) + ")";
}

// Flyway's resolvers only ask for files strictly longer than prefix + suffix (StringUtils.startsAndEndsWith),
// so a repeatable named just prefix + suffix (R.sql) is valid to the naming validator yet never run.
bool too_short_for_resolver(const Pieces& p, const NamingConventions& conventions) {
  if (p.prefix->kind != MigrationKind::repeatable) return false;
  return std::none_of(conventions.suffixes.begin(), conventions.suffixes.end(), [&](const std::string& suffix) {
    const std::size_t length = matched_suffix_length(p.file, suffix);
    return length != std::string_view::npos && p.file.size() > p.prefix->text.size() + length;
  });
}

MigrationName to_migration_name(const Pieces& p, std::optional<MigrationVersion> version) {
  MigrationName name;
  name.kind = p.prefix->kind;
  name.version = std::move(version);
  name.description = replace_all(p.raw_description, '_', ' ');
  name.suffix = std::string(p.suffix);
  if (name.kind == MigrationKind::callback) name.callback_event = p.prefix->text;
  return name;
}

// True when `file` is a valid, runnable name (used to check did-you-mean candidates).
bool is_valid_name(std::string_view file, const NamingConventions& conventions, const std::vector<Prefix>& prefixes) {
  const Pieces p = split_name(file, conventions, prefixes);
  return p.prefix != nullptr && validity_message(p, conventions).empty() && !too_short_for_resolver(p, conventions);
}

// ---------------------------------------------------------------------------------------------
// Did-you-mean hints. Each returns a corrected file name that is valid, or nullopt.

// `V3_add_users.sql`: a single '_' (the separator minus its last character) where the separator was
// meant. Picks the first such spot with a valid version before it and a non-digit after it.
std::optional<std::string> fix_short_separator(const Pieces& p, const NamingConventions& conventions) {
  const std::string& separator = conventions.separator;
  if (p.has_separator || separator.size() < 2) return std::nullopt;
  const std::string_view slip = std::string_view(separator).substr(0, separator.size() - 1);
  const std::string_view text = p.version_text;
  for (std::size_t at = text.find(slip); at != std::string_view::npos; at = text.find(slip, at + 1)) {
    const std::size_t after = at + slip.size();
    if (after >= text.size() || (text[after] >= '0' && text[after] <= '9')) continue;
    const std::string_view version = text.substr(0, at);
    if (is_versioned(p.prefix->kind) ? !MigrationVersion::parse(version) : !version.empty()) continue;
    return p.prefix->text + std::string(version) + separator + std::string(text.substr(after)) +
           std::string(p.suffix);
  }
  return std::nullopt;
}

// `V1-2__x.sql` / `V1,2__x.sql`: a dash or comma between digits where a dot was meant.
std::optional<std::string> fix_version_punctuation(const Pieces& p, const NamingConventions& conventions) {
  std::string version(p.version_text);
  bool changed = false;
  for (std::size_t i = 1; i + 1 < version.size(); ++i) {
    const bool between_digits = version[i - 1] >= '0' && version[i - 1] <= '9' && version[i + 1] >= '0' &&
                                version[i + 1] <= '9';
    if ((version[i] == '-' || version[i] == ',') && between_digits) {
      version[i] = '.';
      changed = true;
    }
  }
  if (!changed || !MigrationVersion::parse(version)) return std::nullopt;
  const std::string rest = p.has_separator ? conventions.separator + std::string(p.raw_description) : "";
  return p.prefix->text + version + rest + std::string(p.suffix);
}

// A corrected name for a name whose prefix was recognised but which is invalid.
std::optional<std::string> fix_invalid(const Pieces& p, const NamingConventions& conventions,
                                       const std::vector<Prefix>& prefixes) {
  std::vector<std::string> candidates;
  if (auto fixed = fix_short_separator(p, conventions)) candidates.push_back(*fixed);
  if (is_versioned(p.prefix->kind)) {
    if (auto fixed = fix_version_punctuation(p, conventions)) candidates.push_back(*fixed);
  } else if (p.has_separator) {
    // R1__x.sql: repeatables and callbacks take no version, so drop it.
    candidates.push_back(p.prefix->text + conventions.separator + std::string(p.raw_description) +
                         std::string(p.suffix));
  }
  for (const std::string& candidate : candidates) {
    if (is_valid_name(candidate, conventions, prefixes)) return candidate;
  }
  return std::nullopt;
}

// `v1__x.sql`, `r__x.sql`, `beforemigrate.sql`: the prefix in the wrong letter case.
std::optional<std::string> fix_prefix_case(const Pieces& p, const NamingConventions& conventions,
                                           const std::vector<Prefix>& prefixes) {
  for (const Prefix& prefix : prefixes) {
    if (prefix.text.empty() || !ascii_starts_with_ignore_case(p.stem, prefix.text)) continue;
    const std::string candidate = prefix.text + std::string(p.file.substr(prefix.text.size()));
    if (is_valid_name(candidate, conventions, prefixes)) return candidate;
    const Pieces fixed_case = split_name(candidate, conventions, prefixes);
    if (fixed_case.prefix == nullptr) continue;
    if (auto fixed = fix_invalid(fixed_case, conventions, prefixes)) return fixed;
  }
  return std::nullopt;
}

std::string did_you_mean(const std::optional<std::string>& candidate) {
  return candidate ? "did you mean " + *candidate + "?" : std::string();
}

NameProblem unrecognised(const Pieces& p, const NamingConventions& conventions, const std::vector<Prefix>& prefixes) {
  NameProblem problem{NameProblem::Kind::unrecognised, "Unrecognised migration name format: " + std::string(p.file),
                      did_you_mean(fix_prefix_case(p, conventions, prefixes))};
  if (problem.hint.empty()) {
    problem.hint = "to run it as a versioned migration, rename it to " + conventions.versioned_prefix + "<n>" +
                   conventions.separator + std::string(p.file);
  }
  return problem;
}

NameProblem never_resolved(const Pieces& p, const NamingConventions& conventions) {
  return {NameProblem::Kind::unrecognised,
          std::string(p.file) + " is never run: Flyway only picks up repeatable migrations whose name is longer "
                                "than the prefix " + p.prefix->text + " and the suffix",
          "rename it to " + p.prefix->text + conventions.separator + "<description>" + std::string(p.suffix)};
}

NameProblem invalid(const Pieces& p, std::string message, const NamingConventions& conventions,
                    const std::vector<Prefix>& prefixes) {
  NameProblem problem{NameProblem::Kind::invalid, std::move(message),
                      did_you_mean(fix_invalid(p, conventions, prefixes))};
  if (problem.hint.empty() && is_versioned(p.prefix->kind) && p.version_text.empty()) {
    const std::string description(p.raw_description.empty() ? "<description>" : p.raw_description);
    problem.hint = "add a version after the prefix, e.g. " + p.prefix->text + "<n>" + conventions.separator +
                   description + std::string(p.suffix);
  }
  return problem;
}

}  // namespace

std::string_view to_string(MigrationKind kind) {
  switch (kind) {
    case MigrationKind::versioned: return "versioned";
    case MigrationKind::undo: return "undo";
    case MigrationKind::repeatable: return "repeatable";
    case MigrationKind::baseline: return "baseline";
    case MigrationKind::callback: return "callback";
  }
  return "unknown";
}

const std::vector<std::string>& callback_events() {
  // Flyway 13's Event enum, in its order. Several *OperationFinish constants share the id
  // afterInfoOperationFinish there; it is listed once.
  static const std::vector<std::string> events{
      "beforeClean", "afterClean", "afterCleanError", "beforeMigrate", "beforeEachMigrate",
      "beforeEachMigrateStatement", "afterEachMigrateStatement", "afterEachMigrateStatementError",
      "afterEachMigrate", "afterEachMigrateError", "beforeRepeatables", "afterVersioned", "afterMigrateApplied",
      "afterMigrate", "afterMigrateError", "beforeUndo", "beforeEachUndo", "beforeEachUndoStatement",
      "afterEachUndoStatement", "afterEachUndoStatementError", "afterEachUndo", "afterEachUndoError", "afterUndo",
      "afterUndoError", "beforeValidate", "afterValidate", "afterValidateError", "beforeBaseline", "afterBaseline",
      "afterBaselineError", "beforeRepair", "afterRepair", "afterRepairError", "beforeInfo", "afterInfo",
      "afterInfoError", "afterMigrateOperationFinish", "afterInfoOperationFinish", "createSchema",
      "beforeCreateSchema", "beforeConnect", "afterConnect"};
  return events;
}

bool is_sql_candidate(std::string_view file_name, const NamingConventions& conventions) {
  // The naming validator asks for every file ending in a suffix and strictly longer than it.
  return std::any_of(conventions.suffixes.begin(), conventions.suffixes.end(), [&](const std::string& suffix) {
    const std::size_t length = matched_suffix_length(file_name, suffix);
    return length != std::string_view::npos && file_name.size() > length;
  });
}

// Hooks parse thousands of names with the same conventions; building and sorting ~45 prefixes each
// time dominated their run time, so the list is kept per thread for the last conventions seen.
const std::vector<Prefix>& cached_prefixes(const NamingConventions& conventions) {
  struct Cache {
    NamingConventions conventions;
    std::vector<Prefix> prefixes;
    bool filled = false;
  };
  thread_local Cache cache;
  const NamingConventions& c = cache.conventions;
  bool same = cache.filled && c.versioned_prefix == conventions.versioned_prefix &&
              c.undo_prefix == conventions.undo_prefix && c.repeatable_prefix == conventions.repeatable_prefix &&
              c.baseline_prefix == conventions.baseline_prefix && c.separator == conventions.separator &&
              c.suffixes == conventions.suffixes;
  if (!same) {
    cache.conventions = conventions;
    cache.prefixes = all_prefixes(conventions);
    cache.filled = true;
  }
  return cache.prefixes;
}

std::variant<MigrationName, NameProblem> parse_migration_name(std::string_view file_name,
                                                              const NamingConventions& conventions) {
  const std::vector<Prefix>& prefixes = cached_prefixes(conventions);
  const Pieces pieces = split_name(file_name, conventions, prefixes);
  if (pieces.prefix == nullptr) return unrecognised(pieces, conventions, prefixes);
  std::optional<MigrationVersion> version;
  std::string message = validity_message(pieces, conventions, &version);
  if (!message.empty()) return invalid(pieces, std::move(message), conventions, prefixes);
  if (too_short_for_resolver(pieces, conventions)) return never_resolved(pieces, conventions);
  return to_migration_name(pieces, std::move(version));
}

}  // namespace flyguard::flyway
