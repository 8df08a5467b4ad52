// casefile verify [DIR]: recompute the store's ledger and message hashes,
// or check an export bundle directory offline.
#include <cstdio>

#include "core/bundle_verify.hpp"
#include "core/json_writer.hpp"
#include "daemon/bundle_files.hpp"
#include "daemon/commands.hpp"

namespace casefile::daemon {
namespace {

int verify_bundle_directory(const std::string& directory, bool json) {
    auto contents = read_bundle(directory);
    if (!contents) {
        print_error(contents.error().message);
        return kExitFailure;
    }
    const core::BundleReport report = core::verify_bundle(*contents);
    if (json) {
        core::JsonWriter out;
        out.begin_object();
        out.key("ok").value(report.ok());
        out.key("bundle").value(directory);
        out.key("files_checked").value(report.files_checked);
        out.key("messages_checked").value(report.messages_checked);
        out.key("events_checked").value(report.events_checked);
        out.key("ledger_entries_checked").value(report.ledger_entries_checked);
        out.key("head").value(report.head);
        out.key("export_time").value(report.export_time);
        out.key("problems").begin_array();
        for (const auto& problem : report.problems) {
            out.begin_object();
            out.key("file").value(problem.file);
            out.key("description").value(problem.description);
            out.end_object();
        }
        out.end_array();
        out.end_object();
        std::printf("%s\n", out.str().c_str());
        return report.ok() ? kExitOk : kExitFailure;
    }
    if (report.ok()) {
        std::printf("verified %s: %lld files, %lld messages, %lld events, %lld ledger entries; "
                    "head %s; exported %s\n",
                    directory.c_str(), static_cast<long long>(report.files_checked),
                    static_cast<long long>(report.messages_checked),
                    static_cast<long long>(report.events_checked),
                    static_cast<long long>(report.ledger_entries_checked), report.head.c_str(),
                    report.export_time.c_str());
        return kExitOk;
    }
    std::printf("VERIFY FAILED: %s: %zu problem%s\n", directory.c_str(), report.problems.size(),
                report.problems.size() == 1 ? "" : "s");
    for (const auto& problem : report.problems) {
        std::printf("  %s: %s\n", problem.file.c_str(), problem.description.c_str());
    }
    return kExitFailure;
}

}  // namespace

int command_verify(const GlobalOptions& options, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    auto targets = finish_arguments(arguments, "casefile verify [DIR] [--json]");
    if (!targets) return kExitUsage;
    if (targets->size() > 1) {
        print_error("verify takes one bundle directory at a time");
        return kExitUsage;
    }
    if (targets->size() == 1) return verify_bundle_directory(targets->front(), json);
    auto opened = open_command_store(options);
    if (opened.exit_code != kExitOk) return opened.exit_code;
    core::Store* store = &*opened.store;
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
