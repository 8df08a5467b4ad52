// Counts the disk flushes (xSync) SQLite asks for, for tests of when the
// store waits for the disk. While an instance lives, its VFS is SQLite's
// default: connections opened meanwhile go through it (the real default VFS
// underneath does the work).
#pragma once

#include <sqlite3.h>

#include <atomic>

namespace casefile::testing {

class SyncCountingVfs {
public:
    SyncCountingVfs();
    ~SyncCountingVfs();  // the real VFS is the default again
    SyncCountingVfs(const SyncCountingVfs&) = delete;
    SyncCountingVfs& operator=(const SyncCountingVfs&) = delete;

    // Flushes since construction or the last reset, over every file.
    int syncs() const;
    void reset();

private:
    sqlite3_vfs vfs_{};
    sqlite3_vfs* real_ = nullptr;
};

}  // namespace casefile::testing
