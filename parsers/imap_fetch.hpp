// A typed view of an untagged FETCH response (RFC 3501 §7.4.2), the one the
// sync loop reads for every message it stores.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "parsers/imap_value.hpp"

namespace casefile::parsers::imap {

// One BODY[section]<origin>, BINARY[section] (RFC 3516) or RFC822 item.
// A request for BODY.PEEK[...] is answered as BODY[...] (§6.4.5).
struct FetchBody {
    std::string name;     // upper-cased: BODY or BINARY
    std::string section;  // as sent: "" for BODY[], "HEADER", "1.2.MIME"
    std::optional<std::uint64_t> origin;  // <n> of a partial fetch
    // The bytes exactly as the server sent them; nothing for NIL.
    std::optional<std::string> bytes;
    // The literal went to the reader's literal sink; bytes is then empty.
    bool streamed = false;
    std::uint64_t streamed_size = 0;
};

struct FetchItem {
    std::uint32_t sequence = 0;  // the message sequence number
    std::optional<std::uint32_t> uid;
    std::optional<std::uint64_t> rfc822_size;
    std::optional<std::string> internal_date;  // "17-Jul-1996 02:44:25 -0700"
    std::optional<std::vector<std::string>> flags;
    std::optional<std::uint64_t> modseq;  // RFC 7162 MODSEQ (n)
    std::vector<FetchBody> bodies;
    // Items without a typed field (ENVELOPE, BODYSTRUCTURE, X-GM-LABELS...),
    // name upper-cased, value untouched.
    std::vector<std::pair<std::string, Value>> other_items;

    // The body for `section` of BODY (case-insensitive; "" is BODY[]), or
    // null. RFC822, RFC822.HEADER and RFC822.TEXT are stored as BODY[],
    // BODY[HEADER] and BODY[TEXT], which they are equivalent to (§6.4.5).
    const FetchBody* body(std::string_view section = "") const;
};

// REQUIRES: response.name == "FETCH" (else an error is returned).
// Takes the response by value so that literal bytes are moved, not copied:
// call as parse_fetch(std::move(response)).
// Fails when the data is not an item list, a UID or size is not a number of
// the right range, or a body is neither a string nor NIL.
core::Result<FetchItem> parse_fetch(Response response);

}  // namespace casefile::parsers::imap
