#include "daemon/command_support.hpp"

#include <spdlog/spdlog.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "daemon/classifier.hpp"
#include "daemon/config_files.hpp"
#include "daemon/paths.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {

void print_error(std::string_view message) {
    std::fprintf(stderr, "casefile: %.*s\n", static_cast<int>(message.size()), message.data());
}

LoadedConfig load_config(const GlobalOptions& options, bool required) {
    LoadedConfig loaded;
    std::string path;
    if (options.config_path) {
        path = expand_path(*options.config_path);
    } else {
        path = default_config_path();
        std::error_code error;
        if (!std::filesystem::exists(path, error)) {
            if (required) {
                print_error("no config file at " + path +
                            "; run `casefile init` to write one, or pass --config PATH");
                loaded.exit_code = kExitUsage;
            }
            return loaded;
        }
    }
    auto settings = load_config_file(path);
    if (!settings) {
        for (const auto& problem : settings.error()) {
            std::fprintf(stderr, "%s\n", problem.to_string().c_str());
        }
        std::fprintf(stderr, "casefile: %zu problem%s in %s; `casefile check-config` lists them\n",
                     settings.error().size(), settings.error().size() == 1 ? "" : "s",
                     path.c_str());
        loaded.exit_code = kExitUsage;
        return loaded;
    }
    loaded.settings = std::move(*settings);
    return loaded;
}

std::string store_path(const GlobalOptions& options,
                       const std::optional<config::Settings>& settings) {
    if (options.store_path) return expand_path(*options.store_path);
    if (settings && !settings->store.path.empty()) return expand_path(settings->store.path);
    return default_store_path();
}

core::Result<core::Store> open_store(const GlobalOptions& options,
                                     const std::optional<config::Settings>& settings,
                                     const core::Clock& clock) {
    const std::string path = store_path(options, settings);
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
        std::error_code error;
        if (!std::filesystem::exists(parent, error)) {
            std::filesystem::create_directories(parent, error);
            if (error) {
                return core::fail("cannot create the store's directory " + parent.string() + ": " +
                                  error.message());
            }
            ::chmod(parent.c_str(), 0700);
        }
    }
    auto store = core::Store::open(path, clock);
    if (!store) return store;
    if (const core::SchemaMigration& migration = store->migration(); migration.from_version > 0) {
        spdlog::warn("upgraded the store {} from schema version {} to {}; the store as it was is "
                     "kept in {}",
                     path, migration.from_version, store->schema_version(), migration.backup_path);
    }
    if (settings) {
        core::Identity identity;
        identity.own_addresses = settings->me.addresses;
        for (const auto& client : settings->clients) {
            identity.clients.push_back(core::ClientRecord{client.name, client.addresses, client.domains});
        }
        if (auto saved = store->save_identity(identity); !saved) return core::Unexpected(saved.error());
    }
    return store;
}

std::optional<std::vector<std::string>> finish_arguments(Arguments& arguments,
                                                         std::string_view usage) {
    auto positionals = arguments.finish();
    if (!positionals) {
        print_error(positionals.error().message);
        std::fprintf(stderr, "usage: %.*s\n", static_cast<int>(usage.size()), usage.data());
        return std::nullopt;
    }
    return std::move(*positionals);
}

CommandStore open_command_store(const GlobalOptions& options, CommandNeeds needs) {
    // A Store keeps a reference to its clock: one for the whole process.
    static const SystemClock clock;
    CommandStore opened;
    auto config = load_config(options, needs.needs_config);
    if (config.exit_code != kExitOk) {
        opened.exit_code = config.exit_code;
        return opened;
    }
    opened.settings = std::move(config.settings);
    if (needs.needs_classifier) {
        auto classifier = make_classifier(opened.settings);
        if (!classifier) {
            print_error(classifier.error().message);
            opened.exit_code = kExitUsage;
            return opened;
        }
        opened.classifier = std::move(*classifier);
    }
    auto store = open_store(options, opened.settings, clock);
    if (!store) {
        print_error(store.error().message);
        opened.exit_code = kExitFailure;
        return opened;
    }
    opened.store.emplace(std::move(*store));
    return opened;
}

}  // namespace casefile::daemon
