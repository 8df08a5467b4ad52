// The store: one SQLite database holding every raw message exactly as
// received, what was parsed from it, threads, clients, events and the ledger.
// This is the only place that talks to SQLite; SQLiteCpp exceptions are caught
// here and come back as Error values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/digest.hpp"
#include "core/message.hpp"
#include "core/result.hpp"
#include "core/store_types.hpp"

namespace casefile::core {

class DetectionMemo;

// When a commit returns relative to the disk having it.
enum class Durability {
    // On disk before the commit returns (synchronous=FULL).
    kOnDisk,
    // May still be in the OS's cache when the commit returns: a crash of
    // casefile loses nothing, but a power cut can take the transaction back
    // whole, until the next kOnDisk commit (the WAL is flushed in order, so
    // that one puts every earlier commit on disk too). For a batch another
    // batch of the same run follows: its mail is still on the server (or in
    // the files being imported), and its high-water mark goes back with it.
    kWithNextCommit,
    // Not committed yet: the transaction stays open and the next
    // ingest_batch adds its batch to it, until a call with one of the two
    // modes above (or commit_open_batches) commits them all. Each commit
    // writes every index page its inserts touched, and the random keys
    // (SHA-256, Message-ID, thread id) touch most of them; four batches in
    // one commit write those pages once instead of four times. What a crash
    // takes back is still whole batches with their high-water marks. The
    // store takes no other write while the transaction is open.
    kInNextCommit,
};

// How many batches a long sync or import stores per transaction with
// kInNextCommit: 2,000 messages at the default batch size. The memory this
// holds is SQLite's page cache, bounded by its size, not the batches: each
// is freed once stored. Measured on 20,000 Enron messages: a fifth less
// written than with one commit per batch.
constexpr std::size_t kBatchesPerTransaction = 4;

class Store {
public:
    // Opens (creating when absent) the store at `path`, in WAL mode, and
    // migrates its schema forward: each step in its own transaction, after a
    // consistent copy of the older store is written next to it
    // ("<path>.schema-<N>.backup"; see migration()). A store written by a
    // newer casefile is refused and left untouched. `clock` stamps ledger
    // entries and must outlive the store.
    static Result<Store> open(const std::string& path, const Clock& clock);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    int schema_version() const;
    // What open() did to an older store (from_version 0: nothing), so the
    // caller can tell the VA where the backup is.
    const SchemaMigration& migration() const;

    // Records who the VA is and who her clients are (from the config), so
    // later runs without a config still attribute mail the same way.
    Result<void> save_identity(const Identity& identity);
    Result<Identity> load_identity();

    // Stores a batch in one transaction: each message's raw bytes, its SHA-256,
    // the parsed fields, attachments and a ledger entry. A message already
    // present (same SHA-256, or same Message-ID with the same body bytes) is
    // counted and skipped. When `progress` is given, the folder's high-water
    // mark advances in the same transaction (synchronous=FULL), so a crash
    // never leaves a UID recorded without its message or the reverse.
    // With `memo`, each message it stores is bound to its row there, so that
    // classification may take the memo's events without reading the text
    // back (the row's text is the one the memo's events were worked out on).
    // `durability` kWithNextCommit spares the disk flush of a batch that
    // another follows: 40 of the 57 flushes of an initial sync of 20,000
    // Enron messages. The bytes still reach the disk at the next checkpoint;
    // what is saved is each flush's own wait (a few ms on an SSD, tens on a
    // laptop's spinning disk).
    Result<BatchResult> ingest_batch(const std::vector<IncomingMessage>& batch,
                                     const std::optional<FolderProgress>& progress = std::nullopt,
                                     DetectionMemo* memo = nullptr,
                                     Durability durability = Durability::kOnDisk);
    // Commits, on disk, the batches ingest_batch left open
    // (Durability::kInNextCommit); does nothing when none are.
    Result<void> commit_open_batches();

    // --- IMAP sync bookkeeping (store_sync.cpp) ---

    Result<FolderState> folder_state(const std::string& account, const std::string& folder);
    // The stored message with this Message-ID and exact size, if any: how a
    // sync re-matches what it already has after a UIDVALIDITY change.
    Result<std::optional<std::int64_t>> find_message(const std::string& message_id,
                                                     std::uint64_t size);
    // False for a new store: a first sync has nothing to re-match.
    Result<bool> holds_messages();
    // Records UIDs whose messages are already stored (re-matched) and
    // advances the folder's mark, in one transaction.
    Result<void> record_known(const FolderProgress& progress,
                              const std::vector<std::pair<std::uint32_t, std::int64_t>>& uid_rows);
    // Something the VA must see (a UIDVALIDITY change, an unreachable
    // account); appended to the ledger too.
    Result<void> add_notice(const Notice& notice);
    Result<std::vector<Notice>> notices_since(const std::string& iso_time);

    // Threads every stored message again (JWZ) and attributes threads to
    // clients. ingest_batch already threads each batch with its neighbours;
    // this whole-store pass is for reindexing, and costs memory in
    // proportion to the store.
    Result<void> rethread();

    // Remembers an import or sync run for `status`.
    Result<void> record_run(const RunRecord& run);

    Result<StoreStatus> status();
    Result<std::vector<ClientSummary>> clients();
    // Every stored message in thread order; only one client's when given.
    Result<std::vector<ThreadRow>> threads(const std::optional<std::string>& client);

    // --- Response statistics (store_stats.cpp) ---

    // Per client (by name), each thread holding the client's own dated mail:
    // that mail and every dated message of the VA in the thread, whatever
    // client her message is attributed to. Only `client`'s when given
    // (matched without regard to case; fails when no client has that name).
    // Client mail marked bulk (a client's own newsletter) is left out: it
    // asks for no reply. Clients without dated mail are not listed.
    Result<std::vector<ClientTimelines>> client_timelines(const std::optional<std::string>& client);

    // --- Events (store_events.cpp) ---

    // Stores the events in one transaction, each with a ledger entry of kind
    // "event" whose content hash is event_content_hash() (core/event_hash.hpp).
    // Fails, storing none, when an event names a message that is not stored.
    // Runs `classify` over every message the rules have not read yet, oldest
    // first (500 per transaction), storing each event with its ledger entry;
    // a thread's current deadline as each message sees it includes the
    // events stored for earlier messages in the same pass. With a `memo`,
    // detection worked out during the sync is taken where its input matches
    // (core/detection_memo.hpp), and the memo is emptied afterwards. Returns
    // how many events were stored.
    Result<std::size_t> classify_pending(const Classifier& classify,
                                         DetectionMemo* memo = nullptr);
    // For reindexing: marks every live event superseded (it stays, and the
    // ledger gets an "event_superseded" entry for it) and every message
    // unclassified. Returns how many events were superseded.
    Result<std::size_t> supersede_events();
    // For reindexing: asks `is_bulk` again about every stored message's raw
    // bytes (placeholders keep their flag) and updates the bulk flag where
    // the answer changed, so a store made before a bulk rule changed reads
    // as a new one would. Returns how many flags changed.
    Result<std::size_t> refresh_bulk_flags(const BulkJudge& is_bulk);

    Result<void> add_events(const std::vector<NewEvent>& events);
    // The matching events, by message date, then id.
    Result<std::vector<StoredEvent>> events(const EventFilter& filter);

    // --- Export (store_case.cpp) ---

    // The messages an export covers, with their raw bytes and ledger
    // entries, read in one transaction. Fails when no client has that name.
    Result<CaseRecord> case_record(const CaseQuery& query);
    // The ledger entries with these sequence numbers, in sequence order.
    Result<std::vector<LedgerEntry>> ledger_entries(const std::vector<std::int64_t>& sequences);

    // Recomputes the whole ledger chain and every message's hash from its raw
    // bytes. Problems come back in the report, not as an Error; an Error means
    // the store could not be read at all.
    // The daily digest's content for one window (DigestQuery says which);
    // DigestData::day_label is left to the caller. Read in one snapshot.
    Result<DigestData> digest_data(const DigestQuery& query);
    // The record of the digest for a local day ("2026-11-30"), if any.
    Result<std::optional<DigestRecord>> digest_record(const std::string& day);
    // Records a composed digest: "pending" before it is sent, or "skipped"
    // (a quiet day with send_empty off). False when a record for that day
    // exists already (then nothing changes).
    Result<bool> save_digest(const DigestRecord& record);
    // After the server accepted it.
    Result<void> mark_digest_sent(const std::string& day);

    Result<VerifyReport> verify();

    struct Impl;

private:
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Commits the batches a sync or an import left open (Store::
// commit_open_batches) when the scope ends, however it ends: what was
// stored is whole and good, so a failure later on keeps it rather than
// taking it back. A commit that fails is handed to `on_failure`, if given.
class CommitOpenBatchesOnExit {
public:
    explicit CommitOpenBatchesOnExit(Store& store,
                                     std::function<void(const Error&)> on_failure = {})
        : store_(store), on_failure_(std::move(on_failure)) {}
    ~CommitOpenBatchesOnExit() {
        auto committed = store_.commit_open_batches();
        if (!committed && on_failure_) on_failure_(committed.error());
    }
    CommitOpenBatchesOnExit(const CommitOpenBatchesOnExit&) = delete;
    CommitOpenBatchesOnExit& operator=(const CommitOpenBatchesOnExit&) = delete;

private:
    Store& store_;
    std::function<void(const Error&)> on_failure_;
};

}  // namespace casefile::core
