#include "core/digest_schedule.hpp"

#include <cstdio>

#include "core/date_calendar.hpp"
#include "core/working_week.hpp"

namespace casefile::core {
namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floor_day(std::int64_t seconds) {
    return seconds >= 0 ? seconds / kDay : -((-seconds + kDay - 1) / kDay);
}

std::string long_label(std::int64_t day) {
    static constexpr const char* kDays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
    static constexpr const char* kMonths[] = {"January", "February", "March",     "April",
                                              "May",     "June",     "July",      "August",
                                              "September", "October", "November", "December"};
    const date_detail::CivilDate date = date_detail::civil(day);
    return std::string(kDays[weekday_of_day(day)]) + " " + std::to_string(date.day) + " " +
           kMonths[date.month - 1] + " " + std::to_string(date.year);
}

}  // namespace

DigestWindow digest_window(std::int64_t day, int time_minutes, const TimeZone& zone) {
    DigestWindow window;
    window.day = day;
    window.day_text = date_detail::format_date(day);
    window.day_label = long_label(day);
    window.start = zone.to_utc(day * kDay);
    window.end = zone.to_utc((day + 1) * kDay);
    window.due = zone.to_utc((day + 1) * kDay + std::int64_t{time_minutes} * 60);
    return window;
}

DigestWindow latest_due_window(std::int64_t now, int time_minutes, const TimeZone& zone) {
    const std::int64_t today = floor_day(zone.to_local(now));
    DigestWindow yesterday = digest_window(today - 1, time_minutes, zone);
    if (yesterday.due <= now) return yesterday;
    return digest_window(today - 2, time_minutes, zone);
}

std::optional<int> parse_digest_time(const std::string& text) {
    int hours = 0;
    int minutes = 0;
    char rest = 0;
    if (text.size() != 5 || std::sscanf(text.c_str(), "%2d:%2d%c", &hours, &minutes, &rest) != 2 ||
        hours > 23 || minutes > 59 || hours < 0 || minutes < 0) {
        return std::nullopt;
    }
    return hours * 60 + minutes;
}

std::optional<std::int64_t> parse_day(const std::string& text) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    char rest = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &rest) != 3 ||
        month < 1 || month > 12 || day < 1 || day > date_detail::days_in_month(year, month)) {
        return std::nullopt;
    }
    return date_detail::day_number(year, month, day);
}

}  // namespace casefile::core
