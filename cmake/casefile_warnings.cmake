# Our own targets build with strict warnings as errors; third-party headers are
# included as SYSTEM so their warnings do not stop the build.
function(casefile_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 -Werror)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND (CASEFILE_SANITIZE OR CASEFILE_FUZZ))
    # GCC 12 with -fsanitize reports -Wmaybe-uninitialized inside libstdc++'s
    # own <regex> and <functional> once they are inlined into our code (a
    # known false positive: the sanitizer's instrumentation hides the
    # initialisation from the analysis). The normal build keeps the warning;
    # clang (the fuzz build) has no such option and no such false positive.
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 at -O3 (the Release build) reports a false -Wrestrict overlap
    # inside libstdc++'s char_traits for `"literal" + std::string` (GCC bug
    # 105329, fixed in 13): 14 of our files stopped the build over it.
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()
