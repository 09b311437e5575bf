# chitieu_unity_build(target batch): compiles the target's sources `batch` files at a time (a
# unity build) when CHITIEU_UNITY_BUILD is ON. The heavy headers the files share (toml++,
# Boost.Math, Eigen, pybind11) are then parsed once per batch instead of once per file: on two
# cores the engine builds in about half the time, and so does the Python module (docs/development.md).
# A name defined in two files' anonymous namespaces collides in a batch: give each its own name.
function(chitieu_unity_build target batch)
  if(CHITIEU_UNITY_BUILD)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${batch})
  endif()
endfunction()
