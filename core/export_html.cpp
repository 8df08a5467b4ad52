// index.html: one self-contained page a mediator can read and print. No
// script, no remote resource; the CSP meta tag forbids both even if mail
// content were ever to slip through unescaped, which display_html prevents.
#include <algorithm>
#include <map>

#include "core/bundle.hpp"
#include "core/export_html_parts.hpp"
#include "core/html_text.hpp"

namespace casefile::core {
namespace {

constexpr const char* kStyle = R"css(
body { font: 14px/1.45 system-ui, sans-serif; color: #222; max-width: 60em; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 2px solid #446; }
table { border-collapse: collapse; margin: .5em 0; } td, th { border: 1px solid #ccc; padding: .2em .5em; vertical-align: top; text-align: left; }
th { background: #f0f0f5; }
.headers th { background: none; border: none; color: #555; font-weight: normal; white-space: nowrap; }
.headers td { border: none; word-break: break-all; }
.message { border: 1px solid #bbc; border-radius: 4px; margin: 1em 0; padding: .5em 1em; }
.message.from-me { background: #f7f9ff; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: 13px; }
mark.event { background: #ffe58a; padding: 0 .1em; } mark.event.scope { background: #b8e6c4; }
.tag { font-size: 11px; color: #734; font-family: system-ui, sans-serif; }
.hash { font-family: ui-monospace, monospace; font-size: 12px; word-break: break-all; }
.muted { color: #666; } .warning { color: #933; }
.source { font-size: 11px; color: #446; font-variant: small-caps; font-weight: normal; }
details summary { cursor: pointer; color: #446; }
svg { max-width: 100%; height: auto; border: 1px solid #ddd; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  .thread { break-before: page; }
  .message, tr, svg { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  details > summary { display: none; }
}
)css";

std::string addresses_html(const std::vector<Address>& addresses) {
    std::string out;
    for (const Address& address : addresses) {
        if (!out.empty()) out += ", ";
        out += address.name.empty() ? display_html(address.address)
                                    : display_html(address.name) + " &lt;" +
                                          display_html(address.address) + "&gt;";
    }
    return out;
}

void header_row(std::string& out, const char* name, const std::string& value_html) {
    if (value_html.empty()) return;
    out += "<tr><th>";
    out += name;
    out += "</th><td>" + value_html + "</td></tr>\n";
}

struct Placed {
    std::size_t start = 0;
    std::size_t end = 0;
    const StoredEvent* event = nullptr;
};

std::string event_tag(const StoredEvent& stored) {
    std::string tag = display_html(stored.event.category);
    if (!stored.event.due.empty()) tag += " &middot; due " + display_html(stored.event.due);
    if (!stored.event.previous_due.empty()) {
        tag += " (was " + display_html(stored.event.previous_due) + ")";
    }
    return tag;
}

// `text` (the own text, or the subject for subject events) with each event's
// evidence highlighted where it stands: at its span when the span holds the
// evidence, else where the evidence first occurs. Events that cannot be
// placed are added to `unplaced`, to be listed after the text.
std::string highlighted_text(const std::string& text, const std::vector<const StoredEvent*>& events,
                             std::vector<const StoredEvent*>& unplaced) {
    std::vector<Placed> placed;
    for (const StoredEvent* stored : events) {
        const NewEvent& event = stored->event;
        const auto start = static_cast<std::size_t>(event.span_start);
        const auto end = static_cast<std::size_t>(event.span_end);
        if (!event.evidence.empty() && end <= text.size() && start < end &&
            text.compare(start, end - start, event.evidence) == 0) {
            placed.push_back(Placed{start, end, stored});
        } else if (const std::size_t found = event.evidence.empty() ? std::string::npos
                                                                    : text.find(event.evidence);
                   found != std::string::npos) {
            placed.push_back(Placed{found, found + event.evidence.size(), stored});
        } else {
            unplaced.push_back(stored);
        }
    }
    std::sort(placed.begin(), placed.end(),
              [](const Placed& left, const Placed& right) { return left.start < right.start; });
    std::string out;
    std::size_t at = 0;
    for (const Placed& place : placed) {
        if (place.start < at) {  // overlaps the previous highlight
            unplaced.push_back(place.event);
            continue;
        }
        out += display_html(std::string_view(text).substr(at, place.start - at));
        out += "<mark class=\"event " + event_family(place.event->event.category) + "\" id=\"e-" +
               std::to_string(place.event->id) + "\">";
        out += display_html(std::string_view(text).substr(place.start, place.end - place.start));
        out += "</mark><sup class=\"tag\">[" + event_tag(*place.event) + "]</sup>";
        at = place.end;
    }
    out += display_html(std::string_view(text).substr(at));
    return out;
}

void message_html(std::string& out, const CaseMessage& message, const std::string& file,
                  const std::vector<const StoredEvent*>& events) {
    const ParsedMessage& parsed = message.parsed;
    out += "<article class=\"message" + std::string(message.from_me ? " from-me" : "") +
           "\" id=\"" + message_anchor(message) + "\">\n";
    // Each event's span indexes the text its source names: an ask made only
    // in the Subject line is highlighted in the subject, never in the body.
    std::vector<const StoredEvent*> subject_events, own_text_events, unplaced;
    for (const StoredEvent* stored : events) {
        (evidence_in_subject(stored->event) ? subject_events : own_text_events).push_back(stored);
    }
    if (parsed.subject.empty()) {
        unplaced = subject_events;
        out += "<h3>(no subject)</h3>\n";
    } else {
        out += "<h3>" + highlighted_text(parsed.subject, subject_events, unplaced) + "</h3>\n";
    }
    out += "<table class=\"headers\">\n";
    header_row(out, "From", addresses_html({parsed.from}));
    header_row(out, "To", addresses_html(parsed.to));
    header_row(out, "Cc", addresses_html(parsed.cc));
    header_row(out, "Date", html_escape(shown_date(parsed.date)));
    header_row(out, "Message-ID", display_html(parsed.message_id));
    if (message.parent_message_id) {
        header_row(out, "In reply to", display_html(*message.parent_message_id));
    }
    header_row(out, "SHA-256", "<span class=\"hash\">" + html_escape(message.sha256) + "</span>");
    header_row(out, "File", html_escape(file));
    if (message.ledger) {
        header_row(out, "Ledger entry", std::to_string(message.ledger->sequence));
    }
    out += "</table>\n";
    out += "<div class=\"text\">" +
           highlighted_text(parsed.zones.own_text, own_text_events, unplaced) + "</div>\n";
    for (const StoredEvent* stored : unplaced) {
        out += "<p id=\"e-" + std::to_string(stored->id) + "\"><mark class=\"event " +
               event_family(stored->event.category) + "\">" + event_tag(*stored) +
               "</mark>: " + evidence_source_label(stored->event) + "&ldquo;" +
               display_html(stored->event.evidence) + "&rdquo;</p>\n";
    }
    if (!parsed.zones.quoted_text.empty()) {
        out += "<details><summary>Quoted text</summary><div class=\"text\">" +
               display_html(parsed.zones.quoted_text) + "</div></details>\n";
    }
    if (!parsed.zones.signature.empty()) {
        out += "<details><summary>Signature</summary><div class=\"text\">" +
               display_html(parsed.zones.signature) + "</div></details>\n";
    }
    if (!parsed.attachments.empty()) {
        out += "<table><tr><th>Attachment</th><th>Type</th><th>Size (bytes)</th><th>SHA-256</th></tr>\n";
        for (const Attachment& attachment : parsed.attachments) {
            out += "<tr><td>" + display_html(attachment.filename) + "</td><td>" +
                   display_html(attachment.content_type) + "</td><td>" +
                   std::to_string(attachment.size) + "</td><td class=\"hash\">" +
                   display_html(attachment.sha256) + "</td></tr>\n";
        }
        out += "</table>\n";
    }
    for (const std::string& warning : parsed.warnings) {
        out += "<p class=\"warning\">Parse warning: " + display_html(warning) + "</p>\n";
    }
    out += "</article>\n";
}

}  // namespace

std::string message_anchor(const CaseMessage& message) {
    std::string hex;
    for (char character : message.sha256.substr(0, 16)) {
        if ((character >= '0' && character <= '9') || (character >= 'a' && character <= 'f')) {
            hex.push_back(character);
        }
    }
    return "m-" + hex + "-" + std::to_string(message.row);
}

std::string event_family(const std::string& category) {
    if (category.find("deadline") != std::string::npos) return "deadline";
    if (category.find("scope") != std::string::npos) return "scope";
    return "other";
}

bool evidence_in_subject(const NewEvent& event) {
    return event.evidence_source == kEvidenceInSubject;
}

std::string evidence_source_label(const NewEvent& event) {
    return evidence_in_subject(event) ? "<span class=\"source\">subject line</span> " : "";
}

std::string shown_date(const std::optional<Timestamp>& date) {
    return date ? to_iso8601(*date) : std::string("(no date)");
}

std::string compose_index_html(const CaseExport& export_data,
                               const std::vector<std::string>& file_names) {
    const CaseRecord& record = export_data.record;
    std::map<std::int64_t, std::vector<const StoredEvent*>> events_by_row;
    for (const StoredEvent& event : export_data.events) {
        events_by_row[event.event.message_row].push_back(&event);
    }
    std::string out;
    out.reserve(4096 + record.messages.size() * 3000);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; img-src data:\">\n"
           "<meta name=\"referrer\" content=\"no-referrer\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Case file: " +
           display_html(record.client.name) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    out += summary_html(export_data);
    std::string current_thread;
    for (std::size_t index = 0; index < record.messages.size(); ++index) {
        const CaseMessage& message = record.messages[index];
        if (index == 0 || message.thread_id != current_thread) {
            if (index > 0) out += "</section>\n";
            current_thread = message.thread_id;
            out += "<section class=\"thread\" id=\"" + html_escape(message.thread_id) + "\">\n<h2>Thread: " +
                   display_html(message.parsed.subject.empty() ? "(no subject)" : message.parsed.subject) +
                   " <span class=\"muted\">(" + html_escape(message.thread_id) + ")</span></h2>\n";
        }
        const auto found = events_by_row.find(message.row);
        message_html(out, message, file_names[index],
                     found == events_by_row.end() ? std::vector<const StoredEvent*>{} : found->second);
    }
    if (!record.messages.empty()) out += "</section>\n";
    out += "</body>\n</html>\n";
    return out;
}

}  // namespace casefile::core
