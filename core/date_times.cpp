// Clock times: "5pm", "5:30 p.m.", "17:00", "noon", "EOD", "close of
// business", time ranges ("2-4pm") and day parts ("morning").
#include "core/date_scanner.hpp"

namespace casefile::core::date_detail {
namespace {

TimeMatch at_time(std::size_t end, int hour, int minute, bool strong) {
    TimeMatch match;
    match.end = end;
    match.seconds = hour * 3600 + minute * 60;
    match.strong = strong;
    return match;
}

// A bare hour ("by 10 tomorrow", "at 3"): office hours decide, 7-11 in the
// morning and 12-6 in the afternoon.
int office_hour(int hour) { return hour >= 1 && hour <= 6 ? hour + 12 : hour; }

}  // namespace

std::optional<TimeMatch> Scanner::time_of_day(std::size_t i, bool allow_bare_hour) const {
    const Token* token = at(i);
    if (token == nullptr) return std::nullopt;
    if (token->keyword == Kw::noon || token->keyword == Kw::midday) return at_time(i + 1, 12, 0, true);
    if (token->keyword == Kw::midnight) {
        TimeMatch match = at_time(i + 1, 0, 0, true);
        match.seconds = kEndOfDaySeconds;
        match.fixed_day = true;
        return match;
    }
    const int end_of_day = options_.end_of_day_minutes * 60;
    if (token->keyword == Kw::eod || token->keyword == Kw::cob || token->keyword == Kw::eob) {
        TimeMatch match = at_time(i + 1, 0, 0, true);
        match.seconds = end_of_day;
        match.fixed_day = true;
        return match;
    }
    // "(the) end of (the) (business|working) day", "close of business",
    // "close of play", "end of business".
    {
        std::size_t j = i;
        if (is(j, Kw::the)) ++j;
        if ((is(j, Kw::end) || is(j, Kw::close)) && is(j + 1, Kw::of)) {
            std::size_t k = j + 2;
            if (is(k, Kw::the)) ++k;
            const bool qualified = is(k, Kw::business) || is(k, Kw::working);
            if (qualified) ++k;
            std::size_t end = 0;
            if (is(k, Kw::day)) end = k + 1;
            else if (qualified && is(k - 1, Kw::business)) end = k;
            else if (is(k, Kw::play) && is(j, Kw::close)) end = k + 1;
            if (end != 0) {
                TimeMatch match = at_time(end, 0, 0, true);
                match.seconds = end_of_day;
                match.fixed_day = true;
                return match;
            }
        }
    }
    if (!is_number(i) || token->ordinal) return std::nullopt;
    // "1230pm", "1115am": hours and minutes run together, only with a meridiem.
    // "750am-910am": the second follows a dash. Spaced ("950 AM") is a radio
    // station; only a range ("1-230 pm") reads it as a time.
    const bool after_meridiem_dash =
        i > 1 && is_symbol(i - 1, '-') && (is(i - 2, Kw::am) || is(i - 2, Kw::pm));
    if ((token->digits == 3 || token->digits == 4) && (is(i + 1, Kw::am) || is(i + 1, Kw::pm)) && glued(i + 1) &&
        !(i > 0 && glued(i) && !after_meridiem_dash)) {
        const int h = token->value / 100, m = token->value % 100;
        if (h < 1 || h > 12 || m > 59) return std::nullopt;
        const int meridiem = is(i + 1, Kw::am) ? 1 : 2;
        TimeMatch match = at_time(i + 2, meridiem == 1 ? h % 12 : h % 12 + 12, m, true);
        match.hour_written = h;
        match.meridiem = meridiem;
        return match;
    }
    if (token->digits > 2) return std::nullopt;
    if (i > 0 && glued(i) && tokens_[i - 1].kind != TokenKind::symbol) return std::nullopt;
    if (i > 0 && glued(i) && (tokens_[i - 1].symbol == '$' || tokens_[i - 1].symbol == '.' ||
                              tokens_[i - 1].symbol == ':' || tokens_[i - 1].symbol == '/' ||
                              tokens_[i - 1].symbol == '#' || tokens_[i - 1].symbol == '+')) {
        return std::nullopt;  // "+05:30" is an offset
    }
    // "23:59:00-05:00": after a time with seconds, "-05:00" is its offset.
    if (i >= 6 && glued(i) && is_symbol(i - 1, '-') && glued(i - 1) && is_number(i - 2) && glued(i - 2) &&
        is_symbol(i - 3, ':') && glued(i - 3) && is_number(i - 4) && glued(i - 4) && is_symbol(i - 5, ':')) {
        return std::nullopt;
    }
    const int hour = token->value;
    if (hour > 24) return std::nullopt;
    if (hour == 12 && (is(i + 1, Kw::noon) || is(i + 1, Kw::midday))) return at_time(i + 2, 12, 0, true);
    std::size_t j = i + 1;
    int minute = -1;
    // "5:30", "17:00", "5:30:00"; "5.30pm" only with a meridiem (else a price).
    bool dotted = false;
    if ((is_symbol(j, ':') || is_symbol(j, '.')) && glued(j) && is_number(j + 1) && glued(j + 1) &&
        at(j + 1)->digits == 2 && at(j + 1)->value < 60) {
        dotted = tokens_[j].symbol == '.';
        minute = at(j + 1)->value;
        j += 2;
        if (!dotted && is_symbol(j, ':') && glued(j) && is_number(j + 1) && at(j + 1)->digits == 2) {
            j += 2;
            // "10:31:50.522": a fraction of a second.
            if (is_symbol(j, '.') && glued(j) && is_number(j + 1) && glued(j + 1)) j += 2;
        }
    }
    int meridiem = 0;
    std::size_t k = j;
    if (is(k, Kw::am) || is(k, Kw::pm)) {
        meridiem = is(k, Kw::am) ? 1 : 2;
        ++k;  // a dot after "pm" ends the sentence, not the time
    } else if ((is(k, Kw::a) || is(k, Kw::p)) && is_symbol(k + 1, '.') && glued(k + 1) && is(k + 2, Kw::m) &&
               glued(k + 2)) {
        meridiem = is(k, Kw::a) ? 1 : 2;
        k += 3;
        if (is_symbol(k, '.') && glued(k)) ++k;  // "p.m." ends with its dot
    } else if (minute >= 0 && !dotted && glued(k) && at(k) != nullptr && at(k)->kind == TokenKind::word &&
               at(k)->end - at(k)->start == 1 && (is(k, Kw::p) || is(k, Kw::a)) &&
               !(at(k + 1) != nullptr && glued(k + 1) && at(k + 1)->kind != TokenKind::symbol)) {
        // "5:16p", "9:30a": the meridiem's first letter, as in calendars
        // and texts; only after minutes.
        meridiem = is(k, Kw::a) ? 1 : 2;
        ++k;
    } else if (is(k, Kw::o) && (is_symbol(k + 1, '\'') || is(k + 1, Kw::clock)) && minute < 0) {
        // "10 o'clock", "10 o clock"
        const std::size_t clock = is(k + 1, Kw::clock) ? k + 1 : k + 2;
        if (!is(clock, Kw::clock)) return std::nullopt;
        TimeMatch match = at_time(clock + 1, office_hour(hour), 0, true);
        match.hour_written = hour;
        return match;
    }
    if (meridiem == 0 && dotted) return std::nullopt;
    // Whatever follows may not continue the number ("10:30:45.5", "5pm-ish" is fine).
    if (const Token* after = at(meridiem ? k : j); after != nullptr && glued(meridiem ? k : j) &&
        (after->kind == TokenKind::number || (after->kind == TokenKind::word && meridiem == 0))) {
        return std::nullopt;
    }
    TimeMatch match;
    match.hour_written = hour;
    match.meridiem = meridiem;
    if (meridiem != 0) {
        if (hour < 1 || hour > 12) return std::nullopt;
        const int h24 = meridiem == 1 ? hour % 12 : hour % 12 + 12;
        match = at_time(k, h24, minute < 0 ? 0 : minute, true);
        match.hour_written = hour;
        match.meridiem = meridiem;
    } else if (minute >= 0) {
        if (hour > 23) return std::nullopt;
        // "09:00" and "17:00" are 24-hour clock times; "5:30" is office hours.
        const bool twenty_four = token->digits == 2 && (hour < 10 || hour > 12);
        const int h = twenty_four || hour == 0 || hour > 12 ? hour : office_hour(hour);
        match = at_time(j, h, minute, true);
        match.hour_written = hour;
    } else {
        if (!allow_bare_hour || hour < 1 || hour > 12) return std::nullopt;
        // "1/11/2002": the start of a date, not an hour.
        if (is_symbol(j, '/') && glued(j) && is_number(j + 1) && glued(j + 1)) return std::nullopt;
        match = at_time(j, office_hour(hour), 0, false);
        match.hour_written = hour;
    }
    // "11:50:48 -0500" (RFC 5322, as in pasted headers): a numeric offset.
    if (minute >= 0 && (is_symbol(match.end, '+') || is_symbol(match.end, '-')) &&
        tokens_[match.end].space_before && is_number(match.end + 1) && glued(match.end + 1) &&
        at(match.end + 1)->digits == 4 && (text_[tokens_[match.end].start] == '+' ||
                                           text_[tokens_[match.end].start] == '-')) {
        const int hhmm = at(match.end + 1)->value;
        if (hhmm / 100 <= 14 && hhmm % 100 < 60) {
            const int minutes = hhmm / 100 * 60 + hhmm % 100;
            match.zone_offset = tokens_[match.end].symbol == '+' ? minutes : -minutes;
            match.end += 2;
            return match;
        }
    }
    // "5pm EST": a zone abbreviation names the offset the time is in; in
    // lower case ("2 pm est") only right after a meridiem.
    if (is(match.end, Kw::timezone) && !at(match.end)->ambiguous) {
        const Token& zone = tokens_[match.end];
        const bool upper = zone.capitalized && zone.end - zone.start >= 3 &&
                           text_[zone.start + 1] >= 'A' && text_[zone.start + 1] <= 'Z';
        if (upper || (meridiem != 0 && zone.end - zone.start >= 3)) {
            match.zone_offset = zone.value;
            match.end += 1;
            // "GMT+0900", "UTC-05:00": an offset from UTC written after it.
            const std::size_t sign = match.end;
            if (zone.value == 0 && (is_symbol(sign, '+') || is_symbol(sign, '-')) && glued(sign) &&
                glued(sign + 1) && is_number(sign + 1) && (text_[tokens_[sign].start] == '+' ||
                                                           text_[tokens_[sign].start] == '-')) {
                int hours = -1, minutes = 0;
                std::size_t end = sign + 2;
                if (at(sign + 1)->digits == 4) {
                    hours = at(sign + 1)->value / 100;
                    minutes = at(sign + 1)->value % 100;
                } else if (at(sign + 1)->digits <= 2) {
                    hours = at(sign + 1)->value;
                    if (is_symbol(end, ':') && glued(end) && is_number(end + 1) && at(end + 1)->digits == 2) {
                        minutes = at(end + 1)->value;
                        end += 2;
                    }
                }
                if (hours >= 0 && hours <= 14 && minutes < 60) {
                    const int east = hours * 60 + minutes;
                    match.zone_offset = tokens_[sign].symbol == '+' ? east : -east;
                    match.end = end;
                }
            }
        }
    }
    return match;
}

std::optional<TimeMatch> Scanner::time_range(std::size_t i, bool after_between, bool cued) const {
    auto first = time_of_day(i, true);
    // "630-930am": hours and minutes run together, the meridiem written once;
    // only after a date or a date word ("Call 555-1230 pm" is a phone).
    bool run_together = false;
    const bool after_date_word = i > 0 && (tokens_[i - 1].lex != LexKind::none ||
                                           tokens_[i - 1].kind == TokenKind::number);
    if (!first && after_date_word && is_number(i) && (at(i)->digits == 3 || at(i)->digits == 4) &&
        !glued(i) &&
        is_symbol(i + 1, '-') && glued(i + 1) && at(i)->value / 100 >= 1 && at(i)->value / 100 <= 12 &&
        at(i)->value % 100 < 60) {
        first = at_time(i + 1, at(i)->value / 100, at(i)->value % 100, false);
        first->hour_written = at(i)->value / 100;
        run_together = true;
    }
    if (!first || first->fixed_day) return std::nullopt;
    const std::size_t c = first->end;
    const bool connector = is_symbol(c, '-') || is(c, Kw::to) || is(c, Kw::until) ||
                           is(c, Kw::through) || (after_between && is(c, Kw::and_));
    if (!connector) return std::nullopt;
    auto second = time_of_day(c + 1, true);
    // "1-230 pm", "630-930am": the second runs together too.
    if (!second && is_number(c + 1) && glued(c + 1) && is_symbol(c, '-') &&
        (at(c + 1)->digits == 3 || at(c + 1)->digits == 4) && (is(c + 2, Kw::am) || is(c + 2, Kw::pm))) {
        const int h = at(c + 1)->value / 100, m = at(c + 1)->value % 100;
        if (h >= 1 && h <= 12 && m < 60) {
            const int meridiem = is(c + 2, Kw::am) ? 1 : 2;
            second = at_time(c + 3, meridiem == 1 ? h % 12 : h % 12 + 12, m, true);
            second->hour_written = h;
            second->meridiem = meridiem;
        }
    }
    if (!second || second->fixed_day) return std::nullopt;
    if (run_together && second->meridiem == 0) return std::nullopt;  // "555-1234"
    if (!first->strong && !second->strong && !cued) return std::nullopt;
    // "2-4pm", "7:00 - 8:00 PM": the first hour takes the second's meridiem
    // when that keeps the range in order ("11-1pm" stays 11 a.m.). A
    // 24-hour time ("09:00", "13:30") keeps its hour.
    // "10:31 - 10:45 pm" too; "09:00" with its leading zero is 24-hour.
    const bool twelve_hour_first = first->meridiem == 0 && first->hour_written >= 1 &&
                                   first->hour_written <= 12 &&
                                   (at(i)->digits == 1 || first->hour_written >= 10 || run_together);
    if ((!first->strong || twelve_hour_first) && second->meridiem != 0) {
        const int h = first->hour_written % 12;
        const int minutes = first->seconds % 3600;
        const int with_meridiem = second->meridiem == 2 ? h + 12 : h;
        first->seconds = (with_meridiem * 3600 + minutes <= second->seconds ? with_meridiem : h) * 3600 + minutes;
    }
    // "1am-3": a bare second hour takes the first's meridiem when that keeps
    // the range in order ("11am-2" is 2 p.m.).
    if (!second->strong && first->meridiem != 0) {
        const int h = second->hour_written % 12;
        const int same = first->meridiem == 2 ? h + 12 : h;
        second->seconds = same * 3600 > first->seconds ? same * 3600 : (h + 12) * 3600;
    }
    if (!second->strong && second->seconds <= first->seconds && second->seconds + 12 * 3600 < 86400) {
        const int h = second->hour_written % 12;
        second->seconds = h * 3600 > first->seconds ? h * 3600 : (h + 12) * 3600;
    }
    // "10pm-2am", "11pm-2": a range from the evening past midnight ends
    // the next day.
    if (second->seconds <= first->seconds) {
        const int second_am = second->meridiem == 2 ? -1 : (second->hour_written % 12) * 3600 + second->seconds % 3600;
        // A bare second hour wraps only late in the evening ("11pm-2").
        const int latest_start = second->meridiem == 1 ? 18 * 3600 : 21 * 3600;
        if (first->seconds < latest_start || second_am < 0 || (second->meridiem == 0 && second->strong) ||
            second_am > 6 * 3600) {
            return std::nullopt;
        }
        second->seconds = 86400 + second_am;
    }
    TimeMatch match = *first;
    match.end = second->end;
    match.end_seconds = second->seconds;
    match.strong = true;
    if (match.zone_offset == kNoZone) match.zone_offset = second->zone_offset;
    return match;
}

std::optional<TimeMatch> Scanner::day_part(std::size_t i) const {
    std::size_t j = i;
    if (is(j, Kw::in) && is(j + 1, Kw::the)) j += 2;
    const Token* token = at(j);
    if (token == nullptr) return std::nullopt;
    TimeMatch match;
    match.end = j + 1;
    match.strong = true;
    match.fixed_day = true;
    switch (token->keyword) {
        case Kw::morning: match.seconds = 8 * 3600; match.end_seconds = 12 * 3600; break;
        case Kw::afternoon: match.seconds = 12 * 3600; match.end_seconds = 17 * 3600; break;
        case Kw::evening: match.seconds = 17 * 3600; match.end_seconds = 21 * 3600; break;
        case Kw::night:
            if (j != i) return std::nullopt;  // "in the night" is not a deadline
            match.seconds = 18 * 3600;
            match.end_seconds = kEndOfDaySeconds;
            break;
        default: return std::nullopt;
    }
    return match;
}

}  // namespace casefile::core::date_detail
