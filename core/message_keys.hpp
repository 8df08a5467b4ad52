// The two keys a stored message is found by: the SHA-256 of its exact bytes
// (what the ledger records) and a duplicate key over its body.
#pragma once

#include <string>
#include <string_view>

#include "core/store_types.hpp"

namespace casefile::core {

// SHA-256 (hex) of the bytes after the header block with CRLF read as LF.
// Two copies of one mail that differ only in transport headers (Received:,
// X-Gmail-Labels:) or in line ends (a CRLF .eml and the same mail in an LF
// mbox) share it. Only a duplicate key: the ledger hashes the exact bytes.
std::string message_body_key(std::string_view raw);

// Fills message.sha256 and message.body_key from message.raw.
void compute_message_keys(IncomingMessage& message);

}  // namespace casefile::core
