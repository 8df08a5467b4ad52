// Deadline histories composed from thread rows and stored events: the steps
// in order, how each moved the deadline, the current deadline, grouping by
// client, and what is left out (superseded events, other categories).
#include "core/deadline_history.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

ThreadRow row(std::int64_t id, const std::string& thread, std::optional<std::string> client,
              const std::string& date, const std::string& subject, bool from_me = false) {
    ThreadRow result;
    result.row = id;
    result.message_id = "m" + std::to_string(id) + "@example";
    result.thread_id = thread;
    result.client = std::move(client);
    result.date = date;
    result.subject = subject;
    result.from = from_me ? "Dana Reyes <dana@reyes-va.example>" : "Bob <bob@acme.example>";
    result.from_me = from_me;
    return result;
}

StoredEvent event(std::int64_t id, std::int64_t message_row, const std::string& category,
                  const std::string& due, const std::string& previous_due = "",
                  const std::string& evidence = "sentence") {
    StoredEvent stored;
    stored.id = id;
    stored.event.message_row = message_row;
    stored.event.category = category;
    stored.event.due = due;
    stored.event.previous_due = previous_due;
    stored.event.evidence = evidence;
    stored.event.rule_id = "rule-" + category;
    stored.ledger_sequence = 100 + id;
    return stored;
}

const std::vector<ThreadRow> kRows = {
    row(1, "tq4", "Acme", "2025-11-24T09:14:27-06:00", "Q4 vendor report"),
    row(2, "tq4", "Acme", "2025-11-24T11:02:09-06:00", "Re: Q4 vendor report", true),
    row(3, "tq4", "Acme", "2025-12-01T09:03:51-06:00", "Re: Q4 vendor report"),
    row(4, "tq4", "Acme", "2025-12-02T09:41:00-06:00", "Re: Q4 vendor report"),
    row(5, "tnews", "Brightside Dental", "2025-11-18T10:15:41-08:00", "December newsletter"),
    row(6, "tnews", "Brightside Dental", "2025-12-06T12:15:00-08:00", "Re: December newsletter"),
    row(7, "tlone", std::nullopt, "2025-11-20T06:00:00+00:00", "Newsletter"),
    row(8, "tquiet", "Acme", "2025-11-17T10:02:00-06:00", "Invoice"),
};

TEST(DeadlineHistory, StepsInOrderWithHowEachMovedTheDeadline) {
    const std::vector<StoredEvent> events = {
        event(10, 1, "deadline_set", "2025-12-05", "", "Please have it to me by Friday, Dec 5."),
        event(11, 2, "deadline_set", "2025-12-05"),
        event(12, 2, "scope_add", ""),
        event(14, 3, "deadline_change", "2025-12-03", "2025-12-05",
              "Actually I need it by Wednesday instead."),
        event(20, 4, "deadline_change", "2025-12-04T12:00:00-06:00", "2025-12-03"),
    };
    const auto threads = deadline_histories(kRows, events);
    ASSERT_EQ(threads.size(), 1u);
    const ThreadDeadlines& q4 = threads[0];
    EXPECT_EQ(q4.thread_id, "tq4");
    EXPECT_EQ(q4.client, "Acme");
    EXPECT_EQ(q4.subject, "Q4 vendor report");
    EXPECT_EQ(q4.current_due, "2025-12-04T12:00:00-06:00");
    ASSERT_EQ(q4.history.size(), 4u) << "the scope event is not a deadline step";
    EXPECT_EQ(q4.history[0].change, "set");
    EXPECT_EQ(q4.history[0].evidence, "Please have it to me by Friday, Dec 5.");
    EXPECT_EQ(q4.history[0].message_date, "2025-11-24T09:14:27-06:00");
    EXPECT_EQ(q4.history[0].message_id, "m1@example");
    EXPECT_EQ(q4.history[0].ledger_sequence, 110);
    EXPECT_FALSE(q4.history[0].from_me);
    EXPECT_TRUE(q4.history[1].from_me);
    EXPECT_EQ(q4.history[1].change, "set");
    EXPECT_EQ(q4.history[2].change, "earlier");
    EXPECT_EQ(q4.history[2].previous_due, "2025-12-05");
    EXPECT_EQ(q4.history[2].rule_id, "rule-deadline_change");
    // Thursday noon after Wednesday: later, though one is a date-time.
    EXPECT_EQ(q4.history[3].change, "later");
}

TEST(DeadlineHistory, ARestatedDateIsSameAndACancellationLeavesNoCurrentDeadline) {
    const std::vector<StoredEvent> events = {
        event(1, 5, "deadline_set", "2025-12-12"),
        event(2, 6, "deadline_change", "2025-12-12T17:00:00-08:00", "2025-12-12"),
        event(3, 6, "deadline_change", "", "2025-12-12T17:00:00-08:00",
              "No need for the draft anymore."),
    };
    const auto threads = deadline_histories(kRows, events);
    ASSERT_EQ(threads.size(), 1u);
    EXPECT_EQ(threads[0].history[1].change, "same");
    EXPECT_EQ(threads[0].history[2].change, "no_date");
    EXPECT_EQ(threads[0].current_due, "");
}

TEST(DeadlineHistory, SupersededEventsAndUnlistedMessagesAreLeftOut) {
    std::vector<StoredEvent> events = {event(1, 1, "deadline_set", "2025-12-05"),
                                       event(2, 3, "deadline_change", "2025-12-03", "2025-12-05"),
                                       event(3, 99, "deadline_set", "2025-12-01")};
    events[1].superseded_at = "2025-12-10T00:00:00Z";
    const auto threads = deadline_histories(kRows, events);
    ASSERT_EQ(threads.size(), 1u);
    ASSERT_EQ(threads[0].history.size(), 1u);
    EXPECT_EQ(threads[0].current_due, "2025-12-05");
}

TEST(DeadlineHistory, GroupedByClientNameWithMailOfNoClientLast) {
    const std::vector<StoredEvent> events = {
        event(1, 5, "deadline_set", "2025-12-12"), event(2, 7, "deadline_set", "2025-12-12"),
        event(3, 1, "deadline_set", "2025-12-05"), event(4, 8, "deadline_set", "")};
    const auto threads = deadline_histories(kRows, events);
    ASSERT_EQ(threads.size(), 4u);
    EXPECT_EQ(threads[0].thread_id, "tq4");
    EXPECT_EQ(threads[1].thread_id, "tquiet") << "Acme's threads in thread order";
    EXPECT_EQ(threads[1].current_due, "");
    EXPECT_EQ(threads[1].history[0].change, "no_date");
    EXPECT_EQ(threads[2].thread_id, "tnews");
    EXPECT_EQ(threads[3].thread_id, "tlone");
    EXPECT_FALSE(threads[3].client);
}

// "Could you send the supplier list by Friday 12 December? I need it for the
// sign-off on Monday 15th.": the list is due Friday, the nearer date, though
// the later sentence names the 15th. A change in the same mail still wins.
TEST(DeadlineHistory, OfSeveralDatesInOneMailTheNearestIsCurrent) {
    const auto both_set = deadline_histories(
        kRows, {event(10, 1, "deadline_set", "2025-12-12"), event(11, 1, "deadline_set", "2025-12-15"),
                event(12, 1, "deadline_set", "")});
    ASSERT_EQ(both_set.size(), 1u);
    EXPECT_EQ(both_set[0].history.size(), 3u);
    EXPECT_EQ(both_set[0].current_due, "2025-12-12");

    // The next mail's date counts, even when it is later than the nearest one.
    const auto next_mail = deadline_histories(
        kRows, {event(10, 1, "deadline_set", "2025-12-12"), event(11, 1, "deadline_set", "2025-12-15"),
                event(14, 3, "deadline_set", "2025-12-19", "2025-12-12")});
    EXPECT_EQ(next_mail[0].current_due, "2025-12-19");

    const auto moved = deadline_histories(
        kRows, {event(10, 1, "deadline_set", "2025-12-08"),
                event(11, 1, "deadline_change", "2025-12-12", "2025-12-08"),
                event(12, 1, "deadline_set", "2025-12-10")});
    EXPECT_EQ(moved[0].current_due, "2025-12-12");
}

TEST(DeadlineHistory, NoEventsNoThreads) {
    EXPECT_TRUE(deadline_histories(kRows, {}).empty());
    EXPECT_TRUE(deadline_histories({}, {event(1, 1, "deadline_set", "2025-12-05")}).empty());
}

TEST(DeadlineHistory, TheVasOwnDatesAreStepsButTheClientsDeadlineStaysCurrent) {
    const std::vector<StoredEvent> events = {
        event(1, 1, "deadline_set", "2025-12-05"),
        event(2, 2, "deadline_set", "2025-11-28", "", "I'll have the other part done by the end of next week."),
    };
    const auto threads = deadline_histories(kRows, events);
    ASSERT_EQ(threads.size(), 1u);
    ASSERT_EQ(threads[0].history.size(), 2u);
    EXPECT_TRUE(threads[0].history[1].from_me);
    EXPECT_EQ(threads[0].current_due, "2025-12-05");

    // Her explicit change counts.
    const auto changed = deadline_histories(
        kRows, {event(1, 1, "deadline_set", "2025-12-05"), event(4, 2, "deadline_change", "", "2025-12-05")});
    ASSERT_EQ(changed.size(), 1u);
    EXPECT_EQ(changed[0].current_due, "");

    // A thread where only the VA has stated a date shows hers.
    const auto own = deadline_histories(kRows, {event(3, 2, "deadline_set", "2025-11-28")});
    ASSERT_EQ(own.size(), 1u);
    EXPECT_EQ(own[0].current_due, "2025-11-28");
}

}  // namespace
}  // namespace casefile::core
