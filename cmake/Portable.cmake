# FLYGUARD_PORTABLE: a binary for CI images that are not Debian 12 (CodeBuild's Amazon Linux 2023 and
# Ubuntu, GitHub's Ubuntu). libgit2 (with mbedTLS, libssh2, OpenSSL's libcrypto, http-parser, PCRE2),
# libpg_query and zlib are linked from the static archives Debian ships; toml++ is compiled in
# (header-only), and so is the C++ library (-static-libstdc++: Debian 12's libstdc++.so needs glibc
# 2.36, newer than Amazon Linux 2023's 2.34; src/git/portable_compat.cpp keeps the static copy from
# asking for 2.36 too). The unwinder stays the system's libgcc_s, whose static copy would ask for 2.35. simdjson has no archive in Debian: its shared library is
# bundled in lib/flyguard next to bin/, found through the binary's RPATH; it needs only glibc 2.14 and
# GLIBCXX_3.4.21, which every current distribution's libstdc++ provides. What the system must have:
# glibc 2.34 or newer and libstdc++ (tests/package/test_portable.sh checks both).

function(flyguard_static_archive variable name package)
  find_library(${variable} NAMES lib${name}.a)
  if(NOT ${variable})
    message(FATAL_ERROR "lib${name}.a not found: install the Debian package '${package}'")
  endif()
endfunction()

flyguard_static_archive(FLYGUARD_A_GIT2 git2 libgit2-dev)
flyguard_static_archive(FLYGUARD_A_MBEDTLS mbedtls libmbedtls-dev)
flyguard_static_archive(FLYGUARD_A_MBEDX509 mbedx509 libmbedtls-dev)
flyguard_static_archive(FLYGUARD_A_MBEDCRYPTO mbedcrypto libmbedtls-dev)
flyguard_static_archive(FLYGUARD_A_HTTP_PARSER http_parser libhttp-parser-dev)
flyguard_static_archive(FLYGUARD_A_SSH2 ssh2 libssh2-1-dev)
flyguard_static_archive(FLYGUARD_A_PCRE2 pcre2-8 libpcre2-dev)
flyguard_static_archive(FLYGUARD_A_CRYPTO crypto libssl-dev)
flyguard_static_archive(FLYGUARD_A_ZLIB z zlib1g-dev)
flyguard_static_archive(FLYGUARD_A_PG_QUERY pg_query libpg-query-dev)

add_library(flyguard::libgit2_static INTERFACE IMPORTED)
target_include_directories(flyguard::libgit2_static INTERFACE ${LIBGIT2_INCLUDE_DIRS})
target_link_libraries(flyguard::libgit2_static INTERFACE
  ${FLYGUARD_A_GIT2} ${FLYGUARD_A_MBEDTLS} ${FLYGUARD_A_MBEDX509} ${FLYGUARD_A_MBEDCRYPTO}
  ${FLYGUARD_A_HTTP_PARSER} ${FLYGUARD_A_SSH2} ${FLYGUARD_A_PCRE2} ${FLYGUARD_A_CRYPTO} ${FLYGUARD_A_ZLIB}
  ${CMAKE_DL_LIBS} Threads::Threads rt)

add_library(flyguard::pg_query_static INTERFACE IMPORTED)
target_include_directories(flyguard::pg_query_static INTERFACE ${PG_QUERY_INCLUDE_DIR})
target_link_libraries(flyguard::pg_query_static INTERFACE ${FLYGUARD_A_PG_QUERY})

add_library(flyguard::toml_header_only INTERFACE IMPORTED)
target_include_directories(flyguard::toml_header_only INTERFACE
  $<TARGET_PROPERTY:tomlplusplus::tomlplusplus,INTERFACE_INCLUDE_DIRECTORIES>)
target_compile_definitions(flyguard::toml_header_only INTERFACE TOML_HEADER_ONLY=1)

# The executable: Debian's archives are not position-independent; flyguard's own definition of
# mbedtls_x509_crt_parse_file (src/git/no_ca_certificates.cpp) must win over the archive's copy; the
# bundled simdjson is found through the RPATH.
function(flyguard_make_portable target)
  target_sources(${target} PRIVATE ${CMAKE_SOURCE_DIR}/src/git/portable_compat.cpp)
  target_link_options(${target} PRIVATE -no-pie -static-libstdc++ -Wl,--allow-multiple-definition)
  set_target_properties(${target} PROPERTIES
    POSITION_INDEPENDENT_CODE OFF
    INSTALL_RPATH "\$ORIGIN/../lib/flyguard"
    BUILD_WITH_INSTALL_RPATH OFF)
  get_target_property(simdjson_library simdjson::simdjson LOCATION)
  get_target_property(simdjson_soname simdjson::simdjson IMPORTED_SONAME_RELWITHDEBINFO)
  if(NOT simdjson_soname)
    get_filename_component(simdjson_soname ${simdjson_library} NAME)
  endif()
  file(REAL_PATH ${simdjson_library} simdjson_real)
  install(FILES ${simdjson_real} DESTINATION lib/flyguard RENAME ${simdjson_soname})
endfunction()
