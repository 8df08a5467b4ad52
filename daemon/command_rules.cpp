// casefile rules test FILE.eml [--json] [--explain]: which rule fires on which
// sentence of one message, with the dates it resolves, so the VA can tune her
// rules. Stores nothing.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "config/validation.hpp"
#include "core/ascii_text.hpp"
#include "core/detect.hpp"
#include "core/evidence_source.hpp"
#include "core/json_writer.hpp"
#include "daemon/commands.hpp"
#include "daemon/rule_files.hpp"
#include "daemon/system_clock.hpp"
#include "parsers/mime_headers.hpp"
#include "parsers/mime_parser.hpp"

namespace casefile::daemon {
namespace {

constexpr std::string_view kUsage =
    "casefile rules test FILE.eml [--json] [--explain] [--deadline DATE] [--outside-hours]";

std::string_view header_value(const parsers::HeaderBlock& headers, std::string_view name) {
    const parsers::HeaderField* field = headers.find(name);
    return field ? field->value : std::string_view();
}

void write_event(core::JsonWriter& out, const core::Event& event) {
    out.begin_object();
    out.key("category").value(core::category_name(event.category));
    out.key("evidence").value(event.evidence);
    // Which text start and end index: "own_text" (zones.own_text) or
    // "subject" (the top-level "subject").
    out.key("source").value(core::evidence_source_name(event.source));
    out.key("start").value(static_cast<std::uint64_t>(event.start));
    out.key("end").value(static_cast<std::uint64_t>(event.end));
    out.key("due");
    event.due.empty() ? out.null() : out.value(event.due);
    out.key("previous_due");
    event.previous_due.empty() ? out.null() : out.value(event.previous_due);
    out.key("move").value(core::due_move_name(event.move));
    out.key("rule").value(event.rule);
    out.key("confidence").value(event.confidence);
    out.end_object();
}

void write_json(const core::ParsedMessage& message, const core::DetectInput& input,
                const core::Detection& detection, bool explain) {
    core::JsonWriter out;
    out.begin_object();
    out.key("subject").value(message.subject);
    out.key("zones").begin_object();
    out.key("own_text").value(message.zones.own_text);
    out.key("quoted_text").value(message.zones.quoted_text);
    out.key("signature").value(message.zones.signature);
    out.end_object();
    out.key("from_va").value(input.from_va);
    out.key("first_in_thread").value(input.first_in_thread);
    out.key("bulk").value(input.bulk);
    out.key("events").begin_array();
    for (const core::Event& event : detection.events) write_event(out, event);
    out.end_array();
    if (explain) {
        out.key("near_misses").begin_array();
        for (const core::NearMiss& miss : detection.near_misses) {
            out.begin_object();
            out.key("rule").value(miss.rule);
            out.key("category").value(core::category_name(miss.category));
            out.key("evidence").value(miss.evidence);
            out.key("source").value(core::evidence_source_name(miss.source));
            out.key("start").value(static_cast<std::uint64_t>(miss.start));
            out.key("end").value(static_cast<std::uint64_t>(miss.end));
            out.key("reason").value(miss.reason);
            out.end_object();
        }
        out.end_array();
    }
    out.end_object();
    std::printf("%s\n", out.str().c_str());
}

// Which text an event's bytes index, for the text report.
const char* where(core::EvidenceSource source) {
    return source == core::EvidenceSource::subject ? "subject" : "own text";
}

void print_zone(const char* title, const std::string& text) {
    std::printf("--- %s ---\n%s\n", title, text.empty() ? "(empty)" : text.c_str());
}

void print_text(const core::ParsedMessage& message, const core::DetectInput& input,
                const core::Detection& detection, bool explain) {
    std::printf("Date:    %s\n", core::to_iso8601(input.date).c_str());
    std::printf("From:    %s (%s)\n", message.from.address.c_str(), input.from_va ? "you" : "client");
    std::printf("Thread:  %s\n", input.first_in_thread ? "first message" : "reply in a thread");
    if (!input.current_deadline.empty()) std::printf("Deadline before: %s\n", input.current_deadline.c_str());
    if (input.bulk) std::printf("Bulk:    yes (list, newsletter or automated mail: no rule runs)\n");
    std::printf("\n");
    print_zone("subject (read for a deadline when the own text asks none)", message.subject);
    print_zone("own text (rules read this)", message.zones.own_text);
    print_zone("quoted", message.zones.quoted_text);
    print_zone("signature", message.zones.signature);
    std::printf("\n%zu event%s\n", detection.events.size(), detection.events.size() == 1 ? "" : "s");
    for (const core::Event& event : detection.events) {
        std::printf("  %-16.*s rule %s, confidence %.2f, %s bytes %zu-%zu\n",
                    static_cast<int>(core::category_name(event.category).size()),
                    core::category_name(event.category).data(), event.rule.c_str(),
                    event.confidence, where(event.source), event.start, event.end);
        if (!event.due.empty() || !event.previous_due.empty() || event.move != core::DueMove::none) {
            std::printf("    due %s", event.due.empty() ? "(no date)" : event.due.c_str());
            if (!event.previous_due.empty()) std::printf(", was %s", event.previous_due.c_str());
            if (event.move != core::DueMove::none) {
                std::printf(" (%.*s)", static_cast<int>(core::due_move_name(event.move).size()),
                            core::due_move_name(event.move).data());
            }
            std::printf("\n");
        } else if (event.category == core::Category::deadline_set) {
            std::printf("    due (no date, e.g. ASAP)\n");
        }
        std::printf("    %s\"%s\"\n",
                    event.source == core::EvidenceSource::subject ? "subject line: " : "",
                    event.evidence.c_str());
    }
    if (!explain) return;
    std::printf("\n%zu near miss%s\n", detection.near_misses.size(),
                detection.near_misses.size() == 1 ? "" : "es");
    for (const core::NearMiss& miss : detection.near_misses) {
        std::printf("  %-16.*s rule %s: %s\n    %s\"%s\"\n",
                    static_cast<int>(core::category_name(miss.category).size()),
                    core::category_name(miss.category).data(), miss.rule.c_str(),
                    miss.reason.c_str(),
                    miss.source == core::EvidenceSource::subject ? "subject line: " : "",
                    miss.evidence.c_str());
    }
}

}  // namespace

int command_rules(const GlobalOptions& options, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    const bool explain = arguments.flag("--explain");
    const bool outside_hours = arguments.flag("--outside-hours");
    const std::optional<std::string> deadline = arguments.option("--deadline");
    auto words = finish_arguments(arguments, kUsage);
    if (!words) return kExitUsage;
    if (words->size() != 2 || (*words)[0] != "test") {
        print_error(words->empty() || (*words)[0] != "test" ? "rules needs a subcommand: rules test FILE.eml"
                                                             : "rules test takes exactly one FILE (an .eml message)");
        std::fprintf(stderr, "usage: %.*s\n", static_cast<int>(kUsage.size()), kUsage.data());
        return kExitUsage;
    }
    if (deadline && !core::parse_iso8601(*deadline + (deadline->size() == 10 ? "T00:00:00Z" : ""))) {
        print_error("--deadline wants a date such as 2025-03-14 or a date-time such as "
                    "2025-03-14T17:00:00-05:00, not \"" + *deadline + "\"");
        return kExitUsage;
    }
    const LoadedConfig config = load_config(options, false);
    if (config.exit_code != kExitOk) return config.exit_code;
    auto rules = load_rule_set(config.settings);
    if (!rules) {
        print_error(rules.error().message);
        return kExitUsage;
    }

    const std::string& path = (*words)[1];
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        print_error("cannot read " + path);
        return kExitFailure;
    }
    std::ostringstream contents;
    contents << file.rdbuf();
    const std::string raw = contents.str();
    const core::ParsedMessage message = parsers::parse_message(raw);
    const parsers::HeaderBlock headers = parsers::split_header_block(raw);

    core::DetectInput input;
    input.own_text = message.zones.own_text;
    // Read trimmed, as the daemon reads it (daemon/classifier.cpp); spans are
    // moved back below to index the subject as parsed.
    const std::string_view subject = core::trim_ascii_space(message.subject);
    input.subject = subject;
    input.date = message.date.value_or(core::Timestamp{SystemClock().now_unix(), 0});
    if (config.settings) {
        const auto& own = config.settings->me.addresses;
        input.from_va = std::find(own.begin(), own.end(), config::to_lower_ascii(message.from.address)) != own.end();
    }
    input.first_in_thread = message.in_reply_to.empty() && message.references.empty();
    input.bulk = core::is_bulk_mail({.list_id = header_value(headers, "List-Id"),
                                     .list_unsubscribe = header_value(headers, "List-Unsubscribe"),
                                     .precedence = header_value(headers, "Precedence"),
                                     .auto_submitted = header_value(headers, "Auto-Submitted"),
                                     .from_address = message.from.address}) ||
                 message.bulk;
    input.outside_working_hours = outside_hours;
    input.current_deadline = deadline.value_or("");
    input.explain = explain;
    core::Detection detection = core::detect(*rules, input);
    const auto subject_offset = static_cast<std::size_t>(subject.data() - message.subject.data());
    for (core::Event& event : detection.events) {
        if (event.source != core::EvidenceSource::subject) continue;
        event.start += subject_offset;
        event.end += subject_offset;
    }
    for (core::NearMiss& miss : detection.near_misses) {
        if (miss.source != core::EvidenceSource::subject) continue;
        miss.start += subject_offset;
        miss.end += subject_offset;
    }

    if (json) {
        write_json(message, input, detection, explain);
    } else {
        print_text(message, input, detection, explain);
    }
    return kExitOk;
}

}  // namespace casefile::daemon
