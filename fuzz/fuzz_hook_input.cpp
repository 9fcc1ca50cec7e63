// What git writes to a hook's standard input: pre-receive ref lines and pre-push lines. Malformed
// input must be refused with an exception (the hook then fails closed), never crash.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/hook_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    std::istringstream in(text);
    (void)flyguard::cli::read_ref_updates(in);
  } catch (const std::runtime_error&) {
  }
  try {
    std::istringstream in(text);
    (void)flyguard::cli::read_push_updates(in);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
