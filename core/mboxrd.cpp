// mboxrd for `export --format mbox`: the variant whose quoting is reversible
// (every line matching ^>*From  gains one '>', and loses it on reading), so
// the original bytes can be checked against their SHA-256 again.
#include <cstdio>

#include "core/bundle.hpp"

namespace casefile::core {
namespace {

bool is_from_line(std::string_view line) {
    std::size_t index = 0;
    while (index < line.size() && line[index] == '>') ++index;
    return line.substr(index).starts_with("From ");
}

// asctime-style date for the From_ line, in UTC, from the data (not the clock).
std::string from_line_date(const CaseMessage& message) {
    static const char* const kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::int64_t seconds = message.parsed.date ? message.parsed.date->unix_seconds : 0;
    std::int64_t days = seconds / 86400;
    std::int64_t second_of_day = seconds % 86400;
    if (second_of_day < 0) second_of_day += 86400, days -= 1;
    int year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(days, year, month, day);
    const std::int64_t weekday = ((days % 7) + 7) % 7;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s %s %2u %02d:%02d:%02d %d", kDays[weekday],
                  kMonths[month - 1], day, static_cast<int>(second_of_day / 3600),
                  static_cast<int>(second_of_day / 60 % 60), static_cast<int>(second_of_day % 60),
                  year);
    return buffer;
}

}  // namespace

std::string compose_mboxrd(const CaseExport& export_data) {
    std::string mbox;
    for (const CaseMessage& message : export_data.record.messages) {
        // The envelope sender is the message's SHA-256, never an address from
        // the mail: the From_ line is ours.
        mbox += "From " + message.sha256 + "@casefile " + from_line_date(message) + "\n";
        std::size_t start = 0;
        const std::string& raw = message.raw;
        while (start < raw.size()) {
            std::size_t end = raw.find('\n', start);
            end = end == std::string::npos ? raw.size() : end + 1;
            const std::string_view line(raw.data() + start, end - start);
            if (is_from_line(line)) mbox.push_back('>');
            mbox.append(line);
            start = end;
        }
        if (raw.empty() || raw.back() != '\n') mbox.push_back('\n');
        mbox.push_back('\n');
    }
    return mbox;
}

std::vector<std::string> split_mboxrd(std::string_view mbox) {
    std::vector<std::string> messages;
    std::string* current = nullptr;
    std::size_t start = 0;
    while (start < mbox.size()) {
        std::size_t end = mbox.find('\n', start);
        end = end == std::string_view::npos ? mbox.size() : end + 1;
        std::string_view line = mbox.substr(start, end - start);
        start = end;
        if (line.starts_with("From ")) {
            messages.emplace_back();
            current = &messages.back();
            continue;
        }
        if (current == nullptr) continue;  // text before the first From_ line
        if (line.starts_with(">") && is_from_line(line)) line.remove_prefix(1);
        current->append(line);
    }
    return messages;
}

std::vector<std::string> mboxrd_candidates(const std::string& item) {
    std::vector<std::string> candidates;
    if (item.empty() || item.back() != '\n') return {item};
    std::string without_separator = item.substr(0, item.size() - 1);
    candidates.push_back(without_separator);
    if (!without_separator.empty() && without_separator.back() == '\n') {
        candidates.push_back(without_separator.substr(0, without_separator.size() - 1));
    }
    return candidates;
}

}  // namespace casefile::core
