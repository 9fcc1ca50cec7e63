// flyguard ci: the first CI phase (CodeBuild, GitHub Actions, GitLab CI). Judges merge-base(base,
// head) -> head against the migrations applied on the base, and checks every migration in head.
#include <iostream>

#include "cli/ci_database.h"
#include "cli/commands.h"
#include "cli/gate_support.h"
#include "cli/hook_input.h"

namespace flyguard::cli {

namespace fs = std::filesystem;

namespace {

struct CiArgs {
  std::string base;
  std::string head = "HEAD";
  DatabaseArgs database;  // --url: the live history is the applied set
  OutputArgs output;
};

class CiError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// CI clones have a detached HEAD and only remote-tracking refs: main -> origin/main.
std::optional<git_oid> resolve_branch_or_rev(const git::Repository& repo, std::string spec) {
  if (spec.rfind("refs/heads/", 0) == 0) spec = spec.substr(11);
  for (const std::string& candidate : {"refs/heads/" + spec, "refs/remotes/origin/" + spec, spec})
    if (auto id = repo.resolve_commit(candidate)) return id;
  return std::nullopt;
}

std::string missing_history_hint(const git::Repository& repo) {
  return repo.is_shallow() ? "this is a shallow clone without that commit: fetch more history "
                             "(git fetch --unshallow, or a full clone / clone depth 0 in CodeBuild)"
                           : "fetch it first (git fetch origin <branch>)";
}

struct Range {
  std::optional<git_oid> base;  // applied migrations: this commit's tree
  git_oid head{};
  std::vector<std::string> notices;
};

Range choose_range(const git::Repository& repo, const CiArgs& args, const flyway::Environment& env) {
  Range range;
  auto head = repo.resolve_commit(args.head);
  if (!head) throw CiError("head revision '" + args.head + "' not found");
  range.head = *head;
  std::string spec = args.base;
  for (const char* key : {"CODEBUILD_WEBHOOK_BASE_REF", "GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"})
    if (spec.empty()) spec = env_or_empty(env, key);
  if (!spec.empty()) {
    range.base = resolve_branch_or_rev(repo, spec);
    if (!range.base) throw CiError("base revision '" + spec + "' not found: " + missing_history_hint(repo));
    return range;
  }
  // The configuration lives on the base, which is not known yet: main, master, else origin's default.
  std::vector<std::string> candidates{"main", "master"};
  if (auto branch = repo.symbolic_branch("refs/remotes/origin/HEAD")) candidates.push_back(*branch);
  auto protected_tip = protected_ref(repo, candidates, true);
  std::optional<git_oid> tip = protected_tip ? repo.resolve_commit(*protected_tip) : std::nullopt;
  if (tip && !repo.is_descendant(*tip, *head)) {
    range.base = tip;  // a branch build: judged against the protected branch
    return range;
  }
  // Building the protected branch itself: what was deployed before this commit is applied.
  std::string previous = env_or_empty(env, "CODEBUILD_WEBHOOK_PREV_COMMIT");
  if (!previous.empty() && !git::is_zero_id(previous)) {
    range.base = repo.resolve_commit(previous);
    if (!range.base)
      throw CiError("CODEBUILD_WEBHOOK_PREV_COMMIT " + previous + " not found: " + missing_history_hint(repo));
    return range;
  }
  range.base = repo.first_parent(*head);
  range.notices.push_back(range.base ? "no base given: judging against the first parent " + git::to_hex(*range.base) +
                                           " (pass --base, or run with CODEBUILD_WEBHOOK_PREV_COMMIT set)"
                                     : "no base given and the head has no parent: nothing is applied yet");
  return range;
}

int run_ci(const CiArgs& args) {
  flyway::Environment env = flyway::current_environment();
  git::Library library;
  fs::path cwd = fs::current_path();
  std::optional<git::Repository> repo;
  try {
    repo.emplace(git::Repository::open_local(cwd, env));
  } catch (const git::GitError& e) {
    std::cerr << "flyguard: ci needs the git history, and there is no git repository here (" << e.what()
              << ").\nflyguard: CodePipeline's default CODE_ZIP source artifact has no .git: choose the "
                 "'Full clone' output artifact format (CODEBUILD_CLONE_REF) for the source action.\n";
    return kUsageOrInternal;
  }
  try {
    Range range = choose_range(*repo, args, env);
    for (const std::string& notice : range.notices) std::cerr << "flyguard: notice: " << notice << '\n';
    std::optional<git_oid> merge_base;
    try {
      merge_base = range.base ? repo->merge_base(*range.base, range.head) : std::nullopt;
    } catch (const git::GitError& e) {
      throw CiError(std::string("cannot find the merge base (") + e.what() + "): " + missing_history_hint(*repo));
    }
    std::optional<git_oid> base_tree = range.base ? repo->tree_of(*range.base) : std::nullopt;
    std::optional<git_oid> head_tree = repo->tree_of(range.head);
    ProjectOptions options;
    options.environment = env;
    TrustedProjects trusted = load_trusted_projects(*repo, base_tree, head_tree, options);
    const bool from_database = !args.database.url.empty();
    // With --url the database says what is applied; the base still gives the range whose files are linted.
    GateInput input = *tree_gate_input(*repo, trusted, from_database ? std::nullopt : base_tree,
                                       merge_base ? repo->tree_of(*merge_base) : base_tree, head_tree, false);
    input.check_every_file = true;
    input.applied_label = range.base ? git::to_hex(*range.base).substr(0, 12) : "the base";
    GateResult result = run_gate(input);
    Verdict verdict;
    verdict.count(result);
    verdict.add(std::move(result.diagnostics));
    if (from_database) verdict.add(judge_against_database(input, args.database, env));
    verdict.add(trusted.notes);
    return print_verdict(verdict, args.output, verdict.refused ? "flyguard: ci failed: see above" : "");
  } catch (const std::exception& e) {
    std::cerr << "flyguard: ci failed (fail closed): " << e.what() << '\n';
    return kUsageOrInternal;
  }
}

}  // namespace

std::function<int()> add_ci_command(CLI::App& app) {
  auto args = std::make_shared<CiArgs>();
  CLI::App* cmd = app.add_subcommand("ci", "CI gate: judge a commit range against the applied migrations.");
  cmd->footer(
      "Base: --base, else CODEBUILD_WEBHOOK_BASE_REF, GITHUB_BASE_REF, CI_MERGE_REQUEST_TARGET_BRANCH_NAME,\n"
      "else the protected branch (origin/main when there is no local main). When the head is the protected\n"
      "branch itself: CODEBUILD_WEBHOOK_PREV_COMMIT, else the first parent (with a notice). The range is\n"
      "merge-base(base, head) -> head; migrations on the base are applied; configuration comes from the base.\n"
      "Every migration in the head tree is also checked for naming, duplicates and syntax.\n"
      "With --url, the database's flyway_schema_history is the applied set instead of the base (as in\n"
      "flyguard verify); the base still chooses which files are linted.");
  cmd->add_option("--base", args->base, "Base revision or branch");
  cmd->add_option("--head", args->head, "Head revision (default: HEAD)");
  add_database_options(cmd, args->database,
                       "Read the applied migrations from this database (jdbc:postgresql://…, jdbc:redshift://…)");
  add_output_options(cmd, args->output, false);
  return [args] { return run_ci(*args); };
}

}  // namespace flyguard::cli
