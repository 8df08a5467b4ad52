#include "support/sync_counting_vfs.hpp"

#include <map>
#include <memory>
#include <mutex>

namespace casefile::testing {
namespace {

std::atomic<int> sync_count{0};
sqlite3_vfs* real_vfs = nullptr;

// The real VFS's file sits at the start of ours, so its own methods work on
// it unchanged; after it comes the methods table the real VFS chose, which
// our copy's xSync calls through.
const sqlite3_io_methods*& original_methods(sqlite3_file* file) {
    return *reinterpret_cast<const sqlite3_io_methods**>(reinterpret_cast<char*>(file) +
                                                          real_vfs->szOsFile);
}

int counting_sync(sqlite3_file* file, int flags) {
    ++sync_count;
    return original_methods(file)->xSync(file, flags);
}

// One counting copy per methods table the real VFS uses.
const sqlite3_io_methods* counting_copy_of(const sqlite3_io_methods* original) {
    static std::mutex mutex;
    static std::map<const sqlite3_io_methods*, std::unique_ptr<sqlite3_io_methods>> copies;
    std::lock_guard lock(mutex);
    auto& copy = copies[original];
    if (!copy) {
        copy = std::make_unique<sqlite3_io_methods>(*original);
        copy->xSync = counting_sync;
    }
    return copy.get();
}

int counting_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags,
                  int* out_flags) {
    const int result = real_vfs->xOpen(real_vfs, name, file, flags, out_flags);
    if (file->pMethods != nullptr) {
        original_methods(file) = file->pMethods;
        file->pMethods = counting_copy_of(file->pMethods);
    }
    return result;
}

// Everything else goes straight to the real VFS.
int forward_delete(sqlite3_vfs*, const char* name, int sync_dir) {
    return real_vfs->xDelete(real_vfs, name, sync_dir);
}
int forward_access(sqlite3_vfs*, const char* name, int flags, int* out) {
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
int forward_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return real_vfs->xFullPathname(real_vfs, name, size, out);
}
void* forward_dl_open(sqlite3_vfs*, const char* name) { return real_vfs->xDlOpen(real_vfs, name); }
void forward_dl_error(sqlite3_vfs*, int size, char* out) { real_vfs->xDlError(real_vfs, size, out); }
void (*forward_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return real_vfs->xDlSym(real_vfs, handle, symbol);
}
void forward_dl_close(sqlite3_vfs*, void* handle) { real_vfs->xDlClose(real_vfs, handle); }
int forward_randomness(sqlite3_vfs*, int size, char* out) {
    return real_vfs->xRandomness(real_vfs, size, out);
}
int forward_sleep(sqlite3_vfs*, int microseconds) {
    return real_vfs->xSleep(real_vfs, microseconds);
}
int forward_current_time(sqlite3_vfs*, double* out) {
    return real_vfs->xCurrentTime(real_vfs, out);
}
int forward_last_error(sqlite3_vfs*, int size, char* out) {
    return real_vfs->xGetLastError(real_vfs, size, out);
}
int forward_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

}  // namespace

SyncCountingVfs::SyncCountingVfs() {
    real_ = sqlite3_vfs_find(nullptr);
    real_vfs = real_;
    vfs_.iVersion = 2;
    vfs_.szOsFile = real_->szOsFile + static_cast<int>(sizeof(const sqlite3_io_methods*));
    vfs_.mxPathname = real_->mxPathname;
    vfs_.zName = "casefile-sync-counting";
    vfs_.xOpen = counting_open;
    vfs_.xDelete = forward_delete;
    vfs_.xAccess = forward_access;
    vfs_.xFullPathname = forward_full_pathname;
    vfs_.xDlOpen = forward_dl_open;
    vfs_.xDlError = forward_dl_error;
    vfs_.xDlSym = forward_dl_sym;
    vfs_.xDlClose = forward_dl_close;
    vfs_.xRandomness = forward_randomness;
    vfs_.xSleep = forward_sleep;
    vfs_.xCurrentTime = forward_current_time;
    vfs_.xGetLastError = forward_last_error;
    vfs_.xCurrentTimeInt64 = forward_current_time_int64;
    sqlite3_vfs_register(&vfs_, 1);
    reset();
}

SyncCountingVfs::~SyncCountingVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
}

int SyncCountingVfs::syncs() const { return sync_count.load(); }

void SyncCountingVfs::reset() { sync_count = 0; }

}  // namespace casefile::testing
