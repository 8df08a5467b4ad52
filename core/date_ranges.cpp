// Putting the pieces together: a day with its time ("Friday at 3pm", "5pm
// tomorrow", "tomorrow morning", "EOD Friday") and ranges ("between March 3
// and 7", "Mon-Wed", "from Tuesday to Thursday", "Friday 2-4pm").
#include "core/date_calendar.hpp"
#include "core/date_scanner.hpp"

namespace casefile::core::date_detail {
namespace {

// A wall-clock time written in another zone ("5pm EST"), moved into the
// sender's offset.
Moment in_sender_offset(std::int64_t day, int seconds, int zone_offset, int sender_offset) {
    // `seconds` may pass midnight: the end of "11pm-2" is on the next day.
    if ((zone_offset == kNoZone || zone_offset == sender_offset) && seconds < 86400) return Moment{day, seconds};
    if (zone_offset == kNoZone) zone_offset = sender_offset;
    std::int64_t total = day * 86400 + seconds + std::int64_t{sender_offset - zone_offset} * 60;
    std::int64_t result_day = total / 86400;
    std::int64_t rest = total % 86400;
    if (rest < 0) {
        rest += 86400;
        --result_day;
    }
    return Moment{result_day, static_cast<int>(rest)};
}

}  // namespace

namespace {

Match on_day(std::size_t end, std::int64_t day, const TimeMatch& time, int sender_offset) {
    Match match;
    match.end = end;
    match.value.start = in_sender_offset(day, time.seconds, time.zone_offset, sender_offset);
    if (time.end_seconds != kWholeDay) {
        match.value.interval = true;
        match.value.end = in_sender_offset(day, time.end_seconds, time.zone_offset, sender_offset);
    }
    return match;
}

// "tonight at 8", "tomorrow afternoon at 3:30", "this morning, 10am": a clock
// time after a day part names the moment; a bare hour takes the day part's
// half of the day. `part_start` is when the day part begins.
std::optional<Match> time_in_day_part(const Scanner& scanner, std::size_t j, std::int64_t day, int part_start,
                                      int sender_offset) {
    if (scanner.is_symbol(j, ',')) ++j;
    const bool cue = scanner.is(j, Kw::at) || scanner.is_symbol(j, '@') || scanner.is(j, Kw::around);
    if (cue) ++j;
    auto time = scanner.time_of_day(j, cue);
    if (!time || time->fixed_day) return std::nullopt;
    if (time->meridiem == 0 && time->hour_written >= 1 && time->hour_written <= 11 && part_start >= 12 * 3600 &&
        time->seconds < 12 * 3600) {
        time->seconds += 12 * 3600;
    }
    return on_day(time->end, day, *time, sender_offset);
}

}  // namespace

std::optional<Match> Scanner::compound(std::size_t i, const Anchor& anchor, bool allow_bare_hour) const {
    // "first thing tomorrow", "first thing Monday", "first thing in the morning"
    if (const Token* token = at(i); token != nullptr && token->lex == LexKind::ordinal_word &&
        token->value == 1 && is(i + 1, Kw::thing)) {
        const int start = options_.start_of_day_minutes * 60;
        TimeMatch time;
        time.seconds = start;
        if (auto named = day(i + 2, anchor); named && named->single_day) {
            return on_day(named->end, named->value.start.day, time, offset_minutes_);
        }
        std::size_t end = i + 2;
        if (is(end, Kw::in) && is(end + 1, Kw::the) && is(end + 2, Kw::morning)) end += 3;
        const std::int64_t target = anchor.seconds < start ? anchor.day : anchor.day + 1;
        return on_day(end, target, time, offset_minutes_);
    }

    // "five copies on his desk in the morning": said of work, the next
    // morning, as "first thing in the morning" is (a mail written before the
    // day starts means that day's).
    if (is(i, Kw::in) && is(i + 1, Kw::the) && is(i + 2, Kw::morning)) {
        const int start = options_.start_of_day_minutes * 60;
        TimeMatch time;
        time.seconds = start;
        const std::int64_t target = anchor.seconds < start ? anchor.day : anchor.day + 1;
        return on_day(i + 3, target, time, offset_minutes_);
    }

    if (auto named = day(i, anchor)) {
        Match match;
        match.end = named->end;
        match.value = named->value;
        if (!named->single_day) {
            // "tonight", "this afternoon": a day part, which a time may follow.
            const Value& v = named->value;
            if (v.interval && v.start.seconds >= 0 && v.end.day == v.start.day) {
                if (auto timed = time_in_day_part(*this, named->end, v.start.day, v.start.seconds, offset_minutes_)) {
                    return timed;
                }
            }
            // "next week on 10/6", "next year (July 2026)": a date inside
            // the period names which part of it is meant.
            if (v.interval && v.start.seconds == kWholeDay) {
                std::size_t j = named->end;
                const bool bracket = is_symbol(j, '(');
                if (bracket || is(j, Kw::at) || is(j, Kw::on) || is_symbol(j, ',')) ++j;
                if (j != named->end && at(j) != nullptr &&
                    (at(j)->kind == TokenKind::number || at(j)->lex == LexKind::month)) {
                    if (auto inner = absolute_date(j, anchor)) {
                        const Value& w = inner->value;
                        const std::int64_t last = w.interval ? w.end.day : w.start.day;
                        if (w.start.seconds == kWholeDay && w.start.day >= v.start.day && last <= v.end.day) {
                            match.value = w;
                            match.end = inner->end + (bracket && is_symbol(inner->end, ')') ? 1 : 0);
                        }
                    }
                }
            }
            return match;
        }
        const std::int64_t target = named->value.start.day;
        std::size_t j = named->end;
        if (auto part = day_part(j)) {
            if (auto timed = time_in_day_part(*this, part->end, target, part->seconds, offset_minutes_)) return timed;
            return on_day(part->end, target, *part, offset_minutes_);
        }
        if (is_symbol(j, ',')) ++j;
        bool cue = false;
        // "tomorrow after 4pm": the time from which the thing is wanted.
        if (is(j, Kw::at) || is(j, Kw::by) || is(j, Kw::before) || is(j, Kw::around) || is(j, Kw::after) ||
            is(j, Kw::from) || is(j, Kw::between) || is_symbol(j, '@')) {
            cue = true;
            ++j;
        }
        const bool range_cue = is(j - 1, Kw::between) || is(j - 1, Kw::from);
        if (auto range_of_times = time_range(j, is(j - 1, Kw::between), range_cue)) {
            return on_day(range_of_times->end, target, *range_of_times, offset_minutes_);
        }
        if (auto time = time_of_day(j, cue)) return on_day(time->end, target, *time, offset_minutes_);
        return match;
    }

    std::optional<TimeMatch> time = time_range(i, false);
    if (!time) time = time_of_day(i, allow_bare_hour);
    if (!time) {
        // "11 tonight", "9 at night", "3 this afternoon": the day part
        // makes a bare hour a time.
        time = time_of_day(i, true);
        if (!time) return std::nullopt;
        const std::size_t after = time->end;
        const bool day_part_follows =
            is(after, Kw::tonight) ||
            (is(after, Kw::at) && is(after + 1, Kw::night) && time->hour_written >= 6 && time->hour_written <= 11) ||
            (is(after, Kw::this_) && (is(after + 1, Kw::morning) || is(after + 1, Kw::afternoon) ||
                                      is(after + 1, Kw::evening)));
        if (!day_part_follows) return std::nullopt;
    }
    // "5pm on Friday", "10am tomorrow", "noon, Monday", "10pm tonight".
    std::size_t j = time->end;
    // "11 tonight" is 11 p.m.; "3 this afternoon" 3 p.m.
    const auto afternoon_hour = [&](TimeMatch t) {
        if (t.meridiem == 0 && t.hour_written >= 1 && t.hour_written <= 11 && t.seconds < 12 * 3600) {
            t.seconds += 12 * 3600;
        }
        return t;
    };
    if (is(j, Kw::tonight)) return on_day(j + 1, anchor.day, afternoon_hour(*time), offset_minutes_);
    if (is(j, Kw::at) && is(j + 1, Kw::night) && time->meridiem == 0 && time->hour_written >= 6 &&
        time->hour_written <= 11) {
        return on_day(j + 2, anchor.day, afternoon_hour(*time), offset_minutes_);
    }
    if (is(j, Kw::this_) && (is(j + 1, Kw::morning) || is(j + 1, Kw::afternoon) ||
                             is(j + 1, Kw::evening))) {
        const TimeMatch t = is(j + 1, Kw::morning) ? *time : afternoon_hour(*time);
        return on_day(j + 2, anchor.day, t, offset_minutes_);
    }
    std::size_t k = j;
    if (is(k, Kw::on) || is_symbol(k, ',')) ++k;
    if (auto named = day(k, anchor); named && named->single_day) {
        return on_day(named->end, named->value.start.day, *time, offset_minutes_);
    }
    if (!time->strong) return std::nullopt;  // "at 10" alone: too often not a time
    // A time alone is the next such moment: today if still ahead (compared
    // in the sender's offset, after "9am PST" is converted).
    const Moment today = in_sender_offset(anchor.day, time->seconds, time->zone_offset, offset_minutes_);
    const bool ahead = today.day > anchor.day || (today.day == anchor.day && today.seconds > anchor.seconds);
    const std::int64_t target = time->fixed_day || ahead ? anchor.day : anchor.day + 1;
    return on_day(j, target, *time, offset_minutes_);
}

std::optional<Match> Scanner::range(std::size_t i) const {
    const Token& token = tokens_[i];
    const bool between = token.keyword == Kw::between;
    const bool from = token.keyword == Kw::from;
    const std::size_t first_index = between || from ? i + 1 : i;
    // "push the review from Friday to Monday" is a change of date, reported
    // as two dates, not a range.
    for (std::size_t back = 1; back <= 6 && back <= i; ++back) {
        if (tokens_[i - back].keyword == Kw::move_verb) return std::nullopt;
        if (tokens_[i - back].kind == TokenKind::symbol && tokens_[i - back].symbol == '.') break;
    }
    const Anchor anchor = reference_anchor();
    // "between 2 and 4pm tomorrow", "from 9 to 5 on Friday"
    if (between || from) {
        if (auto times = time_range(first_index, between, true)) {
            std::size_t k = times->end;
            if (is(k, Kw::on) || is_symbol(k, ',')) ++k;
            if (auto named = day(k, anchor); named && named->single_day) {
                return on_day(named->end, named->value.start.day, *times, offset_minutes_);
            }
        }
    }
    auto first_day = day(first_index, anchor);
    auto first = compound(first_index, anchor, false);
    if (!first) return std::nullopt;
    const std::size_t c = first->end;
    const bool connector = is_symbol(c, '-') || is(c, Kw::to) || is(c, Kw::through) ||
                           is(c, Kw::until) || (between && is(c, Kw::and_));
    if (!connector || (between && !is(c, Kw::and_) && !is_symbol(c, '-'))) return std::nullopt;
    if (from && is(c, Kw::and_)) return std::nullopt;
    const Value& start = first->value;
    Match match;
    match.value.interval = true;
    match.value.start = start.start;
    // "between March 3 and 7": the second number is a day of the same month.
    if (first_day && first_day->end == c && first_day->single_day && first_day->month != 0 &&
        is_number(c + 1) && at(c + 1)->digits <= 2 && !(at(c + 2) && at(c + 2)->lex == LexKind::month)) {
        const int last = at(c + 1)->value;
        const CivilDate date = civil(start.start.day);
        if (last > static_cast<int>(date.day) && last <= static_cast<int>(days_in_month(date.year, date.month)) &&
            !time_of_day(c + 1, false)) {
            match.end = c + 2;
            match.value.end.day = day_number(date.year, date.month, static_cast<unsigned>(last));
            return match;
        }
    }
    // A year written in one half belongs to both: "Aug 12, 2015 to Sep 13",
    // "10 August - 12 September 2013", "Dec 28 - Jan 3, 2026".
    const auto has_year = [&](std::size_t first_token, std::size_t past_last) {
        for (std::size_t k = first_token; k < past_last; ++k) {
            if (is_number(k) && at(k)->digits == 4) return true;
        }
        return false;
    };
    const bool first_has_year = has_year(first_index, c);
    // The second half resolves against the first: "Mon-Wed", "Dec 28 - Jan 3".
    const Anchor second_anchor{start.start.day, start.start.seconds < 0 ? 0 : start.start.seconds, 0};
    // "Mon-Wed next week": the second half against the reference when that
    // still lands after the first, else against the first half.
    std::optional<Match> second;
    if (!first_has_year) second = compound(c + 1, anchor, false);
    if (second) {
        const Moment candidate = second->value.interval ? second->value.end : second->value.start;
        if (candidate.day < start.start.day) second.reset();
    }
    if (!second) second = compound(c + 1, second_anchor, false);
    if (!second) return std::nullopt;
    const Moment end = second->value.interval ? second->value.end : second->value.start;
    if (!first_has_year && has_year(c + 1, second->end) && first_day && first_day->end == c &&
        first_day->single_day && first_day->month != 0 && !start.interval) {
        const CivilDate a = civil(start.start.day);
        const CivilDate b = civil(end.day);
        int year = b.year;
        if (a.month > b.month || (a.month == b.month && a.day > b.day)) --year;
        if (a.day <= days_in_month(year, a.month)) {
            match.value.start.day = day_number(year, a.month, a.day);
            if (end.day < match.value.start.day) return std::nullopt;
            match.end = second->end;
            match.value.end = end;
            return match;
        }
    }
    // Without "between"/"from", only two days make a range ("Mon-Wed"): a
    // time then a day ("5pm to Friday") is not one.
    if (!between && !from && (start.interval || second->value.interval)) return std::nullopt;
    if (end.day < start.start.day) return std::nullopt;
    match.end = second->end;
    match.value.end = end;
    return match;
}

}  // namespace casefile::core::date_detail
