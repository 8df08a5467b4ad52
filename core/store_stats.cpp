// Store::client_timelines: what response statistics need from the store,
// nothing more (times and authors, no text), so a year of mail is a few
// hundred kilobytes in memory.
#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {

Result<std::vector<ClientTimelines>> Store::client_timelines(
    const std::optional<std::string>& client) {
    Impl& impl = *impl_;
    return guarded("reading response times", [&]() -> Result<std::vector<ClientTimelines>> {
        if (client) {
            if (auto known = require_client(impl, *client); !known) return Unexpected(known.error());
        }
        // Client mail is the client's own (message_threads.client_id, which
        // follows the thread: a colleague writing from an unknown address
        // inside a client's thread counts). The VA's messages are taken by
        // thread whatever their own attribution, as the digest's "awaiting
        // reply" does: her reply in a thread that also involves another
        // client still answers this one.
        std::string sql = R"sql(
            WITH client_mail AS (
                SELECT c.name AS client, t.thread_id AS thread_id, m.date_unix AS date_unix
                FROM messages m JOIN message_threads t ON t.message_row = m.id
                JOIN clients c ON c.id = t.client_id
                WHERE m.from_me = 0 AND m.bulk = 0 AND m.date_unix IS NOT NULL)sql";
        if (client) sql += " AND c.name = ?1 COLLATE NOCASE";
        sql += R"sql()
            SELECT client, thread_id, date_unix, 0 FROM client_mail
            UNION ALL
            SELECT threads.client, threads.thread_id, m.date_unix, 1
            FROM (SELECT DISTINCT client, thread_id FROM client_mail) threads
            JOIN message_threads t ON t.thread_id = threads.thread_id
            JOIN messages m ON m.id = t.message_row
            WHERE m.from_me = 1 AND m.date_unix IS NOT NULL
            ORDER BY 1, 2, 3)sql";
        SQLite::Statement query(impl.database, sql);
        if (client) query.bind(1, *client);
        std::vector<ClientTimelines> clients;
        std::string thread;
        while (query.executeStep()) {
            const std::string name = query.getColumn(0).getString();
            if (clients.empty() || clients.back().client != name) {
                clients.push_back(ClientTimelines{name, {}});
                thread.clear();
            }
            if (const std::string id = query.getColumn(1).getString();
                id != thread || clients.back().threads.empty()) {
                clients.back().threads.emplace_back();
                thread = id;
            }
            clients.back().threads.back().push_back(
                TimedMessage{query.getColumn(2).getInt64(), query.getColumn(3).getInt() != 0});
        }
        return clients;
    });
}

}  // namespace casefile::core
