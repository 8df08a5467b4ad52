// The VA's working hours ("Mon-Fri 09:00-17:30" in her time zone) as pure
// arithmetic: whether a moment falls inside them, and how much working time
// lies between two moments (how long a client mail has waited for a reply,
// counted the way the VA's day is: nights and weekends do not count).
#pragma once

#include <cstdint>
#include <vector>

#include "core/time_zone.hpp"

namespace casefile::core {

struct WorkingWeek {
    std::vector<int> weekdays = {0, 1, 2, 3, 4};  // 0 = Monday .. 6 = Sunday
    int start_minute = 9 * 60;                    // local time, minutes after midnight
    int end_minute = 17 * 60 + 30;
};

// True when `unix_seconds` is inside a working window, in `zone`'s local time.
bool within_working_hours(std::int64_t unix_seconds, const WorkingWeek& week, const TimeZone& zone);

// Seconds of working time in [from, to); 0 when to <= from. Local windows are
// converted with the zone of each day, so a DST change shortens or
// lengthens nothing but the night it happens in.
std::int64_t working_seconds_between(std::int64_t from, std::int64_t to, const WorkingWeek& week,
                                     const TimeZone& zone);

// 0 = Monday .. 6 = Sunday for a day number (days since 1970-01-01).
int weekday_of_day(std::int64_t day);

}  // namespace casefile::core
