// casefile verify [DIR]: recompute the store's ledger and message hashes.
#include <cstdio>

#include "core/json_writer.hpp"
#include "daemon/commands.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {

int command_verify(const GlobalOptions& options, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    auto targets = finish_arguments(arguments, "casefile verify [DIR] [--json]");
    if (!targets) return kExitUsage;
    if (!targets->empty()) {
        print_error("verifying an export bundle (verify DIR) comes with `casefile export`, which "
                    "this version does not have yet; `casefile verify` checks the store");
        return kExitFailure;
    }
    auto config = load_config(options, false);
    if (config.exit_code != kExitOk) return config.exit_code;
    SystemClock clock;
    auto store = open_store(options, config.settings, clock);
    if (!store) {
        print_error(store.error().message);
        return kExitFailure;
    }
    auto report = store->verify();
    if (!report) {
        print_error(report.error().message);
        return kExitFailure;
    }
    if (json) {
        core::JsonWriter out;
        out.begin_object();
        out.key("ok").value(report->ok());
        out.key("entries_checked").value(report->entries_checked);
        out.key("messages_checked").value(report->messages_checked);
        out.key("head").value(report->head);
        out.key("problems").begin_array();
        for (const auto& problem : report->problems) {
            out.begin_object();
            out.key("sequence").value(problem.sequence);
            out.key("message_row").value(problem.message_row);
            out.key("message_id").value(problem.message_id);
            out.key("description").value(problem.description);
            out.end_object();
        }
        out.end_array();
        out.end_object();
        std::printf("%s\n", out.str().c_str());
        return report->ok() ? kExitOk : kExitFailure;
    }
    if (report->ok()) {
        std::printf("verified: %lld ledger entries, %lld messages; head %s\n",
                    static_cast<long long>(report->entries_checked),
                    static_cast<long long>(report->messages_checked), report->head.c_str());
        return kExitOk;
    }
    std::printf("VERIFY FAILED: %zu problem%s; the first: %s\n", report->problems.size(),
                report->problems.size() == 1 ? "" : "s",
                report->problems.front().description.c_str());
    for (const auto& problem : report->problems) std::printf("  %s\n", problem.description.c_str());
    return kExitFailure;
}

}  // namespace casefile::daemon
