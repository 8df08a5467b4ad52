// DetectionMemo: detection worked out during a sync is taken by
// classify_pending only where the real input matches in every field, so the
// memo changes how fast classification runs, never what it finds.
#include "core/detection_memo.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "core/message_keys.hpp"
#include "core/store.hpp"
#include "support/expect_ok.hpp"
#include "support/temp_dir.hpp"
#include "support/thread_message.hpp"

namespace casefile::core {
namespace {

constexpr std::int64_t kMonday = 1764601200;  // 2025-12-01 15:00 UTC
constexpr std::int64_t kHour = 3600;
const std::string kSha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

ClassifyInput input_of(const std::string& text) {
    ClassifyInput input;
    input.own_text = text;
    input.date = Timestamp{kMonday, -300};
    input.first_in_thread = true;
    return input;
}

NewEvent deadline_event(const std::string& due, const std::string& previous) {
    NewEvent event;
    event.category = previous.empty() ? "deadline_set" : "deadline_change";
    event.evidence = "deadline " + due;
    event.due = due;
    event.previous_due = previous;
    event.rule_id = "test.deadline";
    event.confidence = 0.9;
    return event;
}

TEST(DetectionMemoTest, RecallsTheEventsOnlyWhenEveryFieldOfTheInputMatches) {
    DetectionMemo memo;
    const ClassifyInput input = input_of("Please send the Q4 report by Friday.");
    memo.remember(kSha, input, {deadline_event("2025-12-05", "")});

    ClassifyInput same = input;
    same.message_row = 42;
    auto recalled = memo.recall(kSha, same);
    ASSERT_TRUE(recalled.has_value());
    ASSERT_EQ(recalled->size(), 1u);
    EXPECT_EQ((*recalled)[0].message_row, 42) << "the row is the stored message's";
    EXPECT_EQ((*recalled)[0].due, "2025-12-05");

    auto differs = [&](auto change) {
        ClassifyInput other = input;
        change(other);
        return !memo.recall(kSha, other).has_value();
    };
    EXPECT_TRUE(
        differs([](ClassifyInput& in) { in.own_text = "Please send the Q4 report by Monday."; }));
    EXPECT_TRUE(differs([](ClassifyInput& in) { in.date = Timestamp{kMonday + 86400, -300}; }));
    EXPECT_TRUE(differs([](ClassifyInput& in) { in.date = Timestamp{kMonday, 0}; }));
    EXPECT_TRUE(differs([](ClassifyInput& in) { in.date.reset(); }));
    EXPECT_TRUE(differs([](ClassifyInput& in) { in.from_me = true; }));
    EXPECT_TRUE(differs([](ClassifyInput& in) { in.bulk = true; }));
    EXPECT_TRUE(differs([](ClassifyInput& in) { in.first_in_thread = false; }));
    EXPECT_TRUE(differs([](ClassifyInput& in) { in.current_deadline = "2025-12-03"; }));
    // Detection reads a deadline asked only in the subject line: a different
    // subject can mean different events.
    EXPECT_TRUE(differs(
        [](ClassifyInput& in) { in.subject = "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY"; }));
    EXPECT_FALSE(memo.recall("0" + kSha.substr(1), input).has_value()) << "another message";
    EXPECT_EQ(memo.hits(), 1u);
    EXPECT_EQ(memo.misses(), 10u);
}

TEST(DetectionMemoTest, RecallsAStoredMessageWithoutItsTextOnlyForItsOwnRow) {
    DetectionMemo memo;
    const ClassifyInput input = input_of("Please send the Q4 report by Friday.");
    memo.remember(kSha, input, {deadline_event("2025-12-05", "")});
    ClassifyInput unread = input;  // as classification sees it: the text not read back
    unread.own_text.clear();
    unread.message_row = 42;
    EXPECT_FALSE(memo.recall_stored(kSha, unread).has_value()) << "not stored in this pass";
    memo.stored_as(kSha, 42);
    auto recalled = memo.recall_stored(kSha, unread);
    ASSERT_TRUE(recalled.has_value());
    ASSERT_EQ(recalled->size(), 1u);
    EXPECT_EQ((*recalled)[0].message_row, 42);
    ClassifyInput other_row = unread;
    other_row.message_row = 43;
    EXPECT_FALSE(memo.recall_stored(kSha, other_row).has_value());
    ClassifyInput reply = unread;
    reply.first_in_thread = false;
    EXPECT_FALSE(memo.recall_stored(kSha, reply).has_value());
    ClassifyInput under_deadline = unread;
    under_deadline.current_deadline = "2025-12-03";
    EXPECT_FALSE(memo.recall_stored(kSha, under_deadline).has_value());
    ClassifyInput other_subject = unread;  // the subject is read back, and compared
    other_subject.subject = "Timesheets due by noon Tuesday";
    EXPECT_FALSE(memo.recall_stored(kSha, other_subject).has_value());
    EXPECT_EQ(memo.hits(), 1u);
    EXPECT_EQ(memo.misses(), 0u) << "a message that cannot be taken unread is read, then counted";
}

TEST(DetectionMemoTest, RemembersNoMoreThanItsCapacity) {
    DetectionMemo memo(2);
    memo.remember("01" + kSha.substr(2), input_of("a"), {});
    memo.remember("02" + kSha.substr(2), input_of("b"), {});
    memo.remember("03" + kSha.substr(2), input_of("c"), {});
    EXPECT_EQ(memo.size(), 2u);
    EXPECT_FALSE(memo.recall("03" + kSha.substr(2), input_of("c")).has_value());
    memo.clear();
    EXPECT_EQ(memo.size(), 0u);
}

TEST(DetectionMemoTest, GuessesThatOnlyAReplyHasEarlierMessagesInItsThread) {
    ParsedMessage fresh;
    fresh.subject = "Website copy for the spring launch";
    EXPECT_TRUE(DetectionMemo::likely_first_in_thread(fresh));
    ParsedMessage forwarded = fresh;
    forwarded.subject = "Fwd: Website copy for the spring launch";
    EXPECT_TRUE(DetectionMemo::likely_first_in_thread(forwarded)) << "a forward starts anew";
    ParsedMessage by_subject = fresh;
    by_subject.subject = "RE: Website copy for the spring launch";
    EXPECT_FALSE(DetectionMemo::likely_first_in_thread(by_subject));
    ParsedMessage by_header = fresh;
    by_header.in_reply_to = "abc@client.example";
    EXPECT_FALSE(DetectionMemo::likely_first_in_thread(by_header));
    ParsedMessage by_references = fresh;
    by_references.references = {"abc@client.example"};
    EXPECT_FALSE(DetectionMemo::likely_first_in_thread(by_references));
}

// A message of the test thread (tests/support/thread_message.hpp), its
// SHA-256 computed as the fetch worker does, so the memo can key it.
IncomingMessage in_thread(const std::string& id, std::int64_t date, const std::string& deadline) {
    IncomingMessage incoming = testing::thread_message(id, date, deadline);
    compute_message_keys(incoming);
    return incoming;
}

class MemoClassifyTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto opened = Store::open(directory_.file("casefile.db"), clock_);
        ASSERT_OK(opened);
        store_.emplace(std::move(*opened));
    }

    // States the deadline its text names, a change when the thread had one.
    Classifier counting() {
        return [this](const ClassifyInput& input) {
            ++calls_;
            NewEvent event = deadline_event(input.own_text.substr(9), input.current_deadline);
            event.message_row = input.message_row;
            return std::vector<NewEvent>{event};
        };
    }

    // The events classification stored (with a memo) are the ones it finds
    // again, event for event, when everything is classified without one.
    void expect_same_events_without_the_memo(const Classifier& classify, std::size_t expected) {
        auto with_memo = store_->events({});
        ASSERT_OK(with_memo);
        ASSERT_OK(store_->supersede_events());
        ASSERT_OK(store_->classify_pending(classify));
        EventFilter live;
        live.include_superseded = false;
        auto without = store_->events(live);
        ASSERT_OK(without);
        ASSERT_EQ(with_memo->size(), expected);
        ASSERT_EQ(without->size(), with_memo->size());
        for (std::size_t index = 0; index < with_memo->size(); ++index) {
            const NewEvent& a = (*with_memo)[index].event;
            const NewEvent& b = (*without)[index].event;
            EXPECT_EQ(a.message_row, b.message_row);
            EXPECT_EQ(a.category, b.category);
            EXPECT_EQ(a.evidence, b.evidence);
            EXPECT_EQ(a.evidence_source, b.evidence_source);
            EXPECT_EQ(a.due, b.due);
            EXPECT_EQ(a.previous_due, b.previous_due);
        }
    }

    testing::TempDir directory_;
    FixedClock clock_{kMonday + 30 * 24 * kHour};
    std::optional<Store> store_;
    std::atomic<int> calls_{0};
};

TEST_F(MemoClassifyTest, TakesWhatMatchesAndReadsAgainWhatTheGuessGotWrong) {
    const auto root = in_thread("root", kMonday, "2025-12-05");
    const auto moved = in_thread("moved", kMonday + 2 * kHour, "2025-12-12");
    DetectionMemo memo;
    const Classifier classify = counting();
    // As the fetch worker does: each message read before it is stored, the
    // reply under the guess "no thread deadline yet" - wrong here.
    memo.work_out(root, classify);
    memo.work_out(moved, classify);
    ASSERT_EQ(calls_, 2);
    ASSERT_OK(store_->ingest_batch({root, moved}));

    calls_ = 0;
    auto stored = store_->classify_pending(classify, &memo);
    ASSERT_OK(stored);
    EXPECT_EQ(*stored, 2u);
    EXPECT_EQ(calls_, 1) << "the root came from the memo; the reply was read again";
    EXPECT_EQ(memo.hits(), 1u);
    EXPECT_EQ(memo.misses(), 1u);
    EXPECT_EQ(memo.size(), 0u) << "emptied after the pass";

    auto events = store_->events({});
    ASSERT_OK(events);
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0].event.category, "deadline_set");
    EXPECT_EQ((*events)[0].event.due, "2025-12-05");
    EXPECT_EQ((*events)[1].event.category, "deadline_change")
        << "what the memo guessed (a first deadline) was not taken";
    EXPECT_EQ((*events)[1].event.previous_due, "2025-12-05");
    EXPECT_EQ((*events)[1].event.due, "2025-12-12");
}

TEST_F(MemoClassifyTest, AMemoFindsTheSameEventsAsClassifyingWithoutOne) {
    const auto root = in_thread("root", kMonday, "2025-12-05");
    const auto moved = in_thread("moved", kMonday + 2 * kHour, "2025-12-12");
    const auto again = in_thread("again", kMonday + 5 * kHour, "2025-12-19");
    const Classifier classify = counting();
    DetectionMemo memo;
    for (const auto* message : {&root, &moved, &again}) memo.work_out(*message, classify);
    ASSERT_OK(store_->ingest_batch({again, root, moved}));
    ASSERT_OK(store_->classify_pending(classify, &memo));
    expect_same_events_without_the_memo(classify, 3);
}

TEST_F(MemoClassifyTest, MessagesStoredWithTheMemoTakeItsEventsUnreadAndFindTheSame) {
    // As a sync does: the memo worked out on the fetch worker, the batch
    // stored with the memo so each message is bound to its row.
    const auto root = in_thread("root", kMonday, "2025-12-05");
    const auto moved = in_thread("moved", kMonday + 2 * kHour, "2025-12-12");
    const auto again = in_thread("again", kMonday + 5 * kHour, "2025-12-19");
    const Classifier classify = counting();
    DetectionMemo memo;
    for (const auto* message : {&root, &moved, &again}) memo.work_out(*message, classify);
    ASSERT_OK(store_->ingest_batch({again, root, moved}, std::nullopt, &memo));
    calls_ = 0;
    ASSERT_OK(store_->classify_pending(classify, &memo));
    EXPECT_EQ(calls_, 2) << "the root from the memo; the replies, under the root's deadline, read again";
    expect_same_events_without_the_memo(classify, 3);
}

// A deadline asked only in the subject line: the fetch worker and the store
// must hand detection the same subject, or the memo would never match such a
// message (and, worse, could match one whose subject changed).
TEST_F(MemoClassifyTest, TheSubjectTheWorkerReadIsTheSubjectTheStorePasses) {
    IncomingMessage timesheet = in_thread("root", kMonday, "");
    timesheet.parsed.subject = "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY";
    timesheet.parsed.zones.own_text = "Thanks,\nMaria\nPayroll, EB 3021";
    timesheet.raw = "Subject: " + timesheet.parsed.subject +
                    "\r\nMessage-ID: <root@acme.example>\r\n\r\n" +
                    timesheet.parsed.zones.own_text + "\r\n";
    compute_message_keys(timesheet);
    // Finds a deadline in the subject only, as detection does for a body
    // that asks nothing.
    const Classifier from_subject = [this](const ClassifyInput& input) {
        ++calls_;
        std::vector<NewEvent> events;
        const std::size_t by = input.subject.find(" BY NOON TUESDAY");
        if (by == std::string::npos) return events;
        NewEvent event = deadline_event("2025-12-02T12:00:00-05:00", "");
        event.message_row = input.message_row;
        event.evidence = input.subject;
        event.span_end = static_cast<std::int64_t>(input.subject.size());
        event.evidence_source = std::string(kEvidenceInSubject);
        events.push_back(event);
        return events;
    };
    DetectionMemo memo;
    memo.work_out(timesheet, from_subject);
    ASSERT_OK(store_->ingest_batch({timesheet}, std::nullopt, &memo));
    calls_ = 0;
    ASSERT_OK(store_->classify_pending(from_subject, &memo));
    EXPECT_EQ(calls_, 0) << "taken from the memo: the stored subject is the one worked out on";
    auto events = store_->events({});
    ASSERT_OK(events);
    ASSERT_EQ(events->size(), 1u);
    EXPECT_EQ((*events)[0].event.evidence_source, kEvidenceInSubject);
    EXPECT_EQ((*events)[0].event.evidence, "PLEASE SEND YOUR TIMESHEET BY NOON TUESDAY");
    expect_same_events_without_the_memo(from_subject, 1);
}

}  // namespace
}  // namespace casefile::core
