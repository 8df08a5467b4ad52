// Opening a store written by an older casefile: it is copied aside, then
// migrated forward in place, and everything derived is filled in for the
// mail it already held.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <mutex>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/sha256.hpp"
#include "core/store.hpp"
#include "core/store_schema.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::core {
namespace {

IncomingMessage message(const std::string& message_id, const std::string& subject,
                        const std::string& in_reply_to, std::int64_t date_unix) {
    IncomingMessage incoming;
    incoming.raw = "From: bob@acme.example\r\nSubject: " + subject + "\r\nMessage-ID: <" +
                   message_id + ">\r\n" +
                   (in_reply_to.empty() ? "" : "In-Reply-To: <" + in_reply_to + ">\r\n") +
                   "\r\nbody of " + message_id + "\r\n";
    incoming.parsed.message_id = message_id;
    incoming.parsed.in_reply_to = in_reply_to;
    incoming.parsed.subject = subject;
    incoming.parsed.from = Address{"Bob Hartley", "bob@acme.example"};
    incoming.parsed.date = Timestamp{date_unix, -360};
    incoming.source = "test";
    return incoming;
}

int user_version(const std::string& path) {
    SQLite::Database database(path, SQLite::OPEN_READONLY);
    return database.execAndGet("PRAGMA user_version").getInt();
}

// Turns a current store back into what schema version 4 wrote: events
// without the name of the text their span indexes.
void downgrade_to_version_4(const std::string& path) {
    SQLite::Database database(path, SQLite::OPEN_READWRITE);
    database.exec(R"sql(
        ALTER TABLE events DROP COLUMN evidence_source;
        PRAGMA user_version = 4;
    )sql");
}

// Turns a current store back into what schema version 3 wrote: the text in
// the messages rows, a `classified` flag instead of the queue.
void downgrade_to_version_3(const std::string& path) {
    downgrade_to_version_4(path);
    SQLite::Database database(path, SQLite::OPEN_READWRITE);
    database.exec(R"sql(
        ALTER TABLE messages ADD COLUMN own_text TEXT NOT NULL DEFAULT '';
        ALTER TABLE messages ADD COLUMN quoted_text TEXT NOT NULL DEFAULT '';
        ALTER TABLE messages ADD COLUMN signature TEXT NOT NULL DEFAULT '';
        ALTER TABLE messages ADD COLUMN classified INTEGER NOT NULL DEFAULT 1;
        UPDATE messages SET
            own_text = (SELECT own_text FROM message_text WHERE message_row = messages.id),
            quoted_text = (SELECT quoted_text FROM message_text WHERE message_row = messages.id),
            signature = (SELECT signature FROM message_text WHERE message_row = messages.id),
            classified = NOT EXISTS (SELECT 1 FROM classify_queue WHERE message_row = messages.id);
        CREATE INDEX messages_to_classify ON messages(date_unix, id) WHERE classified = 0;
        CREATE INDEX messages_by_message_id ON messages(message_id);
        DROP TABLE message_text;
        DROP TABLE classify_queue;
        PRAGMA user_version = 3;
    )sql");
}

// Turns a current store back into what schema version 1 wrote: what versions
// 2 to 4 added did not exist.
void downgrade_to_version_1(const std::string& path) {
    downgrade_to_version_3(path);
    SQLite::Database database(path, SQLite::OPEN_READWRITE);
    database.exec(R"sql(
        DROP TABLE digests;
        DROP INDEX messages_by_stored_at;
        DROP INDEX events_by_thread;
        DROP INDEX messages_to_classify;
        ALTER TABLE messages DROP COLUMN bulk;
        ALTER TABLE messages DROP COLUMN classified;
        DROP INDEX messages_by_normalized_id;
        DROP INDEX messages_by_base_subject;
        DROP TABLE message_references;
        ALTER TABLE messages DROP COLUMN normalized_id;
        ALTER TABLE messages DROP COLUMN base_subject;
        PRAGMA user_version = 1;
    )sql");
}

class StoreMigrationTest : public ::testing::Test {
protected:
    std::string path() const { return directory_.file("casefile.db"); }

    testing::TempDir directory_;
    FixedClock clock_{1764633600};
};

TEST_F(StoreMigrationTest, AVersion1StoreIsBackedUpThenMigratedAndKeepsThreading) {
    {
        auto store = Store::open(path(), clock_);
        ASSERT_OK(store);
        EXPECT_EQ(store->migration().from_version, 0) << "a new store needs no upgrade";
        ASSERT_OK(store->ingest_batch({message("q4@acme.example", "Q4 vendor report", "",
                                               1764602040)}));
    }
    downgrade_to_version_1(path());

    auto store = Store::open(path(), clock_);
    ASSERT_OK(store);
    EXPECT_EQ(store->schema_version(), latest_schema_version());
    EXPECT_EQ(store->migration().from_version, 1);
    const std::string backup = path() + ".schema-1.backup";
    EXPECT_EQ(store->migration().backup_path, backup);
    ASSERT_TRUE(std::filesystem::exists(backup));
    EXPECT_EQ(user_version(backup), 1) << "the backup is the store as it was";

    // The message stored under version 1 is found by a reply that arrives
    // after the upgrade: the backfill filled its threading keys.
    ASSERT_OK(store->ingest_batch(
        {message("re-q4@acme.example", "Re: Q4 vendor report", "q4@acme.example", 1764605640)}));
    auto rows = store->threads(std::nullopt);
    ASSERT_OK(rows);
    ASSERT_EQ(rows->size(), 2u);
    EXPECT_EQ((*rows)[0].thread_id, (*rows)[1].thread_id);
    EXPECT_EQ((*rows)[1].parent_id, std::optional<std::string>("q4@acme.example"));
    auto verified = store->verify();
    ASSERT_OK(verified);
    EXPECT_TRUE(verified->ok());
}

TEST_F(StoreMigrationTest, Version3TextAndUnclassifiedMailMoveToTheirOwnTables) {
    {
        auto store = Store::open(path(), clock_);
        ASSERT_OK(store);
        IncomingMessage read = message("read@acme.example", "Invoice", "", 1764602040);
        read.parsed.zones.own_text = "Please send the invoice by Friday.";
        read.parsed.zones.quoted_text = "> earlier";
        IncomingMessage unread = message("unread@acme.example", "Report", "", 1764605640);
        unread.parsed.zones.own_text = "Could you also add the Q3 numbers?";
        ASSERT_OK(store->ingest_batch({read, unread}));
    }
    downgrade_to_version_3(path());
    {
        SQLite::Database database(path(), SQLite::OPEN_READWRITE);
        database.exec("UPDATE messages SET classified = 1 WHERE message_id = 'read@acme.example'");
    }

    auto store = Store::open(path(), clock_);
    ASSERT_OK(store);
    EXPECT_EQ(store->migration().from_version, 3);
    SQLite::Database database(path(), SQLite::OPEN_READONLY);
    SQLite::Statement text(database,
                           "SELECT m.message_id, x.own_text, x.quoted_text FROM messages m "
                           "JOIN message_text x ON x.message_row = m.id ORDER BY m.id");
    ASSERT_TRUE(text.executeStep());
    EXPECT_EQ(text.getColumn(1).getString(), "Please send the invoice by Friday.");
    EXPECT_EQ(text.getColumn(2).getString(), "> earlier");
    ASSERT_TRUE(text.executeStep());
    EXPECT_EQ(text.getColumn(1).getString(), "Could you also add the Q3 numbers?");
    SQLite::Statement queue(database,
                            "SELECT m.message_id, q.sort_date FROM classify_queue q "
                            "JOIN messages m ON m.id = q.message_row");
    ASSERT_TRUE(queue.executeStep());
    EXPECT_EQ(queue.getColumn(0).getString(), "unread@acme.example");
    EXPECT_EQ(queue.getColumn(1).getInt64(), 1764605640);
    EXPECT_FALSE(queue.executeStep()) << "the classified message is not queued again";
    EXPECT_FALSE(database.execAndGet("SELECT COUNT(*) FROM pragma_table_info('messages') "
                                     "WHERE name IN ('own_text', 'classified')")
                     .getInt());
}

TEST_F(StoreMigrationTest, Version4EventsBecomeOwnTextEventsAndStillVerify) {
    std::string sha256;
    {
        auto store = Store::open(path(), clock_);
        ASSERT_OK(store);
        IncomingMessage asked = message("q4@acme.example", "Q4 vendor report", "", 1764602040);
        asked.parsed.zones.own_text = "Please send the Q4 vendor report by Friday.";
        ASSERT_OK(store->ingest_batch({asked}));
        sha256 = sha256_hex(asked.raw);
        NewEvent event;
        event.message_row = store->threads(std::nullopt)->front().row;
        event.category = "deadline_set";
        event.evidence = "Please send the Q4 vendor report by Friday.";
        event.span_end = 43;
        event.due = "2025-12-05";
        event.rule_id = "deadline.by-weekday";
        event.confidence = 0.85;
        ASSERT_OK(store->add_events({event}));
    }
    downgrade_to_version_4(path());
    {
        // The ledger entry as version 4 wrote it: over the v1 text, which
        // names no source.
        SQLite::Database database(path(), SQLite::OPEN_READONLY);
        EXPECT_EQ(
            database.execAndGet("SELECT content_hash FROM ledger WHERE kind = 'event'").getString(),
            sha256_hex("casefile-event-v1\n" + sha256 +
                       "\ndeadline_set\ndeadline.by-weekday\n0\n43\n2025-12-05\n\n0.85\n43\n"
                       "Please send the Q4 vendor report by Friday.\n"));
    }

    auto store = Store::open(path(), clock_);
    ASSERT_OK(store);
    EXPECT_EQ(store->schema_version(), latest_schema_version());
    EXPECT_EQ(store->migration().from_version, 4);
    auto events = store->events({});
    ASSERT_OK(events);
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ(events->front().event.evidence_source, "own_text");
    auto verified = store->verify();
    ASSERT_OK(verified);
    EXPECT_TRUE(verified->ok()) << verified->problems.front().description;
    EXPECT_EQ(verified->entries_checked, 2);
}

TEST_F(StoreMigrationTest, AnEarlierBackupIsNeverOverwritten) {
    {
        auto store = Store::open(path(), clock_);
        ASSERT_OK(store);
    }
    downgrade_to_version_1(path());
    const std::string first_backup = path() + ".schema-1.backup";
    {
        SQLite::Database earlier(first_backup, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        earlier.exec("CREATE TABLE kept (x)");
    }
    auto store = Store::open(path(), clock_);
    ASSERT_OK(store);
    EXPECT_EQ(store->migration().backup_path, first_backup + ".2");
    SQLite::Database earlier(first_backup, SQLite::OPEN_READONLY);
    EXPECT_TRUE(earlier.tableExists("kept"));
}

TEST_F(StoreMigrationTest, OpeningANewStoreFromSeveralProcessesAtOnceWorks) {
    // The daemon and `casefile status` start together on a new store: each
    // must find the schema the other created, not create it twice.
    for (int round = 0; round < 5; ++round) {
        const std::string file = directory_.file("race-" + std::to_string(round) + ".db");
        std::vector<std::thread> openers;
        std::mutex mutex;
        std::vector<std::string> errors;
        for (int opener = 0; opener < 4; ++opener) {
            openers.emplace_back([&] {
                auto store = Store::open(file, clock_);
                if (store) return;
                std::lock_guard lock(mutex);
                errors.push_back(store.error().message);
            });
        }
        for (auto& thread : openers) thread.join();
        EXPECT_TRUE(errors.empty()) << errors.front();
        EXPECT_EQ(user_version(file), latest_schema_version());
    }
}

TEST_F(StoreMigrationTest, ACurrentStoreIsNotCopied) {
    { ASSERT_OK(Store::open(path(), clock_)); }
    auto store = Store::open(path(), clock_);
    ASSERT_OK(store);
    EXPECT_EQ(store->migration().from_version, 0);
    EXPECT_FALSE(std::filesystem::exists(path() + ".schema-1.backup"));
}

}  // namespace
}  // namespace casefile::core
