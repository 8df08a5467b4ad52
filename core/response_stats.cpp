#include "core/response_stats.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/timestamp.hpp"

namespace casefile::core {
namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floor_day(std::int64_t seconds) {
    return seconds >= 0 ? seconds / kDay : -((-seconds + kDay - 1) / kDay);
}

std::string month_text(int year, unsigned month) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u", year, month);
    return buffer;
}

// What one month (or the total) gathers before the medians are taken.
struct Tally {
    ResponseFigures figures;
    std::vector<std::int64_t> working;
    std::vector<std::int64_t> wall;

    void add_response(std::int64_t working_seconds, std::int64_t wall_seconds) {
        ++figures.responses;
        working.push_back(working_seconds);
        wall.push_back(wall_seconds);
    }
};

std::optional<std::int64_t> median(std::vector<std::int64_t> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    if (values.size() % 2 == 1) return values[middle];
    // Both are non-negative, so halving each cannot overflow and floors.
    const std::int64_t low = values[middle - 1];
    const std::int64_t high = values[middle];
    return low + (high - low) / 2;
}

ResponseFigures finish(Tally& tally) {
    tally.figures.median_working_seconds = median(tally.working);
    tally.figures.median_seconds = median(tally.wall);
    return tally.figures;
}

}  // namespace

double ResponseFigures::out_of_hours_share() const {
    if (client_messages == 0) return 0.0;
    return static_cast<double>(out_of_hours) / static_cast<double>(client_messages);
}

std::string local_month(std::int64_t unix_seconds, const TimeZone& zone) {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
    civil_from_days(floor_day(zone.to_local(unix_seconds)), year, month, day);
    return month_text(year, month);
}

std::string first_of_last_months(std::int64_t unix_seconds, int count, const TimeZone& zone) {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
    civil_from_days(floor_day(zone.to_local(unix_seconds)), year, month, day);
    // Months since year 0, so going back across years is one subtraction.
    const std::int64_t index = std::int64_t{year} * 12 + (month - 1) - (count - 1);
    const std::int64_t first_year = index >= 0 ? index / 12 : -((-index + 11) / 12);
    return month_text(static_cast<int>(first_year),
                      static_cast<unsigned>(index - first_year * 12 + 1));
}

ResponseStats response_stats(const std::vector<ThreadTimeline>& threads, const WorkingWeek& week,
                             const TimeZone& zone, const std::optional<std::string>& first_month) {
    std::map<std::string, Tally> months;
    Tally total;
    auto counted = [&](const std::string& month) { return !first_month || month >= *first_month; };

    for (ThreadTimeline thread : threads) {
        // Client before VA at the same second: the digest's rule (a reply
        // dated at or after a client mail answers it).
        std::stable_sort(thread.begin(), thread.end(),
                         [](const TimedMessage& a, const TimedMessage& b) {
                             if (a.unix_seconds != b.unix_seconds)
                                 return a.unix_seconds < b.unix_seconds;
                             return !a.from_va && b.from_va;
                         });
        // The client messages since the VA last wrote, with their months.
        std::vector<std::pair<std::int64_t, std::string>> waiting;
        for (const TimedMessage& message : thread) {
            if (!message.from_va) {
                const std::string month = local_month(message.unix_seconds, zone);
                if (!counted(month)) {
                    waiting.emplace_back(message.unix_seconds, month);
                    continue;
                }
                const bool outside = !within_working_hours(message.unix_seconds, week, zone);
                for (Tally* tally : {&months[month], &total}) {
                    ++tally->figures.client_messages;
                    if (outside) ++tally->figures.out_of_hours;
                }
                waiting.emplace_back(message.unix_seconds, month);
                continue;
            }
            if (waiting.empty()) continue;  // the VA wrote first, or again: nothing to answer
            const auto& [asked, month] = waiting.front();
            if (counted(month)) {
                const std::int64_t worked =
                    working_seconds_between(asked, message.unix_seconds, week, zone);
                const std::int64_t wall = message.unix_seconds - asked;
                months[month].add_response(worked, wall);
                total.add_response(worked, wall);
            }
            for (const auto& [unused, answered_month] : waiting) {
                if (!counted(answered_month)) continue;
                ++months[answered_month].figures.answered;
                ++total.figures.answered;
            }
            waiting.clear();
        }
        for (const auto& [unused, month] : waiting) {
            if (!counted(month)) continue;
            ++months[month].figures.unanswered;
            ++total.figures.unanswered;
        }
    }

    ResponseStats stats;
    for (auto& [month, tally] : months) stats.months.push_back(MonthFigures{month, finish(tally)});
    stats.total = finish(total);
    return stats;
}

}  // namespace casefile::core
