// What every subcommand needs: the global options, the config (when there is
// one), the store, and one way to report errors and pick exit codes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "config/settings.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/store.hpp"
#include "daemon/arguments.hpp"

namespace casefile::daemon {

// DESIGN.md: 0 ok, 1 failure, 2 usage or configuration error.
enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

struct GlobalOptions {
    std::optional<std::string> config_path;  // --config
    std::optional<std::string> store_path;   // --store
    bool verbose = false;                    // --verbose
};

// A subcommand: `arguments` holds the words after its name.
using CommandFunction = int (*)(const GlobalOptions&, Arguments& arguments);

// "casefile: <message>" on stderr.
void print_error(std::string_view message);

// Loads the config named by --config (which must exist), else the default
// config file when one exists. On problems prints each one as
// file:line:column: key: message and returns the exit code to use.
struct LoadedConfig {
    std::optional<config::Settings> settings;
    int exit_code = kExitOk;  // kExitUsage when the config has problems
};
LoadedConfig load_config(const GlobalOptions& options, bool required);

// The store path: --store, else the config's [store] path, else the XDG default.
std::string store_path(const GlobalOptions& options, const std::optional<config::Settings>& settings);

// Opens the store (creating its directory, mode 0700). When a config is
// loaded, records its clients and the VA's addresses in the store.
core::Result<core::Store> open_store(const GlobalOptions& options,
                                     const std::optional<config::Settings>& settings,
                                     const core::Clock& clock);

// What most commands start with, in this order: the config (when there is
// one; `needs_config`: it must exist), the rules (`needs_classifier`: a
// mistake in a rule file is a config error, said before the store is
// touched), then the store, opened with the process's clock. Prints what went
// wrong; anything but kExitOk in `exit_code` means return it.
struct CommandNeeds {
    bool needs_config = false;
    bool needs_classifier = false;
};
struct CommandStore {
    std::optional<config::Settings> settings;
    std::optional<core::Classifier> classifier;
    std::optional<core::Store> store;
    int exit_code = kExitOk;
};
CommandStore open_command_store(const GlobalOptions& options, CommandNeeds needs = {});

// Reads the command's remaining words; on a usage error prints it with the
// command's usage line. Returns nullopt then (exit with kExitUsage).
std::optional<std::vector<std::string>> finish_arguments(Arguments& arguments,
                                                         std::string_view usage);

}  // namespace casefile::daemon
