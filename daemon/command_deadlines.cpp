// casefile deadlines [--client NAME] [--json]: per client and thread, the
// deadline in force and every step that set or moved it, with the message
// date, the sender and the sentence. Composed by core/deadline_history.hpp
// from the same store queries as `threads` and the export.
#include <cstdio>

#include "core/deadline_history.hpp"
#include "core/json_writer.hpp"
#include "daemon/commands.hpp"

namespace casefile::daemon {
namespace {

constexpr std::string_view kUsage = "casefile deadlines [--client NAME] [--json]";

void print_json(const std::vector<core::ThreadDeadlines>& threads) {
    core::JsonWriter out;
    out.begin_array();
    for (const core::ThreadDeadlines& thread : threads) {
        out.begin_object();
        out.key("client").value(thread.client);
        out.key("thread_id").value(thread.thread_id);
        out.key("subject").value(thread.subject);
        out.key("current_due");
        if (thread.current_due.empty()) {
            out.null();
        } else {
            out.value(thread.current_due);
        }
        out.key("history").begin_array();
        for (const core::DeadlineStep& step : thread.history) {
            out.begin_object();
            out.key("date").value(step.message_date);
            out.key("message_id").value(step.message_id);
            out.key("from").value(step.from);
            out.key("from_me").value(step.from_me);
            out.key("category").value(step.category);
            out.key("change").value(step.change);
            out.key("due").value(step.due.empty() ? std::optional<std::string>() : step.due);
            out.key("previous_due")
                .value(step.previous_due.empty() ? std::optional<std::string>()
                                                 : step.previous_due);
            out.key("evidence").value(step.evidence);
            out.key("evidence_source").value(step.evidence_source);
            out.key("rule").value(step.rule_id);
            out.key("event_id").value(step.event_id);
            out.key("ledger_sequence").value(step.ledger_sequence);
            out.end_object();
        }
        out.end_array();
        out.end_object();
    }
    out.end_array();
    std::printf("%s\n", out.str().c_str());
}

// Client text on one terminal line: control characters (an escape
// sequence in a hostile mail) become spaces.
std::string one_line(const std::string& text) {
    std::string line;
    for (char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        line.push_back(byte < 0x20 || byte == 0x7F ? ' ' : character);
    }
    return line;
}

std::string step_text(const core::DeadlineStep& step) {
    if (step.change == "no_date") {
        return step.previous_due.empty() ? "no date given"
                                         : "no date given (was " + step.previous_due + ")";
    }
    if (step.change == "set") return "set: " + step.due;
    if (step.change == "same") return "restated: " + step.due;
    return "moved " + step.change + ": " + step.previous_due + " -> " + step.due;
}

void print_text(const std::vector<core::ThreadDeadlines>& threads) {
    if (threads.empty()) {
        std::printf("No deadlines recorded.\n");
        return;
    }
    std::optional<std::string> client;
    bool first = true;
    for (const core::ThreadDeadlines& thread : threads) {
        if (first || thread.client != client) {
            client = thread.client;
            std::printf("%s%s\n", first ? "" : "\n",
                        one_line(client.value_or("(no client)")).c_str());
            first = false;
        }
        std::printf("\n  \"%s\"  [%s]\n  current deadline: %s\n", one_line(thread.subject).c_str(),
                    thread.thread_id.c_str(),
                    thread.current_due.empty() ? "none with a date" : thread.current_due.c_str());
        for (const core::DeadlineStep& step : thread.history) {
            std::string date = "(no date)";
            if (step.message_date && step.message_date->size() >= 16) {
                date = step.message_date->substr(0, 16).replace(10, 1, " ");  // sender's local time
            }
            std::printf("    %s  %s%s: %s\n      %s\"%s\"\n", date.c_str(),
                        step.from_me ? "(me) " : "", one_line(step.from).c_str(),
                        step_text(step).c_str(),
                        step.evidence_source == core::kEvidenceInSubject ? "subject line: " : "",
                        one_line(step.evidence).c_str());
        }
    }
}

}  // namespace

int command_deadlines(const GlobalOptions& options, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    const auto client = arguments.option("--client");
    auto rest = finish_arguments(arguments, kUsage);
    if (!rest) return kExitUsage;
    if (!rest->empty()) {
        print_error("deadlines takes no file arguments");
        std::fprintf(stderr, "usage: %.*s\n", static_cast<int>(kUsage.size()), kUsage.data());
        return kExitUsage;
    }
    auto opened = open_command_store(options);
    if (opened.exit_code != kExitOk) return opened.exit_code;
    core::Store* store = &*opened.store;
    auto rows = store->threads(client);
    if (!rows) {
        print_error(rows.error().message);
        return kExitFailure;
    }
    core::EventFilter filter;
    filter.client = client;
    filter.include_superseded = false;
    auto events = store->events(filter);
    if (!events) {
        print_error(events.error().message);
        return kExitFailure;
    }
    const auto threads = core::deadline_histories(*rows, *events);
    if (json) {
        print_json(threads);
    } else {
        print_text(threads);
    }
    return kExitOk;
}

}  // namespace casefile::daemon
