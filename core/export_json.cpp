// case.json and ledger.json: the machine-readable half of a bundle. Field
// names are part of the interface (README "Export bundles"); verify reads
// them back, so every hash can be recomputed from these files alone.
#include <map>

#include "core/bundle.hpp"
#include "core/event_hash.hpp"
#include "core/json_writer.hpp"
#include "core/message_json.hpp"

namespace casefile::core {
namespace {

std::optional<std::string> optional_iso(const std::optional<Timestamp>& date) {
    if (!date) return std::nullopt;
    return to_iso8601(*date);
}

std::optional<std::string> non_empty(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text;
}


void write_ledger_entry(JsonWriter& out, const LedgerEntry& entry) {
    out.begin_object();
    out.key("sequence").value(entry.sequence);
    out.key("kind").value(entry.kind);
    out.key("subject_id").value(entry.subject_id);
    out.key("content_hash").value(entry.content_hash);
    out.key("recorded_at").value(entry.recorded_at);
    out.key("previous_hash").value(entry.previous_hash);
    out.key("entry_hash").value(entry.entry_hash);
    out.end_object();
}

void write_threads(JsonWriter& out, const std::vector<CaseMessage>& messages) {
    struct Thread {
        std::string subject;
        std::optional<std::string> first_date, last_date;
        std::int64_t count = 0;
    };
    std::vector<std::string> order;
    std::map<std::string, Thread> threads;
    for (const CaseMessage& message : messages) {
        auto [slot, inserted] = threads.try_emplace(message.thread_id);
        Thread& thread = slot->second;
        if (inserted) {
            order.push_back(message.thread_id);
            thread.subject = message.parsed.subject;
        }
        thread.count += 1;
        if (message.parsed.date) {
            const std::string date = to_iso8601(*message.parsed.date);
            if (!thread.first_date) thread.first_date = date;
            thread.last_date = date;
        }
    }
    out.begin_array();
    for (const std::string& thread_id : order) {
        const Thread& thread = threads[thread_id];
        out.begin_object();
        out.key("thread_id").value(thread_id);
        out.key("subject").value(thread.subject);
        out.key("first_date").value(thread.first_date);
        out.key("last_date").value(thread.last_date);
        out.key("messages").value(thread.count);
        out.end_object();
    }
    out.end_array();
}

void write_message(JsonWriter& out, const CaseMessage& message, const std::string& file,
                   std::size_t mbox_index, bool mbox) {
    const ParsedMessage& parsed = message.parsed;
    out.begin_object();
    out.key("message_id").value(non_empty(parsed.message_id));
    out.key("parent_message_id").value(message.parent_message_id);
    out.key("thread_id").value(message.thread_id);
    out.key("date").value(optional_iso(parsed.date));
    out.key("from");
    write_address(out, parsed.from);
    out.key("to");
    write_addresses(out, parsed.to);
    out.key("cc");
    write_addresses(out, parsed.cc);
    out.key("subject").value(parsed.subject);
    out.key("from_me").value(message.from_me);
    out.key("sha256").value(message.sha256);
    out.key("size").value(static_cast<std::uint64_t>(message.raw.size()));
    out.key("file").value(file);
    if (mbox) out.key("mbox_index").value(static_cast<std::uint64_t>(mbox_index));
    out.key("ledger_sequence");
    if (message.ledger) {
        out.value(message.ledger->sequence);
    } else {
        out.null();
    }
    out.key("attachments");
    write_attachments(out, parsed.attachments);
    out.key("warnings").string_array(parsed.warnings);
    out.end_object();
}

void write_event(JsonWriter& out, const StoredEvent& stored) {
    const NewEvent& event = stored.event;
    out.begin_object();
    out.key("id").value(stored.id);
    out.key("message_sha256").value(stored.message_sha256);
    out.key("message_id").value(stored.message_id);
    out.key("thread_id").value(stored.thread_id);
    out.key("category").value(event.category);
    out.key("evidence").value(event.evidence);
    // Which text the span indexes: "own_text", or "subject" (the message's
    // "subject" above) for an ask made only in the Subject line.
    out.key("evidence_source").value(event.evidence_source);
    out.key("span").begin_object();
    out.key("start").value(event.span_start);
    out.key("end").value(event.span_end);
    out.end_object();
    out.key("due").value(non_empty(event.due));
    out.key("previous_due").value(non_empty(event.previous_due));
    out.key("rule_id").value(event.rule_id);
    // As a string: the canonical text hashes exactly these characters.
    out.key("confidence").value(format_confidence(event.confidence));
    out.key("created_at").value(stored.created_at);
    out.key("superseded_at").value(stored.superseded_at);
    out.key("ledger_sequence");
    if (stored.ledger_sequence > 0) {
        out.value(stored.ledger_sequence);
    } else {
        out.null();
    }
    out.end_object();
}

void write_query(JsonWriter& out, const CaseQuery& query) {
    out.begin_object();
    out.key("client").value(query.client);
    auto date = [&](const std::optional<std::int64_t>& unix_seconds) {
        if (unix_seconds) {
            out.value(to_iso8601(Timestamp{*unix_seconds, 0}));
        } else {
            out.null();
        }
    };
    out.key("from");
    date(query.from_unix);
    out.key("to");
    date(query.to_unix);
    out.key("thread_id").value(query.thread_id);
    out.end_object();
}

}  // namespace

std::string compose_case_json(const CaseExport& export_data,
                              const std::vector<std::string>& file_names) {
    const CaseRecord& record = export_data.record;
    const bool mbox = export_data.format == BundleFormat::mbox;
    JsonWriter out;
    out.begin_object();
    out.key("format").value("casefile-case-v1");
    out.key("bundle_format").value(mbox ? "mbox" : "eml");
    out.key("query");
    write_query(out, export_data.query);
    out.key("clients").begin_array();
    out.begin_object();
    out.key("name").value(record.client.name);
    out.key("addresses").string_array(record.client.addresses);
    out.key("domains").string_array(record.client.domains);
    out.end_object();
    out.end_array();
    out.key("own_addresses").string_array(record.own_addresses);
    out.key("threads");
    write_threads(out, record.messages);
    out.key("messages").begin_array();
    for (std::size_t index = 0; index < record.messages.size(); ++index) {
        write_message(out, record.messages[index], file_names[index], index, mbox);
    }
    out.end_array();
    out.key("events").begin_array();
    for (const StoredEvent& event : export_data.events) write_event(out, event);
    out.end_array();
    out.end_object();
    return out.str() + "\n";
}

std::string compose_ledger_json(const CaseExport& export_data) {
    JsonWriter out;
    out.begin_object();
    out.key("format").value("casefile-ledger-v1");
    out.key("entry_hash_text")
        .value("casefile-ledger-v1\\n<sequence>\\n<kind>\\n<subject_id>\\n<content_hash>\\n"
               "<recorded_at>\\n<previous_hash>\\n");
    out.key("head");
    write_ledger_entry(out, export_data.record.head);
    out.key("entries").begin_array();
    for (const LedgerEntry& entry : export_data.ledger) write_ledger_entry(out, entry);
    out.end_array();
    out.end_object();
    return out.str() + "\n";
}

}  // namespace casefile::core
