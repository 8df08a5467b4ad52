#include "parsers/imap_mailbox_name.hpp"

#include <cstdint>
#include <vector>

#include "parsers/imap_response_parser.hpp"

namespace casefile::parsers::imap {
namespace {

// RFC 3501 §5.1.3: modified BASE64 of RFC 2152 with ',' in place of '/'.
constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int base64_value(char c) {
    const std::size_t index = kAlphabet.find(c);
    return index == std::string_view::npos ? -1 : static_cast<int>(index);
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

core::Unexpected name_error(std::string_view what, std::string_view name) {
    return core::fail("mailbox name " + std::string(what) + ": \"" + sanitise_excerpt(name) + "\"");
}

// One "&...-" run: base64 -> UTF-16BE -> UTF-8.
bool decode_shifted(std::string_view encoded, std::string& out) {
    std::uint32_t bits = 0;
    int bit_count = 0;
    std::vector<std::uint16_t> units;
    for (const char c : encoded) {
        const int value = base64_value(c);
        if (value < 0) return false;
        bits = (bits << 6) | static_cast<std::uint32_t>(value);
        bit_count += 6;
        if (bit_count >= 16) {
            bit_count -= 16;
            units.push_back(static_cast<std::uint16_t>(bits >> bit_count));
            bits &= (1u << bit_count) - 1;
        }
    }
    // RFC 2152: leftover bits are padding and must be zero, fewer than 6.
    if (bit_count >= 6 || bits != 0 || units.empty()) return false;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::uint32_t unit = units[i];
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (i + 1 >= units.size() || units[i + 1] < 0xDC00 || units[i + 1] > 0xDFFF) {
                return false;
            }
            append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (units[i + 1] - 0xDC00));
            ++i;
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            return false;
        } else {
            append_utf8(out, unit);
        }
    }
    return true;
}

// Next code point of valid UTF-8 (no overlongs, surrogates or > U+10FFFF).
bool next_code_point(std::string_view text, std::size_t& position, std::uint32_t& code_point) {
    const auto lead = static_cast<unsigned char>(text[position]);
    std::size_t length = 0;
    if (lead < 0x80) {
        code_point = lead;
        length = 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
        code_point = lead & 0x1F;
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        code_point = lead & 0x0F;
        length = 3;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        code_point = lead & 0x07;
        length = 4;
    } else {
        return false;
    }
    if (position + length > text.size()) return false;
    for (std::size_t i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(text[position + i]);
        if ((byte & 0xC0) != 0x80) return false;
        code_point = (code_point << 6) | (byte & 0x3F);
    }
    if ((length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000) ||
        code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
        return false;
    }
    position += length;
    return true;
}

void append_shifted(std::string& out, const std::vector<std::uint16_t>& units) {
    out += '&';
    std::uint32_t bits = 0;
    int bit_count = 0;
    for (const std::uint16_t unit : units) {
        bits = (bits << 16) | unit;
        bit_count += 16;
        while (bit_count >= 6) {
            bit_count -= 6;
            out += kAlphabet[(bits >> bit_count) & 0x3F];
        }
        bits &= (1u << bit_count) - 1;
    }
    if (bit_count > 0) out += kAlphabet[(bits << (6 - bit_count)) & 0x3F];
    out += '-';
}

}  // namespace

core::Result<std::string> decode_mailbox_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (name[i] != '&') {
            out += name[i];
            continue;
        }
        const std::size_t end = name.find('-', i + 1);
        if (end == std::string_view::npos) return name_error("has '&' without a closing '-'", name);
        if (end == i + 1) {
            out += '&';
        } else if (!decode_shifted(name.substr(i + 1, end - i - 1), out)) {
            return name_error("has invalid modified UTF-7", name);
        }
        i = end;
    }
    return out;
}

core::Result<std::string> encode_mailbox_name(std::string_view utf8) {
    std::string out;
    std::vector<std::uint16_t> pending;  // UTF-16 units of the current shifted run
    std::size_t position = 0;
    while (position < utf8.size()) {
        std::uint32_t code_point = 0;
        if (!next_code_point(utf8, position, code_point)) {
            return name_error("is not valid UTF-8", utf8);
        }
        // §5.1.3: printable US-ASCII except '&' represents itself.
        if (code_point >= 0x20 && code_point <= 0x7E) {
            if (!pending.empty()) {
                append_shifted(out, pending);
                pending.clear();
            }
            out += static_cast<char>(code_point);
            if (code_point == '&') out += '-';
        } else if (code_point >= 0x10000) {
            const std::uint32_t offset = code_point - 0x10000;
            pending.push_back(static_cast<std::uint16_t>(0xD800 + (offset >> 10)));
            pending.push_back(static_cast<std::uint16_t>(0xDC00 + (offset & 0x3FF)));
        } else {
            pending.push_back(static_cast<std::uint16_t>(code_point));
        }
    }
    if (!pending.empty()) append_shifted(out, pending);
    return out;
}

}  // namespace casefile::parsers::imap
