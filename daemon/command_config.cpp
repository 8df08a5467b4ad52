// casefile init | check-config
#include <cstdio>

#include "config/config_loader.hpp"
#include "daemon/classifier.hpp"
#include "daemon/commands.hpp"
#include "daemon/config_files.hpp"
#include "daemon/paths.hpp"
#include "daemon/secrets.hpp"

namespace casefile::daemon {

int command_init(const GlobalOptions& options, Arguments& arguments) {
    const bool force = arguments.flag("--force");
    const bool print = arguments.flag("--print");
    if (!finish_arguments(arguments, "casefile init [--force] [--print]")) return kExitUsage;
    if (print) {
        const std::string_view example = config::example_config();
        std::fwrite(example.data(), 1, example.size(), stdout);
        return kExitOk;
    }
    const std::string path = options.config_path ? expand_path(*options.config_path)
                                                  : default_config_path();
    auto written = write_example_config(path, force);
    if (!written) {
        print_error(written.error().message);
        return kExitFailure;
    }
    std::printf("Wrote %s.\nFill in your IMAP account, your addresses, working hours and clients, "
                "then run `casefile check-config`.\n",
                written->c_str());
    return kExitOk;
}

int command_check_config(const GlobalOptions& options, Arguments& arguments) {
    if (!finish_arguments(arguments, "casefile check-config")) return kExitUsage;
    const std::string path = options.config_path ? expand_path(*options.config_path)
                                                  : default_config_path();
    auto settings = load_config_file(path);
    if (!settings) {
        for (const auto& problem : settings.error()) {
            std::fprintf(stderr, "%s\n", problem.to_string().c_str());
        }
        std::fprintf(stderr, "%zu problem%s found.\n", settings.error().size(),
                     settings.error().size() == 1 ? "" : "s");
        return kExitUsage;
    }
    // The secrets must be readable now, not at 3 a.m. when the daemon needs them.
    int problems = 0;
    for (const auto& account : settings->accounts) {
        auto secret = resolve_secret(account.secret, "account \"" + account.name + "\" password");
        if (!secret) {
            std::fprintf(stderr, "%s: account \"%s\": %s\n", path.c_str(), account.name.c_str(),
                         secret.error().message.c_str());
            problems += 1;
        }
    }
    // So are the rule files and the time zone the rules and the digest use.
    if (auto classifier = make_classifier(std::optional<config::Settings>(*settings)); !classifier) {
        std::fprintf(stderr, "%s\n", classifier.error().message.c_str());
        problems += 1;
    }
    if (problems > 0) return kExitUsage;
    std::printf("%s is valid: %zu account%s, %zu client%s, store %s\n", path.c_str(),
                settings->accounts.size(), settings->accounts.size() == 1 ? "" : "s",
                settings->clients.size(), settings->clients.size() == 1 ? "" : "s",
                store_path(options, std::optional<config::Settings>(*settings)).c_str());
    return kExitOk;
}

}  // namespace casefile::daemon
