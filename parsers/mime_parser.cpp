#include "parsers/mime_parser.hpp"

#include <exception>
#include <string>

#include "parsers/address_list.hpp"
#include "parsers/charset.hpp"
#include "parsers/date_header.hpp"
#include "parsers/header_decoding.hpp"
#include "parsers/mime_body.hpp"
#include "parsers/mime_guard.hpp"
#include "parsers/mime_tree.hpp"
#include "parsers/zones.hpp"
#include "core/detect.hpp"
#include "core/newsletter_issue.hpp"

namespace casefile::parsers {
namespace {

// A message with more distinct problems than this is hostile; the first ones
// say enough.
constexpr std::size_t max_warnings = 50;
// RFC 5322 §3.6.4 does not bound an id, but nothing legitimate is this long.
constexpr std::size_t max_id_bytes = 998;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// RFC 5322 §3.6.4 msg-ids: every "<...>" in the value, brackets removed.
// Values without brackets (seen from broken mailers) give their
// whitespace-separated words that contain '@'.
std::vector<std::string> message_ids(std::string_view value) {
    std::vector<std::string> ids;
    std::size_t position = 0;
    while (true) {
        const std::size_t open = value.find('<', position);
        if (open == std::string_view::npos) break;
        const std::size_t close = value.find('>', open + 1);
        if (close == std::string_view::npos) break;
        std::string id;
        for (std::size_t i = open + 1; i < close; ++i) {
            if (!is_space(value[i])) id.push_back(value[i]);
        }
        if (!id.empty() && id.size() <= max_id_bytes) ids.push_back(std::move(id));
        position = close + 1;
    }
    if (!ids.empty()) return ids;
    position = 0;
    while (position < value.size()) {
        while (position < value.size() && is_space(value[position])) ++position;
        const std::size_t start = position;
        while (position < value.size() && !is_space(value[position])) ++position;
        const std::string_view word = value.substr(start, position - start);
        if (word.find('@') != std::string_view::npos && word.size() <= max_id_bytes) {
            ids.emplace_back(word);
        }
    }
    return ids;
}

// CRLF and lone CR -> LF: one line-end convention for zoning and export.
std::string normalise_line_ends(std::string&& text) {
    std::size_t carriage_return = text.find('\r');
    if (carriage_return == std::string::npos) return std::move(text);
    std::string out;
    out.reserve(text.size());
    std::size_t position = 0;
    while (carriage_return != std::string::npos) {
        out.append(text, position, carriage_return - position);
        out.push_back('\n');
        position = carriage_return + 1;
        if (position < text.size() && text[position] == '\n') ++position;
        carriage_return = text.find('\r', position);
    }
    out.append(text, position, std::string::npos);
    return out;
}

void make_valid(std::string& text) {
    if (!is_valid_utf8(text) || text.find('\0') != std::string::npos) text = make_valid_utf8(text);
}

// The invariant of parse_message: every string is valid UTF-8, whatever
// path produced it.
void make_all_valid(core::ParsedMessage& message) {
    make_valid(message.message_id);
    make_valid(message.in_reply_to);
    for (auto& id : message.references) make_valid(id);
    make_valid(message.subject);
    make_valid(message.from.name);
    make_valid(message.from.address);
    for (auto* list : {&message.to, &message.cc}) {
        for (auto& address : *list) {
            make_valid(address.name);
            make_valid(address.address);
        }
    }
    make_valid(message.text);
    make_valid(message.zones.own_text);
    make_valid(message.zones.quoted_text);
    make_valid(message.zones.signature);
    for (auto& attachment : message.attachments) {
        make_valid(attachment.filename);
        make_valid(attachment.content_type);
    }
    for (auto& warning : message.warnings) make_valid(warning);
}

void add_warning(core::ParsedMessage& message, std::string warning) {
    for (const auto& existing : message.warnings) {
        if (existing == warning) return;
    }
    if (message.warnings.size() < max_warnings) message.warnings.push_back(std::move(warning));
}

void read_headers(const HeaderBlock& headers, const MimeLimits& limits, core::ParsedMessage& message) {
    for (const char* name : {"Message-ID", "Subject", "From", "Date"}) {
        if (headers.count(name) > 1) {
            add_warning(message, std::string("duplicate ") + name + " header; the first one is used");
        }
    }
    // mimetic invents a Message-ID when there is none; we never do: an
    // invented id would make threading and dedup lie.
    if (const HeaderField* field = headers.find("Message-ID")) {
        const auto ids = message_ids(field->value);
        if (!ids.empty()) {
            message.message_id = ids.front();
        } else {
            add_warning(message, "unusable Message-ID header");
        }
    }
    if (const HeaderField* field = headers.find("In-Reply-To")) {
        const auto ids = message_ids(field->value);
        if (!ids.empty()) message.in_reply_to = ids.front();
    }
    if (const HeaderField* field = headers.find("References")) message.references = message_ids(field->value);
    if (const HeaderField* field = headers.find("Subject")) {
        message.subject = decode_header_text(field->value);
        if (truncate_utf8(message.subject, limits.max_line_bytes)) {
            add_warning(message, "Subject longer than " + std::to_string(limits.max_line_bytes) + " bytes; cut");
        }
    }
    const HeaderField* from = headers.find("From");
    if (from == nullptr) from = headers.find("Sender");
    if (from != nullptr) {
        auto addresses = parse_address_list(from->value.substr(0, limits.max_line_bytes));
        if (!addresses.empty()) message.from = std::move(addresses.front());
    }
    // Newsletters, lists and automated notices: detection leaves them alone.
    const auto header_value = [&](const char* name) -> std::string_view {
        const HeaderField* field = headers.find(name);
        if (field == nullptr) return {};
        std::string_view value = field->value;
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r' ||
                                  value.back() == '\n')) {
            value.remove_suffix(1);
        }
        return value;
    };
    core::BulkSignals signals;
    signals.list_id = header_value("List-Id");
    signals.list_unsubscribe = header_value("List-Unsubscribe");
    signals.precedence = header_value("Precedence");
    signals.auto_submitted = header_value("Auto-Submitted");
    signals.from_address = message.from.address;
    message.bulk = core::is_bulk_mail(signals);
    // RFC 5322 allows one To and one Cc; when a mailer repeats them, every
    // recipient still counts.
    for (const auto& field : headers.fields) {
        std::vector<core::Address>* list = nullptr;
        if (header_name_equals(field.name, "To")) list = &message.to;
        if (header_name_equals(field.name, "Cc")) list = &message.cc;
        if (list == nullptr) continue;
        for (auto& address : parse_address_list(field.value.substr(0, limits.max_line_bytes))) {
            list->push_back(std::move(address));
        }
    }
    if (const HeaderField* field = headers.find("Date")) {
        std::string value = unfold_header(field->value.substr(0, 1024));
        message.date = parse_date_header(value);
        if (!message.date) {
            truncate_utf8(value, 80);
            add_warning(message, "unreadable Date header \"" + make_valid_utf8(value) + "\"");
        }
    } else {
        add_warning(message, "no Date header");
    }
}

core::ParsedMessage parse_unguarded(std::string_view raw, const MimeLimits& limits) {
    core::ParsedMessage message;
    if (raw.empty()) {
        add_warning(message, "empty message");
        return message;
    }
    std::vector<std::string> scan_warnings;
    describe_scan(scan_bytes(raw), limits, scan_warnings);
    for (auto& warning : scan_warnings) add_warning(message, std::move(warning));

    const MimeTree tree = parse_mime_tree(raw, limits);
    const HeaderBlock& headers = tree.root.headers;
    if (!headers.starts_with_header) {
        add_warning(message, "no header block; the whole message is read as body");
    } else if (!headers.has_separator && !headers.body.empty()) {
        add_warning(message, "header block not ended by a blank line; the rest is read as body");
    }
    read_headers(headers, limits, message);
    for (const auto& warning : tree.warnings) add_warning(message, warning);

    BodyContent content = read_body(tree.root);
    for (auto& warning : content.warnings) add_warning(message, std::move(warning));
    message.text = normalise_line_ends(std::move(content.text));
    make_valid(message.text);  // before zoning, which trusts its input
    message.attachments = std::move(content.attachments);
    message.zones = split_zones(message.text);
    // A newsletter without list headers still shows it in its own text.
    if (!message.bulk) message.bulk = core::is_bulk_text(message.zones.own_text);
    // A dated newsletter issue mailed to a crowd shows it in subject and recipients.
    if (!message.bulk) message.bulk = core::is_dated_issue(message);
    return message;
}

}  // namespace

core::ParsedMessage parse_message(std::string_view raw, const MimeLimits& limits) {
    core::ParsedMessage message;
    try {
        message = parse_unguarded(raw, limits);
    } catch (const std::exception& error) {
        // Only resource exhaustion can get here (std::bad_alloc); the raw
        // bytes are stored regardless, so a warning is the whole story.
        message = core::ParsedMessage{};
        message.warnings.push_back(std::string("message could not be parsed: ") + error.what());
    } catch (...) {
        message = core::ParsedMessage{};
        message.warnings.push_back("message could not be parsed");
    }
    make_all_valid(message);
    return message;
}

}  // namespace casefile::parsers
