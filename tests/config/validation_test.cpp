#include "config/validation.hpp"

#include <gtest/gtest.h>

#include <array>

#include "config/working_hours.hpp"

namespace casefile::config {
namespace {

TEST(Validation, EmailAddresses) {
    EXPECT_TRUE(is_email_address("bob@acme.example"));
    EXPECT_TRUE(is_email_address("first.last+tag@sub.acme.example"));
    EXPECT_TRUE(is_email_address("dana@localhost"));
    EXPECT_FALSE(is_email_address("bob"));
    EXPECT_FALSE(is_email_address("@acme.example"));
    EXPECT_FALSE(is_email_address("bob@"));
    EXPECT_FALSE(is_email_address("bob@@acme.example"));
    EXPECT_FALSE(is_email_address("bob smith@acme.example"));
    EXPECT_FALSE(is_email_address("<bob@acme.example>"));
    EXPECT_FALSE(is_email_address("bob@acme..example"));
    EXPECT_FALSE(is_email_address("bob.@acme.example"));
}

TEST(Validation, Mailboxes) {
    EXPECT_EQ(mailbox_address("casefile <cf@x.example>"), "cf@x.example");
    EXPECT_EQ(mailbox_address("cf@x.example"), "cf@x.example");
    EXPECT_FALSE(mailbox_address("casefile <cf@x.example"));
    EXPECT_FALSE(mailbox_address("a\nBcc: b@x.example <cf@x.example>"));
}

TEST(Validation, ServerUrls) {
    const auto url = parse_server_url("imaps://imap.example.com:993/");
    ASSERT_TRUE(url);
    EXPECT_EQ(url->scheme, "imaps");
    EXPECT_EQ(url->host, "imap.example.com");
    EXPECT_EQ(url->port, 993);
    EXPECT_EQ(parse_server_url("IMAP://[::1]:1143")->host, "[::1]");
    EXPECT_FALSE(parse_server_url("imaps://"));
    EXPECT_FALSE(parse_server_url("imaps://host:0"));
    EXPECT_FALSE(parse_server_url("imaps://host/INBOX"));
    EXPECT_FALSE(parse_server_url("imaps://user@host"));
    EXPECT_FALSE(parse_server_url("imap.example.com"));
}

TEST(Validation, ClockTimesAndZones) {
    EXPECT_EQ(parse_clock_time("07:30"), 450);
    EXPECT_EQ(parse_clock_time("23:59"), 1439);
    EXPECT_FALSE(parse_clock_time("24:00"));
    EXPECT_FALSE(parse_clock_time("7:30"));
    EXPECT_TRUE(has_time_zone_shape("UTC"));
    EXPECT_TRUE(has_time_zone_shape("America/Argentina/Buenos_Aires"));
    EXPECT_TRUE(has_time_zone_shape("Etc/GMT+5"));
    EXPECT_FALSE(has_time_zone_shape("/etc/passwd"));
    EXPECT_FALSE(has_time_zone_shape("America/../../etc"));
    EXPECT_FALSE(has_time_zone_shape("America/"));
}

TEST(Validation, ClosestKey) {
    constexpr std::array<std::string_view, 4> known = {"addresses", "domains", "name",
                                                       "password_file"};
    EXPECT_EQ(closest_key("adresses", known), "addresses");
    EXPECT_EQ(closest_key("Domain", known), "domains");
    EXPECT_EQ(closest_key("password_fle", known), "password_file");
    EXPECT_FALSE(closest_key("colour", known));
}

TEST(WorkingHoursText, RoundTrips) {
    for (std::string_view text : {"Mon-Fri 09:00-17:30", "Mon,Wed,Fri 08:00-12:00",
                                  "Sat 10:00-14:00", "Mon-Sun 00:00-24:00"}) {
        const auto hours = parse_working_hours(text);
        ASSERT_TRUE(hours) << hours.error().message;
        EXPECT_EQ(format_working_hours(*hours), text);
    }
    EXPECT_EQ(parse_working_hours("monday,TUESDAY 9:00-10:00").error().message,
              "\"9:00-10:00\" is not a time range of two 24-hour HH:MM times; expected days and "
              "a time range such as \"Mon-Fri 09:00-17:30\" or \"Mon,Wed,Fri 08:00-12:00\"");
    EXPECT_EQ(parse_working_hours("monday,TUESDAY 09:00-10:00")->weekdays,
              (std::vector<int>{0, 1}));
}

}  // namespace
}  // namespace casefile::config
