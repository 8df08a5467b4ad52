#include "core/wal_checkpointer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "support/sync_counting_vfs.hpp"
#include "support/temp_dir.hpp"

namespace casefile::core {
namespace {

// A WAL-mode database with one table of 4 KB blobs, written in commits of
// `rows` rows each.
class WalCheckpointerTest : public ::testing::Test {
  protected:
    WalCheckpointerTest()
        : database_(directory_.file("store.db"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
        database_.exec("PRAGMA journal_mode = WAL");
        database_.exec("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB)");
        database_.exec("PRAGMA wal_checkpoint(TRUNCATE)");  // the table is in the file
    }

    void write(int rows) {
        SQLite::Transaction transaction(database_);
        SQLite::Statement insert(database_, "INSERT INTO blobs (body) VALUES (zeroblob(4096))");
        for (int row = 0; row < rows; ++row) {
            insert.exec();
            insert.reset();
        }
        transaction.commit();
    }

    // Rows the database file holds on its own, without the WAL beside it:
    // what a checkpoint has copied. Read from a copy, so that the original's
    // WAL is not replayed into it.
    int rows_in_file_alone() {
        const std::filesystem::path copy = directory_.path() / "copy";
        std::filesystem::create_directories(copy);
        std::filesystem::copy_file(directory_.file("store.db"), copy / "store.db",
                                   std::filesystem::copy_options::overwrite_existing);
        SQLite::Database reader((copy / "store.db").string(), SQLite::OPEN_READWRITE);
        return reader.execAndGet("SELECT count(*) FROM blobs").getInt();
    }

    static bool eventually(const std::function<bool()>& condition) {
        for (int attempt = 0; attempt < 500; ++attempt) {
            if (condition()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return condition();
    }

    testing::TempDir directory_;
    SQLite::Database database_;
};

TEST_F(WalCheckpointerTest, NoCheckpointWhileTheWalStaysBelowTheThreshold) {
    WalCheckpointer checkpointer(database_, directory_.file("store.db"), 1000);
    write(20);
    write(20);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(checkpointer.background_checkpoints(), 0);
    EXPECT_EQ(rows_in_file_alone(), 0) << "SQLite's own automatic checkpoint must be off";
}

TEST_F(WalCheckpointerTest, ACommitPastTheThresholdIsCopiedIntoTheFileInTheBackground) {
    WalCheckpointer checkpointer(database_, directory_.file("store.db"), 50);
    write(100);  // ~100 pages of blobs: past the threshold
    ASSERT_TRUE(eventually([&] { return checkpointer.background_checkpoints() > 0; }));
    EXPECT_EQ(checkpointer.last_error(), "");
    EXPECT_EQ(rows_in_file_alone(), 100);
    // The writer goes on, and later commits are copied too.
    write(100);
    ASSERT_TRUE(eventually([&] { return checkpointer.background_checkpoints() > 1; }));
    EXPECT_EQ(rows_in_file_alone(), 200);
    EXPECT_EQ(database_.execAndGet("SELECT count(*) FROM blobs").getInt(), 200);
}

TEST_F(WalCheckpointerTest, CheckpointNowHasCopiedEverythingCommittedWhenItReturns) {
    WalCheckpointer checkpointer(database_, directory_.file("store.db"), 1000000);
    write(30);
    write(30);
    checkpointer.checkpoint_now();
    EXPECT_EQ(rows_in_file_alone(), 60);
}

TEST(WalCheckpointerFlushTest, FlushWalPutsNormalCommitsOnDiskAndHasThemCopiedInTheBackground) {
    testing::SyncCountingVfs disk;  // counts the flushes of files opened from now on
    testing::TempDir directory;
    const std::string path = directory.file("store.db");
    SQLite::Database database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    database.exec("PRAGMA journal_mode = WAL");
    database.exec("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body BLOB)");
    WalCheckpointer checkpointer(database, path, 1000000);
    database.exec("PRAGMA synchronous = NORMAL");
    disk.reset();
    for (int commit = 0; commit < 2; ++commit) {
        SQLite::Transaction transaction(database);
        database.exec(
            "INSERT INTO blobs (body) SELECT zeroblob(4096) FROM "
            "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) "
            "SELECT i FROM n)");
        transaction.commit();
    }
    EXPECT_EQ(disk.syncs(), 0) << "commits under NORMAL wait for no disk";
    checkpointer.flush_wal();
    EXPECT_GT(disk.syncs(), 0);
    for (int attempt = 0; attempt < 500 && checkpointer.background_checkpoints() == 0; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_GT(checkpointer.background_checkpoints(), 0);
    EXPECT_EQ(checkpointer.last_error(), "");
    // The file alone, without the WAL beside it, holds every row.
    const std::filesystem::path copy = directory.path() / "copy.db";
    std::filesystem::copy_file(path, copy);
    SQLite::Database reader(copy.string(), SQLite::OPEN_READWRITE);
    EXPECT_EQ(reader.execAndGet("SELECT count(*) FROM blobs").getInt(), 60);
}

TEST_F(WalCheckpointerTest, WritingWhileTheBackgroundCheckpointsLosesNothing) {
    {
        WalCheckpointer checkpointer(database_, directory_.file("store.db"), 20);
        for (int commit = 0; commit < 40; ++commit) write(25);
        checkpointer.checkpoint_now();
        EXPECT_EQ(rows_in_file_alone(), 1000);
        EXPECT_EQ(checkpointer.last_error(), "");
    }  // stops its thread, and SQLite checkpoints by itself again
    EXPECT_EQ(database_.execAndGet("PRAGMA wal_autocheckpoint").getInt(), 20);
    EXPECT_EQ(database_.execAndGet("PRAGMA integrity_check").getString(), "ok");
    EXPECT_EQ(database_.execAndGet("SELECT count(*) FROM blobs").getInt(), 1000);
}

TEST_F(WalCheckpointerTest, StoppingDoesNotWaitForMoreWork) {
    auto checkpointer =
        std::make_unique<WalCheckpointer>(database_, directory_.file("store.db"), 10);
    write(200);
    const auto started = std::chrono::steady_clock::now();
    checkpointer.reset();
    // Generous: the bound is only that it does not hang.
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
    EXPECT_EQ(database_.execAndGet("SELECT count(*) FROM blobs").getInt(), 200);
}

}  // namespace
}  // namespace casefile::core
