// Day words ("today", "the day after tomorrow") and offsets from the
// reference ("in 3 days", "within 48 hours", "two weeks from Friday"), and
// the dispatch between absolute and relative days.
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

// A moment a whole number of seconds after (day, seconds), normalised.
Moment shifted(std::int64_t day, int seconds, std::int64_t delta) {
    std::int64_t total = day * 86400 + seconds + delta;
    std::int64_t result_day = total / 86400;
    std::int64_t rest = total % 86400;
    if (rest < 0) {
        rest += 86400;
        --result_day;
    }
    return Moment{result_day, static_cast<int>(rest)};
}

}  // namespace

std::optional<DayMatch> Scanner::offset_day(std::size_t i, const Anchor& anchor) const {
    std::size_t j = i;
    bool within = false;
    if (is(j, Kw::in) || is(j, Kw::within)) {
        within = true;
        ++j;
        // "in the next 48 hours", "within the next two weeks"
        if (is(j, Kw::the) && is(j + 1, Kw::next)) j += 2;
    } else if (is(j, Kw::next) && !is(j + 1, Kw::a)) {
        // "over the next 2 weeks", "the next four weeks": the end of the span.
        within = true;
        ++j;
    }
    // "an hour" in "half an hour" is not an hour.
    if (j == i && i > 0 && tokens_[i - 1].keyword == Kw::half) return std::nullopt;
    // "in 1.5 hours", "within 2.5 hours": a decimal count of hours (a
    // fraction of a day or week is not how deadlines are written).
    if (is_number(j) && at(j)->digits <= 3 && is_symbol(j + 1, '.') && glued(j + 1) && is_number(j + 2) &&
        glued(j + 2) && at(j + 2)->digits == 1 && is(j + 3, Kw::hour) && j != i) {
        std::size_t end = j + 4;
        if (is(end, Kw::from) && is(end + 1, Kw::now)) end += 2;
        DayMatch match;
        match.end = end;
        const std::int64_t minutes = std::int64_t{at(j)->value} * 60 + at(j + 2)->value * 6;
        match.value.start = shifted(anchor.day, anchor.seconds, minutes * 60);
        return match;
    }
    // "half an hour from now", "within half a day": half of one unit.
    const bool half = is(j, Kw::half) && is(j + 1, Kw::a);
    std::size_t k = j;
    std::optional<int> count;
    if (half) {
        count = 1;
        k = j + 2;
    } else {
        count = count_at(j, k);
    }
    if (!count) return std::nullopt;
    bool business = false;
    if (is(k, Kw::business) || is(k, Kw::working)) {
        business = true;
        ++k;
    }
    const Token* unit = at(k);
    if (unit == nullptr) return std::nullopt;
    const Kw unit_kind = unit->keyword;
    if (unit_kind != Kw::minute && unit_kind != Kw::hour && unit_kind != Kw::day &&
        unit_kind != Kw::week && unit_kind != Kw::month && unit_kind != Kw::year) {
        return std::nullopt;
    }
    if (business && unit_kind != Kw::day) return std::nullopt;
    std::size_t end = k + 1;
    // "in two weeks' time"
    if (is_symbol(end, '\'') && is(end + 1, Kw::time)) end += 2;
    if (is_symbol(end, '\'') && at(end + 1) && at(end + 2) && is(end + 2, Kw::time)) end += 3;
    if (is(end, Kw::time) && within) ++end;

    // "two weeks from Friday", "3 days from now", "a week from tomorrow".
    std::int64_t base_day = anchor.day;
    int base_seconds = anchor.seconds;
    if (!within) {
        if (!is(end, Kw::from)) return std::nullopt;
        if (is(end + 1, Kw::now) || is(end + 1, Kw::today)) {
            end += 2;
        } else {
            const auto from_day = day(end + 1, anchor);
            if (!from_day || !from_day->single_day) return std::nullopt;
            base_day = from_day->value.start.day;
            end = from_day->end;
        }
    }

    DayMatch match;
    match.end = end;
    const int n = *count;
    if (half) {
        if (unit_kind != Kw::hour && unit_kind != Kw::day) return std::nullopt;
        match.value.start = shifted(base_day, base_seconds, unit_kind == Kw::hour ? 1800 : 12 * 3600);
        return match;
    }
    switch (unit_kind) {
        case Kw::minute:
            match.value.start = shifted(base_day, base_seconds, std::int64_t{n} * 60);
            return match;
        case Kw::hour:
            if (n > 999) return std::nullopt;
            match.value.start = shifted(base_day, base_seconds, std::int64_t{n} * 3600);
            return match;
        case Kw::day:
            return one_day(end, business ? add_business_days(base_day, n) : base_day + n);
        case Kw::week:
            return one_day(end, base_day + 7 * std::int64_t{n});
        case Kw::month:
            return one_day(end, add_months(base_day, n));
        case Kw::year:
            return one_day(end, add_months(base_day, 12 * n));
        default:
            return std::nullopt;
    }
}

std::optional<DayMatch> Scanner::relative_day(std::size_t i, const Anchor& anchor) const {
    const Token& token = tokens_[i];
    switch (token.keyword) {
        case Kw::today:
            return one_day(i + 1, anchor.day);
        case Kw::tomorrow:
            return one_day(i + 1, anchor.day + 1);
        case Kw::yesterday:
            return one_day(i + 1, anchor.day - 1);
        case Kw::next: {
            // "next day": the day after the reference, like "tomorrow". Not
            // "the next day" (after some other event) and not an adjective
            // ("next day payments", "next day delivery").
            const Token* after = at(i + 2);
            const bool adjective = after != nullptr && after->kind == TokenKind::word && after->lex == LexKind::none;
            if (is(i + 1, Kw::day) && !is(i + 2, Kw::after) && !adjective && !(i > 0 && is(i - 1, Kw::the))) {
                return one_day(i + 2, anchor.day + 1);
            }
            break;
        }
        case Kw::this_:
            // "this morning", "this afternoon", "this evening"
            if (auto part = day_part(i + 1); part && part->end == i + 2) {
                DayMatch match;
                match.end = part->end;
                match.value.interval = true;
                match.value.start = Moment{anchor.day, part->seconds};
                match.value.end = Moment{anchor.day, part->end_seconds};
                return match;
            }
            break;
        case Kw::tonight: {
            DayMatch match;
            match.end = i + 1;
            match.value.interval = true;
            match.value.start = Moment{anchor.day, 18 * 3600};
            match.value.end = Moment{anchor.day, kEndOfDaySeconds};
            return match;
        }
        case Kw::the:
        case Kw::day: {
            // "(the) day after tomorrow"
            const std::size_t j = token.keyword == Kw::the ? i + 1 : i;
            if (is(j, Kw::day) && is(j + 1, Kw::after) && is(j + 2, Kw::tomorrow)) {
                return one_day(j + 3, anchor.day + 2);
            }
            if (token.keyword == Kw::the) {
                if (auto weekday = weekday_day(i, anchor)) return weekday;
                return period(i, anchor);
            }
            return std::nullopt;
        }
        default:
            break;
    }
    if (token.lex == LexKind::weekday || token.keyword == Kw::next || token.keyword == Kw::this_ ||
        token.keyword == Kw::last || token.keyword == Kw::coming) {
        if (auto weekday = weekday_day(i, anchor)) return weekday;
        if (token.lex == LexKind::weekday) return std::nullopt;
    }
    if (token.keyword == Kw::in || token.keyword == Kw::within || token.kind == TokenKind::number ||
        token.lex == LexKind::number_word || token.keyword == Kw::a || token.keyword == Kw::couple ||
        token.keyword == Kw::next || token.keyword == Kw::half) {
        if (auto offset = offset_day(i, anchor)) return offset;
    }
    return period(i, anchor);
}

std::optional<DayMatch> Scanner::day(std::size_t i, const Anchor& anchor) const {
    if (i >= tokens_.size()) return std::nullopt;
    const Token& token = tokens_[i];
    // Most tokens can start nothing; answer them without calling a parser.
    if (token.kind == TokenKind::symbol) return std::nullopt;
    if (token.kind == TokenKind::word && token.lex == LexKind::none) return std::nullopt;
    auto absolute = absolute_date(i, anchor);
    auto relative = relative_day(i, anchor);
    if (!absolute) return relative;
    if (!relative) return absolute;
    return relative->end > absolute->end ? relative : absolute;
}

Anchor Scanner::reference_anchor() const {
    return Anchor{reference_day_, reference_seconds_, options_.year_grace_days};
}

}  // namespace casefile::core::date_detail
