// flyguard install: writes the git hooks that call flyguard.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "util/file.h"
#include "cli/commands.h"
#include "git/repository.h"

namespace flyguard::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kMarker = "installed by flyguard install";

struct InstallArgs {
  std::string server;
  bool force = false;
};

std::string self_path() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? "flyguard" : exe.string();
}

std::string hook_script(const std::string& hook) {
  return "#!/bin/sh\n# flyguard " + hook + " hook, " + kMarker + "\nexec '" + self_path() + "' " + hook + " \"$@\"\n";
}

// Never clobbers someone else's hook unless asked to.
bool write_hook(const fs::path& dir, const std::string& hook, bool force) {
  fs::path file = dir / hook;
  std::error_code ec;
  if (fs::exists(file, ec)) {
    std::string existing = util::read_file(file).value_or("");
    if (existing.find(kMarker) == std::string::npos && !force) {
      std::cerr << "flyguard: " << file.string() << " already exists and is not flyguard's; use --force to replace it,"
                << " or add 'flyguard " << hook << "' to it\n";
      return false;
    }
  }
  fs::create_directories(dir, ec);
  std::ofstream(file, std::ios::trunc) << hook_script(hook);
  if (::chmod(file.c_str(), 0755) != 0) {
    std::cerr << "flyguard: cannot make " << file.string() << " executable (git would skip it silently)\n";
    return false;
  }
  std::cout << "installed " << file.string() << '\n';
  return true;
}

int install_server(const InstallArgs& args) {
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, args.server.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    const git_error* error = git_error_last();
    std::cerr << "flyguard: cannot open " << args.server << " as a git repository"
              << (error && error->message ? std::string(": ") + error->message : std::string()) << '\n';
    return kUsageOrInternal;
  }
  git::RepositoryHandle repo(raw);
  if (!write_hook(fs::path(git_repository_path(raw)) / "hooks", "pre-receive", args.force)) return kUsageOrInternal;
  git_config* config_raw = nullptr;
  git::check(git_repository_config(&config_raw, raw), "cannot open the repository configuration");
  git::ConfigHandle config(config_raw);
  // Push options carry the audited override; git refuses them unless the server advertises them.
  git::check(git_config_set_bool(config.get(), "receive.advertisePushOptions", 1), "cannot enable push options");
  std::cout << "enabled receive.advertisePushOptions\n";
  return kClean;
}

int install_local(const InstallArgs& args) {
  fs::path cwd = fs::current_path();
  git::Repository repo = git::Repository::open_local(cwd, {});
  fs::path hooks = fs::path(git_repository_commondir(repo.get())) / "hooks";
  if (auto configured = repo.config_string("core.hooksPath")) {
    fs::path p(*configured);
    hooks = p.is_absolute() ? p : repo.workdir().value_or(cwd) / p;
  }
  bool ok = write_hook(hooks, "pre-commit", args.force);
  ok = write_hook(hooks, "pre-push", args.force) && ok;
  return ok ? kClean : kUsageOrInternal;
}

}  // namespace

std::function<int()> add_install_command(CLI::App& app) {
  auto args = std::make_shared<InstallArgs>();
  CLI::App* cmd = app.add_subcommand("install", "Install flyguard's git hooks.");
  cmd->footer("In a clone: writes pre-commit and pre-push hooks (respecting core.hooksPath). With --server BARE_REPO:\n"
              "writes hooks/pre-receive, makes it executable and enables receive.advertisePushOptions.\n"
              "An existing hook that is not flyguard's is kept unless --force is given.");
  cmd->add_option("--server", args->server, "Bare repository to install the pre-receive hook into");
  cmd->add_flag("--force", args->force, "Replace existing hooks that are not flyguard's");
  return [args] {
    git::Library library;
    try {
      return args->server.empty() ? install_local(*args) : install_server(*args);
    } catch (const std::exception& e) {
      std::cerr << "flyguard: " << e.what() << '\n';
      return static_cast<int>(kUsageOrInternal);
    }
  };
}

}  // namespace flyguard::cli
