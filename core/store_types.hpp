// Plain values that go into and come out of the Store.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/evidence_source.hpp"
#include "core/ledger.hpp"
#include "core/message.hpp"
#include "core/response_stats.hpp"
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
    std::int64_t row = 0;  // messages.id, for NewEvent::message_row
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

// A deadline or scope event found in one message (by the detection rules).
// `span_start`/`span_end` are byte offsets of `evidence` in the text that
// `evidence_source` names: the message's own text, or its Subject as stored
// (messages.subject, ParsedMessage::subject) when the ask was made there
// only. `due`/`previous_due` are ISO 8601 dates or date-times, or empty.
struct NewEvent {
    std::int64_t message_row = 0;  // messages.id (ThreadRow::row, CaseMessage::row)
    std::string category;          // "deadline_set", "deadline_moved", "scope_added", ...
    std::string evidence;          // the triggering sentence, as written
    std::int64_t span_start = 0;
    std::int64_t span_end = 0;
    std::string evidence_source = std::string(kEvidenceInOwnText);  // core/evidence_source.hpp
    std::string due;
    std::string previous_due;
    std::string rule_id;
    double confidence = 0;
};

struct StoredEvent {
    std::int64_t id = 0;
    NewEvent event;
    std::string message_sha256;              // of the message's raw bytes
    std::optional<std::string> message_id;   // its Message-ID, when it has one
    std::optional<std::string> thread_id;    // where threading puts the message now
    std::optional<std::string> client;
    std::string created_at;                  // ISO 8601 UTC
    std::optional<std::string> superseded_at;
    std::int64_t ledger_sequence = 0;        // the "event" entry; 0 when it has none
};

// What detection knows of one stored message and its thread when the store
// classifies it (Store::classify_pending).
struct ClassifyInput {
    std::int64_t message_row = 0;
    std::string own_text;
    // The Subject as stored (messages.subject): an ask made only there is
    // an event too, its span indexing this text.
    std::string subject;
    std::optional<Timestamp> date;
    bool from_me = false;
    bool bulk = false;
    bool first_in_thread = false;   // no earlier message in its thread
    std::string current_deadline;   // the thread's deadline before this message; "" when none
};

// Detection as a function of one message (daemon/classifier.hpp builds it
// from the rules and the VA's working hours). classify_pending calls it from
// several threads at once: it must not change shared state.
using Classifier = std::function<std::vector<NewEvent>(const ClassifyInput&)>;
// Decides from a message's exact raw bytes whether it is bulk mail (lists,
// newsletters, automated notices); the parser's verdict, for reindexing.
using BulkJudge = std::function<bool(std::string_view raw)>;

// Which events to read; every field narrows, none set means all of them.
struct EventFilter {
    std::optional<std::string> client;  // matched without regard to case
    std::optional<std::string> thread_id;
    std::optional<std::int64_t> message_row;
    bool include_superseded = true;
};

// Which messages an export covers. Dates are Unix seconds, both inclusive;
// a message without a readable Date is only included when neither is set.
struct CaseQuery {
    std::string client;  // matched without regard to case
    std::optional<std::int64_t> from_unix;
    std::optional<std::int64_t> to_unix;
    std::optional<std::string> thread_id;
};

// One exported message: its exact bytes, what was parsed from them, where
// threading put it and the ledger entry that recorded it.
struct CaseMessage {
    std::int64_t row = 0;
    std::string raw;
    std::string sha256;
    ParsedMessage parsed;  // text holds own+quoted+signature; warnings kept
    std::string thread_id;
    std::optional<std::string> parent_message_id;
    std::optional<std::string> client;
    bool from_me = false;
    std::optional<LedgerEntry> ledger;  // nullopt when the store has none for it
};

// Everything an export reads from the store, in thread order (threads by
// first date, messages by date within a thread).
struct CaseRecord {
    ClientRecord client;
    std::vector<std::string> own_addresses;
    std::vector<CaseMessage> messages;
    LedgerEntry head;  // the store's last ledger entry (sequence 0: empty ledger)
};

// One client's threads as response statistics read them
// (core/response_stats.hpp): each dated message's time and whether the VA
// wrote it.
struct ClientTimelines {
    std::string client;
    std::vector<ThreadTimeline> threads;
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
