#include "core/deadline_history.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/detect.hpp"
#include "core/thread_deadline.hpp"

namespace casefile::core {
namespace {

bool is_deadline(const std::string& category) {
    return category == "deadline_set" || category == "deadline_change";
}

std::string change_of(const NewEvent& event) {
    if (event.due.empty()) return "no_date";
    if (event.previous_due.empty()) return "set";
    const int moved = compare_due(event.due, event.previous_due);
    return moved < 0 ? "earlier" : moved > 0 ? "later" : "same";
}

}  // namespace

std::vector<ThreadDeadlines> deadline_histories(const std::vector<ThreadRow>& rows,
                                                const std::vector<StoredEvent>& events) {
    std::unordered_map<std::int64_t, const ThreadRow*> by_row;
    std::map<std::string, std::size_t> thread_order;  // thread id -> first position in rows
    std::map<std::string, const ThreadRow*> first_message;
    for (const ThreadRow& row : rows) {
        by_row.emplace(row.row, &row);
        if (thread_order.emplace(row.thread_id, thread_order.size()).second) {
            first_message[row.thread_id] = &row;
        }
    }

    std::map<std::string, ThreadDeadlines> threads;
    std::set<std::string> stated_by_client;  // threads with a step from the client
    // thread id -> the message row and the step that set its current deadline
    std::map<std::string, std::pair<std::int64_t, DeadlineCandidate>> current_step;
    for (const StoredEvent& stored : events) {
        if (stored.superseded_at || !is_deadline(stored.event.category)) continue;
        const auto message = by_row.find(stored.event.message_row);
        if (message == by_row.end()) continue;  // not in the rows asked for
        const ThreadRow& row = *message->second;
        ThreadDeadlines& thread = threads[row.thread_id];
        if (thread.thread_id.empty()) {
            thread.thread_id = row.thread_id;
            thread.client = first_message[row.thread_id]->client;
            thread.subject = first_message[row.thread_id]->subject;
        }
        DeadlineStep step;
        step.event_id = stored.id;
        step.category = stored.event.category;
        step.change = change_of(stored.event);
        step.due = stored.event.due;
        step.previous_due = stored.event.previous_due;
        step.message_date = row.date;
        step.message_id = row.message_id;
        step.from = row.from;
        step.from_me = row.from_me;
        step.evidence = stored.event.evidence;
        step.evidence_source = stored.event.evidence_source;
        step.rule_id = stored.event.rule_id;
        step.ledger_sequence = stored.ledger_sequence;
        // Store::events orders by message date, then id: the order in which
        // classification saw them. The current deadline is the client's last
        // message's (within it, core/thread_deadline.hpp picks); the VA's own
        // dates are her commitments and count only while the client has
        // stated none, her explicit changes always.
        const bool client_stated = stated_by_client.count(row.thread_id) > 0;
        if (!step.from_me || !client_stated || step.category == "deadline_change") {
            const DeadlineCandidate candidate{step.category == "deadline_change", stored.event.due,
                                              stored.id};
            auto [current, first_of_message] = current_step.try_emplace(row.thread_id, row.row, candidate);
            if (first_of_message || current->second.first != row.row ||
                sets_thread_deadline_before(candidate, current->second.second)) {
                current->second = {row.row, candidate};
                thread.current_due = step.due;
            }
        }
        if (!step.from_me) stated_by_client.insert(row.thread_id);
        thread.history.push_back(std::move(step));
    }

    std::vector<ThreadDeadlines> listed;
    for (auto& [id, thread] : threads) listed.push_back(std::move(thread));
    std::sort(listed.begin(), listed.end(),
              [&](const ThreadDeadlines& a, const ThreadDeadlines& b) {
                  if (a.client.has_value() != b.client.has_value()) return a.client.has_value();
                  if (a.client != b.client) return *a.client < *b.client;
                  return thread_order[a.thread_id] < thread_order[b.thread_id];
              });
    return listed;
}

}  // namespace casefile::core
