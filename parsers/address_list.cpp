#include "parsers/address_list.hpp"

#include <string>

#include "parsers/charset.hpp"
#include "parsers/header_decoding.hpp"

namespace casefile::parsers {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

// make_valid_utf8 in place, without a copy for the usual text that is
// already valid and holds no NUL.
void keep_valid_utf8(std::string& text) {
    if (is_valid_utf8(text) && text.find('\0') == std::string::npos) return;
    text = make_valid_utf8(text);
}

// The characters the address-list reader acts on; the rest is name text.
bool is_special(char c) {
    return c == '"' || c == '(' || c == '<' || c == ',' || c == ':' || c == ';';
}

// Collapses runs of whitespace to one space: a display name spread over
// folded lines reads as one line.
std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        if (is_space(c)) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

std::string normalise_address(std::string_view spec) {
    std::string address;
    address.reserve(spec.size());
    for (const char c : spec) {
        if (!is_space(c)) address.push_back(c);
    }
    // Strip a source route "@a,@b:user@host" (RFC 5322 §4.4 obs-route).
    if (address.starts_with("@")) {
        if (const auto colon = address.find(':'); colon != std::string::npos) address.erase(0, colon + 1);
    }
    const std::size_t at = address.rfind('@');
    if (at != std::string::npos) {
        for (std::size_t i = at + 1; i < address.size(); ++i) {
            if (address[i] >= 'A' && address[i] <= 'Z') address[i] = static_cast<char>(address[i] + 32);
        }
    }
    return address;
}

// One mailbox while it is being read: the phrase before '<', the angle
// address, bare words, and the first comment.
struct MailboxBuilder {
    std::string phrase;        // raw words and quoted strings, in order
    bool phrase_quoted = false;
    std::string angle;         // inside <...>
    bool has_angle = false;
    std::string comment;

    bool empty() const { return trimmed(phrase).empty() && !has_angle && comment.empty(); }

    void emit(std::vector<core::Address>& out) {
        if (empty()) return;
        core::Address address;
        if (has_angle) {
            address.address = normalise_address(angle);
            address.name = collapse_spaces(decode_encoded_words(trimmed(phrase)));
        } else {
            const std::string_view words = trimmed(phrase);
            if (words.find('@') != std::string_view::npos ||
                (!phrase_quoted && !words.empty() && words.find(' ') == std::string_view::npos)) {
                address.address = normalise_address(words);
            } else {
                address.name = collapse_spaces(decode_encoded_words(words));
            }
        }
        if (address.name.empty() && !comment.empty()) {
            address.name = collapse_spaces(decode_encoded_words(trimmed(comment)));
        }
        // Outlook writes "'Bob Smith'" with single quotes around the name.
        if (address.name.size() >= 2 && address.name.front() == '\'' && address.name.back() == '\'') {
            address.name = address.name.substr(1, address.name.size() - 2);
        }
        if (address.name == address.address) address.name.clear();
        keep_valid_utf8(address.name);
        keep_valid_utf8(address.address);
        if (!address.name.empty() || !address.address.empty()) out.push_back(std::move(address));
        *this = MailboxBuilder{};
    }
};

}  // namespace

std::vector<core::Address> parse_address_list(std::string_view raw_value) {
    const std::string text = unfold_header(raw_value);
    std::vector<core::Address> out;
    MailboxBuilder mailbox;
    bool in_group = false;
    std::size_t position = 0;
    while (position < text.size()) {
        const char c = text[position];
        if (c == '"') {
            // RFC 5322 §3.2.4 quoted-string; an unterminated one runs to the end.
            ++position;
            while (position < text.size() && text[position] != '"') {
                if (text[position] == '\\' && position + 1 < text.size()) ++position;
                mailbox.phrase.push_back(text[position]);
                ++position;
            }
            mailbox.phrase_quoted = true;
            ++position;
        } else if (c == '(') {
            // RFC 5322 §3.2.2 comments nest and may quote with a backslash.
            int depth = 1;
            std::string comment;
            ++position;
            while (position < text.size() && depth > 0) {
                const char inner = text[position];
                if (inner == '\\' && position + 1 < text.size()) {
                    comment.push_back(text[position + 1]);
                    position += 2;
                    continue;
                }
                if (inner == '(') ++depth;
                if (inner == ')' && --depth == 0) break;
                comment.push_back(inner);
                ++position;
            }
            ++position;
            if (mailbox.comment.empty()) mailbox.comment = std::move(comment);
            mailbox.phrase.push_back(' ');
        } else if (c == '<') {
            const std::size_t close = text.find('>', position + 1);
            const std::size_t end = close == std::string::npos ? text.size() : close;
            if (mailbox.has_angle) {
                // A second <...> in one mailbox: keep it as part of the name.
                mailbox.phrase.append(text, position, end - position + 1);
            } else {
                mailbox.angle = text.substr(position + 1, end - position - 1);
                mailbox.has_angle = true;
            }
            position = end == text.size() ? end : end + 1;
        } else if (c == ',') {
            mailbox.emit(out);
            ++position;
        } else if (c == ':' && !mailbox.has_angle && !in_group &&
                   mailbox.phrase.find('@') == std::string::npos) {
            // RFC 5322 §3.4 group: "display-name: mailbox-list ;". The group
            // name is not an address of anyone.
            mailbox = MailboxBuilder{};
            in_group = true;
            ++position;
        } else if (c == ';' && in_group) {
            mailbox.emit(out);
            in_group = false;
            ++position;
        } else {
            // This character and the plain name text after it, in one piece.
            std::size_t end = position + 1;
            while (end < text.size() && !is_special(text[end])) ++end;
            mailbox.phrase.append(text, position, end - position);
            position = end;
        }
    }
    mailbox.emit(out);
    return out;
}

}  // namespace casefile::parsers
