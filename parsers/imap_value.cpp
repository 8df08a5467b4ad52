#include "parsers/imap_value.hpp"

#include <cstdio>

namespace casefile::parsers::imap {
namespace {

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Printable form of bytes that may hold CR, LF, NUL or 8-bit data.
void append_escaped(std::string& out, std::string_view bytes) {
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte >= 0x7f) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", byte);
            out += buffer;
        } else {
            out += c;
        }
    }
}

void append_value(std::string& out, const Value& value) {
    switch (value.kind) {
        case Value::Kind::Atom: out += value.text; break;
        case Value::Kind::Number: out += std::to_string(value.number); break;
        case Value::Kind::String:
            out += '"';
            append_escaped(out, value.text);
            out += '"';
            break;
        case Value::Kind::Literal:
            out += value.binary ? "~{" : "{";
            out += std::to_string(value.streamed ? value.number : value.text.size());
            out += value.streamed ? " streamed}" : "}";
            break;
        case Value::Kind::Nil: out += "NIL"; break;
        case Value::Kind::List: {
            out += '(';
            bool first = true;
            for (const Value& item : value.items) {
                if (!first) out += ' ';
                first = false;
                append_value(out, item);
            }
            out += ')';
            break;
        }
        case Value::Kind::Section:
            out += value.text;
            out += '[';
            out += value.section;
            out += ']';
            if (value.origin) out += '<' + std::to_string(*value.origin) + '>';
            break;
    }
}

}  // namespace

const std::string& Value::astring_text() const { return text; }

bool Value::is_atom(std::string_view keyword) const {
    return kind == Kind::Atom && equals_ignoring_case(text, keyword);
}

std::optional<std::uint32_t> to_uint32(const Value& value) {
    if (value.kind != Value::Kind::Number || value.number > UINT32_MAX) return std::nullopt;
    return static_cast<std::uint32_t>(value.number);
}

std::string_view status_name(Status status) {
    switch (status) {
        case Status::None: return "";
        case Status::Ok: return "OK";
        case Status::No: return "NO";
        case Status::Bad: return "BAD";
        case Status::Preauth: return "PREAUTH";
        case Status::Bye: return "BYE";
    }
    return "";
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (upper(a[i]) != upper(b[i])) return false;
    }
    return true;
}

std::string to_upper(std::string_view text) {
    std::string result(text);
    for (char& c : result) c = upper(c);
    return result;
}

std::string describe(const Value& value) {
    std::string out;
    append_value(out, value);
    return out;
}

std::string describe(const Response& response) {
    std::string out;
    switch (response.kind) {
        case ResponseKind::Tagged: out += response.tag; break;
        case ResponseKind::Untagged: out += '*'; break;
        case ResponseKind::Continuation: out += '+'; break;
    }
    if (response.is_status()) {
        out += ' ';
        out += status_name(response.status);
        if (response.code) {
            out += " [" + response.code->name;
            if (!response.code->raw_arguments.empty()) out += ' ' + response.code->raw_arguments;
            out += ']';
        }
    }
    if (response.number) out += ' ' + std::to_string(*response.number);
    if (!response.name.empty()) out += ' ' + response.name;
    for (const Value& value : response.values) {
        out += ' ';
        append_value(out, value);
    }
    if (!response.text.empty()) {
        out += ' ';
        append_escaped(out, response.text);
    }
    return out;
}

}  // namespace casefile::parsers::imap
