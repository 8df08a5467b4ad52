// CPU time of the calling thread: what a computation cost, not how long a
// shared, busy machine made it wait. Tests that guard against quadratic
// work on hostile input measure with this, so other processes (a parallel
// build, the other tests under ctest -j) cannot make them fail.
#pragma once

#include <time.h>

namespace casefile::testing {

inline double thread_cpu_seconds() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// Seconds of this thread's CPU time that `work()` took.
template <typename Work>
double cpu_seconds_of(Work&& work) {
    const double start = thread_cpu_seconds();
    work();
    return thread_cpu_seconds() - start;
}

}  // namespace casefile::testing
