#include "core/date_calendar.hpp"

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

namespace {

// Fixed-width decimal digits; snprintf was a tenth of the scan time.
void put_digits(char* out, unsigned value, int width) {
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

}  // namespace

std::string format_date(std::int64_t day) {
    const CivilDate date = civil(day);
    if (date.year < 0 || date.year > 9999) return "0000-00-00";
    char buffer[10];
    put_digits(buffer, static_cast<unsigned>(date.year), 4);
    buffer[4] = '-';
    put_digits(buffer + 5, date.month, 2);
    buffer[7] = '-';
    put_digits(buffer + 8, date.day, 2);
    return std::string(buffer, sizeof buffer);
}

std::string format_datetime(std::int64_t day, int seconds_of_day, int offset_minutes) {
    std::string out = format_date(day);
    char buffer[15];
    buffer[0] = 'T';
    put_digits(buffer + 1, static_cast<unsigned>(seconds_of_day / 3600), 2);
    buffer[3] = ':';
    put_digits(buffer + 4, static_cast<unsigned>(seconds_of_day / 60 % 60), 2);
    buffer[6] = ':';
    put_digits(buffer + 7, static_cast<unsigned>(seconds_of_day % 60), 2);
    buffer[9] = offset_minutes < 0 ? '-' : '+';
    const unsigned offset = static_cast<unsigned>(offset_minutes < 0 ? -offset_minutes : offset_minutes);
    put_digits(buffer + 10, offset / 60, 2);
    buffer[12] = ':';
    put_digits(buffer + 13, offset % 60, 2);
    out.append(buffer, sizeof buffer);
    return out;
}

}  // namespace casefile::core::date_detail
