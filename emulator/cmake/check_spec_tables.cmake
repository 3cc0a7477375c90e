# Regenerates the enum tables from the OpenAPI document into a scratch
# directory and fails when they differ from the committed ones.
#   cmake -DPYTHON=python3 -DSPEC=user-api.openapi.json -DSOURCE_DIR=emulator
#         -DSCRATCH=dir -P check_spec_tables.cmake
file(MAKE_DIRECTORY "${SCRATCH}")
execute_process(
  COMMAND "${PYTHON}" "${SOURCE_DIR}/tools/generate_spec_tables.py" "${SPEC}" "${SCRATCH}"
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "generate_spec_tables.py failed")
endif()
foreach(table IN ITEMS language_codes.cpp time_zones.cpp)
  execute_process(
    COMMAND "${CMAKE_COMMAND}" -E compare_files "${SCRATCH}/${table}" "${SOURCE_DIR}/src/${table}"
    RESULT_VARIABLE different)
  if(different)
    message(FATAL_ERROR "emulator/src/${table} is out of date with ${SPEC}; run "
                        "emulator/tools/generate_spec_tables.py (see emulator/README.md)")
  endif()
endforeach()
