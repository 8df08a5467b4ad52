#include "config/working_hours.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "config/validation.hpp"

namespace casefile::config {

namespace {

constexpr std::array<std::string_view, 7> short_day_names = {"mon", "tue", "wed", "thu",
                                                             "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> long_day_names = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> display_day_names = {"Mon", "Tue", "Wed", "Thu",
                                                               "Fri", "Sat", "Sun"};

constexpr std::string_view format_hint =
    "expected days and a time range such as \"Mon-Fri 09:00-17:30\" or "
    "\"Mon,Wed,Fri 08:00-12:00\"";

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<int> day_index(std::string_view name) {
    const std::string lowered = to_lower_ascii(trim(name));
    for (std::size_t i = 0; i < 7; ++i) {
        if (lowered == short_day_names[i] || lowered == long_day_names[i])
            return static_cast<int>(i);
    }
    return std::nullopt;
}

core::Unexpected problem(std::string what) {
    return core::fail(std::move(what) + "; " + std::string(format_hint));
}

}  // namespace

core::Result<WorkingHours> parse_working_hours(std::string_view text) {
    text = trim(text);
    const std::size_t space = text.find_first_of(" \t");
    if (text.empty() || space == std::string_view::npos) {
        return problem("\"" + std::string(text) + "\" needs both days and a time range");
    }
    const std::string_view days_text = text.substr(0, space);
    const std::string_view times_text = trim(text.substr(space + 1));

    std::array<bool, 7> chosen{};
    std::size_t start = 0;
    while (start <= days_text.size()) {
        const std::size_t comma = days_text.find(',', start);
        const std::string_view item = days_text.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        const std::size_t dash = item.find('-');
        const auto first = day_index(item.substr(0, dash));
        const auto last = dash == std::string_view::npos ? first : day_index(item.substr(dash + 1));
        if (!first || !last) {
            return problem("\"" + std::string(item) +
                           "\" is not a day or day range (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)");
        }
        // A range such as "Fri-Mon" wraps over the weekend.
        for (int day = *first;; day = (day + 1) % 7) {
            chosen[static_cast<std::size_t>(day)] = true;
            if (day == *last) break;
        }
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }

    const std::size_t dash = times_text.find('-');
    if (dash == std::string_view::npos) {
        return problem("\"" + std::string(times_text) + "\" is not a time range");
    }
    const std::string_view start_text = trim(times_text.substr(0, dash));
    const std::string_view end_text = trim(times_text.substr(dash + 1));
    const auto start_minute = parse_clock_time(start_text);
    std::optional<int> end_minute =
        end_text == "24:00" ? std::optional<int>(24 * 60) : parse_clock_time(end_text);
    if (!start_minute || !end_minute) {
        return problem("\"" + std::string(times_text) +
                       "\" is not a time range of two 24-hour HH:MM times");
    }
    if (*end_minute <= *start_minute) {
        return problem("the end " + std::string(end_text) + " is not after the start " +
                       std::string(start_text) + " (a window cannot cross midnight)");
    }

    WorkingHours hours;
    for (std::size_t i = 0; i < 7; ++i) {
        if (chosen[i]) hours.weekdays.push_back(static_cast<int>(i));
    }
    hours.start_minute = *start_minute;
    hours.end_minute = *end_minute;
    return hours;
}

std::string format_working_hours(const WorkingHours& hours) {
    std::string days;
    const auto& w = hours.weekdays;
    for (std::size_t i = 0; i < w.size();) {
        std::size_t j = i;
        while (j + 1 < w.size() && w[j + 1] == w[j] + 1) ++j;
        if (!days.empty()) days += ',';
        days += display_day_names[static_cast<std::size_t>(w[i])];
        if (j > i) {
            days += '-';
            days += display_day_names[static_cast<std::size_t>(w[j])];
        }
        i = j + 1;
    }
    const auto clock = [](int minute) {
        std::string out(5, '0');
        out[0] = static_cast<char>('0' + minute / 600);
        out[1] = static_cast<char>('0' + minute / 60 % 10);
        out[2] = ':';
        out[3] = static_cast<char>('0' + minute % 60 / 10);
        out[4] = static_cast<char>('0' + minute % 10);
        return out;
    };
    return days + " " + clock(hours.start_minute) + "-" + clock(hours.end_minute);
}

}  // namespace casefile::config
