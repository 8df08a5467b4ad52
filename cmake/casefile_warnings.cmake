# Our own targets build with strict warnings as errors; third-party headers are
# included as SYSTEM so their warnings do not stop the build.
function(casefile_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Werror)
endfunction()
