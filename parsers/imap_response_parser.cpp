#include "parsers/imap_response_parser.hpp"

#include <cstdio>
#include <utility>

#include "parsers/imap_lexer.hpp"

namespace casefile::parsers::imap {
namespace {

// RFC 3501 §9: tag = 1*<any ASTRING-CHAR except "+">.
bool is_tag_char(char c) {
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
        case '+': return false;
        default: return true;
    }
}

Status status_from_name(std::string_view name) {
    if (name == "OK") return Status::Ok;
    if (name == "NO") return Status::No;
    if (name == "BAD") return Status::Bad;
    if (name == "PREAUTH") return Status::Preauth;
    if (name == "BYE") return Status::Bye;
    return Status::None;
}

// RFC 3501 §7.1: resp-text = ["[" resp-text-code "]" SP] text. Servers
// differ on the SP and on empty text, so both are optional here. The code
// ends at the first ']' (resp-text-code arguments exclude ']').
void parse_status_text(Lexer& lexer, Response& response, std::size_t max_depth) {
    lexer.skip_spaces();
    std::string_view line = lexer.rest_of_line();
    if (line.starts_with('[')) {
        const std::size_t close = line.find(']');
        if (close != std::string_view::npos) {
            const std::string_view inside = line.substr(1, close - 1);
            const std::size_t space = inside.find(' ');
            ResponseCode code;
            code.name = to_upper(inside.substr(0, space));
            if (space != std::string_view::npos) {
                code.raw_arguments = std::string(inside.substr(space + 1));
                // Unknown codes may carry free text; keep it raw if it does
                // not parse as values.
                Lexer arguments(code.raw_arguments, max_depth);
                if (auto values = arguments.values_to_end()) code.arguments = std::move(*values);
            }
            response.code = std::move(code);
            line.remove_prefix(close + 1);
            if (line.starts_with(' ')) line.remove_prefix(1);
        }
    }
    response.text = std::string(line);
}

core::Result<void> parse_untagged(Lexer& lexer, Response& response, std::size_t max_depth) {
    response.kind = ResponseKind::Untagged;
    if (!lexer.skip_spaces()) return lexer.error("expected a space after '*'");
    std::string_view name = lexer.atom();
    std::uint64_t number = 0;
    if (!name.empty() && name.find_first_not_of("0123456789") == std::string_view::npos) {
        // "* 23 EXISTS", "* 5 FETCH": nz-number is 32-bit (§9 number).
        for (const char c : name) {
            number = number * 10 + static_cast<std::uint64_t>(c - '0');
            if (number > UINT32_MAX) return lexer.error("message number larger than 32 bits");
        }
        response.number = static_cast<std::uint32_t>(number);
        if (!lexer.skip_spaces()) return lexer.error("expected a space after the number");
        name = lexer.atom();
    }
    if (name.empty()) return lexer.error("expected a response name after '*'");
    response.name = to_upper(name);
    if (!response.number) {
        response.status = status_from_name(response.name);
        if (response.is_status()) {
            response.name.clear();
            parse_status_text(lexer, response, max_depth);
            return core::ok();
        }
    }
    if (!lexer.at_end() && !lexer.skip_spaces()) {
        return lexer.error("expected a space after the response name");
    }
    auto values = lexer.values_to_end();
    if (!values) return core::Unexpected(std::move(values.error()));
    response.values = std::move(*values);
    return core::ok();
}

core::Result<void> parse_tagged(Lexer& lexer, Response& response, std::size_t max_depth) {
    response.kind = ResponseKind::Tagged;
    while (!lexer.at_end() && is_tag_char(lexer.peek())) {
        response.tag += lexer.peek();
        lexer.consume(lexer.peek());
    }
    if (response.tag.empty()) return lexer.error("expected '*', '+' or a tag");
    if (!lexer.skip_spaces()) return lexer.error("expected a space after the tag");
    response.status = status_from_name(to_upper(lexer.atom()));
    // §7.1: only OK, NO and BAD complete a command.
    if (response.status != Status::Ok && response.status != Status::No &&
        response.status != Status::Bad) {
        return lexer.error("expected OK, NO or BAD after the tag");
    }
    parse_status_text(lexer, response, max_depth);
    return core::ok();
}

std::string excerpt_at(std::string_view text, std::size_t position) {
    if (position > text.size()) position = text.size();
    std::size_t line_start = text.rfind('\n', position == 0 ? 0 : position - 1);
    line_start = (line_start == std::string_view::npos || position == 0) ? 0 : line_start + 1;
    std::size_t line_end = text.find('\n', position);
    if (line_end == std::string_view::npos) line_end = text.size();
    // Show the error's neighbourhood when it lies far into a long line.
    std::string prefix;
    if (position - line_start > 60) {
        line_start = position - 40;
        prefix = "...";
    }
    return prefix + sanitise_excerpt(text.substr(line_start, line_end - line_start));
}

}  // namespace

core::Result<Response> parse_response(FramedResponse& framed, std::size_t max_nesting_depth) {
    Lexer lexer(framed.text, &framed.literals, &framed.streamed_sizes, max_nesting_depth);
    Response response;
    core::Result<void> parsed = core::ok();
    if (lexer.consume('+')) {
        // §7.5: continue-req = "+" SP (resp-text / base64); some servers
        // send a bare "+".
        response.kind = ResponseKind::Continuation;
        lexer.consume(' ');
        response.text = std::string(lexer.rest_of_line());
    } else if (lexer.consume('*')) {
        parsed = parse_untagged(lexer, response, max_nesting_depth);
    } else {
        parsed = parse_tagged(lexer, response, max_nesting_depth);
    }
    if (!parsed) {
        return core::fail("IMAP: " + parsed.error().message + " at byte " +
                          std::to_string(lexer.position()) + ": \"" +
                          excerpt_at(framed.text, lexer.position()) + "\"");
    }
    return response;
}

std::string sanitise_excerpt(std::string_view line, std::size_t limit) {
    std::string out;
    const bool truncated = line.size() > limit;
    if (truncated) line = line.substr(0, limit);
    for (const char c : line) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02X", byte);
            out += buffer;
        } else {
            out += c;
        }
    }
    if (truncated) out += "...";
    return out;
}

}  // namespace casefile::parsers::imap
