// find_dates: spans, options, the documented rules one by one, and inputs
// that must not produce anything. The big sentence tables are in
// date_table_*_test.cpp.
#include <gtest/gtest.h>

#include <string>

#include "core/date_expression.hpp"

namespace casefile::core {
namespace {

Timestamp at(const char* iso) {
    const auto parsed = parse_iso8601(iso);
    EXPECT_TRUE(parsed.has_value()) << iso;
    return parsed.value_or(Timestamp{});
}

// The one expression in `text`, or a failure naming what was found.
DateExpression only(const std::string& text, const char* reference, const DateOptions& options = {}) {
    const auto found = find_dates(text, at(reference), options);
    EXPECT_EQ(found.size(), 1u) << text;
    return found.empty() ? DateExpression{} : found.front();
}

constexpr const char* kWednesday = "2025-03-12T09:00:00-05:00";

TEST(DateResolution, SpansAreExactBytes) {
    const std::string text = "Hi Dana, please send the deck by Friday at 3pm. Thanks!";
    const auto found = find_dates(text, at(kWednesday));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].text, "Friday at 3pm");
    EXPECT_EQ(text.substr(found[0].start, found[0].end - found[0].start), "Friday at 3pm");
    EXPECT_EQ(found[0].kind, DateKind::datetime);
    EXPECT_EQ(found[0].value, "2025-03-14T15:00:00-05:00");
    EXPECT_TRUE(found[0].end_value.empty());
}

TEST(DateResolution, SpansCountUtf8Bytes) {
    const std::string text = "Café crème — send it by “Friday”, merci";
    const auto found = find_dates(text, at(kWednesday));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].text, "Friday");
    EXPECT_EQ(text.substr(found[0].start, 6), "Friday");
}

TEST(DateResolution, SeveralExpressionsInOrder) {
    const auto found = find_dates(
        "Can you send the draft by Tuesday? The final is due 3/21 and I need the invoice ASAP.",
        at(kWednesday));
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].value, "2025-03-18");
    EXPECT_EQ(found[1].value, "2025-03-21");
    EXPECT_EQ(found[2].kind, DateKind::unresolved);
    EXPECT_TRUE(found[2].value.empty());
    EXPECT_LT(found[0].end, found[1].start);
}

TEST(DateResolution, NextWeekdayIsInTheFollowingWeek) {
    // Reference days Monday 2025-03-10 ... Sunday 2025-03-16; "next Friday"
    // is always the Friday of the week starting 2025-03-17, except that on
    // Sunday the following week already starts tomorrow.
    const char* references[] = {"2025-03-10T10:00:00+00:00", "2025-03-11T10:00:00+00:00",
                                "2025-03-12T10:00:00+00:00", "2025-03-13T10:00:00+00:00",
                                "2025-03-14T10:00:00+00:00", "2025-03-15T10:00:00+00:00",
                                "2025-03-16T10:00:00+00:00"};
    for (const char* reference : references) {
        EXPECT_EQ(only("next Friday", reference).value, "2025-03-21") << reference;
        EXPECT_EQ(only("next Monday", reference).value, "2025-03-17") << reference;
    }
    // Said on a Friday, "next Friday" is a week later and "Friday" is today.
    EXPECT_EQ(only("next Friday", "2025-03-14T10:00:00+00:00").value, "2025-03-21");
    EXPECT_EQ(only("by Friday", "2025-03-14T10:00:00+00:00").value, "2025-03-14");
    EXPECT_EQ(only("this Friday", "2025-03-14T10:00:00+00:00").value, "2025-03-14");
}

TEST(DateResolution, WeekStartOptionMovesNextWeekday) {
    DateOptions sunday_weeks;
    sunday_weeks.week_start = 6;
    // Sunday 2025-03-16 starts a new week: "next Monday" is the week after.
    EXPECT_EQ(only("next Monday", "2025-03-16T10:00:00+00:00", sunday_weeks).value, "2025-03-24");
    EXPECT_EQ(only("next Monday", "2025-03-16T10:00:00+00:00").value, "2025-03-17");
}

TEST(DateResolution, YearInferenceUsesAGraceWindow) {
    EXPECT_EQ(only("Jan 3", "2025-12-28T10:00:00+00:00").value, "2026-01-03");
    EXPECT_EQ(only("Dec 20", "2025-12-22T10:00:00+00:00").value, "2025-12-20");
    EXPECT_EQ(only("Dec 14", "2025-12-22T10:00:00+00:00").value, "2026-12-14");
    DateOptions no_grace;
    no_grace.year_grace_days = 0;
    EXPECT_EQ(only("Dec 20", "2025-12-22T10:00:00+00:00", no_grace).value, "2026-12-20");
}

TEST(DateResolution, NumericOrderHint) {
    EXPECT_EQ(only("due 3/6", kWednesday).value, "2025-03-06");  // within the grace: this year
    EXPECT_EQ(only("due 3/4", kWednesday).value, "2026-03-04");  // eight days ago: next year
    DateOptions day_first;
    day_first.numeric_order = NumericDateOrder::day_first;
    EXPECT_EQ(only("due 3/6", kWednesday, day_first).value, "2025-06-03");
    // A number over 12 decides whatever the hint.
    EXPECT_EQ(only("due 3/25", kWednesday, day_first).value, "2025-03-25");
    EXPECT_EQ(only("due 25/3", kWednesday).value, "2025-03-25");
    // Dots are always day.month.year.
    EXPECT_EQ(only("Frist 04.03.2025", kWednesday).value, "2025-03-04");
}

TEST(DateResolution, EndOfDayOption) {
    DateOptions late;
    late.end_of_day_minutes = 18 * 60 + 30;
    EXPECT_EQ(only("by EOD", kWednesday, late).value, "2025-03-12T18:30:00-05:00");
    EXPECT_EQ(only("by COB Friday", kWednesday).value, "2025-03-14T17:00:00-05:00");
    // EOD stays on its day even when written after the end of the day.
    EXPECT_EQ(only("need it EOD", "2025-03-12T20:00:00-05:00").value, "2025-03-12T17:00:00-05:00");
}

TEST(DateResolution, OffsetIsTheReferencesAcrossDst) {
    // US DST began 2025-03-09; the bare offset cannot know, so -05:00 stays.
    EXPECT_EQ(only("Monday at 9am", "2025-03-07T10:00:00-05:00").value, "2025-03-10T09:00:00-05:00");
}

class FakeNewYork final : public UtcOffsetSource {
public:
    // -05:00 before 2025-03-09T07:00Z, -04:00 after (enough for the test).
    int offset_minutes_at(std::int64_t unix_seconds) const override {
        return unix_seconds >= 1741503600 ? -240 : -300;
    }
};

TEST(DateResolution, ZoneHookResolvesOffsetPerTarget) {
    FakeNewYork zone;
    DateOptions options;
    options.zone = &zone;
    EXPECT_EQ(only("Monday at 9am", "2025-03-07T10:00:00-05:00", options).value,
              "2025-03-10T09:00:00-04:00");
    EXPECT_EQ(only("Saturday at 9am", "2025-03-07T10:00:00-05:00", options).value,
              "2025-03-08T09:00:00-05:00");
}

TEST(DateResolution, RangePastMidnightAcrossDst) {
    // The night US DST began: 11pm EST to 3am, which is already EDT.
    FakeNewYork zone;
    DateOptions options;
    options.zone = &zone;
    const DateExpression range = only("Maintenance Saturday 11pm-3", "2025-03-07T10:00:00-05:00", options);
    EXPECT_EQ(range.value, "2025-03-08T23:00:00-05:00");
    EXPECT_EQ(range.end_value, "2025-03-09T03:00:00-04:00");
}

TEST(DateResolution, MovingADeadlineGivesTwoDates) {
    const auto found = find_dates("Can we push the review from Friday to next Wednesday?", at(kWednesday));
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].value, "2025-03-14");
    EXPECT_EQ(found[1].value, "2025-03-19");
    const auto range = find_dates("I'm out from Friday to Monday.", at(kWednesday));
    ASSERT_EQ(range.size(), 1u);
    EXPECT_EQ(range[0].kind, DateKind::interval);
    EXPECT_EQ(range[0].value, "2025-03-14");
    EXPECT_EQ(range[0].end_value, "2025-03-17");
}

TEST(DateResolution, BareTimeRollsToTomorrowOncePassed) {
    EXPECT_EQ(only("by 5pm", "2025-03-12T16:00:00-05:00").value, "2025-03-12T17:00:00-05:00");
    EXPECT_EQ(only("by 5pm", "2025-03-12T18:00:00-05:00").value, "2025-03-13T17:00:00-05:00");
    EXPECT_EQ(only("by midnight", "2025-03-12T18:00:00-05:00").value, "2025-03-12T23:59:59-05:00");
}

TEST(DateResolution, BareHourNeedsADay) {
    EXPECT_TRUE(find_dates("Let's meet at 10.", at(kWednesday)).empty());
    EXPECT_TRUE(find_dates("We have 3 options.", at(kWednesday)).empty());
    EXPECT_EQ(only("by 10 tomorrow", kWednesday).value, "2025-03-13T10:00:00-05:00");
    EXPECT_EQ(only("tomorrow at 4", kWednesday).value, "2025-03-13T16:00:00-05:00");
}

TEST(DateResolution, FalsePositivesStayOut) {
    const char* sentences[] = {
        "We used 3/4 of the budget.", "Version 2.0 ships with v1.2.3 fixes.", "It costs $15.03.",
        "Call 555-123-4567 or (555) 123-4567.", "That took 1/2 hour.", "We are open 24/7.",
        "You may send it whenever.", "May I ask?", "Let's march on.", "The Sun rises.",
        "Give me one second.", "Room 3/4 is booked", "about 2-3 hours", "score 10/10",
        "1,000 units at 12.50 each", "ISBN 978-3-16-148410-0", "the 2nd option is better",
        "at 192.168.0.1", "Patch 2025.03.15 is out"};
    for (const char* sentence : sentences) {
        const auto found = find_dates(sentence, at(kWednesday));
        EXPECT_TRUE(found.empty()) << sentence << " -> " << (found.empty() ? "" : found[0].text);
    }
}

TEST(DateResolution, EmptyAndHostileInput) {
    EXPECT_TRUE(find_dates("", at(kWednesday)).empty());
    std::string junk(100000, '/');
    junk += "3/";
    EXPECT_TRUE(find_dates(junk, at(kWednesday)).empty());
    std::string numbers;
    for (int i = 0; i < 2000; ++i) numbers += std::to_string(i % 40) + "/" + std::to_string(i % 13) + " - ";
    EXPECT_NO_THROW(find_dates(numbers, at(kWednesday)));
    EXPECT_NO_THROW(find_dates(std::string("\xff\xfe\xe2\x80", 4), at(kWednesday)));
    EXPECT_TRUE(find_dates("99999999999999999999/3", at(kWednesday)).empty());
}

TEST(DateResolution, KindNames) {
    EXPECT_EQ(date_kind_name(DateKind::date), "date");
    EXPECT_EQ(date_kind_name(DateKind::datetime), "datetime");
    EXPECT_EQ(date_kind_name(DateKind::interval), "interval");
    EXPECT_EQ(date_kind_name(DateKind::unresolved), "unresolved");
}

}  // namespace
}  // namespace casefile::core
