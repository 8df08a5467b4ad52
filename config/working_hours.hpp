// Parses the VA's working window, e.g. "Mon-Fri 09:00-17:30",
// "Mon,Wed,Fri 08:00-12:00" or "Sat 10:00-14:00".
#pragma once

#include <string_view>

#include "config/settings.hpp"
#include "core/result.hpp"

namespace casefile::config {

// Format: DAYS HH:MM-HH:MM, where DAYS is a comma-separated list of days
// ("Mon") and ranges ("Mon-Fri"; "Fri-Mon" wraps over the weekend). Day names
// are the English three-letter or full names, any case. The end may be
// "24:00" and must be later than the start: a window does not cross midnight.
// On failure the error says what is wrong and shows the expected format.
core::Result<WorkingHours> parse_working_hours(std::string_view text);

// "Mon-Fri 09:00-17:30" style text for a parsed window (for messages/status).
std::string format_working_hours(const WorkingHours& hours);

}  // namespace casefile::config
