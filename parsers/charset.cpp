#include "parsers/charset.hpp"

#include <cerrno>
#include <iconv.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

namespace casefile::parsers {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

// One owner for an iconv_t (STYLE.md: every C handle has a deleter).
struct IconvCloser {
    void operator()(void* descriptor) const { iconv_close(static_cast<iconv_t>(descriptor)); }
};
using IconvHandle = std::unique_ptr<void, IconvCloser>;

// Length of the well-formed UTF-8 sequence starting at `position`, or 0 when
// it is ill-formed (RFC 3629 §4 table of well-formed byte sequences).
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t position) {
    const auto byte = [&](std::size_t offset) {
        return static_cast<unsigned char>(bytes[position + offset]);
    };
    const std::size_t remaining = bytes.size() - position;
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    if (lead < 0xC2) return 0;
    if (lead < 0xE0) return remaining >= 2 && (byte(1) & 0xC0) == 0x80 ? 2 : 0;
    if (lead < 0xF0) {
        if (remaining < 3 || (byte(2) & 0xC0) != 0x80) return 0;
        const unsigned char second = byte(1);
        const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned char high = lead == 0xED ? 0x9F : 0xBF;  // no surrogates
        return second >= low && second <= high ? 3 : 0;
    }
    if (lead < 0xF5) {
        if (remaining < 4 || (byte(2) & 0xC0) != 0x80 || (byte(3) & 0xC0) != 0x80) return 0;
        const unsigned char second = byte(1);
        const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
        return second >= low && second <= high ? 4 : 0;
    }
    return 0;
}

void append_code_point(char32_t code_point, std::string& out) {
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

// windows-1252 0x80..0x9F (the five unassigned bytes map to the C1 controls,
// as the WHATWG Encoding Standard does).
constexpr std::array<char16_t, 32> windows_1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool is_safe_label_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
           c == ':';
}

std::string replace_nul(std::string text) {
    if (text.find('\0') == std::string::npos) return text;
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        if (c == '\0') {
            out.append(replacement_character);
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// Best effort for bytes whose charset we do not know: UTF-8 if they are
// valid UTF-8 (most modern mail), else windows-1252 (which decodes every byte).
std::string guess_decode(std::string_view bytes) {
    if (is_valid_utf8(bytes)) return replace_nul(std::string(bytes));
    std::string out;
    append_windows_1252(bytes, out);
    return out;
}

bool has_eight_bit(std::string_view bytes) {
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    }
    return false;
}

struct Alias {
    std::string_view label;
    std::string_view canonical;
};

// Labels seen in real mail that iconv does not know, or knows as a narrower
// charset than the one mailers actually use under that label.
constexpr std::array<Alias, 43> aliases = {{
    {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"}, {"x-unicode20utf8", "utf-8"},
    {"ascii", "us-ascii"}, {"us", "us-ascii"}, {"ansi_x3.4-1968", "us-ascii"},
    {"iso646-us", "us-ascii"}, {"646", "us-ascii"},
    // WHATWG: the latin-1 labels mean windows-1252 (Outlook sends curly quotes under them).
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"}, {"latin-1", "windows-1252"}, {"l1", "windows-1252"},
    {"cp819", "windows-1252"}, {"iso_8859-1:1987", "windows-1252"}, {"8859-1", "windows-1252"},
    {"cp1252", "windows-1252"}, {"x-cp1252", "windows-1252"}, {"win-1252", "windows-1252"},
    {"ks_c_5601-1987", "cp949"}, {"ks_c_5601-1989", "cp949"}, {"ks_c_5601", "cp949"},
    {"ksc5601", "cp949"}, {"euc-kr", "cp949"}, {"windows-949", "cp949"},
    {"gb2312", "gb18030"}, {"gbk", "gb18030"}, {"x-gbk", "gb18030"}, {"cp936", "gb18030"},
    {"euc-cn", "gb18030"}, {"big5", "big5-hkscs"}, {"x-x-big5", "big5-hkscs"},
    {"shift_jis", "cp932"}, {"shift-jis", "cp932"}, {"sjis", "cp932"}, {"x-sjis", "cp932"},
    {"ms_kanji", "cp932"}, {"windows-31j", "cp932"}, {"iso-8859-8-i", "iso-8859-8"},
    {"x-mac-roman", "macintosh"}, {"mac", "macintosh"}, {"tis-620", "cp874"},
}};

// Labels that mean "no idea" or name a charset we refuse: UTF-7 can smuggle
// markup past filters (it encodes '<' without the byte '<'), so it is decoded
// only by the lossy guess.
constexpr std::array<std::string_view, 12> refused_labels = {
    "x-unknown", "unknown", "unknown-8bit", "x-user-defined", "default", "none",
    "charset",   "utf-7",   "utf7",         "unicode-1-1-utf-7", "x-unicode20utf7", "8bit"};

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    std::size_t position = 0;
    while (position < bytes.size()) {
        // Sixteen ASCII bytes at a time: most mail text is ASCII.
        while (position + 16 <= bytes.size()) {
            std::uint64_t first = 0;
            std::uint64_t second = 0;
            std::memcpy(&first, bytes.data() + position, 8);
            std::memcpy(&second, bytes.data() + position + 8, 8);
            if ((first | second) & 0x8080808080808080ULL) break;
            position += 16;
        }
        if (position >= bytes.size()) break;
        const std::size_t length = utf8_sequence_length(bytes, position);
        if (length == 0) return false;
        position += length;
    }
    return true;
}

std::string make_valid_utf8(std::string_view bytes) {
    if (is_valid_utf8(bytes)) return replace_nul(std::string(bytes));
    std::string out;
    out.reserve(bytes.size() + 16);
    std::size_t position = 0;
    while (position < bytes.size()) {
        const std::size_t length = utf8_sequence_length(bytes, position);
        if (length == 0) {
            out.append(replacement_character);
            position += 1;
        } else if (length == 1 && bytes[position] == '\0') {
            out.append(replacement_character);
            position += 1;
        } else {
            out.append(bytes.substr(position, length));
            position += length;
        }
    }
    return out;
}

void append_windows_1252(std::string_view bytes, std::string& out) {
    out.reserve(out.size() + bytes.size() + bytes.size() / 4);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0) {
            out.append(replacement_character);
        } else if (byte < 0x80) {
            out.push_back(c);
        } else if (byte < 0xA0) {
            append_code_point(windows_1252_high[byte - 0x80], out);
        } else {
            append_code_point(byte, out);
        }
    }
}

std::string canonical_charset(std::string_view label) {
    std::string name;
    name.reserve(label.size());
    for (const char c : label) {
        if (c == '"' || c == '\'' || c == ' ' || c == '\t') continue;
        name.push_back(ascii_lower(c));
    }
    // RFC 2231 §5: "charset*language" in encoded words.
    if (const auto star = name.find('*'); star != std::string::npos) name.resize(star);
    if (name.empty() || name.size() > 40) return {};
    for (const char c : name) {
        // A label reaches iconv_open, which also reads "//TRANSLIT"-style
        // suffixes: only plain charset names pass.
        if (!is_safe_label_character(c)) return {};
    }
    for (const auto refused : refused_labels) {
        if (name == refused) return {};
    }
    for (const auto& alias : aliases) {
        if (name == alias.label) return std::string(alias.canonical);
    }
    if ((name.size() == 6 && name.starts_with("cp125")) || (name.size() == 8 && name.starts_with("x-cp125"))) {
        return "windows-125" + name.substr(name.size() - 1);
    }
    if (name.starts_with("iso8859-") || name.starts_with("iso_8859-")) {
        return "iso-8859-" + name.substr(name.find('-') + 1);
    }
    return name;
}

Utf8Conversion convert_to_utf8(std::string_view bytes, std::string_view charset) {
    Utf8Conversion result;
    const std::string name = canonical_charset(charset);
    if (name == "utf-8") {
        if (is_valid_utf8(bytes)) {
            result.text = replace_nul(std::string(bytes));
        } else {
            result.text = make_valid_utf8(bytes);
            result.warning = "invalid UTF-8 replaced with U+FFFD";
        }
        return result;
    }
    if (name == "us-ascii") {
        // Eight-bit bytes under a us-ascii label are common; guess quietly.
        result.text = guess_decode(bytes);
        return result;
    }
    if (name == "windows-1252") {
        append_windows_1252(bytes, result.text);
        return result;
    }
    if (name.empty()) {
        result.text = guess_decode(bytes);
        if (has_eight_bit(bytes)) {
            result.warning = "unknown or unsupported charset \"" +
                             make_valid_utf8(charset.substr(0, 40)) + "\"; text decoded by guess";
        }
        return result;
    }
    iconv_t descriptor = iconv_open("UTF-8", name.c_str());
    if (descriptor == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
        result.text = guess_decode(bytes);
        if (has_eight_bit(bytes)) {
            result.warning = "unknown charset \"" + make_valid_utf8(charset.substr(0, 40)) +
                             "\"; text decoded by guess";
        }
        return result;
    }
    const IconvHandle handle(descriptor);
    std::string out(bytes.size() * 3 + 16, '\0');
    // iconv(3) wants a char** for its input even though it never writes it.
    char* input = const_cast<char*>(bytes.data());
    std::size_t input_left = bytes.size();
    std::size_t written = 0;
    bool lossy = false;
    while (true) {
        char* output = out.data() + written;
        std::size_t output_left = out.size() - written;
        const std::size_t converted = input_left > 0
                                          ? iconv(descriptor, &input, &input_left, &output, &output_left)
                                          : iconv(descriptor, nullptr, nullptr, &output, &output_left);
        const int error = errno;
        written = out.size() - output_left;
        if (converted != static_cast<std::size_t>(-1)) {
            if (input_left == 0) {
                // Flush the shift state of stateful charsets (ISO-2022-JP).
                char* flush_output = out.data() + written;
                std::size_t flush_left = out.size() - written;
                if (iconv(descriptor, nullptr, nullptr, &flush_output, &flush_left) !=
                    static_cast<std::size_t>(-1)) {
                    written = out.size() - flush_left;
                }
                break;
            }
            continue;
        }
        if (error == E2BIG) {
            out.resize(out.size() * 2 + 64);
            continue;
        }
        lossy = true;
        if (out.size() - written < replacement_character.size()) out.resize(out.size() * 2 + 64);
        out.replace(written, replacement_character.size(), replacement_character);
        written += replacement_character.size();
        if (error == EILSEQ && input_left > 0) {
            ++input;
            --input_left;
            continue;
        }
        break;  // EINVAL: a truncated sequence at the end; anything else: give up
    }
    out.resize(written);
    result.text = make_valid_utf8(out);
    if (lossy) {
        result.warning = "bytes invalid in charset \"" + name + "\" replaced with U+FFFD";
    }
    return result;
}

}  // namespace casefile::parsers
