# chitieu_embed_plans(OUTPUT file.cpp PLANS a.toml b.toml ...): writes a C++ source defining
# chitieu::detail::embedded_plan_files(), the plan files' texts keyed by file stem (the plan id).
function(chitieu_embed_plans)
  cmake_parse_arguments(ARG "" "OUTPUT" "PLANS" ${ARGN})
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${ARG_OUTPUT} "-DPLANS=${ARG_PLANS}"
            -P "${PROJECT_SOURCE_DIR}/cmake/embed_plans.cmake"
    DEPENDS ${ARG_PLANS} "${PROJECT_SOURCE_DIR}/cmake/embed_plans.cmake"
    COMMENT "Embedding plan files" VERBATIM)
endfunction()
