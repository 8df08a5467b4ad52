// Raw RFC 5322 bytes -> core::ParsedMessage. The MIME tree is our own
// (parsers/mime_tree.hpp says why mimetic 0.9.8 was measured and dropped).
#pragma once

#include <cstddef>
#include <string_view>

#include "core/message.hpp"

namespace casefile::parsers {

// Limits enforced while parsing, so hostile mail costs bounded time and
// memory (the same caps DESIGN.md set for the mimetic guard). Over a limit
// the message is parsed in a degraded way (headers always, body down to the
// limit) and carries a warning; its raw bytes are stored all the same.
struct MimeLimits {
    int max_depth = 100;                     // nested multiparts (Dovecot's own cap)
    std::size_t max_parts = 10000;           // MIME parts in the whole message
    std::size_t max_line_bytes = 64 * 1024;  // one physical line
};

// Never throws and never fails: every problem becomes a sentence in
// ParsedMessage::warnings, and every field holds valid UTF-8.
core::ParsedMessage parse_message(std::string_view raw, const MimeLimits& limits = {});

}  // namespace casefile::parsers
