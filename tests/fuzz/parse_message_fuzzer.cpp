// libFuzzer entry point for parse_message: no input may crash, hang, leak or
// produce a string that is not valid UTF-8 (the ParsedMessage contract).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "parsers/charset.hpp"
#include "parsers/mime_parser.hpp"

namespace {

using casefile::parsers::is_valid_utf8;

void require_valid(const std::string& text, const char* what) {
    if (is_valid_utf8(text) && text.find('\0') == std::string::npos) return;
    std::fprintf(stderr, "parse_message produced invalid UTF-8 in %s\n", what);
    std::abort();
}

void check(const casefile::core::ParsedMessage& message) {
    require_valid(message.message_id, "message_id");
    require_valid(message.in_reply_to, "in_reply_to");
    for (const auto& id : message.references) require_valid(id, "references");
    require_valid(message.subject, "subject");
    require_valid(message.from.name, "from.name");
    require_valid(message.from.address, "from.address");
    for (const auto* list : {&message.to, &message.cc}) {
        for (const auto& address : *list) {
            require_valid(address.name, "address name");
            require_valid(address.address, "address");
        }
    }
    require_valid(message.text, "text");
    require_valid(message.zones.own_text, "zones.own_text");
    require_valid(message.zones.quoted_text, "zones.quoted_text");
    require_valid(message.zones.signature, "zones.signature");
    for (const auto& attachment : message.attachments) {
        require_valid(attachment.filename, "attachment filename");
        require_valid(attachment.content_type, "attachment content_type");
        if (attachment.sha256.size() != 64) {
            std::fprintf(stderr, "attachment sha256 is not 64 hex digits\n");
            std::abort();
        }
    }
    for (const auto& warning : message.warnings) require_valid(warning, "warnings");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    check(casefile::parsers::parse_message(raw));
    // Tiny limits make the over-limit paths reachable with small inputs.
    casefile::parsers::MimeLimits tight;
    tight.max_depth = 3;
    tight.max_parts = 8;
    tight.max_line_bytes = 64;
    check(casefile::parsers::parse_message(raw, tight));
    return 0;
}
