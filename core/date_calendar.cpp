#include "core/date_calendar.hpp"

#include <cstdio>

#include "core/timestamp.hpp"

namespace casefile::core::date_detail {

CivilDate civil(std::int64_t day) {
    CivilDate date;
    civil_from_days(day, date.year, date.month, date.day);
    return date;
}

std::int64_t day_number(int year, unsigned month, unsigned day) {
    return days_from_civil(year, month, day);
}

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int year, unsigned month) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap_year(year)) return 29;
    return kDays[(month - 1) % 12];
}

int weekday_of(std::int64_t day) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

std::int64_t week_start_of(std::int64_t day, int week_start) {
    return day - ((weekday_of(day) - week_start + 7) % 7);
}

std::int64_t add_months(std::int64_t day, int months) {
    const CivilDate date = civil(day);
    const int index = date.year * 12 + static_cast<int>(date.month) - 1 + months;
    const int year = index >= 0 ? index / 12 : (index - 11) / 12;
    const unsigned month = static_cast<unsigned>(index - year * 12 + 1);
    const unsigned last = days_in_month(year, month);
    return day_number(year, month, date.day > last ? last : date.day);
}

std::int64_t add_business_days(std::int64_t day, int count) {
    while (count > 0) {
        ++day;
        if (weekday_of(day) < 5) --count;
    }
    return day;
}

std::optional<std::int64_t> month_day_on_or_after(unsigned month, unsigned day, std::int64_t from) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    if (day > days_in_month(2000, month)) return std::nullopt;  // 2000 is leap: Feb 29 allowed
    const int first_year = civil(from).year;
    for (int year = first_year; year <= first_year + 8; ++year) {
        if (day > days_in_month(year, month)) continue;
        const std::int64_t candidate = day_number(year, month, day);
        if (candidate >= from) return candidate;
    }
    return std::nullopt;
}

std::optional<std::int64_t> day_of_month_on_or_after(unsigned day, std::int64_t from) {
    if (day < 1 || day > 31) return std::nullopt;
    CivilDate date = civil(from);
    for (int step = 0; step < 14; ++step) {
        if (day <= days_in_month(date.year, date.month)) {
            const std::int64_t candidate = day_number(date.year, date.month, day);
            if (candidate >= from) return candidate;
        }
        date.month = date.month == 12 ? 1 : date.month + 1;
        if (date.month == 1) ++date.year;
    }
    return std::nullopt;
}

std::string format_date(std::int64_t day) {
    const CivilDate date = civil(day);
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
    return buffer;
}

std::string format_datetime(std::int64_t day, int seconds_of_day, int offset_minutes) {
    Timestamp timestamp;
    timestamp.offset_minutes = offset_minutes;
    timestamp.unix_seconds = day * 86400 + seconds_of_day - std::int64_t{offset_minutes} * 60;
    return to_iso8601(timestamp);
}

}  // namespace casefile::core::date_detail
