// Calendar arithmetic for date resolution, on day numbers (days since
// 1970-01-01, proleptic Gregorian) so that adding days is integer addition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace casefile::core::date_detail {

struct CivilDate {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
};

CivilDate civil(std::int64_t day_number);
std::int64_t day_number(int year, unsigned month, unsigned day);

bool is_leap_year(int year);
unsigned days_in_month(int year, unsigned month);

// 0 = Monday ... 6 = Sunday.
int weekday_of(std::int64_t day_number);

// The first day of the week holding `day`, weeks starting on `week_start`.
std::int64_t week_start_of(std::int64_t day, int week_start);

// The same day `months` later (or earlier); a day past the target month's
// end clamps to its last day (Jan 31 + 1 month = Feb 28 or 29).
std::int64_t add_months(std::int64_t day, int months);

// Adds `count` Monday-to-Friday days; a start on a weekend counts from the
// following Monday's eve, so "in 1 business day" from Saturday is Monday.
std::int64_t add_business_days(std::int64_t day, int count);

// The first day with this month and day on or after `from`, within eight
// years (enough for Feb 29). Nullopt for an impossible date (April 31).
std::optional<std::int64_t> month_day_on_or_after(unsigned month, unsigned day, std::int64_t from);

// The first day with day-of-month `day` on or after `from`, skipping months
// that are too short ("the 31st" said in April is May 31).
std::optional<std::int64_t> day_of_month_on_or_after(unsigned day, std::int64_t from);

// "2025-03-14".
std::string format_date(std::int64_t day);

// "2025-03-14T17:00:00-05:00" for a wall-clock time in the given offset.
std::string format_datetime(std::int64_t day, int seconds_of_day, int offset_minutes);

}  // namespace casefile::core::date_detail
