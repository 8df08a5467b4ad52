// The VA's working hours and time zone from [me], with the zone loaded from
// tzdata: what the digest and `casefile stats` judge "out of hours" and
// "working time" by.
#pragma once

#include <optional>
#include <string>

#include "config/settings.hpp"
#include "core/result.hpp"
#include "core/time_zone.hpp"
#include "core/working_week.hpp"

namespace casefile::daemon {

struct WorkingTime {
    core::TimeZone zone;
    core::WorkingWeek week;
    std::string hours_text = "Mon-Fri 09:00-17:30";  // as the config says it
};

// Fails, naming me.timezone and the config file, when the zone cannot be
// loaded. Without settings: UTC and the default Mon-Fri 09:00-17:30.
core::Result<WorkingTime> working_time_for(const std::optional<config::Settings>& settings);

}  // namespace casefile::daemon
