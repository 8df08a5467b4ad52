// An IANA time zone as data: the UTC offsets in force over time, so the
// digest goes out at 07:30 in the VA's own zone on DST days too, and working
// hours are judged in her local time. Built from a TZif file by
// parsers/tzif.hpp (the file is read in daemon/); pure, no global TZ state,
// so it is safe on every thread (localtime_r with a changed TZ is not).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date_expression.hpp"

namespace casefile::core {

// A POSIX TZ rule ("CST6CDT,M3.2.0,M11.1.0"), which TZif files carry as a
// footer for every moment after their last transition (RFC 8536 §3.3).
struct PosixZoneRule {
    // One end of the DST period: a day rule and the local wall time it
    // happens at (seconds after local midnight, may be negative or > 24 h).
    struct Change {
        enum class Kind { month_week_day, julian_no_leap, zero_based_day } kind =
            Kind::month_week_day;
        int month = 0;  // 1-12 (month_week_day)
        int week = 0;   // 1-5, 5 = last (month_week_day)
        int day = 0;    // weekday 0 = Sunday (month_week_day); day number otherwise
        int time_seconds = 2 * 3600;
    };
    int standard_offset_seconds = 0;  // east of UTC (the POSIX sign inverted)
    std::optional<int> dst_offset_seconds;
    Change dst_start;
    Change dst_end;
};

class TimeZone : public UtcOffsetSource {
public:
    struct Transition {
        std::int64_t at = 0;     // UTC seconds from which `offset_seconds` applies
        int offset_seconds = 0;  // east of UTC
    };

    // UTC, offset 0 all the time.
    TimeZone();
    // REQUIRES: transitions sorted by `at`. `initial_offset_seconds` applies
    // before the first transition; `rule`, when present, after the last.
    TimeZone(std::string name, int initial_offset_seconds, std::vector<Transition> transitions,
             std::optional<PosixZoneRule> rule);

    const std::string& name() const { return name_; }

    // The offset east of UTC at a UTC moment.
    int offset_seconds_at(std::int64_t unix_seconds) const;
    int offset_minutes_at(std::int64_t unix_seconds) const override;

    // The UTC moment of a local wall-clock time (`local_seconds`: seconds
    // since 1970-01-01T00:00 local). A time that happens twice (the hour a
    // clock falls back) is its first occurrence; a time that never happens
    // (the hour skipped in spring) is moved forward by the gap, as a wall
    // clock would show it: 02:30 on a spring-forward day is 03:30.
    std::int64_t to_utc(std::int64_t local_seconds) const;

    // Local wall-clock seconds since 1970-01-01T00:00 for a UTC moment.
    std::int64_t to_local(std::int64_t unix_seconds) const {
        return unix_seconds + offset_seconds_at(unix_seconds);
    }

private:
    int rule_offset_at(std::int64_t unix_seconds) const;

    std::string name_ = "UTC";
    int initial_offset_seconds_ = 0;
    std::vector<Transition> transitions_;
    std::optional<PosixZoneRule> rule_;
};

// Parses the POSIX TZ string of a TZif footer. Nullopt when it is not one
// casefile understands (then only the transitions are used).
std::optional<PosixZoneRule> parse_posix_zone_rule(const std::string& text);

}  // namespace casefile::core
