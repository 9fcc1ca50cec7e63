// Portable builds only (cmake/Portable.cmake): definitions that keep the binary's needs within what
// older distributions provide.
//
// GSS-API. Debian's static libgit2 refers to GSS-API for the
// Negotiate (Kerberos/SPNEGO) authentication of HTTP remotes, and Debian ships no static Kerberos.
// flyguard never contacts a remote: it reads local objects only. These definitions satisfy the
// linker; should libgit2 ever call one, it gets GSS_S_FAILURE and reports that authentication failed,
// instead of the binary depending on a Kerberos installation the CI image may not have.
#include <sys/random.h>

#include <cstdint>

namespace {
using OmUint32 = std::uint32_t;
constexpr OmUint32 kGssFailure = 13u << 16;  // GSS_S_FAILURE: a routine error, "unspecified failure"
}  // namespace

extern "C" {
void* GSS_C_NT_HOSTBASED_SERVICE = nullptr;
OmUint32 gss_display_status(OmUint32*, OmUint32, int, void*, OmUint32*, void*) { return kGssFailure; }
OmUint32 gss_release_buffer(OmUint32*, void*) { return kGssFailure; }
OmUint32 gss_delete_sec_context(OmUint32*, void*, void*) { return kGssFailure; }
OmUint32 gss_import_name(OmUint32*, void*, void*, void*) { return kGssFailure; }
OmUint32 gss_release_name(OmUint32*, void*) { return kGssFailure; }
OmUint32 gss_init_sec_context(OmUint32*, void*, void*, void*, void*, OmUint32, OmUint32, void*, void*, void*, void*,
                              OmUint32*, OmUint32*) {
  return kGssFailure;
}
OmUint32 gss_indicate_mechs(OmUint32*, void*) { return kGssFailure; }
OmUint32 gss_release_oid_set(OmUint32*, void*) { return kGssFailure; }
}

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
