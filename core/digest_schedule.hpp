// When the daily digest is due, in the VA's own time zone: the digest for
// local day D covers D's midnight to the next midnight and is due at the
// configured time on D + 1. DST days are 23 or 25 hours long; the window is
// still midnight to midnight, and a due time that falls in a skipped hour is
// moved forward by the gap (core::TimeZone::to_utc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/time_zone.hpp"

namespace casefile::core {

struct DigestWindow {
    std::int64_t day = 0;    // local day number (days since 1970-01-01)
    std::string day_text;    // "2026-11-30"
    std::string day_label;   // "Monday 30 November 2026"
    std::int64_t start = 0;  // UTC seconds of local midnight starting the day
    std::int64_t end = 0;    // UTC seconds of the next local midnight
    std::int64_t due = 0;    // UTC seconds the digest is due
};

// The window of local day `day`, due at `time_minutes` after midnight of the
// following day.
DigestWindow digest_window(std::int64_t day, int time_minutes, const TimeZone& zone);

// The latest window that is due at `now` (its due time <= now).
DigestWindow latest_due_window(std::int64_t now, int time_minutes, const TimeZone& zone);

// "07:30" -> 450 minutes after midnight; nullopt for anything else.
std::optional<int> parse_digest_time(const std::string& text);

// The day number of "YYYY-MM-DD"; nullopt when it is not a real date.
std::optional<std::int64_t> parse_day(const std::string& text);

}  // namespace casefile::core
