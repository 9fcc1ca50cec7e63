// flyguard reads local repositories and never opens a network connection, but Debian's libgit2 is built
// with mbedTLS, whose global initialisation (git_libgit2_init) parses every certificate of the system CA
// bundle: about 55 M instructions, a third of a one-migration pre-receive hook (docs/performance.md).
// Defining the loader in the executable interposes it (ELF symbol resolution prefers the executable), so
// libgit2 gets an empty, valid CA chain. HTTPS through libgit2 would then fail certificate checks, which
// is safe, and flyguard has no code that fetches. With a libgit2 built on OpenSSL this is never called.
// Linked into the flyguard executable only (not flyguard_core): tests that link the core keep libgit2's
// own behaviour, and a CLI test checks that the executable really carries the interposer.
extern "C" {
// Same signature as mbedtls/x509_crt.h (not included: its headers are not a build dependency).
int mbedtls_x509_crt_parse_file(void* chain, const char* path);

int mbedtls_x509_crt_parse_file(void* /*chain*/, const char* /*path*/) { return 0; }
}
