// suppression-without-reason: a flyguard:ignore comment that does not say why. Reported by the
// suppression pass (src/check/suppression.cpp); this file only describes the rule.
#include "rules/rule.h"

using namespace flyguard::rules;

FLYGUARD_RULE(suppression_without_reason) = {
    .id = "suppression-without-reason",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "flyguard:ignore or flyguard:ignore-file without a reason",
    .rationale =
        "A suppression says that a rule's warning does not apply here, which is only true for a reason the "
        "rule could not see: the table is still empty, the index is tiny, the column was unused for two "
        "releases. Without that reason the next reviewer cannot tell a considered exception from a warning "
        "that was silenced to get a build through, and nobody can later check whether it still holds. The "
        "reason goes after a second -- on the same line.",
    .bad_example = "DROP TABLE legacy_orders; -- flyguard:ignore ban-drop-table",
    .good_example = "DROP TABLE legacy_orders; -- flyguard:ignore ban-drop-table -- unused since release 41",
    .fix = "Say why the rule does not apply after a second --",
    .check = nullptr,
};
