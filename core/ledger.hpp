// The ledger: an append-only SHA-256 hash chain over everything casefile
// records. Each entry's hash covers the previous entry's hash and the entry's
// content hash (for a message, the SHA-256 of its exact raw bytes), so a later
// edit of any stored message or of the chain itself shows up in `verify`, and
// a digest or bundle that quoted an older head proves what existed then.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace casefile::core {

// The hash that stands before the first entry.
inline constexpr std::string_view kLedgerGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct LedgerEntry {
    std::int64_t sequence = 0;  // 1, 2, 3, ... with no gaps
    std::string kind;           // "message", "event", "event_superseded", "notice"
    std::int64_t subject_id = 0;  // the row the entry is about (message or event id)
    std::string content_hash;   // hex SHA-256 of the recorded content
    std::string recorded_at;    // ISO 8601 UTC, when the entry was appended
    std::string previous_hash;  // entry_hash of sequence - 1, or the genesis hash
    std::string entry_hash;     // ledger_entry_hash(*this)
};

// The canonical hash of an entry: SHA-256 over the UTF-8 text
//   "casefile-ledger-v1\n<sequence>\n<kind>\n<subject_id>\n<content_hash>\n
//    <recorded_at>\n<previous_hash>\n"
// Written out here so anyone can recompute it without casefile.
std::string ledger_entry_hash(const LedgerEntry& entry);

// Fills previous_hash and entry_hash of `entry` to follow `previous_hash`.
void seal_ledger_entry(LedgerEntry& entry, std::string_view previous_hash);

}  // namespace casefile::core
