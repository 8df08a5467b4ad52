// The message model: what casefile knows about one mail after parsing. The raw
// bytes are stored beside it and stay the only authority; everything here can
// be derived again (casefile reindex).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/timestamp.hpp"

namespace casefile::core {

struct Address {
    std::string name;     // display name, decoded to UTF-8; may be empty
    std::string address;  // addr-spec as written, lower-cased domain; may be empty

    friend bool operator==(const Address&, const Address&) = default;
};

struct Attachment {
    std::string filename;      // decoded, UTF-8, as the mail names it (never used as a path)
    std::string content_type;  // lower-case "type/subtype"
    std::uint64_t size = 0;    // decoded size in bytes
    std::string sha256;        // hex of the decoded bytes
};

// Reply zones of a message's text (RFC 3676 signatures, "> " quoting, and the
// "On ... wrote:" / Outlook "-----Original Message-----" forms).
struct TextZones {
    std::string own_text;     // what the sender wrote in this message
    std::string quoted_text;  // earlier messages quoted or forwarded below/inside it
    std::string signature;    // the sender's signature block
};

struct ParsedMessage {
    // Message-ID without angle brackets; empty when the header is absent or unusable.
    std::string message_id;
    std::string in_reply_to;              // first id of In-Reply-To, no brackets
    std::vector<std::string> references;  // ids of References, oldest first, no brackets
    std::string subject;                  // decoded, UTF-8, unfolded
    Address from;
    std::vector<Address> to;
    std::vector<Address> cc;
    std::optional<Timestamp> date;  // the Date header, with the sender's offset
    std::string text;               // the whole readable body text, UTF-8
    TextZones zones;
    std::vector<Attachment> attachments;
    // A newsletter, list or automated notice (List-Id, Precedence,
    // Auto-Submitted, a no-reply sender, a newsletter footer in the own
    // text: core::is_bulk_text, or a dated issue mailed to a crowd:
    // core::is_dated_issue): kept, but never classified.
    bool bulk = false;
    // Each problem met while parsing, as a sentence. A message with warnings is
    // still stored and shown; nothing is dropped because of them.
    std::vector<std::string> warnings;
};

}  // namespace casefile::core
