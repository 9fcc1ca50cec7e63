#pragma once
// `flyguard ci --url`: the live schema history, instead of the base branch, says what is applied.
#include <vector>

#include "check/diagnostic.h"
#include "check/gate.h"
#include "cli/database_target.h"

namespace flyguard::cli {

// Judges the head tree's migrations (input.result, read through input.load) of every project against
// its database's history. Throws db::DatabaseError when a database cannot be read.
std::vector<Diagnostic> judge_against_database(const GateInput& input, const DatabaseArgs& args,
                                               const flyway::Environment& env);

}  // namespace flyguard::cli
