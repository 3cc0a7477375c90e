# Install rules and the package files consumers find amigo-cpp through:
#
#   lib/cmake/amigo/amigoConfig.cmake          find_package(amigo CONFIG)
#   lib/cmake/amigo/amigoConfigVersion.cmake   same major version is compatible
#   lib/cmake/amigo/amigoTargets.cmake         amigo::amigo
#   lib/cmake/amigo/amigoTestingTargets.cmake  amigo::testing, the COMPONENT testing
#   lib/pkgconfig/amigo.pc                     pkg-config --cflags --libs amigo
#
# Install components: amigo_runtime (the shared library), amigo_development
# (headers, static library, package files) and amigo_testing (the embeddable
# emulator and the amigo-emulator executable).
include(CMakePackageConfigHelpers)

set(AMIGO_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/amigo"
    CACHE STRING "Where the CMake package files of amigo are installed, relative to the prefix")
mark_as_advanced(AMIGO_INSTALL_CMAKEDIR)

# The library and its headers.
install(
  TARGETS amigo
  EXPORT amigoTargets
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT amigo_runtime
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT amigo_runtime
          NAMELINK_COMPONENT amigo_development
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT amigo_development)
install(
  DIRECTORY "${PROJECT_SOURCE_DIR}/include/amigo"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  COMPONENT amigo_development
  FILES_MATCHING PATTERN "*.hpp")
install(FILES "${PROJECT_BINARY_DIR}/generated/include/amigo/version.hpp"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/amigo" COMPONENT amigo_development)
install(
  EXPORT amigoTargets
  NAMESPACE amigo::
  DESTINATION "${AMIGO_INSTALL_CMAKEDIR}"
  COMPONENT amigo_development)

# The embeddable emulator: its own export set, so that a consumer who does not
# ask for the component needs neither cpp-httplib nor OpenSSL. The static
# amigo::testing links the emulator's core, which therefore ships with it.
if(TARGET amigo_testing)
  set_target_properties(amigo_testing PROPERTIES EXPORT_NAME testing)
  set_target_properties(amigo_emulator_core PROPERTIES EXPORT_NAME emulator_core)
  install(
    TARGETS amigo_testing amigo_emulator_core
    EXPORT amigoTestingTargets
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT amigo_testing
    LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT amigo_testing
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT amigo_testing)
  install(
    DIRECTORY "${PROJECT_SOURCE_DIR}/emulator/include/amigo/testing"
    DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/amigo"
    COMPONENT amigo_testing
    FILES_MATCHING PATTERN "*.hpp")
  install(
    EXPORT amigoTestingTargets
    NAMESPACE amigo::
    DESTINATION "${AMIGO_INSTALL_CMAKEDIR}"
    COMPONENT amigo_testing)
endif()
if(TARGET amigo-emulator)
  install(TARGETS amigo-emulator RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
                                         COMPONENT amigo_testing)
endif()

# The installed amigo-users finds a shared libamigo wherever the prefix is.
# (amigo-emulator does not link it.)
if(BUILD_SHARED_LIBS AND CMAKE_SYSTEM_NAME STREQUAL "Linux" AND TARGET amigo-users)
  file(RELATIVE_PATH amigo_bin_to_lib "/prefix/${CMAKE_INSTALL_BINDIR}"
       "/prefix/${CMAKE_INSTALL_LIBDIR}")
  set_target_properties(amigo-users PROPERTIES INSTALL_RPATH "$ORIGIN/${amigo_bin_to_lib}")
endif()

# The config finds exactly the packages the exported targets link: a target
# Pkg::name comes from find_package(Pkg), PkgConfig::X from pkg-config. A
# static library exports its private dependencies too, as $<LINK_ONLY:...>;
# a shared one only its public ones.
function(amigo_linked_packages packages_out pkg_config_out)
  set(packages "")
  set(pkg_config "")
  foreach(target IN LISTS ARGN)
    get_target_property(type ${target} TYPE)
    get_target_property(linked ${target} INTERFACE_LINK_LIBRARIES)
    if(type STREQUAL "STATIC_LIBRARY")
      get_target_property(private ${target} LINK_LIBRARIES)
      list(APPEND linked ${private})
    endif()
    foreach(library IN LISTS linked)
      if(library MATCHES "PkgConfig::([A-Za-z0-9_]+)>?$")
        list(APPEND pkg_config ${CMAKE_MATCH_1})
      elseif(library MATCHES "([A-Za-z0-9_]+)::[A-Za-z0-9_.+-]+>?$"
             AND NOT CMAKE_MATCH_1 STREQUAL "amigo")
        list(APPEND packages ${CMAKE_MATCH_1})
      endif()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES packages)
  list(REMOVE_DUPLICATES pkg_config)
  set(${packages_out} "${packages}" PARENT_SCOPE)
  set(${pkg_config_out} "${pkg_config}" PARENT_SCOPE)
endfunction()

amigo_linked_packages(AMIGO_PACKAGES amigo_pkg_config amigo)
if(amigo_pkg_config)
  message(FATAL_ERROR "amigo links ${amigo_pkg_config} through pkg-config; "
                      "amigoConfig.cmake.in only finds CMake packages for it")
endif()
set(AMIGO_TESTING_PACKAGES "")
set(AMIGO_TESTING_PKG_CONFIG "")
if(TARGET amigo_testing)
  amigo_linked_packages(AMIGO_TESTING_PACKAGES amigo_testing_pkg_config amigo_testing
                        amigo_emulator_core)
  # Each entry is PREFIX=module: pkg_check_modules(PREFIX IMPORTED_TARGET module)
  # recreates the PkgConfig::PREFIX target under the name the export refers to.
  foreach(prefix IN LISTS amigo_testing_pkg_config)
    if(prefix MATCHES "HTTPLIB$")
      list(APPEND AMIGO_TESTING_PKG_CONFIG "${prefix}=cpp-httplib")
    else()
      message(FATAL_ERROR "amigo::testing links PkgConfig::${prefix}: add its pkg-config "
                          "module name to ${CMAKE_CURRENT_LIST_FILE}")
    endif()
  endforeach()
endif()

# Spaces, not semicolons, in the generated file: it reads better.
foreach(list IN ITEMS AMIGO_PACKAGES AMIGO_TESTING_PACKAGES AMIGO_TESTING_PKG_CONFIG)
  list(JOIN ${list} " " ${list})
endforeach()
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/amigoConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/package/amigoConfig.cmake"
  INSTALL_DESTINATION "${AMIGO_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/package/amigoConfigVersion.cmake"
                                 VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/package/amigoConfig.cmake"
              "${PROJECT_BINARY_DIR}/package/amigoConfigVersion.cmake"
        DESTINATION "${AMIGO_INSTALL_CMAKEDIR}" COMPONENT amigo_development)

# pkg-config. A shared libamigo already links libcurl and fmt, so they are
# needed only by a static link (Requires.private). A static libamigo.a cannot
# be linked without them, and `pkg-config --libs` (without --static) must
# still give a working command line, so there they are public requirements.
# Threads::Threads is -pthread wherever pkg-config is used.
if(BUILD_SHARED_LIBS)
  set(AMIGO_PC_LIBS "-L\${libdir} -l$<TARGET_FILE_BASE_NAME:amigo>")
  set(AMIGO_PC_DEPENDENCIES "Requires.private: libcurl, fmt\nLibs.private: -pthread")
  set(AMIGO_PC_CFLAGS "-I\${includedir} -DAMIGO_SHARED")
else()
  set(AMIGO_PC_LIBS "-L\${libdir} -l$<TARGET_FILE_BASE_NAME:amigo> -pthread")
  set(AMIGO_PC_DEPENDENCIES "Requires: libcurl, fmt")
  set(AMIGO_PC_CFLAGS "-I\${includedir}")
endif()

# The prefix is found from the .pc file's own place, so the package stays
# right wherever `cmake --install --prefix` puts it.
set(amigo_pc_dir "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
  set(AMIGO_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH amigo_pc_up "/prefix/${amigo_pc_dir}" "/prefix")
  string(REGEX REPLACE "/$" "" amigo_pc_up "${amigo_pc_up}")
  set(AMIGO_PC_PREFIX "\${pcfiledir}/${amigo_pc_up}")
endif()
foreach(dir IN ITEMS LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(AMIGO_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(AMIGO_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
configure_file("${CMAKE_CURRENT_LIST_DIR}/amigo.pc.in" "${PROJECT_BINARY_DIR}/package/amigo.pc.in"
               @ONLY)
# The library's file name depends on the configuration (a Debug postfix, say).
file(GENERATE OUTPUT "${PROJECT_BINARY_DIR}/package/amigo-$<CONFIG>.pc"
     INPUT "${PROJECT_BINARY_DIR}/package/amigo.pc.in")
install(FILES "${PROJECT_BINARY_DIR}/package/amigo-$<CONFIG>.pc" RENAME amigo.pc
        DESTINATION "${amigo_pc_dir}" COMPONENT amigo_development)

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
        COMPONENT amigo_development)
