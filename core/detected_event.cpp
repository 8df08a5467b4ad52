#include "core/detected_event.hpp"

#include <string>

#include "core/evidence_source.hpp"

namespace casefile::core {

NewEvent to_new_event(const Event& event, std::int64_t message_row, std::size_t subject_offset) {
    const std::size_t shift = event.source == EvidenceSource::subject ? subject_offset : 0;
    NewEvent stored;
    stored.message_row = message_row;
    stored.category = std::string(category_name(event.category));
    stored.evidence = event.evidence;
    stored.span_start = static_cast<std::int64_t>(event.start + shift);
    stored.span_end = static_cast<std::int64_t>(event.end + shift);
    stored.evidence_source = std::string(evidence_source_name(event.source));
    stored.due = event.due;
    stored.previous_due = event.previous_due;
    stored.rule_id = event.rule;
    stored.confidence = event.confidence;
    return stored;
}

}  // namespace casefile::core
