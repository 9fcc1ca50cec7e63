// flyguard pre-receive: the server hook. Reads every ref update on stdin, judges each against the
// applied migrations, and refuses the whole push when a protected branch would break.
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "util/file.h"
#include "cli/commands.h"
#include "cli/gate_support.h"
#include "cli/hook_input.h"

namespace flyguard::cli {

namespace {

struct PreReceiveArgs {
  std::string config;
  OutputArgs output;
};

struct Context {
  const git::Repository& repo;
  ServerConfig server;
  TrustedProjects trusted;
  std::vector<std::string> protected_patterns;
  std::optional<std::string> trusted_ref;  // e.g. refs/heads/main
  std::vector<RefUpdate> updates;
  ProjectOptions options;
};

std::optional<git_oid> oid_of(const std::string& hex) {
  git_oid id;
  // git_oid_fromstr reads the first 40 digits only: a 64-digit (SHA-256) id must not be truncated.
  if (hex.size() != GIT_OID_HEXSZ || git_oid_fromstr(&id, hex.c_str()) < 0) return std::nullopt;
  return id;
}

git_oid require_object(const std::string& hex) {
  auto id = oid_of(hex);
  if (!id)
    throw std::runtime_error("object id '" + hex + "' on standard input is not a SHA-1 id" +
                             (hex.size() == 64 ? " (SHA-256 repositories are not supported)" : ""));
  return *id;
}

std::optional<git_oid> tree_or_throw(const git::Repository& repo, const git_oid& id) {
  auto tree = repo.tree_of(id);
  if (!tree) throw std::runtime_error("object " + git::to_hex(id) + " is missing or has no tree");
  return tree;
}

// The protected branch's tip as it will be after this push (same-push updates count).
std::optional<git_oid> trusted_tip_after_push(const Context& ctx) {
  if (!ctx.trusted_ref) return std::nullopt;
  for (const RefUpdate& u : ctx.updates)
    if (u.ref == *ctx.trusted_ref) return git::is_zero_id(u.new_id) ? std::nullopt : oid_of(u.new_id);
  return ctx.repo.resolve_commit(*ctx.trusted_ref);
}

struct Trees {
  std::optional<git_oid> from, applied;
};

Trees trees_for(const Context& ctx, const RefUpdate& update, const git_oid& new_id, bool is_protected) {
  if (is_protected && !git::is_zero_id(update.old_id)) {
    auto old_tree = tree_or_throw(ctx.repo, require_object(update.old_id));
    return {old_tree, old_tree};
  }
  std::optional<git_oid> base = is_protected && ctx.trusted_ref ? ctx.repo.resolve_commit(*ctx.trusted_ref)
                                                                : trusted_tip_after_push(ctx);
  if (!base) {
    if (git::is_zero_id(update.old_id)) return {};
    return {tree_or_throw(ctx.repo, require_object(update.old_id)), std::nullopt};
  }
  auto base_tree = tree_or_throw(ctx.repo, *base);
  auto merge_base = ctx.repo.merge_base(new_id, *base);
  return {merge_base ? tree_or_throw(ctx.repo, *merge_base) : base_tree, base_tree};
}

// The configuration a protected branch carries is what the next push is judged with: a broken one
// would refuse every later push, so it is refused now.
void check_pushed_configuration(const Context& ctx, const RefUpdate& update, const git_oid& new_tree, Verdict& verdict) {
  try {
    (void)load_trusted_projects(ctx.repo, new_tree, new_tree, ctx.options);
  } catch (const ConfigError& e) {
    verdict.diagnostics.push_back({"invalid-configuration", Severity::error, update.ref, 0, 0,
                                   std::string("the pushed configuration is invalid, and every later push would be "
                                               "judged with it: ") + e.what(),
                                   "fix .flyguard.toml / flyway.conf in this push", ""});
    verdict.refused = true;
  }
}

void judge_update(const Context& ctx, const RefUpdate& update, bool label_refs, Verdict& verdict) {
  if (update.ref.rfind("refs/heads/", 0) != 0) return;  // tags and other refs are not deployed
  std::string branch = update.ref.substr(11);
  bool is_protected = matches_any(branch, ctx.protected_patterns);
  if (git::is_zero_id(update.new_id)) {
    if (!is_protected) return;
    verdict.diagnostics.push_back({"protected-branch-deleted", Severity::error, update.ref, 0, 0,
                                   "deleting the protected branch '" + branch +
                                       "' would remove every applied migration from the deploy branch",
                                   "", ""});
    verdict.refused = true;
    return;
  }
  git_oid new_id = require_object(update.new_id);
  auto new_tree = tree_or_throw(ctx.repo, new_id);
  if (is_protected) check_pushed_configuration(ctx, update, *new_tree, verdict);
  Trees trees = trees_for(ctx, update, new_id, is_protected);
  auto input = tree_gate_input(ctx.repo, ctx.trusted, trees.applied, trees.from, new_tree, true);
  if (!input) return;  // nothing in the migration locations changed: nothing to judge
  input->enforce = is_protected || ctx.server.gate == GateScope::all_branches;
  input->applied_label = ctx.trusted_ref ? ctx.trusted_ref->substr(11) : "the protected branch";
  GateResult result = run_gate(*input);
  verdict.add(std::move(result.diagnostics), label_refs ? branch : "");
  verdict.count(result);
}

std::optional<ServerConfig> load_server_config(const std::string& path) {
  if (path.empty()) return ServerConfig{};
  std::optional<std::string> text = util::read_file(path);
  if (!text) throw ConfigError("cannot read the server configuration " + path);
  std::vector<ConfigProblem> problems;
  auto config = parse_server_config(*text, path, problems);
  if (!config) throw ConfigError(format_problems(problems));
  return config;
}

std::string now_utc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buffer;
}

// Returns true when an allowed pusher overrode the refusal; prints why in every case.
bool apply_override(const Context& ctx, const Verdict& verdict, const flyway::Environment& env) {
  auto reason = push_option(env, "flyguard.override");
  if (!reason) return false;
  if (!verdict.refused) {
    std::cout << "flyguard: override not needed: nothing to override\n";
    return false;
  }
  if (reason->empty()) {
    std::cout << "flyguard: override refused: flyguard.override needs a reason (git push -o flyguard.override=\"INC-123 …\")\n";
    return false;
  }
  std::string who = pusher_identity(env, ctx.server.identity_env);
  bool allowed = !who.empty() && std::find(ctx.server.override_users.begin(), ctx.server.override_users.end(), who) !=
                                     ctx.server.override_users.end();
  if (!allowed) {
    std::cout << "flyguard: override refused: overrides are not allowed for " << (who.empty() ? "an unidentified pusher" : who)
              << " (the server's [override] allowed_users decides)\n";
    return false;
  }
  std::string refs, findings;
  for (const RefUpdate& u : ctx.updates) refs += (refs.empty() ? "" : ",") + u.ref;
  for (const Diagnostic& d : verdict.diagnostics)
    if (d.severity == Severity::error) findings += (findings.empty() ? "" : ",") + d.rule + ":" + d.file;
  std::string line = "AUDIT " + now_utc() + " user=" + who + " reason=\"" + *reason + "\" refs=" + refs +
                     " overrode=" + findings;
  if (ctx.server.audit_log) {
    std::ofstream log(*ctx.server.audit_log, std::ios::app);
    if (!(log << line << '\n'))
      throw std::runtime_error("cannot append to the audit log " + *ctx.server.audit_log + ", so the override is not honoured");
  }
  std::cout << "flyguard: " << line << '\n';
  return true;
}

int run_pre_receive(const PreReceiveArgs& args) {
  flyway::Environment env = flyway::current_environment();
  git::Library library;
  try {
    std::string config_path = !args.config.empty() ? args.config : (env.count("FLYGUARD_CONFIG") ? env["FLYGUARD_CONFIG"] : "");
    ServerConfig server = *load_server_config(config_path);
    std::vector<RefUpdate> updates = read_ref_updates(std::cin);
    git::Repository repo = git::Repository::open_for_receive(env);
    std::vector<std::string> patterns = server.protected_branches.value_or(std::vector<std::string>{"main", "master"});
    std::optional<std::string> trusted_ref = protected_ref(repo, patterns, false);
    // No main or master: the repository's default branch (what HEAD names) holds its configuration,
    // which may protect it (protected_branches = ["trunk"]).
    if (!trusted_ref && !server.protected_branches)
      if (auto branch = repo.symbolic_branch("HEAD")) trusted_ref = "refs/heads/" + *branch;
    std::optional<git_oid> trusted_tree = trusted_ref ? repo.tree_of(*repo.resolve_commit(*trusted_ref)) : std::nullopt;
    std::optional<git_oid> layout;
    for (const RefUpdate& u : updates)
      if (!layout && !git::is_zero_id(u.new_id)) layout = repo.tree_of(require_object(u.new_id));
    ProjectOptions options;
    options.environment = env;
    Context ctx{repo,     server, load_trusted_projects(repo, trusted_tree, layout, options), patterns, trusted_ref,
                updates, options};
    if (!server.protected_branches) ctx.protected_patterns = ctx.trusted.config.protected_branches;
    Verdict verdict;
    verdict.diagnostics = ctx.trusted.notes;
    std::size_t gated = 0;
    for (const RefUpdate& u : updates) gated += u.ref.rfind("refs/heads/", 0) == 0;
    for (const RefUpdate& u : updates) judge_update(ctx, u, gated > 1, verdict);
    if (apply_override(ctx, verdict, env)) verdict.refused = false;
    return print_verdict(verdict, args.output,
                         verdict.refused ? "flyguard: push refused: an applied migration must never change; see above" : "");
  } catch (const std::exception& e) {
    std::cout << "flyguard: push refused: " << e.what()
              << "\nflyguard: the check could not run, so the push is refused (fail closed); "
                 "ask the repository administrators if this persists\n";
    return kUsageOrInternal;
  }
}

}  // namespace

std::function<int()> add_pre_receive_command(CLI::App& app) {
  auto args = std::make_shared<PreReceiveArgs>();
  CLI::App* cmd = app.add_subcommand("pre-receive", "Server hook: refuse pushes that break applied migrations.");
  cmd->footer(
      "Reads '<old> <new> <ref>' lines on standard input, as git's pre-receive hook does. Updates of a\n"
      "protected branch (default main, master; protected_branches in the server or repository config)\n"
      "are gated; other branches are judged against it and only warned about unless gate = \"all\".\n"
      "Repository configuration is read from the protected branch before the push. Server policy:\n"
      "--config FILE or FLYGUARD_CONFIG ([override] allowed_users, audit_log, identity_env; gate;\n"
      "protected_branches). Override: git push -o flyguard.override=\"<reason>\" by an allowed user.");
  cmd->add_option("--config", args->config, "Server configuration file (default: $FLYGUARD_CONFIG)");
  add_output_options(cmd, args->output, false);
  return [args] { return run_pre_receive(*args); };
}

}  // namespace flyguard::cli
