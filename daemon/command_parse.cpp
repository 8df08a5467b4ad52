// casefile parse FILE: the parsed view of one message, without storing it.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/json_writer.hpp"
#include "core/message_json.hpp"
#include "daemon/commands.hpp"
#include "parsers/mime_parser.hpp"

namespace casefile::daemon {
namespace {

std::string format_address(const core::Address& address) {
    if (address.name.empty()) return address.address;
    return address.name + " <" + address.address + ">";
}

std::string format_addresses(const std::vector<core::Address>& addresses) {
    std::string text;
    for (const auto& address : addresses) {
        if (!text.empty()) text += ", ";
        text += format_address(address);
    }
    return text;
}

void print_zone(const char* title, const std::string& text) {
    if (text.empty()) return;
    std::printf("\n--- %s ---\n%s\n", title, text.c_str());
}

}  // namespace

int command_parse(const GlobalOptions&, Arguments& arguments) {
    const bool json = arguments.flag("--json");
    auto files = finish_arguments(arguments, "casefile parse FILE [--json]");
    if (!files) return kExitUsage;
    if (files->size() != 1) {
        print_error("parse takes exactly one FILE (an .eml message)");
        return kExitUsage;
    }
    std::ifstream file((*files)[0], std::ios::binary);
    if (!file) {
        print_error("cannot read " + (*files)[0]);
        return kExitFailure;
    }
    std::ostringstream contents;
    contents << file.rdbuf();
    const core::ParsedMessage message = parsers::parse_message(contents.str());
    const std::optional<std::string> date =
        message.date ? std::optional(core::to_iso8601(*message.date)) : std::nullopt;

    if (json) {
        core::JsonWriter out;
        out.begin_object();
        out.key("message_id");
        message.message_id.empty() ? out.null() : out.value(message.message_id);
        out.key("in_reply_to");
        message.in_reply_to.empty() ? out.null() : out.value(message.in_reply_to);
        out.key("references").string_array(message.references);
        out.key("subject").value(message.subject);
        out.key("from");
        core::write_address(out, message.from);
        out.key("to");
        core::write_addresses(out, message.to);
        out.key("cc");
        core::write_addresses(out, message.cc);
        out.key("date").value(date);
        out.key("own_text").value(message.zones.own_text);
        out.key("quoted_text").value(message.zones.quoted_text);
        out.key("signature").value(message.zones.signature);
        out.key("attachments");
        core::write_attachments(out, message.attachments);
        out.key("warnings").string_array(message.warnings);
        out.end_object();
        std::printf("%s\n", out.str().c_str());
        return kExitOk;
    }
    std::printf("Message-ID: %s\n", message.message_id.empty() ? "(none)" : message.message_id.c_str());
    std::printf("Date:       %s\n", date.value_or("(none)").c_str());
    std::printf("From:       %s\n", format_address(message.from).c_str());
    std::printf("To:         %s\n", format_addresses(message.to).c_str());
    if (!message.cc.empty()) std::printf("Cc:         %s\n", format_addresses(message.cc).c_str());
    std::printf("Subject:    %s\n", message.subject.c_str());
    for (const auto& attachment : message.attachments) {
        std::printf("Attachment: %s (%s, %llu bytes, sha256 %s)\n", attachment.filename.c_str(),
                    attachment.content_type.c_str(),
                    static_cast<unsigned long long>(attachment.size), attachment.sha256.c_str());
    }
    for (const auto& warning : message.warnings) std::printf("Warning:    %s\n", warning.c_str());
    print_zone("own text", message.zones.own_text);
    print_zone("quoted", message.zones.quoted_text);
    print_zone("signature", message.zones.signature);
    return kExitOk;
}

}  // namespace casefile::daemon
