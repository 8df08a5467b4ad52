#include "daemon/cli.hpp"

int main(int argc, char** argv) { return casefile::daemon::run_cli(argc, argv); }
