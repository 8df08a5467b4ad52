#include "core/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "core/ledger.hpp"
#include "core/sha256.hpp"
#include "support/expect_ok.hpp"
#include "support/sync_counting_vfs.hpp"
#include "support/temp_dir.hpp"

namespace casefile::core {
namespace {

IncomingMessage message(std::string message_id, std::string headers, std::string body) {
    IncomingMessage incoming;
    incoming.raw = headers + "Message-ID: <" + message_id + ">\r\n\r\n" + body;
    incoming.parsed.message_id = message_id;
    incoming.parsed.subject = "Q4 vendor report";
    incoming.parsed.from = Address{"Bob Hartley", "bob@acme.example"};
    incoming.parsed.date = Timestamp{1764602040, -360};
    incoming.parsed.zones.own_text = body;
    incoming.source = "test";
    return incoming;
}

class StoreTest : public ::testing::Test {
protected:
    Store open_store() {
        auto store = Store::open(directory_.file("casefile.db"), clock_);
        EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().message);
        return std::move(*store);
    }

    testing::TempDir directory_;
    FixedClock clock_{1764633600};
};

TEST_F(StoreTest, CreatesTheLatestSchemaAndReopens) {
    {
        Store store = open_store();
        EXPECT_GE(store.schema_version(), 1);
    }
    Store again = open_store();
    auto status = again.status();
    ASSERT_OK(status);
    EXPECT_EQ(status->messages, 0);
    EXPECT_EQ(status->ledger_entries, 0);
    EXPECT_EQ(status->ledger_head, std::string(kLedgerGenesisHash));
}

TEST_F(StoreTest, RefusesAStoreFromANewerCasefile) {
    {
        Store store = open_store();
    }
    {
        SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READWRITE);
        database.exec("PRAGMA user_version = 99");
    }
    auto store = Store::open(directory_.file("casefile.db"), clock_);
    ASSERT_FALSE(store.has_value());
    EXPECT_NE(store.error().message.find("newer casefile"), std::string::npos)
        << store.error().message;
}

TEST_F(StoreTest, ReingestIsANoOp) {
    Store store = open_store();
    std::vector<IncomingMessage> batch = {
        message("a@acme.example", "From: bob@acme.example\r\n", "first\r\n"),
        message("b@acme.example", "From: bob@acme.example\r\n", "second\r\n")};
    auto first = store.ingest_batch(batch);
    ASSERT_OK(first);
    EXPECT_EQ(first->stored, 2u);
    auto second = store.ingest_batch(batch);
    ASSERT_OK(second);
    EXPECT_EQ(second->stored, 0u);
    EXPECT_EQ(second->already_present, 2u);
    auto status = store.status();
    ASSERT_OK(status);
    EXPECT_EQ(status->messages, 2);
    EXPECT_EQ(status->ledger_entries, 2);
}

TEST_F(StoreTest, HoldsMessagesOnlyOnceSomethingIsStored) {
    Store store = open_store();
    auto before = store.holds_messages();
    ASSERT_OK(before);
    EXPECT_FALSE(*before);
    ASSERT_OK(store.ingest_batch(
        {message("a@acme.example", "From: bob@acme.example\r\n", "first\r\n")}));
    auto after = store.holds_messages();
    ASSERT_OK(after);
    EXPECT_TRUE(*after);
    auto found = store.find_message("a@acme.example", 0);
    ASSERT_OK(found);
    EXPECT_FALSE(found->has_value()) << "the size must match as well as the Message-ID";
}

TEST_F(StoreTest, RefreshingBulkFlagsAsksAgainAboutEachRawMessage) {
    Store store = open_store();
    ASSERT_OK(store.ingest_batch(
        {message("news@list.example", "From: news@list.example\r\nList-Id: <weekly.list.example>\r\n",
                 "This week's issue\r\n"),
         message("a@acme.example", "From: bob@acme.example\r\n", "Send it by Friday\r\n")}));
    std::size_t asked = 0;
    const BulkJudge by_list_header = [&](std::string_view raw) {
        ++asked;
        return raw.find("List-Id:") != std::string_view::npos;
    };
    auto changed = store.refresh_bulk_flags(by_list_header);
    ASSERT_OK(changed);
    EXPECT_EQ(*changed, 1u);
    EXPECT_EQ(asked, 2u);
    {
        SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READONLY);
        EXPECT_EQ(database.execAndGet("SELECT bulk FROM messages WHERE message_id = "
                                      "'news@list.example'").getInt(), 1);
        EXPECT_EQ(database.execAndGet("SELECT bulk FROM messages WHERE message_id = "
                                      "'a@acme.example'").getInt(), 0);
    }
    auto again = store.refresh_bulk_flags(by_list_header);
    ASSERT_OK(again);
    EXPECT_EQ(*again, 0u) << "a second refresh finds nothing to change";
}

TEST_F(StoreTest, SameMessageWithOtherTransportHeadersIsStoredOnce) {
    Store store = open_store();
    auto inbox = message("a@acme.example", "Received: from mx1\r\nFrom: bob@acme.example\r\n",
                         "same body\r\n");
    auto archive = message("a@acme.example", "X-Gmail-Labels: Inbox\r\nFrom: bob@acme.example\r\n",
                           "same body\r\n");
    ASSERT_OK(store.ingest_batch({inbox}));
    auto again = store.ingest_batch({archive});
    ASSERT_OK(again);
    EXPECT_EQ(again->already_present, 1u);
}

TEST_F(StoreTest, ReusedMessageIdWithADifferentBodyLosesNothing) {
    // Broken mailers reuse Message-IDs; dropping the second mail would lose it.
    Store store = open_store();
    auto result = store.ingest_batch({message("same@x", "From: a@x\r\n", "one\r\n"),
                                      message("same@x", "From: a@x\r\n", "two\r\n")});
    ASSERT_OK(result);
    EXPECT_EQ(result->stored, 2u);
}

TEST_F(StoreTest, MessagesWithoutMessageIdAreAllKept) {
    Store store = open_store();
    auto first = message("", "From: a@x\r\n", "one\r\n");
    auto second = message("", "From: a@x\r\n", "two\r\n");
    auto result = store.ingest_batch({first, second});
    ASSERT_OK(result);
    EXPECT_EQ(result->stored, 2u);
}

TEST_F(StoreTest, RawBytesAreStoredExactly) {
    Store store = open_store();
    auto incoming = message("raw@x", "From: a@x\r\n", std::string("bin\0ary\r\n.\r\n", 12));
    ASSERT_OK(store.ingest_batch({incoming}));
    SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READONLY);
    SQLite::Statement query(database, "SELECT r.raw, m.sha256 FROM message_raw r JOIN messages m "
                                      "ON m.id = r.message_row");
    ASSERT_TRUE(query.executeStep());
    const std::string stored(static_cast<const char*>(query.getColumn(0).getBlob()),
                             static_cast<std::size_t>(query.getColumn(0).getBytes()));
    EXPECT_EQ(stored, incoming.raw);
    EXPECT_EQ(query.getColumn(1).getString(), sha256_hex(incoming.raw));
}

TEST_F(StoreTest, VerifyPassesOnAnUntouchedStore) {
    Store store = open_store();
    ASSERT_OK(store.ingest_batch({message("a@x", "From: a@x\r\n", "one\r\n"),
                                  message("b@x", "From: a@x\r\n", "two\r\n")}));
    auto report = store.verify();
    ASSERT_OK(report);
    EXPECT_TRUE(report->ok());
    EXPECT_EQ(report->entries_checked, 2);
    EXPECT_EQ(report->messages_checked, 2);
    auto status = store.status();
    ASSERT_OK(status);
    EXPECT_EQ(report->head, status->ledger_head);
}

TEST_F(StoreTest, VerifyNamesTheMessageWhoseRawBytesChanged) {
    Store store = open_store();
    ASSERT_OK(store.ingest_batch({message("a@x", "From: a@x\r\n", "one\r\n"),
                                  message("b@x", "From: a@x\r\n", "two\r\n"),
                                  message("c@x", "From: a@x\r\n", "three\r\n")}));
    {
        // Flip one byte of the second message's raw bytes behind casefile's back.
        SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READWRITE);
        database.exec("UPDATE message_raw SET raw = CAST(REPLACE(CAST(raw AS TEXT), 'two', 'twO') "
                      "AS BLOB) WHERE message_row = 2");
    }
    auto report = store.verify();
    ASSERT_OK(report);
    ASSERT_FALSE(report->ok());
    ASSERT_EQ(report->problems.size(), 1u);
    EXPECT_EQ(report->problems[0].sequence, 2);
    EXPECT_EQ(report->problems[0].message_row, 2);
    EXPECT_EQ(report->problems[0].message_id, std::optional<std::string>("b@x"));
    EXPECT_NE(report->problems[0].description.find("<b@x>"), std::string::npos);
    EXPECT_NE(report->problems[0].description.find("altered"), std::string::npos);
}

TEST_F(StoreTest, VerifyFindsARewrittenLedgerEntry) {
    Store store = open_store();
    ASSERT_OK(store.ingest_batch({message("a@x", "From: a@x\r\n", "one\r\n"),
                                  message("b@x", "From: a@x\r\n", "two\r\n")}));
    {
        SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READWRITE);
        database.exec("UPDATE ledger SET recorded_at = '2020-01-01T00:00:00+00:00' WHERE "
                      "sequence = 1");
    }
    auto report = store.verify();
    ASSERT_OK(report);
    ASSERT_FALSE(report->ok());
    EXPECT_EQ(report->problems.front().sequence, 1);
}

TEST_F(StoreTest, VerifyFindsADeletedMessageAndAMissingEntry) {
    Store store = open_store();
    ASSERT_OK(store.ingest_batch({message("a@x", "From: a@x\r\n", "one\r\n"),
                                  message("b@x", "From: a@x\r\n", "two\r\n")}));
    {
        SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READWRITE);
        database.exec("DELETE FROM ledger WHERE sequence = 2");
    }
    auto report = store.verify();
    ASSERT_OK(report);
    ASSERT_FALSE(report->ok());
    EXPECT_NE(report->problems.back().description.find("no ledger entry"), std::string::npos);
}

TEST_F(StoreTest, LedgerContinuesAcrossReopen) {
    {
        Store store = open_store();
        ASSERT_OK(store.ingest_batch({message("a@x", "From: a@x\r\n", "one\r\n")}));
    }
    Store store = open_store();
    ASSERT_OK(store.ingest_batch({message("b@x", "From: a@x\r\n", "two\r\n")}));
    auto report = store.verify();
    ASSERT_OK(report);
    EXPECT_TRUE(report->ok()) << report->problems.front().description;
    EXPECT_EQ(report->entries_checked, 2);
}

TEST_F(StoreTest, TwoConnectionsAppendingInTurnKeepOneChain) {
    // The daemon syncs several accounts, each with its own connection, while
    // `casefile import` may run beside it: every append must chain onto the
    // head as the database has it, not as one connection last saw it.
    Store first = open_store();
    Store second = open_store();
    ASSERT_OK(first.ingest_batch({message("a@x", "From: a@x\r\n", "one\r\n")}));
    ASSERT_OK(second.ingest_batch({message("b@x", "From: a@x\r\n", "two\r\n")}));
    ASSERT_OK(first.add_notice(Notice{"test", "", "", "between"}));
    ASSERT_OK(first.ingest_batch({message("c@x", "From: a@x\r\n", "three\r\n")}));
    auto report = second.verify();
    ASSERT_OK(report);
    EXPECT_TRUE(report->ok()) << report->problems.front().description;
    EXPECT_EQ(report->entries_checked, 4);
}

TEST_F(StoreTest, FolderHighWaterMarkAdvancesWithItsBatch) {
    Store store = open_store();
    auto incoming = message("a@x", "From: a@x\r\n", "one\r\n");
    incoming.uid = 7;
    ASSERT_OK(store.ingest_batch({incoming}, FolderProgress{"work", "INBOX", 1234, 7}));
    SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READONLY);
    SQLite::Statement query(database, "SELECT uidvalidity, highest_uid FROM folders");
    ASSERT_TRUE(query.executeStep());
    EXPECT_EQ(query.getColumn(0).getInt64(), 1234);
    EXPECT_EQ(query.getColumn(1).getInt64(), 7);
    SQLite::Statement location(database, "SELECT uid FROM message_locations");
    ASSERT_TRUE(location.executeStep());
    EXPECT_EQ(location.getColumn(0).getInt64(), 7);
}

TEST_F(StoreTest, ABatchAnotherFollowsWaitsForTheNextCommitToReachTheDisk) {
    testing::SyncCountingVfs disk;
    Store store = open_store();
    auto first = message("a@x", "From: a@x\r\n", "one\r\n");
    first.uid = 7;
    auto last = message("b@x", "From: b@x\r\n", "two\r\n");
    last.uid = 8;

    disk.reset();
    ASSERT_OK(store.ingest_batch({first}, FolderProgress{"work", "INBOX", 1234, 7}, nullptr,
                                 Durability::kWithNextCommit));
    EXPECT_EQ(disk.syncs(), 0);
    ASSERT_OK(store.ingest_batch({last}, FolderProgress{"work", "INBOX", 1234, 8}));
    EXPECT_GT(disk.syncs(), 0) << "the last batch of a sync is on disk when stored";
    // The store's own setting is back for whatever comes next.
    disk.reset();
    ASSERT_OK(store.add_notice(Notice{"oversized", "work", "INBOX", "one message over the cap"}));
    EXPECT_GT(disk.syncs(), 0);
    EXPECT_EQ(store.status()->messages, 2);
}

namespace {

std::int64_t stored_messages_seen_by_another_connection(const std::string& path) {
    SQLite::Database database(path, SQLite::OPEN_READONLY);
    SQLite::Statement query(database, "SELECT COUNT(*) FROM messages");
    query.executeStep();
    return query.getColumn(0).getInt64();
}

}  // namespace

TEST_F(StoreTest, BatchesStoredInTheNextCommitAppearTogetherWithTheirMark) {
    testing::SyncCountingVfs disk;
    Store store = open_store();
    const std::string path = directory_.file("casefile.db");
    auto first = message("a@x", "From: a@x\r\n", "one\r\n");
    first.uid = 7;
    auto second = message("b@x", "From: b@x\r\n", "two\r\n");
    second.uid = 8;
    auto last = message("c@x", "From: c@x\r\n", "three\r\n");
    last.uid = 9;

    disk.reset();
    ASSERT_OK(store.ingest_batch({first}, FolderProgress{"work", "INBOX", 1234, 7}, nullptr,
                                 Durability::kInNextCommit));
    ASSERT_OK(store.ingest_batch({second}, FolderProgress{"work", "INBOX", 1234, 8}, nullptr,
                                 Durability::kInNextCommit));
    EXPECT_EQ(stored_messages_seen_by_another_connection(path), 0);
    EXPECT_EQ(disk.syncs(), 0);
    ASSERT_OK(store.ingest_batch({last}, FolderProgress{"work", "INBOX", 1234, 9}));
    EXPECT_EQ(stored_messages_seen_by_another_connection(path), 3);
    EXPECT_GT(disk.syncs(), 0) << "the batch that ends a sync is on disk when stored";
    auto state = store.folder_state("work", "INBOX");
    ASSERT_OK(state);
    EXPECT_EQ(state->highest_uid, 9u);
    auto report = store.verify();
    ASSERT_OK(report);
    EXPECT_TRUE(report->ok()) << report->problems.front().description;
    EXPECT_EQ(report->entries_checked, 3);
}

TEST_F(StoreTest, OpenBatchesAreCommittedOnRequestAndStoreWritesResumeAfterwards) {
    testing::SyncCountingVfs disk;
    Store store = open_store();
    auto first = message("a@x", "From: a@x\r\n", "one\r\n");
    first.uid = 7;
    ASSERT_OK(store.ingest_batch({first}, FolderProgress{"work", "INBOX", 1234, 7}, nullptr,
                                 Durability::kInNextCommit));
    // Nothing else writes while the batches are open: it would join their
    // transaction unasked.
    EXPECT_FALSE(store.add_notice(Notice{"test", "work", "INBOX", "between"}));

    disk.reset();
    ASSERT_OK(store.commit_open_batches());
    EXPECT_GT(disk.syncs(), 0);
    EXPECT_EQ(stored_messages_seen_by_another_connection(directory_.file("casefile.db")), 1);
    ASSERT_OK(store.commit_open_batches());  // none open: nothing to do
    disk.reset();
    ASSERT_OK(store.add_notice(Notice{"test", "work", "INBOX", "after"}));
    EXPECT_GT(disk.syncs(), 0) << "the store's own synchronous=FULL is back";
    auto state = store.folder_state("work", "INBOX");
    ASSERT_OK(state);
    EXPECT_EQ(state->highest_uid, 7u);
}

TEST_F(StoreTest, AFailedBatchTakesBackTheBatchesOpenBeforeIt) {
    Store store = open_store();
    {
        // Stands in for any failure half-way through a batch (a full disk).
        SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READWRITE);
        database.exec("CREATE TRIGGER refuse BEFORE INSERT ON messages "
                      "WHEN NEW.message_id = 'refused@x' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    }
    auto first = message("a@x", "From: a@x\r\n", "one\r\n");
    first.uid = 7;
    auto refused = message("refused@x", "From: b@x\r\n", "two\r\n");
    refused.uid = 8;
    ASSERT_OK(store.ingest_batch({first}, FolderProgress{"work", "INBOX", 1234, 7}, nullptr,
                                 Durability::kInNextCommit));
    EXPECT_FALSE(store.ingest_batch({refused}, FolderProgress{"work", "INBOX", 1234, 8}, nullptr,
                                    Durability::kInNextCommit));
    ASSERT_OK(store.commit_open_batches());
    EXPECT_EQ(stored_messages_seen_by_another_connection(directory_.file("casefile.db")), 0);
    auto state = store.folder_state("work", "INBOX");
    ASSERT_OK(state);
    EXPECT_EQ(state->highest_uid, 0u) << "the mark went back with the batches";

    // The next sync stores them again, chained onto the ledger as it is.
    ASSERT_OK(store.ingest_batch({first}, FolderProgress{"work", "INBOX", 1234, 7}));
    EXPECT_EQ(stored_messages_seen_by_another_connection(directory_.file("casefile.db")), 1);
    auto report = store.verify();
    ASSERT_OK(report);
    EXPECT_TRUE(report->ok()) << report->problems.front().description;
}

namespace {

IncomingMessage in_thread(const std::string& id, const std::string& subject,
                          std::vector<std::string> references) {
    IncomingMessage incoming = message(id, "From: a@x\r\nSubject: " + subject + "\r\n", id + "\r\n");
    incoming.parsed.subject = subject;
    incoming.parsed.references = std::move(references);
    if (!incoming.parsed.references.empty()) incoming.parsed.in_reply_to = incoming.parsed.references.back();
    return incoming;
}

// Every thread's summary row as one line, in thread id order.
std::vector<std::string> thread_summaries(const std::string& path) {
    SQLite::Database database(path, SQLite::OPEN_READONLY);
    SQLite::Statement query(database,
                            "SELECT thread_id || '|' || COALESCE(client_id, '') || '|' || subject || '|' "
                            "|| COALESCE(first_date, '') || '|' || COALESCE(last_date, '') || '|' || "
                            "message_count FROM threads ORDER BY thread_id");
    std::vector<std::string> rows;
    while (query.executeStep()) rows.push_back(query.getColumn(0).getString());
    return rows;
}

}  // namespace

TEST_F(StoreTest, ThreadSummariesKeptBatchByBatchEqualThoseOfThreadingEverythingAgain) {
    Store store = open_store();
    const std::string path = directory_.file("casefile.db");
    // Two conversations, then a reply naming both (its References run
    // through the second's root to the first's), which joins them: the
    // second thread's summary row must go.
    ASSERT_OK(store.ingest_batch({in_thread("a1@x", "Invoice for March", {}),
                                  in_thread("b1@x", "Website copy", {})}));
    ASSERT_OK(store.ingest_batch({in_thread("a2@x", "Re: Invoice for March", {"a1@x"}),
                                  in_thread("c1@x", "Travel booking", {})}));
    EXPECT_EQ(thread_summaries(path).size(), 3u);
    ASSERT_OK(store.ingest_batch({in_thread("b2@x", "Re: Website copy", {"a1@x", "b1@x"})}));
    const std::vector<std::string> kept = thread_summaries(path);
    EXPECT_EQ(kept.size(), 2u);

    ASSERT_OK(store.rethread());
    EXPECT_EQ(thread_summaries(path), kept);
}

TEST_F(StoreTest, ANewUidValidityRestartsTheMarkAndOldLocationsStay) {
    Store store = open_store();
    auto first = message("a@x", "From: a@x\r\n", "one\r\n");
    first.uid = 40;
    ASSERT_OK(store.ingest_batch({first}, FolderProgress{"work", "INBOX", 1, 40}));
    auto state = store.folder_state("work", "INBOX");
    ASSERT_OK(state);
    EXPECT_TRUE(state->known);
    EXPECT_EQ(state->highest_uid, 40u);

    // The server renumbered: UID 3 under validity 2 is the same message.
    auto row = store.find_message("a@x", first.raw.size());
    ASSERT_OK(row);
    ASSERT_TRUE(row->has_value());
    ASSERT_OK(store.record_known(FolderProgress{"work", "INBOX", 2, 3}, {{3u, **row}}));
    state = store.folder_state("work", "INBOX");
    ASSERT_OK(state);
    EXPECT_EQ(state->uidvalidity, 2u);
    EXPECT_EQ(state->highest_uid, 3u);
    SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READONLY);
    SQLite::Statement locations(database, "SELECT COUNT(*) FROM message_locations");
    ASSERT_TRUE(locations.executeStep());
    EXPECT_EQ(locations.getColumn(0).getInt(), 2);
    auto missing = store.find_message("a@x", first.raw.size() + 1);
    ASSERT_OK(missing);
    EXPECT_FALSE(missing->has_value());
}

TEST_F(StoreTest, NoticesAreLedgeredAndListed) {
    Store store = open_store();
    ASSERT_OK(store.add_notice(Notice{"uidvalidity_changed", "work", "INBOX",
                                      "The server renumbered INBOX; nothing was lost."}));
    auto notices = store.notices_since("2000-01-01");
    ASSERT_OK(notices);
    ASSERT_EQ(notices->size(), 1u);
    EXPECT_EQ((*notices)[0].folder, "INBOX");
    auto report = store.verify();
    ASSERT_OK(report);
    EXPECT_TRUE(report->ok());
    EXPECT_EQ(report->entries_checked, 1);
}

TEST_F(StoreTest, IdentityIsRemembered) {
    Store store = open_store();
    Identity identity;
    identity.own_addresses = {"dana@reyes-va.example"};
    identity.clients = {ClientRecord{"Acme", {"bob@acme.example"}, {"acme.example"}}};
    ASSERT_OK(store.save_identity(identity));
    auto loaded = store.load_identity();
    ASSERT_OK(loaded);
    EXPECT_EQ(loaded->own_addresses, identity.own_addresses);
    ASSERT_EQ(loaded->clients.size(), 1u);
    EXPECT_EQ(loaded->clients[0].domains, std::vector<std::string>{"acme.example"});
    // A client dropped from the config stays in the store but stops matching.
    ASSERT_OK(store.save_identity(Identity{{"dana@reyes-va.example"}, {}}));
    loaded = store.load_identity();
    ASSERT_OK(loaded);
    EXPECT_TRUE(loaded->clients.empty());
}

}  // namespace
}  // namespace casefile::core
