// unused-suppression: a flyguard:ignore comment that suppressed nothing. Reported by the suppression
// pass (src/check/suppression.cpp); this file only describes the rule.
#include "rules/rule.h"

using namespace flyguard::rules;

FLYGUARD_RULE(unused_suppression) = {
    .id = "unused-suppression",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "flyguard:ignore that suppressed no finding",
    .rationale =
        "A suppression that matches nothing is either stale (the statement changed and no longer breaks the "
        "rule) or misplaced (it sits on the wrong statement, so the finding it was meant for is still "
        "reported, or will be once someone edits the file). Either way it misleads readers into thinking a "
        "risky statement was reviewed. A statement suppression covers the statement on whose line it ends, "
        "or else the statement that follows it; a file suppression covers the whole file. Suppressions of "
        "rules that are switched off or do not apply to the dialect are not reported.",
    .bad_example = "-- flyguard:ignore ban-drop-table -- cleanup\nALTER TABLE orders DROP COLUMN note;",
    .good_example = "-- flyguard:ignore ban-drop-column -- cleanup, unused since release 41\n"
                    "ALTER TABLE orders DROP COLUMN note;",
    .fix = "Remove the suppression, or put it on the statement it is meant for",
    .check = nullptr,
};
