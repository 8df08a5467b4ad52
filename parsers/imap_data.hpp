// Typed views of the untagged data and response codes a read-only sync
// needs besides FETCH (RFC 3501 §7.1-§7.3): capabilities, mailbox lists,
// STATUS, FLAGS, and the codes that EXAMINE returns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "parsers/imap_value.hpp"

namespace casefile::parsers::imap {

// ---- Capabilities (§7.2.1, and the [CAPABILITY ...] code of §7.1) ----

// The capability atoms of an untagged CAPABILITY response or of a status
// response carrying a [CAPABILITY ...] code (Dovecot sends one in the
// greeting and after LOGIN); nothing for any other response.
std::optional<std::vector<std::string>> capabilities(const Response& response);

// Case-insensitive (§7.2.1: capability names are atoms, compared without
// case): has_capability(caps, "literal+").
bool has_capability(const std::vector<std::string>& capabilities, std::string_view name);

// ---- LIST / LSUB (§7.2.2, §7.2.3; RFC 6154 special-use flags) ----

struct ListEntry {
    std::vector<std::string> flags;  // as sent: \HasNoChildren, \Sent, \Noselect
    std::optional<char> delimiter;   // nothing for NIL (a flat namespace)
    // As sent on the wire: modified UTF-7 (decode_mailbox_name for
    // display), except that INBOX in any case is normalised to "INBOX"
    // (§5.1: INBOX is case-insensitive).
    std::string name;

    bool has_flag(std::string_view flag) const;  // case-insensitive
};

// REQUIRES: a LIST or LSUB response. Extended data after the name
// (RFC 5258 CHILDINFO) is ignored.
core::Result<ListEntry> parse_list(const Response& response);

// ---- STATUS (§7.2.4) ----

struct MailboxStatus {
    std::string mailbox;  // as sent (modified UTF-7)
    std::optional<std::uint32_t> messages;
    std::optional<std::uint32_t> recent;
    std::optional<std::uint32_t> uid_next;
    std::optional<std::uint32_t> uid_validity;
    std::optional<std::uint32_t> unseen;
    std::optional<std::uint64_t> highest_modseq;  // RFC 7162
};

core::Result<MailboxStatus> parse_status(const Response& response);

// ---- FLAGS (§7.2.6) ----

// The flags of an untagged FLAGS response; nothing for other responses.
std::optional<std::vector<std::string>> flags(const Response& response);

// ---- Response codes (§7.1) ----

// [UIDVALIDITY n] and [UIDNEXT n] as 32-bit numbers; nothing when the
// response has no such code or its argument is not a 32-bit number.
std::optional<std::uint32_t> uid_validity(const Response& response);
std::optional<std::uint32_t> uid_next(const Response& response);
// [UNSEEN n]: the first unseen message's sequence number.
std::optional<std::uint32_t> first_unseen(const Response& response);
// [HIGHESTMODSEQ n] (RFC 7162 §3.1.2.1).
std::optional<std::uint64_t> highest_modseq(const Response& response);
// [PERMANENTFLAGS (...)]: an empty list after EXAMINE.
std::optional<std::vector<std::string>> permanent_flags(const Response& response);
// True when the response carries the code `name` ([READ-ONLY], [ALERT]).
bool has_code(const Response& response, std::string_view name);

}  // namespace casefile::parsers::imap
