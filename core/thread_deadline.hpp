// Which of one message's deadline events leaves the thread's deadline. One
// mail often sets several: "the draft by Friday 12 December? I need it for
// the sign-off on Monday 15th", "outline by Friday, the final by the 15th".
// The thread's deadline is then the nearest of them, the one the VA must
// meet next (the later sentence used to win, and the digest's "due in the
// next 7 days" missed Friday). An explicit change in the mail still has the
// last word: "The draft was due Monday. Let's push it to Friday."
//
// Classification (core/store_classify), the digest (core/store_digest) and
// the deadline histories (core/deadline_history) all use this order; the two
// SQL queries spell it out as thread_deadline_order() in store_internal.hpp.
#pragma once

#include <cstdint>
#include <string_view>

namespace casefile::core {

struct DeadlineCandidate {
    bool change = false;        // deadline_change (else deadline_set)
    std::string_view due;       // ISO 8601 date or date-time; "" for none ("ASAP")
    std::int64_t sequence = 0;  // position in the message: event id or index
};

// True when `a` rather than `b`, both from the same message, is the thread's
// deadline after it: a change before any set, the last change of several;
// among sets a dated one before "ASAP", the earlier date, then the earlier
// sentence.
constexpr bool sets_thread_deadline_before(const DeadlineCandidate& a, const DeadlineCandidate& b) {
    if (a.change != b.change) return a.change;
    if (a.change) return a.sequence > b.sequence;
    if (a.due.empty() != b.due.empty()) return !a.due.empty();
    // Dates of one message share the sender's offset: their text orders them
    // ("2025-12-12" before "2025-12-12T17:00:00+00:00" before "2025-12-15").
    const std::string_view a_day = a.due.substr(0, 10), b_day = b.due.substr(0, 10);
    if (a_day != b_day) return a_day < b_day;
    if (a.due != b.due) return a.due < b.due;
    return a.sequence < b.sequence;
}

}  // namespace casefile::core
