// Response times and out-of-hours shares per month, on hand-built threads in
// America/Chicago (built from its POSIX rule, so no tzdata is needed): bursts
// of client mail, replies at night and after weekends, DST weeks, and mail
// whose local month differs from its UTC month.
#include "core/response_stats.hpp"

#include <gtest/gtest.h>

#include "core/timestamp.hpp"

namespace casefile::core {
namespace {

TimeZone chicago() {
    return TimeZone("America/Chicago", -6 * 3600, {},
                    parse_posix_zone_rule("CST6CDT,M3.2.0,M11.1.0"));
}

std::int64_t utc(int year, unsigned month, unsigned day, int hour, int minute = 0) {
    return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60;
}

// Chicago wall-clock time in winter (CST, UTC-6).
std::int64_t cst(int year, unsigned month, unsigned day, int hour, int minute = 0) {
    return utc(year, month, day, hour, minute) + 6 * 3600;
}

// Chicago wall-clock time in summer (CDT, UTC-5).
std::int64_t cdt(int year, unsigned month, unsigned day, int hour, int minute = 0) {
    return utc(year, month, day, hour, minute) + 5 * 3600;
}

TimedMessage client(std::int64_t at) { return TimedMessage{at, false}; }
TimedMessage va(std::int64_t at) { return TimedMessage{at, true}; }

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kMinute = 60;

class ResponseStatsTest : public ::testing::Test {
  protected:
    ResponseStats stats(const std::vector<ThreadTimeline>& threads,
                        const std::optional<std::string>& first_month = std::nullopt) {
        return response_stats(threads, week_, zone_, first_month);
    }

    WorkingWeek week_;  // Mon-Fri 09:00-17:30
    TimeZone zone_ = chicago();
};

TEST_F(ResponseStatsTest, AReplyInsideWorkingHoursCountsTheSameBothWays) {
    // Mon 24 Nov 2025 09:14 → 11:02.
    const auto result = stats({{client(cst(2025, 11, 24, 9, 14)), va(cst(2025, 11, 24, 11, 2))}});
    ASSERT_EQ(result.months.size(), 1u);
    EXPECT_EQ(result.months[0].month, "2025-11");
    const ResponseFigures& month = result.months[0].figures;
    EXPECT_EQ(month.client_messages, 1);
    EXPECT_EQ(month.out_of_hours, 0);
    EXPECT_EQ(month.answered, 1);
    EXPECT_EQ(month.unanswered, 0);
    EXPECT_EQ(month.responses, 1);
    EXPECT_EQ(month.median_working_seconds, 108 * kMinute);
    EXPECT_EQ(month.median_seconds, 108 * kMinute);
    EXPECT_EQ(result.total.median_seconds, 108 * kMinute);
}

TEST_F(ResponseStatsTest, OneReplyAnswersAWholeBurstTimedFromItsFirstMail) {
    // Mon 14:31, Mon 23:40 (night), Tue 07:52 (early), then the VA at Tue 09:06.
    const auto result = stats({{client(cst(2025, 12, 1, 14, 31)), client(cst(2025, 12, 1, 23, 40)),
                                client(cst(2025, 12, 2, 7, 52)), va(cst(2025, 12, 2, 9, 6))}});
    const ResponseFigures& month = result.months.at(0).figures;
    EXPECT_EQ(month.client_messages, 3);
    EXPECT_EQ(month.out_of_hours, 2);
    EXPECT_NEAR(month.out_of_hours_share(), 2.0 / 3.0, 1e-9);
    EXPECT_EQ(month.answered, 3);
    EXPECT_EQ(month.unanswered, 0);
    EXPECT_EQ(month.responses, 1);
    // Monday 14:31-17:30 and Tuesday 09:00-09:06.
    EXPECT_EQ(month.median_working_seconds, 2 * kHour + 59 * kMinute + 6 * kMinute);
    EXPECT_EQ(month.median_seconds, 18 * kHour + 35 * kMinute);
}

TEST_F(ResponseStatsTest, AReplyInTheEveningCountsOnlyTheWorkingPart) {
    // Client Wed 16:00, the VA answers at 22:00 the same evening.
    const auto result = stats({{client(cst(2025, 12, 3, 16)), va(cst(2025, 12, 3, 22))}});
    EXPECT_EQ(result.total.median_working_seconds, 90 * kMinute);
    EXPECT_EQ(result.total.median_seconds, 6 * kHour);
    EXPECT_EQ(result.total.out_of_hours, 0);
}

TEST_F(ResponseStatsTest, AWeekendMailIsOutOfHoursAndWaitsUntilMonday) {
    // Saturday 6 Dec 12:15, answered Monday 8 Dec 09:20.
    const auto result = stats({{client(cst(2025, 12, 6, 12, 15)), va(cst(2025, 12, 8, 9, 20))}});
    EXPECT_EQ(result.total.out_of_hours, 1);
    EXPECT_DOUBLE_EQ(result.total.out_of_hours_share(), 1.0);
    EXPECT_EQ(result.total.median_working_seconds, 20 * kMinute);
    EXPECT_EQ(result.total.median_seconds, 45 * kHour + 5 * kMinute);
}

TEST_F(ResponseStatsTest, FridayAfternoonToMondayIsTwoWorkingHours) {
    const auto result = stats({{client(cst(2025, 12, 5, 16, 30)), va(cst(2025, 12, 8, 10))}});
    EXPECT_EQ(result.total.median_working_seconds, 2 * kHour);
    EXPECT_EQ(result.total.median_seconds, 65 * kHour + 30 * kMinute);
}

TEST_F(ResponseStatsTest, SpringForwardWeekendIsAnHourShorterOnTheClock) {
    // Fri 6 Mar 2026 17:00 CST, answered Mon 9 Mar 10:00 CDT: clocks moved
    // forward on Sunday, so 64 h passed, not 65; working time is 30 + 60 min.
    const auto result = stats({{client(cst(2026, 3, 6, 17)), va(cdt(2026, 3, 9, 10))}});
    EXPECT_EQ(result.total.median_seconds, 64 * kHour);
    EXPECT_EQ(result.total.median_working_seconds, 90 * kMinute);
}

TEST_F(ResponseStatsTest, FallBackJudgesWorkingHoursInLocalTime) {
    // 14:30 UTC is 09:30 CDT on Friday 30 Oct 2026 (inside) but 08:30 CST on
    // Monday 2 Nov, after the change (outside).
    const auto result = stats({{client(utc(2026, 10, 30, 14, 30)), va(utc(2026, 10, 30, 15))},
                               {client(utc(2026, 11, 2, 14, 30)), va(utc(2026, 11, 2, 15, 30))}});
    ASSERT_EQ(result.months.size(), 2u);
    EXPECT_EQ(result.months[0].month, "2026-10");
    EXPECT_EQ(result.months[0].figures.out_of_hours, 0);
    EXPECT_EQ(result.months[0].figures.median_working_seconds, 30 * kMinute);
    EXPECT_EQ(result.months[1].month, "2026-11");
    EXPECT_EQ(result.months[1].figures.out_of_hours, 1);
    // 08:30 to 09:30 CST: only the half hour after 09:00 is working time.
    EXPECT_EQ(result.months[1].figures.median_working_seconds, 30 * kMinute);
    EXPECT_EQ(result.months[1].figures.median_seconds, kHour);
}

TEST_F(ResponseStatsTest, TheLocalMonthCountsNotTheUtcOne) {
    // Saturday 31 Oct 2026 23:30 CDT is already 1 November in UTC. The reply
    // on Monday 2 November belongs to October, with the mail it answers.
    const std::int64_t asked = cdt(2026, 10, 31, 23, 30);
    EXPECT_EQ(local_month(asked, zone_), "2026-10");
    const auto result =
        stats({{client(asked), va(cst(2026, 11, 2, 10)), client(cst(2026, 11, 2, 11))}});
    ASSERT_EQ(result.months.size(), 2u);
    EXPECT_EQ(result.months[0].month, "2026-10");
    EXPECT_EQ(result.months[0].figures.client_messages, 1);
    EXPECT_EQ(result.months[0].figures.out_of_hours, 1);
    EXPECT_EQ(result.months[0].figures.answered, 1);
    EXPECT_EQ(result.months[0].figures.median_working_seconds, kHour);
    EXPECT_EQ(result.months[1].month, "2026-11");
    EXPECT_EQ(result.months[1].figures.client_messages, 1);
    EXPECT_EQ(result.months[1].figures.unanswered, 1);
    EXPECT_EQ(result.months[1].figures.responses, 0);
    EXPECT_FALSE(result.months[1].figures.median_working_seconds);
    EXPECT_FALSE(result.months[1].figures.median_seconds);
}

TEST_F(ResponseStatsTest, MailAfterTheLastReplyIsUnansweredAndTheVaWritingFirstIsNoResponse) {
    const auto result = stats({{va(cst(2025, 11, 17, 10, 2)), va(cst(2025, 12, 8, 9, 35)),
                                client(cst(2025, 12, 9, 10, 12))}});
    EXPECT_EQ(result.total.client_messages, 1);
    EXPECT_EQ(result.total.unanswered, 1);
    EXPECT_EQ(result.total.answered, 0);
    EXPECT_EQ(result.total.responses, 0);
    ASSERT_EQ(result.months.size(), 1u) << "a month with only the VA's mail is not listed";
    EXPECT_EQ(result.months[0].month, "2025-12");
}

TEST_F(ResponseStatsTest, ASecondReplyAnswersNothingMore) {
    const auto result =
        stats({{client(cst(2025, 12, 1, 9)), va(cst(2025, 12, 1, 10)), va(cst(2025, 12, 1, 11))}});
    EXPECT_EQ(result.total.responses, 1);
    EXPECT_EQ(result.total.median_seconds, kHour);
}

TEST_F(ResponseStatsTest, AReplyInTheSameSecondCountsAndOrderOfInputDoesNot) {
    const std::int64_t at = cst(2025, 12, 1, 10);
    const auto result = stats({{va(at + kHour), va(at), client(at), client(at + 30 * kMinute)}});
    // at: client then VA (same second): answered in 0 s. Then a client mail
    // at +30 min answered at +1 h.
    EXPECT_EQ(result.total.answered, 2);
    EXPECT_EQ(result.total.responses, 2);
    EXPECT_EQ(result.total.median_seconds, 15 * kMinute);  // (0 + 30 min) / 2
}

TEST_F(ResponseStatsTest, MediansOverThreadsOddAndEven) {
    const std::int64_t monday = cst(2025, 12, 1, 9);
    std::vector<ThreadTimeline> threads;
    for (std::int64_t minutes : {10, 40, 20}) {
        threads.push_back({client(monday), va(monday + minutes * kMinute)});
    }
    EXPECT_EQ(stats(threads).total.median_seconds, 20 * kMinute);
    threads.push_back({client(monday), va(monday + 31 * kMinute)});
    // 10, 20, 31, 40: (20 + 31) / 2 = 25.5 min, rounded down to the second.
    EXPECT_EQ(stats(threads).total.median_seconds, 25 * kMinute + 30);
    EXPECT_EQ(stats(threads).total.responses, 4);
}

TEST_F(ResponseStatsTest, TheTotalIsAMedianOfAllResponsesNotOfMonthlyMedians) {
    const auto result = stats({{client(cst(2025, 11, 3, 9)), va(cst(2025, 11, 3, 10))},
                               {client(cst(2025, 12, 1, 9)), va(cst(2025, 12, 1, 12))},
                               {client(cst(2025, 12, 2, 9)), va(cst(2025, 12, 2, 14))}});
    ASSERT_EQ(result.months.size(), 2u);
    EXPECT_EQ(result.months[1].figures.median_seconds, 4 * kHour);  // (3 h + 5 h) / 2
    EXPECT_EQ(result.total.median_seconds, 3 * kHour);              // 1 h, 3 h, 5 h
    EXPECT_EQ(result.total.client_messages, 3);
}

TEST_F(ResponseStatsTest, FirstMonthLeavesEarlierMonthsOut) {
    const std::vector<ThreadTimeline> threads = {
        {client(cst(2025, 11, 28, 16)), va(cst(2025, 12, 1, 9, 30))},  // November's
        {client(cst(2025, 12, 1, 9)), va(cst(2025, 12, 1, 10))}};
    const auto result = stats(threads, "2025-12");
    ASSERT_EQ(result.months.size(), 1u);
    EXPECT_EQ(result.months[0].month, "2025-12");
    EXPECT_EQ(result.total.client_messages, 1);
    EXPECT_EQ(result.total.responses, 1);
    EXPECT_EQ(result.total.median_seconds, kHour);
}

TEST_F(ResponseStatsTest, NoThreadsNoMonths) {
    const auto result = stats({});
    EXPECT_TRUE(result.months.empty());
    EXPECT_EQ(result.total.client_messages, 0);
    EXPECT_DOUBLE_EQ(result.total.out_of_hours_share(), 0.0);
    EXPECT_FALSE(result.total.median_seconds);
}

TEST_F(ResponseStatsTest, WorkingDaysFromTheConfigAreUsed) {
    // A VA who works Saturdays: a Saturday mail is inside her hours.
    week_.weekdays = {0, 1, 2, 3, 5};
    const auto result = stats({{client(cst(2025, 12, 6, 12, 15)), va(cst(2025, 12, 6, 13))}});
    EXPECT_EQ(result.total.out_of_hours, 0);
    EXPECT_EQ(result.total.median_working_seconds, 45 * kMinute);
}

TEST(LastMonths, CountBackFromTheLocalMonth) {
    const TimeZone zone = chicago();
    EXPECT_EQ(first_of_last_months(cst(2026, 12, 15, 12), 1, zone), "2026-12");
    EXPECT_EQ(first_of_last_months(cst(2026, 12, 15, 12), 12, zone), "2026-01");
    EXPECT_EQ(first_of_last_months(cst(2026, 1, 15, 12), 2, zone), "2025-12");
    EXPECT_EQ(first_of_last_months(cst(2026, 1, 15, 12), 25, zone), "2024-01");
    // 03:00 UTC on 1 December is still 30 November in Chicago.
    EXPECT_EQ(first_of_last_months(utc(2026, 12, 1, 3), 1, zone), "2026-11");
    EXPECT_EQ(local_month(utc(2026, 12, 1, 3), zone), "2026-11");
}

}  // namespace
}  // namespace casefile::core
