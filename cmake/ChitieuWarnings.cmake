# chitieu_set_warnings(target): strict warnings on chitieu's own targets, errors under CHITIEU_WERROR,
# and the sanitizers named in CHITIEU_SANITIZE.
function(chitieu_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Wshadow)
    if(CHITIEU_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
  if(CHITIEU_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${CHITIEU_SANITIZE} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${CHITIEU_SANITIZE})
  endif()
endfunction()
