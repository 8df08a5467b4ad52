#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "core/event_hash.hpp"
#include "core/ledger.hpp"
#include "core/sha256.hpp"
#include "core/store.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::core {
namespace {

class StoreEvents : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(directory_.file("casefile.db"), clock_);
        ASSERT_OK(opened);
        store_.emplace(std::move(*opened));
        ASSERT_OK(store_->save_identity(
            Identity{{"dana@reyes-va.example"}, {ClientRecord{"Acme", {"bob@acme.example"}, {}}}}));
        IncomingMessage incoming;
        incoming.raw =
            "From: bob@acme.example\r\nMessage-ID: <q4@acme.example>\r\n"
            "Subject: PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY\r\n\r\n"
            "Please send the report by Friday.\r\n";
        incoming.parsed.message_id = "q4@acme.example";
        incoming.parsed.subject = "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY";
        incoming.parsed.from = Address{"Bob", "bob@acme.example"};
        incoming.parsed.date = Timestamp{1764602040, -360};
        incoming.parsed.zones.own_text = "Please send the report by Friday.";
        incoming.client = "Acme";
        incoming.source = "test";
        ASSERT_OK(store_->ingest_batch({incoming}));
        auto rows = store_->threads(std::nullopt);
        ASSERT_OK(rows);
        ASSERT_EQ(rows->size(), 1u);
        row_ = rows->front().row;
        sha256_ = sha256_hex(incoming.raw);
    }

    NewEvent deadline() const {
        NewEvent event;
        event.message_row = row_;
        event.category = "deadline_set";
        event.evidence = "Please send the report by Friday.";
        event.span_start = 0;
        event.span_end = 33;
        event.due = "2025-12-05";
        event.rule_id = "deadline.by-weekday";
        event.confidence = 0.85;
        return event;
    }

    // An ask made only in the Subject line: evidence and span are the subject's.
    NewEvent subject_deadline() const {
        NewEvent event;
        event.message_row = row_;
        event.category = "deadline_set";
        event.evidence = "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY";
        event.span_start = 0;
        event.span_end = 42;
        event.evidence_source = "subject";
        event.due = "2025-12-02T12:00:00-06:00";
        event.rule_id = "deadline.send-by";
        event.confidence = 0.8;
        return event;
    }

    void alter_events(const std::string& sql) const {
        SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READWRITE);
        database.exec(sql);
    }

    testing::TempDir directory_;
    FixedClock clock_{1764633600};
    std::optional<Store> store_;
    std::int64_t row_ = 0;
    std::string sha256_;
};

TEST_F(StoreEvents, AddsEventsWithALedgerEntryOverTheirCanonicalText) {
    ASSERT_OK(store_->add_events({deadline()}));
    auto events = store_->events(EventFilter{});
    ASSERT_OK(events);
    ASSERT_EQ(events->size(), 1u);
    const StoredEvent& stored = events->front();
    EXPECT_EQ(stored.event.category, "deadline_set");
    EXPECT_EQ(stored.event.due, "2025-12-05");
    EXPECT_EQ(stored.event.previous_due, "");
    EXPECT_EQ(stored.message_sha256, sha256_);
    EXPECT_EQ(stored.message_id, "q4@acme.example");
    EXPECT_EQ(stored.client, "Acme");
    EXPECT_EQ(stored.ledger_sequence, 2);  // after the message's entry

    auto entries = store_->ledger_entries({stored.ledger_sequence});
    ASSERT_OK(entries);
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ(entries->front().kind, "event");
    EXPECT_EQ(entries->front().subject_id, stored.id);
    EXPECT_EQ(entries->front().content_hash, event_content_hash(deadline(), sha256_));
    EXPECT_EQ(event_canonical_text(deadline(), sha256_),
              "casefile-event-v1\n" + sha256_ +
                  "\ndeadline_set\ndeadline.by-weekday\n0\n33\n2025-12-05\n\n0.85\n33\n"
                  "Please send the report by Friday.\n");
    auto verified = store_->verify();
    ASSERT_OK(verified);
    EXPECT_TRUE(verified->ok());
    EXPECT_EQ(verified->entries_checked, 2);
}

TEST_F(StoreEvents, StoreVerifyFindsAnEditedEvent) {
    ASSERT_OK(store_->add_events({deadline()}));
    {
        SQLite::Database database(directory_.file("casefile.db"), SQLite::OPEN_READWRITE);
        database.exec("UPDATE events SET due = '2026-01-30'");
    }
    auto verified = store_->verify();
    ASSERT_OK(verified);
    ASSERT_EQ(verified->problems.size(), 1u);
    EXPECT_NE(verified->problems.front().description.find("event 1 was altered"), std::string::npos)
        << verified->problems.front().description;
}

TEST_F(StoreEvents, FiltersByClientThreadAndMessage) {
    ASSERT_OK(store_->add_events({deadline(), deadline()}));
    EventFilter acme;
    acme.client = "acme";
    EXPECT_EQ(store_->events(acme)->size(), 2u);
    EventFilter other;
    other.client = "Northwind";
    EXPECT_EQ(store_->events(other)->size(), 0u);
    EventFilter by_message;
    by_message.message_row = row_ + 1;
    EXPECT_EQ(store_->events(by_message)->size(), 0u);
}

TEST_F(StoreEvents, RefusesAnUnknownMessageAndStoresNothing) {
    NewEvent stray = deadline();
    stray.message_row = row_ + 100;
    EXPECT_FALSE(store_->add_events({deadline(), stray}).has_value());
    EXPECT_EQ(store_->events(EventFilter{})->size(), 0u);
    // The ledger head in memory followed the rollback: the next append chains.
    ASSERT_OK(store_->add_events({deadline()}));
    auto verified = store_->verify();
    ASSERT_OK(verified);
    EXPECT_TRUE(verified->ok());
}

TEST_F(StoreEvents, RefusesFieldsThatWouldBreakTheCanonicalText) {
    NewEvent broken = deadline();
    broken.rule_id = "a\nb";
    EXPECT_FALSE(store_->add_events({broken}).has_value());
    broken = deadline();
    broken.span_end = -1;
    EXPECT_FALSE(store_->add_events({broken}).has_value());
}

TEST_F(StoreEvents, ASubjectEventKeepsItsSourceAndHashesItWithTheV2Text) {
    ASSERT_OK(store_->add_events({deadline(), subject_deadline()}));
    auto events = store_->events(EventFilter{});
    ASSERT_OK(events);
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0].event.evidence_source, "own_text");
    EXPECT_EQ((*events)[1].event.evidence_source, "subject");
    EXPECT_EQ((*events)[1].event.evidence, "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY");

    EXPECT_EQ(event_canonical_text(subject_deadline(), sha256_),
              "casefile-event-v2\n" + sha256_ +
                  "\ndeadline_set\ndeadline.send-by\nsubject\n0\n42\n2025-12-02T12:00:00-06:00\n\n"
                  "0.8\n42\nPLEASE SEND YOUR TIMESHEET BY NOON TUESDAY\n");
    auto entries = store_->ledger_entries({(*events)[1].ledger_sequence});
    ASSERT_OK(entries);
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ(entries->front().content_hash,
              sha256_hex(event_canonical_text(subject_deadline(), sha256_)));
    auto verified = store_->verify();
    ASSERT_OK(verified);
    EXPECT_TRUE(verified->ok());
}

TEST_F(StoreEvents, AnOwnTextEventHashesExactlyAsBeforeTheSourceWasRecorded) {
    // The v1 text, written out by hand as casefile wrote it before schema
    // version 5: the ledger of every existing store holds hashes of it.
    const std::string before_sources =
        "casefile-event-v1\n" + sha256_ +
        "\ndeadline_set\ndeadline.by-weekday\n0\n33\n2025-12-05\n\n0.85\n33\n"
        "Please send the report by Friday.\n";
    EXPECT_EQ(event_content_hash(deadline(), sha256_), sha256_hex(before_sources));
}

TEST_F(StoreEvents, StoreVerifyFindsASubjectEventPassedOffAsOwnTextAndTheReverse) {
    ASSERT_OK(store_->add_events({deadline(), subject_deadline()}));
    alter_events("UPDATE events SET evidence_source = 'own_text' WHERE id = 2");
    auto verified = store_->verify();
    ASSERT_OK(verified);
    ASSERT_EQ(verified->problems.size(), 1u);
    EXPECT_NE(verified->problems.front().description.find("event 2 was altered"), std::string::npos)
        << verified->problems.front().description;

    alter_events("UPDATE events SET evidence_source = 'subject' WHERE id = 2");
    ASSERT_TRUE(store_->verify()->ok()) << "put back, it holds again";
    alter_events("UPDATE events SET evidence_source = 'subject' WHERE id = 1");
    verified = store_->verify();
    ASSERT_OK(verified);
    ASSERT_EQ(verified->problems.size(), 1u);
    EXPECT_NE(verified->problems.front().description.find("event 1 was altered"), std::string::npos)
        << verified->problems.front().description;
}

TEST_F(StoreEvents, RefusesAnEvidenceSourceItCannotShow) {
    NewEvent stray = subject_deadline();
    stray.evidence_source = "attachment";
    EXPECT_FALSE(store_->add_events({stray}).has_value());
    stray.evidence_source = "subject\nown_text";
    EXPECT_FALSE(store_->add_events({stray}).has_value());
    EXPECT_EQ(store_->events(EventFilter{})->size(), 0u);
}

}  // namespace
}  // namespace casefile::core
