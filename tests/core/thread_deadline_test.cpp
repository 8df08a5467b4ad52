// Which of one mail's deadline events is the thread's deadline after it: the
// order classification, the digest and the deadline histories share.
#include "core/thread_deadline.hpp"

#include <gtest/gtest.h>

namespace casefile::core {
namespace {

DeadlineCandidate set(std::string_view due, std::int64_t sequence) { return {false, due, sequence}; }
DeadlineCandidate change(std::string_view due, std::int64_t sequence) { return {true, due, sequence}; }

TEST(ThreadDeadline, TheNearestDateOfSeveralSetsIsTheDeadline) {
    EXPECT_TRUE(sets_thread_deadline_before(set("2025-12-12", 1), set("2025-12-15", 2)));
    EXPECT_FALSE(sets_thread_deadline_before(set("2025-12-15", 1), set("2025-12-12", 2)));
    // A time on a day is nearer than a later day, whatever the sentence order.
    EXPECT_TRUE(sets_thread_deadline_before(set("2025-12-12T17:00:00-06:00", 2), set("2025-12-13", 1)));
    EXPECT_TRUE(sets_thread_deadline_before(set("2025-12-12T09:00:00-06:00", 2),
                                            set("2025-12-12T17:00:00-06:00", 1)));
    // The same date twice: the first sentence.
    EXPECT_TRUE(sets_thread_deadline_before(set("2025-12-12", 1), set("2025-12-12", 2)));
}

TEST(ThreadDeadline, AnAsapIsTheDeadlineOnlyWhenNoDateIsSet) {
    EXPECT_TRUE(sets_thread_deadline_before(set("2025-12-15", 2), set("", 1)));
    EXPECT_FALSE(sets_thread_deadline_before(set("", 1), set("2025-12-15", 2)));
}

TEST(ThreadDeadline, AChangeHasTheLastWord) {
    // "The draft was due Monday. Let's push it to Friday."
    EXPECT_TRUE(sets_thread_deadline_before(change("2025-12-12", 2), set("2025-12-08", 1)));
    EXPECT_TRUE(sets_thread_deadline_before(change("2025-12-19", 1), set("2025-12-08", 2)));
    // Of two changes, the later sentence.
    EXPECT_TRUE(sets_thread_deadline_before(change("2025-12-19", 3), change("2025-12-10", 2)));
    EXPECT_FALSE(sets_thread_deadline_before(change("2025-12-10", 2), change("2025-12-19", 3)));
}

}  // namespace
}  // namespace casefile::core
