#include "daemon/cli.hpp"

#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

#include "daemon/commands.hpp"

namespace casefile::daemon {
namespace {

struct Command {
    std::string_view name;
    std::string_view usage;
    std::string_view summary;
    CommandFunction run;
};

constexpr Command kCommands[] = {
    {"init", "init [--force] [--print]", "write a commented example config", command_init},
    {"check-config", "check-config", "validate the config; every problem with file:line:column",
     command_check_config},
    {"import", "import [--quiet] PATH...",
     "store mail from mbox files, Maildirs, folders of .eml files or .eml files", command_import},
    {"sync", "sync [--account NAME] [--quiet]",
     "fetch new mail from every configured IMAP account once (never changes the server)",
     command_sync},
    {"run", "run", "the daemon: follow every account (IDLE or polling), reconnect with backoff",
     command_run},
    {"status", "status [--json]", "counts, last import, ledger head", command_status},
    {"clients", "clients [--json]", "the clients and their message counts", command_clients},
    {"threads", "threads [--client NAME] [--json]", "every stored message, threaded",
     command_threads},
    {"parse", "parse FILE [--json]", "show how one message file parses (stores nothing)",
     command_parse},
    {"dates", "dates TEXT [--ref ISO8601] [--json]",
     "find and resolve the date expressions in TEXT (deadline words, dates, times)", command_dates},
    {"rules", "rules test FILE [--json] [--explain]",
     "show which rule fires on which sentence of one message, and the dates it resolves",
     command_rules},
    {"deadlines", "deadlines [--client NAME] [--json]",
     "each thread's current deadline and how it was set and moved, in the sender's words",
     command_deadlines},
    {"stats", "stats [--client NAME] [--months N] [--json]",
     "per client and month: mail out of hours, your median reply time, what is unanswered",
     command_stats},
    {"digest", "digest [--date DAY] [--print | --send]",
     "show the daily digest, or send it once for the day (as the daemon does)", command_digest},
    {"export",
     "export --client NAME [--from DATE] [--to DATE] [--thread ID] --out DIR [--format eml|mbox]",
     "write a client's dispute bundle: report, original messages, JSON, ledger, manifest",
     command_export},
    {"reindex", "reindex", "thread the store again and re-read every message with the current rules",
     command_reindex},
    {"verify", "verify [DIR] [--json]",
     "recompute the store's ledger and message hashes, or check an export bundle DIR",
     command_verify},
};

void print_usage(std::FILE* out) {
    std::fprintf(out,
                 "usage: casefile [--config PATH] [--store PATH] [--verbose] COMMAND [ARGS]\n\n"
                 "casefile keeps the documented record of a virtual assistant's client mail.\n\n"
                 "Commands:\n");
    for (const Command& command : kCommands) {
        std::fprintf(out, "  %-34.*s %.*s\n", static_cast<int>(command.usage.size()),
                     command.usage.data(), static_cast<int>(command.summary.size()),
                     command.summary.data());
    }
    std::fprintf(out,
                 "\nGlobal options:\n"
                 "  --config PATH   config file (default: $XDG_CONFIG_HOME/casefile/config.toml)\n"
                 "  --store PATH    store database, overriding the config's [store] path\n"
                 "  --verbose       more log output\n"
                 "  --version       print the version\n\n"
                 "`casefile COMMAND --help` describes one command. Exit status: 0 ok, 1 failure,\n"
                 "2 usage or configuration error.\n");
}

int dispatch(std::vector<std::string> words) {
    GlobalOptions options;
    std::size_t index = 0;
    // Global options come before the command name.
    while (index < words.size() && words[index].starts_with("-")) {
        const std::string& word = words[index];
        auto value_of = [&](std::string_view name) -> std::optional<std::string> {
            const std::string prefix = std::string(name) + "=";
            if (word.starts_with(prefix)) return word.substr(prefix.size());
            if (index + 1 < words.size()) return words[++index];
            return std::nullopt;
        };
        if (word == "--help" || word == "-h") {
            print_usage(stdout);
            return kExitOk;
        } else if (word == "--version") {
            std::printf("casefile %s\n", CASEFILE_VERSION);
            return kExitOk;
        } else if (word == "--verbose" || word == "-v") {
            options.verbose = true;
        } else if (word == "--config" || word.starts_with("--config=")) {
            options.config_path = value_of("--config");
            if (!options.config_path) {
                print_error("--config needs a PATH");
                return kExitUsage;
            }
        } else if (word == "--store" || word.starts_with("--store=")) {
            options.store_path = value_of("--store");
            if (!options.store_path) {
                print_error("--store needs a PATH");
                return kExitUsage;
            }
        } else {
            print_error("unknown option " + word);
            print_usage(stderr);
            return kExitUsage;
        }
        ++index;
    }
    if (index == words.size()) {
        print_usage(stderr);
        return kExitUsage;
    }
    const std::string name = words[index];
    for (const Command& command : kCommands) {
        if (command.name != name) continue;
        std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(index) + 1,
                                      words.end());
        Arguments arguments(std::move(rest));
        if (arguments.flag("--help") || arguments.flag("-h")) {
            std::printf("usage: casefile %.*s\n\n%.*s\n", static_cast<int>(command.usage.size()),
                        command.usage.data(), static_cast<int>(command.summary.size()),
                        command.summary.data());
            return kExitOk;
        }
        return command.run(options, arguments);
    }
    print_error("unknown command \"" + name + "\"");
    print_usage(stderr);
    return kExitUsage;
}

}  // namespace

int run_cli(int argc, char** argv) {
    try {
        return dispatch(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& error) {
        // Last resort: every expected failure is a value long before here.
        print_error(std::string("internal error: ") + error.what());
        return kExitFailure;
    }
}

}  // namespace casefile::daemon
