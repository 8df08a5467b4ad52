#include "core/digest.hpp"

#include <string_view>

#include "core/detect.hpp"
#include "core/html_text.hpp"

namespace casefile::core {
namespace {

// Order of the event groups: what changes the work first.
constexpr std::string_view kCategoryOrder[] = {"deadline_set", "deadline_change", "scope_add",
                                               "scope_remove", "agreement",       "escalation",
                                               "payment",      "boundary"};

// Client text quoted in the plain part: one line, and not endless.
std::string quote(std::string_view text, std::size_t limit = 300) {
    std::string line;
    for (char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        line.push_back(byte < 0x20 || byte == 0x7F ? ' ' : character);
    }
    if (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        line = line.substr(0, cut) + "…";
    }
    return line;
}

std::string plural(std::int64_t count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

std::string day_of(const std::string& iso) { return iso.substr(0, std::min<std::size_t>(16, iso.size())); }

std::string event_dates(const DigestEvent& event) {
    if (!event.previous_due.empty() && !event.due.empty()) {
        const int moved = compare_due(event.due, event.previous_due);
        if (moved == 0) return "confirmed for " + event.due;
        return event.previous_due + " → " + event.due + (moved > 0 ? " (later)" : " (earlier)");
    }
    if (!event.due.empty()) return "due " + event.due;
    if (event.category == "deadline_set" || event.category == "deadline_change") return "no date given";
    return {};
}

// Plain text and HTML are written side by side through one interface, so
// the two alternatives always hold the same content.
class Writer {
public:
    void heading(std::string_view title) {
        text_ += "\n" + std::string(title) + "\n" + std::string(title.size() > 60 ? 60 : title.size(), '=') + "\n";
        html_ += "<h2>" + display_html(title) + "</h2>\n";
    }
    void subheading(std::string_view title) {
        text_ += "\n" + std::string(title) + ":\n";
        html_ += "<h3>" + display_html(title) + "</h3>\n";
    }
    void paragraph(std::string_view line) {
        text_ += std::string(line) + "\n";
        html_ += "<p>" + display_html(line) + "</p>\n";
    }
    // One item: a line of our own words, optionally a quoted client sentence;
    // `quoted_from_subject` says it is the Subject line, not the body.
    void item(std::string_view line, std::string_view quoted = {},
              bool quoted_from_subject = false) {
        text_ += "- " + std::string(line) + "\n";
        html_ += "<li>" + display_html(line);
        if (!quoted.empty()) {
            const std::string label = quoted_from_subject ? "in the subject line: " : "";
            text_ += "    " + label + "\"" + quote(quoted) + "\"\n";
            html_ += "<blockquote>" +
                     (label.empty() ? "" : "<em>" + display_html(label) + "</em>") +
                     display_html(quote(quoted)) + "</blockquote>";
        }
        html_ += "</li>\n";
    }
    void begin_list() { html_ += "<ul>\n"; }
    void end_list() { html_ += "</ul>\n"; }
    void raw_text(std::string_view text) { text_ += text; }

    std::string text() const { return text_; }
    std::string html(std::string_view title) const {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width\">"
               "<title>" + display_html(title) + "</title>"
               "<style>body{font-family:sans-serif;max-width:40em;margin:0 auto;padding:0 .5em}"
               "blockquote{margin:.2em 0 .4em 1em;padding-left:.6em;border-left:3px solid #bbb;"
               "color:#333}h2{border-bottom:1px solid #ccc}code{word-break:break-all}"
               ".foot{color:#555;font-size:.85em}</style></head><body>\n" +
               html_ + "</body></html>\n";
    }
    void footer_html(std::string_view html) { html_ += html; }

private:
    std::string text_;
    std::string html_;
};

// Items per list: the digest is read on a phone; the rest is counted, and
// `casefile export` has everything.
constexpr std::size_t kSectionItems = 15;

template <typename Item, typename Render>
void write_section(Writer& writer, std::string_view title, const std::vector<Item>& items,
                   const Render& render) {
    if (items.empty()) return;
    writer.subheading(title);
    writer.begin_list();
    for (std::size_t index = 0; index < items.size() && index < kSectionItems; ++index) {
        render(items[index]);
    }
    if (items.size() > kSectionItems) {
        writer.item("... and " + std::to_string(items.size() - kSectionItems) + " more");
    }
    writer.end_list();
}

void write_client(Writer& writer, const DigestClientSection& client) {
    writer.heading(client.client);
    if (client.new_messages > 0) writer.paragraph(plural(client.new_messages, "new message", "new messages"));
    for (std::string_view category : kCategoryOrder) {
        std::vector<DigestEvent> events;
        for (const DigestEvent& event : client.events) {
            if (event.category == category) events.push_back(event);
        }
        write_section(writer, digest_category_title(std::string(category)), events,
                      [&](const DigestEvent& event) {
                          std::string line = day_of(event.message_date) + " " + event.from + ", \"" +
                                             quote(event.subject, 80) + "\"";
                          if (const std::string dates = event_dates(event); !dates.empty()) {
                              line += ": " + dates;
                          }
                          writer.item(line, event.evidence, event.evidence_in_subject);
                      });
    }
    write_section(writer, "Deadlines in the next 7 days", client.deadlines,
                  [&](const DigestDeadline& deadline) {
                      std::string when = (deadline.overdue ? "OVERDUE since " : "due ") + deadline.due;
                      if (deadline.own_promise) when = "you promised it for " + deadline.due +
                                                       (deadline.overdue ? " (OVERDUE)" : "");
                      writer.item(when + ": \"" + quote(deadline.subject, 80) + "\"",
                                  deadline.evidence, deadline.evidence_in_subject);
                  });
    write_section(writer, "Awaiting your reply (oldest first)", client.awaiting,
                  [&](const DigestAwaiting& waiting) {
                      writer.item(day_of(waiting.received) + " " + waiting.from + ", \"" +
                                  quote(waiting.subject, 80) + "\": waiting " +
                                  format_working_time(waiting.waited_working_seconds) +
                                  " of working time");
                  });
    write_section(writer, "Sent outside your working hours", client.out_of_hours,
                  [&](const DigestOutOfHours& request) {
                      writer.item(request.received_local + " " + request.from + ", \"" +
                                  quote(request.subject, 80) + "\"");
                  });
}

}  // namespace

std::string digest_category_title(const std::string& category) {
    if (category == "deadline_set") return "Deadlines set";
    if (category == "deadline_change") return "Deadlines moved";
    if (category == "scope_add") return "Scope added";
    if (category == "scope_remove") return "Scope removed";
    if (category == "agreement") return "Agreements";
    if (category == "escalation") return "Escalations";
    if (category == "payment") return "Payment";
    if (category == "boundary") return "Urgency outside your hours";
    return category;
}

std::string format_working_time(std::int64_t seconds) {
    const std::int64_t minutes = seconds / 60;
    if (minutes < 60) return std::to_string(minutes) + " min";
    const std::int64_t rest = minutes % 60;
    return std::to_string(minutes / 60) + " h" + (rest ? " " + std::to_string(rest) + " min" : "");
}

DigestText compose_digest(const DigestData& data) {
    DigestText digest;
    std::size_t events = 0;
    std::size_t awaiting = 0;
    std::size_t deadlines = 0;
    for (const auto& client : data.clients) {
        events += client.events.size();
        awaiting += client.awaiting.size();
        deadlines += client.deadlines.size();
    }
    digest.quiet = data.new_messages == 0 && events == 0 && awaiting == 0 && deadlines == 0 &&
                   data.problem_messages.empty() && data.notices.empty();

    std::string summary;
    if (digest.quiet) {
        summary = "nothing new";
    } else {
        summary = plural(data.new_messages, "new message", "new messages") + ", " +
                  plural(static_cast<std::int64_t>(events), "event", "events") + ", " +
                  std::to_string(awaiting) + " awaiting reply";
        if (!data.notices.empty()) summary += ", " + plural(static_cast<std::int64_t>(data.notices.size()), "problem", "problems");
    }
    digest.subject = "casefile digest, " + data.day_label + ": " + summary;

    Writer writer;
    if (digest.quiet) {
        writer.paragraph("Nothing new with your clients on " + data.day_label +
                         ", and nothing waiting on you. Ledger head " + data.ledger_head + " (" +
                         plural(data.ledger_entries, "entry", "entries") + ").");
        digest.text = writer.text();
        digest.html = writer.html(digest.subject);
        return digest;
    }
    writer.paragraph("Your clients on " + data.day_label + ": " + summary + ".");
    for (const DigestClientSection& client : data.clients) write_client(writer, client);

    if (!data.problem_messages.empty()) {
        writer.heading("Mail kept raw, with warnings");
        writer.begin_list();
        for (const DigestProblemMessage& problem : data.problem_messages) {
            writer.item(day_of(problem.date) + " " + problem.from + ", \"" + quote(problem.subject, 80) +
                        "\": " + quote(problem.problem, 160));
        }
        writer.end_list();
    }
    if (!data.notices.empty()) {
        writer.heading("Sync problems and notices");
        writer.begin_list();
        for (const DigestNotice& notice : data.notices) {
            std::string where = notice.account;
            if (!notice.folder.empty()) where += "/" + notice.folder;
            writer.item(day_of(notice.created_at) + " " + (where.empty() ? "" : where + ": ") +
                        quote(notice.text, 300));
        }
        writer.end_list();
    }

    const std::string counts = plural(data.total_messages, "message", "messages") + " on record; " +
                               plural(data.ledger_entries, "ledger entry", "ledger entries") + ".";
    writer.raw_text("\n--\n" + counts + "\nLedger head: " + data.ledger_head +
                    "\nKeep this mail: if the record is ever rewritten, this hash will no longer "
                    "match.\nFull record for a client: " + data.export_hint + "\n");
    writer.footer_html("<hr><p class=\"foot\">" + display_html(counts) + "<br>Ledger head: <code>" +
                       display_html(data.ledger_head) +
                       "</code><br>Keep this mail: if the record is ever rewritten, this hash will "
                       "no longer match.<br>Full record for a client: <code>" +
                       display_html(data.export_hint) + "</code></p>\n");
    digest.text = writer.text();
    digest.html = writer.html(digest.subject);
    return digest;
}

}  // namespace casefile::core
