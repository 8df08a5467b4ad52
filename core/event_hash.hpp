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
std::string event_canonical_text(const NewEvent& event, std::string_view message_sha256);
// The same with the confidence given as text, as case.json holds it.
std::string event_canonical_text(const NewEvent& event, std::string_view message_sha256,
                                 std::string_view confidence_text);

// SHA-256 (hex) of event_canonical_text(): the ledger entry's content_hash.
std::string event_content_hash(const NewEvent& event, std::string_view message_sha256);

// The confidence as the canonical text and case.json both write it.
std::string format_confidence(double confidence);

}  // namespace casefile::core
