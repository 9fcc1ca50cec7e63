// flyguard pre-commit and pre-push: the local hooks. Advisory (git commit --no-verify skips them),
// so a repository libgit2 cannot open lets the commit through with a warning.
#include <iostream>

#include "cli/commands.h"
#include "cli/gate_support.h"
#include "cli/hook_input.h"
#include "git/index_reader.h"

namespace flyguard::cli {

namespace fs = std::filesystem;

namespace {

struct LocalArgs {
  OutputArgs output;
  std::vector<std::string> hook_args;  // pre-push: remote name and URL
};

struct LocalRepo {
  git::Repository repo;
  fs::path root;  // work tree, where the configuration is read from
  TrustedProjects trusted;
};

std::optional<LocalRepo> open_local_repo(const flyway::Environment& env) {
  fs::path cwd = fs::current_path();
  try {
    git::Repository repo = git::Repository::open_local(cwd, env);
    fs::path root = repo.workdir().value_or(cwd);
    ProjectOptions options;
    options.environment = env;
    TrustedProjects trusted = load_disk_projects(root, options);
    return LocalRepo{std::move(repo), root, std::move(trusted)};
  } catch (const git::GitError& e) {
    std::cerr << "flyguard: warning: cannot open this repository (" << e.what()
              << "); the commit is not checked here, the server and CI still check it\n";
    return std::nullopt;
  }
}

// Local hooks are advisory: what libgit2 cannot read here (a partial clone's missing objects, an
// unsupported extension) must not block the commit; the server and CI still judge it.
int advisory_skip(const git::GitError& e) {
  std::cerr << "flyguard: warning: cannot check this change here (" << e.what()
            << "); it goes through unchecked, the server and CI still check it\n";
  return kClean;
}

// The protected branch as this clone knows it: origin's copy first, else the local branch.
struct ProtectedTip {
  std::optional<git_oid> commit;
  std::string label;  // "origin/main", for messages
};

ProtectedTip protected_tip(const LocalRepo& local) {
  auto ref = protected_ref(local.repo, local.trusted.config.protected_branches, true);
  if (!ref) return {};
  std::string label = *ref;
  for (const char* prefix : {"refs/remotes/", "refs/heads/"})
    if (label.rfind(prefix, 0) == 0) label = label.substr(std::string_view(prefix).size());
  return {local.repo.resolve_commit(*ref), label};
}

fs::path index_file(const LocalRepo& local, const flyway::Environment& env) {
  auto it = env.find("GIT_INDEX_FILE");
  if (it != env.end() && !it->second.empty()) {
    fs::path p(it->second);
    return p.is_absolute() ? p : fs::current_path() / p;  // relative to the hook's cwd, as git sets it
  }
  return fs::path(git_repository_path(local.repo.get())) / "index";
}

GateInput base_input(const LocalRepo& local) {
  GateInput input;
  input.projects = gate_projects(local.trusted);
  input.load = blob_loader(local.repo);
  return input;
}

int run_pre_commit(const LocalArgs& args) {
  flyway::Environment env = flyway::current_environment();
  git::Library library;
  auto local = open_local_repo(env);
  if (!local) return kClean;
  try {
    std::optional<git_oid> head = local->repo.resolve_commit("HEAD");
    ProtectedTip tip = protected_tip(*local);
    std::optional<git_oid> applied = tip.commit;
    std::optional<git_oid> from = head;
    if (head && applied) from = local->repo.merge_base(*head, *applied);
    const auto& prefixes = local->trusted.prefixes;
    std::vector<git::Entry> staged = git::read_index_entries(index_file(*local, env), prefixes);
    std::vector<git::Entry> before = local->repo.list(from ? local->repo.tree_of(*from) : std::nullopt, prefixes);
    GateInput input = base_input(*local);
    input.changes = to_tree_changes(git::diff_entries(before, staged));
    if (input.changes.empty() && local->trusted.notes.empty()) return kClean;  // no migration staged
    bool same_tree = applied && from && git_oid_equal(&*applied, &*from);
    input.applied = same_tree ? to_tree_files(before)
                              : to_tree_files(local->repo.list(applied ? local->repo.tree_of(*applied) : std::nullopt, prefixes));
    input.result = to_tree_files(staged);
    if (!tip.label.empty()) input.applied_label = tip.label;
    GateResult result = run_gate(input);
    Verdict verdict;
    verdict.count(result);
    verdict.add(std::move(result.diagnostics));
    verdict.add(local->trusted.notes);
    return print_verdict(verdict, args.output,
                         verdict.refused ? "flyguard: commit refused (git commit --no-verify skips this check; the "
                                           "server and CI will not)" : "");
  } catch (const git::GitError& e) {
    return advisory_skip(e);
  } catch (const std::exception& e) {
    std::cerr << "flyguard: error: " << e.what() << '\n';
    return kUsageOrInternal;
  }
}

void judge_push(const LocalRepo& local, const PushUpdate& update, const std::string& remote, Verdict& verdict) {
  if (git::is_zero_id(update.local_id) || update.remote_ref.rfind("refs/heads/", 0) != 0) return;
  std::string branch = update.remote_ref.substr(11);
  bool is_protected = matches_any(branch, local.trusted.config.protected_branches);
  git_oid new_id;
  git_oid_fromstr(&new_id, update.local_id.c_str());
  std::optional<git_oid> applied;
  if (is_protected && !git::is_zero_id(update.remote_id)) {
    git_oid remote_id;
    git_oid_fromstr(&remote_id, update.remote_id.c_str());
    if (local.repo.has_object(remote_id)) applied = remote_id;
  }
  if (!applied) {
    auto ref = protected_ref(local.repo, local.trusted.config.protected_branches, true);
    if (ref && remote != "origin" && ref->rfind("refs/remotes/origin/", 0) == 0) ref = std::nullopt;
    if (ref) applied = local.repo.resolve_commit(*ref);
  }
  std::optional<git_oid> from = applied ? local.repo.merge_base(new_id, *applied) : std::nullopt;
  if (is_protected && applied) from = applied;
  auto input = tree_gate_input(local.repo, local.trusted, applied ? local.repo.tree_of(*applied) : std::nullopt,
                               from ? local.repo.tree_of(*from) : std::nullopt, local.repo.tree_of(new_id), true);
  if (!input) return;  // nothing in the migration locations changed
  input->enforce = is_protected;
  GateResult result = run_gate(*input);
  verdict.add(std::move(result.diagnostics));
  verdict.count(result);
}

// The pre-commit framework does not pass git's pre-push lines on; it sets PRE_COMMIT_* instead.
std::vector<PushUpdate> framework_push_update(const git::Repository& repo, const flyway::Environment& env) {
  auto get = [&env](const char* key) { return env_or_empty(env, key); };
  std::string to = get("PRE_COMMIT_TO_REF"), branch = get("PRE_COMMIT_REMOTE_BRANCH");
  auto to_id = to.empty() ? std::nullopt : repo.resolve_commit(to);
  if (!to_id || branch.empty()) return {};
  auto from_id = get("PRE_COMMIT_FROM_REF").empty() ? std::nullopt : repo.resolve_commit(get("PRE_COMMIT_FROM_REF"));
  std::string zero(git::to_hex(*to_id).size(), '0');
  return {PushUpdate{to, git::to_hex(*to_id), branch, from_id ? git::to_hex(*from_id) : zero}};
}

int run_pre_push(const LocalArgs& args) {
  flyway::Environment env = flyway::current_environment();
  git::Library library;
  auto local = open_local_repo(env);
  if (!local) return kClean;
  try {
    std::vector<PushUpdate> updates = read_push_updates(std::cin);
    if (updates.empty()) updates = framework_push_update(local->repo, env);
    std::string remote = args.hook_args.empty() ? "origin" : args.hook_args.front();
    Verdict verdict;
    for (const PushUpdate& update : updates) judge_push(*local, update, remote, verdict);
    return print_verdict(verdict, args.output, verdict.refused ? "flyguard: push stopped before it left this machine" : "");
  } catch (const git::GitError& e) {
    return advisory_skip(e);
  } catch (const std::exception& e) {
    std::cerr << "flyguard: error: " << e.what() << '\n';
    return kUsageOrInternal;
  }
}

}  // namespace

std::function<int()> add_pre_commit_command(CLI::App& app) {
  auto args = std::make_shared<LocalArgs>();
  CLI::App* cmd = app.add_subcommand("pre-commit", "Local hook: judge what is staged (GIT_INDEX_FILE) against HEAD.");
  cmd->footer("Applied migrations are those on the protected branch as this clone knows it (origin/<branch>,\n"
              "else the local branch); a migration not pushed yet may still be amended.");
  add_output_options(cmd, args->output, false);
  return [args] { return run_pre_commit(*args); };
}

std::function<int()> add_pre_push_command(CLI::App& app) {
  auto args = std::make_shared<LocalArgs>();
  CLI::App* cmd = app.add_subcommand("pre-push", "Local hook: judge the commits about to be pushed.");
  cmd->footer("Reads git's pre-push lines on standard input; the only early gate on hosts without server hooks\n"
              "(AWS CodeCommit).");
  cmd->add_option("hook-args", args->hook_args, "Remote name and URL, as git passes them");
  add_output_options(cmd, args->output, false);
  return [args] { return run_pre_push(*args); };
}

}  // namespace flyguard::cli
