#include "core/time_zone.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "core/timestamp.hpp"

namespace casefile::core {
namespace {

constexpr std::int64_t kDay = 86400;

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::int64_t floor_divide(std::int64_t value, std::int64_t divisor) {
    std::int64_t quotient = value / divisor;
    if ((value % divisor != 0) && ((value < 0) != (divisor < 0))) --quotient;
    return quotient;
}

// Days since the epoch of the day a POSIX rule names in `year`.
std::int64_t rule_day(int year, const PosixZoneRule::Change& change) {
    using Kind = PosixZoneRule::Change::Kind;
    const std::int64_t january_first = days_from_civil(year, 1, 1);
    switch (change.kind) {
        case Kind::julian_no_leap: {
            // Jn: 1..365, February 29 is never counted.
            std::int64_t day = change.day - 1;
            if (leap(year) && change.day >= 60) ++day;
            return january_first + day;
        }
        case Kind::zero_based_day:
            return january_first + change.day;
        case Kind::month_week_day:
            break;
    }
    const std::int64_t first = days_from_civil(year, static_cast<unsigned>(change.month), 1);
    // 1970-01-01 was a Thursday (4, with Sunday = 0).
    const int first_weekday = static_cast<int>(((first % 7) + 7 + 4) % 7);
    std::int64_t day = first + (change.day - first_weekday + 7) % 7 + 7 * (change.week - 1);
    const std::int64_t next_month =
        change.month == 12 ? days_from_civil(year + 1, 1, 1)
                           : days_from_civil(year, static_cast<unsigned>(change.month + 1), 1);
    while (day >= next_month) day -= 7;  // week 5 means "the last"
    return day;
}

// --- POSIX TZ string parsing (the subset TZif footers use) ------------------

class RuleReader {
public:
    explicit RuleReader(const std::string& text) : text_(text) {}

    bool at_end() const { return position_ >= text_.size(); }
    bool take(char wanted) {
        if (position_ < text_.size() && text_[position_] == wanted) {
            ++position_;
            return true;
        }
        return false;
    }

    // An abbreviation: letters, or <...> holding signs and digits too.
    bool name() {
        if (take('<')) {
            const std::size_t close = text_.find('>', position_);
            if (close == std::string::npos) return false;
            position_ = close + 1;
            return true;
        }
        const std::size_t start = position_;
        while (position_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[position_]))) {
            ++position_;
        }
        return position_ - start >= 3;
    }

    // [+|-]hh[:mm[:ss]] as seconds.
    std::optional<int> clock_time() {
        int sign = 1;
        if (take('-')) {
            sign = -1;
        } else {
            take('+');
        }
        auto hours = number();
        if (!hours || *hours > 167) return std::nullopt;
        int seconds = *hours * 3600;
        if (take(':')) {
            auto minutes = number();
            if (!minutes || *minutes > 59) return std::nullopt;
            seconds += *minutes * 60;
            if (take(':')) {
                auto rest = number();
                if (!rest || *rest > 59) return std::nullopt;
                seconds += *rest;
            }
        }
        return sign * seconds;
    }

    std::optional<int> number() {
        const std::size_t start = position_;
        int value = 0;
        while (position_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[position_])) &&
               position_ - start < 4) {
            value = value * 10 + (text_[position_] - '0');
            ++position_;
        }
        if (position_ == start) return std::nullopt;
        return value;
    }

    std::optional<PosixZoneRule::Change> change() {
        using Kind = PosixZoneRule::Change::Kind;
        PosixZoneRule::Change result;
        if (take('M')) {
            auto month = number();
            if (!month || !take('.')) return std::nullopt;
            auto week = number();
            if (!week || !take('.')) return std::nullopt;
            auto day = number();
            if (!day || *month < 1 || *month > 12 || *week < 1 || *week > 5 || *day > 6) {
                return std::nullopt;
            }
            result.kind = Kind::month_week_day;
            result.month = *month;
            result.week = *week;
            result.day = *day;
        } else if (take('J')) {
            auto day = number();
            if (!day || *day < 1 || *day > 365) return std::nullopt;
            result.kind = Kind::julian_no_leap;
            result.day = *day;
        } else {
            auto day = number();
            if (!day || *day > 365) return std::nullopt;
            result.kind = Kind::zero_based_day;
            result.day = *day;
        }
        if (take('/')) {
            auto time = clock_time();
            if (!time) return std::nullopt;
            result.time_seconds = *time;
        }
        return result;
    }

private:
    const std::string& text_;
    std::size_t position_ = 0;
};

}  // namespace

std::optional<PosixZoneRule> parse_posix_zone_rule(const std::string& text) {
    RuleReader reader(text);
    PosixZoneRule rule;
    if (!reader.name()) return std::nullopt;
    auto standard = reader.clock_time();
    if (!standard) return std::nullopt;
    rule.standard_offset_seconds = -*standard;  // POSIX counts west of UTC
    if (reader.at_end()) return rule;
    if (!reader.name()) return std::nullopt;
    rule.dst_offset_seconds = rule.standard_offset_seconds + 3600;
    if (!reader.at_end() && !reader.take(',')) {
        auto dst = reader.clock_time();
        if (!dst) return std::nullopt;
        rule.dst_offset_seconds = -*dst;
        if (!reader.take(',')) return std::nullopt;
    } else if (reader.at_end()) {
        return std::nullopt;  // DST without rules: POSIX's implementation-defined default
    }
    auto start = reader.change();
    if (!start || !reader.take(',')) return std::nullopt;
    auto end = reader.change();
    if (!end || !reader.at_end()) return std::nullopt;
    rule.dst_start = *start;
    rule.dst_end = *end;
    return rule;
}

TimeZone::TimeZone() = default;

TimeZone::TimeZone(std::string name, int initial_offset_seconds,
                   std::vector<Transition> transitions, std::optional<PosixZoneRule> rule)
    : name_(std::move(name)), initial_offset_seconds_(initial_offset_seconds),
      transitions_(std::move(transitions)), rule_(std::move(rule)) {}

int TimeZone::rule_offset_at(std::int64_t unix_seconds) const {
    const PosixZoneRule& rule = *rule_;
    if (!rule.dst_offset_seconds) return rule.standard_offset_seconds;
    const int dst = *rule.dst_offset_seconds;
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
    civil_from_days(floor_divide(unix_seconds + rule.standard_offset_seconds, kDay), year, month,
                    day);
    // The start is given in standard local time, the end in DST local time.
    const std::int64_t start =
        rule_day(year, rule.dst_start) * kDay + rule.dst_start.time_seconds - rule.standard_offset_seconds;
    const std::int64_t end = rule_day(year, rule.dst_end) * kDay + rule.dst_end.time_seconds - dst;
    const bool in_dst = start < end ? (unix_seconds >= start && unix_seconds < end)
                                    : (unix_seconds < end || unix_seconds >= start);  // southern
    return in_dst ? dst : rule.standard_offset_seconds;
}

int TimeZone::offset_seconds_at(std::int64_t unix_seconds) const {
    if (transitions_.empty()) return rule_ ? rule_offset_at(unix_seconds) : initial_offset_seconds_;
    if (unix_seconds < transitions_.front().at) return initial_offset_seconds_;
    if (rule_ && unix_seconds >= transitions_.back().at) return rule_offset_at(unix_seconds);
    const auto after = std::upper_bound(
        transitions_.begin(), transitions_.end(), unix_seconds,
        [](std::int64_t moment, const Transition& transition) { return moment < transition.at; });
    return std::prev(after)->offset_seconds;
}

int TimeZone::offset_minutes_at(std::int64_t unix_seconds) const {
    return static_cast<int>(floor_divide(offset_seconds_at(unix_seconds), 60));
}

std::int64_t TimeZone::to_utc(std::int64_t local_seconds) const {
    // Every offset that can be in force around this wall time; a zone's
    // offsets change at most a few times in two days.
    const std::array<int, 3> nearby = {offset_seconds_at(local_seconds - 2 * kDay),
                                       offset_seconds_at(local_seconds),
                                       offset_seconds_at(local_seconds + 2 * kDay)};
    std::optional<std::int64_t> earliest;
    std::int64_t latest_candidate = local_seconds - nearby[0];
    for (int offset : nearby) {
        const std::int64_t candidate = local_seconds - offset;
        latest_candidate = std::max(latest_candidate, candidate);
        if (offset_seconds_at(candidate) == offset && (!earliest || candidate < *earliest)) {
            earliest = candidate;
        }
    }
    // In a spring-forward gap no offset fits: read the time with the offset
    // from before the gap, which lands after it.
    return earliest ? *earliest : latest_candidate;
}

}  // namespace casefile::core
