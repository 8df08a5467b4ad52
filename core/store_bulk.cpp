// Store::refresh_bulk_flags: the bulk flag is decided when a message is
// parsed, so a rule that changes it (say, newsletter issues) would otherwise
// only reach mail stored after the change. Reindex re-reads the raw bytes.
#include <utility>

#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {

Result<std::size_t> Store::refresh_bulk_flags(const BulkJudge& is_bulk) {
    Impl& impl = *impl_;
    return guarded("refreshing the bulk flags", [&]() -> Result<std::size_t> {
        // Read first, write after: one message's raw bytes in memory at a time,
        // and only the flags that change are kept.
        std::vector<std::pair<std::int64_t, bool>> changed;
        {
            SQLite::Statement select(impl.database,
                                     "SELECT m.id, m.bulk, r.raw FROM messages m "
                                     "JOIN message_raw r ON r.message_row = m.id ORDER BY m.id");
            while (select.executeStep()) {
                const SQLite::Column raw = select.getColumn(2);
                const std::string_view bytes(static_cast<const char*>(raw.getBlob()),
                                             static_cast<std::size_t>(raw.getBytes()));
                const bool bulk = is_bulk(bytes);
                if (bulk != (select.getColumn(1).getInt() != 0)) {
                    changed.emplace_back(select.getColumn(0).getInt64(), bulk);
                }
            }
        }
        SQLite::Transaction transaction(impl.database, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement update(impl.database, "UPDATE messages SET bulk = ? WHERE id = ?");
        for (const auto& [row, bulk] : changed) {
            update.reset();
            update.bind(1, bulk ? 1 : 0);
            update.bind(2, static_cast<int64_t>(row));
            update.exec();
        }
        transaction.commit();
        return changed.size();
    });
}

}  // namespace casefile::core
