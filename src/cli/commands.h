#pragma once
// Subcommands: each registers its options on the CLI11 app and runs after parsing.
#include <functional>
#include <memory>

#include <CLI/CLI.hpp>

namespace flyguard::cli {

// Exit statuses shared by every command.
enum ExitStatus : int { kClean = 0, kViolations = 1, kUsageOrInternal = 2 };

// Returns the action to run when the subcommand was chosen; it returns the exit status.
std::function<int()> add_check_command(CLI::App& app);
std::function<int()> add_checksum_command(CLI::App& app);
std::function<int()> add_pre_receive_command(CLI::App& app);
std::function<int()> add_pre_commit_command(CLI::App& app);
std::function<int()> add_pre_push_command(CLI::App& app);
std::function<int()> add_ci_command(CLI::App& app);
std::function<int()> add_install_command(CLI::App& app);
std::function<int()> add_rules_command(CLI::App& app);
std::function<int()> add_explain_command(CLI::App& app);
std::function<int()> add_verify_command(CLI::App& app);

}  // namespace flyguard::cli
