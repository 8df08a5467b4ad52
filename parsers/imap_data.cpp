#include "parsers/imap_data.hpp"

namespace casefile::parsers::imap {
namespace {

const ResponseCode* find_code(const Response& response, std::string_view name) {
    if (!response.code || response.code->name != name) return nullptr;
    return &*response.code;
}

std::optional<std::uint32_t> code_uint32(const Response& response, std::string_view name) {
    const ResponseCode* code = find_code(response, name);
    if (!code || code->arguments.size() != 1) return std::nullopt;
    return to_uint32(code->arguments[0]);
}

std::vector<std::string> texts_of(const std::vector<Value>& values) {
    std::vector<std::string> texts;
    texts.reserve(values.size());
    for (const Value& value : values) texts.push_back(value.astring_text());
    return texts;
}

// §9: mailbox = "INBOX" / astring, and INBOX is case-insensitive (§5.1).
// The atom Foo[1] reads like a FETCH section and is put back together.
std::optional<std::string> mailbox_text(const Value& value) {
    if (value.is_section()) return describe(value);
    if (value.is_astring()) {
        if (equals_ignoring_case(value.text, "INBOX")) return std::string("INBOX");
        return value.text;
    }
    return std::nullopt;
}

core::Unexpected data_error(const Response& response, std::string_view what) {
    return core::fail("IMAP: " + std::string(what) + ": " + describe(response).substr(0, 200));
}

}  // namespace

std::optional<std::vector<std::string>> capabilities(const Response& response) {
    if (response.is_data() && response.name == "CAPABILITY") return texts_of(response.values);
    if (const ResponseCode* code = find_code(response, "CAPABILITY")) {
        return texts_of(code->arguments);
    }
    return std::nullopt;
}

bool has_capability(const std::vector<std::string>& capabilities, std::string_view name) {
    for (const std::string& capability : capabilities) {
        if (equals_ignoring_case(capability, name)) return true;
    }
    return false;
}

bool ListEntry::has_flag(std::string_view flag) const {
    for (const std::string& candidate : flags) {
        if (equals_ignoring_case(candidate, flag)) return true;
    }
    return false;
}

core::Result<ListEntry> parse_list(const Response& response) {
    // §7.2.2: "LIST" SP "(" [mbx-list-flags] ")" SP (DQUOTE QUOTED-CHAR
    // DQUOTE / nil) SP mailbox [SP extended-data (RFC 5258)]
    if (!response.is_data() || (response.name != "LIST" && response.name != "LSUB")) {
        return data_error(response, "not a LIST response");
    }
    const std::vector<Value>& values = response.values;
    if (values.size() < 3 || !values[0].is_list()) {
        return data_error(response, "LIST needs flags, delimiter and name");
    }
    ListEntry entry;
    entry.flags = texts_of(values[0].items);
    if (values[1].is_string() && values[1].text.size() == 1) {
        entry.delimiter = values[1].text[0];
    } else if (!values[1].is_nil()) {
        return data_error(response, "LIST delimiter is not one character or NIL");
    }
    auto name = mailbox_text(values[2]);
    if (!name) return data_error(response, "LIST mailbox name is not a string");
    entry.name = std::move(*name);
    return entry;
}

core::Result<MailboxStatus> parse_status(const Response& response) {
    // §7.2.4: "STATUS" SP mailbox SP "(" [status-att SP number *(SP ...)] ")"
    if (!response.is_data() || response.name != "STATUS") {
        return data_error(response, "not a STATUS response");
    }
    const std::vector<Value>& values = response.values;
    if (values.size() != 2 || !values[1].is_list()) {
        return data_error(response, "STATUS needs a mailbox and a list");
    }
    MailboxStatus status;
    auto name = mailbox_text(values[0]);
    if (!name) return data_error(response, "STATUS mailbox name is not a string");
    status.mailbox = std::move(*name);
    const std::vector<Value>& items = values[1].items;
    if (items.size() % 2 != 0) return data_error(response, "STATUS item without a value");
    for (std::size_t i = 0; i < items.size(); i += 2) {
        if (!items[i].is_atom() || !items[i + 1].is_number()) {
            return data_error(response, "STATUS item is not name and number");
        }
        const std::string key = to_upper(items[i].text);
        if (key == "HIGHESTMODSEQ") {
            status.highest_modseq = items[i + 1].number;
            continue;
        }
        const std::optional<std::uint32_t> number = to_uint32(items[i + 1]);
        if (!number) return data_error(response, "STATUS number larger than 32 bits");
        if (key == "MESSAGES") status.messages = number;
        else if (key == "RECENT") status.recent = number;
        else if (key == "UIDNEXT") status.uid_next = number;
        else if (key == "UIDVALIDITY") status.uid_validity = number;
        else if (key == "UNSEEN") status.unseen = number;
    }
    return status;
}

std::optional<std::vector<std::string>> flags(const Response& response) {
    if (!response.is_data() || response.name != "FLAGS") return std::nullopt;
    if (response.values.size() != 1 || !response.values[0].is_list()) return std::nullopt;
    return texts_of(response.values[0].items);
}

std::optional<std::uint32_t> uid_validity(const Response& response) {
    return code_uint32(response, "UIDVALIDITY");
}

std::optional<std::uint32_t> uid_next(const Response& response) {
    return code_uint32(response, "UIDNEXT");
}

std::optional<std::uint32_t> first_unseen(const Response& response) {
    return code_uint32(response, "UNSEEN");
}

std::optional<std::uint64_t> highest_modseq(const Response& response) {
    const ResponseCode* code = find_code(response, "HIGHESTMODSEQ");
    if (!code || code->arguments.size() != 1 || !code->arguments[0].is_number()) {
        return std::nullopt;
    }
    return code->arguments[0].number;
}

std::optional<std::vector<std::string>> permanent_flags(const Response& response) {
    const ResponseCode* code = find_code(response, "PERMANENTFLAGS");
    if (!code || code->arguments.size() != 1 || !code->arguments[0].is_list()) {
        return std::nullopt;
    }
    return texts_of(code->arguments[0].items);
}

bool has_code(const Response& response, std::string_view name) {
    return response.code && equals_ignoring_case(response.code->name, name);
}

}  // namespace casefile::parsers::imap
