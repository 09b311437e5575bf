# cmake -DSOURCE=<chitieu> -DBUILD=<dir> -DPREFIX=<dir> -DGENERATOR=<gen> -P stage.cmake
# Builds chitieu as a shared library (nothing else) and installs it into PREFIX; then checks
# that the library carries VERSION and SOVERSION and exports the public API only (no
# chitieu::detail symbol in its dynamic symbol table). No build type (no optimisation): this tests
# the packaging, not the code, and compiles in half the time of Release.
foreach(step IN ITEMS configure build install)
  if(step STREQUAL "configure")
    set(cmd ${CMAKE_COMMAND} -S "${SOURCE}" -B "${BUILD}" -G "${GENERATOR}" -DCMAKE_BUILD_TYPE=
        -DCHITIEU_BUILD_SHARED=ON -DCHITIEU_BUILD_TESTS=OFF -DCHITIEU_BUILD_PYTHON=OFF
        -DCHITIEU_BUILD_DOCS=OFF)
  elseif(step STREQUAL "build")
    set(cmd ${CMAKE_COMMAND} --build "${BUILD}" --target chitieu)
  else()
    set(cmd ${CMAKE_COMMAND} --install "${BUILD}" --prefix "${PREFIX}")
  endif()
  execute_process(COMMAND ${cmd} RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "shared chitieu: ${step} failed")
  endif()
endforeach()
file(GLOB_RECURSE libraries "${PREFIX}/lib*/libchitieu.so.*.*.*")
list(LENGTH libraries found)
if(NOT found EQUAL 1)
  message(FATAL_ERROR "expected one libchitieu.so.MAJOR.MINOR.PATCH under ${PREFIX}, found: ${libraries}")
endif()
file(GLOB_RECURSE sonames "${PREFIX}/lib*/libchitieu.so.*")
message(STATUS "installed: ${sonames}")
execute_process(COMMAND nm -DC --defined-only "${libraries}" OUTPUT_VARIABLE symbols RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "nm failed on ${libraries}")
endif()
if(symbols MATCHES "chitieu::detail::")
  message(FATAL_ERROR "libchitieu exports internals (chitieu::detail symbols)")
endif()
if(NOT symbols MATCHES "chitieu::evaluate\\(")
  message(FATAL_ERROR "libchitieu does not export chitieu::evaluate")
endif()
message(STATUS "libchitieu exports the public API only")
