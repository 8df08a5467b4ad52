#include "parsers/imap_lexer.hpp"

#include <utility>

namespace casefile::parsers::imap {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// RFC 3501 §9: ATOM-CHAR is any CHAR except atom-specials "(" ")" "{" SP
// CTL list-wildcards quoted-specials resp-specials. We stop at those, and at
// '[' so "BODY[" becomes a section; '\\' (flags like \Seen), '%' and '*'
// (\* in PERMANENTFLAGS, wildcards echoed in LIST) are let through, as are
// 8-bit bytes (UTF-8 mailbox names from servers that send them raw).
bool is_atom_char(char c) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return false;
    switch (c) {
        case ' ':
        case '(':
        case ')':
        case '{':
        case '"':
        case '[':
        case ']': return false;
        default: return true;
    }
}

bool is_astring_char(char c) { return is_atom_char(c) || c == '[' || c == ']'; }

// Digits to a number without overflow; false when it does not fit.
bool to_number(std::string_view digits, std::uint64_t& number) {
    if (digits.empty()) return false;
    number = 0;
    for (const char c : digits) {
        if (!is_digit(c)) return false;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        if (number > (UINT64_MAX - digit) / 10) return false;
        number = number * 10 + digit;
    }
    return true;
}

}  // namespace

Lexer::Lexer(std::string_view text, std::vector<std::string>* literals,
             const std::vector<std::uint64_t>* streamed_sizes, std::size_t max_nesting_depth)
    : text_(text),
      literals_(literals),
      streamed_sizes_(streamed_sizes),
      max_depth_(max_nesting_depth) {}

Lexer::Lexer(std::string_view text, std::size_t max_nesting_depth)
    : text_(text), max_depth_(max_nesting_depth) {}

bool Lexer::skip_spaces() {
    const std::size_t start = position_;
    while (!at_end() && text_[position_] == ' ') ++position_;
    return position_ != start;
}

bool Lexer::consume(char c) {
    if (at_end() || text_[position_] != c) return false;
    ++position_;
    return true;
}

std::string_view Lexer::rest_of_line() {
    const std::size_t start = position_;
    while (!at_line_end()) ++position_;
    return text_.substr(start, position_ - start);
}

std::string_view Lexer::atom() {
    const std::size_t start = position_;
    while (!at_end() && is_atom_char(text_[position_])) ++position_;
    return text_.substr(start, position_ - start);
}

core::Unexpected Lexer::error(std::string_view what) const { return core::fail(std::string(what)); }

core::Result<std::vector<Value>> Lexer::values_to_end() {
    std::vector<Value> values;
    skip_spaces();
    while (!at_end()) {
        auto item = value();
        if (!item) return core::Unexpected(std::move(item.error()));
        values.push_back(std::move(*item));
        if (!skip_spaces() && !at_end()) return error("expected a space between values");
    }
    return values;
}

core::Result<Value> Lexer::value_at_depth(std::size_t depth) {
    const char c = peek();
    if (c == '"') return quoted();
    if (c == '{') return literal();
    if (c == '~' && position_ + 1 < text_.size() && text_[position_ + 1] == '{') {
        ++position_;
        auto result = literal();
        if (result) result->binary = true;
        return result;
    }
    if (c == '(') return list(depth);
    return atom_or_section(depth);
}

// RFC 3501 §4.3: a quoted string holds no CR or LF; "\\" and "\"" are the
// only escapes. Any other escaped byte is taken as itself.
core::Result<Value> Lexer::quoted() {
    ++position_;
    Value value;
    value.kind = Value::Kind::String;
    while (true) {
        if (at_line_end()) return error("unterminated quoted string");
        const char c = text_[position_++];
        if (c == '"') return value;
        if (c == '\\') {
            if (at_line_end()) return error("unterminated quoted string");
            value.text += text_[position_++];
        } else {
            value.text += c;
        }
    }
}

// The marker is "{n}", "{n+}" (RFC 7888) or, after the caller took '~',
// "{n}" of a literal8 (RFC 3516); the reader put the bytes in literals_.
core::Result<Value> Lexer::literal() {
    ++position_;
    const std::size_t start = position_;
    while (!at_end() && is_digit(text_[position_])) ++position_;
    std::uint64_t size = 0;
    if (!to_number(text_.substr(start, position_ - start), size)) {
        return error("malformed literal size");
    }
    consume('+');
    if (!consume('}')) return error("malformed literal marker");
    if (!consume('\n') || literals_ == nullptr || next_literal_ >= literals_->size()) {
        return error("literal marker not at the end of a line");
    }
    Value value;
    value.kind = Value::Kind::Literal;
    const std::size_t index = next_literal_++;
    if ((*streamed_sizes_)[index] != 0) {
        value.streamed = true;
        value.number = (*streamed_sizes_)[index];
    } else {
        value.text = std::move((*literals_)[index]);
    }
    return value;
}

core::Result<Value> Lexer::list(std::size_t depth) {
    if (depth >= max_depth_) return error("lists nested too deeply");
    ++position_;
    Value value;
    value.kind = Value::Kind::List;
    skip_spaces();
    while (!consume(')')) {
        if (at_end()) return error("unterminated list");
        auto item = value_at_depth(depth + 1);
        if (!item) return item;
        value.items.push_back(std::move(*item));
        if (at_end()) return error("unterminated list");
        if (!skip_spaces() && peek() != ')') return error("expected a space or ')' in a list");
    }
    return value;
}

core::Result<Value> Lexer::atom_or_section(std::size_t depth) {
    const std::size_t start = position_;
    const std::string_view text = atom();
    if (peek() == '[') {
        if (!text.empty()) {
            auto result = section(text, depth);
            if (result && !is_astring_char(peek())) return result;
        }
        // §9: ASTRING-CHAR includes ']' and ATOM-CHAR includes '[', so a
        // mailbox may be sent as the atom [Gmail]/Sent or Foo[1]. Anything
        // that is not a clean BODY[...]<n> item is such an astring.
        position_ = start;
        while (!at_end() && is_astring_char(text_[position_])) ++position_;
        Value value;
        value.kind = Value::Kind::Atom;
        value.text = std::string(text_.substr(start, position_ - start));
        return value;
    }
    if (text.empty()) {
        if (at_end()) return error("expected a value, found the end of the response");
        return error("unexpected character");
    }
    Value value;
    value.text = std::string(text);
    if (to_number(text, value.number)) {
        value.kind = Value::Kind::Number;
    } else if (equals_ignoring_case(text, "NIL")) {
        value.kind = Value::Kind::Nil;
        value.text.clear();
    } else {
        value.kind = Value::Kind::Atom;
    }
    return value;
}

// RFC 3501 §7.4.2: BODY[<section>]<<origin>>; also BINARY[...] (RFC 3516)
// and a bare "[...]" as in "[UNCHANGEDSINCE ...]"-style extensions.
core::Result<Value> Lexer::section(std::string_view name, std::size_t depth) {
    if (depth >= max_depth_) return error("lists nested too deeply");
    ++position_;
    Value value;
    value.kind = Value::Kind::Section;
    value.text = std::string(name);
    const std::size_t start = position_;
    skip_spaces();
    while (!consume(']')) {
        if (at_line_end()) return error("unterminated section '['");
        auto item = value_at_depth(depth + 1);
        if (!item) return item;
        value.items.push_back(std::move(*item));
        if (!skip_spaces() && peek() != ']') return error("expected a space or ']' in a section");
    }
    value.section = std::string(text_.substr(start, position_ - 1 - start));
    if (consume('<')) {
        const std::size_t digits = position_;
        while (!at_end() && is_digit(text_[position_])) ++position_;
        std::uint64_t origin = 0;
        if (!to_number(text_.substr(digits, position_ - digits), origin) || !consume('>')) {
            return error("malformed partial origin '<n>'");
        }
        value.origin = origin;
    }
    return value;
}

}  // namespace casefile::parsers::imap
