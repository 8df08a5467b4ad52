// English deadline expressions in free text ("by Friday", "3/15", "EOD
// tomorrow", "between March 3 and 7", "ASAP"), found and resolved against the
// moment a message was written. Pure: no I/O, no clock, no regex; one pass of
// a hand-written scanner over tokens, so it keeps up with ingest.
//
// Resolution rules (each one is tested in tests/core/date_*_test.cpp):
//
// - Offset. `reference` carries the sender's UTC offset and every result is
//   written in that offset. A bare offset says nothing about DST, so a
//   deadline across a DST change keeps the reference's offset (a "-05:00"
//   message about a date after the switch still says "-05:00"). Set
//   DateOptions::zone to resolve offsets per target moment instead.
// - Year inference. A month and day without a year is the first occurrence on
//   or after (reference day - year_grace_days): "Jan 3" written on Dec 28 is
//   next January; "Dec 20" written on Dec 22 is three days ago, this year.
//   Feb 29 without a year is the next Feb 29 in that window. "The 15th" is the
//   15th of the reference month when that is today or later, else of the next
//   month that has such a day. Quarters ("end of Q3") follow the month rule.
// - Weekdays. A bare weekday, "this <weekday>", "by/on <weekday>" is the next
//   such day on or after the reference day (today counts). "next <weekday>"
//   is that weekday in the week after the reference's week (weeks start on
//   DateOptions::week_start, Monday by default): said on Monday, "next
//   Friday" is 11 days later; said on Friday, 7 days; said on Sunday, "next
//   Monday" is tomorrow. "last <weekday>" is the latest such day before today.
// - Times. "EOD", "COB", "end of (business) day", "close of business" are
//   DateOptions::end_of_day on the reference day (or the day they qualify).
//   "midnight" is the end of its day, 23:59:59. A time without a day ("by
//   5pm") is today when still ahead of the reference time, else tomorrow.
//   A bare hour is a time only when a day is attached ("by 10 tomorrow",
//   "Friday at 3"); then 7-11 mean a.m. and 12-6 p.m. Without a.m./p.m.,
//   "H:MM" follows the same rule.
// - Day parts are intervals: morning 08:00-12:00, afternoon 12:00-17:00,
//   evening 17:00-21:00, tonight/night 18:00-23:59:59.
// - Periods are intervals: "next week" Monday-Sunday, "this weekend"
//   Saturday-Sunday, "next month" and "in March" the whole month, "Q3" the
//   quarter, "early next week" Monday-Tuesday, "mid-March" the 11th-20th,
//   "later this week" tomorrow to Friday. "End of (the) week" is Friday;
//   "end of (the) month/quarter/year" its last day.
// - "in 3 days", "in two weeks", "in a month" are dates (months clamp:
//   Jan 31 + 1 month = Feb 28/29); "in 2 hours", "within 48 hours" are
//   date-times; "in 3 business days" skips Saturdays and Sundays.
// - Numeric dates: "3/4" is month/day unless DateOptions::numeric_order says
//   day_first (a first number over 12 forces day/month); "15.03.2025" is always
//   day.month.year; "2025-03-15" is ISO. Fractions and counts are not dates:
//   "3/4 of", "1/2 hour", "24/7", "$15.03", versions, phone numbers. "9/11"
//   is treated like any other month/day (a business mail says "due 9/11").
//   A second number over 12 is the day in any order ("04.25.2025").
//   "2025.04.14" is year-first (not after "patch", "build", "release" ...);
//   a dotted two-digit year needs a two-digit day and month ("1.5.30" is a
//   version). "04/2027" (two-digit month) and "Feb-2024" are the whole month.
// - Month names joined by a hyphen or slash: "14-Apr-2025", "Apr/14/2025",
//   "2025/Apr/14", "31-DEC-25" (two-digit year), "16Mar". Joined to a month,
//   a number is a day only when a year follows ("Dec-01" in a report is a
//   month and year, and yields nothing).
// - A period followed by a date inside it ("next week on 3/20", "next year
//   (Feb 2026)") is that date.
// - A time range may end after midnight, on the next day: "7pm-1am" (an
//   a.m. end, from 6pm on), "11pm-2" (a bare end, from 9pm on). A bare hour
//   before "tonight", "at night" (6-11) or "this afternoon" is a time.
// - "ASAP", "as soon as possible", "soon", "at your earliest convenience",
//   "urgent(ly)", "right away", "immediately" are kind unresolved.
// - "from Friday to Monday" after a verb of moving ("push", "move",
//   "reschedule" ...) is two dates, not a range: it is a deadline change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/timestamp.hpp"

namespace casefile::core {

enum class DateKind { date, datetime, interval, unresolved };

// "date", "datetime", "interval", "unresolved" (the JSON spelling).
std::string_view date_kind_name(DateKind kind);

// How to read "3/4": March 4 (US, the default) or 3 April.
enum class NumericDateOrder { month_first, day_first };

// A hook for a real time zone (an IANA zone, resolved in daemon/): the UTC
// offset in force at a moment. Without one, every result uses the
// reference's offset.
class UtcOffsetSource {
public:
    virtual ~UtcOffsetSource() = default;
    virtual int offset_minutes_at(std::int64_t unix_seconds) const = 0;
};

struct DateOptions {
    int end_of_day_minutes = 17 * 60;   // EOD, COB, close of business
    int start_of_day_minutes = 9 * 60;  // "first thing tomorrow"
    NumericDateOrder numeric_order = NumericDateOrder::month_first;
    int week_start = 0;                 // 0 = Monday ... 6 = Sunday
    int year_grace_days = 7;            // see "Year inference" above
    const UtcOffsetSource* zone = nullptr;  // not owned; may be null
};

struct DateExpression {
    std::size_t start = 0;  // byte span of `text` in the input (UTF-8)
    std::size_t end = 0;
    std::string text;       // the exact matched bytes
    DateKind kind = DateKind::unresolved;
    // "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS±HH:MM"; empty when unresolved.
    // Intervals: the start, in either format.
    std::string value;
    std::string end_value;  // intervals only: the end, same format as value
};

// Every expression in `text`, in order, not overlapping (the longest one
// wins at each position). `reference` is the message's Date in the sender's
// offset. Never fails: text that holds no expression gives an empty vector.
std::vector<DateExpression> find_dates(std::string_view text, const Timestamp& reference,
                                       const DateOptions& options = {});

}  // namespace casefile::core
