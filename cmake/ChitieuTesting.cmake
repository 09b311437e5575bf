# chitieu_add_cpp_test(path/test_<concept>.cpp): one Boost.Test executable per test file,
# linked to chitieu::chitieu (and seeing the private headers of src/), registered with CTest as cpp.<concept>.
function(chitieu_add_cpp_test source)
  get_filename_component(name "${source}" NAME_WE)
  string(REGEX REPLACE "^test_" "" concept "${name}")
  add_executable(${name} "${source}")
  target_link_libraries(${name} PRIVATE chitieu::chitieu Boost::unit_test_framework)
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/src")  # tests of src/detail/
  target_compile_definitions(${name} PRIVATE BOOST_TEST_DYN_LINK
                             CHITIEU_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  chitieu_set_warnings(${name})
  add_test(NAME cpp.${concept} COMMAND ${name})
endfunction()
