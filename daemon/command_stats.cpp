// casefile stats [--client NAME] [--months N] [--json]: per client and local
// month, how much client mail came in, how much of it outside the VA's
// working hours, how fast she answered (median, in working time and on the
// clock) and what is still unanswered. The counting rules are in
// core/response_stats.hpp.
#include <cmath>
#include <cstdio>

#include "core/digest.hpp"
#include "core/json_writer.hpp"
#include "core/response_stats.hpp"
#include "daemon/commands.hpp"
#include "daemon/system_clock.hpp"
#include "daemon/working_time.hpp"

namespace casefile::daemon {
namespace {

constexpr std::string_view kUsage = "casefile stats [--client NAME] [--months N] [--json]";

struct ClientStats {
    std::string client;
    core::ResponseStats stats;
};

std::optional<int> parse_months(const std::string& text) {
    if (text.empty() || text.size() > 4) return std::nullopt;
    int months = 0;
    for (char digit : text) {
        if (digit < '0' || digit > '9') return std::nullopt;
        months = months * 10 + (digit - '0');
    }
    if (months < 1) return std::nullopt;
    return months;
}

void write_figures(core::JsonWriter& out, const core::ResponseFigures& figures) {
    auto optional_number = [&](const std::optional<std::int64_t>& number) {
        if (number) {
            out.value(*number);
        } else {
            out.null();
        }
    };
    out.key("client_messages").value(figures.client_messages);
    out.key("out_of_hours").value(figures.out_of_hours);
    out.key("out_of_hours_share").value(figures.out_of_hours_share());
    out.key("answered").value(figures.answered);
    out.key("unanswered").value(figures.unanswered);
    out.key("responses").value(figures.responses);
    out.key("median_response_working_seconds");
    optional_number(figures.median_working_seconds);
    out.key("median_response_seconds");
    optional_number(figures.median_seconds);
}

void print_json(const std::vector<ClientStats>& clients, const WorkingTime& working,
                const std::optional<std::string>& first_month) {
    core::JsonWriter out;
    out.begin_object();
    out.key("time_zone").value(working.zone.name());
    out.key("working_hours").value(working.hours_text);
    out.key("first_month").value(first_month);
    out.key("clients").begin_array();
    for (const ClientStats& client : clients) {
        out.begin_object();
        out.key("client").value(client.client);
        out.key("months").begin_array();
        for (const core::MonthFigures& month : client.stats.months) {
            out.begin_object();
            out.key("month").value(month.month);
            write_figures(out, month.figures);
            out.end_object();
        }
        out.end_array();
        out.key("total").begin_object();
        write_figures(out, client.stats.total);
        out.end_object();
        out.end_object();
    }
    out.end_array();
    out.end_object();
    std::printf("%s\n", out.str().c_str());
}

std::string duration(const std::optional<std::int64_t>& seconds) {
    return seconds ? core::format_working_time(*seconds) : "-";
}

void print_row(const std::string& label, const core::ResponseFigures& figures) {
    const int percent = static_cast<int>(std::lround(figures.out_of_hours_share() * 100));
    std::printf(
        "  %-8s %6lld %6lld %4d%% %9lld %11lld %8lld  %-19s %s\n", label.c_str(),
        static_cast<long long>(figures.client_messages),
        static_cast<long long>(figures.out_of_hours), percent,
        static_cast<long long>(figures.answered), static_cast<long long>(figures.unanswered),
        static_cast<long long>(figures.responses), duration(figures.median_working_seconds).c_str(),
        duration(figures.median_seconds).c_str());
}

void print_text(const std::vector<ClientStats>& clients, const WorkingTime& working) {
    if (clients.empty()) {
        std::printf("No client mail with a readable date in that period.\n");
        return;
    }
    std::printf("Client mail and your replies per month (%s, working hours %s)\n",
                working.zone.name().c_str(), working.hours_text.c_str());
    for (const ClientStats& client : clients) {
        std::printf("\n%s\n  %-8s %6s %12s %9s %11s %8s  %-19s %s\n", client.client.c_str(),
                    "month", "mails", "out of hours", "answered", "unanswered", "replies",
                    "median reply: work", "clock");
        for (const core::MonthFigures& month : client.stats.months)
            print_row(month.month, month.figures);
        if (client.stats.months.size() > 1) print_row("all", client.stats.total);
    }
    std::printf(
        "\nA reply answers every client mail before it in the thread and is timed from the\n"
        "earliest of them; working time counts only your working hours. A month holds the\n"
        "mail received in it and the replies to that mail.\n");
}

}  // namespace

int command_stats(const GlobalOptions& options, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    const auto client = arguments.option("--client");
    const auto months_text = arguments.option("--months");
    auto rest = finish_arguments(arguments, kUsage);
    if (!rest) return kExitUsage;
    std::optional<int> months;
    if (months_text) {
        months = parse_months(*months_text);
        if (!months) {
            print_error("--months wants a number of months from 1 to 9999, not \"" + *months_text +
                        "\"");
            return kExitUsage;
        }
    }
    if (!rest->empty()) {
        print_error("stats takes no file arguments");
        std::fprintf(stderr, "usage: %.*s\n", static_cast<int>(kUsage.size()), kUsage.data());
        return kExitUsage;
    }

    auto config = load_config(options, false);
    if (config.exit_code != kExitOk) return config.exit_code;
    auto working = working_time_for(config.settings);
    if (!working) {
        print_error(working.error().message);
        return kExitUsage;
    }
    if (!config.settings) {
        // Said on stderr so --json output stays clean.
        print_error("no config file: working hours taken as Mon-Fri 09:00-17:30 UTC");
    }
    SystemClock clock;
    auto store = open_store(options, config.settings, clock);
    if (!store) {
        print_error(store.error().message);
        return kExitFailure;
    }
    auto timelines = store->client_timelines(client);
    if (!timelines) {
        print_error(timelines.error().message);
        return kExitFailure;
    }
    std::optional<std::string> first_month;
    if (months) first_month = core::first_of_last_months(clock.now_unix(), *months, working->zone);

    std::vector<ClientStats> clients;
    for (const core::ClientTimelines& timeline : *timelines) {
        ClientStats stats{timeline.client, core::response_stats(timeline.threads, working->week,
                                                                working->zone, first_month)};
        if (!stats.stats.months.empty()) clients.push_back(std::move(stats));
    }
    if (json) {
        print_json(clients, *working, first_month);
    } else {
        print_text(clients, *working);
    }
    return kExitOk;
}

}  // namespace casefile::daemon
