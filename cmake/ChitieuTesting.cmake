# The C++ test programs: one Boost.Test executable per test file (tests/cpp/test_<concept>.cpp),
# all sharing one main() (tests/cpp/test_main.cpp) and one precompiled header of Boost.Test and the
# headers most tests include.

# chitieu_test_settings(target): what every test target is built with (the same for each, so that
# one precompiled header serves all): chitieu::chitieu, Boost.Test, the private headers of src/.
function(chitieu_test_settings target)
  target_link_libraries(${target} PRIVATE chitieu::chitieu Boost::unit_test_framework)
  target_include_directories(${target} PRIVATE "${PROJECT_SOURCE_DIR}/src")  # tests of src/detail/
  target_compile_definitions(${target} PRIVATE BOOST_TEST_DYN_LINK
                             CHITIEU_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  chitieu_set_warnings(${target})
endfunction()

# chitieu_add_cpp_tests(MAIN main.cpp SOURCES path/test_<concept>.cpp... HEADERS header...): for each
# source its executable test_<concept>, registered with CTest as cpp.<concept>, linking the object
# library chitieu_test_main (main.cpp, compiled once). The first executable owns the precompiled
# header of HEADERS and the others reuse it (an executable: its -fPIE must match theirs).
function(chitieu_add_cpp_tests)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "MAIN" "SOURCES;HEADERS")
  add_library(chitieu_test_main OBJECT "${arg_MAIN}")
  chitieu_test_settings(chitieu_test_main)
  set(owner "")
  foreach(source IN LISTS arg_SOURCES)
    get_filename_component(name "${source}" NAME_WE)
    string(REGEX REPLACE "^test_" "" concept "${name}")
    add_executable(${name} "${source}")
    chitieu_test_settings(${name})
    target_link_libraries(${name} PRIVATE chitieu_test_main)
    if(owner)
      target_precompile_headers(${name} REUSE_FROM ${owner})
    else()
      target_precompile_headers(${name} PRIVATE ${arg_HEADERS})
      set(owner ${name})
    endif()
    add_test(NAME cpp.${concept} COMMAND ${name})
  endforeach()
endfunction()
