// Store::client_timelines: what response statistics need from the store,
// nothing more (times and authors, no text), so a year of mail is a few
// hundred kilobytes in memory.
#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {

Result<std::vector<ClientTimelines>> Store::client_timelines(const std::optional<std::string>& client) {
    Impl& impl = *impl_;
    return guarded("reading response times", [&]() -> Result<std::vector<ClientTimelines>> {
        if (client) {
            SQLite::Statement known(impl.database, "SELECT 1 FROM clients WHERE name = ? COLLATE NOCASE");
            known.bind(1, *client);
            if (!known.executeStep()) {
                return fail("no client named \"" + *client + "\" in the store; `casefile clients` lists them");
            }
        }
        // Attribution follows the thread (message_threads.client_id), as in
        // the digest: a colleague writing from an unknown address inside a
        // client's thread is that client's mail.
        std::string sql =
            "SELECT c.name, t.thread_id, m.date_unix, m.from_me FROM messages m "
            "JOIN message_threads t ON t.message_row = m.id JOIN clients c ON c.id = t.client_id "
            "WHERE m.date_unix IS NOT NULL AND (m.from_me = 1 OR m.bulk = 0)";
        if (client) sql += " AND c.name = ? COLLATE NOCASE";
        sql += " ORDER BY c.name, t.thread_id, m.date_unix, m.id";
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
            if (const std::string id = query.getColumn(1).getString(); id != thread || clients.back().threads.empty()) {
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
