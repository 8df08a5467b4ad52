#include "parsers/header_decoding.hpp"

#include <algorithm>

#include "core/ascii_text.hpp"
#include "parsers/charset.hpp"
#include "parsers/transfer_decoding.hpp"

namespace casefile::parsers {
namespace {

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// Raw text outside encoded words: RFC 6532 allows UTF-8; older mailers send
// their local 8-bit charset, most often windows-1252.
void append_raw_text(std::string_view text, std::string& out) {
    if (is_valid_utf8(text)) {
        out.append(text);
    } else {
        append_windows_1252(text, out);
    }
}

struct EncodedWord {
    std::string_view charset;
    std::string bytes;
    std::size_t end = 0;  // index just after "?="
};

// RFC 2047 §2: encoded-word = "=?" charset "?" encoding "?" encoded-text "?="
// with no whitespace inside. `start` points at "=?".
bool parse_encoded_word(std::string_view text, std::size_t start, EncodedWord& word) {
    std::size_t position = start + 2;
    const std::size_t charset_start = position;
    while (position < text.size() && text[position] != '?') {
        if (core::is_ascii_space(text[position]) || position - charset_start > 64) return false;
        ++position;
    }
    if (position == charset_start || position + 2 >= text.size() || text[position + 2] != '?') {
        return false;
    }
    word.charset = text.substr(charset_start, position - charset_start);
    const char encoding = ascii_lower(text[position + 1]);
    if (encoding != 'b' && encoding != 'q') return false;
    const std::size_t payload_start = position + 3;
    position = payload_start;
    while (position < text.size() && text[position] != '?') {
        if (core::is_ascii_space(text[position])) return false;
        ++position;
    }
    if (position + 1 >= text.size() || text[position + 1] != '=') return false;
    const std::string_view payload = text.substr(payload_start, position - payload_start);
    word.end = position + 2;
    word.bytes.clear();
    if (encoding == 'b') {
        word.bytes = decode_base64(payload);
        return true;
    }
    // RFC 2047 §4.2: "_" is a space, "=XX" a byte.
    for (std::size_t i = 0; i < payload.size(); ++i) {
        const char c = payload[i];
        if (c == '_') {
            word.bytes.push_back(' ');
        } else if (c == '=' && i + 2 < payload.size() && hex_value(payload[i + 1]) >= 0 &&
                   hex_value(payload[i + 2]) >= 0) {
            word.bytes.push_back(static_cast<char>(hex_value(payload[i + 1]) * 16 + hex_value(payload[i + 2])));
            i += 2;
        } else {
            word.bytes.push_back(c);
        }
    }
    return true;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
            hex_value(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

struct Section {
    int index = 0;
    bool encoded = false;
    std::string value;
};

struct ExtendedParameter {
    std::string name;
    std::vector<Section> sections;
};

// Reads a parameter value at `position`: a quoted-string (RFC 5322 §3.2.4,
// backslash escapes; an unterminated one runs to the end) or a token up to ';'.
std::string read_value(std::string_view text, std::size_t& position) {
    while (position < text.size() && core::is_ascii_space(text[position])) ++position;
    std::string value;
    if (position < text.size() && text[position] == '"') {
        ++position;
        while (position < text.size() && text[position] != '"') {
            if (text[position] == '\\' && position + 1 < text.size()) ++position;
            value.push_back(text[position]);
            ++position;
        }
        if (position < text.size()) ++position;  // closing quote
        while (position < text.size() && text[position] != ';') ++position;
        return value;
    }
    const std::size_t start = position;
    while (position < text.size() && text[position] != ';') ++position;
    return std::string(core::trim_ascii_space(text.substr(start, position - start)));
}

// The leading token without comments and whitespace: "text/plain (x)" ->
// "text/plain". Stops at the first ';' outside a comment or quotes.
std::string read_main_value(std::string_view text, std::size_t& position) {
    std::string value;
    int comment_depth = 0;
    bool in_quotes = false;
    for (; position < text.size(); ++position) {
        const char c = text[position];
        if (in_quotes) {
            if (c == '"') {
                in_quotes = false;
            } else {
                value.push_back(ascii_lower(c));
            }
        } else if (comment_depth > 0) {
            if (c == '(') ++comment_depth;
            if (c == ')') --comment_depth;
        } else if (c == '(') {
            ++comment_depth;
        } else if (c == '"') {
            in_quotes = true;
        } else if (c == ';') {
            break;
        } else if (!core::is_ascii_space(c)) {
            value.push_back(ascii_lower(c));
        }
    }
    return value;
}

std::string join_sections(std::vector<Section>& sections) {
    std::stable_sort(sections.begin(), sections.end(),
                     [](const Section& a, const Section& b) { return a.index < b.index; });
    // RFC 2231 §4: only the first section carries charset'language'.
    std::string charset;
    std::string bytes;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        std::string_view value = sections[i].value;
        if (i == 0 && sections[i].encoded) {
            const std::size_t first_quote = value.find('\'');
            const std::size_t second_quote =
                first_quote == std::string_view::npos ? first_quote : value.find('\'', first_quote + 1);
            if (second_quote != std::string_view::npos) {
                charset = std::string(value.substr(0, first_quote));
                value.remove_prefix(second_quote + 1);
            }
        }
        bytes += sections[i].encoded ? percent_decode(value) : std::string(value);
    }
    return convert_to_utf8(bytes, charset).text;
}

}  // namespace

std::string unfold_header(std::string_view raw_value) {
    raw_value = core::trim_ascii_space(raw_value);
    std::string out;
    out.reserve(raw_value.size());
    for (const char c : raw_value) {
        if (c != '\r' && c != '\n') out.push_back(c);
    }
    return out;
}

std::string decode_encoded_words(std::string_view text) {
    std::string out;
    if (text.find("=?") == std::string_view::npos) {
        append_raw_text(text, out);
        return out;
    }
    out.reserve(text.size());
    std::string pending;
    std::string_view pending_charset;
    const auto flush = [&] {
        if (pending.empty()) return;
        out += convert_to_utf8(pending, pending_charset).text;
        pending.clear();
    };
    std::size_t literal_start = 0;
    std::size_t position = 0;
    bool after_word = false;
    EncodedWord word;
    while (true) {
        const std::size_t start = text.find("=?", position);
        if (start == std::string_view::npos) break;
        if (!parse_encoded_word(text, start, word)) {
            position = start + 1;
            continue;
        }
        const std::string_view literal = text.substr(literal_start, start - literal_start);
        // RFC 2047 §6.2: whitespace between adjacent encoded words is ignored.
        if (!(after_word && core::trim_ascii_space(literal).empty())) {
            flush();
            append_raw_text(literal, out);
        }
        if (!pending.empty() && lower(word.charset) != lower(pending_charset)) flush();
        pending_charset = word.charset;
        pending += word.bytes;
        after_word = true;
        literal_start = position = word.end;
    }
    flush();
    append_raw_text(text.substr(literal_start), out);
    return out;
}

std::string decode_header_text(std::string_view raw_value) {
    return decode_encoded_words(unfold_header(raw_value));
}

const std::string* ParameterizedValue::find(std::string_view name) const {
    for (const auto& parameter : parameters) {
        if (parameter.name == name) return &parameter.value;
    }
    return nullptr;
}

ParameterizedValue parse_parameterized(std::string_view raw_value) {
    const std::string unfolded = unfold_header(raw_value);
    const std::string_view text = unfolded;
    ParameterizedValue result;
    std::size_t position = 0;
    result.value = read_main_value(text, position);
    std::vector<ExtendedParameter> extended;
    // Real headers carry a handful of parameters; a cap keeps the lookups
    // below linear on a hostile header with thousands of distinct names.
    constexpr std::size_t max_parameters = 64;
    while (position < text.size() && result.parameters.size() + extended.size() < max_parameters) {
        while (position < text.size() && (text[position] == ';' || core::is_ascii_space(text[position]))) ++position;
        const std::size_t name_start = position;
        while (position < text.size() && text[position] != '=' && text[position] != ';') ++position;
        if (position >= text.size() || text[position] != '=') continue;  // "; junk;" is skipped
        const std::string name = lower(core::trim_ascii_space(text.substr(name_start, position - name_start)));
        ++position;
        std::string value = read_value(text, position);
        if (name.empty()) continue;
        const std::size_t star = name.find('*');
        if (star == std::string::npos) {
            result.parameters.push_back({name, std::move(value)});
            continue;
        }
        // RFC 2231 §3-4: name*, name*N, name*N*.
        const std::string base = name.substr(0, star);
        std::string_view rest = std::string_view(name).substr(star + 1);
        Section section;
        if (rest.empty()) {
            section.encoded = true;
        } else {
            section.encoded = rest.back() == '*';
            if (section.encoded) rest.remove_suffix(1);
            if (rest.empty() || rest.size() > 3 ||
                !std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                continue;
            }
            section.index = std::stoi(std::string(rest));
        }
        section.value = std::move(value);
        auto found = std::find_if(extended.begin(), extended.end(),
                                  [&](const ExtendedParameter& p) { return p.name == base; });
        if (found == extended.end()) {
            extended.push_back({base, {}});
            found = extended.end() - 1;
        }
        found->sections.push_back(std::move(section));
    }
    for (auto& parameter : extended) {
        std::string value = join_sections(parameter.sections);
        auto plain = std::find_if(result.parameters.begin(), result.parameters.end(),
                                  [&](const HeaderParameter& p) { return p.name == parameter.name; });
        if (plain != result.parameters.end()) {
            plain->value = std::move(value);
        } else {
            result.parameters.push_back({parameter.name, std::move(value)});
        }
    }
    return result;
}

}  // namespace casefile::parsers
