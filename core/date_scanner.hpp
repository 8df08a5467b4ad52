// The date scanner's internals, shared by date_absolute.cpp (numeric and
// named dates), date_relative.cpp (weekdays, "tomorrow", "end of Q3"),
// date_times.cpp (clock times), date_ranges.cpp (a day with its time, and
// ranges) and date_finder.cpp (the scan and the output). Every parser takes
// a token index and returns what it matched plus the index after it, or
// nullopt; none of them allocates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/date_expression.hpp"
#include "core/date_tokens.hpp"

namespace casefile::core::date_detail {

constexpr int kWholeDay = -1;
constexpr int kNoZone = -100000;
constexpr int kEndOfDaySeconds = 23 * 3600 + 59 * 60 + 59;

// A day, and a wall-clock time in the sender's offset when one was given.
struct Moment {
    std::int64_t day = 0;
    int seconds = kWholeDay;
};

struct Value {
    bool unresolved = false;
    bool interval = false;
    Moment start;
    Moment end;  // intervals only
};

// What relative parts resolve against: the reference itself, or for the
// second half of a range, its first half (with no grace).
struct Anchor {
    std::int64_t day = 0;
    int seconds = 0;
    int grace_days = 0;
};

struct DayMatch {
    std::size_t end = 0;  // token index after the match
    Value value;
    unsigned month = 0;   // absolute dates: their month, for "March 3-7" and "between March 3 and 7"
    bool single_day = false;  // a plain day that a time may follow
};

struct TimeMatch {
    std::size_t end = 0;
    int seconds = 0;
    int end_seconds = kWholeDay;  // day parts and ranges: the end
    bool strong = false;          // has a.m./p.m., minutes or is a word (noon)
    bool fixed_day = false;       // EOD, midnight, day parts: never roll to tomorrow
    int zone_offset = kNoZone;    // "5pm EST": minutes east of UTC
    int meridiem = 0;             // 1 when "a.m." was written, 2 for "p.m."
    int hour_written = -1;        // the hour as written (for "2-4pm")
};

struct Match {
    std::size_t end = 0;
    Value value;
};

class Scanner {
public:
    Scanner(std::string_view text, const std::vector<Token>& tokens, const Timestamp& reference,
            const DateOptions& options);

    // The longest expression starting at token i.
    std::optional<Match> match_at(std::size_t i) const;

    // date_absolute.cpp: "3/15", "2025-03-15", "15.03.2025", "March 15th",
    // "15 March 2025", "the 15th", "Friday, March 14", "March 3-7", "in May".
    std::optional<DayMatch> absolute_date(std::size_t i, const Anchor& anchor) const;
    // date_relative.cpp: "today", "next Friday", "in 3 days", "end of Q3" ...
    std::optional<DayMatch> relative_day(std::size_t i, const Anchor& anchor) const;
    // Whichever of the two is longer.
    std::optional<DayMatch> day(std::size_t i, const Anchor& anchor) const;

    // date_times.cpp: "5pm", "5:30 p.m.", "17:00", "noon", "EOD", "close of
    // business"; a bare hour ("10") only when allow_bare_hour.
    std::optional<TimeMatch> time_of_day(std::size_t i, bool allow_bare_hour) const;
    // "2-4pm", "9am to 5pm", "2 and 4 pm". After "between" the connector
    // may be "and"; after "between" or "from" both hours may be bare ("from
    // 10 to 12").
    std::optional<TimeMatch> time_range(std::size_t i, bool after_between, bool cued = false) const;
    // "morning", "afternoon", "evening", "night" after a day.
    std::optional<TimeMatch> day_part(std::size_t i) const;

    // date_ranges.cpp: a day with an optional time, a time with an optional
    // day, and ranges of either.
    std::optional<Match> compound(std::size_t i, const Anchor& anchor, bool allow_bare_hour) const;
    std::optional<Match> range(std::size_t i) const;

    // date_finder.cpp: "ASAP", "as soon as possible" ...
    std::optional<Match> unresolved_phrase(std::size_t i) const;

    // Token access; out-of-range indexes answer false.
    const Token* at(std::size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
    bool is(std::size_t i, Kw keyword) const {
        return i < tokens_.size() && tokens_[i].keyword == keyword;
    }
    bool is_symbol(std::size_t i, char symbol) const {
        return i < tokens_.size() && tokens_[i].kind == TokenKind::symbol && tokens_[i].symbol == symbol;
    }
    bool is_number(std::size_t i) const {
        return i < tokens_.size() && tokens_[i].kind == TokenKind::number && tokens_[i].value >= 0;
    }
    // Token i follows token i - 1 with no space between.
    bool glued(std::size_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }
    // The number or number word at i ("3", "three", "a"), with its end.
    std::optional<int> count_at(std::size_t i, std::size_t& end) const;

    Anchor reference_anchor() const;
    const DateOptions& options() const { return options_; }
    std::int64_t reference_day() const { return reference_day_; }
    int reference_seconds() const { return reference_seconds_; }
    int offset_minutes() const { return offset_minutes_; }

private:
    std::optional<DayMatch> numeric_date(std::size_t i, const Anchor& anchor) const;
    // The "T17:00:00Z" after an ISO 8601 date (`t` is the "T"), as a moment in
    // the sender's offset; `day` is the date's day number.
    std::optional<DayMatch> iso_date_time(std::size_t t, std::int64_t day) const;
    std::optional<DayMatch> named_date(std::size_t i, const Anchor& anchor) const;
    std::optional<DayMatch> weekday_day(std::size_t i, const Anchor& anchor) const;
    std::optional<DayMatch> period(std::size_t i, const Anchor& anchor) const;
    std::optional<DayMatch> offset_day(std::size_t i, const Anchor& anchor) const;

    std::string_view text_;
    const std::vector<Token>& tokens_;
    DateOptions options_;
    std::int64_t reference_day_ = 0;
    int reference_seconds_ = 0;
    int offset_minutes_ = 0;
};

}  // namespace casefile::core::date_detail
