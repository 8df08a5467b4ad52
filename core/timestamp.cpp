#include "core/timestamp.hpp"

#include <cstdio>

namespace casefile::core {

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned month_index = (5 * day_of_year + 2) / 153;
    day = day_of_year - (153 * month_index + 2) / 5 + 1;
    month = month_index < 10 ? month_index + 3 : month_index - 9;
    year = static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0));
}

std::string to_iso8601(const Timestamp& timestamp) {
    const std::int64_t local = timestamp.unix_seconds + std::int64_t{timestamp.offset_minutes} * 60;
    std::int64_t days = local / 86400;
    std::int64_t seconds_of_day = local % 86400;
    if (seconds_of_day < 0) {
        seconds_of_day += 86400;
        days -= 1;
    }
    int year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(days, year, month, day);
    const int offset = timestamp.offset_minutes;
    const int offset_abs = offset < 0 ? -offset : offset;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", year, month, day,
                  static_cast<int>(seconds_of_day / 3600), static_cast<int>(seconds_of_day / 60 % 60),
                  static_cast<int>(seconds_of_day % 60), offset < 0 ? '-' : '+', offset_abs / 60,
                  offset_abs % 60);
    return buffer;
}

std::optional<Timestamp> parse_iso8601(const std::string& text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &year, &month, &day, &hour, &minute,
                    &consumed) != 5) {
        return std::nullopt;
    }
    std::size_t position = static_cast<std::size_t>(consumed);
    if (position < text.size() && text[position] == ':') {
        int seconds_consumed = 0;
        if (std::sscanf(text.c_str() + position, ":%2d%n", &second, &seconds_consumed) != 1) {
            return std::nullopt;
        }
        position += static_cast<std::size_t>(seconds_consumed);
    }
    int offset_minutes = 0;
    if (position < text.size() && text[position] == 'Z') {
        position += 1;
    } else if (position < text.size() && (text[position] == '+' || text[position] == '-')) {
        int offset_hours = 0, offset_rest = 0;
        if (std::sscanf(text.c_str() + position + 1, "%2d:%2d", &offset_hours, &offset_rest) != 2) {
            return std::nullopt;
        }
        offset_minutes = (offset_hours * 60 + offset_rest) * (text[position] == '-' ? -1 : 1);
        position += 6;
    } else {
        return std::nullopt;
    }
    if (position != text.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
        minute > 59 || second > 60) {
        return std::nullopt;
    }
    const std::int64_t days =
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    Timestamp timestamp;
    timestamp.offset_minutes = offset_minutes;
    timestamp.unix_seconds =
        days * 86400 + hour * 3600 + minute * 60 + second - std::int64_t{offset_minutes} * 60;
    return timestamp;
}

}  // namespace casefile::core
