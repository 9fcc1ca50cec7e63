// Portable builds only (cmake/Portable.cmake): definitions that keep the binary's needs within what
// older distributions provide.
#include <sys/random.h>

#include <cstddef>
#include <cstdint>

// arc4random. The static libstdc++ (std::random_device, which flyguard does not use but libstdc++'s own
// string instantiations pull in) calls glibc's arc4random, new in glibc 2.36; Amazon Linux 2023 has
// 2.34. The executable's definition wins over the shared library's, so the binary asks for no newer
// glibc. Same contract: uniformly random bits from the kernel.
extern "C" std::uint32_t arc4random() {
  std::uint32_t value = 0;
  auto* bytes = reinterpret_cast<unsigned char*>(&value);
  std::size_t filled = 0;
  while (filled < sizeof value) {
    ssize_t got = getrandom(bytes + filled, sizeof value - filled, 0);
    if (got > 0) filled += static_cast<std::size_t>(got);
  }
  return value;
}
