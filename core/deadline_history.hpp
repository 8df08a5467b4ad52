// Each thread's deadline as it went: set, moved later, moved earlier, ...,
// with the message and the sentence of every step, and the deadline in force
// now (issue 4, item 3). What a VA reads before a mediation: "you asked for
// the 5th, then the 3rd, on these days, in these words". Pure: composed from
// what Store::threads and Store::events already return.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/store_types.hpp"

namespace casefile::core {

struct DeadlineStep {
    std::int64_t event_id = 0;
    std::string category;  // "deadline_set" | "deadline_change"
    // How this step moved the deadline before it (its previous_due):
    //   "set"      first date, or no earlier date known
    //   "earlier", "later", "same" (restated: same day, or same moment)
    //   "no_date"  the sentence names no date ("ASAP", a cancellation: the
    //              evidence and rule say which); the thread has no dated
    //              deadline after it
    std::string change;
    std::string due;                          // ISO 8601 date or date-time; "" when none
    std::string previous_due;                 // as detection saw it; "" when none
    std::optional<std::string> message_date;  // ISO 8601 in the sender's offset
    std::optional<std::string> message_id;
    std::string from;
    bool from_me = false;  // the VA's own commitment
    std::string evidence;  // the sentence, as written
    // Where it stands: "own_text", or "subject" for an ask made only in the
    // Subject line (core/evidence_source.hpp).
    std::string evidence_source;
    std::string rule_id;
    std::int64_t ledger_sequence = 0;  // the event's ledger entry; 0 when none
};

struct ThreadDeadlines {
    std::string thread_id;
    std::optional<std::string> client;
    std::string subject;                // of the thread's first message
    // The due of the latest mail's step that counts ("" when it has none),
    // chosen within that mail by core/thread_deadline.hpp (its last change,
    // else its nearest date). Steps that count: the client's, the VA's
    // deadline_change steps, and her deadline_set steps (commitments) only
    // while the client has stated no deadline.
    std::string current_due;
    std::vector<DeadlineStep> history;  // oldest first
};

// The threads of `rows` that have live deadline events, grouped by client
// (clients by name, mail of no client last; threads in `rows` order within
// a client). REQUIRES: `rows` as Store::threads returns them; `events` as
// Store::events returns them (by message date, then id). Superseded events
// and other categories are skipped.
std::vector<ThreadDeadlines> deadline_histories(const std::vector<ThreadRow>& rows,
                                                const std::vector<StoredEvent>& events);

}  // namespace casefile::core
