// Pieces of index.html shared by export_html.cpp (the page and the threads)
// and export_summary.cpp (the summary, deadline table and timeline).
#pragma once

#include <string>
#include <vector>

#include "core/bundle.hpp"

namespace casefile::core {

// The anchor of a message in the page: "m-" + 16 hex digits of its SHA-256.
std::string message_anchor(const CaseMessage& message);

// "deadline", "scope" or "other", for CSS classes and the timeline's shapes.
std::string event_family(const std::string& category);

// True when the event's evidence is the message's Subject line (an ask made
// only there), whose text its span indexes, rather than the own text.
bool evidence_in_subject(const NewEvent& event);

// "" for own-text evidence; for subject evidence, a label that says so,
// as HTML ("<span class=\"source\">subject line</span> ").
std::string evidence_source_label(const NewEvent& event);

// A date as the page shows it: ISO 8601 in the sender's offset, or "(no date)".
std::string shown_date(const std::optional<Timestamp>& date);

// The summary section: parties, period, counts, deadline history table and
// the SVG timeline. All mail content in it is escaped with display_html.
std::string summary_html(const CaseExport& export_data);

}  // namespace casefile::core
