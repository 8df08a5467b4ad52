// The daily digest's content: what changed with each client in one local
// day, what is at risk (deadlines due soon, mail awaiting the VA's reply),
// and the ledger head that makes a later rewrite of history visible to
// anyone holding this mail. Pure: the store gathers DigestData, this turns it
// into a subject, a plain text and an HTML body; daemon/ sends it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace casefile::core {

struct DigestEvent {
    std::string category;      // deadline_set, deadline_change, scope_add, ...
    std::string evidence;      // the sender's own sentence
    // The evidence is the Subject line (an ask made only there), not a
    // sentence of the body: shown as such.
    bool evidence_in_subject = false;
    std::string due;           // resolved date or date-time; empty when none
    std::string previous_due;  // deadline_change: the date it replaced
    std::string message_date;  // ISO 8601 in the sender's offset
    std::string subject;
    std::string from;
};

struct DigestDeadline {
    std::string due;  // "2026-12-04" or a date-time
    std::string subject;
    std::string evidence;
    bool evidence_in_subject = false;  // as DigestEvent::evidence_in_subject
    bool overdue = false;
    // The VA's own commitment in her mail ("I'll send it by Thursday"), not
    // a deadline the client set: listed apart, so she sees both.
    bool own_promise = false;
};

struct DigestAwaiting {
    std::string subject;
    std::string from;
    std::string received;                   // ISO 8601 in the sender's offset
    std::int64_t waited_working_seconds = 0;
};

struct DigestOutOfHours {
    std::string subject;
    std::string from;
    std::string received_local;  // "Mon 30 Nov 23:40" in the VA's time zone
};

struct DigestClientSection {
    std::string client;
    std::int64_t new_messages = 0;
    std::vector<DigestEvent> events;
    std::vector<DigestDeadline> deadlines;  // due in the next 7 days, or overdue
    std::vector<DigestAwaiting> awaiting;   // oldest first
    std::vector<DigestOutOfHours> out_of_hours;
};

struct DigestProblemMessage {
    std::string subject;
    std::string from;
    std::string date;
    std::string problem;  // the first warning, or the size-cap note
};

struct DigestNotice {
    std::string created_at;
    std::string kind;  // uidvalidity, unreachable, oversized, ...
    std::string account;
    std::string folder;
    std::string text;
};

struct DigestData {
    std::string day_label;  // "Monday 30 November 2026": the local day covered
    std::string window_start;  // ISO 8601 UTC, inclusive
    std::string window_end;    // ISO 8601 UTC, exclusive
    std::vector<DigestClientSection> clients;  // only clients with something to say
    std::vector<DigestProblemMessage> problem_messages;
    std::vector<DigestNotice> notices;
    std::int64_t new_messages = 0;    // stored in the window, all clients and none
    std::int64_t total_messages = 0;
    std::int64_t ledger_entries = 0;
    std::string ledger_head;
    std::string export_hint = "casefile export --client NAME --out DIR";
};

struct DigestText {
    bool quiet = false;  // nothing new and nothing at risk: the one-line digest
    std::string subject;  // counts and the day only: never client text
    std::string text;
    std::string html;
};

DigestText compose_digest(const DigestData& data);

// "Deadline moved", "Scope added", ... for a category name.
std::string digest_category_title(const std::string& category);

// "3 h 20 min", "45 min": a span of working time, to the minute.
std::string format_working_time(std::int64_t seconds);

}  // namespace casefile::core
