// The store's side of the daily digest: gathering one window's content, and
// the per-day records that make sending exactly-once.
#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>
#include <vector>

#include "core/date_calendar.hpp"
#include "core/digest.hpp"
#include "core/store.hpp"
#include "core/store_internal.hpp"
#include "core/timestamp.hpp"

namespace casefile::core {
namespace {

constexpr std::int64_t kDay = 86400;

std::string utc_iso(std::int64_t unix_seconds) { return to_iso8601(Timestamp{unix_seconds, 0}); }

std::string sender(const SQLite::Column& name, const SQLite::Column& address) {
    const std::string display = name.getString();
    return display.empty() ? address.getString() : display;
}

std::string message_date(const SQLite::Column& unix_seconds, const SQLite::Column& offset) {
    if (unix_seconds.isNull()) return {};
    return to_iso8601(Timestamp{unix_seconds.getInt64(), offset.isNull() ? 0 : offset.getInt()});
}

std::string local_label(std::int64_t unix_seconds, const TimeZone& zone) {
    static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::int64_t local = zone.to_local(unix_seconds);
    std::int64_t day = local / kDay;
    if (local % kDay < 0) --day;
    const std::int64_t seconds = local - day * kDay;
    int year = 0;
    unsigned month = 1;
    unsigned day_of_month = 1;
    civil_from_days(day, year, month, day_of_month);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s %u %s %02d:%02d", kDays[weekday_of_day(day)],
                  day_of_month, kMonths[month - 1], static_cast<int>(seconds / 3600),
                  static_cast<int>(seconds / 60 % 60));
    return buffer;
}

// The messages a window covers, as a temp table: those dated in it, and
// those dated in the week before that were stored after the previous digest
// was made (late mail: an outage, a slow server), so none falls between two
// digests.
void select_window_messages(SQLite::Database& database, const DigestQuery& query,
                            const std::string& previous_digest_at) {
    database.exec("CREATE TEMP TABLE IF NOT EXISTS digest_window (row INTEGER PRIMARY KEY)");
    database.exec("DELETE FROM temp.digest_window");
    SQLite::Statement select(database, R"sql(
        INSERT INTO temp.digest_window
        SELECT id FROM messages
        WHERE (date_unix >= ?1 AND date_unix < ?2)
           OR (date_unix >= ?1 - 604800 AND date_unix < ?1 AND stored_at > ?3)
    )sql");
    select.bind(1, static_cast<int64_t>(query.window_start));
    select.bind(2, static_cast<int64_t>(query.window_end));
    select.bind(3, previous_digest_at);
    select.exec();
}

std::string previous_digest_time(SQLite::Database& database, const DigestQuery& query) {
    SQLite::Statement previous(database,
                               "SELECT created_at FROM digests WHERE window_end <= ? "
                               "ORDER BY window_end DESC LIMIT 1");
    previous.bind(1, utc_iso(query.window_start));
    // Without an earlier digest there is no late mail to pick up: a time
    // after every stored_at switches that half of the window off.
    return previous.executeStep() ? previous.getColumn(0).getString() : std::string("9999");
}

void add_digest_events(SQLite::Database& database, std::map<std::string, DigestClientSection>& clients) {
    SQLite::Statement query(database, R"sql(
        SELECT c.name, e.category, e.evidence, COALESCE(e.due, ''), COALESCE(e.previous_due, ''),
               m.date_unix, m.date_offset, m.subject, m.from_name, m.from_address,
               e.evidence_source
        FROM events e
        JOIN messages m ON m.id = e.message_row
        JOIN message_threads t ON t.message_row = m.id
        JOIN clients c ON c.id = t.client_id
        WHERE e.message_row IN (SELECT row FROM temp.digest_window) AND e.superseded_at IS NULL
        ORDER BY m.date_unix, e.id
    )sql");
    while (query.executeStep()) {
        DigestEvent event;
        event.category = query.getColumn(1).getString();
        event.evidence = query.getColumn(2).getString();
        event.due = query.getColumn(3).getString();
        event.previous_due = query.getColumn(4).getString();
        event.message_date = message_date(query.getColumn(5), query.getColumn(6));
        event.subject = query.getColumn(7).getString();
        event.from = sender(query.getColumn(8), query.getColumn(9));
        event.evidence_in_subject = query.getColumn(10).getString() == kEvidenceInSubject;
        clients[query.getColumn(0).getString()].events.push_back(std::move(event));
    }
}

// The VA's own dates, listed apart from the deadline the thread is under.
constexpr const char* kOwnPromise = "(m2.from_me = 1 AND e2.category = 'deadline_set')";

// Per thread, the latest event of `kind` when its date falls between the
// two bound days: (thread id, client, deadline).
std::vector<std::tuple<std::string, std::string, DigestDeadline>> latest_per_thread(
    SQLite::Database& database, const std::string& kind, const std::string& oldest,
    const std::string& horizon) {
    SQLite::Statement select(database, std::string(R"sql(
        SELECT t.thread_id, c.name, e.due, m.subject, e.evidence, e.evidence_source
        FROM events e
        JOIN messages m ON m.id = e.message_row
        JOIN message_threads t ON t.message_row = m.id
        JOIN clients c ON c.id = t.client_id
        WHERE e.category IN ('deadline_set', 'deadline_change') AND e.superseded_at IS NULL
          AND e.due IS NOT NULL AND e.due != ''
          AND e.id = (SELECT e2.id FROM events e2
                      JOIN messages m2 ON m2.id = e2.message_row
                      JOIN message_threads t2 ON t2.message_row = m2.id
                      WHERE t2.thread_id = t.thread_id AND e2.superseded_at IS NULL
                        AND e2.category IN ('deadline_set', 'deadline_change') AND )sql") +
                                               kind + R"sql(
                      ORDER BY )sql" + thread_deadline_order("m2", "e2") + R"sql( LIMIT 1)
          AND substr(e.due, 1, 10) BETWEEN ?1 AND ?2
        ORDER BY e.due
    )sql");
    select.bind(1, oldest);
    select.bind(2, horizon);
    std::vector<std::tuple<std::string, std::string, DigestDeadline>> found;
    while (select.executeStep()) {
        DigestDeadline deadline;
        deadline.due = select.getColumn(2).getString();
        deadline.subject = select.getColumn(3).getString();
        deadline.evidence = select.getColumn(4).getString();
        deadline.evidence_in_subject = select.getColumn(5).getString() == kEvidenceInSubject;
        found.emplace_back(select.getColumn(0).getString(), select.getColumn(1).getString(),
                           std::move(deadline));
    }
    return found;
}

// Each thread's current deadline when due soon (or lately overdue), and the
// VA's own latest promise in the thread when it names another date.
void add_deadlines(SQLite::Database& database, const DigestQuery& query,
                   std::map<std::string, DigestClientSection>& clients) {
    // "Today" is the local day the digest is read: the day after the window.
    const std::int64_t today = query.zone.to_local(query.window_end) / kDay;
    const std::string today_text = date_detail::format_date(today);
    const std::string horizon = date_detail::format_date(today + query.deadline_horizon_days);
    // Overdue deadlines are listed for two weeks, not forever.
    const std::string oldest = date_detail::format_date(today - 14);

    std::map<std::string, std::string> thread_due;  // thread id -> the deadline listed
    auto list = [&](const std::string& kind, bool own_promise) {
        for (auto& [thread_id, client, deadline] : latest_per_thread(database, kind, oldest, horizon)) {
            // A promise to meet the client's own date adds nothing.
            if (own_promise && thread_due.count(thread_id) && thread_due[thread_id] == deadline.due) continue;
            if (!own_promise) thread_due[thread_id] = deadline.due;
            deadline.overdue = deadline.due.substr(0, 10) < today_text;
            deadline.own_promise = own_promise;
            clients[client].deadlines.push_back(std::move(deadline));
        }
    };
    list(sets_thread_deadline("m2", "e2"), false);
    list(kOwnPromise, true);
    for (auto& [client, section] : clients) {
        std::stable_sort(section.deadlines.begin(), section.deadlines.end(),
                         [](const DigestDeadline& a, const DigestDeadline& b) { return a.due < b.due; });
    }
}

// Per thread, the oldest client mail since the VA last wrote in it.
void add_awaiting(SQLite::Database& database, const DigestQuery& query,
                  std::map<std::string, DigestClientSection>& clients) {
    SQLite::Statement select(database, R"sql(
        SELECT c.name, t.thread_id, m.subject, m.from_name, m.from_address, m.date_unix, m.date_offset
        FROM messages m
        JOIN message_threads t ON t.message_row = m.id
        JOIN clients c ON c.id = t.client_id
        WHERE m.from_me = 0 AND m.date_unix >= ?1 - 30 * 86400 AND m.date_unix < ?1
          AND NOT EXISTS (SELECT 1 FROM message_threads t2 JOIN messages m2 ON m2.id = t2.message_row
                          WHERE t2.thread_id = t.thread_id AND m2.from_me = 1
                            AND m2.date_unix >= m.date_unix)
        ORDER BY m.date_unix, m.id
    )sql");
    select.bind(1, static_cast<int64_t>(query.window_end));
    std::map<std::string, bool> seen_threads;
    while (select.executeStep()) {
        if (seen_threads[select.getColumn(1).getString()]) continue;
        seen_threads[select.getColumn(1).getString()] = true;
        const std::int64_t received = select.getColumn(5).getInt64();
        const std::int64_t waited =
            working_seconds_between(received, query.window_end, query.working_week, query.zone);
        if (waited < query.awaiting_after_working_seconds) continue;
        DigestAwaiting waiting;
        waiting.subject = select.getColumn(2).getString();
        waiting.from = sender(select.getColumn(3), select.getColumn(4));
        waiting.received = message_date(select.getColumn(5), select.getColumn(6));
        waiting.waited_working_seconds = waited;
        clients[select.getColumn(0).getString()].awaiting.push_back(std::move(waiting));
    }
}

void add_window_messages(SQLite::Database& database, const DigestQuery& query, DigestData& data,
                         std::map<std::string, DigestClientSection>& clients) {
    SQLite::Statement select(database, R"sql(
        SELECT c.name, m.from_me, m.subject, m.from_name, m.from_address, m.date_unix, m.date_offset,
               m.warnings, m.placeholder_size
        FROM messages m
        LEFT JOIN message_threads t ON t.message_row = m.id
        LEFT JOIN clients c ON c.id = t.client_id
        WHERE m.id IN (SELECT row FROM temp.digest_window)
        ORDER BY m.date_unix, m.id
    )sql");
    while (select.executeStep()) {
        ++data.new_messages;
        const bool from_me = select.getColumn(1).getInt() != 0;
        const std::string from = sender(select.getColumn(3), select.getColumn(4));
        const std::string subject = select.getColumn(2).getString();
        const std::string warnings = select.getColumn(7).getString();
        if (!warnings.empty() || !select.getColumn(8).isNull()) {
            DigestProblemMessage problem;
            problem.subject = subject;
            problem.from = from;
            problem.date = message_date(select.getColumn(5), select.getColumn(6));
            problem.problem = !select.getColumn(8).isNull()
                                  ? "over the size cap (" + std::to_string(select.getColumn(8).getInt64()) +
                                        " bytes): only its headers are stored"
                                  : split_lines(warnings).front();
            data.problem_messages.push_back(std::move(problem));
        }
        if (select.getColumn(0).isNull()) continue;
        DigestClientSection& client = clients[select.getColumn(0).getString()];
        ++client.new_messages;
        if (from_me || select.getColumn(5).isNull()) continue;
        const std::int64_t received = select.getColumn(5).getInt64();
        if (!within_working_hours(received, query.working_week, query.zone)) {
            client.out_of_hours.push_back(
                DigestOutOfHours{subject, from, local_label(received, query.zone)});
        }
    }
}

}  // namespace

Result<DigestData> Store::digest_data(const DigestQuery& query) {
    Impl& impl = *impl_;
    return guarded("gathering the digest", [&]() -> Result<DigestData> {
        SQLite::Transaction snapshot(impl.database);  // one consistent view
        DigestData data;
        data.window_start = utc_iso(query.window_start);
        data.window_end = utc_iso(query.window_end);
        select_window_messages(impl.database, query, previous_digest_time(impl.database, query));
        std::map<std::string, DigestClientSection> clients;
        add_window_messages(impl.database, query, data, clients);
        add_digest_events(impl.database, clients);
        add_deadlines(impl.database, query, clients);
        add_awaiting(impl.database, query, clients);
        for (auto& [name, section] : clients) {
            section.client = name;
            data.clients.push_back(std::move(section));
        }
        SQLite::Statement notices(impl.database,
                                  "SELECT created_at, kind, account, folder, text FROM notices "
                                  "WHERE created_at >= ? AND created_at < ? ORDER BY id");
        notices.bind(1, data.window_start);
        notices.bind(2, data.window_end);
        while (notices.executeStep()) {
            data.notices.push_back(DigestNotice{
                notices.getColumn(0).getString(), notices.getColumn(1).getString(),
                notices.getColumn(2).getString(), notices.getColumn(3).getString(),
                notices.getColumn(4).getString()});
        }
        data.total_messages = impl.database.execAndGet("SELECT COUNT(*) FROM messages").getInt64();
        impl.load_ledger_head();
        data.ledger_entries = impl.ledger_sequence;
        data.ledger_head = impl.ledger_head;
        snapshot.commit();
        return data;
    });
}

Result<std::optional<DigestRecord>> Store::digest_record(const std::string& day) {
    return guarded("reading the digest record", [&]() -> Result<std::optional<DigestRecord>> {
        SQLite::Statement query(impl_->database,
                                "SELECT day, window_start, window_end, message_id, ledger_head, "
                                "message, state, created_at, sent_at FROM digests WHERE day = ?");
        query.bind(1, day);
        if (!query.executeStep()) return std::optional<DigestRecord>();
        DigestRecord record;
        record.day = query.getColumn(0).getString();
        record.window_start = query.getColumn(1).getString();
        record.window_end = query.getColumn(2).getString();
        record.message_id = query.getColumn(3).getString();
        record.ledger_head = query.getColumn(4).getString();
        record.message = query.getColumn(5).getString();
        record.state = query.getColumn(6).getString();
        record.created_at = query.getColumn(7).getString();
        if (!query.getColumn(8).isNull()) record.sent_at = query.getColumn(8).getString();
        return std::optional<DigestRecord>(std::move(record));
    });
}

Result<bool> Store::save_digest(const DigestRecord& record) {
    Impl& impl = *impl_;
    return guarded("recording the digest", [&]() -> Result<bool> {
        SQLite::Statement insert(impl.database,
                                 "INSERT OR IGNORE INTO digests (day, window_start, window_end, "
                                 "message_id, ledger_head, message, state, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, record.day);
        insert.bind(2, record.window_start);
        insert.bind(3, record.window_end);
        insert.bind(4, record.message_id);
        insert.bind(5, record.ledger_head);
        insert.bind(6, record.message.data(), static_cast<int>(record.message.size()));
        insert.bind(7, record.state);
        insert.bind(8, impl.now_iso());
        return insert.exec() == 1;
    });
}

Result<void> Store::mark_digest_sent(const std::string& day) {
    Impl& impl = *impl_;
    return guarded("recording that the digest was sent", [&]() -> Result<void> {
        SQLite::Statement update(impl.database,
                                 "UPDATE digests SET state = 'sent', sent_at = ? WHERE day = ?");
        update.bind(1, impl.now_iso());
        update.bind(2, day);
        update.exec();
        return ok();
    });
}

}  // namespace casefile::core
