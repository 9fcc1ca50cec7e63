# FLYGUARD_PORTABLE: a binary for CI images that are not Debian 12 (CodeBuild's Amazon Linux 2023 and
# Ubuntu, GitHub's Ubuntu). libgit2 with its dependencies and libpg_query are linked from Debian's static
# archives in every build (cmake/Dependencies.cmake); a portable build adds zlib, and compiles in the C++
# library (-static-libstdc++: Debian 12's libstdc++.so needs glibc 2.36, newer than Amazon Linux 2023's
# 2.34; src/git/portable_compat.cpp keeps the static copy from asking for 2.36 too). The unwinder stays
# the system's libgcc_s, whose static copy would ask for 2.35. simdjson has no archive in Debian: its
# shared library is bundled in lib/flyguard next to bin/, found through the binary's RPATH; it needs only
# glibc 2.14 and GLIBCXX_3.4.21, which every current distribution's libstdc++ provides. What the system
# must have: glibc 2.34 or newer and libstdc++ (tests/package/test_portable.sh checks both).

# The executable: not position-independent, with the static C++ library; the bundled simdjson is found
# through the RPATH.
function(flyguard_make_portable target)
  target_sources(${target} PRIVATE ${CMAKE_SOURCE_DIR}/src/git/portable_compat.cpp)
  target_link_options(${target} PRIVATE -no-pie -static-libstdc++)
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
