#include "config/validation.hpp"

#include <algorithm>
#include <charconv>
#include <vector>

namespace casefile::config {

namespace {

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_high_byte(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// Local parts are far more permissive than this in RFC 5322, but anything
// outside this set in a config file is much more likely a typo (a stray
// comma, a pasted "<...>") than a real address.
bool is_local_part_char(char c) {
    if (is_ascii_alnum(c) || is_high_byte(c)) return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

}  // namespace

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool is_domain_name(std::string_view text) {
    if (text.empty() || text.size() > 253) return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = text.find('.', start);
        const std::string_view label = text.substr(
            start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (label.empty() || label.size() > 63) return false;
        if (label.front() == '-' || label.back() == '-') return false;
        for (char c : label) {
            if (!is_ascii_alnum(c) && c != '-' && !is_high_byte(c)) return false;
        }
        if (dot == std::string_view::npos) return true;
        start = dot + 1;
    }
}

bool is_email_address(std::string_view text) {
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos || at == 0) return false;
    if (text.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view local = text.substr(0, at);
    if (local.front() == '.' || local.back() == '.') return false;
    if (local.find("..") != std::string_view::npos) return false;
    if (!std::all_of(local.begin(), local.end(), is_local_part_char)) return false;
    return is_domain_name(text.substr(at + 1));
}

std::optional<std::string> mailbox_address(std::string_view text) {
    // Control characters would let a config value inject header lines.
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
    }
    const std::size_t open = text.rfind('<');
    if (open == std::string_view::npos) {
        if (!is_email_address(text)) return std::nullopt;
        return std::string(text);
    }
    if (text.back() != '>') return std::nullopt;
    const std::string_view inner = text.substr(open + 1, text.size() - open - 2);
    if (!is_email_address(inner)) return std::nullopt;
    return std::string(inner);
}

std::optional<int> parse_clock_time(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u}) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59) return std::nullopt;
    return hours * 60 + minutes;
}

bool has_time_zone_shape(std::string_view name) {
    if (name.empty() || name.size() > 128) return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = name.find('/', start);
        const std::string_view part = name.substr(
            start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (part.empty() || part == "." || part == "..") return false;
        // Zone names start with a letter ("Etc/GMT+5", "EST5EDT", "America/Port-au-Prince").
        if (!((part.front() >= 'A' && part.front() <= 'Z') ||
              (part.front() >= 'a' && part.front() <= 'z')))
            return false;
        for (char c : part) {
            if (!is_ascii_alnum(c) && c != '_' && c != '-' && c != '+') return false;
        }
        if (slash == std::string_view::npos) return true;
        start = slash + 1;
    }
}

std::optional<UrlParts> parse_server_url(std::string_view url) {
    const std::size_t sep = url.find("://");
    if (sep == std::string_view::npos || sep == 0) return std::nullopt;
    UrlParts parts;
    parts.scheme = to_lower_ascii(url.substr(0, sep));
    std::string_view rest = url.substr(sep + 3);
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (rest.empty()) return std::nullopt;
    for (char c : rest) {
        if (c == '/' || c == '@' || c == '?' || c == '#' || static_cast<unsigned char>(c) <= 0x20)
            return std::nullopt;
    }
    std::string_view host = rest;
    std::string_view port;
    if (rest.front() == '[') {
        const std::size_t close = rest.find(']');
        if (close == std::string_view::npos || close == 1) return std::nullopt;
        host = rest.substr(0, close + 1);
        std::string_view after = rest.substr(close + 1);
        if (!after.empty()) {
            if (after.front() != ':') return std::nullopt;
            port = after.substr(1);
            if (port.empty()) return std::nullopt;
        }
    } else if (const std::size_t colon = rest.find(':'); colon != std::string_view::npos) {
        host = rest.substr(0, colon);
        port = rest.substr(colon + 1);
        if (port.empty()) return std::nullopt;
        if (!is_domain_name(host)) return std::nullopt;
    } else if (!is_domain_name(host)) {
        return std::nullopt;
    }
    if (!port.empty()) {
        int value = 0;
        const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (error != std::errc() || end != port.data() + port.size() || value < 1 || value > 65535)
            return std::nullopt;
        parts.port = value;
    }
    parts.host = std::string(host);
    return parts;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<std::string_view> closest_key(std::string_view unknown,
                                            std::span<const std::string_view> known) {
    const std::string lowered = to_lower_ascii(unknown);
    std::optional<std::string_view> best;
    std::size_t best_distance = 0;
    for (std::string_view candidate : known) {
        std::size_t distance = edit_distance(lowered, candidate);
        // "password" for "password_file" is a likely slip too: a shared prefix
        // of 4+ letters counts as close.
        if (distance > 2 && candidate.size() >= 4 && lowered.size() >= 4 &&
            (candidate.starts_with(lowered) || lowered.starts_with(candidate)))
            distance = 2;
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    const std::size_t limit = std::max<std::size_t>(2, unknown.size() / 3);
    if (!best || best_distance > limit) return std::nullopt;
    return best;
}

}  // namespace casefile::config
