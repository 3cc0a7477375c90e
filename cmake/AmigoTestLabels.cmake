# gtest_discover_tests flattens a list given as LABELS into separate
# arguments of set_tests_properties, so through it a test gets one label at
# most. This gives every test that a gtest_discover_tests call listed in the
# variable `test_list` (its TEST_LIST option) all of the labels that follow,
# once CTest has read the discovered tests.
#
#   gtest_discover_tests(my_tests TEST_FILTER "Threads*" TEST_LIST my_threaded_tests)
#   amigo_label_discovered_tests(my_threaded_tests unit concurrency)
function(amigo_label_discovered_tests test_list)
  set(script "${CMAKE_CURRENT_BINARY_DIR}/${test_list}_labels.cmake")
  file(WRITE "${script}"
       "if(${test_list})\n"
       "  set_tests_properties(\${${test_list}} PROPERTIES LABELS \"${ARGN}\")\n"
       "endif()\n")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${script}")
endfunction()
