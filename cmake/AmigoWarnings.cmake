# Warnings are errors in our own targets, on GCC and Clang alike. Third-party
# headers come in as SYSTEM includes, so their warnings stay theirs.
option(AMIGO_WARNINGS_AS_ERRORS "Treat compiler warnings as errors in amigo targets" ON)

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
