// Private to the store's .cpp files: the SQLite handle, the prepared
// statements that ingest reuses, and the ledger head kept in memory.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"
#include "core/ledger.hpp"
#include "core/result.hpp"
#include "core/store.hpp"
#include "core/wal_checkpointer.hpp"

namespace casefile::core {

struct Store::Impl {
    Impl(const std::string& path, const Clock& clock_in);

    SQLite::Database database;
    const Clock& clock;
    std::string path;
    SchemaMigration migration;  // what open() did to an older store

    // Ledger head as of the last commit (reloaded after a rollback).
    std::int64_t ledger_sequence = 0;
    std::string ledger_head = std::string(kLedgerGenesisHash);

    // The statement for `sql`, prepared on first use and kept for the life
    // of the connection, returned reset with its bindings cleared. Ingest
    // and sync run the same statements for every message: preparing them
    // each time was a tenth of a sync's CPU. Keyed by the text's address,
    // so pass string literals only. A SELECT that stopped on a row keeps a
    // read snapshot open (and a checkpoint waiting): reset it after reading.
    SQLite::Statement& cached(const char* sql);
    std::unordered_map<const char*, std::unique_ptr<SQLite::Statement>> statements;

    // The transaction of batches stored with Durability::kInNextCommit and
    // not yet committed (store_ingest.cpp).
    std::optional<SQLite::Transaction> open_batches;
    bool open_batches_on_disk = true;  // begun under synchronous=FULL
    // Checkpoints the WAL off the writing thread (none for a store in memory).
    // Declared after everything that uses the connection: destroyed first.
    std::unique_ptr<WalCheckpointer> checkpointer;
    void begin_batches(Durability durability);
    void commit_batches(Durability durability);

    void load_ledger_head();
    // Appends an entry inside the caller's transaction; updates the in-memory head.
    void append_ledger(const std::string& kind, std::int64_t subject_id,
                       const std::string& content_hash);
    std::string now_iso() const;
    int read_schema_version();
};

// Runs `body` and turns SQLiteCpp's exceptions into an Error that names what
// was being done ("storing a batch: database is locked").
template <typename Body>
auto guarded(const char* doing, Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const std::exception& error) {
        return fail(std::string(doing) + ": " + error.what());
    }
}

// Folder bookkeeping shared by ingest and sync (store_ingest.cpp).
std::int64_t folder_id(Store::Impl& impl, const FolderProgress& progress);
void advance_folder(Store::Impl& impl, std::int64_t folder, const FolderProgress& progress,
                    const std::string& now);
void record_location(Store::Impl& impl, std::int64_t row, std::int64_t folder,
                     std::uint32_t uidvalidity, std::uint32_t uid);

// Runs `sql` when the scope ends, however it ends: the COMMIT that closes
// a read transaction, a setting put back. A failure there is swallowed: the
// scope's own result is decided by then, and for these statements SQLite
// falls back safely (a read transaction ends with the connection).
class ExecOnExit {
public:
    ExecOnExit(SQLite::Database& database, const char* sql) : database_(database), sql_(sql) {}
    ~ExecOnExit() {
        try {
            database_.exec(sql_);
        } catch (const std::exception&) {
        }
    }
    ExecOnExit(const ExecOnExit&) = delete;
    ExecOnExit& operator=(const ExecOnExit&) = delete;

private:
    SQLite::Database& database_;
    const char* sql_;
};

// Threads `rows` (just stored) together with every message they can join:
// those they name, those naming them, same-subject replies within the
// fallback window, and the whole of each thread any of these is in. Memory
// is bounded by the size of those threads, not by the store. Runs inside the
// caller's write transaction (store_threads.cpp).
void thread_rows(Store::Impl& impl, const std::vector<std::int64_t>& rows);

// What messages.normalized_id, messages.base_subject and
// message_references.referenced_id hold, so ingest and the version 2
// backfill agree: the id as threading compares it ('' for none), and the
// base subject, '' when too generic to join messages by.
std::string message_key_id(const std::string& message_id);
std::string message_key_subject(const std::string& subject);

// The SQL condition for the deadline events that set a thread's deadline,
// for a messages row and an events row under the given aliases: the
// client's mail sets it; the VA's own dates are her promises, and only her
// explicit changes ("the deadline is cancelled") count. Classification and
// the digest read a thread's deadline alike (store_classify.cpp).
std::string sets_thread_deadline(std::string_view message, std::string_view event);

// The SQL ORDER BY terms, newest first, under which the first of the events
// sets_thread_deadline() admits is the thread's deadline: the latest
// message's, and within it sets_thread_deadline_before()'s order
// (core/thread_deadline.hpp: the last change, else the nearest date).
std::string thread_deadline_order(std::string_view message, std::string_view event);

// Stores one event and its ledger entry, inside the caller's write
// transaction (store_events.cpp); fails on a malformed event or an unknown
// message row.
Result<void> insert_event(Store::Impl& impl, const NewEvent& event);

// Ok when a client of that name (any case) is in the store; otherwise an
// error naming it and saying where the names are listed.
Result<void> require_client(Store::Impl& impl, const std::string& name);

// Lists are stored one item per line: addresses and ids never hold a newline.
std::string join_lines(const std::vector<std::string>& items);
std::vector<std::string> split_lines(const std::string& text);

}  // namespace casefile::core
