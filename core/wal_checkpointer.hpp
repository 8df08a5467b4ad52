// Copies the store's write-ahead log into the database file on a thread of
// its own, so the thread that writes never stops to do it.
//
// SQLite's automatic checkpoint runs inside the COMMIT that pushes the WAL
// past its limit: during an initial sync the storing thread - the one the
// sync waits for - spent a tenth of its time copying 64 MB of pages out of
// the WAL. In WAL mode a checkpoint may run on another connection while the
// writer goes on appending (it copies only frames already committed), so a
// second connection on a background thread does it instead.
#pragma once

#include <SQLiteCpp/Database.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace casefile::core {

class WalCheckpointer {
  public:
    // Takes over `writer`'s automatic checkpoints (REQUIRES: `writer` is in
    // WAL mode and outlives this object): once a commit leaves at least
    // `threshold_pages` in the WAL, a background thread checkpoints it
    // (PASSIVE: never waits for readers or the writer) on its own connection
    // to `path`. The thread starts, and opens that connection, at once; it
    // sleeps until a checkpoint is wanted.
    WalCheckpointer(SQLite::Database& writer, std::string path, int threshold_pages);
    // Stops the thread (a checkpoint under way is interrupted: it is simply
    // taken up again by the next one) and gives `writer` back SQLite's own
    // automatic checkpoints at the same threshold.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Checkpoints on `writer`, on the calling thread, once any background
    // checkpoint has finished - so that, unlike a PASSIVE checkpoint that
    // found the other one busy, it has really flushed the WAL when it
    // returns. REQUIRES: `writer` holds no transaction open.
    void checkpoint_now();

    // Puts every commit in the WAL on disk (one flush of the WAL file, as
    // a commit under synchronous=FULL does) and asks the background thread
    // to copy them into the file: what a commit made under
    // synchronous=NORMAL needs to be durable, without copying the WAL on
    // the calling thread. REQUIRES: `writer` holds no transaction open.
    void flush_wal();

    // How many background checkpoints ran, and the last one's error ("" if
    // none): for tests.
    int background_checkpoints() const;
    std::string last_error() const;

  private:
    static int on_commit(void* self, struct sqlite3* database, const char* name, int wal_pages);
    void request();
    void run();
    void open_connection();

    SQLite::Database& writer_;
    const std::string path_;
    const int threshold_pages_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool requested_ = false;
    bool stopping_ = false;
    int checkpoints_ = 0;
    std::string last_error_;
    std::unique_ptr<SQLite::Database> own_connection_;  // the thread's; made by it
    std::mutex checkpointing_;  // held while either connection checkpoints, or the thread's opens
    std::thread thread_;
};

}  // namespace casefile::core
