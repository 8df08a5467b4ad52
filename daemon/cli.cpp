#include "daemon/cli.hpp"

#include <cstdio>

namespace casefile::daemon {

int run_cli(int, char**) {
    std::puts("casefile: not yet");
    return 1;
}

}  // namespace casefile::daemon
