// Small pure checks the config loader applies to single values: address and
// domain shapes, URLs, clock times, time zone names, and the "did you mean"
// suggestion for mistyped keys. No I/O: whether a time zone really exists is
// the daemon's question (it can look at /usr/share/zoneinfo).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace casefile::config {

// ASCII lower-case; bytes >= 0x80 (UTF-8) pass through unchanged.
std::string to_lower_ascii(std::string_view text);

// True for "local@domain": a non-empty local part without spaces, angle
// brackets, quotes or control characters, exactly one '@', and a valid domain.
bool is_email_address(std::string_view text);

// True for a host name made of dot-separated labels of letters, digits and
// '-' (or UTF-8 bytes), no label empty or starting/ending with '-'.
bool is_domain_name(std::string_view text);

// Splits "Display Name <addr@x.example>" or a bare "addr@x.example".
// Returns the bare address (not lower-cased), or nullopt when neither shape fits.
std::optional<std::string> mailbox_address(std::string_view text);

// "HH:MM" with HH 00-23 and MM 00-59 -> minutes after midnight.
std::optional<int> parse_clock_time(std::string_view text);

// True for names shaped like IANA zones: "UTC", "America/Chicago",
// "America/Argentina/Buenos_Aires", "Etc/GMT+5". Rejects "..", leading '/'
// and anything that could walk out of a zoneinfo directory.
bool has_time_zone_shape(std::string_view name);

struct UrlParts {
    std::string scheme;  // lower-cased, without "://"
    std::string host;
    int port = 0;  // 0 when not written
};

// Parses "scheme://host[:port][/]" (host may be "[v6]"). Rejects user
// info, paths, queries and whitespace; nullopt with no reason, the caller
// knows which schemes it wanted.
std::optional<UrlParts> parse_server_url(std::string_view url);

// Levenshtein distance, used for "did you mean" suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The known key closest to `unknown`, when it is close enough to be a
// plausible typo (case-insensitive; at most a third of the length, min 2).
std::optional<std::string_view> closest_key(std::string_view unknown,
                                            std::span<const std::string_view> known);

}  // namespace casefile::config
