// Absolute dates: numeric forms, month names, "the 15th". Precision matters
// more than recall here, because numbers are everywhere in business mail:
// every numeric form checks what touches it on both sides.
#include "core/date_calendar.hpp"
#include "core/date_scanner.hpp"

namespace casefile::core::date_detail {
namespace {

DayMatch single(std::size_t end, std::int64_t day, unsigned month) {
    DayMatch match;
    match.end = end;
    match.value.start.day = day;
    match.month = month;
    match.single_day = true;
    return match;
}

DayMatch days_interval(std::size_t end, std::int64_t first, std::int64_t last) {
    DayMatch match;
    match.end = end;
    match.value.interval = true;
    match.value.start.day = first;
    match.value.end.day = last;
    return match;
}

bool plausible_year(int year) { return year >= 1900 && year <= 2199; }

// A two-digit year is the one in the window from 80 years before the mail to
// 19 after it: "9/1/90" in a 2002 mail is 1990, "31-DEC-25" in 2024 is 2025.
int full_year(int two_digits, std::int64_t anchor_day) {
    const int reference = civil(anchor_day).year;
    int year = reference - reference % 100 + two_digits;
    if (year > reference + 19) year -= 100;
    if (year < reference - 80) year += 100;
    return year;
}

// Words that may precede a number without a space: an opening bracket or
// quote ("(3/15)"). Anything else glued on ("$15.03", "v2.1.2025", "#3/4")
// means the number is not a date.
bool opening_symbol(const Token& token) {
    return token.kind == TokenKind::symbol &&
           (token.symbol == '(' || token.symbol == '[' || token.symbol == '"' || token.symbol == '\'' ||
            token.symbol == '<' || token.symbol == '*' || token.symbol == '_');
}

// A word that names a software release: what follows it is an identifier.
bool release_word(std::string_view text, const Token& token) {
    if (token.kind != TokenKind::word || token.end - token.start > 8) return false;
    char lower[8];
    const std::size_t length = token.end - token.start;
    for (std::size_t k = 0; k < length; ++k) lower[k] = static_cast<char>(text[token.start + k] | 0x20);
    const std::string_view word(lower, length);
    return word == "patch" || word == "release" || word == "build" || word == "version" || word == "v" ||
           word == "hotfix" || word == "update" || word == "firmware";
}

// The time of an ISO 8601 date-time, from the "T": "T17:00", "T17:00:30.5Z",
// "T08:15:30-05:30", "T0815+0100" is not accepted (basic format is rare in mail).
struct IsoTime {
    std::size_t end = 0;
    int seconds = 0;
    int zone = kNoZone;  // minutes east of UTC, when written
};

}  // namespace

std::optional<DayMatch> Scanner::iso_date_time(std::size_t t, std::int64_t day) const {
    const Token* letter = at(t);
    if (letter == nullptr || letter->kind != TokenKind::word || !glued(t) || letter->end - letter->start != 1 ||
        (text_[letter->start] | 0x20) != 't') {
        return std::nullopt;
    }
    const auto two_digits = [&](std::size_t k, int limit) {
        return is_number(k) && glued(k) && at(k)->digits == 2 && at(k)->value <= limit;
    };
    if (!two_digits(t + 1, 23) || !is_symbol(t + 2, ':') || !glued(t + 2) || !two_digits(t + 3, 59)) {
        return std::nullopt;
    }
    IsoTime time;
    time.seconds = at(t + 1)->value * 3600 + at(t + 3)->value * 60;
    std::size_t k = t + 4;
    if (is_symbol(k, ':') && glued(k) && two_digits(k + 1, 60)) {
        time.seconds += at(k + 1)->value;
        k += 2;
        if (is_symbol(k, '.') && glued(k) && is_number(k + 1) && glued(k + 1)) k += 2;  // fraction
    }
    if (const Token* zone = at(k); zone != nullptr && glued(k)) {
        if (zone->kind == TokenKind::word && zone->end - zone->start == 1 && (text_[zone->start] | 0x20) == 'z') {
            time.zone = 0;
            ++k;
        } else if (zone->kind == TokenKind::symbol && (zone->symbol == '+' || zone->symbol == '-') &&
                   two_digits(k + 1, 14) && is_symbol(k + 2, ':') && glued(k + 2) && two_digits(k + 3, 59)) {
            // The tokenizer writes en and em dashes as '-': only the ASCII
            // hyphen-minus is a sign here.
            if (text_[zone->start] != '+' && text_[zone->start] != '-') return std::nullopt;
            const int minutes = at(k + 1)->value * 60 + at(k + 3)->value;
            time.zone = zone->symbol == '+' ? minutes : -minutes;
            k += 4;
        } else if (zone->kind != TokenKind::symbol) {
            return std::nullopt;  // "T17:00abc"
        }
    }
    time.end = k;
    // In the sender's offset, like every other time casefile reports.
    std::int64_t total = day * 86400 + time.seconds;
    if (time.zone != kNoZone) total += std::int64_t{offset_minutes_ - time.zone} * 60;
    std::int64_t result_day = total / 86400;
    std::int64_t rest = total % 86400;
    if (rest < 0) {
        rest += 86400;
        --result_day;
    }
    DayMatch match;
    match.end = time.end;
    match.value.start = Moment{result_day, static_cast<int>(rest)};
    return match;  // not single_day: no other time may follow
}

std::optional<DayMatch> Scanner::numeric_date(std::size_t i, const Anchor& anchor) const {
    const Token& first = tokens_[i];
    if (i > 0) {
        const Token& before = tokens_[i - 1];
        // "3/17-3/21": the second date of a range follows a dash.
        const bool range_dash = before.kind == TokenKind::symbol && before.symbol == '-' && i >= 2 &&
                                tokens_[i - 2].kind == TokenKind::number;
        if (glued(i) && !opening_symbol(before) && !range_dash) return std::nullopt;
        if (before.keyword == Kw::counter_noun) return std::nullopt;
        if (before.kind == TokenKind::symbol && (before.symbol == '#' || before.symbol == '$')) {
            return std::nullopt;
        }
    }
    const std::size_t s1 = i + 1, n2 = i + 2, s2 = i + 3, n3 = i + 4;
    if (!is_number(n2) || !glued(s1) || !glued(n2) || at(s1)->kind != TokenKind::symbol) {
        return std::nullopt;
    }
    const char separator = at(s1)->symbol;
    if (separator != '/' && separator != '-' && separator != '.') return std::nullopt;
    const Token& second = tokens_[n2];
    if (second.ordinal) return std::nullopt;
    const bool has_third = is_symbol(s2, separator) && glued(s2) && is_number(n3) && glued(n3);
    std::size_t end = has_third ? n3 + 1 : n2 + 1;
    // ISO 8601 date-time: "2025-03-15T17:00:00Z".
    if (first.digits == 4 && has_third && separator == '-' && glued(end) && at(end) != nullptr &&
        at(end)->kind == TokenKind::word) {
        const unsigned m = static_cast<unsigned>(second.value), d = static_cast<unsigned>(at(n3)->value);
        if (plausible_year(first.value) && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(first.value, m) &&
            second.digits == 2 && at(n3)->digits == 2) {
            if (auto stamp = iso_date_time(end, day_number(first.value, m, d))) {
                stamp->month = m;
                return stamp;
            }
        }
        return std::nullopt;
    }
    // Nothing may continue the number: "1.2.3.4", "555-123-4567", "3/15abc".
    if (const Token* after = at(end); after != nullptr && glued(end)) {
        if (after->kind != TokenKind::symbol) return std::nullopt;
        if (after->symbol == '/' || after->symbol == '-' || after->symbol == ':' ||
            after->symbol == '%' || after->symbol == '.' || after->symbol == ',') {
            // "3/17-3/21" is a range of two dates; "555-123-4567" is not a date.
            const bool next_date = after->symbol == '-' && is_symbol(end + 2, '/') && glued(end + 2);
            if (is_number(end + 1) && glued(end + 1) && !next_date) return std::nullopt;
        }
        if (after->symbol == '%') return std::nullopt;
    }

    int year = 0;
    unsigned month = 0, day = 0;
    if (first.digits == 4) {
        // ISO 8601 (and 2025/03/15, 2025.03.15): year, month, day.
        if (!has_third || second.digits > 2 || at(n3)->digits > 2) return std::nullopt;
        // "Patch 2025.03.15", "build 2024.11.02": calendar-versioned releases
        // write the same shape; after a release word it names a build.
        if (separator == '.' && i > 0 && release_word(text_, tokens_[i - 1])) return std::nullopt;
        year = first.value;
        month = static_cast<unsigned>(second.value);
        day = static_cast<unsigned>(at(n3)->value);
    } else {
        // "04/2016": a two-digit month and a year, the whole month (as on
        // forms and cards). "1/2000" stays a fraction.
        if (!has_third && separator == '/' && first.digits == 2 && second.digits == 4 && first.value >= 1 &&
            first.value <= 12 && plausible_year(second.value) && !first.ordinal) {
            const unsigned m = static_cast<unsigned>(first.value);
            DayMatch match = single(end, day_number(second.value, m, 1), m);
            match.single_day = false;
            match.value.interval = true;
            match.value.end.day = day_number(second.value, m, days_in_month(second.value, m));
            return match;
        }
        if (first.digits > 2 || second.digits > 2 || first.ordinal) return std::nullopt;
        const unsigned a = static_cast<unsigned>(first.value), b = static_cast<unsigned>(second.value);
        if (has_third) {
            const Token& third = tokens_[n3];
            if (third.digits != 2 && third.digits != 4) return std::nullopt;
            year = third.digits == 4 ? third.value : full_year(third.value, anchor.day);
            // "1.5.30" is a version: a dotted date with a two-digit year
            // writes its day and month with two digits ("15.03.25").
            if (separator == '.' && third.digits == 2 && (first.digits != 2 || second.digits != 2)) {
                return std::nullopt;
            }
        } else if (separator != '/') {
            // "3-7" is a count range and "15.03" a price or a version: without
            // a year only the slash form is a date.
            return std::nullopt;
        } else {
            // A fraction or a rate, not a date: "3/4 of", "1/2 hour", "1 1/2",
            // "24/7", "9/10 people".
            if (a == 24 || a == 0 || b == 0) return std::nullopt;
            const Token* after = at(end);
            if (after != nullptr) {
                switch (after->keyword) {
                    case Kw::of: case Kw::unit_noun: case Kw::hour: case Kw::minute:
                    case Kw::day: case Kw::week: case Kw::month: case Kw::year:
                        return std::nullopt;
                    default:
                        break;
                }
            }
            if (i > 0 && tokens_[i - 1].kind == TokenKind::number) return std::nullopt;
        }
        // "15.03.2025" is day.month.year everywhere it is written; slashes and
        // dashes follow the configured order unless a number over 12 decides.
        // A second number over 12 can only be the day, even dotted ("05.25.2015").
        bool day_first = separator == '.' || options_.numeric_order == NumericDateOrder::day_first;
        if (a > 12 && b <= 12) day_first = true;
        if (b > 12 && a <= 12) day_first = false;
        month = day_first ? b : a;
        day = day_first ? a : b;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    if (year != 0) {
        if (!plausible_year(year) || day > days_in_month(year, month)) return std::nullopt;
        return single(end, day_number(year, month, day), month);
    }
    const auto resolved = month_day_on_or_after(month, day, anchor.day - anchor.grace_days);
    if (!resolved) return std::nullopt;
    return single(end, *resolved, month);
}

std::optional<DayMatch> Scanner::named_date(std::size_t i, const Anchor& anchor) const {
    const Token& token = tokens_[i];
    const std::int64_t from = anchor.day - anchor.grace_days;
    auto with_year = [&](std::size_t j, unsigned month, unsigned day_of_month,
                         std::size_t& end) -> std::optional<std::int64_t> {
        // An optional ", 2025" or " 2025" after the day.
        std::size_t k = j;
        if (is_symbol(k, ',')) ++k;
        // "August-10-2012", "10/August/2012": the separator of the day and
        // month may stand before the year too.
        else if ((is_symbol(k, '-') || is_symbol(k, '/')) && glued(k) && glued(k + 1) && is_number(k + 1)) {
            ++k;
            // "31-DEC-01", "10/Aug/25": joined this way, a two-digit year
            // (Oracle and airline dates).
            if (at(k)->digits == 2 && !(at(k + 1) != nullptr && glued(k + 1) && at(k + 1)->kind != TokenKind::symbol)) {
                const int year = full_year(at(k)->value, anchor.day);
                if (day_of_month > days_in_month(year, month)) return std::nullopt;
                end = k + 1;
                return day_number(year, month, day_of_month);
            }
        }
        if (is_number(k) && at(k)->digits == 4 && plausible_year(at(k)->value) &&
            !(is_symbol(k + 1, ':') && glued(k + 1))) {
            const int year = at(k)->value;
            if (day_of_month > days_in_month(year, month)) return std::nullopt;
            end = k + 1;
            return day_number(year, month, day_of_month);
        }
        end = j;
        return month_day_on_or_after(month, day_of_month, from);
    };
    // A day of the month: "15", "15th", "first". Not "15:30", "15/3", "15%".
    auto day_at = [&](std::size_t j) -> std::optional<unsigned> {
        const Token* candidate = at(j);
        if (candidate == nullptr) return std::nullopt;
        if (candidate->lex == LexKind::ordinal_word) return static_cast<unsigned>(candidate->value);
        if (candidate->kind != TokenKind::number || candidate->digits > 2 || candidate->value < 1 ||
            candidate->value > 31) {
            return std::nullopt;
        }
        // "August/10/2012": the slash that joined the month goes on to the year.
        const bool slashed_year = is_symbol(j + 1, '/') && j > 0 && is_symbol(j - 1, '/') && glued(j) &&
                                  is_number(j + 2) && at(j + 2)->digits == 4;
        if (const Token* after = at(j + 1); after != nullptr && glued(j + 1) && !slashed_year &&
            (after->kind == TokenKind::number ||
             (after->kind == TokenKind::symbol && (after->symbol == ':' || after->symbol == '/' ||
                                                   after->symbol == '%' || after->symbol == '.') &&
              is_number(j + 2) && glued(j + 2)))) {
            return std::nullopt;
        }
        if (const Token* after = at(j + 1); after != nullptr && glued(j + 1) &&
            after->kind == TokenKind::word && after->lex != LexKind::month) {
            return std::nullopt;  // "5pm", "3D"; but "15Sep" is a date
        }
        if (const Token* after = at(j + 1); after != nullptr) {
            switch (after->keyword) {
                case Kw::unit_noun: case Kw::hour: case Kw::minute: case Kw::day: case Kw::week:
                case Kw::am: case Kw::pm: case Kw::o:
                    return std::nullopt;
                default:
                    break;
            }
            if (after->keyword == Kw::p || after->keyword == Kw::a) {
                if (is_symbol(j + 2, '.') && glued(j + 2) && is(j + 3, Kw::m)) return std::nullopt;
            }
        }
        return static_cast<unsigned>(candidate->value);
    };

    if (token.lex == LexKind::month) {
        const unsigned month = static_cast<unsigned>(token.value);
        std::size_t j = i + 1;
        if (token.abbreviation && is_symbol(j, '.') && glued(j)) ++j;
        // "August-10", "Aug/10", "Sep-2012": a hyphen or slash glued on both
        // sides joins a month name to its day or year, as in forms and logs.
        const bool joined = (is_symbol(j, '-') || is_symbol(j, '/')) && glued(j) && is_number(j + 1) && glued(j + 1);
        if (joined) ++j;
        std::size_t day_index = j;
        if (is(day_index, Kw::the)) ++day_index;
        // "March, 6th 2016": a comma after the month only before an ordinal day.
        if (is_symbol(day_index, ',') && is_number(day_index + 1) && at(day_index + 1)->ordinal) ++day_index;
        // "may" and "march" in lower case are mostly a verb: only an ordinal
        // day makes them a date ("may 15th").
        const bool weak = token.ambiguous && !token.capitalized;
        if (const auto day_of_month = day_at(day_index)) {
            const Token& day_token = tokens_[day_index];
            if (weak && !day_token.ordinal && day_token.lex != LexKind::ordinal_word) return std::nullopt;
            if (is(j, Kw::the) && !day_token.ordinal && day_token.lex != LexKind::ordinal_word) {
                return std::nullopt;  // "March the 15" is not how dates are written
            }
            // "March 3-7", "March 3 to 7": one month, a range of days.
            std::size_t k = day_index + 1;
            if ((is_symbol(k, '-') || is(k, Kw::to) || is(k, Kw::through) || is(k, Kw::until)) &&
                (is_number(k + 1) || (at(k + 1) && at(k + 1)->lex == LexKind::ordinal_word)) &&
                !(is(k, Kw::to) && is(k + 2, Kw::pm))) {
                if (const auto last = day_at(k + 1); last && *last > *day_of_month) {
                    std::size_t end = 0;
                    const auto start = with_year(k + 2, month, *day_of_month, end);
                    if (start && *last <= days_in_month(civil(*start).year, month)) {
                        const CivilDate date = civil(*start);
                        DayMatch match = days_interval(end, *start, day_number(date.year, month, *last));
                        match.month = month;
                        return match;
                    }
                }
            }
            std::size_t end = 0;
            const auto resolved = with_year(day_index + 1, month, *day_of_month, end);
            if (!resolved) return std::nullopt;
            // "Dec-01" in a report is December 2001: joined to a month, a
            // number is a day only when a year follows ("August-10, 2012").
            if (joined && end == day_index + 1) return std::nullopt;
            return single(end, *resolved, month);
        }
        if (weak) return std::nullopt;
        // "March 2025", "March, 2025", "March of 2025": the whole month.
        std::size_t y = j;
        if (is_symbol(y, ',') || is(y, Kw::of)) ++y;
        if (is_number(y) && at(y)->digits == 4 && plausible_year(at(y)->value)) {
            const int year = at(y)->value;
            return days_interval(y + 1, day_number(year, month, 1),
                                 day_number(year, month, days_in_month(year, month)));
        }
        // A bare month name needs a cue before it: "in May", "by March".
        if (token.abbreviation || (token.ambiguous && !token.capitalized) || i == 0) return std::nullopt;
        const Kw cue = tokens_[i - 1].keyword;
        if (cue != Kw::in && cue != Kw::by && cue != Kw::until && cue != Kw::before) return std::nullopt;
        const auto last = month_day_on_or_after(month, 1, from);
        if (!last) return std::nullopt;
        // The month whose end is still ahead of the window start.
        int year = civil(*last).year;
        if (day_number(year - 1, month, days_in_month(year - 1, month)) >= from) --year;
        return days_interval(i + 1, day_number(year, month, 1),
                             day_number(year, month, days_in_month(year, month)));
    }

    // "15 March", "15th of March 2025", "3-7 March", "10 to 22 August",
    // "eighth of May", "10-Aug-2025", "2025/Aug/10".
    if (token.kind == TokenKind::number || token.lex == LexKind::ordinal_word) {
        if (i > 0 && glued(i) && !opening_symbol(tokens_[i - 1])) return std::nullopt;
        const bool ordinal = token.ordinal || token.lex == LexKind::ordinal_word;
        // Year first with a month name: "2025/Aug/10", "2025-Aug-10".
        if (token.kind == TokenKind::number && token.digits == 4 && plausible_year(token.value)) {
            const std::size_t m = i + 2;
            const Token* month_token = at(m);
            if (!(is_symbol(i + 1, '/') || is_symbol(i + 1, '-')) || !glued(i + 1) || !glued(m) ||
                month_token == nullptr || month_token->lex != LexKind::month ||
                !is_symbol(m + 1, tokens_[i + 1].symbol) || !glued(m + 1) || !glued(m + 2)) {
                return std::nullopt;
            }
            const auto day_of_month = day_at(m + 2);
            const unsigned month = static_cast<unsigned>(month_token->value);
            if (!day_of_month || *day_of_month > days_in_month(token.value, month)) return std::nullopt;
            return single(m + 3, day_number(token.value, month, *day_of_month), month);
        }
        const auto day_of_month = day_at(i);
        if (!day_of_month) return std::nullopt;
        std::size_t j = i + 1;
        std::optional<unsigned> last;
        if ((is_symbol(j, '-') || is(j, Kw::to) || is(j, Kw::through) || is(j, Kw::until)) &&
            (is_number(j + 1) || (at(j + 1) && at(j + 1)->lex == LexKind::ordinal_word))) {
            last = day_at(j + 1);
            if (!last || *last <= *day_of_month) return std::nullopt;
            j += 2;
        } else if ((is_symbol(j, '-') || is_symbol(j, '/')) && glued(j) && glued(j + 1) && at(j + 1) &&
                   at(j + 1)->lex == LexKind::month) {
            ++j;  // "10-August", "10/Aug/2025"
        }
        if (is(j, Kw::of) && ordinal) ++j;
        const Token* month_token = at(j);
        if (month_token == nullptr || month_token->lex != LexKind::month) {
            // "by 15th", "due 3rd": an ordinal alone after a deadline word;
            // "Monday 15th", "Fri, 12th": after a weekday, the date decides
            // (as in "Friday the 14th").
            if (!token.ordinal || last || i == 0) return std::nullopt;
            const Kw cue = tokens_[i - 1].keyword;
            const std::size_t before_comma = is_symbol(i - 1, ',') && i >= 2 ? i - 2 : i - 1;
            const bool after_weekday = tokens_[before_comma].lex == LexKind::weekday;
            if (cue != Kw::by && cue != Kw::on && cue != Kw::until && cue != Kw::due &&
                cue != Kw::before && !after_weekday) {
                return std::nullopt;
            }
            // "by 3rd parties": a rank, unless a weekday made it a date.
            if (const Token* after = at(i + 1); after != nullptr && after->kind == TokenKind::word &&
                after->lex == LexKind::none && !after_weekday) {
                return std::nullopt;
            }
            const auto resolved = day_of_month_on_or_after(*day_of_month, anchor.day);
            if (!resolved) return std::nullopt;
            return single(i + 1, *resolved, civil(*resolved).month);
        }
        if (month_token->ambiguous && !month_token->capitalized && !ordinal) return std::nullopt;
        const unsigned month = static_cast<unsigned>(month_token->value);
        std::size_t k = j + 1;
        if (month_token->abbreviation && is_symbol(k, '.') && glued(k)) ++k;
        std::size_t end = 0;
        const auto start = with_year(k, month, *day_of_month, end);
        if (!start) return std::nullopt;
        // "the first May draft": an ordinal word right before a month is a
        // day only with "of", a range or a year ("eighth May 2025").
        if (token.lex == LexKind::ordinal_word && !is(j - 1, Kw::of) && !last && end == k) {
            return std::nullopt;
        }
        if (last) {
            const CivilDate date = civil(*start);
            if (*last > days_in_month(date.year, month)) return std::nullopt;
            DayMatch match = days_interval(end, *start, day_number(date.year, month, *last));
            match.month = month;
            return match;
        }
        return single(end, *start, month);
    }

    // "the 15th", "the 1st of next month", "the first of March".
    if (token.keyword == Kw::the) {
        const std::size_t j = i + 1;
        const Token* ordinal = at(j);
        if (ordinal == nullptr) return std::nullopt;
        const bool numeric = ordinal->kind == TokenKind::number && ordinal->ordinal;
        if (!numeric && ordinal->lex != LexKind::ordinal_word) return std::nullopt;
        const auto day_of_month = day_at(j);
        if (!day_of_month) return std::nullopt;
        if (is(j + 1, Kw::of)) {
            if (const Token* month_token = at(j + 2); month_token != nullptr &&
                month_token->lex == LexKind::month) {
                std::size_t end = 0;
                const auto resolved = with_year(j + 3, static_cast<unsigned>(month_token->value),
                                                *day_of_month, end);
                if (!resolved) return std::nullopt;
                return single(end, *resolved, static_cast<unsigned>(month_token->value));
            }
            // "of next month", "of the month", "of this month"
            std::size_t k = j + 2;
            int months_ahead = -1;
            if (is(k, Kw::next) && is(k + 1, Kw::month)) months_ahead = 1;
            if ((is(k, Kw::the) || is(k, Kw::this_)) && is(k + 1, Kw::month)) months_ahead = 0;
            if (months_ahead >= 0) {
                const CivilDate base = civil(add_months(anchor.day, months_ahead));
                if (*day_of_month > days_in_month(base.year, base.month)) return std::nullopt;
                return single(k + 2, day_number(base.year, base.month, *day_of_month), base.month);
            }
        }
        if (!numeric) return std::nullopt;  // "the first thing", "the second round"
        // "the 15th anniversary": an ordinal followed by an ordinary word is
        // a rank, not a day.
        if (const Token* after = at(j + 1); after != nullptr && after->kind == TokenKind::word &&
            after->lex == LexKind::none) {
            return std::nullopt;
        }
        const auto resolved = day_of_month_on_or_after(*day_of_month, anchor.day);
        if (!resolved) return std::nullopt;
        return single(j + 1, *resolved, civil(*resolved).month);
    }
    return std::nullopt;
}

std::optional<DayMatch> Scanner::absolute_date(std::size_t i, const Anchor& anchor) const {
    const Token& token = tokens_[i];
    if (token.kind == TokenKind::number) {
        if (auto numeric = numeric_date(i, anchor)) return numeric;
        return named_date(i, anchor);
    }
    if (token.lex == LexKind::month || token.keyword == Kw::the || token.lex == LexKind::ordinal_word) {
        return named_date(i, anchor);
    }
    return std::nullopt;
}

}  // namespace casefile::core::date_detail
