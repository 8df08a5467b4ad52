// read_case_export: gathers what a bundle holds from the store: the
// messages, their events (through Store::events) and the ledger entries of both.
#include <set>

#include "core/bundle.hpp"
#include "core/store.hpp"

namespace casefile::core {

Result<CaseExport> read_case_export(Store& store, const CaseQuery& query, BundleFormat format) {
    CaseExport export_data;
    export_data.query = query;
    export_data.format = format;
    auto record = store.case_record(query);
    if (!record) return Unexpected(record.error());
    export_data.record = std::move(*record);

    // The events of the exported messages only: a thread or a date range
    // leaves out the events of the messages it leaves out.
    EventFilter filter;
    filter.client = export_data.record.client.name;
    filter.thread_id = query.thread_id;
    auto events = store.events(filter);
    if (!events) return Unexpected(events.error());
    std::set<std::int64_t> rows;
    std::vector<std::int64_t> sequences;
    for (const CaseMessage& message : export_data.record.messages) {
        rows.insert(message.row);
        if (message.ledger) sequences.push_back(message.ledger->sequence);
    }
    // The case was read as of the ledger head in `record`; an event recorded
    // since (detection running meanwhile) belongs to a later export, and
    // would stand after the bundle's head.
    const std::int64_t head = export_data.record.head.sequence;
    for (StoredEvent& event : *events) {
        if (!rows.count(event.event.message_row)) continue;
        if (event.ledger_sequence > head) continue;
        if (event.ledger_sequence > 0) sequences.push_back(event.ledger_sequence);
        export_data.events.push_back(std::move(event));
    }
    auto ledger = store.ledger_entries(sequences);
    if (!ledger) return Unexpected(ledger.error());
    export_data.ledger = std::move(*ledger);
    return export_data;
}

}  // namespace casefile::core
