// The summary at the top of index.html: who, when, how much, and the history
// of deadlines and scope changes as a table and as an inline SVG timeline.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "core/export_html_parts.hpp"
#include "core/html_text.hpp"

namespace casefile::core {
namespace {

// A due date as events state it: a date ("2025-12-05") or an ISO date-time.
std::optional<std::int64_t> due_unix(const std::string& due) {
    if (due.size() == 10) {
        if (auto parsed = parse_iso8601(due + "T00:00:00Z")) return parsed->unix_seconds;
        return std::nullopt;
    }
    if (auto parsed = parse_iso8601(due)) return parsed->unix_seconds;
    return std::nullopt;
}

std::string day_of(std::int64_t unix_seconds) {
    return to_iso8601(Timestamp{unix_seconds, 0}).substr(0, 10);
}

std::string list_html(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += ", ";
        out += display_html(item);
    }
    return out.empty() ? "&mdash;" : out;
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// Messages as ticks on a baseline, events as markers above them (circle:
// deadline, square: scope, triangle: other), each deadline joined to the date
// it set on a row above. Titles give the details on hover.
std::string timeline_svg(const CaseExport& export_data,
                         const std::unordered_map<std::int64_t, const CaseMessage*>& by_row) {
    std::vector<std::int64_t> moments;
    for (const CaseMessage& message : export_data.record.messages) {
        if (message.parsed.date) moments.push_back(message.parsed.date->unix_seconds);
    }
    for (const StoredEvent& stored : export_data.events) {
        if (auto due = due_unix(stored.event.due)) moments.push_back(*due);
    }
    if (moments.empty()) return "<p class=\"muted\">No dated messages to draw.</p>\n";
    const auto [low, high] = std::minmax_element(moments.begin(), moments.end());
    const double first = static_cast<double>(*low);
    const double span = std::max(1.0, static_cast<double>(*high - *low));
    constexpr double kLeft = 20, kWidth = 960;
    auto x_value = [&](std::int64_t unix_seconds) {
        return kLeft + (static_cast<double>(unix_seconds) - first) / span * kWidth;
    };
    auto x_of = [&](std::int64_t unix_seconds) { return number(x_value(unix_seconds)); };
    std::string svg =
        "<svg viewBox=\"0 0 1000 170\" width=\"1000\" "
        "height=\"170\" role=\"img\" aria-label=\"Timeline of messages and events\">\n"
        "<line x1=\"20\" y1=\"120\" x2=\"980\" y2=\"120\" stroke=\"#889\"/>\n"
        "<text x=\"20\" y=\"160\" font-size=\"12\">" + day_of(*low) + "</text>\n"
        "<text x=\"980\" y=\"160\" font-size=\"12\" text-anchor=\"end\">" + day_of(*high) + "</text>\n"
        "<text x=\"20\" y=\"20\" font-size=\"11\" fill=\"#555\">due dates</text>\n"
        "<text x=\"20\" y=\"70\" font-size=\"11\" fill=\"#555\">events</text>\n"
        "<text x=\"20\" y=\"140\" font-size=\"11\" fill=\"#555\">messages</text>\n";
    for (const CaseMessage& message : export_data.record.messages) {
        if (!message.parsed.date) continue;
        const std::string x = x_of(message.parsed.date->unix_seconds);
        svg += "<line x1=\"" + x + "\" y1=\"112\" x2=\"" + x + "\" y2=\"128\" stroke=\"" +
               (message.from_me ? "#69c" : "#334") + "\"><title>" +
               html_escape(shown_date(message.parsed.date)) + " " +
               display_html(message.parsed.subject) + "</title></line>\n";
    }
    for (const StoredEvent& stored : export_data.events) {
        const auto found = by_row.find(stored.event.message_row);
        if (found == by_row.end() || !found->second->parsed.date) continue;
        const std::int64_t at = found->second->parsed.date->unix_seconds;
        const std::string x = x_of(at);
        const std::string family = event_family(stored.event.category);
        const std::string title = "<title>" + display_html(stored.event.category) + ": " +
                                  (evidence_in_subject(stored.event) ? "(subject line) " : "") +
                                  display_html(stored.event.evidence) + "</title>";
        if (auto due = due_unix(stored.event.due)) {
            const std::string due_x = x_of(*due);
            const double due_value = x_value(*due);
            svg += "<line x1=\"" + x + "\" y1=\"80\" x2=\"" + due_x +
                   "\" y2=\"35\" stroke=\"#c90\" stroke-dasharray=\"3 2\"/>\n<rect x=\"" +
                   number(due_value - 4) + "\" y=\"26\" width=\"8\" height=\"8\" fill=\"#c60\" "
                   "transform=\"rotate(45 " + due_x + " 30)\"><title>due " +
                   display_html(stored.event.due) + "</title></rect>\n";
        }
        if (family == "deadline") {
            svg += "<circle cx=\"" + x + "\" cy=\"85\" r=\"6\" fill=\"#e8b400\">" + title + "</circle>\n";
        } else if (family == "scope") {
            svg += "<rect x=\"" + number(x_value(at) - 6) +
                   "\" y=\"79\" width=\"12\" height=\"12\" fill=\"#3a9\">" + title + "</rect>\n";
        } else {
            svg += "<path d=\"M" + x + " 78 l6 12 h-12 z\" fill=\"#a6c\">" + title + "</path>\n";
        }
    }
    svg += "</svg>\n";
    return svg;
}

std::string deadline_table(const CaseExport& export_data,
                           const std::unordered_map<std::int64_t, const CaseMessage*>& by_row) {
    if (export_data.events.empty()) {
        return "<p class=\"muted\">No deadline or scope events were recorded for these messages.</p>\n";
    }
    std::string out =
        "<table>\n<tr><th>Message date</th><th>Event</th><th>Due</th><th>Previously due</th>"
        "<th>In the client's words</th><th>Rule</th><th>Ledger</th></tr>\n";
    for (const StoredEvent& stored : export_data.events) {
        const auto found = by_row.find(stored.event.message_row);
        const CaseMessage* message = found == by_row.end() ? nullptr : found->second;
        out += "<tr><td>";
        if (message) {
            out += "<a href=\"#" + message_anchor(*message) + "\">" +
                   html_escape(shown_date(message->parsed.date)) + "</a>";
        }
        out += "</td><td><a href=\"#e-" + std::to_string(stored.id) + "\">" +
               display_html(stored.event.category) + "</a>" +
               (stored.superseded_at ? " <span class=\"muted\">(superseded)</span>" : "") +
               "</td><td>" + display_html(stored.event.due) + "</td><td>" +
               display_html(stored.event.previous_due) + "</td><td>" +
               evidence_source_label(stored.event) + "&ldquo;" +
               display_html(stored.event.evidence) + "&rdquo;</td><td>" +
               display_html(stored.event.rule_id) + "</td><td>" +
               (stored.ledger_sequence > 0 ? std::to_string(stored.ledger_sequence) : "&mdash;") +
               "</td></tr>\n";
    }
    return out + "</table>\n";
}

}  // namespace

std::string summary_html(const CaseExport& export_data) {
    const CaseRecord& record = export_data.record;
    std::unordered_map<std::int64_t, const CaseMessage*> by_row;
    std::set<std::string> threads;
    std::set<std::string> correspondents;
    std::size_t from_me = 0, attachments = 0;
    std::optional<Timestamp> first, last;
    for (const CaseMessage& message : record.messages) {
        by_row[message.row] = &message;
        threads.insert(message.thread_id);
        if (!message.from_me && !message.parsed.from.address.empty()) {
            correspondents.insert(message.parsed.from.address);
        }
        from_me += message.from_me ? 1 : 0;
        attachments += message.parsed.attachments.size();
        if (const auto& date = message.parsed.date) {
            if (!first || date->unix_seconds < first->unix_seconds) first = date;
            if (!last || date->unix_seconds > last->unix_seconds) last = date;
        }
    }
    std::map<std::string, std::size_t> per_category;
    for (const StoredEvent& stored : export_data.events) per_category[stored.event.category] += 1;
    std::string categories;
    for (const auto& [category, count] : per_category) {
        categories += (categories.empty() ? "" : ", ") + display_html(category) + " " +
                      std::to_string(count);
    }
    const CaseQuery& query = export_data.query;
    std::string asked = "all messages";
    if (query.from_unix || query.to_unix) {
        asked = "messages dated " + (query.from_unix ? day_of(*query.from_unix) : "any time") +
                " to " + (query.to_unix ? day_of(*query.to_unix) : "any time");
    }
    if (query.thread_id) asked += ", thread " + display_html(*query.thread_id);

    std::string out = "<header>\n<h1>Case file: " + display_html(record.client.name) + "</h1>\n";
    out += "<p class=\"muted\">Exported by casefile from the VA's store. Every original message "
           "is in the bundle byte for byte; <code>casefile verify</code> or "
           "<code>sha256sum -c manifest.sha256</code> checks that nothing changed.</p>\n";
    out += "<h2>Summary</h2>\n<table>\n";
    out += "<tr><th>Client</th><td>" + display_html(record.client.name) + "</td></tr>\n";
    out += "<tr><th>Client addresses</th><td>" + list_html(record.client.addresses) + "</td></tr>\n";
    out += "<tr><th>Client domains</th><td>" + list_html(record.client.domains) + "</td></tr>\n";
    out += "<tr><th>The VA's addresses</th><td>" + list_html(record.own_addresses) + "</td></tr>\n";
    out += "<tr><th>Correspondents</th><td>" +
           list_html(std::vector<std::string>(correspondents.begin(), correspondents.end())) +
           "</td></tr>\n";
    out += "<tr><th>Covers</th><td>" + asked + "</td></tr>\n";
    out += "<tr><th>Period</th><td>" +
           (first ? html_escape(shown_date(first)) + " to " + html_escape(shown_date(last))
                  : std::string("&mdash;")) +
           "</td></tr>\n";
    out += "<tr><th>Messages</th><td>" + std::to_string(record.messages.size()) + " in " +
           std::to_string(threads.size()) + " thread" + (threads.size() == 1 ? "" : "s") + " (" +
           std::to_string(record.messages.size() - from_me) + " received, " +
           std::to_string(from_me) + " sent by the VA); " + std::to_string(attachments) +
           " attachment" + (attachments == 1 ? "" : "s") + "</td></tr>\n";
    out += "<tr><th>Events</th><td>" + std::to_string(export_data.events.size()) +
           (categories.empty() ? "" : " (" + categories + ")") + "</td></tr>\n";
    out += "<tr><th>Ledger head</th><td>entry " + std::to_string(record.head.sequence) +
           ", <span class=\"hash\">" + html_escape(record.head.entry_hash) + "</span></td></tr>\n";
    out += "</table>\n<h2>Deadline and scope history</h2>\n";
    out += deadline_table(export_data, by_row);
    out += timeline_svg(export_data, by_row);
    out += "<h2>Threads</h2>\n<ol>\n";
    std::string previous;
    for (const CaseMessage& message : record.messages) {
        if (message.thread_id == previous) continue;
        previous = message.thread_id;
        out += "<li><a href=\"#" + html_escape(message.thread_id) + "\">" +
               display_html(message.parsed.subject.empty() ? "(no subject)" : message.parsed.subject) +
               "</a> <span class=\"muted\">" + html_escape(shown_date(message.parsed.date)) +
               "</span></li>\n";
    }
    out += "</ol>\n</header>\n";
    return out;
}

}  // namespace casefile::core
