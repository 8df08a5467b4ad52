// Where a stored event's evidence sentence stands, by name: the store's
// events.evidence_source column, the ledger's canonical event text, case.json
// and `rules test --json` all write these words.
#pragma once

#include <string_view>

namespace casefile::core {

enum class EvidenceSource;  // core/detect.hpp

// The message's own text (every event before schema version 5).
inline constexpr std::string_view kEvidenceInOwnText = "own_text";
// The Subject header as stored (messages.subject): the ask was made there only.
inline constexpr std::string_view kEvidenceInSubject = "subject";

// kEvidenceInOwnText or kEvidenceInSubject.
std::string_view evidence_source_name(EvidenceSource source);

// True for the names above: the only values a stored event may carry.
bool is_evidence_source_name(std::string_view name);

}  // namespace casefile::core
