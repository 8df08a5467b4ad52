// The store's IMAP bookkeeping: folder marks, re-matching after a UIDVALIDITY
// change, and notices for the VA.
#include "core/sha256.hpp"
#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {

Result<FolderState> Store::folder_state(const std::string& account, const std::string& folder) {
    return guarded("reading a folder's sync state", [&]() -> Result<FolderState> {
        SQLite::Statement query(impl_->database,
                                "SELECT f.uidvalidity, f.highest_uid FROM folders f JOIN accounts a "
                                "ON a.id = f.account_id WHERE a.name = ? AND f.name = ?");
        query.bind(1, account);
        query.bind(2, folder);
        FolderState state;
        if (query.executeStep()) {
            state.known = true;
            state.uidvalidity = static_cast<std::uint32_t>(query.getColumn(0).getInt64());
            state.highest_uid = static_cast<std::uint32_t>(query.getColumn(1).getInt64());
        }
        return state;
    });
}

Result<std::optional<std::int64_t>> Store::find_message(const std::string& message_id,
                                                        std::uint64_t size) {
    return guarded("looking up a stored message", [&]() -> Result<std::optional<std::int64_t>> {
        SQLite::Statement& query = impl_->cached(
            "SELECT id FROM messages WHERE message_id = ? AND "
            "(size = ? OR placeholder_size = ?) LIMIT 1");
        query.bind(1, message_id);
        query.bind(2, static_cast<int64_t>(size));
        query.bind(3, static_cast<int64_t>(size));
        std::optional<std::int64_t> row;
        if (query.executeStep()) row = query.getColumn(0).getInt64();
        query.reset();
        return row;
    });
}

Result<bool> Store::holds_messages() {
    return guarded("counting stored messages", [&]() -> Result<bool> {
        SQLite::Statement& query = impl_->cached("SELECT EXISTS (SELECT 1 FROM messages)");
        query.executeStep();
        const bool any = query.getColumn(0).getInt() != 0;
        query.reset();
        return any;
    });
}

Result<void> Store::record_known(const FolderProgress& progress,
                                 const std::vector<std::pair<std::uint32_t, std::int64_t>>& uid_rows) {
    Impl& impl = *impl_;
    return guarded("recording known messages", [&]() -> Result<void> {
        SQLite::Transaction transaction(impl.database,
                                        SQLite::TransactionBehavior::IMMEDIATE);
        const std::int64_t folder = folder_id(impl, progress);
        for (const auto& [uid, row] : uid_rows) {
            record_location(impl, row, folder, progress.uidvalidity, uid);
        }
        advance_folder(impl, folder, progress, impl.now_iso());
        transaction.commit();
        return ok();
    });
}

Result<void> Store::add_notice(const Notice& notice) {
    Impl& impl = *impl_;
    auto result = guarded("recording a notice", [&]() -> Result<void> {
        SQLite::Transaction transaction(impl.database,
                                        SQLite::TransactionBehavior::IMMEDIATE);
        // Another connection (another account, `casefile import`) may have
        // appended since: chain onto the head as it is inside this transaction.
        impl.load_ledger_head();
        const std::string now = impl.now_iso();
        SQLite::Statement insert(impl.database,
                                 "INSERT INTO notices (created_at, kind, account, folder, text) "
                                 "VALUES (?,?,?,?,?)");
        insert.bind(1, now);
        insert.bind(2, notice.kind);
        insert.bind(3, notice.account);
        insert.bind(4, notice.folder);
        insert.bind(5, notice.text);
        insert.exec();
        const std::int64_t row = impl.database.getLastInsertRowid();
        impl.append_ledger("notice", row,
                           sha256_hex(notice.kind + "\n" + notice.account + "\n" + notice.folder +
                                      "\n" + notice.text + "\n" + now));
        transaction.commit();
        return ok();
    });
    if (!result) impl.load_ledger_head();
    return result;
}

Result<std::vector<Notice>> Store::notices_since(const std::string& iso_time) {
    return guarded("reading notices", [&]() -> Result<std::vector<Notice>> {
        SQLite::Statement query(impl_->database,
                                "SELECT kind, account, folder, text FROM notices WHERE "
                                "created_at >= ? ORDER BY id");
        query.bind(1, iso_time);
        std::vector<Notice> notices;
        while (query.executeStep()) {
            notices.push_back(Notice{query.getColumn(0).getString(), query.getColumn(1).getString(),
                                     query.getColumn(2).getString(), query.getColumn(3).getString()});
        }
        return notices;
    });
}

}  // namespace casefile::core
