// Store::rethread and Store::threads: JWZ threading over every stored message,
// thread-level client attribution, and the threaded listing.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/client_attribution.hpp"
#include "core/store.hpp"
#include "core/store_internal.hpp"
#include "core/thread_subject.hpp"
#include "core/threading.hpp"

namespace casefile::core {
namespace {

std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

}  // namespace

namespace {

// Threads the messages selected by `scope_filter` (SQL over messages m, e.g.
// "m.id IN (SELECT row FROM temp.thread_scope)"; empty: every message) and
// writes what changed. The scope must hold complete threads, which is what
// thread_rows() gathers, so the answer equals threading the whole store.
void place_threads(Store::Impl& impl, const std::string& scope_filter) {
    const bool whole_store = scope_filter.empty();
    std::map<std::int64_t, std::string> client_names;
    std::map<std::string, std::int64_t> client_ids;
    SQLite::Statement clients(impl.database, "SELECT id, name FROM clients");
    while (clients.executeStep()) {
        client_names[clients.getColumn(0).getInt64()] = clients.getColumn(1).getString();
        client_ids[clients.getColumn(1).getString()] = clients.getColumn(0).getInt64();
    }

    std::vector<ThreadInput> inputs;
    std::vector<std::optional<std::string>> direct_clients;
    struct Current {
        std::optional<std::string> thread_id;
        std::optional<std::int64_t> parent_row;
        std::optional<std::int64_t> client_id;
    };
    std::vector<Current> current;
    std::vector<bool> dated;  // date_unix was not NULL
    SQLite::Statement query(
        impl.database,
        "SELECT m.id, m.message_id, m.in_reply_to, m.references_ids, m.subject, m.date_unix, "
        "m.direct_client_id, t.thread_id, t.parent_row, t.client_id FROM messages m "
        "LEFT JOIN message_threads t ON t.message_row = m.id" +
            (scope_filter.empty() ? std::string() : " WHERE " + scope_filter) + " ORDER BY m.id");
    while (query.executeStep()) {
        ThreadInput input;
        input.key = query.getColumn(0).getInt64();
        input.message_id = query.getColumn(1).getString();
        input.in_reply_to = query.getColumn(2).getString();
        input.references = split_lines(query.getColumn(3).getString());
        input.subject = query.getColumn(4).getString();
        input.date_unix = query.getColumn(5).getInt64();
        dated.push_back(!query.getColumn(5).isNull());
        inputs.push_back(std::move(input));
        const auto direct = query.getColumn(6);
        direct_clients.push_back(direct.isNull() ? std::nullopt
                                                 : std::optional(client_names[direct.getInt64()]));
        Current row;
        row.thread_id = optional_text(query.getColumn(7));
        if (!query.getColumn(8).isNull()) row.parent_row = query.getColumn(8).getInt64();
        if (!query.getColumn(9).isNull()) row.client_id = query.getColumn(9).getInt64();
        current.push_back(row);
    }

    const std::vector<ThreadPlacement> placements = thread_messages(inputs);
    const std::vector<std::optional<std::string>> thread_clients =
        attribute_threads(placements, direct_clients);

    // Threads whose membership, shape or client changed: their old and new ids.
    std::set<std::string> touched;
    SQLite::Statement update(impl.database,
                             "INSERT OR REPLACE INTO message_threads (thread_id, parent_row, "
                             "client_id, message_row) VALUES (?, ?, ?, ?)");
    std::vector<std::optional<std::int64_t>> thread_client_ids(placements.size());
    for (std::size_t index = 0; index < placements.size(); ++index) {
        const ThreadPlacement& placement = placements[index];
        std::optional<std::int64_t>& client_id = thread_client_ids[index];
        if (thread_clients[index]) client_id = client_ids[*thread_clients[index]];
        const Current& was = current[index];
        if (was.thread_id == placement.thread_id && was.parent_row == placement.parent_key &&
            was.client_id == client_id) {
            continue;  // most rows keep their place; skip the write
        }
        if (was.thread_id) touched.insert(*was.thread_id);
        touched.insert(placement.thread_id);
        update.reset();
        update.clearBindings();
        update.bind(1, placement.thread_id);
        if (placement.parent_key) update.bind(2, static_cast<int64_t>(*placement.parent_key));
        if (client_id) update.bind(3, static_cast<int64_t>(*client_id));
        update.bind(4, static_cast<int64_t>(placement.key));
        update.exec();
    }

    // The per-thread summary, for the threads that changed (all of them when
    // the whole store was threaded: the summary may be missing or stale).
    // The scope holds whole threads, so it is computed here from what was
    // read rather than by querying the rows just written.
    struct Summary {
        std::optional<std::int64_t> client_id;
        std::size_t first = 0;  // index of the earliest message: its subject names the thread
        std::optional<std::int64_t> first_date, last_date;
        std::int64_t count = 0;
    };
    // SQL's order: an undated message first, then by date, then by row.
    auto earlier = [&](std::size_t a, std::size_t b) {
        if (dated[a] != dated[b]) return !dated[a];
        if (dated[a] && inputs[a].date_unix != inputs[b].date_unix) {
            return inputs[a].date_unix < inputs[b].date_unix;
        }
        return inputs[a].key < inputs[b].key;
    };
    std::map<std::string, Summary> summaries;
    for (std::size_t index = 0; index < placements.size(); ++index) {
        const std::string& thread_id = placements[index].thread_id;
        if (!whole_store && !touched.count(thread_id)) continue;
        auto [found, created] = summaries.try_emplace(thread_id);
        Summary& summary = found->second;
        if (created || earlier(index, summary.first)) summary.first = index;
        if (const auto& client = thread_client_ids[index]) {
            summary.client_id = std::max(summary.client_id.value_or(*client), *client);
        }
        if (dated[index]) {
            const std::int64_t date = inputs[index].date_unix;
            summary.first_date = std::min(summary.first_date.value_or(date), date);
            summary.last_date = std::max(summary.last_date.value_or(date), date);
        }
        ++summary.count;
    }
    if (whole_store) {
        impl.database.exec("DELETE FROM threads");
    } else {
        SQLite::Statement forget(impl.database, "DELETE FROM threads WHERE thread_id = ?");
        for (const std::string& thread_id : touched) {
            forget.reset();
            forget.bind(1, thread_id);
            forget.exec();
        }
    }
    SQLite::Statement insert(impl.database,
                             "INSERT INTO threads (thread_id, client_id, subject, first_date, "
                             "last_date, message_count) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& [thread_id, summary] : summaries) {
        insert.reset();
        insert.clearBindings();
        insert.bind(1, thread_id);
        if (summary.client_id) insert.bind(2, static_cast<int64_t>(*summary.client_id));
        insert.bind(3, inputs[summary.first].subject);
        if (summary.first_date) insert.bind(4, static_cast<int64_t>(*summary.first_date));
        if (summary.last_date) insert.bind(5, static_cast<int64_t>(*summary.last_date));
        insert.bind(6, static_cast<int64_t>(summary.count));
        insert.exec();
    }
}

// JWZ's subject fallback joins replies at most 30 days apart; a day more
// covers rounding of dates.
constexpr std::int64_t kSubjectWindowSeconds = 31 * 86400;

}  // namespace

Result<void> require_client(Store::Impl& impl, const std::string& name) {
    SQLite::Statement known(impl.database, "SELECT 1 FROM clients WHERE name = ? COLLATE NOCASE");
    known.bind(1, name);
    if (known.executeStep()) return ok();
    return fail("no client named \"" + name + "\" in the store; `casefile clients` lists them");
}

std::string message_key_id(const std::string& message_id) {
    return normalize_message_id(message_id);
}

std::string message_key_subject(const std::string& subject) {
    std::string base = normalize_subject(subject);
    return is_generic_subject(base) ? std::string() : base;
}

void thread_rows(Store::Impl& impl, const std::vector<std::int64_t>& rows) {
    SQLite::Database& database = impl.database;
    database.exec("CREATE TEMP TABLE IF NOT EXISTS new_rows (row INTEGER PRIMARY KEY)");
    database.exec("CREATE TEMP TABLE IF NOT EXISTS thread_scope (row INTEGER PRIMARY KEY)");
    database.exec("CREATE TEMP TABLE IF NOT EXISTS scope_ids (id TEXT PRIMARY KEY)");
    database.exec("DELETE FROM temp.new_rows; DELETE FROM temp.thread_scope; "
                  "DELETE FROM temp.scope_ids");
    SQLite::Statement add(database, "INSERT OR IGNORE INTO temp.new_rows (row) VALUES (?)");
    for (std::int64_t row : rows) {
        add.reset();
        add.bind(1, static_cast<int64_t>(row));
        add.exec();
    }
    database.exec(R"sql(
        INSERT OR IGNORE INTO temp.thread_scope SELECT row FROM temp.new_rows;
        -- The ids the new messages carry or name...
        INSERT OR IGNORE INTO temp.scope_ids
            SELECT normalized_id FROM messages
            WHERE id IN (SELECT row FROM temp.new_rows) AND normalized_id IS NOT NULL;
        INSERT OR IGNORE INTO temp.scope_ids
            SELECT referenced_id FROM message_references
            WHERE message_row IN (SELECT row FROM temp.new_rows);
        -- ...the messages with those ids, and those naming them...
        INSERT OR IGNORE INTO temp.thread_scope
            SELECT id FROM messages WHERE normalized_id IN (SELECT id FROM temp.scope_ids);
        INSERT OR IGNORE INTO temp.thread_scope
            SELECT message_row FROM message_references
            WHERE referenced_id IN (SELECT id FROM temp.scope_ids);
    )sql");
    // ...replies by subject within the fallback window, either way round...
    SQLite::Statement by_subject(database, R"sql(
        INSERT OR IGNORE INTO temp.thread_scope
            SELECT other.id FROM messages fresh JOIN messages other
                ON other.base_subject = fresh.base_subject
               AND other.date_unix BETWEEN fresh.date_unix - ? AND fresh.date_unix + ?
            WHERE fresh.id IN (SELECT row FROM temp.new_rows) AND fresh.base_subject != ''
              -- Repeated for `other` so the planner may use the partial
              -- index: without it SQLite scanned all of messages per batch.
              AND other.base_subject != ''
    )sql");
    by_subject.bind(1, static_cast<int64_t>(kSubjectWindowSeconds));
    by_subject.bind(2, static_cast<int64_t>(kSubjectWindowSeconds));
    by_subject.exec();
    // ...and every thread any of them is already in, whole.
    database.exec(R"sql(
        INSERT OR IGNORE INTO temp.thread_scope
            SELECT message_row FROM message_threads WHERE thread_id IN (
                SELECT thread_id FROM message_threads
                WHERE message_row IN (SELECT row FROM temp.thread_scope));
    )sql");
    place_threads(impl, "m.id IN (SELECT row FROM temp.thread_scope)");
}

Result<void> Store::rethread() {
    Impl& impl = *impl_;
    return guarded("threading the stored messages", [&]() -> Result<void> {
        SQLite::Transaction transaction(impl.database, SQLite::TransactionBehavior::IMMEDIATE);
        place_threads(impl, "");
        transaction.commit();
        return ok();
    });
}

Result<std::vector<ThreadRow>> Store::threads(const std::optional<std::string>& client) {
    Impl& impl = *impl_;
    return guarded("listing threads", [&]() -> Result<std::vector<ThreadRow>> {
        if (client) {
            if (auto known = require_client(impl, *client); !known) return Unexpected(known.error());
        }
        std::string sql =
            "SELECT m.id, m.message_id, p.message_id, mt.thread_id, c.name, m.date_unix, "
            "m.date_offset, m.subject, m.from_name, m.from_address, m.from_me, mt.parent_row, "
            "t.first_date FROM messages m JOIN message_threads mt ON mt.message_row = m.id "
            "LEFT JOIN messages p ON p.id = mt.parent_row "
            "LEFT JOIN clients c ON c.id = mt.client_id "
            "LEFT JOIN threads t ON t.thread_id = mt.thread_id";
        if (client) sql += " WHERE c.name = ? COLLATE NOCASE";
        sql += " ORDER BY t.first_date, mt.thread_id, m.date_unix, m.id";
        SQLite::Statement query(impl.database, sql);
        if (client) query.bind(1, *client);

        struct Item {
            std::int64_t row;
            std::optional<std::int64_t> parent_row;
            ThreadRow view;
        };
        std::vector<Item> items;
        while (query.executeStep()) {
            Item item;
            item.row = query.getColumn(0).getInt64();
            item.view.row = item.row;
            item.view.message_id = optional_text(query.getColumn(1));
            item.view.parent_id = optional_text(query.getColumn(2));
            item.view.thread_id = query.getColumn(3).getString();
            item.view.client = optional_text(query.getColumn(4));
            if (!query.getColumn(5).isNull()) {
                item.view.date = to_iso8601(
                    Timestamp{query.getColumn(5).getInt64(), query.getColumn(6).getInt()});
            }
            item.view.subject = query.getColumn(7).getString();
            const std::string name = query.getColumn(8).getString();
            const std::string address = query.getColumn(9).getString();
            item.view.from = name.empty() ? address : name + " <" + address + ">";
            item.view.from_me = query.getColumn(10).getInt() != 0;
            if (!query.getColumn(11).isNull()) item.parent_row = query.getColumn(11).getInt64();
            items.push_back(std::move(item));
        }

        // Depth-first within each thread, children by date, so a listing
        // reads like a mail client's thread view.
        std::unordered_map<std::int64_t, std::size_t> index_of;
        for (std::size_t index = 0; index < items.size(); ++index) index_of[items[index].row] = index;
        std::unordered_map<std::int64_t, std::vector<std::size_t>> children;
        std::vector<std::size_t> roots;
        for (std::size_t index = 0; index < items.size(); ++index) {
            const auto& parent = items[index].parent_row;
            if (parent && index_of.count(*parent)) {
                children[*parent].push_back(index);
            } else {
                roots.push_back(index);
            }
        }
        std::vector<ThreadRow> ordered;
        ordered.reserve(items.size());
        std::vector<std::pair<std::size_t, std::size_t>> stack;  // (item index, depth)
        for (std::size_t root : roots) {
            stack.emplace_back(root, 0);
            while (!stack.empty()) {
                auto [index, depth] = stack.back();
                stack.pop_back();
                ThreadRow view = items[index].view;
                view.depth = depth;
                ordered.push_back(std::move(view));
                const auto& kids = children[items[index].row];
                for (auto kid = kids.rbegin(); kid != kids.rend(); ++kid) {
                    stack.emplace_back(*kid, depth + 1);
                }
            }
        }
        return ordered;
    });
}

}  // namespace casefile::core
