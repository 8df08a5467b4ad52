#include "core/wal_checkpointer.hpp"

#include <sqlite3.h>

#include <exception>

namespace casefile::core {

WalCheckpointer::WalCheckpointer(SQLite::Database& writer, std::string path, int threshold_pages)
    : writer_(writer), path_(std::move(path)), threshold_pages_(threshold_pages) {
    // Replaces the hook SQLite's own automatic checkpoint installs.
    sqlite3_wal_hook(writer_.getHandle(), &WalCheckpointer::on_commit, this);
    thread_ = std::thread(&WalCheckpointer::run, this);
}

WalCheckpointer::~WalCheckpointer() {
    sqlite3_wal_autocheckpoint(writer_.getHandle(), threshold_pages_);
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        if (own_connection_) sqlite3_interrupt(own_connection_->getHandle());
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

int WalCheckpointer::on_commit(void* self, sqlite3*, const char*, int wal_pages) {
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    if (wal_pages >= checkpointer->threshold_pages_) checkpointer->request();
    return SQLITE_OK;
}

void WalCheckpointer::request() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_) return;
        requested_ = true;
    }
    wake_.notify_one();
}

void WalCheckpointer::open_connection() {
    // REQUIRES: checkpointing_ held. The connection's first statement reads
    // the schema, and while it does its read snapshot stops a PASSIVE
    // checkpoint on the writer from copying the frames after it:
    // checkpoint_now() would return with the WAL not copied.
    if (own_connection_) return;
    auto connection = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READWRITE);
    // A checkpoint syncs the WAL before copying it and the file after, as
    // the writer's own FULL checkpoints did.
    connection->exec("PRAGMA synchronous = FULL");
    std::lock_guard guard(mutex_);
    own_connection_ = std::move(connection);
}

void WalCheckpointer::run() {
    // Opened at once, not on the first checkpoint: glibc gives a thread its
    // malloc arena on its first allocation, taking a free one if there is
    // one. Taken mid-sync, that was the arena a fetch worker had just left,
    // still holding a batch's worth of freed pages (peak RSS +14 MB).
    try {
        std::lock_guard checkpointing(checkpointing_);
        open_connection();
    } catch (const std::exception&) {
        // Tried again on the first checkpoint.
    }
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [&] { return requested_ || stopping_; });
        if (stopping_) break;
        requested_ = false;
        lock.unlock();
        std::string error;
        try {
            std::lock_guard checkpointing(checkpointing_);
            open_connection();
            own_connection_->exec("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (const std::exception& failure) {
            // Harmless: the next checkpoint, or closing the store, copies
            // what this one left.
            error = failure.what();
        }
        lock.lock();
        ++checkpoints_;
        last_error_ = error;
    }
    own_connection_.reset();
}

void WalCheckpointer::checkpoint_now() {
    std::lock_guard checkpointing(checkpointing_);
    writer_.exec("PRAGMA wal_checkpoint(PASSIVE)");
}

void WalCheckpointer::flush_wal() {
    sqlite3_file* wal = nullptr;
    const int found =
        sqlite3_file_control(writer_.getHandle(), "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal);
    if (found != SQLITE_OK || wal == nullptr || wal->pMethods == nullptr) {
        // No WAL file open (nothing written through this connection yet):
        // a checkpoint is the one way left to be sure.
        checkpoint_now();
        return;
    }
    const int synced = wal->pMethods->xSync(wal, SQLITE_SYNC_NORMAL);
    if (synced != SQLITE_OK) {
        throw SQLite::Exception("flushing the write-ahead log to disk", synced);
    }
    request();
}

int WalCheckpointer::background_checkpoints() const {
    std::lock_guard lock(mutex_);
    return checkpoints_;
}

std::string WalCheckpointer::last_error() const {
    std::lock_guard lock(mutex_);
    return last_error_;
}

}  // namespace casefile::core
