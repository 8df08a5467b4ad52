// casefile export --client NAME [--from DATE] [--to DATE] [--thread ID]
//                 --out DIR [--format eml|mbox]: the dispute bundle.
#include <cstdio>
#include <set>

#include "core/bundle.hpp"
#include "daemon/bundle_files.hpp"
#include "daemon/commands.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {
namespace {

constexpr std::string_view kUsage =
    "casefile export --client NAME [--from DATE] [--to DATE] [--thread ID] --out DIR "
    "[--format eml|mbox]";

// "2025-12-01" (the whole UTC day: its start for --from, its end for --to)
// or an ISO 8601 date-time. nullopt for anything else.
std::optional<std::int64_t> parse_bound(const std::string& text, bool end_of_day) {
    if (text.size() == 10) {
        const auto day = core::parse_iso8601(text + "T00:00:00Z");
        if (!day) return std::nullopt;
        return day->unix_seconds + (end_of_day ? 86399 : 0);
    }
    const auto moment = core::parse_iso8601(text);
    if (!moment) return std::nullopt;
    return moment->unix_seconds;
}

// "1 message", "2 messages".
std::string counted(std::size_t count, const std::string& noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

int usage_error(const std::string& message) {
    print_error(message);
    std::fprintf(stderr, "usage: %.*s\n", static_cast<int>(kUsage.size()), kUsage.data());
    return kExitUsage;
}

}  // namespace

int command_export(const GlobalOptions& options, Arguments& arguments) {
    const auto client = arguments.option("--client");
    const auto from = arguments.option("--from");
    const auto to = arguments.option("--to");
    const auto thread = arguments.option("--thread");
    const auto out = arguments.option("--out");
    const auto format = arguments.option("--format");
    auto rest = finish_arguments(arguments, kUsage);
    if (!rest) return kExitUsage;
    if (!rest->empty()) return usage_error("export takes no file arguments; use --out DIR");
    if (!client) return usage_error("export needs --client NAME");
    if (!out) return usage_error("export needs --out DIR");

    core::CaseQuery query;
    query.client = *client;
    query.thread_id = thread;
    if (from) {
        query.from_unix = parse_bound(*from, false);
        if (!query.from_unix) {
            return usage_error("--from wants a date (2025-12-01) or ISO 8601 date-time, not \"" +
                               *from + "\"");
        }
    }
    if (to) {
        query.to_unix = parse_bound(*to, true);
        if (!query.to_unix) {
            return usage_error("--to wants a date (2025-12-31) or ISO 8601 date-time, not \"" +
                               *to + "\"");
        }
    }
    core::BundleFormat bundle_format = core::BundleFormat::eml;
    if (format && *format == "mbox") {
        bundle_format = core::BundleFormat::mbox;
    } else if (format && *format != "eml") {
        return usage_error("--format is eml (the default) or mbox, not \"" + *format + "\"");
    }

    auto opened = open_command_store(options);
    if (opened.exit_code != kExitOk) return opened.exit_code;
    core::Store* store = &*opened.store;
    SystemClock clock;
    auto read = core::read_case_export(*store, query, bundle_format);
    if (!read) {
        print_error(read.error().message);
        return kExitFailure;
    }
    const core::CaseExport& export_data = *read;

    const std::string export_time = core::to_iso8601(core::Timestamp{clock.now_unix(), 0});
    const std::vector<core::BundleFile> files = core::compose_bundle(export_data, export_time);
    if (auto written = write_bundle(*out, files); !written) {
        print_error(written.error().message);
        return kExitFailure;
    }
    std::set<std::string> threads;
    for (const core::CaseMessage& message : export_data.record.messages) {
        threads.insert(message.thread_id);
    }
    std::printf("exported %s in %s and %s of %s to %s\n"
                "open %s/index.html in a browser; `casefile verify %s` checks the bundle\n",
                counted(export_data.record.messages.size(), "message").c_str(),
                counted(threads.size(), "thread").c_str(),
                counted(export_data.events.size(), "event").c_str(),
                export_data.record.client.name.c_str(), out->c_str(), out->c_str(), out->c_str());
    return kExitOk;
}

}  // namespace casefile::daemon
