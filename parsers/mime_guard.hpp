// A fast pass over a message's raw bytes before it is parsed: the facts a
// VA should be told about (NUL bytes, absurd line lengths), found in one
// memchr sweep.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/mime_parser.hpp"

namespace casefile::parsers {

struct ByteScan {
    std::size_t nul_bytes = 0;
    std::size_t longest_line = 0;  // bytes, without the line break
    std::size_t lines = 0;
};

ByteScan scan_bytes(std::string_view raw);

// Sentences for what `scan` shows to be over `limits` or otherwise hostile.
void describe_scan(const ByteScan& scan, const MimeLimits& limits, std::vector<std::string>& warnings);

// Cuts `text` to at most `max_bytes` at a UTF-8 character boundary. Returns
// true when it cut.
bool truncate_utf8(std::string& text, std::size_t max_bytes);

}  // namespace casefile::parsers
