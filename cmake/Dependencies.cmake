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

# libpg_query ships neither a CMake config nor a pkg-config file on Debian.
find_path(PG_QUERY_INCLUDE_DIR pg_query.h)
find_library(PG_QUERY_LIBRARY NAMES pg_query)
if(NOT PG_QUERY_INCLUDE_DIR OR NOT PG_QUERY_LIBRARY)
  message(FATAL_ERROR "libpg_query not found: install the Debian package 'libpg-query-dev'")
endif()
add_library(flyguard::pg_query UNKNOWN IMPORTED)
set_target_properties(flyguard::pg_query PROPERTIES
  IMPORTED_LOCATION ${PG_QUERY_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${PG_QUERY_INCLUDE_DIR})

add_library(flyguard::simdjson INTERFACE IMPORTED)
if(TARGET simdjson::simdjson)
  target_link_libraries(flyguard::simdjson INTERFACE simdjson::simdjson)
else()
  target_link_libraries(flyguard::simdjson INTERFACE simdjson)
endif()
