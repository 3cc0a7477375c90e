# Warnings are errors in our own targets, on GCC and Clang alike. Third-party
# headers come in as SYSTEM includes, so their warnings stay theirs. Inside
# another project (add_subdirectory, FetchContent) a new compiler's warning
# must not break that project's build, so there they stay warnings.
option(AMIGO_WARNINGS_AS_ERRORS "Treat compiler warnings as errors in amigo targets"
       ${PROJECT_IS_TOP_LEVEL})

function(amigo_target_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4)
    if(AMIGO_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE /WX)
    endif()
    return()
  endif()
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor)
  if(AMIGO_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
