// Reads IMAP values (RFC 3501 §4, §9) from a framed response's text, taking
// the literals the reader already cut out whenever the text reaches a
// literal marker. Works on complete input only: it never waits for bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "parsers/imap_value.hpp"

namespace casefile::parsers::imap {

class Lexer {
public:
    // REQUIRES: `text`, `literals` and `streamed_sizes` outlive the lexer;
    // `literals` holds one entry per marker in `text` (see FramedResponse).
    // Literal bytes are moved out of `literals` into the values returned.
    Lexer(std::string_view text, std::vector<std::string>* literals,
          const std::vector<std::uint64_t>* streamed_sizes, std::size_t max_nesting_depth);

    // A lexer over text without literals (a response code's arguments).
    Lexer(std::string_view text, std::size_t max_nesting_depth);

    bool at_end() const { return position_ >= text_.size(); }
    // At the end of the text or of the current line.
    bool at_line_end() const { return at_end() || text_[position_] == '\n'; }
    char peek() const { return at_end() ? '\0' : text_[position_]; }
    std::size_t position() const { return position_; }

    // Skips SP; true when at least one was skipped. RFC 3501 wants exactly
    // one SP between items, but extra spaces cost nothing to accept.
    bool skip_spaces();
    bool consume(char c);

    // The rest of the current line (up to '\n' or the end), consumed.
    std::string_view rest_of_line();

    // The longest run of atom characters (ATOM-CHAR of §9, plus '\\', '%',
    // '*' for flags and list wildcards, and 8-bit bytes, which servers send
    // in UTF-8 mailbox names), possibly empty.
    std::string_view atom();

    // One value: atom, number, NIL, quoted string, literal, list, or an atom
    // with a bracketed section (BODY[HEADER.FIELDS (FROM)]<0>).
    core::Result<Value> value() { return value_at_depth(0); }

    // Values separated by spaces up to the end of the text.
    core::Result<std::vector<Value>> values_to_end();

    // Error text "what at byte N" for a failure at the current position.
    core::Unexpected error(std::string_view what) const;

private:
    core::Result<Value> value_at_depth(std::size_t depth);
    core::Result<Value> quoted();
    core::Result<Value> literal();
    core::Result<Value> list(std::size_t depth);
    core::Result<Value> atom_or_section(std::size_t depth);
    core::Result<Value> section(std::string_view name, std::size_t depth);

    std::string_view text_;
    std::size_t position_ = 0;
    std::vector<std::string>* literals_ = nullptr;
    const std::vector<std::uint64_t>* streamed_sizes_ = nullptr;
    std::size_t next_literal_ = 0;
    std::size_t max_depth_;
};

}  // namespace casefile::parsers::imap
