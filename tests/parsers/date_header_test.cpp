#include "parsers/date_header.hpp"

#include <gtest/gtest.h>

namespace casefile::parsers {
namespace {

std::string iso(std::string_view header) {
    const auto parsed = parse_date_header(header);
    return parsed ? core::to_iso8601(*parsed) : std::string("none");
}

TEST(DateHeader, Rfc5322Forms) {
    EXPECT_EQ(iso("Fri, 21 Nov 1997 09:55:06 -0600"), "1997-11-21T09:55:06-06:00");
    EXPECT_EQ(iso("Tue, 1 Jul 2003 10:52:37 +0200"), "2003-07-01T10:52:37+02:00");
    EXPECT_EQ(iso("Thu,\r\n 13\r\n   Feb\r\n  1969\r\n 23:32\r\n  -0330 (Newfoundland Time)"),
              "1969-02-13T23:32:00-03:30");
    const auto parsed = parse_date_header("Fri, 21 Nov 1997 09:55:06 -0600");
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->unix_seconds, 880127706);
    EXPECT_EQ(parsed->offset_minutes, -360);
}

TEST(DateHeader, ObsoleteForms) {
    EXPECT_EQ(iso("21 Nov 97 09:55:06 GMT"), "1997-11-21T09:55:06+00:00");
    EXPECT_EQ(iso("21 Nov 03 09:55 EST"), "2003-11-21T09:55:00-05:00");
    EXPECT_EQ(iso("Mon, 3 Mar 125 10:00:00 PDT"), "2025-03-03T10:00:00-07:00");
    EXPECT_EQ(iso("1 Jan 2024 00:00:00 UT"), "2024-01-01T00:00:00+00:00");
    EXPECT_EQ(iso("1 Jan 2024 12:00:00 Z"), "2024-01-01T12:00:00+00:00");
}

TEST(DateHeader, JunkAroundTheDate) {
    EXPECT_EQ(iso("Mon, 14 Apr 2025 08:15:00 -0700 (PDT)"), "2025-04-14T08:15:00-07:00");
    EXPECT_EQ(iso("Mon, 14 Apr 2025 08:15:00 -0800 (PST) garbage"), "2025-04-14T08:15:00-08:00");
    EXPECT_EQ(iso("Monday, April 14, 2025 8:15:00 AM"), "2025-04-14T08:15:00+00:00");
}

TEST(DateHeader, OtherOrders) {
    EXPECT_EQ(iso("Fri Nov 21 09:55:06 1997"), "1997-11-21T09:55:06+00:00");
    EXPECT_EQ(iso("2025-03-14 09:30:00 +0100"), "2025-03-14T09:30:00+01:00");
}

TEST(DateHeader, MissingZoneAndMinusZero) {
    EXPECT_EQ(iso("14 Mar 2025 09:30:00"), "2025-03-14T09:30:00+00:00");
    EXPECT_EQ(iso("14 Mar 2025 09:30:00 -0000"), "2025-03-14T09:30:00+00:00");
}

TEST(DateHeader, UnreadableIsNullopt) {
    EXPECT_EQ(iso(""), "none");
    EXPECT_EQ(iso("yesterday"), "none");
    EXPECT_EQ(iso("31 Feb 2025 10:00:00 +0000"), "none");
    EXPECT_EQ(iso("14 Mar 2025 25:00:00 +0000"), "none");
    EXPECT_EQ(iso("14 Mar 2025"), "none");
    EXPECT_EQ(iso("99999999999999999999 Mar 2025 10:00"), "none");
}

}  // namespace
}  // namespace casefile::parsers
