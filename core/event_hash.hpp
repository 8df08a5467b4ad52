// The content an "event" ledger entry records: a canonical serialisation of
// the event's fields, so an exported event can be checked against the ledger
// by anyone who has the bundle's case.json.
#pragma once

#include <string>
#include <string_view>

#include "core/store_types.hpp"

namespace casefile::core {

// The canonical text of an event, UTF-8, each field on its own line:
//   "casefile-event-v1\n"
//   "<message_sha256>\n"      hex SHA-256 of the message's raw bytes
//   "<category>\n"
//   "<rule_id>\n"
//   "<span_start>\n<span_end>\n"   decimal byte offsets in the own text
//   "<due>\n<previous_due>\n"      as stored; empty when none
//   "<confidence>\n"               format_confidence(): "%.4g"
//   "<evidence byte length>\n<evidence>\n"
// The evidence is length-prefixed because it may hold newlines; the other
// fields never do (add_events refuses them).
//
// An event whose evidence is not in the own text (evidence_source other than
// "own_text", e.g. an ask made only in the Subject line) is written as
//   "casefile-event-v2\n"
//   "<message_sha256>\n<category>\n<rule_id>\n"
//   "<evidence_source>\n"           the text the span indexes: "subject"
//   "<span_start>\n<span_end>\n" ... the rest as in v1
// so that the source is hashed too (a subject event cannot pass for an own
// text one), while every own-text event, and so every event stored before
// the source was recorded, keeps its v1 text and its ledger hash.
std::string event_canonical_text(const NewEvent& event, std::string_view message_sha256);
// The same with the confidence given as text, as case.json holds it.
std::string event_canonical_text(const NewEvent& event, std::string_view message_sha256,
                                 std::string_view confidence_text);

// SHA-256 (hex) of event_canonical_text(): the ledger entry's content_hash.
std::string event_content_hash(const NewEvent& event, std::string_view message_sha256);

// The confidence as the canonical text and case.json both write it.
std::string format_confidence(double confidence);

}  // namespace casefile::core
