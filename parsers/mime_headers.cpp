#include "parsers/mime_headers.hpp"

#include <cstring>

namespace casefile::parsers {
namespace {

// RFC 5322 §3.6.8: field-name = 1*ftext, printable ASCII except ':'.
bool is_field_name(std::string_view name) {
    if (name.empty()) return false;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 33 || byte > 126) return false;
    }
    return true;
}

}  // namespace

bool header_name_equals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
        if (x != y) return false;
    }
    return true;
}

const HeaderField* HeaderBlock::find(std::string_view name) const {
    for (const auto& field : fields) {
        if (header_name_equals(field.name, name)) return &field;
    }
    return nullptr;
}

std::size_t HeaderBlock::count(std::string_view name) const {
    std::size_t total = 0;
    for (const auto& field : fields) {
        if (header_name_equals(field.name, name)) ++total;
    }
    return total;
}

HeaderBlock split_header_block(std::string_view bytes) {
    HeaderBlock block;
    block.fields.reserve(24);
    std::size_t position = 0;
    // An mbox envelope line ("From sender date") left on a saved message.
    if (bytes.starts_with("From ")) {
        const std::size_t newline = bytes.find('\n');
        position = newline == std::string_view::npos ? bytes.size() : newline + 1;
    }
    const char* const data = bytes.data();
    while (position < bytes.size()) {
        const void* found = std::memchr(data + position, '\n', bytes.size() - position);
        const std::size_t newline =
            found == nullptr ? bytes.size() : static_cast<std::size_t>(static_cast<const char*>(found) - data);
        const std::size_t next = newline == bytes.size() ? newline : newline + 1;
        std::size_t line_end = newline;
        if (line_end > position && bytes[line_end - 1] == '\r') --line_end;
        const std::string_view line = bytes.substr(position, line_end - position);
        if (line.empty()) {
            block.has_separator = true;
            block.body = bytes.substr(next);
            return block;
        }
        if (line.front() == ' ' || line.front() == '\t') {
            // RFC 5322 §2.2.3: a folded continuation of the previous field.
            if (block.fields.empty()) {
                block.starts_with_header = false;
                block.body = bytes.substr(position);
                return block;
            }
            HeaderField& last = block.fields.back();
            const char* value_start = last.value.data();
            last.value = std::string_view(value_start, static_cast<std::size_t>(data + line_end - value_start));
            position = next;
            continue;
        }
        const std::size_t colon = line.find(':');
        std::string_view name = colon == std::string_view::npos ? std::string_view{} : line.substr(0, colon);
        // RFC 5322 §4.5.3 (obsolete syntax): blanks before the colon.
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
        if (!is_field_name(name)) {
            // Not a field: the body starts here (a missing blank line, or no
            // header at all).
            if (block.fields.empty()) block.starts_with_header = false;
            block.body = bytes.substr(position);
            return block;
        }
        block.fields.push_back({name, line.substr(colon + 1)});
        position = next;
    }
    block.body = bytes.substr(bytes.size());
    return block;
}

}  // namespace casefile::parsers
