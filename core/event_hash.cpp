#include "core/event_hash.hpp"

#include <cstdio>

#include "core/evidence_source.hpp"
#include "core/sha256.hpp"

namespace casefile::core {

std::string format_confidence(double confidence) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", confidence);
    return buffer;
}

std::string event_canonical_text(const NewEvent& event, std::string_view message_sha256) {
    return event_canonical_text(event, message_sha256, format_confidence(event.confidence));
}

std::string event_canonical_text(const NewEvent& event, std::string_view message_sha256,
                                 std::string_view confidence_text) {
    // Own-text events keep the v1 text byte for byte: the ledger already
    // holds their hashes.
    const bool in_own_text = event.evidence_source == kEvidenceInOwnText;
    std::string text = in_own_text ? "casefile-event-v1\n" : "casefile-event-v2\n";
    auto line = [&text](std::string_view field) {
        text += field;
        text += '\n';
    };
    line(message_sha256);
    line(event.category);
    line(event.rule_id);
    if (!in_own_text) line(event.evidence_source);
    line(std::to_string(event.span_start));
    line(std::to_string(event.span_end));
    line(event.due);
    line(event.previous_due);
    line(confidence_text);
    line(std::to_string(event.evidence.size()));
    line(event.evidence);
    return text;
}

std::string event_content_hash(const NewEvent& event, std::string_view message_sha256) {
    return sha256_hex(event_canonical_text(event, message_sha256));
}

}  // namespace casefile::core
