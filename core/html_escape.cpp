#include "core/html_escape.hpp"

namespace casefile::core {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t index = 0; index < text.size(); ++index) {
        const char character = text[index];
        const auto byte = static_cast<unsigned char>(character);
        switch (character) {
            case '&': out += "&amp;"; continue;
            case '<': out += "&lt;"; continue;
            case '>': out += "&gt;"; continue;
            case '"': out += "&quot;"; continue;
            case '\'': out += "&#39;"; continue;
            default: break;
        }
        if ((byte < 0x20 && character != '\n' && character != '\t') || byte == 0x7F) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            continue;
        }
        // U+202A-U+202E are E2 80 AA-AE; U+2066-U+2069 are E2 81 A6-A9.
        if (byte == 0xE2 && index + 2 < text.size()) {
            const auto second = static_cast<unsigned char>(text[index + 1]);
            const auto third = static_cast<unsigned char>(text[index + 2]);
            if ((second == 0x80 && third >= 0xAA && third <= 0xAE) ||
                (second == 0x81 && third >= 0xA6 && third <= 0xA9)) {
                out += "\xEF\xBF\xBD";
                index += 2;
                continue;
            }
        }
        out.push_back(character);
    }
    return out;
}

}  // namespace casefile::core
