// find_dates: tokenise once, try the parsers at each token that can start an
// expression, keep the longest match, and write the values out.
#include "core/date_calendar.hpp"
#include "core/date_expression.hpp"
#include "core/date_scanner.hpp"

namespace casefile::core {

std::string_view date_kind_name(DateKind kind) {
    switch (kind) {
        case DateKind::date: return "date";
        case DateKind::datetime: return "datetime";
        case DateKind::interval: return "interval";
        case DateKind::unresolved: return "unresolved";
    }
    return "unresolved";
}

namespace date_detail {

Scanner::Scanner(std::string_view text, const std::vector<Token>& tokens, const Timestamp& reference,
                 const DateOptions& options)
    : text_(text), tokens_(tokens), options_(options), offset_minutes_(reference.offset_minutes) {
    const std::int64_t local = reference.unix_seconds + std::int64_t{reference.offset_minutes} * 60;
    reference_day_ = local / 86400;
    std::int64_t rest = local % 86400;
    if (rest < 0) {
        rest += 86400;
        --reference_day_;
    }
    reference_seconds_ = static_cast<int>(rest);
    if (options_.week_start < 0 || options_.week_start > 6) options_.week_start = 0;
    if (options_.year_grace_days < 0) options_.year_grace_days = 0;
}

std::optional<Match> Scanner::unresolved_phrase(std::size_t i) const {
    const Token& token = tokens_[i];
    auto unresolved = [](std::size_t end) {
        Match match;
        match.end = end;
        match.value.unresolved = true;
        return match;
    };
    switch (token.keyword) {
        case Kw::asap:
        case Kw::urgent:
        case Kw::immediately:
            return unresolved(i + 1);
        case Kw::soon:
            // "as soon as I get back" is a condition, not a deadline.
            if (i > 0 && is(i - 1, Kw::as) && is(i + 1, Kw::as)) return std::nullopt;
            return unresolved(i + 1);
        case Kw::as:
            // "as soon as possible", "as soon as you can"
            if (is(i + 1, Kw::soon) && is(i + 2, Kw::as)) {
                if (is(i + 3, Kw::possible)) return unresolved(i + 4);
                if (at(i + 4) != nullptr && text_.substr(tokens_[i + 3].start, 3) == "you" &&
                    tokens_[i + 3].end - tokens_[i + 3].start == 3 &&
                    text_.substr(tokens_[i + 4].start, tokens_[i + 4].end - tokens_[i + 4].start) == "can") {
                    return unresolved(i + 5);
                }
            }
            return std::nullopt;
        case Kw::at:
            // "at your earliest convenience", "at your earliest"
            if (is(i + 1, Kw::your) && is(i + 2, Kw::earliest)) {
                return unresolved(is(i + 3, Kw::convenience) ? i + 4 : i + 3);
            }
            return std::nullopt;
        case Kw::right:
            if (is(i + 1, Kw::away)) return unresolved(i + 2);
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

namespace {

// Keywords that only ever continue an expression ("of", "to", "pm") or
// qualify one; no parser starts at them, so the scan skips them early.
bool never_starts(Kw keyword) {
    switch (keyword) {
        case Kw::of: case Kw::to: case Kw::and_: case Kw::through: case Kw::until: case Kw::by:
        case Kw::on: case Kw::before: case Kw::over: case Kw::due: case Kw::around: case Kw::no:
        case Kw::than: case Kw::latest: case Kw::now: case Kw::time: case Kw::thing: case Kw::am:
        case Kw::pm: case Kw::p: case Kw::m: case Kw::o: case Kw::clock: case Kw::unit_noun:
        case Kw::counter_noun: case Kw::move_verb: case Kw::holiday: case Kw::timezone:
        case Kw::hour: case Kw::minute: case Kw::week: case Kw::month: case Kw::year:
        case Kw::quarter: case Kw::weekend: case Kw::business: case Kw::working: case Kw::after:
        case Kw::every: case Kw::play: case Kw::your: case Kw::away: case Kw::convenience:
        case Kw::earliest: case Kw::possible:
            return true;
        default:
            return false;
    }
}

}  // namespace

std::optional<Match> Scanner::match_at(std::size_t i) const {
    const Token& token = tokens_[i];
    if (token.kind == TokenKind::symbol) return std::nullopt;
    if (token.kind == TokenKind::word && (token.lex == LexKind::none || never_starts(token.keyword))) {
        return std::nullopt;
    }
    std::optional<Match> best = unresolved_phrase(i);
    if (best) return best;
    if (token.keyword == Kw::between || token.keyword == Kw::from) return range(i);
    // "by 10 tomorrow": a bare hour counts after a deadline word (and
    // compound() still wants a day with it).
    const Kw cue = i > 0 ? tokens_[i - 1].keyword : Kw::none;
    const bool bare_hour = cue == Kw::by || cue == Kw::at || cue == Kw::before || cue == Kw::around ||
                           cue == Kw::until;
    best = compound(i, reference_anchor(), bare_hour);
    // A range without "between"/"from" starts with an expression of its
    // own, so it is only worth trying after one was found.
    if (best) {
        if (auto longer = range(i); longer && longer->end > best->end) best = longer;
    }
    return best;
}

}  // namespace date_detail

namespace {

using date_detail::kWholeDay;
using date_detail::Moment;

class Formatter {
public:
    Formatter(int offset_minutes, const UtcOffsetSource* zone) : offset_(offset_minutes), zone_(zone) {}

    std::string date_time(const Moment& moment, int default_seconds) const {
        const int seconds = moment.seconds == kWholeDay ? default_seconds : moment.seconds;
        return date_detail::format_datetime(moment.day, seconds, offset_at(moment.day, seconds));
    }

private:
    // With a zone, the offset in force at that wall-clock time (found in two
    // steps, which settles except inside the DST gap itself).
    int offset_at(std::int64_t day, int seconds) const {
        if (zone_ == nullptr) return offset_;
        const std::int64_t local = day * 86400 + seconds;
        const int guess = zone_->offset_minutes_at(local - std::int64_t{offset_} * 60);
        return zone_->offset_minutes_at(local - std::int64_t{guess} * 60);
    }

    int offset_;
    const UtcOffsetSource* zone_;
};

}  // namespace

std::vector<DateExpression> find_dates(std::string_view text, const Timestamp& reference,
                                       const DateOptions& options) {
    using namespace date_detail;
    std::vector<DateExpression> found;
    // Spans are 32-bit; a message body over 4 GB is not mail.
    if (text.size() >= 0xFFFFFFFFu) return found;
    thread_local std::vector<Token> tokens;
    tokenize(text, tokens);
    const Scanner scanner(text, tokens, reference, options);
    const Formatter formatter(reference.offset_minutes, options.zone);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto match = scanner.match_at(i);
        if (!match || match->end <= i) continue;
        DateExpression expression;
        expression.start = tokens[i].start;
        expression.end = tokens[match->end - 1].end;
        expression.text = std::string(text.substr(expression.start, expression.end - expression.start));
        const Value& value = match->value;
        if (value.unresolved) {
            expression.kind = DateKind::unresolved;
        } else if (value.interval) {
            expression.kind = DateKind::interval;
            if (value.start.seconds == kWholeDay && value.end.seconds == kWholeDay) {
                expression.value = format_date(value.start.day);
                expression.end_value = format_date(value.end.day);
            } else {
                expression.value = formatter.date_time(value.start, 0);
                expression.end_value = formatter.date_time(value.end, kEndOfDaySeconds);
            }
        } else if (value.start.seconds == kWholeDay) {
            expression.kind = DateKind::date;
            expression.value = format_date(value.start.day);
        } else {
            expression.kind = DateKind::datetime;
            expression.value = formatter.date_time(value.start, 0);
        }
        found.push_back(std::move(expression));
        i = match->end - 1;
    }
    return found;
}

}  // namespace casefile::core
