#include "daemon/working_time.hpp"

#include "daemon/time_zones.hpp"

namespace casefile::daemon {

core::Result<WorkingTime> working_time_for(const std::optional<config::Settings>& settings) {
    WorkingTime working;
    if (!settings) return working;
    auto zone = load_time_zone(settings->me.timezone);
    if (!zone) return core::fail(settings->source_file + ": me.timezone: " + zone.error().message);
    working.zone = std::move(*zone);
    working.week.weekdays = settings->me.working_hours.weekdays;
    working.week.start_minute = settings->me.working_hours.start_minute;
    working.week.end_minute = settings->me.working_hours.end_minute;
    working.hours_text = settings->me.working_hours_text;
    return working;
}

}  // namespace casefile::daemon
