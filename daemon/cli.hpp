// The casefile command line: global options, then a git-style subcommand.
#pragma once

namespace casefile::daemon {

// Runs one command line and returns the process exit status:
// 0 ok, 1 failure, 2 usage or configuration error.
int run_cli(int argc, char** argv);

}  // namespace casefile::daemon
