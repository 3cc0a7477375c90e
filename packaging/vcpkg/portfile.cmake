# vcpkg port of amigo-cpp: the library alone, without tests, emulator, tools
# or examples.
#
# The sources are not published yet. Set these three as packaging/README.md
# explains before adding the port to a registry or an overlay.
set(AMIGO_CPP_REPO "")  # GitHub owner/name
set(AMIGO_CPP_REF "v${VERSION}")  # the release tag
set(AMIGO_CPP_SHA512 0)  # SHA-512 of the tag's archive; vcpkg prints it when this is 0
if(AMIGO_CPP_REPO STREQUAL "")
  message(FATAL_ERROR "amigo-cpp: set AMIGO_CPP_REPO in ${CMAKE_CURRENT_LIST_FILE} to the "
                      "GitHub owner/name the sources are published under (see packaging/README.md)")
endif()

vcpkg_from_github(
  OUT_SOURCE_PATH SOURCE_PATH
  REPO "${AMIGO_CPP_REPO}"
  REF "${AMIGO_CPP_REF}"
  SHA512 "${AMIGO_CPP_SHA512}"
  HEAD_REF main)

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    -DAMIGO_BUILD_TESTS=OFF
    -DAMIGO_BUILD_EXAMPLES=OFF
    -DAMIGO_BUILD_EMULATOR=OFF
    -DAMIGO_BUILD_TOOLS=OFF
    -DAMIGO_BUILD_BENCHMARKS=OFF
    -DAMIGO_BUILD_FUZZERS=OFF
    -DAMIGO_INSTALL=ON
    -DAMIGO_WARNINGS_AS_ERRORS=OFF)

vcpkg_cmake_install()
vcpkg_cmake_config_fixup(PACKAGE_NAME amigo CONFIG_PATH lib/cmake/amigo)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug/include" "${CURRENT_PACKAGES_DIR}/debug/share")
# The licence is installed as share/amigo-cpp/copyright; the docs directory
# would only hold a second copy of it.
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/share/doc" "${CURRENT_PACKAGES_DIR}/debug/share/doc")

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
