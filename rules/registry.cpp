// The one list of lint rules. Adding a rule: rules/<id>.cpp, tests/rules/<id>.sql and one line here.
#include <algorithm>

#include "rules/rule.h"

// One line per rule; the order is the order of `flyguard rules` and docs/rules.md.
#define FLYGUARD_RULE_LIST(X)               \
  X(require_concurrent_index_creation)      \
  X(require_concurrent_index_deletion)      \
  X(concurrently_with_transactional_lock)   \
  X(constraint_missing_not_valid)           \
  X(disallowed_unique_constraint)           \
  X(ban_exclusion_constraint)               \
  X(ban_domain_with_constraint)             \
  X(constraint_validated_in_same_migration) \
  X(setting_not_nullable_field)             \
  X(adding_required_field)                  \
  X(adding_field_with_volatile_default)     \
  X(changing_column_type)                   \
  X(ban_drop_column)                        \
  X(ban_drop_table)                         \
  X(ban_drop_schema)                        \
  X(ban_drop_database)                      \
  X(ban_truncate)                           \
  X(ban_drop_not_null)                      \
  X(ban_drop_constraint)                    \
  X(renaming_table)                         \
  X(renaming_column)                        \
  X(enum_value_ordering)                    \
  X(ban_vacuum_full)                        \
  X(require_lock_timeout)                   \
  X(require_statement_timeout)              \
  X(statement_after_access_exclusive_lock)  \
  X(combine_alter_table)                    \
  X(transaction_nesting)                    \
  X(mixed_transactional_statements)          \
  X(duplicate_column_assignment)            \
  X(password_literal)                       \
  X(prefer_bigint_over_int)                 \
  X(prefer_timestamptz)                     \
  X(prefer_identity)                        \
  X(prefer_text_field)                      \
  X(prefer_jsonb)                           \
  X(identifier_too_long)                    \
  X(redshift_transaction_block)             \
  X(redshift_truncate_commits)              \
  X(hardcoded_credentials)                  \
  X(redshift_unsupported_feature)           \
  X(redshift_unsupported_type)              \
  X(redshift_alter_table_limits)            \
  X(redshift_table_attributes)              \
  X(redshift_constraint_not_enforced)       \
  X(redshift_table_design)                  \
  X(redshift_view_select_star)              \
  X(prefer_robust_statements)               \
  X(require_schema_qualified_name)          \
  X(suppression_without_reason)             \
  X(unused_suppression)                     \
  /* end of the list */

namespace flyguard::rules {

#define FLYGUARD_DECLARE_RULE(name) extern const Rule name;
FLYGUARD_RULE_LIST(FLYGUARD_DECLARE_RULE)
#undef FLYGUARD_DECLARE_RULE

const std::vector<const Rule*>& all_rules() {
#define FLYGUARD_RULE_ADDRESS(name) &name,
  static const std::vector<const Rule*> rules = {FLYGUARD_RULE_LIST(FLYGUARD_RULE_ADDRESS)};
#undef FLYGUARD_RULE_ADDRESS
  return rules;
}

const Rule* find_rule(std::string_view id) {
  const auto& rules = all_rules();
  auto it = std::find_if(rules.begin(), rules.end(), [id](const Rule* rule) { return rule->id == id; });
  return it == rules.end() ? nullptr : *it;
}

}  // namespace flyguard::rules
