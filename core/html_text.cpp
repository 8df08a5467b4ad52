#include "core/html_text.hpp"

#include <cstdint>
#include <cstdio>

namespace casefile::core {
namespace {

// Length of the valid UTF-8 sequence at text[index] and its code point, or
// 0 when the bytes there are not valid UTF-8 (overlong, surrogate, > U+10FFFF).
std::size_t utf8_sequence(std::string_view text, std::size_t index, std::uint32_t& code_point) {
    const auto byte = [&](std::size_t at) { return static_cast<std::uint8_t>(text[at]); };
    const std::uint8_t lead = byte(index);
    std::size_t length = 0;
    std::uint32_t minimum = 0;
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2, code_point = lead & 0x1Fu, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, code_point = lead & 0x0Fu, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, code_point = lead & 0x07u, minimum = 0x10000;
    } else {
        return 0;
    }
    if (index + length > text.size()) return 0;
    for (std::size_t offset = 1; offset < length; ++offset) {
        if ((byte(index + offset) & 0xC0) != 0x80) return 0;
        code_point = (code_point << 6) | (byte(index + offset) & 0x3Fu);
    }
    if (code_point < minimum || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
        return 0;
    }
    return length;
}

bool is_bidi_control(std::uint32_t code_point) {
    return (code_point >= 0x202A && code_point <= 0x202E) ||
           (code_point >= 0x2066 && code_point <= 0x2069);
}

}  // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char character : text) {
        switch (character) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(character);
        }
    }
    return out;
}

std::string display_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t index = 0;
    while (index < text.size()) {
        std::uint32_t code_point = 0;
        const std::size_t length = utf8_sequence(text, index, code_point);
        if (length == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            index += 1;
            continue;
        }
        const bool control = (code_point < 0x20 && code_point != '\t' && code_point != '\n') ||
                             code_point == 0x7F || (code_point >= 0x80 && code_point < 0xA0);
        if (is_bidi_control(code_point)) {
            char marker[16];
            std::snprintf(marker, sizeof marker, "[U+%04X]", static_cast<unsigned>(code_point));
            out += marker;
        } else if (!control) {
            out.append(text.substr(index, length));
        }
        index += length;
    }
    return out;
}

std::string display_html(std::string_view text) { return html_escape(display_text(text)); }

}  // namespace casefile::core
