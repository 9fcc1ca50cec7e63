# Every dependency comes from a Debian package; a missing one stops configure and names the package.
find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
  message(FATAL_ERROR "pkg-config not found: install the Debian package 'pkg-config'")
endif()

macro(flyguard_require_package name debian_package)
  find_package(${name} ${ARGN} QUIET)
  if(NOT ${name}_FOUND)
    message(FATAL_ERROR "${name} not found: install the Debian package '${debian_package}'")
  endif()
endmacro()

find_package(Threads REQUIRED)
flyguard_require_package(ZLIB zlib1g-dev)
flyguard_require_package(PostgreSQL libpq-dev)
flyguard_require_package(tomlplusplus libtomlplusplus-dev)
flyguard_require_package(nlohmann_json nlohmann-json3-dev)
flyguard_require_package(CLI11 libcli11-dev)
flyguard_require_package(fmt libfmt-dev)
flyguard_require_package(spdlog libspdlog-dev)
flyguard_require_package(simdjson libsimdjson-dev)

pkg_check_modules(LIBGIT2 QUIET IMPORTED_TARGET libgit2)
if(NOT LIBGIT2_FOUND)
  message(FATAL_ERROR "libgit2 not found: install the Debian package 'libgit2-dev'")
endif()

function(flyguard_static_archive variable name package)
  find_library(${variable} NAMES lib${name}.a)
  if(NOT ${variable})
    message(FATAL_ERROR "lib${name}.a not found: install the Debian package '${package}'")
  endif()
endfunction()

# libgit2 is linked from Debian's static archive. Its shared library brings mbedTLS, libssh2, OpenSSL's
# libcrypto, Kerberos and more, for the network transports flyguard never uses: loading and relocating
# them cost every process about 5 ms, a seventh of a one-migration pre-receive (docs/performance.md). The
# price: a libgit2 security update reaches flyguard when it is rebuilt (./install.sh), not through apt.
# src/git/libgit2_link.cpp satisfies the archive's references to GSS-API and keeps mbedTLS from reading
# the system CA bundle (the --wrap below); every executable that links libgit2 compiles it in.
flyguard_static_archive(FLYGUARD_A_GIT2 git2 libgit2-dev)
flyguard_static_archive(FLYGUARD_A_MBEDTLS mbedtls libmbedtls-dev)
flyguard_static_archive(FLYGUARD_A_MBEDX509 mbedx509 libmbedtls-dev)
flyguard_static_archive(FLYGUARD_A_MBEDCRYPTO mbedcrypto libmbedtls-dev)
flyguard_static_archive(FLYGUARD_A_HTTP_PARSER http_parser libhttp-parser-dev)
flyguard_static_archive(FLYGUARD_A_SSH2 ssh2 libssh2-1-dev)
flyguard_static_archive(FLYGUARD_A_PCRE2 pcre2-8 libpcre2-dev)
flyguard_static_archive(FLYGUARD_A_CRYPTO crypto libssl-dev)
if(FLYGUARD_PORTABLE)
  flyguard_static_archive(FLYGUARD_A_ZLIB z zlib1g-dev)
  set(FLYGUARD_ZLIB ${FLYGUARD_A_ZLIB})
else()
  set(FLYGUARD_ZLIB ZLIB::ZLIB)
endif()
add_library(flyguard::libgit2 INTERFACE IMPORTED)
target_include_directories(flyguard::libgit2 INTERFACE ${LIBGIT2_INCLUDE_DIRS})
target_sources(flyguard::libgit2 INTERFACE ${CMAKE_CURRENT_LIST_DIR}/../src/git/libgit2_link.cpp)
target_link_options(flyguard::libgit2 INTERFACE -Wl,--wrap=mbedtls_x509_crt_parse_file)
target_link_libraries(flyguard::libgit2 INTERFACE
  ${FLYGUARD_A_GIT2} ${FLYGUARD_A_MBEDTLS} ${FLYGUARD_A_MBEDX509} ${FLYGUARD_A_MBEDCRYPTO}
  ${FLYGUARD_A_HTTP_PARSER} ${FLYGUARD_A_SSH2} ${FLYGUARD_A_PCRE2} ${FLYGUARD_A_CRYPTO} ${FLYGUARD_ZLIB}
  ${CMAKE_DL_LIBS} Threads::Threads rt)

# libpg_query, from Debian's static archive (it ships neither a CMake config nor a pkg-config file).
# flyguard::pg_query_archive is the library as shipped (bench/bare_parse.cpp links it alone);
# flyguard::pg_query adds a faster appendStringInfo for its JSON output (src/sql/pg_string_output.cpp),
# wrapped in at link time: the same bytes, a tenth of the parse time.
find_path(PG_QUERY_INCLUDE_DIR pg_query.h)
if(NOT PG_QUERY_INCLUDE_DIR)
  message(FATAL_ERROR "pg_query.h not found: install the Debian package 'libpg-query-dev'")
endif()
flyguard_static_archive(FLYGUARD_A_PG_QUERY pg_query libpg-query-dev)
add_library(flyguard::pg_query_archive INTERFACE IMPORTED)
target_include_directories(flyguard::pg_query_archive INTERFACE ${PG_QUERY_INCLUDE_DIR})
target_link_libraries(flyguard::pg_query_archive INTERFACE ${FLYGUARD_A_PG_QUERY})
add_library(flyguard::pg_query INTERFACE IMPORTED)
target_sources(flyguard::pg_query INTERFACE ${CMAKE_CURRENT_LIST_DIR}/../src/sql/pg_string_output.cpp)
target_include_directories(flyguard::pg_query INTERFACE ${CMAKE_CURRENT_LIST_DIR}/../src)
target_link_options(flyguard::pg_query INTERFACE -Wl,--wrap=appendStringInfo)
target_link_libraries(flyguard::pg_query INTERFACE flyguard::pg_query_archive)

# toml++ compiled in (header-only): three sources use it, and its shared library is one more to load.
add_library(flyguard::toml_header_only INTERFACE IMPORTED)
target_include_directories(flyguard::toml_header_only INTERFACE
  $<TARGET_PROPERTY:tomlplusplus::tomlplusplus,INTERFACE_INCLUDE_DIRECTORIES>)
target_compile_definitions(flyguard::toml_header_only INTERFACE TOML_HEADER_ONLY=1)

add_library(flyguard::simdjson INTERFACE IMPORTED)
if(TARGET simdjson::simdjson)
  target_link_libraries(flyguard::simdjson INTERFACE simdjson::simdjson)
else()
  target_link_libraries(flyguard::simdjson INTERFACE simdjson)
endif()
