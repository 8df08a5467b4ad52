// Store::classify_pending and Store::supersede_events: running detection over
// stored messages, oldest first, so that each message is read against its
// thread's deadline as the earlier messages left it.
#include "core/sha256.hpp"
#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {
namespace {

// Messages per transaction: bounds what a crash can make casefile redo, and
// how long `casefile status` waits for the write lock.
constexpr int kClassifyChunk = 100;

// The thread's deadline as the messages before (date, row) left it.
constexpr const char* kCurrentDeadline = R"sql(
        SELECT COALESCE(e.due, '') FROM events e
        JOIN messages m ON m.id = e.message_row
        JOIN message_threads t ON t.message_row = m.id
        WHERE t.thread_id = ?1 AND e.superseded_at IS NULL
          AND e.category IN ('deadline_set', 'deadline_change')
          AND (COALESCE(m.date_unix, 0) < ?2 OR (COALESCE(m.date_unix, 0) = ?2 AND m.id < ?3))
        ORDER BY COALESCE(m.date_unix, 0) DESC, m.id DESC, e.id DESC LIMIT 1
    )sql";

// Any message of the thread before (date, row).
constexpr const char* kEarlierInThread = R"sql(
        SELECT 1 FROM message_threads t JOIN messages m ON m.id = t.message_row
        WHERE t.thread_id = ?1
          AND (COALESCE(m.date_unix, 0) < ?2 OR (COALESCE(m.date_unix, 0) = ?2 AND m.id < ?3))
        LIMIT 1
    )sql";

// Runs one of the queries above for a message; true when it found a row.
bool ask(SQLite::Statement& query, const std::string& thread_id, std::int64_t date_unix,
         std::int64_t row) {
    query.reset();
    query.bind(1, thread_id);
    query.bind(2, static_cast<int64_t>(date_unix));
    query.bind(3, static_cast<int64_t>(row));
    return query.executeStep();
}

}  // namespace

Result<std::size_t> Store::classify_pending(const Classifier& classify) {
    Impl& impl = *impl_;
    std::size_t stored_events = 0;
    while (true) {
        auto chunk = guarded("classifying stored messages", [&]() -> Result<int> {
            SQLite::Transaction transaction(impl.database, SQLite::TransactionBehavior::IMMEDIATE);
            impl.load_ledger_head();
            // The queue's key is the order wanted: no sort, and only the
            // chunk's rows are read.
            SQLite::Statement pending(impl.database, R"sql(
                SELECT m.id, COALESCE(x.own_text, ''), m.date_unix, m.date_offset, m.from_me,
                       m.bulk, COALESCE(t.thread_id, ''), q.sort_date
                FROM classify_queue q JOIN messages m ON m.id = q.message_row
                LEFT JOIN message_text x ON x.message_row = m.id
                LEFT JOIN message_threads t ON t.message_row = m.id
                ORDER BY q.sort_date, q.message_row LIMIT ?
            )sql");
            pending.bind(1, kClassifyChunk);
            SQLite::Statement mark(impl.database,
                                   "DELETE FROM classify_queue WHERE sort_date = ? AND message_row = ?");
            SQLite::Statement deadline(impl.database, kCurrentDeadline);
            SQLite::Statement earlier(impl.database, kEarlierInThread);
            int done = 0;
            while (pending.executeStep()) {
                ClassifyInput input;
                input.message_row = pending.getColumn(0).getInt64();
                input.own_text = pending.getColumn(1).getString();
                const std::int64_t date_unix = pending.getColumn(2).isNull() ? 0 : pending.getColumn(2).getInt64();
                if (!pending.getColumn(2).isNull()) {
                    input.date = Timestamp{date_unix, pending.getColumn(3).isNull() ? 0 : pending.getColumn(3).getInt()};
                }
                input.from_me = pending.getColumn(4).getInt() != 0;
                input.bulk = pending.getColumn(5).getInt() != 0;
                const std::string thread_id = pending.getColumn(6).getString();
                input.first_in_thread =
                    thread_id.empty() || !ask(earlier, thread_id, date_unix, input.message_row);
                if (!thread_id.empty() && ask(deadline, thread_id, date_unix, input.message_row)) {
                    input.current_deadline = deadline.getColumn(0).getString();
                }
                for (NewEvent& event : classify(input)) {
                    event.message_row = input.message_row;
                    if (auto problem = insert_event(impl, event); !problem) return Unexpected(problem.error());
                    ++stored_events;
                }
                mark.reset();
                mark.bind(1, pending.getColumn(7).getInt64());
                mark.bind(2, static_cast<int64_t>(input.message_row));
                mark.exec();
                ++done;
            }
            transaction.commit();
            return done;
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
