// The subcommands, one file each (command_<name>.cpp). cli.cpp dispatches.
#pragma once

#include "daemon/command_support.hpp"

namespace casefile::daemon {

int command_init(const GlobalOptions& options, Arguments& arguments);
int command_check_config(const GlobalOptions& options, Arguments& arguments);
int command_import(const GlobalOptions& options, Arguments& arguments);
int command_sync(const GlobalOptions& options, Arguments& arguments);
int command_run(const GlobalOptions& options, Arguments& arguments);
int command_status(const GlobalOptions& options, Arguments& arguments);
int command_clients(const GlobalOptions& options, Arguments& arguments);
int command_threads(const GlobalOptions& options, Arguments& arguments);
int command_parse(const GlobalOptions& options, Arguments& arguments);
int command_dates(const GlobalOptions& options, Arguments& arguments);
int command_rules(const GlobalOptions& options, Arguments& arguments);
int command_stats(const GlobalOptions& options, Arguments& arguments);
int command_deadlines(const GlobalOptions& options, Arguments& arguments);
int command_digest(const GlobalOptions& options, Arguments& arguments);
int command_export(const GlobalOptions& options, Arguments& arguments);
int command_reindex(const GlobalOptions& options, Arguments& arguments);
int command_verify(const GlobalOptions& options, Arguments& arguments);

}  // namespace casefile::daemon
