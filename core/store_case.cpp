// Store::case_record and Store::ledger_entries: what an export bundle holds,
// read in one transaction so a daemon writing meanwhile cannot tear it.
#include <algorithm>
#include <unordered_map>

#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {
namespace {

std::optional<std::string> optional_text(const SQLite::Column& column) {
    if (column.isNull()) return std::nullopt;
    return column.getString();
}

// The store keeps address lists as "name\taddress" lines (store_ingest.cpp).
std::vector<Address> address_lines(const std::string& text) {
    std::vector<Address> addresses;
    for (const std::string& line : split_lines(text)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) {
            addresses.push_back(Address{"", line});
        } else {
            addresses.push_back(Address{line.substr(0, tab), line.substr(tab + 1)});
        }
    }
    return addresses;
}

LedgerEntry ledger_row(SQLite::Statement& query) {
    LedgerEntry entry;
    entry.sequence = query.getColumn(0).getInt64();
    entry.kind = query.getColumn(1).getString();
    entry.subject_id = query.getColumn(2).getInt64();
    entry.content_hash = query.getColumn(3).getString();
    entry.recorded_at = query.getColumn(4).getString();
    entry.previous_hash = query.getColumn(5).getString();
    entry.entry_hash = query.getColumn(6).getString();
    return entry;
}

constexpr const char* kLedgerColumns =
    "SELECT sequence, kind, subject_id, content_hash, recorded_at, previous_hash, entry_hash "
    "FROM ledger ";

void read_attachments(SQLite::Database& database, std::vector<CaseMessage>& messages) {
    SQLite::Statement query(database,
                            "SELECT message_row, filename, content_type, size, sha256 FROM "
                            "attachments WHERE message_row = ? ORDER BY position");
    for (CaseMessage& message : messages) {
        query.reset();
        query.bind(1, static_cast<int64_t>(message.row));
        while (query.executeStep()) {
            message.parsed.attachments.push_back(
                Attachment{query.getColumn(1).getString(), query.getColumn(2).getString(),
                           static_cast<std::uint64_t>(query.getColumn(3).getInt64()),
                           query.getColumn(4).getString()});
        }
    }
}

}  // namespace

Result<CaseRecord> Store::case_record(const CaseQuery& case_query) {
    Impl& impl = *impl_;
    return guarded("reading the case", [&]() -> Result<CaseRecord> {
        impl.database.exec("BEGIN");
        ExecOnExit end_read(impl.database, "COMMIT");
        CaseRecord record;
        SQLite::Statement client(impl.database,
                                 "SELECT id, name, addresses, domains FROM clients "
                                 "WHERE name = ? COLLATE NOCASE");
        client.bind(1, case_query.client);
        if (!client.executeStep()) {
            return fail("no client named \"" + case_query.client +
                        "\" in the store; `casefile clients` lists them");
        }
        const std::int64_t client_id = client.getColumn(0).getInt64();
        record.client = ClientRecord{client.getColumn(1).getString(),
                                     split_lines(client.getColumn(2).getString()),
                                     split_lines(client.getColumn(3).getString())};
        SQLite::Statement me(impl.database, "SELECT value FROM meta WHERE key = 'own_addresses'");
        if (me.executeStep()) record.own_addresses = split_lines(me.getColumn(0).getString());

        std::string sql =
            "SELECT m.id, r.raw, m.sha256, m.message_id, m.in_reply_to, m.references_ids, "
            "m.subject, m.from_name, m.from_address, m.to_addresses, m.cc_addresses, m.date_unix, "
            "m.date_offset, x.own_text, x.quoted_text, x.signature, m.warnings, m.from_me, "
            "mt.thread_id, p.message_id, c.name, "
            "(SELECT l.sequence FROM ledger l WHERE l.kind = 'message' AND l.subject_id = m.id "
            " ORDER BY l.sequence LIMIT 1) "
            "FROM messages m JOIN message_threads mt ON mt.message_row = m.id "
            "LEFT JOIN message_raw r ON r.message_row = m.id "
            "LEFT JOIN message_text x ON x.message_row = m.id "
            "LEFT JOIN messages p ON p.id = mt.parent_row "
            "LEFT JOIN clients c ON c.id = mt.client_id "
            "LEFT JOIN threads t ON t.thread_id = mt.thread_id WHERE mt.client_id = ?";
        if (case_query.from_unix) sql += " AND m.date_unix >= ?";
        if (case_query.to_unix) sql += " AND m.date_unix <= ?";
        if (case_query.thread_id) sql += " AND mt.thread_id = ?";
        sql += " ORDER BY t.first_date, mt.thread_id, m.date_unix, m.id";
        SQLite::Statement query(impl.database, sql);
        int index = 1;
        query.bind(index++, static_cast<int64_t>(client_id));
        if (case_query.from_unix) query.bind(index++, static_cast<int64_t>(*case_query.from_unix));
        if (case_query.to_unix) query.bind(index++, static_cast<int64_t>(*case_query.to_unix));
        if (case_query.thread_id) query.bind(index++, *case_query.thread_id);

        SQLite::Statement ledger(impl.database,
                                 std::string(kLedgerColumns) + "WHERE sequence = ?");
        while (query.executeStep()) {
            CaseMessage message;
            message.row = query.getColumn(0).getInt64();
            const SQLite::Column raw = query.getColumn(1);
            if (!raw.isNull()) {
                message.raw.assign(static_cast<const char*>(raw.getBlob()),
                                   static_cast<std::size_t>(raw.getBytes()));
            }
            message.sha256 = query.getColumn(2).getString();
            ParsedMessage& parsed = message.parsed;
            parsed.message_id = query.getColumn(3).getString();
            parsed.in_reply_to = query.getColumn(4).getString();
            parsed.references = split_lines(query.getColumn(5).getString());
            parsed.subject = query.getColumn(6).getString();
            parsed.from = Address{query.getColumn(7).getString(), query.getColumn(8).getString()};
            parsed.to = address_lines(query.getColumn(9).getString());
            parsed.cc = address_lines(query.getColumn(10).getString());
            if (!query.getColumn(11).isNull()) {
                parsed.date = Timestamp{query.getColumn(11).getInt64(), query.getColumn(12).getInt()};
            }
            parsed.zones.own_text = query.getColumn(13).getString();
            parsed.zones.quoted_text = query.getColumn(14).getString();
            parsed.zones.signature = query.getColumn(15).getString();
            parsed.warnings = split_lines(query.getColumn(16).getString());
            message.from_me = query.getColumn(17).getInt() != 0;
            message.thread_id = query.getColumn(18).getString();
            message.parent_message_id = optional_text(query.getColumn(19));
            message.client = optional_text(query.getColumn(20));
            if (!query.getColumn(21).isNull()) {
                ledger.reset();
                ledger.bind(1, query.getColumn(21).getInt64());
                if (ledger.executeStep()) message.ledger = ledger_row(ledger);
            }
            record.messages.push_back(std::move(message));
        }
        read_attachments(impl.database, record.messages);

        SQLite::Statement head(impl.database,
                               std::string(kLedgerColumns) + "ORDER BY sequence DESC LIMIT 1");
        if (head.executeStep()) {
            record.head = ledger_row(head);
        } else {
            record.head.entry_hash = std::string(kLedgerGenesisHash);
        }
        return record;
    });
}

Result<std::vector<LedgerEntry>> Store::ledger_entries(const std::vector<std::int64_t>& sequences) {
    Impl& impl = *impl_;
    return guarded("reading ledger entries", [&]() -> Result<std::vector<LedgerEntry>> {
        std::vector<std::int64_t> sorted = sequences;
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        SQLite::Statement query(impl.database, std::string(kLedgerColumns) + "WHERE sequence = ?");
        std::vector<LedgerEntry> entries;
        for (std::int64_t sequence : sorted) {
            query.reset();
            query.bind(1, static_cast<int64_t>(sequence));
            if (query.executeStep()) entries.push_back(ledger_row(query));
        }
        return entries;
    });
}

}  // namespace casefile::core
