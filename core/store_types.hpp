// Plain values that go into and come out of the Store.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/message.hpp"
#include "core/time_zone.hpp"
#include "core/working_week.hpp"

namespace casefile::core {


struct ClientRecord {
    std::string name;
    std::vector<std::string> addresses;
    std::vector<std::string> domains;
};

// The VA and her clients, as the config last described them.
struct Identity {
    std::vector<std::string> own_addresses;
    std::vector<ClientRecord> clients;
};

struct IncomingMessage {
    std::string raw;  // the exact bytes as received
    ParsedMessage parsed;
    std::string source;                 // "import:<path>" or "imap:<account>/<folder>"
    std::optional<std::string> client;  // from the message's own addresses
    bool from_me = false;
    // Optional: filled by compute_message_keys (core/message_keys.hpp) off the
    // store's thread; the store computes them when empty.
    std::string sha256;
    std::string body_key;
    // Set by IMAP sync: where the message lives on the server.
    std::optional<std::uint32_t> uid;
    // Set when `raw` holds only the headers of a message over the size cap:
    // the size the server reported for the whole message.
    std::optional<std::uint64_t> placeholder_size;
};

struct FolderProgress {
    std::string account;
    std::string folder;
    std::uint32_t uidvalidity = 0;
    std::uint32_t highest_uid = 0;
};

struct BatchResult {
    std::size_t stored = 0;
    std::size_t already_present = 0;
    std::size_t stored_with_warnings = 0;

    BatchResult& operator+=(const BatchResult& other) {
        stored += other.stored;
        already_present += other.already_present;
        stored_with_warnings += other.stored_with_warnings;
        return *this;
    }
};

struct FolderState {
    bool known = false;  // false: never synced
    std::uint32_t uidvalidity = 0;
    std::uint32_t highest_uid = 0;
};

struct Notice {
    std::string kind;  // "uidvalidity_changed", "account_unreachable", "oversized", ...
    std::string account;
    std::string folder;
    std::string text;  // a sentence for the VA
};

struct RunRecord {
    std::string kind;  // "import" | "sync"
    std::string source;
    std::int64_t started_unix = 0;
    std::int64_t finished_unix = 0;
    BatchResult result;
};

struct ClientSummary {
    std::string name;
    std::int64_t messages = 0;
    std::int64_t threads = 0;
    std::optional<std::string> last_message_date;  // ISO 8601
    std::vector<std::string> addresses;
    std::vector<std::string> domains;
};

struct StoreStatus {
    int schema_version = 0;
    std::int64_t messages = 0;
    std::int64_t threads = 0;
    std::int64_t clients = 0;
    std::int64_t unattributed_messages = 0;
    std::int64_t messages_with_warnings = 0;
    std::int64_t raw_bytes = 0;
    std::int64_t ledger_entries = 0;
    std::string ledger_head;
    std::optional<std::string> last_import;  // ISO 8601 UTC of the last finished import
    std::optional<std::string> last_sync;
    std::vector<ClientSummary> per_client;
};

struct ThreadRow {
    std::optional<std::string> message_id;
    std::optional<std::string> parent_id;
    std::string thread_id;
    std::optional<std::string> client;
    std::optional<std::string> date;  // ISO 8601 with the sender's offset
    std::string subject;
    std::string from;
    bool from_me = false;
    std::size_t depth = 0;  // 0 for a root, for indenting
};

struct VerifyProblem {
    std::int64_t sequence = 0;  // ledger entry, 0 when not tied to one
    std::int64_t message_row = 0;
    std::optional<std::string> message_id;
    std::string description;
};

struct VerifyReport {
    std::int64_t entries_checked = 0;
    std::int64_t messages_checked = 0;
    std::string head;
    std::vector<VerifyProblem> problems;
    bool ok() const { return problems.empty(); }
};

// A schema upgrade done when a store was opened.
struct SchemaMigration {
    int from_version = 0;      // 0: the store was new or already current
    std::string backup_path;   // the copy written before upgrading
};

// One day's digest, recorded so it goes out exactly once: written as
// "pending" with its exact bytes before sending, marked "sent" only after the
// server accepted it. A pending record found at start is re-sent as it is,
// with the same Message-ID.
struct DigestRecord {
    std::string day;           // the local day covered, "2026-11-30"
    std::string window_start;  // ISO 8601 UTC, inclusive
    std::string window_end;    // ISO 8601 UTC, exclusive
    std::string message_id;
    std::string ledger_head;
    std::string message;       // the composed mail, byte for byte
    std::string state;         // "pending" | "sent"
    std::string created_at;
    std::optional<std::string> sent_at;
};

// What the digest for one window needs from the store.
struct DigestQuery {
    std::int64_t window_start = 0;  // UTC seconds, inclusive
    std::int64_t window_end = 0;    // UTC seconds, exclusive
    WorkingWeek working_week;
    TimeZone zone;  // the VA's
    // Client mail unanswered for this much working time is "awaiting reply".
    std::int64_t awaiting_after_working_seconds = 4 * 3600;
    // Deadlines due up to this many days after the window are listed.
    int deadline_horizon_days = 7;
};

}  // namespace casefile::core
