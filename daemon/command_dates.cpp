// casefile dates TEXT [--ref ISO8601] [--json]: the date expressions found in
// TEXT and what they resolve to, so rule authors and tests can check them.
#include <cstdio>

#include "core/date_expression.hpp"
#include "core/json_writer.hpp"
#include "daemon/commands.hpp"
#include "daemon/system_clock.hpp"

namespace casefile::daemon {
namespace {

constexpr std::string_view kUsage =
    "casefile dates TEXT... [--ref ISO8601] [--day-first] [--eod HH:MM] [--json]";

// "17:30" -> 1050 minutes; nullopt for anything else.
std::optional<int> parse_clock(const std::string& text) {
    int hour = 0, minute = 0, consumed = 0;
    if (std::sscanf(text.c_str(), "%2d:%2d%n", &hour, &minute, &consumed) != 2 ||
        static_cast<std::size_t>(consumed) != text.size() || hour > 23 || minute > 59 || hour < 0 ||
        minute < 0) {
        return std::nullopt;
    }
    return hour * 60 + minute;
}

}  // namespace

int command_dates(const GlobalOptions&, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    const bool day_first = arguments.flag("--day-first");
    const std::optional<std::string> reference_text = arguments.option("--ref");
    const std::optional<std::string> eod_text = arguments.option("--eod");
    auto words = finish_arguments(arguments, kUsage);
    if (!words) return kExitUsage;
    if (words->empty()) {
        print_error("dates needs TEXT");
        std::fprintf(stderr, "usage: %.*s\n", static_cast<int>(kUsage.size()), kUsage.data());
        return kExitUsage;
    }
    std::string text;
    for (const auto& word : *words) {
        if (!text.empty()) text += ' ';
        text += word;
    }

    core::Timestamp reference{SystemClock().now_unix(), 0};
    if (reference_text) {
        const auto parsed = core::parse_iso8601(*reference_text);
        if (!parsed) {
            print_error("--ref wants an ISO 8601 date-time such as 2025-03-12T09:00:00-05:00, not \"" +
                        *reference_text + "\"");
            return kExitUsage;
        }
        reference = *parsed;
    }
    core::DateOptions options;
    if (day_first) options.numeric_order = core::NumericDateOrder::day_first;
    if (eod_text) {
        const auto minutes = parse_clock(*eod_text);
        if (!minutes) {
            print_error("--eod wants HH:MM, not \"" + *eod_text + "\"");
            return kExitUsage;
        }
        options.end_of_day_minutes = *minutes;
    }

    const auto expressions = core::find_dates(text, reference, options);
    if (json) {
        core::JsonWriter out;
        out.begin_array();
        for (const auto& expression : expressions) {
            out.begin_object();
            out.key("text").value(expression.text);
            out.key("start").value(static_cast<std::uint64_t>(expression.start));
            out.key("end").value(static_cast<std::uint64_t>(expression.end));
            out.key("kind").value(core::date_kind_name(expression.kind));
            out.key("value");
            expression.value.empty() ? out.null() : out.value(expression.value);
            out.key("end_value");
            expression.end_value.empty() ? out.null() : out.value(expression.end_value);
            out.end_object();
        }
        out.end_array();
        std::printf("%s\n", out.str().c_str());
        return kExitOk;
    }
    std::printf("reference: %s\n", core::to_iso8601(reference).c_str());
    if (expressions.empty()) std::printf("no date expressions\n");
    for (const auto& expression : expressions) {
        const std::string_view kind = core::date_kind_name(expression.kind);
        std::string value = expression.value.empty() ? "-" : expression.value;
        if (!expression.end_value.empty()) value += " .. " + expression.end_value;
        std::printf("%5zu-%-5zu %-10.*s %-40s \"%s\"\n", expression.start, expression.end,
                    static_cast<int>(kind.size()), kind.data(), value.c_str(), expression.text.c_str());
    }
    return kExitOk;
}

}  // namespace casefile::daemon
