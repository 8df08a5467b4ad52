// Store::classify_pending: queued messages are classified oldest first, each
// against its thread's deadline as the earlier messages left it, whether
// those were classified in this run, an earlier run, or the same chunk.
#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "core/store.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"
#include "support/thread_message.hpp"

namespace casefile::core {
namespace {

constexpr std::int64_t kMonday = 1764601200;  // 2025-12-01 15:00 UTC
constexpr std::int64_t kHour = 3600;

IncomingMessage in_thread(const std::string& id, std::int64_t date, const std::string& deadline) {
    return testing::thread_message(id, date, deadline);
}

// Records what each message was classified against; states the deadline its
// text names. Called from several threads, as the Classifier contract says.
class RecordingClassifier {
public:
    struct Seen {
        bool first_in_thread = false;
        std::string current_deadline;
        std::string subject;
    };

    Classifier classifier() {
        return [this](const ClassifyInput& input) {
            std::vector<NewEvent> events;
            if (input.own_text.starts_with("deadline ")) {
                NewEvent event;
                event.category = input.current_deadline.empty() ? "deadline_set" : "deadline_change";
                event.evidence = input.own_text;
                event.span_end = static_cast<std::int64_t>(input.own_text.size());
                event.due = input.own_text.substr(9);
                event.previous_due = input.current_deadline;
                event.rule_id = "test.deadline";
                event.confidence = 0.9;
                events.push_back(event);
            }
            // "deadlines D1 D2 ...": one mail setting several dates, in order.
            if (input.own_text.starts_with("deadlines ")) {
                std::string_view rest = std::string_view(input.own_text).substr(10);
                while (!rest.empty()) {
                    const std::size_t space = rest.find(' ');
                    NewEvent event;
                    event.category = "deadline_set";
                    event.evidence = input.own_text;
                    event.span_end = static_cast<std::int64_t>(input.own_text.size());
                    event.due = std::string(rest.substr(0, space));
                    event.rule_id = "test.deadline";
                    event.confidence = 0.9;
                    events.push_back(event);
                    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
                }
            }
            std::lock_guard lock(mutex_);
            seen_[input.own_text + "@" + std::to_string(input.date->unix_seconds)] =
                Seen{input.first_in_thread, input.current_deadline, input.subject};
            return events;
        };
    }
    Seen seen(const IncomingMessage& message) const {
        std::lock_guard lock(mutex_);
        const auto found = seen_.find(message.parsed.zones.own_text + "@" +
                                      std::to_string(message.parsed.date->unix_seconds));
        EXPECT_NE(found, seen_.end()) << message.parsed.message_id << " was not classified";
        return found == seen_.end() ? Seen{} : found->second;
    }
    std::size_t calls() const {
        std::lock_guard lock(mutex_);
        return seen_.size();
    }

private:
    mutable std::mutex mutex_;
    std::map<std::string, Seen> seen_;
};

class StoreClassifyTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(directory_.file("casefile.db"), clock_);
        ASSERT_OK(opened);
        store_.emplace(std::move(*opened));
    }

    testing::TempDir directory_;
    FixedClock clock_{kMonday + 30 * 24 * kHour};
    std::optional<Store> store_;
};

TEST_F(StoreClassifyTest, MessagesStoredOutOfOrderAreReadOldestFirst) {
    const auto root = in_thread("root", kMonday, "2025-12-05");
    const auto moved = in_thread("moved", kMonday + 2 * kHour, "2025-12-12");
    const auto thanks = in_thread("thanks", kMonday + 3 * kHour, "");
    ASSERT_OK(store_->ingest_batch({thanks, moved, root}));  // newest first, as a sync may
    RecordingClassifier recorder;
    auto events = store_->classify_pending(recorder.classifier());
    ASSERT_OK(events);
    EXPECT_EQ(*events, 2u);
    EXPECT_TRUE(recorder.seen(root).first_in_thread);
    EXPECT_EQ(recorder.seen(root).current_deadline, "");
    EXPECT_FALSE(recorder.seen(moved).first_in_thread);
    EXPECT_EQ(recorder.seen(moved).current_deadline, "2025-12-05");
    EXPECT_EQ(recorder.seen(thanks).current_deadline, "2025-12-12");

    auto stored = store_->events({});
    ASSERT_OK(stored);
    ASSERT_EQ(stored->size(), 2u);
    EXPECT_EQ((*stored)[1].event.category, "deadline_change");
    EXPECT_EQ((*stored)[1].event.previous_due, "2025-12-05");
    EXPECT_EQ((*stored)[1].event.due, "2025-12-12");

    auto again = store_->classify_pending(recorder.classifier());
    ASSERT_OK(again);
    EXPECT_EQ(*again, 0u) << "a classified message leaves the queue";
}

TEST_F(StoreClassifyTest, ALaterDeadlineFromAnEarlierRunWinsOverAnOlderOneInThisChunk) {
    // First run: the root (Dec 5) and a message on Wednesday (Dec 19).
    const auto root = in_thread("root", kMonday, "2025-12-05");
    const auto wednesday = in_thread("wednesday", kMonday + 48 * kHour, "2025-12-19");
    ASSERT_OK(store_->ingest_batch({root, wednesday}));
    RecordingClassifier recorder;
    ASSERT_OK(store_->classify_pending(recorder.classifier()));

    // Then mail from between them arrives late (a folder synced later), with
    // a reply after Wednesday: Tuesday's deadline counts for Tuesday only.
    const auto tuesday = in_thread("tuesday", kMonday + 24 * kHour, "2025-12-12");
    const auto thursday = in_thread("thursday", kMonday + 72 * kHour, "");
    ASSERT_OK(store_->ingest_batch({thursday, tuesday}));
    ASSERT_OK(store_->classify_pending(recorder.classifier()));
    EXPECT_EQ(recorder.seen(tuesday).current_deadline, "2025-12-05");
    EXPECT_FALSE(recorder.seen(tuesday).first_in_thread);
    EXPECT_EQ(recorder.seen(thursday).current_deadline, "2025-12-19")
        << "Wednesday's deadline, stated after Tuesday's, is the thread's deadline";
}

// One mail with several dates ("the list by Friday 12 December? I need it for
// the sign-off on Monday 15th"): the nearest is the thread's deadline for
// the next mail, whether it is read in the same pass or a later one.
TEST_F(StoreClassifyTest, OfSeveralDatesInOneMailTheNearestIsTheThreadsDeadline) {
    const auto root = in_thread("root", kMonday, "");
    auto both = in_thread("both", kMonday + kHour, "");
    both.parsed.zones.own_text = "deadlines 2025-12-15 2025-12-12 2025-12-19";
    const auto reply = in_thread("reply", kMonday + 2 * kHour, "");
    ASSERT_OK(store_->ingest_batch({root, both, reply}));
    RecordingClassifier recorder;
    ASSERT_OK(store_->classify_pending(recorder.classifier()));
    EXPECT_EQ(recorder.seen(reply).current_deadline, "2025-12-12") << "in the same pass";

    const auto later = in_thread("later", kMonday + 3 * kHour, "");
    ASSERT_OK(store_->ingest_batch({later}));
    ASSERT_OK(store_->classify_pending(recorder.classifier()));
    EXPECT_EQ(recorder.seen(later).current_deadline, "2025-12-12") << "in a later pass, from the store";
}

TEST_F(StoreClassifyTest, ManyThreadsInOneChunkEachKeepTheirOwnDeadline) {
    // Enough threads to be spread over several workers and two chunks.
    RecordingClassifier recorder;
    std::vector<IncomingMessage> batch;
    for (int thread = 0; thread < 400; ++thread) {
        const std::string root_id = "t" + std::to_string(thread);
        IncomingMessage root = in_thread("root", kMonday + thread, "2026-01-" + std::to_string(10 + thread % 10));
        root.parsed.message_id = root_id + "@acme.example";
        root.parsed.subject = "Topic " + root_id;
        root.raw = "Message-ID: <" + root_id + ">\r\n\r\n" + root.parsed.zones.own_text;
        IncomingMessage reply = in_thread("reply", kMonday + 1000 + thread, "");
        reply.parsed.message_id = root_id + "-reply@acme.example";
        reply.parsed.in_reply_to = root.parsed.message_id;
        reply.parsed.subject = "Re: Topic " + root_id;
        reply.raw = "Message-ID: <" + root_id + "-reply>\r\n\r\n" + reply.parsed.zones.own_text;
        batch.push_back(reply);
        batch.push_back(root);
    }
    ASSERT_OK(store_->ingest_batch(batch));
    auto events = store_->classify_pending(recorder.classifier());
    ASSERT_OK(events);
    EXPECT_EQ(*events, 400u);
    EXPECT_EQ(recorder.calls(), 800u);
    for (int thread = 0; thread < 400; ++thread) {
        const auto& reply = batch[static_cast<std::size_t>(2 * thread)];
        const auto seen = recorder.seen(reply);
        EXPECT_FALSE(seen.first_in_thread);
        EXPECT_EQ(seen.current_deadline, "2026-01-" + std::to_string(10 + thread % 10)) << thread;
    }
}

// Detection reads a deadline asked only in the subject line, and a subject
// event's span indexes messages.subject: the classifier is handed exactly
// that text, reply prefixes and all, for every message of a chunk.
TEST_F(StoreClassifyTest, EachMessageIsReadWithTheSubjectItWasStoredWith) {
    IncomingMessage root = in_thread("root", kMonday, "");
    root.parsed.subject = "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY";
    const auto reply = in_thread("reply", kMonday + kHour, "");
    IncomingMessage no_subject = in_thread("other", kMonday + 2 * kHour, "");
    no_subject.parsed.message_id = "other@acme.example";
    no_subject.parsed.in_reply_to.clear();
    no_subject.parsed.subject.clear();
    no_subject.parsed.zones.own_text = "Invoice attached.";
    no_subject.raw = "Message-ID: <other@acme.example>\r\n\r\nInvoice attached.\r\n";
    ASSERT_OK(store_->ingest_batch({reply, no_subject, root}));
    RecordingClassifier recorder;
    ASSERT_OK(store_->classify_pending(recorder.classifier()));
    EXPECT_EQ(recorder.seen(root).subject, "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY");
    EXPECT_EQ(recorder.seen(reply).subject, "Re: Q4 report");
    EXPECT_EQ(recorder.seen(no_subject).subject, "");
}

}  // namespace
}  // namespace casefile::core
