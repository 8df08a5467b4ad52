// Store::status and Store::clients: counts for the CLI and the digest.
#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {
namespace {

std::int64_t count(SQLite::Database& database, const char* sql) {
    SQLite::Statement query(database, sql);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

std::optional<std::string> last_run(SQLite::Database& database, const char* kind) {
    SQLite::Statement query(database,
                            "SELECT finished_at FROM runs WHERE kind = ? ORDER BY id DESC LIMIT 1");
    query.bind(1, kind);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getString();
}

std::vector<ClientSummary> client_summaries(SQLite::Database& database) {
    std::vector<ClientSummary> summaries;
    SQLite::Statement query(
        database,
        "SELECT c.name, c.addresses, c.domains, COUNT(t.message_row), "
        "COUNT(DISTINCT t.thread_id), "
        "(SELECT l.date_unix || ' ' || l.date_offset FROM message_threads lt JOIN messages l "
        " ON l.id = lt.message_row WHERE lt.client_id = c.id AND l.date_unix IS NOT NULL "
        " ORDER BY l.date_unix DESC LIMIT 1) "
        "FROM clients c LEFT JOIN message_threads t ON t.client_id = c.id "
        "WHERE c.active = 1 OR t.message_row IS NOT NULL GROUP BY c.id ORDER BY c.name");
    while (query.executeStep()) {
        ClientSummary summary;
        summary.name = query.getColumn(0).getString();
        summary.addresses = split_lines(query.getColumn(1).getString());
        summary.domains = split_lines(query.getColumn(2).getString());
        summary.messages = query.getColumn(3).getInt64();
        summary.threads = query.getColumn(4).getInt64();
        if (!query.getColumn(5).isNull()) {
            long long seconds = 0;
            int offset = 0;
            if (std::sscanf(query.getColumn(5).getString().c_str(), "%lld %d", &seconds, &offset) ==
                2) {
                summary.last_message_date = to_iso8601(Timestamp{seconds, offset});
            }
        }
        summaries.push_back(std::move(summary));
    }
    return summaries;
}

}  // namespace

Result<StoreStatus> Store::status() {
    Impl& impl = *impl_;
    return guarded("reading the store's status", [&]() -> Result<StoreStatus> {
        StoreStatus status;
        status.schema_version = impl.read_schema_version();
        status.messages = count(impl.database, "SELECT COUNT(*) FROM messages");
        status.threads = count(impl.database, "SELECT COUNT(*) FROM threads");
        status.clients = count(impl.database, "SELECT COUNT(*) FROM clients WHERE active = 1");
        status.unattributed_messages =
            count(impl.database,
                  "SELECT COUNT(*) FROM messages m LEFT JOIN message_threads t ON "
                  "t.message_row = m.id WHERE t.client_id IS NULL");
        status.messages_with_warnings =
            count(impl.database, "SELECT COUNT(*) FROM messages WHERE warnings != ''");
        status.raw_bytes = count(impl.database, "SELECT COALESCE(SUM(size), 0) FROM messages");
        impl.load_ledger_head();
        status.ledger_entries = impl.ledger_sequence;
        status.ledger_head = impl.ledger_head;
        status.last_import = last_run(impl.database, "import");
        // `casefile sync` records a run; the daemon advances folders instead
        // (a run row per poll would grow without end): the later of the two.
        status.last_sync = last_run(impl.database, "sync");
        SQLite::Statement folders(impl.database, "SELECT MAX(last_sync) FROM folders");
        if (folders.executeStep() && !folders.getColumn(0).isNull()) {
            const std::string folder_sync = folders.getColumn(0).getString();
            if (!status.last_sync || *status.last_sync < folder_sync) status.last_sync = folder_sync;
        }
        status.per_client = client_summaries(impl.database);
        return status;
    });
}

Result<std::vector<ClientSummary>> Store::clients() {
    return guarded("listing clients", [&]() -> Result<std::vector<ClientSummary>> {
        return client_summaries(impl_->database);
    });
}

}  // namespace casefile::core
