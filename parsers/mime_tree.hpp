// The MIME entity tree of a message (RFC 2045, RFC 2046 §5), built over the
// caller's bytes without copying them.
//
// Why not mimetic's tree (DESIGN.md planned "guarded mimetic"): measured on
// Debian's mimetic 0.9.8, its parser finds a boundary anywhere in a line (a
// body line "see a--b" splits the part, against RFC 2046 §5.1.1), and it
// parses message/rfc822 parts into objects, so the exact bytes of a
// forwarded message (which the evidence bundle hashes) are gone. Its
// limits (stack overflow on deep nesting, memory per part, quadratic header
// lines, the base64 '|' read) also disappear with it: this parser is
// iterative per level, allocation per part is one small vector, and the
// limits below are enforced while parsing rather than guessed beforehand.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parsers/header_decoding.hpp"
#include "parsers/mime_headers.hpp"
#include "parsers/mime_parser.hpp"

namespace casefile::parsers {

struct MimePart {
    HeaderBlock headers;
    ParameterizedValue content_type;  // as parsed from the header (value may be empty)
    std::string type;                 // effective lower-case "type/subtype", defaults applied
    std::string_view body;            // the part's body bytes exactly as in the message
    // Multipart: its parts. message/rfc822: one child, the embedded message.
    std::vector<MimePart> children;

    bool is_multipart() const { return type.starts_with("multipart/"); }
    bool is_message() const { return type == "message/rfc822" || type == "message/global"; }
};

struct MimeTree {
    MimePart root;
    std::vector<std::string> warnings;
};

// REQUIRES: `raw` outlives the tree. Never fails: structure problems
// (missing or unclosed boundaries, too deep, too many parts) become warnings
// and the tree holds whatever could be read.
MimeTree parse_mime_tree(std::string_view raw, const MimeLimits& limits);

}  // namespace casefile::parsers
