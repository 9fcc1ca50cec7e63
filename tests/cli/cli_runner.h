#pragma once
// Runs the built flyguard binary as a user would and captures what it prints.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace flyguard::test {

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

struct RunOptions {
  std::filesystem::path cwd;
  std::map<std::string, std::string> env;  // added to (or, with empty value, removed from) the environment
  std::string stdin_text;
};

RunResult run_flyguard(const std::vector<std::string>& args, const RunOptions& options = {});
// Runs any program (looked up in PATH when `program` has no '/') the same way.
RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const RunOptions& options = {});

// A temporary directory removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `content` to path()/relative, creating directories.
  std::filesystem::path write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

}  // namespace flyguard::test
