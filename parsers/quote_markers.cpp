// Every check here runs on each line of every imported mail, so they are
// hand-written prefix and suffix tests: std::regex would cost more than all
// the rest of the import together.
#include "parsers/quote_markers.hpp"

#include <array>

namespace casefile::parsers {
namespace {

// Longer lines are prose, not client-written markers.
constexpr std::size_t longest_marker_line = 400;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool has_digit(std::string_view text) {
    for (char c : text) {
        if (c >= '0' && c <= '9') return true;
    }
    return false;
}

// Drops trailing ASCII spaces, NO-BREAK SPACE and NARROW NO-BREAK SPACE:
// French clients write "a écrit :" with either before the colon.
std::string_view trim_trailing_spaces(std::string_view text) {
    while (!text.empty()) {
        if (is_space(text.back())) {
            text.remove_suffix(1);
        } else if (text.ends_with("\xC2\xA0")) {
            text.remove_suffix(2);
        } else if (text.ends_with("\xE2\x80\xAF")) {
            text.remove_suffix(3);
        } else {
            break;
        }
    }
    return text;
}

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
    if (needle.size() > text.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
        if (equals_ignoring_case(text.substr(i, needle.size()), needle)) return true;
    }
    return false;
}

// The verb a client puts before the colon of an attribution line.
constexpr std::array<std::string_view, 12> attribution_verbs = {"wrote",
                                                                "writes",
                                                                "schrieb",
                                                                "a \xC3\xA9"
                                                                "crit",
                                                                "escribi\xC3\xB3",
                                                                "escribio",
                                                                "schreef",
                                                                "ha scritto",
                                                                "escreveu",
                                                                "skrev",
                                                                "napisa\xC5\x82",
                                                                "kirjoitti"};

// The word a dated attribution starts with, per language.
constexpr std::array<std::string_view, 9> attribution_openers = {
    "On ", "Am ", "Le ", "El ", "Op ", "Il ", "Em ", "Den ", "W dniu "};

bool starts_with_opener(std::string_view trimmed) {
    for (std::string_view opener : attribution_openers) {
        if (starts_with_ignoring_case(trimmed, opener)) return true;
    }
    return false;
}

}  // namespace

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           equals_ignoring_case(text.substr(0, prefix.size()), prefix);
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           equals_ignoring_case(text.substr(text.size() - suffix.size()), suffix);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trim_line(std::string_view line) {
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    return line;
}

bool is_blank_line(std::string_view line) {
    for (char c : line) {
        if (!is_space(c)) return false;
    }
    return true;
}

bool is_quoted_line(std::string_view line) {
    std::size_t pos = 0;
    while (pos < line.size() && pos < 4 && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    return pos < line.size() && line[pos] == '>';
}

bool is_forward_marker(std::string_view trimmed) {
    if (trimmed.size() > longest_marker_line) return false;
    // Apple Mail writes its forward marker without dashes.
    static constexpr std::array<std::string_view, 4> plain_markers = {
        "Begin forwarded message:", "Anfang der weitergeleiteten Nachricht:",
        "D\xC3\xA9"
        "but du message r\xC3\xA9"
        "exp\xC3\xA9"
        "di\xC3\xA9 :",
        "Inicio del mensaje reenviado:"};
    for (std::string_view marker : plain_markers) {
        if (equals_ignoring_case(trimmed, marker)) return true;
    }
    // The dashed forms: strip the rule characters around the words.
    if (trimmed.empty() ||
        (trimmed.front() != '-' && trimmed.front() != '_' && trimmed.front() != '=')) {
        return false;
    }
    std::string_view words = trimmed;
    auto is_rule = [](char c) {
        return c == '-' || c == '_' || c == '=' || c == '*' || is_space(c);
    };
    while (!words.empty() && is_rule(words.front())) words.remove_prefix(1);
    while (!words.empty() && is_rule(words.back())) words.remove_suffix(1);
    if (words.ends_with(':')) words.remove_suffix(1);
    // "----- Forwarded by Jane Doe/HOU/ECT on 03/15/2001 10:00 AM -----"
    // (the closing dashes may wrap onto the next line).
    if (starts_with_ignoring_case(words, "Forwarded by ")) return true;
    static constexpr std::array<std::string_view, 18> dashed_markers = {
        "Original Message",
        "Forwarded message",
        "Forwarded Message Follows",
        "Message d'origine",
        "Message original",
        "Message transf\xC3\xA9r\xC3\xA9",
        "Urspr\xC3\xBCngliche Nachricht",
        "Weitergeleitete Nachricht",
        "Mensaje original",
        "Mensaje reenviado",
        "Mensagem original",
        "Mensagem encaminhada",
        "Messaggio originale",
        "Messaggio inoltrato",
        "Oorspronkelijk bericht",
        "Doorgestuurd bericht",
        "Reply message",
        "Original"};
    for (std::string_view marker : dashed_markers) {
        if (equals_ignoring_case(words, marker)) return true;
    }
    return false;
}

Attribution attribution_kind(std::string_view trimmed) {
    if (trimmed.size() > longest_marker_line || !trimmed.ends_with(':')) return Attribution::none;
    const std::string_view body = trim_trailing_spaces(trimmed.substr(0, trimmed.size() - 1));
    bool verb_last = false;
    for (std::string_view verb : attribution_verbs) {
        if (ends_with_ignoring_case(body, verb) && body.size() > verb.size() &&
            (is_space(body[body.size() - verb.size() - 1]) ||
             body[body.size() - verb.size() - 1] == ')')) {
            verb_last = true;
            break;
        }
    }
    const bool opener = starts_with_opener(trimmed);
    // German and Dutch put the verb before the name:
    // "Am 03.03.2025 um 10:00 schrieb Bob Smith <bob@x.example>:".
    const bool verb_inside = opener && (contains_ignoring_case(body, " schrieb ") ||
                                        contains_ignoring_case(body, " schreef "));
    if (!verb_last && !verb_inside) return Attribution::none;
    return opener && has_digit(body) ? Attribution::strong : Attribution::weak;
}

bool may_open_wrapped_attribution(std::string_view trimmed) {
    return trimmed.size() < longest_marker_line && !trimmed.ends_with(':') &&
           starts_with_opener(trimmed) && has_digit(trimmed);
}

HeaderKey header_key(std::string_view trimmed) {
    std::string_view rest = trimmed;
    if (rest.starts_with('*')) rest.remove_prefix(1);
    const std::size_t colon = rest.substr(0, 24).find(':');
    if (colon == std::string_view::npos || colon == 0) return HeaderKey::none;
    std::string_view label = trim_trailing_spaces(rest.substr(0, colon));
    while (!label.empty() && label.back() == '*') label.remove_suffix(1);
    struct Label {
        std::string_view text;
        HeaderKey key;
    };
    static constexpr Label labels[] = {
        {"From", HeaderKey::from},
        {"Von", HeaderKey::from},
        {"De", HeaderKey::from},
        {"Van", HeaderKey::from},
        {"Da", HeaderKey::from},
        {"Sent", HeaderKey::sent},
        {"Date", HeaderKey::sent},
        {"Sent by", HeaderKey::sent},
        {"Gesendet", HeaderKey::sent},
        {"Datum", HeaderKey::sent},
        {"Envoy\xC3\xA9", HeaderKey::sent},
        {"Enviado", HeaderKey::sent},
        {"Fecha", HeaderKey::sent},
        {"Data", HeaderKey::sent},
        {"Verzonden", HeaderKey::sent},
        {"To", HeaderKey::to},
        {"An", HeaderKey::to},
        {"\xC3\x80", HeaderKey::to},
        {"\xC3\xA0", HeaderKey::to},
        {"Para", HeaderKey::to},
        {"Aan", HeaderKey::to},
        {"A", HeaderKey::to},
        {"Cc", HeaderKey::cc},
        {"Bcc", HeaderKey::cc},
        {"Kopie", HeaderKey::cc},
        {"Cci", HeaderKey::cc},
        {"Subject", HeaderKey::subject},
        {"Betreff", HeaderKey::subject},
        {"Objet", HeaderKey::subject},
        {"Asunto", HeaderKey::subject},
        {"Oggetto", HeaderKey::subject},
        {"Onderwerp", HeaderKey::subject},
    };
    for (const Label& candidate : labels) {
        if (equals_ignoring_case(label, candidate.text)) return candidate.key;
    }
    return HeaderKey::none;
}

bool is_notes_sender_line(std::string_view trimmed) {
    if (trimmed.size() > 200) return false;
    // " on " then a numeric date: "03/15/2001", "22/05/2001", "15.03.2001".
    for (std::size_t at = trimmed.find(" on "); at != std::string_view::npos;
         at = trimmed.find(" on ", at + 1)) {
        std::string_view date = trimmed.substr(at + 4);
        std::size_t digits = 0;
        std::size_t separators = 0;
        std::size_t pos = 0;
        for (; pos < date.size() && pos < 10; ++pos) {
            const char c = date[pos];
            if (c >= '0' && c <= '9') {
                ++digits;
            } else if (c == '/' || c == '.' || c == '-') {
                ++separators;
            } else {
                break;
            }
        }
        if (digits >= 4 && separators == 2) return true;
    }
    return false;
}

bool is_rule_line(std::string_view trimmed) {
    if (trimmed.size() < 10) return false;
    const char rule = trimmed.front();
    if (rule != '_' && rule != '-' && rule != '=') return false;
    for (char c : trimmed) {
        if (c != rule) return false;
    }
    return true;
}

}  // namespace casefile::parsers
