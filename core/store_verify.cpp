// Store::verify: recompute the ledger chain and every message's SHA-256 from
// its raw bytes, and name the first entry that does not hold.
#include <unordered_set>

#include "core/event_hash.hpp"
#include "core/sha256.hpp"
#include "core/store.hpp"
#include "core/store_internal.hpp"

namespace casefile::core {
namespace {

struct MessageFacts {
    bool found = false;
    std::string recorded_sha256;
    std::string actual_sha256;
    std::optional<std::string> message_id;
};

MessageFacts message_facts(SQLite::Statement& query, std::int64_t row) {
    MessageFacts facts;
    query.reset();
    query.bind(1, static_cast<int64_t>(row));
    if (!query.executeStep()) return facts;
    facts.found = true;
    facts.recorded_sha256 = query.getColumn(0).getString();
    if (!query.getColumn(1).isNull()) facts.message_id = query.getColumn(1).getString();
    const SQLite::Column raw = query.getColumn(2);
    if (!raw.isNull()) {
        facts.actual_sha256 = sha256_hex(
            std::string_view(static_cast<const char*>(raw.getBlob()),
                             static_cast<std::size_t>(raw.getBytes())));
    }
    return facts;
}

std::string describe_message(std::int64_t row, const std::optional<std::string>& message_id) {
    return "message " + std::to_string(row) + (message_id ? " <" + *message_id + ">" : "");
}

// The content hash an "event" entry should hold, recomputed from the events
// row and its message's recorded SHA-256; nullopt when the event is gone.
std::optional<std::string> event_hash(SQLite::Statement& query, std::int64_t event_id) {
    query.reset();
    query.bind(1, static_cast<int64_t>(event_id));
    if (!query.executeStep()) return std::nullopt;
    NewEvent event;
    event.category = query.getColumn(0).getString();
    event.evidence = query.getColumn(1).getString();
    event.span_start = query.getColumn(2).getInt64();
    event.span_end = query.getColumn(3).getInt64();
    event.due = query.getColumn(4).getString();
    event.previous_due = query.getColumn(5).getString();
    event.rule_id = query.getColumn(6).getString();
    event.confidence = query.getColumn(7).getDouble();
    event.evidence_source = query.getColumn(9).getString();
    return event_content_hash(event, query.getColumn(8).getString());
}

}  // namespace

Result<VerifyReport> Store::verify() {
    Impl& impl = *impl_;
    return guarded("verifying the store", [&]() -> Result<VerifyReport> {
        VerifyReport report;
        // One read transaction, so a daemon writing meanwhile cannot make a
        // consistent store look broken.
        impl.database.exec("BEGIN");
        ExecOnExit end_read(impl.database, "COMMIT");

        SQLite::Statement entries(impl.database,
                                  "SELECT sequence, kind, subject_id, content_hash, recorded_at, "
                                  "previous_hash, entry_hash FROM ledger ORDER BY sequence");
        SQLite::Statement message(impl.database,
                                  "SELECT m.sha256, m.message_id, r.raw FROM messages m LEFT JOIN "
                                  "message_raw r ON r.message_row = m.id WHERE m.id = ?");
        SQLite::Statement event(
            impl.database,
            "SELECT e.category, e.evidence, e.span_start, e.span_end, e.due, "
            "e.previous_due, e.rule_id, e.confidence, m.sha256, e.evidence_source "
            "FROM events e "
            "JOIN messages m ON m.id = e.message_row WHERE e.id = ?");
        std::string previous_hash(kLedgerGenesisHash);
        std::int64_t expected_sequence = 1;
        std::unordered_set<std::int64_t> ledgered_messages;
        while (entries.executeStep()) {
            LedgerEntry entry;
            entry.sequence = entries.getColumn(0).getInt64();
            entry.kind = entries.getColumn(1).getString();
            entry.subject_id = entries.getColumn(2).getInt64();
            entry.content_hash = entries.getColumn(3).getString();
            entry.recorded_at = entries.getColumn(4).getString();
            entry.previous_hash = entries.getColumn(5).getString();
            entry.entry_hash = entries.getColumn(6).getString();
            report.entries_checked += 1;
            auto problem = [&](std::string description) {
                report.problems.push_back(
                    VerifyProblem{entry.sequence, entry.kind == "message" ? entry.subject_id : 0,
                                  std::nullopt, std::move(description)});
            };
            if (entry.sequence != expected_sequence) {
                problem("ledger entry " + std::to_string(entry.sequence) + " follows entry " +
                        std::to_string(expected_sequence - 1) + ": entries are missing");
            }
            expected_sequence = entry.sequence + 1;
            if (entry.previous_hash != previous_hash) {
                problem("ledger entry " + std::to_string(entry.sequence) +
                        " does not link to the entry before it (previous hash differs)");
            }
            if (ledger_entry_hash(entry) != entry.entry_hash) {
                problem("ledger entry " + std::to_string(entry.sequence) +
                        " was altered: its hash does not match its content");
            }
            previous_hash = entry.entry_hash;
            if (entry.kind == "event") {
                const auto expected = event_hash(event, entry.subject_id);
                if (!expected) {
                    problem("ledger entry " + std::to_string(entry.sequence) + ": event " +
                            std::to_string(entry.subject_id) + " is missing from the store");
                } else if (*expected != entry.content_hash) {
                    problem("ledger entry " + std::to_string(entry.sequence) + ": event " +
                            std::to_string(entry.subject_id) +
                            " was altered: its fields no longer hash to the recorded content hash");
                }
            }
            if (entry.kind != "message") continue;

            ledgered_messages.insert(entry.subject_id);
            report.messages_checked += 1;
            const MessageFacts facts = message_facts(message, entry.subject_id);
            const std::string who = describe_message(entry.subject_id, facts.message_id);
            if (!facts.found) {
                problem("ledger entry " + std::to_string(entry.sequence) + ": " + who +
                        " is missing from the store");
            } else if (facts.actual_sha256.empty()) {
                problem("ledger entry " + std::to_string(entry.sequence) + ": " + who +
                        " has lost its raw bytes");
            } else if (facts.actual_sha256 != entry.content_hash) {
                problem("ledger entry " + std::to_string(entry.sequence) + ": " + who +
                        " was altered: its raw bytes no longer hash to the recorded SHA-256");
            } else if (facts.recorded_sha256 != entry.content_hash) {
                problem("ledger entry " + std::to_string(entry.sequence) + ": " + who +
                        " has a recorded SHA-256 that differs from the ledger's");
            }
            if (!report.problems.empty() && report.problems.back().message_row == entry.subject_id) {
                report.problems.back().message_id = facts.message_id;
            }
        }
        report.head = previous_hash;

        SQLite::Statement unledgered(impl.database, "SELECT id, message_id FROM messages ORDER BY id");
        while (unledgered.executeStep()) {
            const std::int64_t row = unledgered.getColumn(0).getInt64();
            if (ledgered_messages.count(row)) continue;
            std::optional<std::string> message_id;
            if (!unledgered.getColumn(1).isNull()) message_id = unledgered.getColumn(1).getString();
            report.problems.push_back(VerifyProblem{0, row, message_id,
                                                    describe_message(row, message_id) +
                                                        " has no ledger entry"});
        }
        return report;
    });
}

}  // namespace casefile::core
