// Detection: the events a message's own text shows (deadlines, scope changes,
// agreements, escalation, payment, out-of-hours urgency), each with the
// sentence that shows it. Pure: no I/O, no clock; the caller passes in what it
// knows about the message and its thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/date_expression.hpp"
#include "core/rule.hpp"
#include "core/rule_set.hpp"
#include "core/timestamp.hpp"

namespace casefile::core {

// How a deadline_change moved the thread's deadline.
enum class DueMove { none, earlier, later, cancelled };
std::string_view due_move_name(DueMove move);  // "none", "earlier", "later", "cancelled"

// Where an event's evidence sentence was found: the own text, or the subject
// line when the ask is made there only (core/subject_ask.hpp).
enum class EvidenceSource { own_text, subject };

struct Event {
    Category category = Category::deadline_set;
    std::string evidence;   // the sentence, exactly as written
    std::size_t start = 0;  // the sentence's byte span in `source`
    std::size_t end = 0;
    EvidenceSource source = EvidenceSource::own_text;
    // Deadline events: the resolved due date ("YYYY-MM-DD" or a date-time with
    // offset); empty when the sentence names none ("ASAP") or the deadline was
    // dropped.
    std::string due;
    std::string previous_due;  // deadline_change: the deadline it replaces, when known
    DueMove move = DueMove::none;
    std::string rule;          // the id of the strongest rule that fired
    double confidence = 0.0;   // 0..1: the rules' weights combined
};

// A rule whose phrase matched but that did not fire (for `rules test --explain`).
struct NearMiss {
    std::string rule;
    Category category = Category::deadline_set;
    std::string evidence;  // the sentence
    std::size_t start = 0;  // byte span in `source`
    std::size_t end = 0;
    EvidenceSource source = EvidenceSource::own_text;
    std::string reason;    // "excluded by \"no rush\"", "needs a date in the sentence", ...
};

struct DetectInput {
    std::string_view own_text;  // the message's own zone only: never quotes or signatures
    // The Subject header as written; may be empty. Read for a deadline only
    // when the own text shows none and the sender wrote it (not a reply or
    // forward): see detect() below.
    std::string_view subject;
    Timestamp date;             // the message's Date, in the sender's offset
    bool from_va = false;       // the VA wrote it (her commitments count too)
    bool first_in_thread = false;  // the thread's first message: never a scope change
    bool bulk = false;          // newsletter, list or automated mail: nothing fires
    bool outside_working_hours = false;  // sent outside the VA's working hours
    std::string current_deadline;        // the thread's deadline before this message; may be empty
    DateOptions date_options;
    bool explain = false;  // also collect near misses
};

struct Detection {
    std::vector<Event> events;  // in text order
    std::vector<NearMiss> near_misses;
};

// At most one event per sentence and category (the rules that fired there are
// combined: confidence = 1 - prod(1 - weight)); a deadline_change in a sentence
// replaces a deadline_set there. In client mail, a deadline_set whose due
// date differs from the thread's deadline before this message
// (input.current_deadline) becomes a deadline_change from it; in the VA's own
// mail (input.from_va) it stays a deadline_set, her commitment. A second dated
// deadline_set in the same message is another deliverable's deadline and
// stays a deadline_set with no previous date ("the draft by Friday, the final
// deck by Thursday"); only a deadline_change rule ("push the draft to
// Monday") compares with a deadline set earlier in the same message. Bulk
// mail gives nothing at all. When the own text shows no deadline, the
// subject (input.subject, if subject_of_own_ask keeps it) is read with the
// same rules as one more text, and its deadline events come last, with
// source EvidenceSource::subject and spans into the subject; a subject that
// restates the body's ask adds nothing.
Detection detect(const RuleSet& rules, const DetectInput& input);

// Compares two due values (dates or date-times as find_dates writes them):
// negative when a is earlier, 0 when the same moment or the same day and one
// of them has no time, positive when later.
int compare_due(std::string_view a, std::string_view b);

// Newsletters, mailing lists and automated notices, from their headers
// (values as written; empty when absent): a List-Id or List-Unsubscribe;
// Precedence bulk, list or junk; Auto-Submitted other than "no" (RFC 3834);
// or a sender such as noreply@, no-reply@, mailer-daemon@, notifications@.
struct BulkSignals {
    std::string_view list_id = {};
    std::string_view list_unsubscribe = {};
    std::string_view precedence = {};
    std::string_view auto_submitted = {};
    std::string_view from_address = {};
};
bool is_bulk_mail(const BulkSignals& signals);

// Newsletters, news digests and marketing that carry none of those headers
// still end with their trade marks: "unsubscribe", "all rights reserved",
// "you are receiving this", "privacy policy", a newswire credit. True when
// the message's own text holds one (case-insensitive, whole words).
bool is_bulk_text(std::string_view own_text);

}  // namespace casefile::core
