#include "parsers/imap_command.hpp"

#include <cstdio>
#include <utility>

namespace casefile::parsers::imap {
namespace {

// §9 ATOM-CHAR: any CHAR except atom-specials ( ) { SP CTL % * " \ ].
bool is_atom_char(char c) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f) return false;
    switch (c) {
        case '(':
        case ')':
        case '{':
        case '%':
        case '*':
        case '"':
        case '\\':
        case ']': return false;
        default: return true;
    }
}

// §4.3 / §9 QUOTED-CHAR: 7-bit TEXT-CHAR (no CR, LF or NUL).
bool can_be_quoted(std::string_view value) {
    if (value.size() > kMaxQuotedLength) return false;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '\r' || byte == '\n' || byte == 0 || byte >= 0x80) return false;
    }
    return true;
}

core::Result<EncodedArgument> encode(std::string_view value, LiteralMode mode, bool allow_atom) {
    if (value.find('\0') != std::string_view::npos) {
        return core::fail("IMAP: an argument contains a NUL byte, which IMAP cannot send");
    }
    EncodedArgument argument;
    bool atom = allow_atom && !value.empty() && value.size() <= kMaxQuotedLength;
    for (std::size_t i = 0; atom && i < value.size(); ++i) atom = is_atom_char(value[i]);
    // "NIL" as an atom would read as nil in astring positions that allow it.
    if (atom && !(value.size() == 3 && (value[0] | 0x20) == 'n' && (value[1] | 0x20) == 'i' &&
                  (value[2] | 0x20) == 'l')) {
        argument.form = EncodedArgument::Form::Atom;
        argument.text = std::string(value);
        return argument;
    }
    if (can_be_quoted(value)) {
        argument.form = EncodedArgument::Form::Quoted;
        argument.text.reserve(value.size() + 2);
        argument.text += '"';
        for (const char c : value) {
            if (c == '"' || c == '\\') argument.text += '\\';
            argument.text += c;
        }
        argument.text += '"';
        return argument;
    }
    argument.form = EncodedArgument::Form::Literal;
    argument.text = "{" + std::to_string(value.size()) +
                    (mode == LiteralMode::NonSynchronizing ? "+}" : "}");
    argument.literal = std::string(value);
    return argument;
}

}  // namespace

core::Result<EncodedArgument> encode_astring(std::string_view value, LiteralMode mode) {
    return encode(value, mode, true);
}

core::Result<EncodedArgument> encode_string(std::string_view value, LiteralMode mode) {
    return encode(value, mode, false);
}

CommandBuilder::CommandBuilder(std::string_view tag, std::string_view command, LiteralMode mode)
    : mode_(mode) {
    parts_.push_back(CommandPart{std::string(tag) + ' ' + std::string(command), false});
}

CommandBuilder& CommandBuilder::raw(std::string_view text) {
    parts_.back().bytes += ' ';
    parts_.back().bytes += text;
    return *this;
}

CommandBuilder& CommandBuilder::astring(std::string_view value) {
    return add(encode_astring(value, mode_));
}

CommandBuilder& CommandBuilder::string(std::string_view value) {
    return add(encode_string(value, mode_));
}

CommandBuilder& CommandBuilder::literal(std::string_view value) {
    if (value.find('\0') != std::string_view::npos) {
        return add(core::fail("IMAP: a literal contains a NUL byte, which IMAP cannot send"));
    }
    EncodedArgument argument;
    argument.form = EncodedArgument::Form::Literal;
    argument.text =
        "{" + std::to_string(value.size()) + (mode_ == LiteralMode::NonSynchronizing ? "+}" : "}");
    argument.literal = std::string(value);
    return add(std::move(argument));
}

CommandBuilder& CommandBuilder::add(core::Result<EncodedArgument> argument) {
    if (!argument) {
        if (error_.empty()) error_ = argument.error().message;
        return *this;
    }
    raw(argument->text);
    if (argument->form != EncodedArgument::Form::Literal) return *this;
    // §7.5: after "{n}" CRLF the server must agree ("+") before the bytes
    // are sent; with "{n+}" they follow at once in the same part.
    parts_.back().bytes += "\r\n";
    if (mode_ == LiteralMode::Synchronizing) {
        parts_.back().wait_for_continuation = true;
        parts_.push_back(CommandPart{std::move(argument->literal), false});
    } else {
        parts_.back().bytes += argument->literal;
    }
    return *this;
}

core::Result<std::vector<CommandPart>> CommandBuilder::finish() {
    if (!error_.empty()) return core::fail(error_);
    parts_.back().bytes += "\r\n";
    return std::move(parts_);
}

std::string format_sequence_set(std::vector<std::uint32_t> numbers) {
    return format_sequence_set(to_ranges(std::move(numbers)));
}

std::string format_sequence_set(const std::vector<NumberRange>& ranges) {
    std::string out;
    for (const NumberRange& range : ranges) {
        if (!out.empty()) out += ',';
        out += std::to_string(range.first);
        if (range.last != range.first) out += ':' + std::to_string(range.last);
    }
    return out;
}

std::string TagGenerator::next() {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%c%04llu", prefix_,
                  static_cast<unsigned long long>(++counter_));
    return buffer;
}

}  // namespace casefile::parsers::imap
