#include "core/timestamp.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

TEST(Timestamp, FormatsInTheSendersOffset) {
    // 2025-12-01 15:14:00 UTC, said in Chicago (-06:00).
    EXPECT_EQ(to_iso8601(Timestamp{1764602040, -360}), "2025-12-01T09:14:00-06:00");
    EXPECT_EQ(to_iso8601(Timestamp{0, 0}), "1970-01-01T00:00:00+00:00");
    EXPECT_EQ(to_iso8601(Timestamp{1764602040, 330}), "2025-12-01T20:44:00+05:30");
}

TEST(Timestamp, BeforeTheEpoch) {
    EXPECT_EQ(to_iso8601(Timestamp{-1, 0}), "1969-12-31T23:59:59+00:00");
}

TEST(Timestamp, ParsesWhatItWrites) {
    for (const Timestamp& original :
         {Timestamp{1764602040, -360}, Timestamp{951782400, 0}, Timestamp{1709164800, 345}}) {
        const auto parsed = parse_iso8601(to_iso8601(original));
        ASSERT_TRUE(parsed.has_value());
        EXPECT_EQ(*parsed, original);
    }
    const auto zulu = parse_iso8601("2025-03-15T17:00:00Z");
    ASSERT_TRUE(zulu.has_value());
    EXPECT_EQ(zulu->unix_seconds, 1742058000);
    EXPECT_FALSE(parse_iso8601("2025-13-15T17:00:00Z").has_value());
    EXPECT_FALSE(parse_iso8601("yesterday").has_value());
    EXPECT_FALSE(parse_iso8601("2025-03-15T17:00:00+01:00 trailing").has_value());
}

TEST(Timestamp, CivilDaysRoundTripAcrossLeapYears) {
    for (std::int64_t days = -800000; days < 800000; days += 97) {
        int year = 0;
        unsigned month = 0, day = 0;
        civil_from_days(days, year, month, day);
        ASSERT_EQ(days_from_civil(year, month, day), days);
    }
    EXPECT_EQ(days_from_civil(2024, 2, 29), days_from_civil(2024, 3, 1) - 1);
}

}  // namespace
}  // namespace casefile::core
