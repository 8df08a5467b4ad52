// The VA's response times and a client's out-of-hours share, per calendar
// month in the VA's time zone (issue 4, item 4): what a VA shows a client who
// says "you never answer" or who mails at 23:40 and expects a reply by 8.
// Pure: the store hands in each thread's messages as (time, who wrote it).
//
// How replies are counted. A message from the VA answers every client
// message of the same thread that came before it and had no answer yet; a
// burst of three client mails answered by one reply is three answered mails.
// That reply is one response, timed once, from the earliest of those client
// messages: how long the client had been waiting. This is the rule the
// digest's "awaiting reply" uses (the oldest client mail since the VA last
// wrote), so the two never disagree. Pairing each reply with only the
// earliest unanswered mail instead would leave the rest of a burst
// "unanswered" after the VA had answered it, and later pair them with an
// unrelated message (a delivery days later), inflating the median.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time_zone.hpp"
#include "core/working_week.hpp"

namespace casefile::core {

struct TimedMessage {
    std::int64_t unix_seconds = 0;
    bool from_va = false;
};

// One thread's dated messages, in any order. A VA message dated the same
// second as a client message counts as after it (as in the digest).
using ThreadTimeline = std::vector<TimedMessage>;

struct ResponseFigures {
    std::int64_t client_messages = 0;
    std::int64_t out_of_hours = 0;  // client messages received outside the working hours
    std::int64_t answered = 0;      // client messages that a later VA message answered
    std::int64_t unanswered = 0;    // client messages no VA message followed (yet)
    std::int64_t responses = 0;     // timed replies: the medians' sample size
    // Medians over the responses: working time (nights, weekends and days
    // off do not count) and wall-clock time. Of an even count, the mean of
    // the middle two, rounded down. Nullopt when there was no response.
    std::optional<std::int64_t> median_working_seconds;
    std::optional<std::int64_t> median_seconds;

    // out_of_hours / client_messages; 0 when there are none.
    double out_of_hours_share() const;
};

struct MonthFigures {
    std::string month;  // "2025-12", local to the VA
    ResponseFigures figures;
};

struct ResponseStats {
    // Oldest first; only months in which the client wrote.
    std::vector<MonthFigures> months;
    // Over the months listed (medians over all their responses, not a median
    // of the monthly medians).
    ResponseFigures total;
};

// Each client message belongs to the local month it was received in, and so
// does the response that answered it (a mail of 30 November answered on
// 1 December is November's). Months before `first_month` ("YYYY-MM"), when
// given, are left out of the months and of the total.
ResponseStats response_stats(const std::vector<ThreadTimeline>& threads, const WorkingWeek& week,
                             const TimeZone& zone,
                             const std::optional<std::string>& first_month = std::nullopt);

// "2025-12": the VA's local calendar month of a moment.
std::string local_month(std::int64_t unix_seconds, const TimeZone& zone);

// The month `count - 1` months before the one holding `unix_seconds` (local),
// so that months from it on are the last `count`, the current one included.
// REQUIRES: count >= 1.
std::string first_of_last_months(std::int64_t unix_seconds, int count, const TimeZone& zone);

}  // namespace casefile::core
