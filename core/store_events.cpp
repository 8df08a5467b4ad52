// Store::add_events and Store::events: the deadline and scope events that
// detection finds, each recorded in the ledger as it is stored.
#include <cmath>

#include "core/event_hash.hpp"
#include "core/evidence_source.hpp"
#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {
namespace {

bool single_line(const std::string& field) {
    return field.find('\n') == std::string::npos && field.find('\r') == std::string::npos;
}

// The canonical text puts these one per line; a newline would make two
// different events serialise alike.
std::optional<std::string> malformed(const NewEvent& event) {
    if (event.category.empty()) return "an event needs a category";
    if (!single_line(event.category) || !single_line(event.rule_id) || !single_line(event.due) ||
        !single_line(event.previous_due)) {
        return "an event's category, rule id and dates must not hold a line break";
    }
    if (!is_evidence_source_name(event.evidence_source)) {
        return "an event's evidence source must be \"own_text\" or \"subject\", not \"" +
               event.evidence_source + "\"";
    }
    if (!std::isfinite(event.confidence)) return "an event's confidence must be a finite number";
    if (event.span_start < 0 || event.span_end < event.span_start) {
        return "an event's span must satisfy 0 <= start <= end";
    }
    return std::nullopt;
}

std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

}  // namespace

Result<void> insert_event(Store::Impl& impl, const NewEvent& event) {
    if (auto problem = malformed(event)) return fail(*problem);
    SQLite::Statement& message = impl.cached(
        "SELECT m.sha256, t.thread_id, t.client_id FROM messages m "
        "LEFT JOIN message_threads t ON t.message_row = m.id WHERE m.id = ?");
    SQLite::Statement& insert = impl.cached(
        "INSERT INTO events (message_row, thread_id, client_id, category, evidence, "
        "span_start, span_end, due, previous_due, rule_id, confidence, created_at, "
        "evidence_source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    message.bind(1, static_cast<int64_t>(event.message_row));
    if (!message.executeStep()) {
        return fail("no stored message " + std::to_string(event.message_row) + " for a \"" +
                    event.category + "\" event");
    }
    const std::string sha256 = message.getColumn(0).getString();
    insert.bind(1, static_cast<int64_t>(event.message_row));
    if (!message.getColumn(1).isNull()) insert.bind(2, message.getColumn(1).getString());
    if (!message.getColumn(2).isNull()) insert.bind(3, message.getColumn(2).getInt64());
    insert.bind(4, event.category);
    insert.bind(5, event.evidence);
    insert.bind(6, static_cast<int64_t>(event.span_start));
    insert.bind(7, static_cast<int64_t>(event.span_end));
    if (!event.due.empty()) insert.bind(8, event.due);
    if (!event.previous_due.empty()) insert.bind(9, event.previous_due);
    insert.bind(10, event.rule_id);
    insert.bind(11, event.confidence);
    insert.bind(12, impl.now_iso());
    insert.bind(13, event.evidence_source);
    insert.exec();
    message.reset();
    impl.append_ledger("event", impl.database.getLastInsertRowid(), event_content_hash(event, sha256));
    return ok();
}

Result<void> Store::add_events(const std::vector<NewEvent>& events) {
    Impl& impl = *impl_;
    for (const NewEvent& event : events) {
        if (auto problem = malformed(event)) return fail(*problem);
    }
    auto result = guarded("storing events", [&]() -> Result<void> {
        SQLite::Transaction transaction(impl.database, SQLite::TransactionBehavior::IMMEDIATE);
        impl.load_ledger_head();
        for (const NewEvent& event : events) {
            if (auto inserted = insert_event(impl, event); !inserted) return inserted;
        }
        transaction.commit();
        return ok();
    });
    // A failed transaction rolled back: the in-memory ledger head must follow.
    if (!result) {
        try {
            impl.load_ledger_head();
        } catch (const std::exception&) {
        }
    }
    return result;
}

Result<std::vector<StoredEvent>> Store::events(const EventFilter& filter) {
    Impl& impl = *impl_;
    return guarded("reading events", [&]() -> Result<std::vector<StoredEvent>> {
        std::string sql =
            "SELECT e.id, e.message_row, e.category, e.evidence, e.span_start, e.span_end, "
            "e.due, e.previous_due, e.rule_id, e.confidence, e.created_at, e.superseded_at, "
            "m.sha256, m.message_id, t.thread_id, c.name, "
            "(SELECT l.sequence FROM ledger l WHERE l.kind = 'event' AND l.subject_id = e.id "
            " ORDER BY l.sequence LIMIT 1), e.evidence_source "
            "FROM events e JOIN messages m ON m.id = e.message_row "
            "LEFT JOIN message_threads t ON t.message_row = e.message_row "
            "LEFT JOIN clients c ON c.id = t.client_id WHERE 1 = 1";
        if (filter.client) sql += " AND c.name = ? COLLATE NOCASE";
        if (filter.thread_id) sql += " AND t.thread_id = ?";
        if (filter.message_row) sql += " AND e.message_row = ?";
        if (!filter.include_superseded) sql += " AND e.superseded_at IS NULL";
        sql += " ORDER BY m.date_unix, e.message_row, e.id";
        SQLite::Statement query(impl.database, sql);
        int index = 1;
        if (filter.client) query.bind(index++, *filter.client);
        if (filter.thread_id) query.bind(index++, *filter.thread_id);
        if (filter.message_row) query.bind(index++, static_cast<int64_t>(*filter.message_row));
        std::vector<StoredEvent> events;
        while (query.executeStep()) {
            StoredEvent stored;
            stored.id = query.getColumn(0).getInt64();
            stored.event.message_row = query.getColumn(1).getInt64();
            stored.event.category = query.getColumn(2).getString();
            stored.event.evidence = query.getColumn(3).getString();
            stored.event.span_start = query.getColumn(4).getInt64();
            stored.event.span_end = query.getColumn(5).getInt64();
            stored.event.due = query.getColumn(6).getString();
            stored.event.previous_due = query.getColumn(7).getString();
            stored.event.rule_id = query.getColumn(8).getString();
            stored.event.confidence = query.getColumn(9).getDouble();
            stored.created_at = query.getColumn(10).getString();
            stored.superseded_at = optional_text(query.getColumn(11));
            stored.message_sha256 = query.getColumn(12).getString();
            stored.message_id = optional_text(query.getColumn(13));
            stored.thread_id = optional_text(query.getColumn(14));
            stored.client = optional_text(query.getColumn(15));
            if (!query.getColumn(16).isNull()) stored.ledger_sequence = query.getColumn(16).getInt64();
            stored.event.evidence_source = query.getColumn(17).getString();
            events.push_back(std::move(stored));
        }
        return events;
    });
}

}  // namespace casefile::core
