#include <malloc.h>

#include "daemon/cli.hpp"

int main(int argc, char** argv) {
    // A fixed threshold for glibc to serve large blocks (a big message's
    // literal, a batch's vectors) from mmap and give them back on free. By
    // default it rises to the size of the largest block freed, after which
    // such blocks come from the arenas and leave holes there: an initial
    // sync of 44,141 Enron messages peaked at 64.8-65.4 MB RSS, 61.0-61.1 MB
    // with this, in the same time.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    return casefile::daemon::run_cli(argc, argv);
}
