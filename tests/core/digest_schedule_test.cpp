// Digest windows and working hours in a zone with DST. The zone is built
// from its POSIX rule (what a TZif footer holds), so these tests need no
// tzdata; tests/daemon/time_zones_test.cpp checks the real files.
#include <gtest/gtest.h>

#include "core/digest_schedule.hpp"
#include "core/timestamp.hpp"
#include "core/working_week.hpp"

namespace casefile::core {
namespace {

TimeZone chicago() {
    return TimeZone("America/Chicago", -6 * 3600, {}, parse_posix_zone_rule("CST6CDT,M3.2.0,M11.1.0"));
}

std::int64_t utc(int year, unsigned month, unsigned day, int hour, int minute = 0) {
    return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60;
}

std::int64_t day(int year, unsigned month, unsigned day_of_month) {
    return days_from_civil(year, month, day_of_month);
}

TEST(DigestSchedule, AnOrdinaryDayIsMidnightToMidnightDueNextMorning) {
    const DigestWindow window = digest_window(day(2026, 11, 30), 7 * 60 + 30, chicago());
    EXPECT_EQ(window.day_text, "2026-11-30");
    EXPECT_EQ(window.day_label, "Monday 30 November 2026");
    EXPECT_EQ(window.start, utc(2026, 11, 30, 6));
    EXPECT_EQ(window.end, utc(2026, 12, 1, 6));
    EXPECT_EQ(window.due, utc(2026, 12, 1, 13, 30));
}

TEST(DigestSchedule, SpringForwardDayHas23HoursAndTheDigestStillComesAt0730) {
    // 2026-03-08: clocks go from 02:00 CST to 03:00 CDT.
    const DigestWindow window = digest_window(day(2026, 3, 8), 7 * 60 + 30, chicago());
    EXPECT_EQ(window.end - window.start, 23 * 3600);
    EXPECT_EQ(window.due, utc(2026, 3, 9, 12, 30));  // 07:30 CDT
    const DigestWindow before = digest_window(day(2026, 3, 7), 7 * 60 + 30, chicago());
    EXPECT_EQ(before.due, utc(2026, 3, 8, 12, 30)) << "07:30 CDT on the change day itself";
}

TEST(DigestSchedule, FallBackDayHas25Hours) {
    const DigestWindow window = digest_window(day(2026, 11, 1), 7 * 60 + 30, chicago());
    EXPECT_EQ(window.end - window.start, 25 * 3600);
    EXPECT_EQ(window.due, utc(2026, 11, 2, 13, 30));  // 07:30 CST
}

TEST(DigestSchedule, ADueTimeInTheSkippedHourMovesForward) {
    const DigestWindow window = digest_window(day(2026, 3, 7), 2 * 60 + 30, chicago());
    EXPECT_EQ(window.due, utc(2026, 3, 8, 8, 30));  // 03:30 CDT
}

TEST(DigestSchedule, LatestDueWindow) {
    const TimeZone zone = chicago();
    // 2026-12-01 07:29 local: the digest for Nov 30 is not due yet.
    EXPECT_EQ(latest_due_window(utc(2026, 12, 1, 13, 29), 450, zone).day_text, "2026-11-29");
    EXPECT_EQ(latest_due_window(utc(2026, 12, 1, 13, 30), 450, zone).day_text, "2026-11-30");
    EXPECT_EQ(latest_due_window(utc(2026, 12, 2, 5, 59), 450, zone).day_text, "2026-11-30")
        << "23:59 local on Dec 1";
    EXPECT_EQ(latest_due_window(utc(2027, 1, 1, 13, 31), 450, zone).day_text, "2026-12-31");
}

TEST(DigestSchedule, ParsingTimesAndDays) {
    EXPECT_EQ(parse_digest_time("07:30"), 450);
    EXPECT_EQ(parse_digest_time("00:00"), 0);
    EXPECT_FALSE(parse_digest_time("7:30"));
    EXPECT_FALSE(parse_digest_time("24:00"));
    EXPECT_FALSE(parse_digest_time("07:60"));
    EXPECT_EQ(parse_day("2026-02-28"), day(2026, 2, 28));
    EXPECT_FALSE(parse_day("2026-02-29"));
    EXPECT_EQ(parse_day("2024-02-29"), day(2024, 2, 29));
    EXPECT_FALSE(parse_day("2026-13-01"));
    EXPECT_FALSE(parse_day("yesterday"));
}

TEST(WorkingWeek, InsideAndOutsideHours) {
    const TimeZone zone = chicago();
    const WorkingWeek week;  // Mon-Fri 09:00-17:30
    EXPECT_TRUE(within_working_hours(utc(2026, 12, 1, 15), week, zone));    // Tue 09:00
    EXPECT_FALSE(within_working_hours(utc(2026, 12, 1, 14, 59), week, zone));
    EXPECT_FALSE(within_working_hours(utc(2026, 12, 1, 23, 30), week, zone));  // 17:30
    EXPECT_FALSE(within_working_hours(utc(2026, 12, 2, 5, 40), week, zone));   // Tue 23:40
    EXPECT_FALSE(within_working_hours(utc(2026, 12, 5, 17), week, zone));      // Saturday
}

TEST(WorkingWeek, WaitingTimeSkipsNightsAndWeekends) {
    const TimeZone zone = chicago();
    const WorkingWeek week;
    // Friday 16:30 to Monday 10:00: 1 h on Friday, 1 h on Monday.
    EXPECT_EQ(working_seconds_between(utc(2026, 12, 4, 22, 30), utc(2026, 12, 7, 16), week, zone),
              2 * 3600);
    // A mail at 23:40 Tuesday, looked at 09:30 Wednesday: 30 min.
    EXPECT_EQ(working_seconds_between(utc(2026, 12, 2, 5, 40), utc(2026, 12, 2, 15, 30), week, zone),
              30 * 60);
    EXPECT_EQ(working_seconds_between(utc(2026, 12, 3, 0), utc(2026, 12, 2, 0), week, zone), 0);
    // Across the spring change the working day is still 8.5 hours.
    EXPECT_EQ(working_seconds_between(utc(2026, 3, 6, 0), utc(2026, 3, 10, 0), week, zone),
              2 * (8 * 3600 + 1800));  // Friday and Monday in full
}

}  // namespace
}  // namespace casefile::core
