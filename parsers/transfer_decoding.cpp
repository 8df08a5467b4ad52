#include "parsers/transfer_decoding.hpp"

#include <array>
#include <cstdint>

namespace casefile::parsers {
namespace {

constexpr std::array<std::int8_t, 256> make_base64_table() {
    std::array<std::int8_t, 256> table{};
    for (auto& entry : table) entry = -1;
    constexpr std::string_view alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (std::size_t i = 0; i < alphabet.size(); ++i) {
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    }
    // RFC 4648 §5 base64url: some generators use it; accepting costs nothing.
    table[static_cast<unsigned char>('-')] = 62;
    table[static_cast<unsigned char>('_')] = 63;
    return table;
}

constexpr std::array<std::int8_t, 256> base64_table = make_base64_table();

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;  // lower case: not canonical, but seen
    return -1;
}

bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string lower_trimmed(std::string_view text) {
    while (!text.empty() && (is_whitespace(text.front()) || text.front() == '"')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (is_whitespace(text.back()) || text.back() == '"')) text.remove_suffix(1);
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
}

}  // namespace

std::string decode_base64(std::string_view encoded, bool* garbage) {
    std::string out;
    out.reserve(encoded.size() / 4 * 3 + 3);
    std::uint32_t quantum = 0;
    int count = 0;
    bool saw_garbage = false;
    for (const char c : encoded) {
        const std::int8_t value = base64_table[static_cast<unsigned char>(c)];
        if (value < 0) {
            if (c == '=') {
                // Padding ends the data. Some encoders concatenate several
                // base64 blobs; a pad in the middle of a body then simply
                // finishes the quantum and we go on with the next one.
                if (count >= 2) {
                    out.push_back(static_cast<char>(quantum >> (6 * count - 8)));
                    if (count == 3) out.push_back(static_cast<char>(quantum >> 2));
                }
                quantum = 0;
                count = 0;
                continue;
            }
            if (!is_whitespace(c)) saw_garbage = true;
            continue;
        }
        quantum = (quantum << 6) | static_cast<std::uint32_t>(value);
        if (++count == 4) {
            out.push_back(static_cast<char>(quantum >> 16));
            out.push_back(static_cast<char>(quantum >> 8));
            out.push_back(static_cast<char>(quantum));
            quantum = 0;
            count = 0;
        }
    }
    // A truncated final quantum (missing padding): keep its complete bytes.
    if (count == 2) {
        out.push_back(static_cast<char>(quantum >> 4));
    } else if (count == 3) {
        out.push_back(static_cast<char>(quantum >> 10));
        out.push_back(static_cast<char>(quantum >> 2));
    } else if (count == 1) {
        saw_garbage = true;
    }
    if (garbage != nullptr) *garbage = saw_garbage;
    return out;
}

std::string decode_quoted_printable(std::string_view encoded) {
    std::string out;
    out.reserve(encoded.size());
    std::size_t position = 0;
    while (position < encoded.size()) {
        const char c = encoded[position];
        if (c != '=') {
            out.push_back(c);
            ++position;
            continue;
        }
        // "=" followed by optional transport padding and a line end: a soft
        // break (RFC 2045 §6.7 rule 5, with the whitespace of rule 3).
        std::size_t after = position + 1;
        while (after < encoded.size() && (encoded[after] == ' ' || encoded[after] == '\t')) ++after;
        if (after == encoded.size()) {
            position = after;  // a soft break at the very end
            continue;
        }
        if (encoded[after] == '\n') {
            position = after + 1;
            continue;
        }
        if (encoded[after] == '\r') {
            position = after + 1;
            if (position < encoded.size() && encoded[position] == '\n') ++position;
            continue;
        }
        if (position + 2 < encoded.size() && hex_value(encoded[position + 1]) >= 0 &&
            hex_value(encoded[position + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(encoded[position + 1]) * 16 +
                                            hex_value(encoded[position + 2])));
            position += 3;
            continue;
        }
        out.push_back('=');
        ++position;
    }
    return out;
}

std::string decode_transfer_encoding(std::string_view body, std::string_view encoding,
                                     std::string& warning) {
    const std::string name = lower_trimmed(encoding);
    if (name == "base64") {
        bool garbage = false;
        std::string decoded = decode_base64(body, &garbage);
        if (garbage) warning = "base64 body contains characters outside the alphabet; they were skipped";
        return decoded;
    }
    if (name == "quoted-printable") return decode_quoted_printable(body);
    if (!name.empty() && name != "7bit" && name != "8bit" && name != "binary") {
        // RFC 2045 §6.4: an unknown encoding makes the body opaque; we keep
        // the bytes (x-uuencode and friends remain readable as they are).
        warning = "unknown Content-Transfer-Encoding \"" + name.substr(0, 40) + "\"; body kept as is";
    }
    return std::string(body);
}

}  // namespace casefile::parsers
