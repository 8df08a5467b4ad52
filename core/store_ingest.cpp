// Store::ingest_batch: raw bytes first, exactly as received, then what was
// parsed from them, then the ledger entry — all in one transaction.
#include <map>

#include "core/detection_memo.hpp"
#include "core/message_keys.hpp"
#include "core/sha256.hpp"
#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {
namespace {

std::string address_lines(const std::vector<Address>& addresses) {
    std::string lines;
    for (const auto& address : addresses) {
        if (!lines.empty()) lines.push_back('\n');
        lines += address.name;
        lines.push_back('\t');
        lines += address.address;
    }
    return lines;
}

std::string warning_lines(const std::vector<std::string>& warnings) {
    std::vector<std::string> flattened;
    for (std::string warning : warnings) {
        for (char& character : warning) {
            if (character == '\n' || character == '\r') character = ' ';
        }
        flattened.push_back(std::move(warning));
    }
    return join_lines(flattened);
}

std::map<std::string, std::int64_t> client_ids(Store::Impl& impl) {
    std::map<std::string, std::int64_t> ids;
    SQLite::Statement& query = impl.cached("SELECT name, id FROM clients");
    while (query.executeStep()) ids[query.getColumn(0).getString()] = query.getColumn(1).getInt64();
    return ids;
}

void bind_optional_text(SQLite::Statement& statement, int index, const std::string& text) {
    if (text.empty()) {
        statement.bind(index);  // NULL: an absent Message-ID must not collide with another
    } else {
        statement.bind(index, text);
    }
}

std::int64_t existing_row(Store::Impl& impl, const std::string& sha256,
                          const std::string& message_id, const std::string& body_sha256) {
    SQLite::Statement& query = impl.cached(
        "SELECT id FROM messages WHERE sha256 = ? OR "
        "(message_id = ? AND body_sha256 = ?) LIMIT 1");
    query.bind(1, sha256);
    bind_optional_text(query, 2, message_id);
    query.bind(3, body_sha256);
    const std::int64_t row = query.executeStep() ? query.getColumn(0).getInt64() : 0;
    query.reset();
    return row;
}

// After a failure: rolls back whatever batches were open (a transaction
// that failed half-way must not be committed by a later batch), and the
// in-memory ledger head follows the rollback.
void forget_open_batches(Store::Impl& impl) {
    try {
        impl.open_batches.reset();
        impl.database.exec("PRAGMA synchronous = FULL");
        impl.load_ledger_head();
    } catch (const std::exception&) {
    }
}

}  // namespace

std::int64_t folder_id(Store::Impl& impl, const FolderProgress& progress) {
    SQLite::Statement& account =
        impl.cached("INSERT INTO accounts (name) VALUES (?) ON CONFLICT(name) DO NOTHING");
    account.bind(1, progress.account);
    account.exec();
    SQLite::Statement& folder =
        impl.cached("INSERT INTO folders (account_id, name) SELECT id, ? FROM accounts "
                    "WHERE name = ? ON CONFLICT(account_id, name) DO NOTHING");
    folder.bind(1, progress.folder);
    folder.bind(2, progress.account);
    folder.exec();
    SQLite::Statement& query =
        impl.cached("SELECT folders.id FROM folders JOIN accounts ON accounts.id = "
                    "folders.account_id WHERE accounts.name = ? AND folders.name = ?");
    query.bind(1, progress.account);
    query.bind(2, progress.folder);
    query.executeStep();
    const std::int64_t id = query.getColumn(0).getInt64();
    query.reset();
    return id;
}

void advance_folder(Store::Impl& impl, std::int64_t folder, const FolderProgress& progress,
                    const std::string& now) {
    // A new UIDVALIDITY starts the mark again from the batch's own UID.
    SQLite::Statement& advance =
        impl.cached("UPDATE folders SET uidvalidity = ?, highest_uid = MAX("
                    "CASE WHEN uidvalidity = ? THEN highest_uid ELSE 0 END, ?), "
                    "last_sync = ? WHERE id = ?");
    advance.bind(1, static_cast<int64_t>(progress.uidvalidity));
    advance.bind(2, static_cast<int64_t>(progress.uidvalidity));
    advance.bind(3, static_cast<int64_t>(progress.highest_uid));
    advance.bind(4, now);
    advance.bind(5, static_cast<int64_t>(folder));
    advance.exec();
}

void record_location(Store::Impl& impl, std::int64_t row, std::int64_t folder,
                     std::uint32_t uidvalidity, std::uint32_t uid) {
    SQLite::Statement& location =
        impl.cached("INSERT OR IGNORE INTO message_locations (message_row, folder_id, "
                    "uidvalidity, uid) VALUES (?,?,?,?)");
    location.bind(1, static_cast<int64_t>(row));
    location.bind(2, static_cast<int64_t>(folder));
    location.bind(3, static_cast<int64_t>(uidvalidity));
    location.bind(4, static_cast<int64_t>(uid));
    location.exec();
}

Result<BatchResult> Store::ingest_batch(const std::vector<IncomingMessage>& batch,
                                        const std::optional<FolderProgress>& progress,
                                        DetectionMemo* memo, Durability durability) {
    Impl& impl = *impl_;
    auto result = guarded("storing a batch of messages", [&]() -> Result<BatchResult> {
        BatchResult counts;
        if (!impl.open_batches) impl.begin_batches(durability);
        const auto clients = client_ids(impl);
        const std::int64_t folder = progress ? folder_id(impl, *progress) : 0;
        const std::string stored_at = impl.now_iso();
        std::vector<std::int64_t> new_rows;
        SQLite::Statement& insert_message = impl.cached("INSERT OR IGNORE INTO messages (sha256, body_sha256, size, message_id, in_reply_to, "
            "references_ids, subject, from_name, from_address, to_addresses, cc_addresses, "
            "date_unix, date_offset, warnings, source, stored_at, from_me, direct_client_id, "
            "placeholder_size, normalized_id, base_subject, bulk) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        SQLite::Statement& insert_raw = impl.cached("INSERT INTO message_raw (message_row, raw) VALUES (?, ?)");
        SQLite::Statement& insert_text = impl.cached("INSERT INTO message_text (message_row, own_text, quoted_text, signature) "
            "VALUES (?, ?, ?, ?)");
        SQLite::Statement& insert_queued = impl.cached("INSERT INTO classify_queue (sort_date, message_row) VALUES (?, ?)");
        SQLite::Statement& insert_attachment = impl.cached("INSERT INTO attachments (message_row, position, filename, content_type, size, "
            "sha256) VALUES (?,?,?,?,?,?)");

        for (const IncomingMessage& message : batch) {
            const ParsedMessage& parsed = message.parsed;
            // Import computes the keys on its parse thread; compute them here otherwise.
            const std::string sha256 =
                message.sha256.empty() ? sha256_hex(message.raw) : message.sha256;
            const std::string body_sha256 =
                message.body_key.empty() ? message_body_key(message.raw) : message.body_key;
            insert_message.reset();
            insert_message.clearBindings();  // NULL where nothing is bound below
            insert_message.bind(1, sha256);
            insert_message.bind(2, body_sha256);
            insert_message.bind(3, static_cast<int64_t>(message.raw.size()));
            bind_optional_text(insert_message, 4, parsed.message_id);
            bind_optional_text(insert_message, 5, parsed.in_reply_to);
            insert_message.bind(6, join_lines(parsed.references));
            insert_message.bind(7, parsed.subject);
            insert_message.bind(8, parsed.from.name);
            insert_message.bind(9, parsed.from.address);
            insert_message.bind(10, address_lines(parsed.to));
            insert_message.bind(11, address_lines(parsed.cc));
            if (parsed.date) {
                insert_message.bind(12, static_cast<int64_t>(parsed.date->unix_seconds));
                insert_message.bind(13, parsed.date->offset_minutes);
            }
            insert_message.bind(14, warning_lines(parsed.warnings));
            insert_message.bind(15, message.source);
            insert_message.bind(16, stored_at);
            insert_message.bind(17, message.from_me ? 1 : 0);
            if (message.client) {
                if (auto found = clients.find(*message.client); found != clients.end()) {
                    insert_message.bind(18, static_cast<int64_t>(found->second));
                }
            }
            if (message.placeholder_size) {
                insert_message.bind(19, static_cast<int64_t>(*message.placeholder_size));
            }
            bind_optional_text(insert_message, 20, message_key_id(parsed.message_id));
            insert_message.bind(21, message_key_subject(parsed.subject));
            insert_message.bind(22, parsed.bulk ? 1 : 0);
            insert_message.exec();
            std::int64_t row = 0;
            if (impl.database.getChanges() == 0) {
                counts.already_present += 1;
                if (progress && message.uid) {
                    row = existing_row(impl, sha256, parsed.message_id, body_sha256);
                }
            } else {
                row = impl.database.getLastInsertRowid();
                counts.stored += 1;
                if (!parsed.warnings.empty()) counts.stored_with_warnings += 1;
                insert_raw.reset();
                insert_raw.bind(1, static_cast<int64_t>(row));
                insert_raw.bindNoCopy(2, message.raw.data(), static_cast<int>(message.raw.size()));
                insert_raw.exec();
                insert_text.reset();
                insert_text.bind(1, static_cast<int64_t>(row));
                insert_text.bindNoCopy(2, parsed.zones.own_text);
                insert_text.bindNoCopy(3, parsed.zones.quoted_text);
                insert_text.bindNoCopy(4, parsed.zones.signature);
                insert_text.exec();
                insert_queued.reset();
                insert_queued.bind(1, static_cast<int64_t>(parsed.date ? parsed.date->unix_seconds : 0));
                insert_queued.bind(2, static_cast<int64_t>(row));
                insert_queued.exec();
                int position = 0;
                for (const Attachment& attachment : parsed.attachments) {
                    insert_attachment.reset();
                    insert_attachment.bind(1, static_cast<int64_t>(row));
                    insert_attachment.bind(2, position++);
                    insert_attachment.bind(3, attachment.filename);
                    insert_attachment.bind(4, attachment.content_type);
                    insert_attachment.bind(5, static_cast<int64_t>(attachment.size));
                    insert_attachment.bind(6, attachment.sha256);
                    insert_attachment.exec();
                }
                impl.append_ledger("message", row, sha256);
                new_rows.push_back(row);
                if (memo) memo->stored_as(sha256, row);
                SQLite::Statement& insert_reference = impl.cached("INSERT INTO message_references (message_row, referenced_id) VALUES (?, ?)");
                auto add_reference = [&](const std::string& id) {
                    const std::string normalized = message_key_id(id);
                    if (normalized.empty()) return;
                    insert_reference.reset();
                    insert_reference.bind(1, static_cast<int64_t>(row));
                    insert_reference.bind(2, normalized);
                    insert_reference.exec();
                };
                for (const std::string& reference : parsed.references) add_reference(reference);
                if (!parsed.in_reply_to.empty()) add_reference(parsed.in_reply_to);
            }
            if (progress && message.uid && row != 0) {
                record_location(impl, row, folder, progress->uidvalidity, *message.uid);
            }
        }
        // Thread the new messages with their neighbours in the same
        // transaction, so the store is never seen with unthreaded mail.
        if (!new_rows.empty()) thread_rows(impl, new_rows);
        if (progress) advance_folder(impl, folder, *progress, stored_at);
        if (durability != Durability::kInNextCommit) impl.commit_batches(durability);
        return counts;
    });
    if (!result) forget_open_batches(impl);
    return result;
}

Result<void> Store::commit_open_batches() {
    Impl& impl = *impl_;
    auto result = guarded("committing stored batches", [&]() -> Result<void> {
        if (impl.open_batches) impl.commit_batches(Durability::kOnDisk);
        return ok();
    });
    if (!result) forget_open_batches(impl);
    return result;
}

// SQLite takes the synchronous level only outside a transaction, so the
// batch that opens one decides it: FULL when it is to be on disk at once,
// NORMAL when the next commit (or a checkpoint) is to flush it.
void Store::Impl::begin_batches(Durability durability) {
    open_batches_on_disk = durability == Durability::kOnDisk;
    if (!open_batches_on_disk) database.exec("PRAGMA synchronous = NORMAL");
    open_batches.emplace(database, SQLite::TransactionBehavior::IMMEDIATE);
    // Another connection (another account, `casefile import`) may have
    // appended since: chain onto the head as it is inside this transaction.
    load_ledger_head();
}

void Store::Impl::commit_batches(Durability durability) {
    ExecOnExit back_to_full(database, "PRAGMA synchronous = FULL");
    open_batches->commit();
    open_batches.reset();
    if (durability == Durability::kOnDisk && !open_batches_on_disk) {
        // Committed under NORMAL: the WAL, with every commit in it, is
        // flushed now; the checkpointer copies it into the file meanwhile.
        database.exec("PRAGMA synchronous = FULL");
        if (checkpointer) {
            checkpointer->flush_wal();
        } else {
            database.exec("PRAGMA wal_checkpoint(PASSIVE)");
        }
    }
}

}  // namespace casefile::core
