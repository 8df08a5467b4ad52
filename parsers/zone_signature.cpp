#include "parsers/zone_signature.hpp"

#include <array>

#include "parsers/quote_markers.hpp"

namespace casefile::parsers {
namespace {

// RFC 3676 asks for 4 lines; real signatures with a disclaimer run longer.
constexpr std::size_t longest_delimited_signature = 30;
// Without the delimiter we only trust a short block.
constexpr std::size_t longest_heuristic_signature = 10;

bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_letter(char c) { return is_ascii_lower(c) || is_ascii_upper(c); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
    for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
        if (equals_ignoring_case(text.substr(i, needle.size()), needle)) return true;
    }
    return false;
}

// Calls `visit` with each space-separated word of `text`.
template <typename Visit>
void for_each_word(std::string_view text, Visit visit) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t') ++pos;
        if (pos > start) visit(text.substr(start, pos - start));
    }
}

constexpr std::array<std::string_view, 45> sign_offs = {"thanks",
                                                        "thank you",
                                                        "thanks so much",
                                                        "thanks again",
                                                        "thanks a lot",
                                                        "thanks in advance",
                                                        "many thanks",
                                                        "thank you so much",
                                                        "thx",
                                                        "tia",
                                                        "cheers",
                                                        "best",
                                                        "best regards",
                                                        "kind regards",
                                                        "warm regards",
                                                        "warmest regards",
                                                        "regards",
                                                        "kindest regards",
                                                        "best wishes",
                                                        "all the best",
                                                        "sincerely",
                                                        "yours sincerely",
                                                        "sincerely yours",
                                                        "yours truly",
                                                        "respectfully",
                                                        "talk soon",
                                                        "take care",
                                                        "with thanks",
                                                        "with best regards",
                                                        "br",
                                                        "rgds",
                                                        "mit freundlichen gr\xC3\xBC\xC3\x9F"
                                                        "en",
                                                        "viele gr\xC3\xBC\xC3\x9F"
                                                        "e",
                                                        "beste gr\xC3\xBC\xC3\x9F"
                                                        "e",
                                                        "liebe gr\xC3\xBC\xC3\x9F"
                                                        "e",
                                                        "gru\xC3\x9F",
                                                        "cordialement",
                                                        "bien cordialement",
                                                        "bien \xC3\xA0 vous",
                                                        "salutations",
                                                        "saludos",
                                                        "un saludo",
                                                        "saludos cordiales",
                                                        "atentamente",
                                                        "met vriendelijke groet"};

// Strips the punctuation people put after a sign-off ("Thanks!", "Best,").
std::string_view strip_closing_punctuation(std::string_view text) {
    while (!text.empty() && (text.back() == ',' || text.back() == '!' || text.back() == '.' ||
                             text.back() == ' ' || text.back() == '-' || text.back() == '~')) {
        text.remove_suffix(1);
    }
    return text;
}

bool is_sign_off_phrase(std::string_view text) {
    text = strip_closing_punctuation(text);
    for (std::string_view phrase : sign_offs) {
        if (equals_ignoring_case(text, phrase)) return true;
    }
    return false;
}

// "Bob", "Mary-Ann O'Neil", "J. Smith", "José": 1 to 4 capitalised words.
bool is_name_like(std::string_view text) {
    if (text.empty() || text.size() > 40) return false;
    std::size_t words = 0;
    bool ok = true;
    for_each_word(text, [&](std::string_view word) {
        ++words;
        const unsigned char first = static_cast<unsigned char>(word.front());
        if (!is_ascii_upper(word.front()) && first < 0x80) ok = false;
        for (char c : word) {
            if (is_digit(c) || c == '?' || c == ':' || c == '@') ok = false;
        }
    });
    return ok && words >= 1 && words <= 4;
}

// "Thanks," alone, or with the name after it: "Cheers, Kirk", "Best - Dana".
bool is_sign_off(std::string_view trimmed) {
    if (trimmed.size() > 60) return false;
    if (is_sign_off_phrase(trimmed)) return true;
    const std::size_t comma = trimmed.find_first_of(",-");
    if (comma == std::string_view::npos) return false;
    return is_sign_off_phrase(trimmed.substr(0, comma)) &&
           is_name_like(strip_closing_punctuation(trim_line(trimmed.substr(comma + 1))));
}

bool is_mobile_tag(std::string_view trimmed) {
    static constexpr std::array<std::string_view, 11> tags = {
        "Sent from my ",         "Sent from Mail for ", "Sent from Outlook", "Sent from Yahoo Mail",
        "Sent from Samsung",     "Sent via ",           "Get Outlook for ",  "Von meinem ",
        "Envoy\xC3\xA9 de mon ", "Enviado desde mi ",   "Sent from Gmail"};
    if (trimmed.size() > 80) return false;
    for (std::string_view tag : tags) {
        if (starts_with_ignoring_case(trimmed, tag)) return true;
    }
    return false;
}

bool is_contact_line(std::string_view trimmed) {
    std::size_t digits = 0;
    for (char c : trimmed) digits += is_digit(c) ? 1 : 0;
    if (digits >= 7) return true;  // a phone or fax number
    const std::size_t at = trimmed.find('@');
    if (at != std::string_view::npos && trimmed.find('.', at) != std::string_view::npos)
        return true;
    return contains_ignoring_case(trimmed, "http://") ||
           contains_ignoring_case(trimmed, "https://") || contains_ignoring_case(trimmed, "www.");
}

// Weekdays, months and relative days are what the deadline rules look for;
// a line naming one stays in the own text.
bool names_a_day(std::string_view trimmed) {
    static constexpr std::array<std::string_view, 24> day_words = {
        "monday", "tuesday",  "wednesday", "thursday", "friday",   "saturday",
        "sunday", "january",  "february",  "march",    "april",    "june",
        "july",   "august",   "september", "october",  "november", "december",
        "today",  "tomorrow", "tonight",   "asap",     "deadline", "eod"};
    bool found = false;
    std::size_t pos = 0;
    while (pos < trimmed.size() && !found) {
        while (pos < trimmed.size() && !is_ascii_letter(trimmed[pos])) ++pos;
        const std::size_t start = pos;
        while (pos < trimmed.size() && is_ascii_letter(trimmed[pos])) ++pos;
        const std::string_view word = trimmed.substr(start, pos - start);
        for (std::string_view day : day_words) {
            if (equals_ignoring_case(word, day)) found = true;
        }
    }
    return found;
}

// Could this line belong to a signature: a name, title, company, address or
// contact line? Prose is recognised by its lower-case words.
bool is_signature_like(std::string_view trimmed) {
    if (trimmed.size() > 120 || trimmed.find('?') != std::string_view::npos) return false;
    if (contains_ignoring_case(trimmed, "please") || contains_ignoring_case(trimmed, "pls ")) {
        return false;
    }
    if (is_mobile_tag(trimmed) || trimmed == "--" || trimmed == "-- ") return true;
    if (names_a_day(trimmed)) return false;
    if (is_contact_line(trimmed)) return true;
    if (trimmed.size() > 60) return false;
    static constexpr std::array<std::string_view, 16> connectors = {
        "of", "and", "at",  "for", "the", "de", "von", "van",
        "y",  "et",  "und", "in",  "to",  "&",  "la",  "del"};
    std::size_t words = 0;
    std::size_t prose_words = 0;
    for_each_word(trimmed, [&](std::string_view word) {
        ++words;
        if (!is_ascii_lower(word.front())) return;
        for (std::string_view connector : connectors) {
            if (word == connector) return;
        }
        ++prose_words;
    });
    if (words > 6 || prose_words >= 2) return false;
    return !(trimmed.back() == '.' && words >= 4);
}

bool has_text_before(std::span<const std::string_view> lines, std::size_t index) {
    for (std::size_t i = 0; i < index; ++i) {
        if (!is_blank_line(lines[i])) return true;
    }
    return false;
}

std::size_t count_non_blank(std::span<const std::string_view> lines) {
    std::size_t count = 0;
    for (std::string_view line : lines) count += is_blank_line(line) ? 0 : 1;
    return count;
}

// A block with no sign-off above it: "Hunter Williams / Grande Communications
// / 512-555-0147", set off by a blank line and holding a contact line.
bool is_contact_block(std::span<const std::string_view> block) {
    if (block.size() < 2 || block.size() > 6 || !is_name_like(trim_line(block.front())))
        return false;
    bool contact = false;
    for (std::string_view line : block) {
        const std::string_view trimmed = trim_line(line);
        if (!is_signature_like(trimmed)) return false;
        contact = contact || is_contact_line(trimmed);
    }
    return contact;
}

}  // namespace

std::size_t find_signature_start(std::span<const std::string_view> lines) {
    const std::size_t size = lines.size();
    std::size_t end = size;  // lines from here on are signature already
    for (std::size_t i = 0; i < size; ++i) {
        if (lines[i] == "-- " &&
            count_non_blank(lines.subspan(i + 1)) <= longest_delimited_signature) {
            end = i;
            break;
        }
    }
    if (end == size && size > 0 && is_mobile_tag(trim_line(lines[size - 1]))) end = size - 1;

    // Walk up from `end` over signature-like lines to a sign-off or "--".
    std::size_t walked = 0;
    std::size_t index = end;
    while (index > 0) {
        --index;
        const std::string_view trimmed = trim_line(lines[index]);
        if (trimmed.empty()) continue;
        if ((trimmed == "--" || is_sign_off(trimmed))) {
            return has_text_before(lines, index) ? index : end;
        }
        if (!is_signature_like(trimmed) || ++walked > longest_heuristic_signature) break;
    }

    // No sign-off: the last paragraph may still be a contact block.
    std::size_t block_end = end;
    while (block_end > 0 && is_blank_line(lines[block_end - 1])) --block_end;
    std::size_t block_start = block_end;
    while (block_start > 0 && !is_blank_line(lines[block_start - 1])) --block_start;
    if (block_start > 0 && has_text_before(lines, block_start) &&
        is_contact_block(lines.subspan(block_start, block_end - block_start))) {
        return block_start;
    }
    return end;
}

}  // namespace casefile::parsers
