// The header block of a message or MIME part (RFC 5322 §2.2, §3.5), split
// without copying: fields and body are views into the caller's bytes.
#pragma once

#include <string_view>
#include <vector>

namespace casefile::parsers {

struct HeaderField {
    std::string_view name;   // as written, without the colon and trailing blanks
    std::string_view value;  // raw, still folded, without the final line break
};

struct HeaderBlock {
    std::vector<HeaderField> fields;
    std::string_view body;           // everything after the blank separator line
    bool has_separator = false;      // false: the bytes ended, or a non-header line started the body
    bool starts_with_header = true;  // false: the first line was no header at all

    // The first field called `name` (case-insensitive), or nullptr.
    const HeaderField* find(std::string_view name) const;
    std::size_t count(std::string_view name) const;
};

// REQUIRES: `bytes` outlives the result. Accepts CRLF and bare LF line ends,
// skips an mbox "From " envelope line at the top, and tolerates garbage: a
// line that is neither a field nor a continuation ends the header block.
HeaderBlock split_header_block(std::string_view bytes);

bool header_name_equals(std::string_view a, std::string_view b);

}  // namespace casefile::parsers
