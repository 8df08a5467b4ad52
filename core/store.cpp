#include "core/store.hpp"

#include <algorithm>

#include <sqlite3.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "core/store_internal.hpp"
#include "core/store_schema.hpp"

namespace casefile::core {

std::string join_lines(const std::vector<std::string>& items) {
    std::string joined;
    for (const auto& item : items) {
        if (!joined.empty()) joined.push_back('\n');
        joined += item;
    }
    return joined;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) items.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return items;
}

Store::Impl::Impl(const std::string& path_in, const Clock& clock_in)
    : database(path_in, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE), clock(clock_in),
      path(path_in) {}

SQLite::Statement& Store::Impl::cached(const char* sql) {
    std::unique_ptr<SQLite::Statement>& slot = statements[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(database, sql);
    // tryReset: reset() would throw the error of the statement's last run
    // again, so one failed batch (a full disk) would fail every later one.
    slot->tryReset();
    slot->clearBindings();
    return *slot;
}

std::string Store::Impl::now_iso() const { return to_iso8601(Timestamp{clock.now_unix(), 0}); }

int Store::Impl::read_schema_version() {
    // user_version is 0 for a brand-new file; casefile stores its schema
    // version there so it can be read before any table exists.
    SQLite::Statement query(database, "PRAGMA user_version");
    query.executeStep();
    return query.getColumn(0).getInt();
}

void Store::Impl::load_ledger_head() {
    SQLite::Statement query(database,
                            "SELECT sequence, entry_hash FROM ledger ORDER BY sequence DESC LIMIT 1");
    if (query.executeStep()) {
        ledger_sequence = query.getColumn(0).getInt64();
        ledger_head = query.getColumn(1).getString();
    } else {
        ledger_sequence = 0;
        ledger_head = std::string(kLedgerGenesisHash);
    }
}

void Store::Impl::append_ledger(const std::string& kind, std::int64_t subject_id,
                                const std::string& content_hash) {
    LedgerEntry entry;
    entry.sequence = ledger_sequence + 1;
    entry.kind = kind;
    entry.subject_id = subject_id;
    entry.content_hash = content_hash;
    entry.recorded_at = now_iso();
    seal_ledger_entry(entry, ledger_head);
    SQLite::Statement& insert =
        cached("INSERT INTO ledger (sequence, kind, subject_id, content_hash, "
                  "recorded_at, previous_hash, entry_hash) VALUES (?,?,?,?,?,?,?)");
    insert.bind(1, static_cast<int64_t>(entry.sequence));
    insert.bind(2, entry.kind);
    insert.bind(3, static_cast<int64_t>(entry.subject_id));
    insert.bind(4, entry.content_hash);
    insert.bind(5, entry.recorded_at);
    insert.bind(6, entry.previous_hash);
    insert.bind(7, entry.entry_hash);
    insert.exec();
    ledger_sequence = entry.sequence;
    ledger_head = entry.entry_hash;
}

namespace {

// 64 MB of 16 KB pages (see Store::open).
constexpr int kWalCheckpointPages = 4096;

// A consistent copy of the store next to it before its schema changes, so a
// VA can go back to the older casefile with the file it wrote:
// "<path>.schema-<N>.backup", or "...backup.2" and so on when an earlier
// upgrade left one. VACUUM INTO refuses to overwrite an existing file.
std::string back_up_before_migration(Store::Impl& impl, int version) {
    const std::string base = impl.path + ".schema-" + std::to_string(version) + ".backup";
    for (int attempt = 1;; ++attempt) {
        const std::string candidate = attempt == 1 ? base : base + "." + std::to_string(attempt);
        SQLite::Statement vacuum(impl.database, "VACUUM INTO ?");
        vacuum.bind(1, candidate);
        try {
            vacuum.exec();
            return candidate;
        } catch (const SQLite::Exception& error) {
            if (attempt >= 100 || std::string(error.what()).find("exists") == std::string::npos) {
                throw;
            }
        }
    }
}

Result<void> migrate(Store::Impl& impl) {
    const int current = impl.read_schema_version();
    const int latest = latest_schema_version();
    if (current > latest) {
        return fail("the store " + impl.path + " was written by a newer casefile (schema version " +
                    std::to_string(current) + "; this casefile knows up to " +
                    std::to_string(latest) + "); upgrade casefile to open it");
    }
    if (current == 0) {
        // A new store is created whole in one transaction, so a second
        // process opening it at the same moment (the daemon and `casefile
        // status`) sees no schema or all of it, never a version to upgrade.
        SQLite::Transaction transaction(impl.database, SQLite::TransactionBehavior::IMMEDIATE);
        if (impl.read_schema_version() == 0) {
            for (const Migration& step : store_migrations()) {
                impl.database.exec(std::string(step.sql));
                if (step.backfill) step.backfill(impl.database);
            }
            impl.database.exec("PRAGMA user_version = " + std::to_string(latest));
        }
        transaction.commit();
        return ok();
    }
    // An older store: a copy first (an in-memory one has no path), then each
    // step in its own transaction.
    if (current < latest && impl.path != ":memory:") {
        impl.migration.backup_path = back_up_before_migration(impl, current);
        impl.migration.from_version = current;
    }
    for (int version = current; version < latest; ++version) {
        const Migration& step = store_migrations()[static_cast<std::size_t>(version)];
        SQLite::Transaction transaction(impl.database,
                                        SQLite::TransactionBehavior::IMMEDIATE);
        // Another process may have migrated while this one waited for the lock.
        if (impl.read_schema_version() > version) continue;
        impl.database.exec(std::string(step.sql));
        if (step.backfill) step.backfill(impl.database);
        impl.database.exec("PRAGMA user_version = " + std::to_string(version + 1));
        transaction.commit();
    }
    return ok();
}

// SQLite keeps memory statistics casefile never reads, behind a global
// mutex taken on every allocation (~4% of the store thread's samples in an
// initial sync). The setting only takes effect before SQLite's first use,
// so it is made once, before the first store opens.
void configure_sqlite_once() {
    static std::once_flag configured;
    std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Result<Store> Store::open(const std::string& path, const Clock& clock) {
    configure_sqlite_once();
    return guarded(("opening the store " + path).c_str(), [&]() -> Result<Store> {
        auto impl = std::make_unique<Impl>(path, clock);
        impl->database.setBusyTimeout(10000);
        // WAL lets `casefile status` read while the daemon writes; FULL makes
        // every commit durable, which the UID high-water mark relies on.
        // 16 KB pages (only takes effect when the file is new): most raw
        // messages then fit in one or two pages instead of an overflow chain,
        // which made a 44k-message import ~15% faster here.
        impl->database.exec("PRAGMA page_size = 16384");
        // Switching a new file to WAL takes an exclusive lock, and SQLite
        // answers SQLITE_BUSY at once rather than through the busy handler
        // when another process is opening the same new store: try again.
        bool in_wal_mode = false;  // a store in memory keeps its journal there
        for (int attempt = 0;; ++attempt) {
            try {
                in_wal_mode = impl->database.execAndGet("PRAGMA journal_mode = WAL").getString() == "wal";
                break;
            } catch (const SQLite::Exception& error) {
                if (error.getErrorCode() != SQLITE_BUSY || attempt >= 200) throw;
                std::this_thread::sleep_for(std::chrono::milliseconds(10 + attempt % 20));
            }
        }
        impl->database.exec("PRAGMA synchronous = FULL");
        // 16 MB of page cache (SQLite's default is 2 MB): threading a batch
        // and classifying read back recent rows; with the default, a 44k-message
        // import spent most of its time re-reading pages through pread().
        impl->database.exec("PRAGMA cache_size = -16384");
        // Threading's scratch tables and sorts stay in memory (they hold row
        // ids of one batch's threads). On disk they were written out and read
        // back on every batch: ~680 MB of temp-file writes for 15,000 Enron
        // messages, more than the store itself.
        impl->database.exec("PRAGMA temp_store = MEMORY");
        // Checkpoint when the WAL reaches 64 MB rather than SQLite's 16 MB:
        // index pages written by several commits are then copied into the
        // store once. Enron import: wall 5.9 s -> 5.45 s. After a checkpoint
        // the file is cut back, so a quiet daemon does not keep 64 MB aside.
        // The copying runs on a thread of its own (see WalCheckpointer).
        impl->database.exec("PRAGMA wal_autocheckpoint = " + std::to_string(kWalCheckpointPages));
        if (in_wal_mode) {
            impl->checkpointer =
                std::make_unique<WalCheckpointer>(impl->database, path, kWalCheckpointPages);
        }
        impl->database.exec("PRAGMA journal_size_limit = 16777216");
        impl->database.exec("PRAGMA foreign_keys = ON");
        if (auto migrated = migrate(*impl); !migrated) return Unexpected(migrated.error());
        impl->load_ledger_head();
        return Store(std::move(impl));
    });
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::schema_version() const { return impl_->read_schema_version(); }

const SchemaMigration& Store::migration() const { return impl_->migration; }

namespace {

// The same people, whatever order the config lists them in.
bool same_identity(Identity a, Identity b) {
    auto by_name = [](const ClientRecord& x, const ClientRecord& y) { return x.name < y.name; };
    std::sort(a.clients.begin(), a.clients.end(), by_name);
    std::sort(b.clients.begin(), b.clients.end(), by_name);
    auto same_client = [](const ClientRecord& x, const ClientRecord& y) {
        return x.name == y.name && x.addresses == y.addresses && x.domains == y.domains;
    };
    return a.own_addresses == b.own_addresses &&
           std::equal(a.clients.begin(), a.clients.end(), b.clients.begin(), b.clients.end(),
                      same_client);
}

}  // namespace

Result<void> Store::save_identity(const Identity& identity) {
    // Every command saves the config's identity; when it has not changed,
    // writing it again would cost a disk flush on each `casefile sync`.
    if (auto saved = load_identity(); saved && same_identity(*saved, identity)) return ok();
    return guarded("saving the client list", [&]() -> Result<void> {
        SQLite::Transaction transaction(impl_->database,
                                        SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement save_me(impl_->database,
                                  "INSERT INTO meta (key, value) VALUES ('own_addresses', ?) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        save_me.bind(1, join_lines(identity.own_addresses));
        save_me.exec();
        // Clients no longer in the config stay (their mail keeps its history)
        // but are marked inactive, so they no longer attract new mail.
        impl_->database.exec("UPDATE clients SET active = 0");
        SQLite::Statement upsert(impl_->database,
                                 "INSERT INTO clients (name, addresses, domains, active) "
                                 "VALUES (?, ?, ?, 1) ON CONFLICT(name) DO UPDATE SET "
                                 "addresses = excluded.addresses, domains = excluded.domains, "
                                 "active = 1");
        for (const auto& client : identity.clients) {
            upsert.bind(1, client.name);
            upsert.bind(2, join_lines(client.addresses));
            upsert.bind(3, join_lines(client.domains));
            upsert.exec();
            upsert.reset();
        }
        transaction.commit();
        return ok();
    });
}

Result<Identity> Store::load_identity() {
    return guarded("reading the client list", [&]() -> Result<Identity> {
        Identity identity;
        SQLite::Statement me(impl_->database,
                             "SELECT value FROM meta WHERE key = 'own_addresses'");
        if (me.executeStep()) identity.own_addresses = split_lines(me.getColumn(0).getString());
        SQLite::Statement clients(impl_->database,
                                  "SELECT name, addresses, domains FROM clients WHERE active = 1 "
                                  "ORDER BY name");
        while (clients.executeStep()) {
            identity.clients.push_back(ClientRecord{clients.getColumn(0).getString(),
                                                    split_lines(clients.getColumn(1).getString()),
                                                    split_lines(clients.getColumn(2).getString())});
        }
        return identity;
    });
}

Result<void> Store::record_run(const RunRecord& run) {
    return guarded("recording the run", [&]() -> Result<void> {
        SQLite::Statement insert(impl_->database,
                                 "INSERT INTO runs (kind, source, started_at, finished_at, stored, "
                                 "already_present, with_warnings) VALUES (?,?,?,?,?,?,?)");
        insert.bind(1, run.kind);
        insert.bind(2, run.source);
        insert.bind(3, to_iso8601(Timestamp{run.started_unix, 0}));
        insert.bind(4, to_iso8601(Timestamp{run.finished_unix, 0}));
        insert.bind(5, static_cast<int64_t>(run.result.stored));
        insert.bind(6, static_cast<int64_t>(run.result.already_present));
        insert.bind(7, static_cast<int64_t>(run.result.stored_with_warnings));
        insert.exec();
        return ok();
    });
}

}  // namespace casefile::core
