// Loads IANA time zones from the system's zoneinfo directory ($TZDIR, else
// /usr/share/zoneinfo; Debian package tzdata).
#pragma once

#include <string>

#include "core/result.hpp"
#include "core/time_zone.hpp"

namespace casefile::daemon {

// $TZDIR when absolute, else /usr/share/zoneinfo.
std::string zoneinfo_directory();

// The zone named `name` ("America/Chicago"); "UTC" (and "Etc/UTC") always
// works, even without tzdata. Fails with a sentence naming the zone when it
// is unknown or its file unreadable.
core::Result<core::TimeZone> load_time_zone(const std::string& name);

}  // namespace casefile::daemon
