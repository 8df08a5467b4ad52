// casefile status | clients | threads: what the store holds.
#include <cstdio>

#include "core/json_writer.hpp"
#include "daemon/commands.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {
namespace {

// Loads the config if there is one and opens the store; prints the error and
// sets `exit_code` otherwise.
struct OpenedStore {
    std::optional<core::Store> store;
    std::string path;
};

OpenedStore open_for_reading(const GlobalOptions& options, int& exit_code,
                             const core::Clock& clock) {
    auto config = load_config(options, false);
    if (config.exit_code != kExitOk) {
        exit_code = config.exit_code;
        return {};
    }
    OpenedStore opened;
    opened.path = store_path(options, config.settings);
    auto store = open_store(options, config.settings, clock);
    if (!store) {
        print_error(store.error().message);
        exit_code = kExitFailure;
        return opened;
    }
    opened.store = std::move(*store);
    return opened;
}

std::string short_date(const std::optional<std::string>& iso) {
    if (!iso) return "-";
    return iso->substr(0, 16).replace(10, 1, " ");
}

}  // namespace

int command_status(const GlobalOptions& options, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    if (!finish_arguments(arguments, "casefile status [--json]")) return kExitUsage;
    SystemClock clock;
    int exit_code = kExitOk;
    auto [store, path] = open_for_reading(options, exit_code, clock);
    if (!store) return exit_code;
    auto status = store->status();
    if (!status) {
        print_error(status.error().message);
        return kExitFailure;
    }
    if (json) {
        core::JsonWriter out;
        out.begin_object();
        out.key("store").value(path);
        out.key("schema_version").value(status->schema_version);
        out.key("messages").value(status->messages);
        out.key("clients").value(status->clients);
        out.key("threads").value(status->threads);
        out.key("unattributed_messages").value(status->unattributed_messages);
        out.key("messages_with_warnings").value(status->messages_with_warnings);
        out.key("raw_bytes").value(status->raw_bytes);
        out.key("ledger_entries").value(status->ledger_entries);
        out.key("ledger_head").value(status->ledger_head);
        out.key("last_import").value(status->last_import);
        out.key("last_sync").value(status->last_sync);
        out.key("per_client").begin_array();
        for (const auto& client : status->per_client) {
            out.begin_object();
            out.key("name").value(client.name);
            out.key("messages").value(client.messages);
            out.key("threads").value(client.threads);
            out.key("last_message_date").value(client.last_message_date);
            out.end_object();
        }
        out.end_array();
        out.end_object();
        std::printf("%s\n", out.str().c_str());
        return kExitOk;
    }
    std::printf("store:    %s\n", path.c_str());
    std::printf("messages: %lld (%lld with parse warnings, %lld not from or to a client)\n",
                static_cast<long long>(status->messages),
                static_cast<long long>(status->messages_with_warnings),
                static_cast<long long>(status->unattributed_messages));
    std::printf("threads:  %lld\nclients:  %lld\n", static_cast<long long>(status->threads),
                static_cast<long long>(status->clients));
    std::printf("last import: %s\nlast sync:   %s\n",
                status->last_import.value_or("never").c_str(),
                status->last_sync.value_or("never").c_str());
    std::printf("ledger: %lld entries, head %s\n", static_cast<long long>(status->ledger_entries),
                status->ledger_head.c_str());
    if (!status->per_client.empty()) std::printf("\n%-28s %9s %8s  %s\n", "client", "messages",
                                                 "threads", "last message");
    for (const auto& client : status->per_client) {
        std::printf("%-28s %9lld %8lld  %s\n", client.name.c_str(),
                    static_cast<long long>(client.messages), static_cast<long long>(client.threads),
                    short_date(client.last_message_date).c_str());
    }
    return kExitOk;
}

int command_clients(const GlobalOptions& options, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    if (!finish_arguments(arguments, "casefile clients [--json]")) return kExitUsage;
    SystemClock clock;
    int exit_code = kExitOk;
    auto [store, path] = open_for_reading(options, exit_code, clock);
    if (!store) return exit_code;
    auto clients = store->clients();
    if (!clients) {
        print_error(clients.error().message);
        return kExitFailure;
    }
    if (json) {
        core::JsonWriter out;
        out.begin_array();
        for (const auto& client : *clients) {
            out.begin_object();
            out.key("name").value(client.name);
            out.key("addresses").string_array(client.addresses);
            out.key("domains").string_array(client.domains);
            out.key("messages").value(client.messages);
            out.key("threads").value(client.threads);
            out.key("last_message_date").value(client.last_message_date);
            out.end_object();
        }
        out.end_array();
        std::printf("%s\n", out.str().c_str());
        return kExitOk;
    }
    if (clients->empty()) {
        std::printf("No clients yet: add [[client]] sections to the config (casefile init "
                    "writes an example).\n");
    }
    for (const auto& client : *clients) {
        std::printf("%s: %lld messages in %lld threads, last %s\n", client.name.c_str(),
                    static_cast<long long>(client.messages), static_cast<long long>(client.threads),
                    short_date(client.last_message_date).c_str());
    }
    return kExitOk;
}

int command_threads(const GlobalOptions& options, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    const auto client = arguments.option("--client");
    if (!finish_arguments(arguments, "casefile threads [--client NAME] [--json]")) {
        return kExitUsage;
    }
    SystemClock clock;
    int exit_code = kExitOk;
    auto [store, path] = open_for_reading(options, exit_code, clock);
    if (!store) return exit_code;
    auto rows = store->threads(client);
    if (!rows) {
        print_error(rows.error().message);
        return kExitFailure;
    }
    if (json) {
        core::JsonWriter out;
        out.begin_array();
        for (const auto& row : *rows) {
            out.begin_object();
            out.key("message_id").value(row.message_id);
            out.key("parent_id").value(row.parent_id);
            out.key("thread_id").value(row.thread_id);
            out.key("client").value(row.client);
            out.key("date").value(row.date);
            out.key("subject").value(row.subject);
            out.key("from").value(row.from);
            out.end_object();
        }
        out.end_array();
        std::printf("%s\n", out.str().c_str());
        return kExitOk;
    }
    std::string current_thread;
    for (const auto& row : *rows) {
        if (row.thread_id != current_thread) {
            current_thread = row.thread_id;
            std::printf("\n%s  [%s]  %s\n", row.thread_id.c_str(),
                        row.client.value_or("no client").c_str(), row.subject.c_str());
        }
        std::printf("  %*s%s  %s%s\n", static_cast<int>(row.depth * 2), "",
                    short_date(row.date).c_str(), row.from_me ? "(me) " : "", row.from.c_str());
    }
    return kExitOk;
}

}  // namespace casefile::daemon
