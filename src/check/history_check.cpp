#include "check/history_check.h"

#include <algorithm>
#include <map>
#include <set>

namespace flyguard {

namespace {

using flyway::HistoryRow;
using flyway::MigrationKind;
using flyway::MigrationVersion;

// A history row with its version parsed and its fate after later DELETE (repair) and UNDO rows.
struct AppliedEntry {
  const HistoryRow* row = nullptr;
  std::optional<MigrationVersion> version;
  bool removed = false;  // marked deleted by repair, or undone
};

bool is_undo(const std::string& type) { return type.rfind("UNDO_", 0) == 0; }
bool is_marker(const std::string& type) { return type == "SCHEMA" || type == "BASELINE" || type == "INIT"; }
bool is_baseline_type(const std::string& type) {
  return type == "BASELINE" || type == "INIT" || type == "SQL_BASELINE" || type == "JDBC_BASELINE" ||
         type == "SQL_STATE_SCRIPT" || type == "JDBC_STATE_SCRIPT";
}
// Rows flyguard can pair with files: the SQL types. Java and script migrations are not resolved here.
bool is_sql_type(const std::string& type) {
  return type == "SQL" || type == "SQL_BASELINE" || type == "SQL_STATE_SCRIPT";
}

std::string expected_type(const ResolvedMigration& migration) {
  return migration.name.kind == MigrationKind::baseline ? "SQL_BASELINE" : "SQL";
}

// Flyway stores descriptions longer than 200 characters as 197 characters and "...".
bool same_description(const std::string& applied, const std::string& resolved) {
  if (applied == resolved) return true;
  if (resolved.size() <= 200) return false;
  return applied == resolved.substr(0, 197) + "..." || applied == resolved.substr(0, 200);
}

std::string label(const ResolvedMigration& migration) {
  return migration.name.version ? "version " + migration.name.version->display() : migration.name.description;
}

class HistoryComparison {
 public:
  HistoryComparison(const std::vector<ResolvedMigration>& resolved, const std::vector<HistoryRow>& rows,
                    const HistoryCheckOptions& options)
      : resolved_(resolved), options_(options) {
    read_rows(rows);
  }

  HistoryCheckResult run() {
    for (const ResolvedMigration& migration : resolved_) {
      if (migration.name.kind == MigrationKind::repeatable) {
        judge_repeatable(migration);
      } else if (migration.name.version) {
        judge_versioned(migration);
      }
    }
    report_missing_versioned();
    report_missing_repeatables();
    report_unpaired_types();
    if (last_applied_) result_.current_version = last_applied_->display();
    return std::move(result_);
  }

 private:
  void read_rows(const std::vector<HistoryRow>& rows) {
    entries_.reserve(rows.size());
    for (const HistoryRow& row : rows) {
      AppliedEntry entry{&row, std::nullopt, false};
      if (row.version) {
        std::string error;
        entry.version = MigrationVersion::parse(*row.version, &error);
        if (!entry.version) {
          add(Severity::warning, "unreadable-history-row", options_.table_label,
              "installed_rank " + std::to_string(row.installed_rank) + " has version '" + *row.version +
                  "', which Flyway cannot read: " + error,
              "");
          continue;
        }
      }
      if (row.type == "DELETE" || is_undo(row.type)) {
        remove_latest_match(entry);
        if (is_undo(row.type)) note_undo_row(row);
        continue;
      }
      entries_.push_back(entry);
    }
    for (const AppliedEntry& entry : entries_) {
      if (entry.removed || !entry.version) continue;
      if (!last_applied_ || *entry.version > *last_applied_) last_applied_ = entry.version;
      if (is_baseline_type(entry.row->type) && (!baseline_ || *entry.version > *baseline_)) baseline_ = entry.version;
    }
    for (const ResolvedMigration& migration : resolved_)
      if (migration.name.version && (!last_resolved_ || *migration.name.version > *last_resolved_))
        last_resolved_ = migration.name.version;
    index_entries();
  }

  // A DELETE row (repair) or an UNDO row cancels the most recent earlier row of the same migration.
  void remove_latest_match(const AppliedEntry& marker) {
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
      if (it->removed) continue;
      bool same = marker.version ? it->version && *it->version == *marker.version
                                 : !it->version && it->row->description == marker.row->description;
      if (same) {
        it->removed = true;
        return;
      }
    }
  }

  void note_undo_row(const HistoryRow& row) {
    if (undo_noted_) return;
    undo_noted_ = true;
    add(Severity::warning, "unreadable-history-row", options_.table_label,
        "installed_rank " + std::to_string(row.installed_rank) + " is an " + row.type +
            " row written by Flyway Teams' undo; open-source Flyway stops with \"Unknown migration type\"",
        "run this project with the Flyway edition that wrote the row");
  }

  // The latest live entry for a version of the resolved migration's type; `other_type` gets one of
  // another type, if any.
  const AppliedEntry* applied_version(const MigrationVersion& version, const std::string& type,
                                      const AppliedEntry** other_type) const {
    auto found = by_version_.find(version);
    if (found == by_version_.end()) return nullptr;
    const AppliedEntry* match = nullptr;
    for (const AppliedEntry* entry : found->second) {
      if (entry->row->type == type) {
        match = entry;
      } else {
        *other_type = entry;
      }
    }
    return match;
  }

  void index_entries() {
    for (const AppliedEntry& entry : entries_) {
      if (entry.removed) continue;
      if (entry.row->type != "SCHEMA") has_applied_rows_ = true;
      if (entry.version && !is_marker(entry.row->type)) by_version_[*entry.version].push_back(&entry);
      if (!entry.version && is_sql_type(entry.row->type)) latest_repeatable_[entry.row->description] = &entry;
    }
    for (const ResolvedMigration& migration : resolved_) {
      if (migration.name.version) resolved_versions_.insert(*migration.name.version);
      if (migration.name.kind == MigrationKind::repeatable) resolved_descriptions_.insert(migration.name.description);
    }
  }

  void judge_versioned(const ResolvedMigration& migration) {
    const MigrationVersion& version = *migration.name.version;
    const AppliedEntry* other_type = nullptr;
    const AppliedEntry* applied = applied_version(version, expected_type(migration), &other_type);
    if (applied != nullptr) return judge_applied(migration, *applied->row, version);
    if (other_type != nullptr) {
      add(Severity::warning, "type-mismatch", migration.display_path,
          "version " + version.display() + " was applied as " + other_type->row->type + " (" +
              other_type->row->script + "), but resolves locally as " + expected_type(migration) +
              ": Flyway pairs migrations by version and type, so it treats them as two different migrations",
          "keep the migration's original prefix, or run flyway repair if the change is intended");
      return;
    }
    judge_unapplied(migration, version);
  }

  void judge_applied(const ResolvedMigration& migration, const HistoryRow& row, const MigrationVersion& version) {
    if (!row.success) return report_failed(migration.display_path, row);
    ++result_.applied;
    if (baseline_ && version <= *baseline_) return;  // Flyway validates nothing at or below the baseline
    if (row.checksum && migration.checksum && *row.checksum != *migration.checksum) {
      add(Severity::error, "checksum-mismatch", migration.display_path,
          "Migration checksum mismatch for migration version " + version.display() + ": applied to database " +
              std::to_string(*row.checksum) + ", resolved locally " + std::to_string(*migration.checksum) +
              " (flyway migrate will refuse to run)",
          "restore the applied content (git log -p -- " + migration.display_path +
              "); put the change in a new migration");
    }
    if (!same_description(row.description, migration.name.description)) {
      add(Severity::warning, "description-mismatch", migration.display_path,
          "Migration description mismatch for migration version " + version.display() + ": applied to database '" +
              row.description + "', resolved locally '" + migration.name.description + "'",
          "restore the applied file name, or run flyway repair to record the new description");
    }
  }

  void judge_unapplied(const ResolvedMigration& migration, const MigrationVersion& version) {
    if (migration.name.kind == MigrationKind::baseline) {
      // Baseline migrations run only on an empty database, and then only the highest one.
      if (!has_applied_rows_ && version == *highest_baseline_migration()) add_pending(migration, "");
      return;
    }
    if (baseline_ && version <= *baseline_) return;  // "Below Baseline": never run, not an error
    if (last_applied_ && version < *last_applied_) {
      if (options_.out_of_order) return add_pending(migration, " (out of order: below current version " +
                                                                   last_applied_->display() + ")");
      if (flyway::ignores_migrations(options_.ignore_patterns, false, "ignored")) {
        add(Severity::info, "out-of-order-migration", migration.display_path,
            "version " + version.display() + " is below the current version " + last_applied_->display() +
                ": flyway migrate will never apply it (ignoreMigrationPatterns ignores it, outOfOrder is false)",
            "renumber it above " + last_applied_->display() + " if it should run");
        return;
      }
      add(Severity::error, "out-of-order-migration", migration.display_path,
          "Detected resolved migration not applied to database: " + version.display() +
              ": it is below the current version " + last_applied_->display() +
              " and outOfOrder is false, so flyway migrate ignores it and flyway validate fails",
          "renumber it above " + last_applied_->display() + ", or set flyway.outOfOrder=true");
      return;
    }
    add_pending(migration, "");
  }

  const MigrationVersion* highest_baseline_migration() const {
    const MigrationVersion* highest = nullptr;
    for (const ResolvedMigration& m : resolved_)
      if (m.name.kind == MigrationKind::baseline && (highest == nullptr || *m.name.version > *highest))
        highest = &*m.name.version;
    return highest;
  }

  void add_pending(const ResolvedMigration& migration, const std::string& detail) {
    ++result_.pending;
    add(Severity::info, "pending-migration", migration.display_path,
        "pending: flyway migrate will apply " + label(migration) + detail, "");
  }

  void judge_repeatable(const ResolvedMigration& migration) {
    const AppliedEntry* latest = latest_repeatable(migration.name.description);
    if (latest == nullptr) return add_pending(migration, "");
    const HistoryRow& row = *latest->row;
    if (!row.success) return report_failed(migration.display_path, row);
    ++result_.applied;
    bool matches = !row.checksum || !migration.checksum || *row.checksum == *migration.checksum ||
                   (migration.raw_checksum && *row.checksum == *migration.raw_checksum);
    if (!matches) {
      ++result_.pending;
      add(Severity::info, "repeatable-will-rerun", migration.display_path,
          "repeatable migration '" + migration.name.description + "' changed since it was applied (checksum " +
              std::to_string(*row.checksum) + " -> " + std::to_string(*migration.checksum) +
              "): flyway migrate will run it again",
          "");
    }
  }

  const AppliedEntry* latest_repeatable(const std::string& description) const {
    auto found = latest_repeatable_.find(description);
    return found == latest_repeatable_.end() ? nullptr : found->second;
  }

  void report_failed(const std::string& path, const HistoryRow& row) {
    const std::string what = row.version ? "migration to version " + *row.version + " (" + row.description + ")"
                                         : "repeatable migration: " + row.description;
    add(Severity::error, "failed-migration", path,
        "Detected failed " + what + " in " + options_.table_label + ": flyway migrate and validate stop here",
        "remove any half-completed changes from the database, then run flyway repair");
  }

  // The latest live row of each applied SQL version that no file resolves to.
  void report_missing_versioned() {
    for (const auto& [version, entries] : by_version_) {
      if (resolved_versions_.count(version)) continue;
      auto latest = std::find_if(entries.rbegin(), entries.rend(),
                                 [](const AppliedEntry* entry) { return is_sql_type(entry->row->type); });
      if (latest == entries.rend()) continue;
      const HistoryRow& row = *(*latest)->row;
      const std::string path = options_.path_of_script(row.script);
      if (!row.success) {
        report_failed(path, row);
        continue;
      }
      const bool future = !last_resolved_ || version >= *last_resolved_;
      if (!future && flyway::ignores_migrations(options_.ignore_patterns, false, "missing")) continue;
      add(Severity::error, "applied-migration-missing", path,
          "Detected applied migration not resolved locally: " + version.display() + " (" + row.script + ")" +
              (future ? ": it is newer than every local migration, which Flyway calls 'future' and flyway "
                        "validate ignores by default, so its deletion would go unnoticed"
                      : ""),
          "restore the file (git log --diff-filter=D -- '*" + row.script +
              "'), or run flyway repair if it was removed on purpose");
    }
  }

  void report_missing_repeatables() {
    for (const auto& [description, entry] : latest_repeatable_) {
      if (resolved_descriptions_.count(description)) continue;
      const HistoryRow& row = *entry->row;
      const std::string path = options_.path_of_script(row.script);
      if (!row.success) {
        report_failed(path, row);
        continue;
      }
      if (flyway::ignores_migrations(options_.ignore_patterns, true, "missing")) continue;
      add(Severity::error, "applied-migration-missing", path,
          "Detected applied repeatable migration not resolved locally: " + description + " (" + row.script + ")",
          "restore the file, or run flyway repair if it was removed on purpose");
    }
  }

  // Java, script and custom migrations have rows flyguard cannot pair with a file.
  void report_unpaired_types() {
    std::map<std::string, std::size_t> counts;
    for (const AppliedEntry& entry : entries_)
      if (!entry.removed && !is_sql_type(entry.row->type) && !is_marker(entry.row->type)) ++counts[entry.row->type];
    for (const auto& [type, count] : counts)
      add(Severity::info, "unchecked-history-row", options_.table_label,
          std::to_string(count) + " row(s) of type " + type +
              " (Java, script or custom migrations) not compared: flyguard resolves SQL migrations only",
          "");
  }

  void add(Severity severity, const char* rule, const std::string& file, std::string message, std::string hint) {
    Diagnostic d;
    d.rule = rule;
    d.severity = severity;
    d.file = file;
    d.message = std::move(message);
    d.hint = std::move(hint);
    result_.diagnostics.push_back(std::move(d));
  }

  const std::vector<ResolvedMigration>& resolved_;
  const HistoryCheckOptions& options_;
  std::vector<AppliedEntry> entries_;
  std::optional<MigrationVersion> last_applied_;
  std::optional<MigrationVersion> last_resolved_;
  std::optional<MigrationVersion> baseline_;
  bool undo_noted_ = false;
  bool has_applied_rows_ = false;
  std::map<MigrationVersion, std::vector<const AppliedEntry*>> by_version_;  // live, in rank order
  std::map<std::string, const AppliedEntry*> latest_repeatable_;           // live SQL rows by description
  std::set<MigrationVersion> resolved_versions_;
  std::set<std::string> resolved_descriptions_;
  HistoryCheckResult result_;
};

}  // namespace

HistoryCheckResult check_against_history(const std::vector<ResolvedMigration>& resolved,
                                         const std::vector<flyway::HistoryRow>& rows,
                                         const HistoryCheckOptions& options) {
  return HistoryComparison(resolved, rows, options).run();
}

}  // namespace flyguard
