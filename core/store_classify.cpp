// Store::classify_pending and Store::supersede_events: running detection over
// stored messages, oldest first, so that each message is read against its
// thread's deadline as the earlier messages left it.
#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <thread>

#include "core/detection_memo.hpp"
#include "core/sha256.hpp"
#include "core/store.hpp"
#include "core/store_internal.hpp"
#include "core/thread_deadline.hpp"

namespace casefile::core {
namespace {

// Messages per transaction: bounds what a crash can make casefile redo and
// how long another writer (a sync, an import) waits for the lock; 500 take
// ~40 ms here, and fewer commits mean fewer index pages written again.
constexpr int kClassifyChunk = 500;

// The queued messages, oldest first, with what the store says of each
// before any of this chunk is classified: whether its thread has an earlier
// message, and the event that set its thread's latest deadline before it
// (date, row). Both asked in the one statement rather than as two queries
// per message: ~40,000 statement round trips fewer for an initial sync of
// 20,000 messages. The queue's key is the order wanted: no sort, and only
// the chunk's rows are read.
// With a memo the text is left out: most messages take the memo's events
// without it (decide_from_memo), and the rest read it one by one. The
// subject is always read: it is short, in the row already, and the memo
// compares it.
std::string pending_chunk_sql(bool with_text) {
    return std::string(R"sql(
        SELECT m.id, )sql") + (with_text ? "COALESCE(x.own_text, '')" : "''") + R"sql(, m.date_unix, m.date_offset, m.from_me,
               m.bulk, COALESCE(t.thread_id, ''), q.sort_date, m.sha256,
               EXISTS (
                   SELECT 1 FROM message_threads et JOIN messages em ON em.id = et.message_row
                   WHERE et.thread_id = t.thread_id
                     AND (COALESCE(em.date_unix, 0) < q.sort_date
                          OR (COALESCE(em.date_unix, 0) = q.sort_date AND em.id < m.id))),
               (SELECT e.id FROM events e
                   JOIN messages dm ON dm.id = e.message_row
                   JOIN message_threads dt ON dt.message_row = dm.id
                   WHERE dt.thread_id = t.thread_id AND e.superseded_at IS NULL
                     AND )sql" + sets_thread_deadline("dm", "e") + R"sql(
                     AND (COALESCE(dm.date_unix, 0) < q.sort_date
                          OR (COALESCE(dm.date_unix, 0) = q.sort_date AND dm.id < m.id))
                   ORDER BY )sql" + thread_deadline_order("dm", "e") + R"sql( LIMIT 1),
               m.subject
        FROM classify_queue q JOIN messages m ON m.id = q.message_row
        )sql" + (with_text ? "LEFT JOIN message_text x ON x.message_row = m.id" : "") + R"sql(
        LEFT JOIN message_threads t ON t.message_row = m.id
        ORDER BY q.sort_date, q.message_row LIMIT ?
    )sql";
}

// What a deadline event set, and the (date, row) of its message.
constexpr const char* kDeadlineOfEvent = R"sql(
        SELECT COALESCE(e.due, ''), COALESCE(m.date_unix, 0), m.id FROM events e
        JOIN messages m ON m.id = e.message_row WHERE e.id = ?
    )sql";

// A deadline and the (date, row) of the message that stated it, so that two
// candidates compare in the order the thread was written.
struct Deadline {
    std::string due;
    std::int64_t date = 0;
    std::int64_t row = 0;
    bool later_than(const Deadline& other) const {
        return date != other.date ? date > other.date : row > other.row;
    }
};

// One queued message and what classifying it found.
struct Pending {
    ClassifyInput input;
    std::string sha256;  // of the raw bytes: the memo's key
    std::string thread_id;
    std::int64_t sort_date = 0;
    std::optional<Deadline> stored_deadline;  // from messages classified before this chunk
    std::vector<NewEvent> events;
    bool decided = false;  // events taken from the memo before the text was read
};

// Takes the memo's events for each thread's first message of the chunk that
// was stored in this pass (its context is all known before classifying:
// nothing earlier in the chunk can change its thread's deadline), and reads
// the text of every other message.
void decide_from_memo(SQLite::Database& database, const DetectionMemo& memo,
                      std::vector<std::vector<Pending*>>& threads) {
    SQLite::Statement text(database, "SELECT own_text FROM message_text WHERE message_row = ?");
    for (std::vector<Pending*>& thread : threads) {
        for (Pending* message : thread) {
            if (message == thread.front()) {
                message->input.current_deadline =
                    message->stored_deadline ? message->stored_deadline->due : std::string();
                if (auto known = memo.recall_stored(message->sha256, message->input)) {
                    message->events = std::move(*known);
                    message->decided = true;
                    continue;
                }
            }
            text.reset();
            text.bind(1, static_cast<int64_t>(message->input.message_row));
            if (text.executeStep()) message->input.own_text = text.getColumn(0).getString();
        }
    }
}

// The event of one message that leaves its thread's deadline
// (core/thread_deadline.hpp), or null. The VA's own dates are her
// commitments and set nothing; her explicit changes do.
const NewEvent* thread_deadline_of(const std::vector<NewEvent>& events, bool from_me) {
    const NewEvent* best = nullptr;
    DeadlineCandidate best_candidate;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const NewEvent& event = events[i];
        const bool change = event.category == "deadline_change";
        if (!change && (event.category != "deadline_set" || from_me)) continue;
        const DeadlineCandidate candidate{change, event.due, static_cast<std::int64_t>(i)};
        if (!best || sets_thread_deadline_before(candidate, best_candidate)) {
            best = &event;
            best_candidate = candidate;
        }
    }
    return best;
}

// Classifies one thread's messages of the chunk, oldest first: a deadline one
// of the client's messages states is the current deadline for the next,
// unless a message classified earlier (not in this chunk) stated one later
// still. The VA's own dates are her commitments and set nothing; her explicit
// changes do.
void classify_thread(const Classifier& classify, const DetectionMemo* memo,
                     std::vector<Pending*>& messages) {
    std::optional<Deadline> stated_here;
    for (Pending* message : messages) {
        if (!message->decided) {
            std::optional<Deadline> current = message->stored_deadline;
            if (stated_here && (!current || stated_here->later_than(*current))) current = stated_here;
            message->input.current_deadline = current ? current->due : std::string();
            std::optional<std::vector<NewEvent>> known;
            if (memo) known = memo->recall(message->sha256, message->input);
            message->events = known ? std::move(*known) : classify(message->input);
        }
        if (const NewEvent* event = thread_deadline_of(message->events, message->input.from_me)) {
            stated_here = Deadline{event->due, message->sort_date, message->input.message_row};
        }
    }
}

// Detection is most of classification's time and each thread's messages
// depend only on each other: threads are spread over the machine's cores.
void classify_threads(const Classifier& classify, const DetectionMemo* memo,
                      std::vector<std::vector<Pending*>>& threads) {
    const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t index = next++; index < threads.size(); index = next++) {
            classify_thread(classify, memo, threads[index]);
        }
    };
    std::vector<std::thread> helpers;
    for (unsigned helper = 1; helper < workers && helper < threads.size(); ++helper) {
        helpers.emplace_back(work);
    }
    work();
    for (std::thread& helper : helpers) helper.join();
}

}  // namespace

std::string sets_thread_deadline(std::string_view message, std::string_view event) {
    const std::string m(message), e(event);
    return "(" + e + ".category IN ('deadline_set', 'deadline_change') AND (" + m +
           ".from_me = 0 OR " + e + ".category = 'deadline_change'))";
}

std::string thread_deadline_order(std::string_view message, std::string_view event) {
    const std::string m(message), e(event);
    const std::string change = "(" + e + ".category = 'deadline_change')";
    return "COALESCE(" + m + ".date_unix, 0) DESC, " + m + ".id DESC, " + change + " DESC, " +
           "CASE WHEN " + change + " THEN " + e + ".id END DESC, (COALESCE(" + e + ".due, '') = ''), " +
           "substr(" + e + ".due, 1, 10), " + e + ".due, " + e + ".id";
}

Result<std::size_t> Store::classify_pending(const Classifier& classify, DetectionMemo* memo) {
    Impl& impl = *impl_;
    // The memo only serves this pass: whatever it holds is for messages
    // queued now, and an entry left over would only take memory.
    struct EmptyAfterwards {
        DetectionMemo* memo;
        ~EmptyAfterwards() {
            if (memo) memo->clear();
        }
    } empty_afterwards{memo};
    // Back to the store's own setting however the pass ends.
    ExecOnExit durable_afterwards(impl.database, "PRAGMA synchronous = FULL");
    std::size_t stored_events = 0;
    while (true) {
        auto chunk = guarded("classifying stored messages", [&]() -> Result<int> {
            // A chunk's events can always be worked out again from the stored
            // mail, so when more chunks follow, its commit need not wait for
            // the disk: with synchronous=NORMAL a power cut (never a crash of
            // casefile) can take it back, queue entries and all, to be
            // classified again. The last chunk commits with FULL, which puts
            // everything before it on disk too, so when this returns the
            // events - and the ledger entries a digest may quote - are there.
            // Saves one disk flush (~10 ms on a slow disk) per chunk.
            SQLite::Statement more(impl.database,
                                   "SELECT 1 FROM classify_queue LIMIT 1 OFFSET ?");
            more.bind(1, kClassifyChunk);
            impl.database.exec(more.executeStep() ? "PRAGMA synchronous = NORMAL"
                                                  : "PRAGMA synchronous = FULL");
            more.reset();
            SQLite::Transaction transaction(impl.database, SQLite::TransactionBehavior::IMMEDIATE);
            impl.load_ledger_head();
            SQLite::Statement pending(impl.database, pending_chunk_sql(memo == nullptr));
            pending.bind(1, kClassifyChunk);
            SQLite::Statement deadline(impl.database, kDeadlineOfEvent);
            std::vector<Pending> messages;
            while (pending.executeStep()) {
                Pending message;
                ClassifyInput& input = message.input;
                input.message_row = pending.getColumn(0).getInt64();
                input.own_text = pending.getColumn(1).getString();
                if (!pending.getColumn(2).isNull()) {
                    input.date = Timestamp{pending.getColumn(2).getInt64(),
                                           pending.getColumn(3).isNull() ? 0 : pending.getColumn(3).getInt()};
                }
                input.from_me = pending.getColumn(4).getInt() != 0;
                input.bulk = pending.getColumn(5).getInt() != 0;
                message.thread_id = pending.getColumn(6).getString();
                message.sort_date = pending.getColumn(7).getInt64();
                message.sha256 = pending.getColumn(8).getString();
                // Whether a message is its thread's first does not depend on
                // classification; the deadline does, and classify_thread adds
                // what this chunk's earlier messages state.
                input.first_in_thread = pending.getColumn(9).getInt() == 0;
                input.subject = pending.getColumn(11).getString();
                if (!pending.getColumn(10).isNull()) {
                    deadline.reset();
                    deadline.bind(1, pending.getColumn(10).getInt64());
                    if (deadline.executeStep()) {
                        message.stored_deadline = Deadline{deadline.getColumn(0).getString(),
                                                           deadline.getColumn(1).getInt64(),
                                                           deadline.getColumn(2).getInt64()};
                    }
                }
                messages.push_back(std::move(message));
            }
            std::map<std::string, std::vector<Pending*>> by_thread;
            std::vector<std::vector<Pending*>> threads;
            for (Pending& message : messages) {
                if (message.thread_id.empty()) {
                    threads.push_back({&message});
                } else {
                    by_thread[message.thread_id].push_back(&message);
                }
            }
            for (auto& [thread_id, in_thread] : by_thread) threads.push_back(std::move(in_thread));
            if (memo) decide_from_memo(impl.database, *memo, threads);
            classify_threads(classify, memo, threads);

            for (Pending& message : messages) {
                for (NewEvent& event : message.events) {
                    event.message_row = message.input.message_row;
                    if (auto problem = insert_event(impl, event); !problem) return Unexpected(problem.error());
                    ++stored_events;
                }
            }
            // The chunk is the head of the queue, in key order, and nothing
            // else writes inside this transaction: one range delete.
            if (!messages.empty()) {
                SQLite::Statement dequeue(impl.database,
                                          "DELETE FROM classify_queue WHERE (sort_date, message_row) <= (?, ?)");
                dequeue.bind(1, static_cast<int64_t>(messages.back().sort_date));
                dequeue.bind(2, static_cast<int64_t>(messages.back().input.message_row));
                dequeue.exec();
            }
            transaction.commit();
            return static_cast<int>(messages.size());
        });
        if (!chunk) {
            impl.load_ledger_head();  // the rollback took the appended entries with it
            return Unexpected(chunk.error());
        }
        if (*chunk < kClassifyChunk) return stored_events;
    }
}

Result<std::size_t> Store::supersede_events() {
    Impl& impl = *impl_;
    return guarded("superseding the stored events", [&]() -> Result<std::size_t> {
        SQLite::Transaction transaction(impl.database, SQLite::TransactionBehavior::IMMEDIATE);
        impl.load_ledger_head();
        const std::string now = impl.now_iso();
        std::vector<std::int64_t> live;
        SQLite::Statement select(impl.database, "SELECT id FROM events WHERE superseded_at IS NULL ORDER BY id");
        while (select.executeStep()) live.push_back(select.getColumn(0).getInt64());
        SQLite::Statement update(impl.database, "UPDATE events SET superseded_at = ? WHERE id = ?");
        for (std::int64_t id : live) {
            update.reset();
            update.bind(1, now);
            update.bind(2, static_cast<int64_t>(id));
            update.exec();
            // The old event stays, and the ledger says when it stopped counting.
            impl.append_ledger("event_superseded", id,
                               sha256_hex("casefile-event-superseded-v1\n" + std::to_string(id) + "\n" + now + "\n"));
        }
        impl.database.exec("DELETE FROM classify_queue");
        impl.database.exec("INSERT INTO classify_queue (sort_date, message_row) "
                           "SELECT COALESCE(date_unix, 0), id FROM messages");
        transaction.commit();
        return live.size();
    });
}

}  // namespace casefile::core
