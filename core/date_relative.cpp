// Days named relative to the reference: "tomorrow", weekdays, "next week",
// "end of Q3", "in 3 days". The rules are stated in date_expression.hpp.
#include "core/date_calendar.hpp"
#include "core/date_scanner.hpp"

namespace casefile::core::date_detail {
namespace {

DayMatch one_day(std::size_t end, std::int64_t day) {
    DayMatch match;
    match.end = end;
    match.value.start.day = day;
    match.single_day = true;
    return match;
}

DayMatch span(std::size_t end, std::int64_t first, std::int64_t last) {
    DayMatch match;
    match.end = end;
    match.value.interval = true;
    match.value.start.day = first;
    match.value.end.day = last;
    return match;
}

std::int64_t month_first(std::int64_t day) {
    const CivilDate date = civil(day);
    return day_number(date.year, date.month, 1);
}

std::int64_t month_last(std::int64_t day) {
    const CivilDate date = civil(day);
    return day_number(date.year, date.month, days_in_month(date.year, date.month));
}

std::int64_t quarter_last(int year, int quarter) {
    const unsigned month = static_cast<unsigned>(quarter * 3);
    return day_number(year, month, days_in_month(year, month));
}

int quarter_of(std::int64_t day) { return static_cast<int>((civil(day).month - 1) / 3 + 1); }

// Which part of a period a modifier asks for.
enum class Part { whole, start, early, middle, late, end, later };

}  // namespace

std::optional<int> Scanner::count_at(std::size_t i, std::size_t& end) const {
    const Token* token = at(i);
    if (token == nullptr) return std::nullopt;
    if (token->kind == TokenKind::number) {
        if (token->ordinal || token->value < 1 || token->value > 999) return std::nullopt;
        if (is_symbol(i + 1, '.') && glued(i + 1) && is_number(i + 2)) return std::nullopt;  // 1.5
        end = i + 1;
        return token->value;
    }
    if (token->keyword == Kw::a || token->keyword == Kw::couple) {
        // "a couple of days", "couple of weeks", "a week"
        std::size_t j = i + 1;
        int value = 1;
        if (token->keyword == Kw::a && is(j, Kw::couple)) ++j;
        if (is(j - 1, Kw::couple)) {
            value = 2;
            if (is(j, Kw::of)) ++j;
        }
        end = j;
        return value;
    }
    if (token->lex == LexKind::number_word) {
        int value = token->value;
        std::size_t j = i + 1;
        if (value >= 20) {  // "twenty-four", "twenty four"
            std::size_t k = is_symbol(j, '-') ? j + 1 : j;
            if (const Token* unit = at(k); unit != nullptr && unit->lex == LexKind::number_word &&
                unit->value < 10) {
                value += unit->value;
                j = k + 1;
            }
        }
        end = j;
        return value;
    }
    return std::nullopt;
}

std::optional<DayMatch> Scanner::weekday_day(std::size_t i, const Anchor& anchor) const {
    std::size_t j = i;
    Kw modifier = Kw::none;
    if (is(j, Kw::this_) || is(j, Kw::next) || is(j, Kw::last) || is(j, Kw::coming)) {
        modifier = tokens_[j].keyword;
        ++j;
    } else if (is(j, Kw::the) && (is(j + 1, Kw::coming) || is(j + 1, Kw::following))) {
        modifier = Kw::coming;
        j += 2;
    }
    const Token* token = at(j);
    if (token == nullptr || token->lex != LexKind::weekday) return std::nullopt;
    if (i > 0 && (is(i - 1, Kw::every) || is(i - 1, Kw::holiday) || tokens_[i - 1].lex == LexKind::weekday)) {
        return std::nullopt;
    }
    if (token->abbreviation) {
        // "Fri" yes; "fri" and "sat down", "the sun", "wed in June" no. A
        // longer abbreviation ("tues", "thurs") is no English word: any case.
        if (!token->capitalized && token->end - token->start < 4) return std::nullopt;
        if (token->ambiguous && modifier == Kw::none) {
            const Kw cue = i > 0 ? tokens_[i - 1].keyword : Kw::none;
            const bool cued = cue == Kw::by || cue == Kw::on || cue == Kw::until || cue == Kw::before ||
                              cue == Kw::due || cue == Kw::from || cue == Kw::between ||
                              (i > 0 && tokens_[i - 1].symbol == '-');
            const bool followed = is_symbol(j + 1, '-') || is_number(j + 1) ||
                                  (is_symbol(j + 1, ',') && (is_number(j + 2) ||
                                                             (at(j + 2) && at(j + 2)->lex == LexKind::month)));
            if (!cued && !followed) return std::nullopt;
        }
    }
    const int weekday = token->value;
    std::size_t end = j + 1;
    if (token->abbreviation && is_symbol(end, '.') && glued(end)) ++end;
    const int week_start = options_.week_start;
    auto in_week = [&](std::int64_t first_day) {
        return first_day + (weekday - week_start + 7) % 7;
    };
    const std::int64_t this_week = week_start_of(anchor.day, week_start);
    std::int64_t day = anchor.day + (weekday - weekday_of(anchor.day) + 7) % 7;
    if (modifier == Kw::next) day = in_week(this_week + 7);
    if (modifier == Kw::last) day = anchor.day - 1 - (weekday_of(anchor.day - 1) - weekday + 7) % 7;
    if (modifier == Kw::none || modifier == Kw::this_) {
        // "Friday next week", "Friday this week", "Friday after next".
        if (is(end, Kw::next) && is(end + 1, Kw::week)) {
            day = in_week(this_week + 7);
            end += 2;
        } else if (is(end, Kw::this_) && is(end + 1, Kw::week)) {
            day = in_week(this_week);
            end += 2;
        } else if (is(end, Kw::after) && is(end + 1, Kw::next)) {
            day = in_week(this_week + 14);
            end += 2;
        }
    }
    // "Friday, March 14", "Fri 3/14", "Friday the 14th": the date decides.
    std::size_t k = is_symbol(end, ',') ? end + 1 : end;
    if (const Token* next = at(k); next != nullptr &&
        (next->kind == TokenKind::number || next->lex == LexKind::month || next->keyword == Kw::the)) {
        if (auto date = absolute_date(k, anchor); date && date->single_day) return date;
    }
    return one_day(end, day);
}

std::optional<DayMatch> Scanner::period(std::size_t i, const Anchor& anchor) const {
    std::size_t j = i;
    if (is(j, Kw::the)) ++j;
    Part part = Part::whole;
    // Modifiers: "end of", "the beginning of", "early", "mid-", "later".
    if (is(j, Kw::end) && is(j + 1, Kw::of)) {
        part = Part::end;
        j += 2;
    } else if ((is(j, Kw::beginning) || is(j, Kw::start)) && is(j + 1, Kw::of)) {
        part = Part::start;
        j += 2;
    } else if (is(j, Kw::middle) && is(j + 1, Kw::of)) {
        part = Part::middle;
        j += 2;
    } else if (is(j, Kw::mid)) {
        part = Part::middle;
        j += is_symbol(j + 1, '-') ? 2 : 1;
    } else if (is(j, Kw::early)) {
        part = Part::early;
        j += 1;
    } else if (is(j, Kw::late)) {
        part = Part::late;
        j += 1;
    } else if (is(j, Kw::later) && (is(j + 1, Kw::this_) || is(j + 1, Kw::in))) {
        part = Part::later;
        j += 1;
    } else if (j != i) {
        // A bare "the" leads only to "the weekend", "the coming week".
        if (!is(j, Kw::weekend) && !is(j, Kw::coming) && !is(j, Kw::following)) return std::nullopt;
    }
    if (part != Part::whole && is(j, Kw::the) && !is(j + 1, Kw::day)) ++j;

    // Shorthands that are their own period end.
    if (part == Part::whole && j == i) {
        const Kw keyword = tokens_[i].keyword;
        if (keyword == Kw::eow) part = Part::end, j = i;
        if (keyword == Kw::eom || keyword == Kw::eoq || keyword == Kw::eoy) part = Part::end;
    }

    // Which period, and which one of it: "this", "next", "the coming".
    int step = 0;
    bool stepped = false;
    if (is(j, Kw::next) || is(j, Kw::coming) || is(j, Kw::following)) {
        step = 1;
        stepped = true;
        ++j;
    } else if (is(j, Kw::this_)) {
        stepped = true;
        ++j;
    } else if (is(j, Kw::last) && part == Part::whole) {
        step = -1;
        stepped = true;
        ++j;
    } else if (is(j, Kw::in) && part == Part::later && is(j + 1, Kw::the)) {
        j += 2;  // "later in the week"
    }
    const Token* unit = at(j);
    if (unit == nullptr) return std::nullopt;
    const int week_start = options_.week_start;
    const std::int64_t from = anchor.day - anchor.grace_days;

    if (unit->keyword == Kw::week || unit->keyword == Kw::eow) {
        if (unit->keyword == Kw::week && part == Part::whole && !stepped) return std::nullopt;
        if (part == Part::later && (!stepped || step != 0)) return std::nullopt;
        std::int64_t first = week_start_of(anchor.day, week_start) + 7 * step;
        const std::int64_t friday = first + (4 - week_start + 7) % 7;
        // Said at the weekend, "end of the week" is the coming Friday.
        if (part == Part::end && step == 0 && friday < anchor.day) first += 7;
        const std::int64_t work_end = first + (4 - week_start + 7) % 7;
        const std::int64_t monday = first + (0 - week_start + 7) % 7;
        const std::size_t end = j + 1;
        switch (part) {
            case Part::whole: return span(end, first, first + 6);
            case Part::start: return one_day(end, monday);
            case Part::early: return span(end, monday, monday + 1);
            case Part::middle: return span(end, monday + 1, monday + 3);
            case Part::late: return span(end, monday + 3, work_end);
            case Part::end: return one_day(end, work_end);
            case Part::later: {
                const std::int64_t begin = anchor.day + 1;
                return begin <= work_end ? span(end, begin, work_end) : span(end, begin, first + 6);
            }
        }
    }
    if (unit->keyword == Kw::weekend) {
        if (part != Part::whole) return std::nullopt;
        // The weekend of this week (of next week after "next", as for weekdays).
        const std::int64_t week = week_start_of(anchor.day, week_start) + (is(j - 1, Kw::next) ? 7 : 0);
        const std::int64_t saturday = week + (5 - week_start + 7) % 7;
        return span(j + 1, saturday, saturday + 1);
    }
    if (unit->keyword == Kw::month || unit->keyword == Kw::eom) {
        if (unit->keyword == Kw::month && part == Part::whole && !stepped) return std::nullopt;
        if (part == Part::later) return std::nullopt;
        const std::int64_t base = add_months(month_first(anchor.day), step);
        return [&]() -> std::optional<DayMatch> {
            const std::int64_t last = month_last(base);
            const std::size_t end = j + 1;
            switch (part) {
                case Part::whole: return span(end, base, last);
                case Part::start: return one_day(end, base);
                case Part::early: return span(end, base, base + 9);
                case Part::middle: return span(end, base + 10, base + 19);
                case Part::late: return span(end, base + 20, last);
                case Part::end: return one_day(end, last);
                case Part::later: return std::nullopt;
            }
            return std::nullopt;
        }();
    }
    if (unit->keyword == Kw::year || unit->keyword == Kw::eoy) {
        if (unit->keyword == Kw::year && part == Part::whole && !stepped) return std::nullopt;
        const int year = civil(anchor.day).year + step;
        if (part == Part::whole) return span(j + 1, day_number(year, 1, 1), day_number(year, 12, 31));
        if (part == Part::end) return one_day(j + 1, day_number(year, 12, 31));
        if (part == Part::start) return one_day(j + 1, day_number(year, 1, 1));
        return std::nullopt;
    }
    if (unit->keyword == Kw::quarter || unit->keyword == Kw::eoq) {
        if (unit->keyword == Kw::quarter && part == Part::whole && !stepped) return std::nullopt;
        int year = civil(anchor.day).year;
        int quarter = quarter_of(anchor.day) + step;
        if (quarter > 4) quarter = 1, ++year;
        if (quarter < 1) quarter = 4, --year;
        const std::int64_t last = quarter_last(year, quarter);
        const std::int64_t first = day_number(year, static_cast<unsigned>(quarter * 3 - 2), 1);
        if (part == Part::whole) return span(j + 1, first, last);
        if (part == Part::end) return one_day(j + 1, last);
        if (part == Part::start) return one_day(j + 1, first);
        return std::nullopt;
    }
    // "Q3", "Q3 2025", "end of Q4": a named quarter.
    if (unit->keyword == Kw::q && is_number(j + 1) && glued(j + 1) && at(j + 1)->value >= 1 &&
        at(j + 1)->value <= 4 && !stepped) {
        const int quarter = at(j + 1)->value;
        std::size_t end = j + 2;
        if (part == Part::whole) {
            const Kw cue = i > 0 ? tokens_[i - 1].keyword : Kw::none;
            const bool has_year = is_number(end) && at(end)->digits == 4;
            if (!has_year && cue != Kw::in && cue != Kw::by && cue != Kw::until && cue != Kw::before) {
                return std::nullopt;  // "the Q3 numbers" is data, not a date
            }
        }
        int year = civil(from).year;
        if (is_number(end) && at(end)->digits == 4) {
            year = at(end)->value;
            ++end;
        } else if (quarter_last(year, quarter) < from) {
            ++year;
        }
        const std::int64_t first = day_number(year, static_cast<unsigned>(quarter * 3 - 2), 1);
        const std::int64_t last = quarter_last(year, quarter);
        if (part == Part::whole) return span(end, first, last);
        if (part == Part::end) return one_day(end, last);
        if (part == Part::start) return one_day(end, first);
        return std::nullopt;
    }
    // "mid-March", "end of March", "early April 2026".
    if (unit->lex == LexKind::month && part != Part::whole && part != Part::later && !stepped) {
        const unsigned month = static_cast<unsigned>(unit->value);
        std::size_t end = j + 1;
        int year = civil(from).year;
        if (is_number(end) && at(end)->digits == 4) {
            year = at(end)->value;
            ++end;
        } else if (day_number(year, month, days_in_month(year, month)) < from) {
            ++year;
        }
        const std::int64_t first = day_number(year, month, 1);
        const std::int64_t last = day_number(year, month, days_in_month(year, month));
        switch (part) {
            case Part::start: return one_day(end, first);
            case Part::early: return span(end, first, first + 9);
            case Part::middle: return span(end, first + 10, first + 19);
            case Part::late: return span(end, first + 20, last);
            case Part::end: return one_day(end, last);
            default: return std::nullopt;
        }
    }
    return std::nullopt;
}

}  // namespace casefile::core::date_detail
