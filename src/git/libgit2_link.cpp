// Compiled into every executable that links libgit2's static archive (cmake/Dependencies.cmake).
// flyguard reads local repositories only: it never fetches, pushes or opens a network connection.
#include <cstdint>

extern "C" {

// CA certificates. Debian's libgit2 is built with mbedTLS, whose global initialisation
// (git_libgit2_init) parses every certificate of the system CA bundle: about 55 M instructions, a third
// of a one-migration pre-receive hook (docs/performance.md). The link wraps mbedTLS's loader
// (-Wl,--wrap=mbedtls_x509_crt_parse_file), so libgit2 gets an empty, valid CA chain instead. HTTPS through
// libgit2 would then fail certificate checks, which is safe. Same signature as mbedtls/x509_crt.h (not
// included: its headers are not a build dependency).
int __wrap_mbedtls_x509_crt_parse_file(void* chain, const char* path);  // NOLINT: --wrap's name
int __wrap_mbedtls_x509_crt_parse_file(void* /*chain*/, const char* /*path*/) { return 0; }

// GSS-API. The archive refers to GSS-API for the Negotiate (Kerberos/SPNEGO) authentication of HTTP
// remotes, and Debian ships no static Kerberos. These definitions satisfy the linker; should libgit2 ever
// call one, it gets GSS_S_FAILURE and reports that authentication failed.
using OmUint32 = std::uint32_t;
constexpr OmUint32 kGssFailure = 13U << 16;  // GSS_S_FAILURE: a routine error, "unspecified failure"

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
