// A moment as a mail header states it: seconds since the Unix epoch (UTC) and
// the sender's own UTC offset, which deadlines are resolved against.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace casefile::core {

struct Timestamp {
    std::int64_t unix_seconds = 0;
    int offset_minutes = 0;  // east of UTC, as in "+0200" -> 120

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

// ISO 8601 in the timestamp's own offset: "2025-03-14T09:30:00-05:00".
std::string to_iso8601(const Timestamp& timestamp);

// Parses what to_iso8601 writes (also "Z" and a missing seconds field).
// Returns nullopt on anything else.
std::optional<Timestamp> parse_iso8601(const std::string& text);

// Days since 1970-01-01 for a proleptic Gregorian civil date, and back.
// (Howard Hinnant's algorithms; exact for every year we can meet.)
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day);

}  // namespace casefile::core
