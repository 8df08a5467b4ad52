// Table-driven date resolution, part 4: the less common ways English mail
// writes a date or a time (month names joined by hyphens or slashes,
// year-first dotted dates, month/year, day ranges with "to", ordinal words,
// a bare hour before a day part, ranges past midnight, "GMT+0900"), each with
// its edge cases and the ordinary text that must stay out.
#include <gtest/gtest.h>

#include <string>

#include "core/date_expression.hpp"
#include "support/date_table_check.hpp"

namespace casefile::core {
namespace {

constexpr const char* kWed = "2025-03-12T09:00:00-05:00";    // a Wednesday
constexpr const char* kDec30 = "2025-12-30T16:00:00+01:00";  // a Tuesday, year end

// Each sentence holds exactly one expression (or none).
const DateCase kFormatCases[] = {
    // A month name joined to its day and year by hyphens or slashes.
    {"Delivery date: 14-April-2025.", kWed, "date", "2025-04-14", ""},
    {"Ship date 14/Apr/2025 per the PO.", kWed, "date", "2025-04-14", ""},
    {"Expected 7-May 2025, please confirm.", kWed, "date", "2025-05-07", ""},
    {"Due April-14, 2025.", kWed, "date", "2025-04-14", ""},
    {"Due Apr/14/2025 at the latest.", kWed, "date", "2025-04-14", ""},
    {"Due April-14-2025.", kWed, "date", "2025-04-14", ""},
    {"Filed 2025/Apr/14 by the portal.", kWed, "date", "2025-04-14", ""},
    {"Filed 2025-apr-14 by the portal.", kWed, "date", "2025-04-14", ""},
    {"Renewal 02-Jan-2026.", kDec30, "date", "2026-01-02", ""},
    {"Feb-29-2024 was the leap day.", kWed, "date", "2024-02-29", ""},
    {"Feb-29-2025 does not exist.", kWed, "none", "", ""},
    {"Use the Jan-Mar figures.", kWed, "none", "", ""},
    // Day-month-two-digit-year as databases and airlines print it; a month
    // joined to a bare number is a month and year in reports ("Dec-01").
    {"Trade date 31-DEC-25, settled.", kWed, "date", "2025-12-31", ""},
    {"Outage 01-Feb-26 planned.", kDec30, "date", "2026-02-01", ""},
    {"Capacity for Dec-01 is set.", kWed, "none", "", ""},
    // A two-digit year is the one within 80 years before the mail and 19
    // after it: an old agreement in 2025 mail is last century's.
    {"It replaced the 9/1/90 agreement.", kWed, "date", "1990-09-01", ""},
    {"Booked 31-DEC-99 at year end.", kWed, "date", "1999-12-31", ""},
    {"Renew by 1/15/44 at the latest.", kWed, "date", "2044-01-15", ""},
    {"Founded 1/15/45 in Ohio.", kWed, "date", "1945-01-15", ""},
    {"Maturity 15-Jun-40 is set.", kWed, "date", "2040-06-15", ""},
    {"The Mar-02 strip traded up.", kWed, "none", "", ""},
    // A month glued to its day, as in travel and shipping notes.
    {"Flight Sun 16Mar confirmed.", kWed, "date", "2025-03-16", ""},
    {"ETA 03JAN 2026.", kDec30, "date", "2026-01-03", ""},
    {"Order 3D prints.", kWed, "none", "", ""},
    // A month and a year: the whole month.
    {"Card expires 04/2027.", kWed, "interval", "2027-04-01", "2027-04-30"},
    {"Statement for 12/2025 attached.", kDec30, "interval", "2025-12-01", "2025-12-31"},
    {"Billing period Feb-2024.", kWed, "interval", "2024-02-01", "2024-02-29"},
    {"They surveyed it in April, 2000.", kWed, "interval", "2000-04-01", "2000-04-30"},
    {"The spring of 2024, in April of 2024, was dry.", kWed, "interval", "2024-04-01", "2024-04-30"},
    {"Closing by March, 2026 at the latest.", kWed, "interval", "2026-03-01", "2026-03-31"},
    {"A 1/2000 chance.", kWed, "none", "", ""},
    {"Item 04/2027 is back-ordered.", kWed, "none", "", ""},
    {"Ratio 13/2025 stays out.", kWed, "none", "", ""},
    // Year-first dotted dates; dotted dates where only the day can be over 12.
    {"Inspection on 2025.04.14.", kWed, "date", "2025-04-14", ""},
    {"Inspection on 2025.4.3 confirmed.", kWed, "date", "2025-04-03", ""},
    {"Closing 2025.12.31 close.", kDec30, "date", "2025-12-31", ""},
    {"Due 04.25.2025 per the contract.", kWed, "date", "2025-04-25", ""},
    {"Due 04.05.2025 per the contract.", kWed, "date", "2025-05-04", ""},
    {"Install build 2025.04.14 first.", kWed, "none", "", ""},
    {"Hotfix 2024.11.2 is live.", kWed, "none", "", ""},
    {"Upgrade to 1.5.30 today.", kWed, "date", "2025-03-12", ""},
    {"Dotted 15.03.25 still works.", kWed, "date", "2025-03-15", ""},
    {"Requires v2.10.3 or later.", kWed, "none", "", ""},
    // A range of days with "to" before the month; ordinal words.
    {"I'm away 17 to 21 March.", kWed, "interval", "2025-03-17", "2025-03-21"},
    {"Closed 29 through 31 December 2025.", kWed, "interval", "2025-12-29", "2025-12-31"},
    {"Booked the fifth to seventh April.", kWed, "interval", "2025-04-05", "2025-04-07"},
    {"Due March first - third, 2026.", kWed, "interval", "2026-03-01", "2026-03-03"},
    {"Due on the fifteenth of April.", kWed, "date", "2025-04-15", ""},
    {"Due fifteenth of April.", kWed, "date", "2025-04-15", ""},
    {"The meeting is Friday, March, 14th 2025.", kWed, "date", "2025-03-14", ""},
    {"We need 10 to 12 people.", kWed, "none", "", ""},
    {"Read chapters 3 to 5 first.", kWed, "none", "", ""},
    {"The second round starts.", kWed, "none", "", ""},
    {"A first May draft.", kWed, "none", "", ""},
    {"Expect 30 to 31 April.", kWed, "none", "", ""},
    // Longer weekday abbreviations in any case; "next day".
    {"can we do thurs?", kWed, "date", "2025-03-13", ""},
    {"tues works", kWed, "date", "2025-03-18", ""},
    {"Can you get it to them next day?", kWed, "date", "2025-03-13", ""},
    {"I can ship it next day.", kDec30, "date", "2025-12-31", ""},
    {"Next day delivery is fine.", kWed, "none", "", ""},
    {"We landed and met the next day.", kWed, "none", "", ""},
    {"I sat down with her.", kWed, "none", "", ""},
    // A bare hour before a day part; "after" between a day and its time;
    // "o clock" without the apostrophe.
    {"Send it by 11 tonight.", kWed, "datetime", "2025-03-12T23:00:00-05:00", ""},
    {"Call me 9 at night if needed.", kWed, "datetime", "2025-03-12T21:00:00-05:00", ""},
    {"Back 4 this afternoon.", kWed, "datetime", "2025-03-12T16:00:00-05:00", ""},
    {"Anytime tomorrow after 4pm.", kWed, "datetime", "2025-03-13T16:00:00-05:00", ""},
    {"Ready on 2 April 10 o clock.", kWed, "datetime", "2025-04-02T10:00:00-05:00", ""},
    {"I slept 3 at night.", kWed, "none", "", ""},
    // Time ranges: past midnight, run-together hours, 10-12 taking the
    // second's meridiem, a fraction of a second.
    {"Maintenance 11pm-2 on Saturday.", kWed, "interval", "2025-03-15T23:00:00-05:00", "2025-03-16T02:00:00-05:00"},
    {"Party Dec 31 10pm-1am.", kDec30, "interval", "2025-12-31T22:00:00+01:00", "2026-01-01T01:00:00+01:00"},
    {"Friday 630-930am works.", kWed, "interval", "2025-03-14T06:30:00-05:00", "2025-03-14T09:30:00-05:00"},
    {"Friday 750am-910am works.", kWed, "interval", "2025-03-14T07:50:00-05:00", "2025-03-14T09:10:00-05:00"},
    {"Friday 1-230 pm works.", kWed, "interval", "2025-03-14T13:00:00-05:00", "2025-03-14T14:30:00-05:00"},
    {"Friday 10:30 - 11:15 pm works.", kWed, "interval", "2025-03-14T22:30:00-05:00", "2025-03-14T23:15:00-05:00"},
    {"Friday 09:30 - 11:15 pm works.", kWed, "interval", "2025-03-14T09:30:00-05:00", "2025-03-14T23:15:00-05:00"},
    {"Friday 10:31:50.522 - 10:45:50.122 pm.", kWed, "interval", "2025-03-14T22:31:00-05:00", "2025-03-14T22:45:00-05:00"},
    {"Call 555-1234 now.", kWed, "none", "", ""},
    {"Listen on KPRC 950 AM.", kWed, "none", "", ""},
    {"Call 555-1230 pm.", kWed, "none", "", ""},
    {"Friday 2pm-1 is not a range.", kWed, "datetime", "2025-03-14T14:00:00-05:00", ""},
    {"Friday 7pm-1 is not a range.", kWed, "datetime", "2025-03-14T19:00:00-05:00", ""},
    {"Time: 3/14/2025 6:00 P.M. - 3/14/2025 10:45 P.M.", kWed, "interval", "2025-03-14T18:00:00-05:00", "2025-03-14T22:45:00-05:00"},
    // A date inside a period says which part of it is meant; one outside
    // leaves the period alone (and is its own expression).
    {"Launch next week on 3/20.", kWed, "date", "2025-03-20", ""},
    {"Hand-over next month (April 7).", kWed, "date", "2025-04-07", ""},
    {"Renewal next year (Feb 2026).", kDec30, "interval", "2026-02-01", "2026-02-28"},
    {"Budget next year at 03/2026.", kDec30, "interval", "2026-03-01", "2026-03-31"},
    {"Launch next week (see page 4).", kWed, "interval", "2025-03-17", "2025-03-23"},
    // A decimal count of hours; a meridiem's first letter after minutes.
    {"I'll have it in 1.5 hours.", kWed, "datetime", "2025-03-12T10:30:00-05:00", ""},
    {"Done within 2.5 hours.", kDec30, "datetime", "2025-12-30T18:30:00+01:00", ""},
    {"We spent 1.5 hours on it.", kWed, "none", "", ""},
    {"In 1.5 days we ship.", kWed, "none", "", ""},
    {"Pickup at 5:15p please.", kWed, "datetime", "2025-03-12T17:15:00-05:00", ""},
    {"Pickup at 9:30a.", kDec30, "datetime", "2025-12-31T09:30:00+01:00", ""},
    {"Cable 4:12ab is spare.", kWed, "none", "", ""},
    // An offset written after GMT or UTC, as in pasted JavaScript dates.
    {"Fri Mar 14 2025 22:45:30 GMT+0900 (JST)", kWed, "datetime", "2025-03-14T08:45:00-05:00", ""},
    {"Fri Mar 14 2025 09:00 UTC-05:00", kWed, "datetime", "2025-03-14T09:00:00-05:00", ""},
    // A signed offset alone is not a time.
    {"Our offset is +05:30 now.", kWed, "none", "", ""},
    {"Stamp 9999-12-31T23:59:00-00:00 is a sentinel.", kWed, "none", "", ""},
    {"Window: 1:00-5:00 Friday.", kWed, "interval", "2025-03-14T13:00:00-05:00", "2025-03-14T17:00:00-05:00"},
    {"Slot 10:00-11:00 on Friday.", kWed, "interval", "2025-03-14T10:00:00-05:00", "2025-03-14T11:00:00-05:00"},
};

TEST(DateTable, LessCommonFormats) { check_date_table(kFormatCases); }

}  // namespace
}  // namespace casefile::core
