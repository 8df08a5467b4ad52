// Store::client_timelines: per client, each thread's dated messages with who
// wrote them; bulk client mail, undated mail and mail of no client left out.
#include <gtest/gtest.h>

#include "core/store.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"

namespace casefile::core {
namespace {

class StoreStats : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = Store::open(directory_.file("casefile.db"), clock_);
        ASSERT_OK(opened);
        store_.emplace(std::move(*opened));
        ASSERT_OK(
            store_->save_identity(Identity{{"dana@reyes-va.example"},
                                           {ClientRecord{"Acme", {"bob@acme.example"}, {}},
                                            ClientRecord{"Northwind", {"zoe@nw.example"}, {}}}}));
    }

    // A message in the thread rooted at `parent` (none: a new thread).
    static IncomingMessage message(const std::string& id, const std::string& parent,
                                   std::optional<std::int64_t> date, bool from_me,
                                   std::optional<std::string> client, bool bulk = false) {
        IncomingMessage incoming;
        incoming.raw =
            "Message-ID: <" + id + ">\r\nSubject: s " + id + "\r\n\r\nbody " + id + "\r\n";
        incoming.parsed.message_id = id;
        incoming.parsed.subject = "Subject " + id;
        if (!parent.empty()) {
            incoming.parsed.in_reply_to = parent;
            incoming.parsed.references = {parent};
        }
        incoming.parsed.from =
            from_me ? Address{"Dana", "dana@reyes-va.example"} : Address{"Bob", "bob@acme.example"};
        if (date) incoming.parsed.date = Timestamp{*date, -360};
        incoming.parsed.bulk = bulk;
        incoming.from_me = from_me;
        incoming.client = std::move(client);
        incoming.source = "test";
        return incoming;
    }

    testing::TempDir directory_;
    FixedClock clock_{1764633600};
    std::optional<Store> store_;
};

TEST_F(StoreStats, ThreadsPerClientWithTimesAndAuthors) {
    ASSERT_OK(store_->ingest_batch({
        message("a1@x", "", 1000, false, "Acme"),
        message("a2@x", "a1@x", 2000, true, "Acme"),
        message("a3@x", "a2@x", 3000, false, "Acme"),
        message("b1@x", "", 1500, false, "Acme"),
        message("bulk@x", "", 1600, false, "Acme", true),
        message("undated@x", "b1@x", std::nullopt, true, "Acme"),
        message("n1@x", "", 500, false, "Northwind"),
        message("none@x", "", 700, false, std::nullopt),
    }));
    auto clients = store_->client_timelines(std::nullopt);
    ASSERT_OK(clients);
    ASSERT_EQ(clients->size(), 2u);
    const ClientTimelines& acme = (*clients)[0];
    EXPECT_EQ(acme.client, "Acme");
    ASSERT_EQ(acme.threads.size(), 2u) << "the bulk mail's own thread is empty, so not listed";
    std::size_t long_thread = acme.threads[0].size() == 3 ? 0 : 1;
    const ThreadTimeline& q4 = acme.threads[long_thread];
    ASSERT_EQ(q4.size(), 3u);
    EXPECT_EQ(q4[0].unix_seconds, 1000);
    EXPECT_FALSE(q4[0].from_va);
    EXPECT_EQ(q4[1].unix_seconds, 2000);
    EXPECT_TRUE(q4[1].from_va);
    EXPECT_EQ(q4[2].unix_seconds, 3000);
    const ThreadTimeline& other = acme.threads[1 - long_thread];
    ASSERT_EQ(other.size(), 1u) << "the undated reply is left out";
    EXPECT_EQ(other[0].unix_seconds, 1500);
    EXPECT_EQ((*clients)[1].client, "Northwind");
    EXPECT_EQ((*clients)[1].threads.size(), 1u);
}

TEST_F(StoreStats, TheVasReplyCountsInTheThreadWhateverClientItIsAttributedTo) {
    // Dana answers Bob's thread while writing to Northwind: the reply still
    // answers Acme's mail (the digest's rule), and gives Northwind no thread.
    ASSERT_OK(store_->ingest_batch({message("a1@x", "", 1000, false, "Acme"),
                                    message("a2@x", "a1@x", 2000, true, "Northwind"),
                                    message("n1@x", "", 500, false, "Northwind")}));
    auto clients = store_->client_timelines(std::nullopt);
    ASSERT_OK(clients);
    ASSERT_EQ(clients->size(), 2u);
    ASSERT_EQ((*clients)[0].threads.size(), 1u);
    const ThreadTimeline& thread = (*clients)[0].threads[0];
    ASSERT_EQ(thread.size(), 2u);
    EXPECT_TRUE(thread[1].from_va);
    EXPECT_EQ(thread[1].unix_seconds, 2000);
    EXPECT_EQ((*clients)[1].threads.size(), 1u);
    EXPECT_EQ((*clients)[1].threads[0].size(), 1u);
}

TEST_F(StoreStats, OneClientByNameWithoutRegardToCase) {
    ASSERT_OK(store_->ingest_batch(
        {message("a1@x", "", 1000, false, "Acme"), message("n1@x", "", 500, false, "Northwind")}));
    auto clients = store_->client_timelines(std::string("NORTHWIND"));
    ASSERT_OK(clients);
    ASSERT_EQ(clients->size(), 1u);
    EXPECT_EQ(clients->front().client, "Northwind");

    auto unknown = store_->client_timelines(std::string("Globex"));
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("no client named \"Globex\""), std::string::npos);
}

TEST_F(StoreStats, AnEmptyStoreHasNoTimelines) {
    auto clients = store_->client_timelines(std::nullopt);
    ASSERT_OK(clients);
    EXPECT_TRUE(clients->empty());
}

}  // namespace
}  // namespace casefile::core
