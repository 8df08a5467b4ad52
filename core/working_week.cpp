#include "core/working_week.hpp"

#include <algorithm>

namespace casefile::core {
namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floor_day(std::int64_t seconds) {
    return seconds >= 0 ? seconds / kDay : -((-seconds + kDay - 1) / kDay);
}

bool works_on(const WorkingWeek& week, std::int64_t day) {
    return std::find(week.weekdays.begin(), week.weekdays.end(), weekday_of_day(day)) !=
           week.weekdays.end();
}

}  // namespace

int weekday_of_day(std::int64_t day) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

bool within_working_hours(std::int64_t unix_seconds, const WorkingWeek& week, const TimeZone& zone) {
    const std::int64_t local = zone.to_local(unix_seconds);
    const std::int64_t day = floor_day(local);
    if (!works_on(week, day)) return false;
    const std::int64_t minute = (local - day * kDay) / 60;
    return minute >= week.start_minute && minute < week.end_minute;
}

std::int64_t working_seconds_between(std::int64_t from, std::int64_t to, const WorkingWeek& week,
                                     const TimeZone& zone) {
    if (to <= from || week.end_minute <= week.start_minute) return 0;
    std::int64_t total = 0;
    const std::int64_t last_day = floor_day(zone.to_local(to));
    for (std::int64_t day = floor_day(zone.to_local(from)); day <= last_day; ++day) {
        if (!works_on(week, day)) continue;
        const std::int64_t open = zone.to_utc(day * kDay + std::int64_t{week.start_minute} * 60);
        const std::int64_t close = zone.to_utc(day * kDay + std::int64_t{week.end_minute} * 60);
        const std::int64_t start = std::max(open, from);
        const std::int64_t end = std::min(close, to);
        if (end > start) total += end - start;
    }
    return total;
}

}  // namespace casefile::core
