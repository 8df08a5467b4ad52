// Builds a Response from one framed response: the reader has already cut the
// stream at CRLFs and pulled the literals out, so this step sees the whole
// response at once and never waits for bytes (RFC 3501 §7, formal syntax §9).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "parsers/imap_value.hpp"

namespace casefile::parsers::imap {

struct FramedResponse {
    // The response's lines with CRLF removed, joined by '\n'. Every line but
    // the last ends with a literal marker ("{n}", "{n+}" or "~{n}"), and the
    // '\n' after it stands for the literal's bytes.
    std::string text;
    // One entry per marker, in order. A streamed literal's entry is empty.
    std::vector<std::string> literals;
    // Per literal: its size when it went to the literal sink, else 0.
    std::vector<std::uint64_t> streamed_sizes;
};

// On success the literals are moved into the Response (framed is left
// empty). On failure the error names what was expected and quotes at most
// ~80 sanitised bytes of the offending line.
core::Result<Response> parse_response(FramedResponse& framed, std::size_t max_nesting_depth);

// At most `limit` bytes of `line` with control and 8-bit bytes shown as
// \xNN, so that an error message is one printable line.
std::string sanitise_excerpt(std::string_view line, std::size_t limit = 80);

}  // namespace casefile::parsers::imap
