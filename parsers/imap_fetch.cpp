#include "parsers/imap_fetch.hpp"

namespace casefile::parsers::imap {
namespace {

core::Unexpected fetch_error(const Response& response, const std::string& what) {
    return core::fail("IMAP: FETCH " + std::to_string(response.number.value_or(0)) + ": " + what);
}

// §7.4.2: nstring body data; a literal may have been streamed to the sink.
core::Result<FetchBody> take_body(std::string name, std::string section, Value& value,
                                  const Response& response) {
    FetchBody body;
    body.name = std::move(name);
    body.section = std::move(section);
    if (value.is_nil()) return body;
    if (!value.is_string()) return fetch_error(response, "body data is not a string or NIL");
    body.streamed = value.streamed;
    body.streamed_size = value.streamed ? value.number : 0;
    body.bytes = std::move(value.text);
    return body;
}

std::optional<std::string> rfc822_section(std::string_view name) {
    if (name == "RFC822") return "";
    if (name == "RFC822.HEADER") return "HEADER";
    if (name == "RFC822.TEXT") return "TEXT";
    return std::nullopt;
}

}  // namespace

const FetchBody* FetchItem::body(std::string_view section) const {
    for (const FetchBody& candidate : bodies) {
        if (candidate.name == "BODY" && equals_ignoring_case(candidate.section, section)) {
            return &candidate;
        }
    }
    return nullptr;
}

core::Result<FetchItem> parse_fetch(Response response) {
    if (!response.is_data() || response.name != "FETCH" || !response.number) {
        return core::fail("IMAP: not a FETCH response: " + describe(response).substr(0, 200));
    }
    // §7.4.2: "* n FETCH (" 1#(name SP value) ")"
    if (response.values.size() != 1 || !response.values[0].is_list()) {
        return fetch_error(response, "expected one parenthesised item list");
    }
    FetchItem item;
    item.sequence = *response.number;
    std::vector<Value>& items = response.values[0].items;
    if (items.size() % 2 != 0) return fetch_error(response, "item without a value");

    for (std::size_t i = 0; i < items.size(); i += 2) {
        Value& key = items[i];
        Value& value = items[i + 1];
        if (key.is_section()) {
            // BODY[...]<n>, BINARY[...] (RFC 3516); BINARY.SIZE[...] is a
            // number and stays in other_items.
            const std::string name = to_upper(key.text);
            if (name == "BODY" || name == "BINARY") {
                auto body = take_body(name, key.section, value, response);
                if (!body) return core::Unexpected(std::move(body.error()));
                body->origin = key.origin;
                item.bodies.push_back(std::move(*body));
            } else {
                item.other_items.emplace_back(describe(key), std::move(value));
            }
            continue;
        }
        if (!key.is_atom()) return fetch_error(response, "item name is not an atom");
        const std::string name = to_upper(key.text);
        if (name == "UID") {
            item.uid = to_uint32(value);
            if (!item.uid || *item.uid == 0) return fetch_error(response, "UID is not a 32-bit number");
        } else if (name == "RFC822.SIZE") {
            if (!value.is_number()) return fetch_error(response, "RFC822.SIZE is not a number");
            item.rfc822_size = value.number;
        } else if (name == "INTERNALDATE") {
            if (!value.is_string()) return fetch_error(response, "INTERNALDATE is not a string");
            item.internal_date = std::move(value.text);
        } else if (name == "FLAGS") {
            if (!value.is_list()) return fetch_error(response, "FLAGS is not a list");
            std::vector<std::string> flags;
            for (const Value& flag : value.items) flags.push_back(flag.astring_text());
            item.flags = std::move(flags);
        } else if (name == "MODSEQ") {
            // RFC 7162 §3.1.4.1: MODSEQ (mod-sequence-value)
            if (!value.is_list() || value.items.size() != 1 || !value.items[0].is_number()) {
                return fetch_error(response, "MODSEQ is not (number)");
            }
            item.modseq = value.items[0].number;
        } else if (auto section = rfc822_section(name)) {
            auto body = take_body("BODY", *section, value, response);
            if (!body) return core::Unexpected(std::move(body.error()));
            item.bodies.push_back(std::move(*body));
        } else {
            item.other_items.emplace_back(name, std::move(value));
        }
    }
    return item;
}

}  // namespace casefile::parsers::imap
