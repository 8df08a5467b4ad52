// Table-driven date resolution, part 3: hand-written client sentences for
// every format, year rollover, Feb 29, month ends, quarters, DST weeks (the
// offset stays the reference's), times, ranges, unresolved words, and
// sentences that must yield nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/date_expression.hpp"

namespace casefile::core {
namespace {

struct DateCase {
    const char* sentence;
    const char* reference;
    const char* kind;  // "none": the sentence must yield nothing
    const char* value;
    const char* end_value;
};

// Each sentence holds exactly one expression (or none).
const DateCase kEdgeCasesCases[] = {
    {"Due 3/15.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Deadline is 3/15/25.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Please submit by 03/15/2025.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"The launch is 15 March.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Launch is March 15th 2025, please confirm.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"We need it by Mar. 15 at the latest.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Final date: 2025-03-15.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Abgabe: 15.03.2025", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Send it by the 15th.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Send it by the 10th.", "2025-03-12T09:00:00-05:00", "date", "2025-04-10", ""},
    {"Please pay by the 31st.", "2025-04-05T10:00:00+00:00", "date", "2025-05-31", ""},
    {"The event is on March 15, 2025.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"Can you confirm for Friday, March 14, 2025?", "2025-03-12T09:00:00-05:00", "date", "2025-03-14", ""},
    {"Let's do Tuesday the 18th.", "2025-03-12T09:00:00-05:00", "date", "2025-03-18", ""},
    {"Due 13/3 per the contract.", "2025-03-12T09:00:00-05:00", "date", "2025-03-13", ""},
    {"Renewal is Jan 31 2026.", "2025-03-12T09:00:00-05:00", "date", "2026-01-31", ""},
    {"Audit starts Sept 5.", "2025-03-12T09:00:00-05:00", "date", "2025-09-05", ""},
    {"Budget due December 1st.", "2025-03-12T09:00:00-05:00", "date", "2025-12-01", ""},
    {"Kickoff is the first of April.", "2025-03-12T09:00:00-05:00", "date", "2025-04-01", ""},
    {"Kickoff is April first.", "2025-03-12T09:00:00-05:00", "date", "2025-04-01", ""},
    {"Payment is due on 4/1.", "2025-03-12T09:00:00-05:00", "date", "2025-04-01", ""},
    {"The contract ends 2025/06/30.", "2025-03-12T09:00:00-05:00", "date", "2025-06-30", ""},
    {"Filing due 9/11.", "2025-03-12T09:00:00-05:00", "date", "2025-09-11", ""},
    {"The review is on Fri 3/14.", "2025-03-12T09:00:00-05:00", "date", "2025-03-14", ""},
    {"Need the files by 21st March.", "2025-03-12T09:00:00-05:00", "date", "2025-03-21", ""},
    {"Deliver by the 1st of next month.", "2025-03-12T09:00:00-05:00", "date", "2025-04-01", ""},
    {"Let's plan for the 20th of March.", "2025-03-12T09:00:00-05:00", "date", "2025-03-20", ""},
    {"Can we meet Jan 3?", "2025-12-28T10:00:00+01:00", "date", "2026-01-03", ""},
    {"That was due Dec 20.", "2025-12-22T09:00:00-08:00", "date", "2025-12-20", ""},
    {"Per our call on Dec 30, here are the notes.", "2026-01-02T09:00:00+00:00", "date", "2025-12-30", ""},
    {"I'll send it on 1/2.", "2025-12-29T09:00:00+00:00", "date", "2026-01-02", ""},
    {"Please send it next Monday.", "2025-12-28T10:00:00+01:00", "date", "2025-12-29", ""},
    {"Wrap it up by end of the week.", "2025-03-15T10:00:00-05:00", "date", "2025-03-21", ""},
    {"Have it ready by the 5th.", "2025-12-20T10:00:00+00:00", "date", "2026-01-05", ""},
    {"Let's close the books by end of the year.", "2025-12-31T10:00:00+00:00", "date", "2025-12-31", ""},
    {"Start again in two weeks.", "2025-12-24T10:00:00+00:00", "date", "2026-01-07", ""},
    {"The filing is due Feb 29.", "2024-02-27T11:00:00+00:00", "date", "2024-02-29", ""},
    {"The filing is due Feb 29.", "2025-03-01T11:00:00+00:00", "date", "2028-02-29", ""},
    {"Check back in a month.", "2024-01-31T11:00:00+00:00", "date", "2024-02-29", ""},
    {"Check back in one month.", "2025-01-31T11:00:00+00:00", "date", "2025-02-28", ""},
    {"Invoices by end of the month.", "2024-02-10T11:00:00+00:00", "date", "2024-02-29", ""},
    {"Renew in a year.", "2024-02-29T11:00:00+00:00", "date", "2025-02-28", ""},
    {"Submit by end of next month.", "2025-01-15T11:00:00+00:00", "date", "2025-02-28", ""},
    {"Due 2/29/2024.", "2025-03-12T09:00:00-05:00", "date", "2024-02-29", ""},
    {"See you in 3 days.", "2024-02-27T11:00:00+00:00", "date", "2024-03-01", ""},
    {"Please finalize by end of Q4.", "2025-11-14T08:15:00-06:00", "date", "2025-12-31", ""},
    {"Targets for end of Q3 are set.", "2025-11-14T08:15:00-06:00", "date", "2026-09-30", ""},
    {"We plan to launch in Q1 2026.", "2025-03-12T09:00:00-05:00", "interval", "2026-01-01", "2026-03-31"},
    {"Wrap up by end of Q1.", "2025-04-03T10:00:00+00:00", "date", "2025-03-31", ""},
    {"We'll revisit this in Q3.", "2025-03-12T09:00:00-05:00", "interval", "2025-07-01", "2025-09-30"},
    {"Numbers by the end of the quarter please.", "2025-11-14T08:15:00-06:00", "date", "2025-12-31", ""},
    {"Let's review next quarter.", "2025-03-12T09:00:00-05:00", "interval", "2025-04-01", "2025-06-30"},
    {"Monday at 9am works.", "2025-03-07T10:00:00-05:00", "datetime", "2025-03-10T09:00:00-05:00", ""},
    {"Need it next Tuesday by EOD.", "2025-03-07T10:00:00-05:00", "datetime", "2025-03-11T17:00:00-05:00", ""},
    {"Let's talk Monday 10:00.", "2025-10-24T14:00:00+02:00", "datetime", "2025-10-27T10:00:00+02:00", ""},
    {"Please respond within 72 hours.", "2025-10-24T14:00:00+02:00", "datetime", "2025-10-27T14:00:00+02:00", ""},
    {"Send it Sunday at noon.", "2025-10-24T14:00:00+02:00", "datetime", "2025-10-26T12:00:00+02:00", ""},
    {"By 2am on Sunday, please.", "2025-03-07T10:00:00-05:00", "datetime", "2025-03-09T02:00:00-05:00", ""},
    {"Due in 3 days.", "2025-11-01T22:00:00-04:00", "date", "2025-11-04", ""},
    {"Call me at 2 pm.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T14:00:00-05:00", ""},
    {"Please send it by 5:30 p.m.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T17:30:00-05:00", ""},
    {"We need the file by 17:00.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T17:00:00-05:00", ""},
    {"Let's sync at noon.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T12:00:00-05:00", ""},
    {"Let's sync at midday.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T12:00:00-05:00", ""},
    {"The portal closes at midnight.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T23:59:59-05:00", ""},
    {"Can you send it by 10 tomorrow?", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T10:00:00-05:00", ""},
    {"Call me tomorrow at 9.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T09:00:00-05:00", ""},
    {"Let's talk Friday at 3.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T15:00:00-05:00", ""},
    {"Could you send it by 8am?", "2025-03-14T16:30:00-05:00", "datetime", "2025-03-15T08:00:00-05:00", ""},
    {"Submit before 5pm EST.", "2025-11-14T08:15:00-06:00", "datetime", "2025-11-14T16:00:00-06:00", ""},
    {"Dial in at 9am PST.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T12:00:00-05:00", ""},
    {"I'll check this afternoon.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-12T12:00:00-05:00", "2025-03-12T17:00:00-05:00"},
    {"Let's finish tonight.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-12T18:00:00-05:00", "2025-03-12T23:59:59-05:00"},
    {"Can you call Friday afternoon?", "2025-03-12T09:00:00-05:00", "interval", "2025-03-14T12:00:00-05:00", "2025-03-14T17:00:00-05:00"},
    {"Send it first thing Monday.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-17T09:00:00-05:00", ""},
    {"I need it first thing tomorrow morning.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T09:00:00-05:00", ""},
    {"Please have it by close of business Friday.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T17:00:00-05:00", ""},
    {"Please have it by COB.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T17:00:00-05:00", ""},
    {"Needed by end of business day tomorrow.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T17:00:00-05:00", ""},
    {"Can you get it to me Friday EOD?", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T17:00:00-05:00", ""},
    {"Can you get it to me Friday by EOD?", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T17:00:00-05:00", ""},
    {"Please send it by end of day.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T17:00:00-05:00", ""},
    {"We need it by 10pm tonight.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T22:00:00-05:00", ""},
    {"Ping me at 4:45pm.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T16:45:00-05:00", ""},
    {"Can we do 11am on Thursday?", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T11:00:00-05:00", ""},
    {"Meeting moved to 3 pm tomorrow.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T15:00:00-05:00", ""},
    {"Let's say 5 o'clock Friday.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T17:00:00-05:00", ""},
    {"I'm away between March 3 and March 7.", "2025-02-20T10:00:00+00:00", "interval", "2025-03-03", "2025-03-07"},
    {"The conference runs March 3-7.", "2025-02-20T10:00:00+00:00", "interval", "2025-03-03", "2025-03-07"},
    {"I'm out between March 3 and 7.", "2025-02-20T10:00:00+00:00", "interval", "2025-03-03", "2025-03-07"},
    {"I can do Mon-Wed next week.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-17", "2025-03-19"},
    {"The team is offsite from Tuesday to Thursday.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-18", "2025-03-20"},
    {"I'm free Monday through Wednesday.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-17", "2025-03-19"},
    {"Call me between 2 and 4pm tomorrow.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-13T14:00:00-05:00", "2025-03-13T16:00:00-05:00"},
    {"I'm free Friday 2-4pm.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-14T14:00:00-05:00", "2025-03-14T16:00:00-05:00"},
    {"Office hours are 9am-5pm on Monday.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-17T09:00:00-05:00", "2025-03-17T17:00:00-05:00"},
    {"We close Dec 28 - Jan 3.", "2025-12-10T10:00:00+00:00", "interval", "2025-12-28", "2026-01-03"},
    {"Vacation from March 30 to April 2.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-30", "2025-04-02"},
    {"Blocked 3/17-3/21 for the audit.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-17", "2025-03-21"},
    {"I'll be out 17-21 March.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-17", "2025-03-21"},
    {"Available Thursday from 10 to 12.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-13T10:00:00-05:00", "2025-03-13T12:00:00-05:00"},
    {"I'll get back to you in 2 hours.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T11:00:00-05:00", ""},
    {"Back in 30 minutes.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T09:30:00-05:00", ""},
    {"Please reply within 24 hrs.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T09:00:00-05:00", ""},
    {"Let's revisit a week from Friday.", "2025-03-12T09:00:00-05:00", "date", "2025-03-21", ""},
    {"Follow up two weeks from now.", "2025-03-12T09:00:00-05:00", "date", "2025-03-26", ""},
    {"Check again 3 days from today.", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"I'll have it in a couple of days.", "2025-03-12T09:00:00-05:00", "date", "2025-03-14", ""},
    {"Please finish within a week.", "2025-03-12T09:00:00-05:00", "date", "2025-03-19", ""},
    {"Can we start next month?", "2025-03-12T09:00:00-05:00", "interval", "2025-04-01", "2025-04-30"},
    {"Let's target mid-March.", "2025-02-20T10:00:00+00:00", "interval", "2025-03-11", "2025-03-20"},
    {"I'll send it later this week.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-13", "2025-03-14"},
    {"Everything must be filed by the end of this month.", "2025-03-12T09:00:00-05:00", "date", "2025-03-31", ""},
    {"Start at the beginning of next month.", "2025-03-12T09:00:00-05:00", "date", "2025-04-01", ""},
    {"Can you work on it this weekend?", "2025-03-12T09:00:00-05:00", "interval", "2025-03-15", "2025-03-16"},
    {"Can you work on it over the weekend?", "2025-03-12T09:00:00-05:00", "interval", "2025-03-15", "2025-03-16"},
    {"The shoot is in May.", "2025-03-12T09:00:00-05:00", "interval", "2025-05-01", "2025-05-31"},
    {"Let's aim for March 2026.", "2025-03-12T09:00:00-05:00", "interval", "2026-03-01", "2026-03-31"},
    {"I sent it yesterday.", "2025-03-12T09:00:00-05:00", "date", "2025-03-11", ""},
    {"We spoke last Friday.", "2025-03-12T09:00:00-05:00", "date", "2025-03-07", ""},
    {"Sounds good, see you Friday next week.", "2025-03-12T09:00:00-05:00", "date", "2025-03-21", ""},
    {"How about Friday after next?", "2025-03-12T09:00:00-05:00", "date", "2025-03-28", ""},
    {"Can we do early April?", "2025-03-12T09:00:00-05:00", "interval", "2025-04-01", "2025-04-10"},
    {"Targeting late May for launch.", "2025-03-12T09:00:00-05:00", "interval", "2025-05-21", "2025-05-31"},
    {"Need a draft by mid next week.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-18", "2025-03-20"},
    {"I'll be back in 10 working days.", "2025-03-12T09:00:00-05:00", "date", "2025-03-26", ""},
    {"Let's catch up in the next 48 hours.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T09:00:00-05:00", ""},
    {"Payment within 30 days of invoice.", "2025-03-12T09:00:00-05:00", "date", "2025-04-11", ""},
    {"Please finish by Fri.", "2025-03-12T09:00:00-05:00", "date", "2025-03-14", ""},
    {"Due Thurs.", "2025-03-12T09:00:00-05:00", "date", "2025-03-13", ""},
    {"Can you send it by Sat?", "2025-03-12T09:00:00-05:00", "date", "2025-03-15", ""},
    {"We'll launch on the coming Monday.", "2025-03-12T09:00:00-05:00", "date", "2025-03-17", ""},
    {"Need it by tmrw.", "2025-03-12T09:00:00-05:00", "date", "2025-03-13", ""},
    {"Please send it ASAP.", "2025-03-12T09:00:00-05:00", "unresolved", "", ""},
    {"I need this as soon as possible.", "2025-03-12T09:00:00-05:00", "unresolved", "", ""},
    {"Reply at your earliest convenience.", "2025-03-12T09:00:00-05:00", "unresolved", "", ""},
    {"This is urgent.", "2025-03-12T09:00:00-05:00", "unresolved", "", ""},
    {"Please fix it right away.", "2025-03-12T09:00:00-05:00", "unresolved", "", ""},
    {"I need it soon.", "2025-03-12T09:00:00-05:00", "unresolved", "", ""},
    {"Please call immediately.", "2025-03-12T09:00:00-05:00", "unresolved", "", ""},
    {"Please handle this urgently.", "2025-03-12T09:00:00-05:00", "unresolved", "", ""},
    {"Let me know as soon as you can.", "2025-03-12T09:00:00-05:00", "unresolved", "", ""},
    {"We spent 3/4 of the budget already.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Version 2.0 is live.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"It costs $15.03 per unit.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Call me on 555-123-4567.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"It took 1/2 hour.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Support is 24/7.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"You may send the files whenever.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"May I ask a question?", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"They will march to the office.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"The sun is out, finally.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Hold on one second.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Thanks for the second draft.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"We had 3-7 people in the room.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Our 15th anniversary party was great.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Final score was 3:1.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"As soon as I get back I'll check.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Every Friday we sync on the numbers.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"The Q3 numbers look good.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Room 12, 3rd floor.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Serial number 2024-13-45.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Invoice 2025/001 attached.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"The server is 192.168.1.10.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"It was a 50/50 split.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"We need 2 more people.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Use the 2-3 best photos.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"The ratio is 16:9.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"I sat down with the team.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Please add the Q3 numbers too.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Ask Jan about it.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"The 1.5 release is out.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Order #3/15 shipped.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Rated 4/5 by clients.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"About 1 1/2 hours of work.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Page 3/15 has a typo.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"No deadline on this one.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Weds are busy for me.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Thanks a million!", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"We are a team of 12.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Marching orders received.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"I may need more time.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Black Friday deals are live.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    {"Cyber Monday sales start.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    // ISO 8601 date-times, reported in the sender's offset (public suites
    // test these; a time in them is not a separate expression).
    {"Export finished 2025-03-14T17:00:00Z, see log.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T12:00:00-05:00", ""},
    {"Cutoff 2025-03-14T17:00 per the portal.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T17:00:00-05:00", ""},
    {"Window closes 2025-03-14T23:45:00.487+01:00.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T17:45:00-05:00", ""},
    // A clock time after a day part; a bare hour takes the day part's half.
    {"Can you send it tonight at 8?", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T20:00:00-05:00", ""},
    {"Call me this afternoon at 3.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T15:00:00-05:00", ""},
    {"I need it tomorrow morning at 10.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-13T10:00:00-05:00", ""},
    // A range's meridiem reaches a first time that has minutes but none of its own.
    {"The webinar runs 7:00 - 8:00 PM.", "2025-03-12T09:00:00-05:00", "interval", "2025-03-12T19:00:00-05:00", "2025-03-12T20:00:00-05:00"},
    {"Office hours 9:00 - 5:00 PM.", "2025-03-12T08:00:00-05:00", "interval", "2025-03-12T09:00:00-05:00", "2025-03-12T17:00:00-05:00"},
    // A bare second hour takes the first's meridiem when that keeps the order.
    {"Install window today from 1am-3.", "2025-03-12T00:30:00-05:00", "interval", "2025-03-12T01:00:00-05:00", "2025-03-12T03:00:00-05:00"},
    // Half a unit; "next N weeks" is the end of the span.
    {"I need an answer within half an hour.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T09:30:00-05:00", ""},
    {"Over the next 2 weeks we need the drafts.", "2025-03-12T09:00:00-05:00", "date", "2025-03-26", ""},
    {"I have half a mind to cancel.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    // A year written in one half of a range belongs to both.
    {"The audit ran Aug 10 - Nov 12, 2024.", "2025-03-12T09:00:00-05:00", "interval", "2024-08-10", "2024-11-12"},
    {"Blackout Dec 28 - Jan 3, 2026 for all vendors.", "2025-03-12T09:00:00-05:00", "interval", "2025-12-28", "2026-01-03"},
    {"The pilot covered August 12, 2024 to 13 September.", "2025-03-12T09:00:00-05:00", "interval", "2024-08-12", "2024-09-13"},
    // Hours and minutes run together before a meridiem; a fraction of a
    // second; a lower-case zone right after a meridiem.
    {"Can you call me at 1230pm?", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-12T12:30:00-05:00", ""},
    {"Logged 03/14/2025 10:31:50.522 PM by the portal.", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T22:31:00-05:00", ""},
    {"Friday at 2 pm est works.", "2025-03-12T09:00:00-06:00", "datetime", "2025-03-14T13:00:00-06:00", ""},
    {"Ship 1000 units.", "2025-03-12T09:00:00-05:00", "none", "", ""},
    // A numeric offset after a time, as in a pasted header.
    {"Sent: Fri, 14 Mar 2025 11:50:48 -0800", "2025-03-12T09:00:00-05:00", "datetime", "2025-03-14T14:50:00-05:00", ""},
};

TEST(DateTable, EdgeCases) {
    int passed = 0;
    for (const DateCase& c : kEdgeCasesCases) {
        const auto reference = parse_iso8601(c.reference);
        ASSERT_TRUE(reference.has_value()) << c.reference;
        const auto found = find_dates(c.sentence, *reference);
        std::string got;
        for (const auto& e : found) {
            got += "[" + e.text + " " + std::string(date_kind_name(e.kind)) + " " + e.value + " " +
                   e.end_value + "] ";
        }
        if (std::string(c.kind) == "none") {
            EXPECT_TRUE(found.empty()) << c.sentence << " -> " << got;
            passed += found.empty() ? 1 : 0;
            continue;
        }
        const bool ok = found.size() == 1 && date_kind_name(found[0].kind) == c.kind &&
                        found[0].value == c.value && found[0].end_value == c.end_value;
        EXPECT_TRUE(ok) << c.sentence << " @ " << c.reference << ": want " << c.kind << " " << c.value
                        << " " << c.end_value << ", got " << got;
        passed += ok ? 1 : 0;
    }
    RecordProperty("passed", passed);
}

}  // namespace
}  // namespace casefile::core
