#include "parsers/date_header.hpp"

#include <array>
#include <string>

namespace casefile::parsers {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

int month_from_name(std::string_view word) {
    static constexpr std::array<std::string_view, 12> names = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (word.size() < 3) return 0;
    std::string prefix;
    for (std::size_t i = 0; i < 3; ++i) prefix.push_back(ascii_lower(word[i]));
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (prefix == names[i]) return static_cast<int>(i) + 1;
    }
    return 0;
}

// RFC 5322 §4.3 obs-zone, plus the few names mailers still write.
std::optional<int> zone_from_name(std::string_view word) {
    std::string name;
    for (const char c : word) name.push_back(ascii_lower(c));
    struct Zone {
        std::string_view name;
        int minutes;
    };
    static constexpr std::array<Zone, 16> zones = {{{"ut", 0},       {"utc", 0},      {"gmt", 0},
                                                    {"z", 0},        {"est", -300},   {"edt", -240},
                                                    {"cst", -360},   {"cdt", -300},   {"mst", -420},
                                                    {"mdt", -360},   {"pst", -480},   {"pdt", -420},
                                                    {"bst", 60},     {"cet", 60},     {"cest", 120},
                                                    {"met", 60}}};
    for (const auto& zone : zones) {
        if (name == zone.name) return zone.minutes;
    }
    // Military single letters: §4.3 says their meaning was botched in
    // RFC 822, so they are read as +0000.
    if (name.size() == 1 && name[0] != 'j') return 0;
    return std::nullopt;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

struct DateParts {
    int day = -1, month = 0, year = -1;
    int hour = -1, minute = -1, second = 0;
    std::optional<int> offset;
    bool year_digits_short = false;
};

// "09:55" or "09:55:06" (also "9.55.06", seen from some gateways).
bool read_time(std::string_view token, DateParts& parts) {
    int values[3] = {0, 0, 0};
    int count = 0;
    std::size_t position = 0;
    while (position < token.size() && count < 3) {
        int value = 0;
        std::size_t digits = 0;
        while (position < token.size() && is_digit(token[position]) && digits < 3) {
            value = value * 10 + (token[position] - '0');
            ++position;
            ++digits;
        }
        if (digits == 0 || digits > 2) return false;
        values[count++] = value;
        if (position < token.size() && (token[position] == ':' || token[position] == '.')) {
            ++position;
        } else {
            break;
        }
    }
    if (count < 2) return false;
    parts.hour = values[0];
    parts.minute = values[1];
    parts.second = count == 3 ? values[2] : 0;
    return true;
}

}  // namespace

std::optional<core::Timestamp> parse_date_header(std::string_view text) {
    DateParts parts;
    std::size_t position = 0;
    int comment_depth = 0;
    while (position < text.size()) {
        const char c = text[position];
        if (c == '(') {
            ++comment_depth;
            ++position;
            continue;
        }
        if (c == ')') {
            if (comment_depth > 0) --comment_depth;
            ++position;
            continue;
        }
        if (comment_depth > 0 || !(is_digit(c) || is_alpha(c) || c == '+' || c == '-')) {
            ++position;
            continue;
        }
        // A token: letters, or digits with ':' '.' '-' inside (times, ISO dates).
        const std::size_t start = position;
        if (c == '+' || c == '-') {
            ++position;
            while (position < text.size() && is_digit(text[position])) ++position;
            const std::string_view digits = text.substr(start + 1, position - start - 1);
            if (digits.size() == 4 && !parts.offset && parts.hour >= 0) {
                const int hours = (digits[0] - '0') * 10 + (digits[1] - '0');
                const int minutes = (digits[2] - '0') * 10 + (digits[3] - '0');
                if (hours < 24 && minutes < 60) parts.offset = (hours * 60 + minutes) * (c == '-' ? -1 : 1);
            }
            if (position == start + 1) ++position;
            continue;
        }
        if (is_alpha(c)) {
            while (position < text.size() && is_alpha(text[position])) ++position;
            const std::string_view word = text.substr(start, position - start);
            if (const int month = month_from_name(word); month != 0 && parts.month == 0) {
                parts.month = month;
            } else if (parts.hour >= 0 && !parts.offset) {
                if (const auto zone = zone_from_name(word)) parts.offset = zone;
            }
            continue;
        }
        while (position < text.size() &&
               (is_digit(text[position]) || text[position] == ':' || text[position] == '.')) {
            ++position;
        }
        const std::string_view token = text.substr(start, position - start);
        if (token.find(':') != std::string_view::npos || (token.find('.') != std::string_view::npos && token.size() >= 4)) {
            if (parts.hour < 0) read_time(token, parts);
            continue;
        }
        // ISO-like "1997-11-21": year-month-day joined by '-'.
        if (token.size() == 4 && position < text.size() && text[position] == '-' &&
            parts.year < 0 && parts.day < 0) {
            std::size_t cursor = position + 1;
            int month = 0, day = 0, digits = 0;
            while (cursor < text.size() && is_digit(text[cursor]) && digits < 2) {
                month = month * 10 + (text[cursor++] - '0');
                ++digits;
            }
            if (digits > 0 && cursor < text.size() && text[cursor] == '-') {
                ++cursor;
                digits = 0;
                while (cursor < text.size() && is_digit(text[cursor]) && digits < 2) {
                    day = day * 10 + (text[cursor++] - '0');
                    ++digits;
                }
                if (digits > 0) {
                    parts.year = std::stoi(std::string(token));
                    parts.month = month;
                    parts.day = day;
                    position = cursor;
                    // "1997-11-21T09:55:06"
                    if (position < text.size() && (text[position] == 'T' || text[position] == 't')) ++position;
                    continue;
                }
            }
        }
        if (token.size() > 4) continue;  // not a day or a year
        const int value = std::stoi(std::string(token));
        if (parts.day < 0 && token.size() <= 2 && value >= 1 && value <= 31) {
            parts.day = value;
        } else if (parts.year < 0) {
            parts.year = value;
            parts.year_digits_short = token.size() < 4;
        }
    }
    if (parts.day < 0 || parts.month == 0 || parts.year < 0 || parts.hour < 0) return std::nullopt;
    if (parts.year_digits_short) {
        // RFC 5322 §4.3: two digits < 50 are 20xx, others 19xx; three digits + 1900.
        if (parts.year < 50) {
            parts.year += 2000;
        } else if (parts.year < 1000) {
            parts.year += 1900;
        }
    }
    if (parts.year < 1900 || parts.year > 9999 || parts.day > days_in_month(parts.year, parts.month) ||
        parts.hour > 23 || parts.minute > 59 || parts.second > 60) {
        return std::nullopt;
    }
    const int second = parts.second == 60 ? 59 : parts.second;  // a leap second: keep the minute
    const int offset = parts.offset.value_or(0);
    const std::int64_t days = core::days_from_civil(parts.year, static_cast<unsigned>(parts.month),
                                                    static_cast<unsigned>(parts.day));
    core::Timestamp timestamp;
    timestamp.unix_seconds = days * 86400 + parts.hour * 3600 + parts.minute * 60 + second -
                             std::int64_t{offset} * 60;
    timestamp.offset_minutes = offset;
    return timestamp;
}

}  // namespace casefile::parsers
